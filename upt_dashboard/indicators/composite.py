"""Composite indices (0–100) from component indicators.

Each component is scored ``100 × (value − floor) ÷ (target − floor)``
clipped to 0–100: 0 points at its floor, 100 at its target. The same
formula serves lower-is-better components (their floor lies above the
target). The index is Σ(weight × score) ÷ Σ weight over the components
that have a value (absent ones are re-weighted away), and the number of
components used is reported beside it.

Coverage: an index has a value only where the unit (or scope) has a report
in the period and the components with a value carry at least
``composite_min_weight`` (default 60%) of the configured weight. Otherwise
it is empty, with the reason (:data:`NO_REPORT`, :data:`TOO_FEW`) — never
0 or 100 by default: a unit that did not report is not judged on the
complaints carried over from other reports or on its report timeliness.
Weights, floors, the component list and the share come from the configuration.
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


NO_REPORT = "no_report"  # the unit (or no unit of the scope) reported in the period
TOO_FEW = "too_few_components"  # the components with a value weigh less than the minimum share


def composite_exprs(
    composite_id: str,
    config: Config,
    value_of=lambda indicator_id: pl.col(indicator_id),
    reported: pl.Expr | None = None,
) -> tuple[pl.Expr, pl.Expr, pl.Expr]:
    """(index value, number of components with a value, reason it is empty) over a wide frame.

    ``value_of(indicator_id)`` gives the expression of a component's value
    (by default a column named after the indicator); ``reported`` the
    number of reports behind the row (None: not checked). The reason is
    null where the index has a value.
    """
    parts = components(composite_id, config)
    weighted, weights, present = [], [], []
    for c in parts:
        value = value_of(c.indicator_id)
        has = value.is_not_null()
        weighted.append(pl.when(has).then(score_expr(c, value, config) * c.weight))
        weights.append(pl.when(has).then(pl.lit(c.weight)).otherwise(pl.lit(0.0)))
        present.append(has.cast(pl.Int64))
    total_weight = pl.sum_horizontal(weights)
    n = pl.sum_horizontal(present)
    configured = sum(c.weight for c in parts)
    # A share compared in whole per-mille, so 0.6 of the weight is never 0.59999….
    covered = (total_weight / configured * 1000).round(6) >= round(
        config.composite_min_weight * 1000, 6
    )
    no_report = reported == 0 if reported is not None else pl.lit(False)
    reason = (
        pl.when(no_report)
        .then(pl.lit(NO_REPORT))
        .when(~covered | (n == 0))
        .then(pl.lit(TOO_FEW))
        .otherwise(pl.lit(None, dtype=pl.String))
    )
    value = pl.when(reason.is_null() & (total_weight > 0)).then(
        pl.sum_horizontal(weighted) / total_weight
    )
    return value, n, reason


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
