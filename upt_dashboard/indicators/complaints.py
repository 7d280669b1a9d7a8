"""Complaints as a list: one row per complaint in its newest known state.

A complaint is identified by (unit, Nomor). Every monthly report lists the
complaints received that month and the older ones still open, so one
complaint can appear in several reports; the report of the latest period
(current versions only) gives its state.

Working days (for "resolved on time"): the days counted are those *after*
the day of receipt up to and including the day of resolution, skipping
Saturdays, Sundays and Indonesian holidays from the ``holidays`` library
(category ``public`` by default; ``government`` adds cuti bersama).
Received Monday and resolved the next Monday = 5 working days; resolved
on the day of receipt = 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

import holidays
import polars as pl

COMPLAINT_SCHEMA = pl.Schema(
    {
        "unit_code": pl.String(),
        "nomor": pl.String(),
        "period": pl.Date(),
        "tanggal_masuk": pl.Date(),
        "tanggal_selesai": pl.Date(),
        "resolved": pl.Boolean(),
        "days": pl.Int64(),
        "working_days": pl.Int64(),
        "on_time": pl.Boolean(),
    }
)


def indonesian_holidays(
    years: Iterable[int], categories: tuple[str, ...] = ("public",)
) -> list[date]:
    """Indonesian holiday dates of the given years, per ``holidays.Indonesia``."""
    return sorted(holidays.country_holidays("ID", years=list(years), categories=categories))


def working_days_expr(received: pl.Expr, resolved: pl.Expr, holiday_dates: list[date]) -> pl.Expr:
    """Working days after ``received`` up to and including ``resolved``."""
    one_day = timedelta(days=1)
    return pl.business_day_count(
        received + one_day, resolved + one_day, holidays=holiday_dates
    ).cast(pl.Int64)


def complaint_list(
    pengaduan: pl.DataFrame,
    *,
    working_day_limit: int = 5,
    holiday_categories: tuple[str, ...] = ("public",),
) -> pl.DataFrame:
    """Newest state of every complaint, with its durations.

    In: ``Facts.pengaduan`` (current versions). Out: :data:`COMPLAINT_SCHEMA`
    — ``period`` is the month of Tanggal Masuk (a complaint belongs to the
    period it was received in); ``days`` calendar days to resolution and
    ``working_days`` (see module docstring) are null while open;
    ``on_time`` = resolved within ``working_day_limit`` working days.
    """
    latest = (
        pengaduan.lazy()
        .sort("period")
        .unique(["unit_code", "nomor"], keep="last", maintain_order=False)
        .select(
            "unit_code",
            "nomor",
            "tanggal_masuk",
            "tanggal_selesai",
            resolved=pl.col("status") == "Selesai",
        )
        .collect()
    )
    dates = pl.concat([latest["tanggal_masuk"], latest["tanggal_selesai"]]).drop_nulls()
    years = range(dates.min().year, dates.max().year + 2) if len(dates) else []
    holiday_dates = indonesian_holidays(years, holiday_categories)
    working = working_days_expr(pl.col("tanggal_masuk"), pl.col("tanggal_selesai"), holiday_dates)
    return (
        latest.with_columns(
            period=pl.col("tanggal_masuk").dt.truncate("1mo"),
            days=(pl.col("tanggal_selesai") - pl.col("tanggal_masuk")).dt.total_days(),
            working_days=pl.when(pl.col("resolved")).then(working),
        )
        .with_columns(
            on_time=pl.col("resolved") & (pl.col("working_days") <= working_day_limit),
        )
        .select(COMPLAINT_SCHEMA.names())
        .cast(dict(COMPLAINT_SCHEMA))
    )
