"""Alembic revisions, oldest first (0001_baseline): one file per schema change."""
