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

# Ringkasan lists the oldest overdue complaints; a national backlog runs to tens of
# thousands, which no reader scrolls and every view would pay to draw.
SHOWN_BACKLOG = 100

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
    shown = rows.select(
        fmt.each(rows["unit_code"], lambda code: labels.get(code, code)),
        rows["nomor"].cast(pl.String),
        fmt.each(rows["tanggal_masuk"], fmt.day),
        fmt.each(rows["due"], fmt.day),
        fmt.each(rows["as_of"], fmt.day),
        fmt.each(rows["age_working_days"], fmt.number),
        fmt.each(rows["overdue_working_days"], fmt.number),
    )
    return shown.rename(dict(zip(shown.columns, headers, strict=True)))


def complaint_state(resolved: bool, nomor: str, overdue: set[str]) -> str:
    """Selesai; or, while open, past due (in the backlog) or not yet due."""
    if resolved:
        return t("complaint.resolved")
    return t("complaint.overdue") if nomor in overdue else t("complaint.not_due")
