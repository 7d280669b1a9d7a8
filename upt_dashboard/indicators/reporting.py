"""Expected monthly reports and whether they came, and in time.

A unit-month is *expected* when the unit is in the registry scope and the
month's upload deadline has passed: the deadline is the end of day
``report_deadline_day`` of the following month, Asia/Jakarta time, and it
has passed once ``today`` is after that date. Months whose deadline is
still running are left out of both completeness and timeliness, so a unit
is never counted late or missing before it could be.

*Reported*: any accepted (stored) version exists, whenever it came.
*On time*: the first accepted upload (earliest ``uploaded_at`` over all
versions, so a later correction does not spoil it) fell on or before the
deadline date in Asia/Jakarta time.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import polars as pl

from upt_dashboard.months import Month

REPORT_GRID_SCHEMA = pl.Schema(
    {
        "unit_code": pl.String(),
        "period": pl.Date(),
        "reported": pl.Boolean(),
        "on_time": pl.Boolean(),
    }
)


def deadline(period: date, deadline_day: int = 10) -> date:
    """Last day (inclusive, local time) to upload the report of ``period``'s month.

    ``period`` is a month key as frames hold it (its first day).
    """
    return (Month.of(period) + 1).first_day.replace(day=deadline_day)


def expected_months(months: Sequence[date], today: date, deadline_day: int = 10) -> list[date]:
    """The months whose deadline has passed by ``today``."""
    return [m for m in months if deadline(m, deadline_day) < today]


def report_grid(
    submissions: pl.DataFrame,
    unit_codes: Sequence[str],
    months: Sequence[Month],
    *,
    today: date,
    deadline_day: int = 10,
    timezone: str = "Asia/Jakarta",
) -> pl.DataFrame:
    """One row per expected unit-month: ``unit_code, period, reported, on_time``.

    In: ``Facts.submissions`` (all versions, ``uploaded_at`` in UTC), the
    unit codes and months in scope.
    """
    return expected_reports(
        first_uploads(submissions, timezone),
        unit_codes,
        [m.first_day for m in months],
        today=today,
        deadline_day=deadline_day,
    )


def first_uploads(submissions: pl.DataFrame, timezone: str = "Asia/Jakarta") -> pl.DataFrame:
    """Local day of the first upload of every unit-month: ``unit_code, period, first_local_day``."""
    return submissions.group_by("unit_code", "period").agg(
        first_local_day=pl.col("uploaded_at").min().dt.convert_time_zone(timezone).dt.date()
    )


def expected_reports(
    first: pl.DataFrame,
    unit_codes: Sequence[str],
    months: Sequence[date],
    *,
    today: date,
    deadline_day: int = 10,
) -> pl.DataFrame:
    """:func:`report_grid` from the :func:`first_uploads` frame; ``months`` as frame keys."""
    due = expected_months(months, today, deadline_day)
    grid = pl.DataFrame({"unit_code": list(unit_codes)}).join(
        pl.DataFrame({"period": due}, schema={"period": pl.Date}), how="cross"
    )
    next_month = pl.col("period").dt.offset_by("1mo")
    deadline_expr = pl.date(next_month.dt.year(), next_month.dt.month(), deadline_day)
    # The units and months asked for first: one unit's history is not joined to every unit's.
    first = (
        first.filter(
            pl.col("period").is_between(min(due), max(due))
            & pl.col("unit_code").is_in(list(unit_codes))
        )
        if due
        else first.clear()
    )
    return grid.join(first, on=["unit_code", "period"], how="left").select(
        "unit_code",
        "period",
        reported=pl.col("first_local_day").is_not_null(),
        on_time=(pl.col("first_local_day") <= deadline_expr).fill_null(False),
    )
