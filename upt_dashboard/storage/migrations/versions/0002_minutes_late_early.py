"""Contract version 2: minutes of late arrival and early departure per employee.

Two nullable columns on ``fact_kehadiran_pegawai`` (version-1 reports leave
them empty: not measured, which is not 0 minutes).

Revision ID: 0002_minutes_late_early
Revises: 0001_baseline
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_minutes_late_early"
down_revision = "0001_baseline"
branch_labels = None
depends_on = None

_COLUMNS = ("menit_terlambat", "menit_pulang_cepat")


def upgrade() -> None:
    with op.batch_alter_table("fact_kehadiran_pegawai") as table:
        for name in _COLUMNS:
            table.add_column(sa.Column(name, sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("fact_kehadiran_pegawai") as table:
        for name in reversed(_COLUMNS):
            table.drop_column(name)
