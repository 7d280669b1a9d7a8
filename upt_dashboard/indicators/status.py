"""Traffic-light status (hijau / kuning / merah) from the configured bands.

Values are compared after rounding to what is displayed (a percent shown
with 1 decimal is compared at 3 decimals of the fraction), half up as
``upt_dashboard.rounding`` rounds everywhere, so the colour never
contradicts the number on screen. Neutral indicators and indicators
without bands get no status. Count bands are meant per unit per month, so
counts get a status only at that level and grain.
"""

from __future__ import annotations

import polars as pl

from upt_dashboard.indicators.catalogue import INDICATORS, Direction, Indicator, Unit
from upt_dashboard.indicators.config import Bands
from upt_dashboard.rounding import round_expr

HIJAU, KUNING, MERAH = "hijau", "kuning", "merah"
STATUSES = (HIJAU, KUNING, MERAH)
_NONE = pl.lit(None, dtype=pl.String)


def comparison_decimals(indicator: Indicator) -> int:
    """Decimals of the stored value that the display shows."""
    return indicator.decimals + (2 if indicator.unit is Unit.PERCENT else 0)


def has_status(
    indicator: Indicator, bands: Bands, *, level: str = "unit", grain: str = "month"
) -> bool:
    """Whether values of ``indicator`` at this level and grain get a status."""
    if bands.green is None or indicator.direction is Direction.NEUTRAL:
        return False
    return indicator.unit is not Unit.COUNT or (level, grain) == ("unit", "month")


def status_expr(
    indicator: Indicator, bands: Bands, value: pl.Expr, *, level: str = "unit", grain: str = "month"
) -> pl.Expr:
    """Expression giving the status of ``value`` (null where none applies)."""
    if not has_status(indicator, bands, level=level, grain=grain):
        return _NONE
    shown = round_expr(value, comparison_decimals(indicator))
    if indicator.direction is Direction.TARGET_RANGE:
        green = shown.is_between(*bands.green)
        yellow = shown.is_between(*bands.yellow)
    elif indicator.direction is Direction.HIGHER:
        green, yellow = shown >= bands.green, shown >= bands.yellow
    else:
        green, yellow = shown <= bands.green, shown <= bands.yellow
    return (
        pl.when(value.is_null())
        .then(_NONE)
        .when(green)
        .then(pl.lit(HIJAU))
        .when(yellow)
        .then(pl.lit(KUNING))
        .otherwise(pl.lit(MERAH))
    )


def shown_value_expr(value: pl.Expr | None = None, indicator_id: pl.Expr | None = None) -> pl.Expr:
    """Each row's value rounded (half up) to what its indicator displays.

    For frames with an ``indicator_id`` column (compute results): files the
    dashboard writes (CSV, workbooks, decks, the CLI) carry the number the
    screen shows and the status was judged on, not more digits.
    """
    value = pl.col("value") if value is None else value
    indicator_id = pl.col("indicator_id") if indicator_id is None else indicator_id
    by_decimals: dict[int, list[str]] = {}
    for ind in INDICATORS:
        by_decimals.setdefault(comparison_decimals(ind), []).append(ind.id)
    expr = None
    for decimals, ids in sorted(by_decimals.items()):
        branch = indicator_id.is_in(ids)
        rounded = round_expr(value, decimals)
        expr = pl.when(branch).then(rounded) if expr is None else expr.when(branch).then(rounded)
    return expr.otherwise(value) if expr is not None else value
