"""Complaints as a list, judged by their due date.

Identity and state: a complaint is identified by (unit, Nomor). Every
monthly report lists the complaints received that month and the older ones
still open, so one complaint can appear in several reports; the report of
the latest period (current versions only) gives its state.

Due date: a complaint is due ``working_day_limit`` working days (default 5,
a Dinas service standard, configurable) after the day it was received.
Working days are counted from the day *after* receipt, skipping Saturdays,
Sundays and the Indonesian holidays of the ``holidays`` library in the
configured categories (``public`` national holidays and ``government`` cuti
bersama by default). Received Monday 9 March 2026: due Monday 16 March.

Each complaint counts once, in the period in which it falls due:

- *resolved by the period's end* — Tanggal Selesai on or before the last
  day of that period (a month, a quarter, a year);
- *on time* — resolved within the limit: at most ``working_day_limit``
  working days after receipt (an open complaint past its due date is late).

A complaint is judged only once the data reach its due date: the newest
report of its unit must cover the due date (``known_until``), otherwise it
is "belum jatuh tempo" (not yet due) and counts nowhere, never as a failure.
The open ones past their due date are the overdue backlog
(:func:`overdue_backlog`), listed with their age in working days.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

import holidays
import polars as pl

COMPLAINT_SCHEMA = pl.Schema(
    {
        "unit_code": pl.String(),
        "nomor": pl.String(),
        "period": pl.Date(),  # month of receipt
        "tanggal_masuk": pl.Date(),
        "tanggal_selesai": pl.Date(),
        "resolved": pl.Boolean(),
        "days": pl.Int64(),
        "working_days": pl.Int64(),
        "on_time": pl.Boolean(),
        "due": pl.Date(),
        "due_period": pl.Date(),  # month the complaint falls due in
    }
)
KNOWN_SCHEMA = pl.Schema({"unit_code": pl.String(), "known_until": pl.Date()})
BACKLOG_SCHEMA = pl.Schema(
    {
        "unit_code": pl.String(),
        "nomor": pl.String(),
        "tanggal_masuk": pl.Date(),
        "due": pl.Date(),
        "as_of": pl.Date(),
        "age_working_days": pl.Int64(),
        "overdue_working_days": pl.Int64(),
    }
)
DEFAULT_HOLIDAY_CATEGORIES: tuple[str, ...] = ("public", "government")


def indonesian_holidays(
    years: Iterable[int], categories: tuple[str, ...] = DEFAULT_HOLIDAY_CATEGORIES
) -> list[date]:
    """Indonesian holiday dates of the given years, per ``holidays.Indonesia``.

    ``("public",)``: national holidays; ``"government"`` adds cuti bersama.
    """
    return sorted(day for year in years for day in _holiday_dates(year, tuple(categories)))


@functools.lru_cache(maxsize=128)
def _holiday_dates(year: int, categories: tuple[str, ...]) -> tuple[date, ...]:
    # The holidays library builds its calendar in Python, about 10 ms a year: once per
    # year here (``prepare_holidays`` can do it ahead, off the page's thread).
    return tuple(holidays.country_holidays("ID", years=[year], categories=categories))


def prepare_holidays(
    years: Iterable[int], categories: tuple[str, ...] = DEFAULT_HOLIDAY_CATEGORIES
) -> None:
    """Build the holiday calendars of ``years`` now, so a first view does not wait for them."""
    for year in years:
        _holiday_dates(year, tuple(categories))


def working_days_expr(received: pl.Expr, until: pl.Expr, holiday_dates: list[date]) -> pl.Expr:
    """Working days after ``received`` up to and including ``until``."""
    one_day = timedelta(days=1)
    return pl.business_day_count(received + one_day, until + one_day, holidays=holiday_dates).cast(
        pl.Int64
    )


def due_date_expr(received: pl.Expr, limit: int, holiday_dates: list[date]) -> pl.Expr:
    """The ``limit``-th working day after ``received`` (received itself when ``limit`` is 0).

    Rolling a non-working receipt day back first makes "the n-th working day
    after" hold for a complaint received on a Saturday or a holiday too.
    """
    due = received.dt.add_business_days(limit, holidays=holiday_dates, roll="backward")
    return pl.max_horizontal(due, received)


def complaint_list(
    pengaduan: pl.DataFrame,
    *,
    working_day_limit: int = 5,
    holiday_categories: tuple[str, ...] = DEFAULT_HOLIDAY_CATEGORIES,
) -> pl.DataFrame:
    """Newest state of every complaint, with its durations and due date.

    In: ``Facts.pengaduan`` (current versions). Out: :data:`COMPLAINT_SCHEMA`
    — ``period`` is the month of Tanggal Masuk, ``due_period`` the month of
    ``due``; ``days`` calendar days to resolution and ``working_days`` (see
    the module docstring) are null while open; ``on_time`` = resolved within
    ``working_day_limit`` working days.
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
    holiday_dates = _holidays_for(latest, holiday_categories)
    working = working_days_expr(pl.col("tanggal_masuk"), pl.col("tanggal_selesai"), holiday_dates)
    return (
        latest.with_columns(
            period=pl.col("tanggal_masuk").dt.truncate("1mo"),
            days=(pl.col("tanggal_selesai") - pl.col("tanggal_masuk")).dt.total_days(),
            working_days=pl.when(pl.col("resolved")).then(working),
            due=due_date_expr(pl.col("tanggal_masuk"), working_day_limit, holiday_dates),
        )
        .with_columns(
            on_time=pl.col("resolved") & (pl.col("working_days") <= working_day_limit),
            due_period=pl.col("due").dt.truncate("1mo"),
        )
        .select(COMPLAINT_SCHEMA.names())
        .cast(dict(COMPLAINT_SCHEMA))
    )


