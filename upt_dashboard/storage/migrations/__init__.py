"""Alembic migrations: the versioned history of the database schema (see docs/DESIGN.md)."""
