"""Months, grains and period labels.

A period is identified by its first day (``period_start``) and a label:
``2026-03`` (month), ``2026-Q1`` (quarter), ``2026`` (year) or
``2024-11..2026-10`` (the whole range, grain ``all``).
"""

from __future__ import annotations

from datetime import date

import polars as pl

from upt_dashboard.indicators.errors import IndicatorError
from upt_dashboard.months import GRAINS, Month

ALL = "all"  # the whole requested range as one period
ENGINE_GRAINS: tuple[str, ...] = (*GRAINS, ALL)


def month_dates(start: Month, end: Month) -> list[date]:
    """First days of every month from ``start`` to ``end``, inclusive (polars' month keys)."""
    if start > end:
        raise IndicatorError(f"Awal periode {start} sesudah akhir periode {end}.")
    return [m.first_day for m in Month.range(start, end)]


def check_grain(grain: str) -> None:
    if grain not in ENGINE_GRAINS:
        raise IndicatorError(
            f"Satuan waktu '{grain}' tidak dikenal; pilih {', '.join(ENGINE_GRAINS)}."
        )


def period_start_expr(grain: str, start: Month, column: str = "period") -> pl.Expr:
    """First day of the grain period containing each month in ``column``."""
    check_grain(grain)
    if grain == "month":
        return pl.col(column)
    if grain == "all":
        return pl.lit(start.first_day, dtype=pl.Date)
    return pl.col(column).dt.truncate("1q" if grain == "quarter" else "1y")


def period_label_expr(
    grain: str, start: Month, end: Month, column: str = "period_start"
) -> pl.Expr:
    """Label of each period from its first day (see module docstring)."""
    check_grain(grain)
    col = pl.col(column)
    if grain == "month":
        return col.dt.strftime("%Y-%m")
    if grain == "quarter":
        return pl.format("{}-Q{}", col.dt.year(), col.dt.quarter())
    if grain == "year":
        return col.dt.strftime("%Y")
    return pl.lit(f"{start}..{end}")


def months_held(grain: str, period_start: date, start: Month, end: Month) -> list[Month]:
    """The months of the period beginning ``period_start`` inside ``start``..``end``."""
    first = Month.of(period_start)
    length = {"month": 1, "quarter": 3, "year": 12}.get(grain)
    if length is None:  # "all" is the range itself
        return Month.range(start, end)
    return [m for m in Month.range(first, first + (length - 1)) if start <= m <= end]


def partial_label(grain: str, period: str, period_start: date, start: Month, end: Month) -> str:
    """``"2026-Q4 (2026-10)"``: a quarter or year the range cuts names the months it holds.

    Whole periods (and months, and the whole range) keep their label.
    """
    if grain not in ("quarter", "year"):
        return period
    held = months_held(grain, period_start, start, end)
    if len(held) == (3 if grain == "quarter" else 12):
        return period
    span = str(held[0]) if len(held) == 1 else f"{held[0]}..{held[-1]}"
    return f"{period} ({span})"
