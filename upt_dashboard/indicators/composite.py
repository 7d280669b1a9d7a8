"""Composite indices (0–100) from component indicators.

Each component is scored ``100 × (value − floor) ÷ (target − floor)``
clipped to 0–100: 0 points at its floor, 100 at its target. The same
formula serves lower-is-better components (their floor lies above the
target). The index is Σ(weight × score) ÷ Σ weight over the components
that have a value, so a unit without complaints is judged on the rest.
Weights, floors and the component list come from the configuration.
"""

from __future__ import annotations

import polars as pl

from upt_dashboard.indicators.catalogue import BY_ID
from upt_dashboard.indicators.config import Component, Config
from upt_dashboard.indicators.errors import IndicatorError
from upt_dashboard.indicators.formatting import format_number, format_value


def components(composite_id: str, config: Config) -> tuple[Component, ...]:
    """The configured components of a composite index."""
    try:
        return config.composites[composite_id]
    except KeyError:
        raise IndicatorError(
            f"Indeks {composite_id} belum diatur di konfigurasi [composites.{composite_id}]."
        ) from None


def score_expr(component: Component, value: pl.Expr, config: Config) -> pl.Expr:
    """Score 0–100 of one component value (null stays null)."""
    target = config.band(component.indicator_id).target
    return ((value - component.floor) / (target - component.floor)).clip(0, 1) * 100


def composite_exprs(
    composite_id: str, config: Config, value_of=lambda indicator_id: pl.col(indicator_id)
) -> tuple[pl.Expr, pl.Expr]:
    """(index value, number of components with a value) over a wide frame.

    ``value_of(indicator_id)`` gives the expression of a component's value
    (by default a column named after the indicator).
    """
    weighted, weights, present = [], [], []
    for c in components(composite_id, config):
        value = value_of(c.indicator_id)
        has = value.is_not_null()
        weighted.append(pl.when(has).then(score_expr(c, value, config) * c.weight))
        weights.append(pl.when(has).then(pl.lit(c.weight)))
        present.append(has.cast(pl.Int64))
    total_weight = pl.sum_horizontal(weights)
    n = pl.sum_horizontal(present)
    value = pl.when((n > 0) & (total_weight > 0)).then(pl.sum_horizontal(weighted) / total_weight)
    return value, n


def composite_breakdown(frame: pl.DataFrame, composite_id: str, config: Config) -> pl.DataFrame:
    """Components behind each composite value of a :func:`~indicators.engine.compute` result.

    ``frame`` must hold the component indicators (compute them together with
    the index). Returns per ``unit_code, period, period_start`` and component:
    ``indicator_id, name, value, floor, target, weight, score`` and
    ``contribution`` (weight share × score; the contributions of a row sum to
    the index).
    """
    parts = components(composite_id, config)
    spec = pl.DataFrame(
        {
            "indicator_id": [c.indicator_id for c in parts],
            "name": [BY_ID[c.indicator_id].name_id for c in parts],
            "floor": [c.floor for c in parts],
            "target": [config.band(c.indicator_id).target for c in parts],
            "weight": [c.weight for c in parts],
        }
    )
    missing = set(spec["indicator_id"]) - set(frame["indicator_id"].unique())
    if missing:
        raise IndicatorError(
            f"Komponen {', '.join(sorted(missing))} tidak ada dalam hasil; "
            "hitung indeks bersama komponennya."
        )
    rows = frame.join(spec, on="indicator_id", how="inner").with_columns(
        score=((pl.col("value") - pl.col("floor")) / (pl.col("target") - pl.col("floor"))).clip(
            0, 1
        )
        * 100,
    )
    share = pl.when(pl.col("value").is_not_null()).then(pl.col("weight"))
    return rows.with_columns(
        contribution=pl.col("score") * share / share.sum().over("unit_code", "period_start"),
    ).select(
        "unit_code",
        "period",
        "period_start",
        "indicator_id",
        "name",
        "value",
        "floor",
        "target",
        "weight",
        "score",
        "contribution",
    )


def composite_formula(composite_id: str, config: Config) -> str:
    """The index as text in Bahasa Indonesia, for display beside the number."""
    parts = components(composite_id, config)
    total = sum(c.weight for c in parts)
    terms = []
    for c in parts:
        indicator = BY_ID[c.indicator_id]
        target = config.band(c.indicator_id).target
        terms.append(
            f"{format_number(c.weight / total, 2)} × skor {indicator.name_id} "
            f"(0 pada {format_value(indicator, c.floor)}, "
            f"100 pada {format_value(indicator, target)})"
        )
    return f"{BY_ID[composite_id].name_id} = " + " + ".join(terms)
