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
