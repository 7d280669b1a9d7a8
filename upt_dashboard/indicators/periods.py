"""Months, grains and period labels.

A period is identified by its first day (``period_start``) and a label:
``2026-03`` (month), ``2026-Q1`` (quarter), ``2026`` (year) or
``2024-11..2026-10`` (the whole range, grain ``all``).
"""

from __future__ import annotations

from datetime import date

import polars as pl

from upt_dashboard.indicators.errors import IndicatorError

GRAINS = ("month", "quarter", "year", "all")


def month_start(d: date) -> date:
    return d.replace(day=1)


def add_months(d: date, months: int) -> date:
    """First day of the month ``months`` after ``d``'s month."""
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def parse_month(text: str) -> date:
    """``"2026-03"`` → ``date(2026, 3, 1)``; IndicatorError if malformed."""
    try:
        year, month = text.strip().split("-")
        return date(int(year), int(month), 1)
    except ValueError:
        raise IndicatorError(
            f"Bulan '{text}' tidak dikenali; tulis sebagai TTTT-BB, misalnya 2026-03."
        ) from None


def month_range(start: date, end: date) -> list[date]:
    """First days of every month from ``start``'s month to ``end``'s, inclusive."""
    first, last = month_start(start), month_start(end)
    if first > last:
        raise IndicatorError(f"Awal periode {first:%Y-%m} sesudah akhir periode {last:%Y-%m}.")
    months = []
    while first <= last:
        months.append(first)
        first = add_months(first, 1)
    return months


def check_grain(grain: str) -> None:
    if grain not in GRAINS:
        raise IndicatorError(f"Satuan waktu '{grain}' tidak dikenal; pilih {', '.join(GRAINS)}.")


def period_start_expr(grain: str, start: date, column: str = "period") -> pl.Expr:
    """First day of the grain period containing each month in ``column``."""
    check_grain(grain)
    if grain == "month":
        return pl.col(column)
    if grain == "all":
        return pl.lit(month_start(start), dtype=pl.Date)
    return pl.col(column).dt.truncate("1q" if grain == "quarter" else "1y")


def period_label_expr(grain: str, start: date, end: date, column: str = "period_start") -> pl.Expr:
    """Label of each period from its first day (see module docstring)."""
    check_grain(grain)
    col = pl.col(column)
    if grain == "month":
        return col.dt.strftime("%Y-%m")
    if grain == "quarter":
        return pl.format("{}-Q{}", col.dt.year(), col.dt.quarter())
    if grain == "year":
        return col.dt.strftime("%Y")
    return pl.lit(f"{start:%Y-%m}..{end:%Y-%m}")