def known_until(submissions: pl.DataFrame) -> pl.DataFrame:
    """Last day of each unit's newest current report: how far its complaint states are known.

    In: ``Facts.submissions``. Out: :data:`KNOWN_SCHEMA`, one row per unit
    with a report.
    """
    return (
        submissions.lazy()
        .filter(pl.col("is_current"))
        .group_by("unit_code")
        .agg(known_until=pl.col("period").max().dt.month_end())
        .collect()
        .cast(dict(KNOWN_SCHEMA))
    )


def judged(complaints: pl.DataFrame, known: pl.DataFrame) -> pl.DataFrame:
    """The complaints whose due date the data reach (:func:`known_until`), with ``known_until``.

    Only these count in the due-date indicators; the others are not yet due.
    """
    return complaints.join(known, on="unit_code", how="inner").filter(
        pl.col("due") <= pl.col("known_until")
    )


def overdue_backlog(
    complaints: pl.DataFrame,
    known: pl.DataFrame,
    as_of: date,
    *,
    units: Sequence[str] | None = None,
    working_day_limit: int = 5,
    holiday_categories: tuple[str, ...] = DEFAULT_HOLIDAY_CATEGORIES,
) -> pl.DataFrame:
    """Open complaints past their due date on ``as_of``, oldest first.

    Each unit is judged on the earlier of ``as_of`` and its ``known_until``
    (what its newest report says); a complaint resolved after that day was
    still open then. ``age_working_days`` counts working days from the day
    after receipt to that day; ``overdue_working_days`` those beyond the
    limit (≥ 1: a complaint is late once more than the limit has passed).
    Out: :data:`BACKLOG_SCHEMA`.
    """
    if units is not None:
        complaints = complaints.filter(pl.col("unit_code").is_in(list(units)))
    rows = complaints.join(known, on="unit_code", how="inner")
    day = pl.min_horizontal(pl.col("known_until"), pl.lit(as_of))
    holiday_dates = _holidays_for(rows, holiday_categories, extra=[as_of])
    age = working_days_expr(pl.col("tanggal_masuk"), pl.col("as_of"), holiday_dates)
    return (
        rows.with_columns(as_of=day)
        .filter(
            pl.col("tanggal_masuk") <= pl.col("as_of"),
            pl.col("tanggal_selesai").is_null() | (pl.col("tanggal_selesai") > pl.col("as_of")),
        )
        .with_columns(age_working_days=age)
        .filter(pl.col("age_working_days") > working_day_limit)
        .with_columns(overdue_working_days=pl.col("age_working_days") - working_day_limit)
        .sort(["age_working_days", "unit_code", "nomor"], descending=[True, False, False])
        .select(BACKLOG_SCHEMA.names())
        .cast(dict(BACKLOG_SCHEMA))
    )


def _holidays_for(
    frame: pl.DataFrame, categories: tuple[str, ...], extra: Sequence[date] = ()
) -> list[date]:
    """Holidays of every year the frame's dates touch (and the next, for due dates)."""
    dates = [
        d
        for column in ("tanggal_masuk", "tanggal_selesai")
        if column in frame.columns
        for d in (frame[column].min(), frame[column].max())
        if d is not None
    ] + list(extra)
    if not dates:
        return []
    return indonesian_holidays(range(min(dates).year, max(dates).year + 2), categories)


BACKLOG_COUNTS_SCHEMA = pl.Schema(
    {
        "unit_code": pl.String(),
        "period": pl.Date(),
        "overdue": pl.Int64(),
        "oldest_working_days": pl.Int64(),
    }
)


def backlog_counts(
    complaints: pl.DataFrame,
    known: pl.DataFrame,
    months: Sequence[date],
    *,
    units: Sequence[str] | None = None,
    working_day_limit: int = 5,
    holiday_categories: tuple[str, ...] = DEFAULT_HOLIDAY_CATEGORIES,
) -> pl.DataFrame:
    """The overdue backlog at the end of each month, counted per unit (no list).

    ``months``: first days of the months (frame keys). Out:
    :data:`BACKLOG_COUNTS_SCHEMA`, units with at least one overdue complaint.
    """
    frames = [
        overdue_backlog(
            complaints,
            known,
            (month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1),
            units=units,
            working_day_limit=working_day_limit,
            holiday_categories=holiday_categories,
        )
        .group_by("unit_code")
        .agg(
            overdue=pl.len().cast(pl.Int64),
            oldest_working_days=pl.col("age_working_days").max(),
        )
        .with_columns(period=pl.lit(month, dtype=pl.Date))
        for month in months
    ]
    if not frames:
        return pl.DataFrame(schema=BACKLOG_COUNTS_SCHEMA)
    return pl.concat(frames).select(BACKLOG_COUNTS_SCHEMA.names()).cast(dict(BACKLOG_COUNTS_SCHEMA))
