"""Complaints for display: the overdue backlog and each complaint's state (plain polars).

The backlog (``indicators.complaints.overdue_backlog``) goes on Ringkasan
for the scope and on Profil UPT for one unit. The free-text summary of a
complaint is never shown here: it may name people.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from upt_dashboard.views import format as fmt
from upt_dashboard.views.i18n import t

BACKLOG_COLUMNS = (
    "col.unit",
    "col.number",
    "col.received",
    "col.due",
    "col.as_of",
    "col.age_working_days",
    "col.overdue_working_days",
)


def backlog_table(rows: pl.DataFrame, labels: Mapping[str, str]) -> pl.DataFrame:
    """``overdue_backlog`` rows for display, oldest first, headings in the UI language."""
    headers = [t(k) for k in BACKLOG_COLUMNS]
    shown = [
        (
            labels.get(r["unit_code"], r["unit_code"]),
            r["nomor"],
            fmt.day(r["tanggal_masuk"]),
            fmt.day(r["due"]),
            fmt.day(r["as_of"]),
            fmt.number(r["age_working_days"]),
            fmt.number(r["overdue_working_days"]),
        )
        for r in rows.iter_rows(named=True)
    ]
    return pl.DataFrame(shown, schema={h: pl.String for h in headers}, orient="row")


def complaint_state(resolved: bool, nomor: str, overdue: set[str]) -> str:
    """Selesai; or, while open, past due (in the backlog) or not yet due."""
    if resolved:
        return t("complaint.resolved")
    return t("complaint.overdue") if nomor in overdue else t("complaint.not_due")
