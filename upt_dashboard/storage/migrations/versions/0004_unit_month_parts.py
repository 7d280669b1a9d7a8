"""Pre-aggregated sums: one row per stored report with the engine's per-unit-month parts;
an index on the time of the latest verdict (read by every page view).

A cold start then reads one small row per report instead of its staff and
survey rows. Reports stored before this revision get their row from
``python cli.py db upgrade`` (which runs ``sums rebuild`` after migrating)
or ``python cli.py sums rebuild``; until then the engine computes their
sums from the rows, so no number changes.

Revision ID: 0004_unit_month_parts
Revises: 0003_accounts_audit_review
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_unit_month_parts"
down_revision = "0003_accounts_audit_review"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "unit_month_parts",
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("definition", sa.String(length=16), nullable=False),
        sa.Column("part_values", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["submission_id"], ["submissions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("submission_id"),
    )
    # The data version reads the latest verdict on every page view.
    op.create_index("ix_submissions_reviewed_at", "submissions", ["reviewed_at"])


def downgrade() -> None:
    op.drop_index("ix_submissions_reviewed_at", table_name="submissions")
    op.drop_table("unit_month_parts")
