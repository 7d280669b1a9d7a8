"""Anomaly flags for data-quality review: values far from the unit's own history.

For each (indicator, unit) series the robust z-score of a value is
``|x − median| ÷ (1.4826 × MAD)`` (MAD = median absolute deviation; 1.4826
makes it comparable to a standard deviation for normal data). Median and
MAD suit small counts and are not pulled by the outlier itself. When MAD is
0 (more than half the values equal, common for counts such as incidents)
the scale falls back to ``1.2533 × mean absolute deviation`` (Iglewicz &
Hoaglin); when that is 0 too every value equals the median and nothing is
flagged. A series needs ``anomaly_min_history`` values before it is judged.
Count indicators (incidents, penalties, posts) also need to differ from
their median by ``anomaly_min_count_change``: with a median of 0 a single
incident has a huge z but is news for the status, not a data error.
Composite indices are skipped: their components are flagged instead.
"""

from __future__ import annotations

import polars as pl

from upt_dashboard.indicators.catalogue import BY_ID, Method, Unit
from upt_dashboard.indicators.config import Config, load_config
from upt_dashboard.indicators.formatting import format_number, format_value

MAD_SCALE = 1.4826
MEAN_AD_SCALE = 1.2533

ANOMALY_SCHEMA = pl.Schema(
    {
        "indicator_id": pl.String(),
        "unit_code": pl.String(),
        "period": pl.String(),
        "period_start": pl.Date(),
        "value": pl.Float64(),
        "median": pl.Float64(),
        "robust_z": pl.Float64(),
        "reason": pl.String(),
    }
)


def flag_anomalies(frame: pl.DataFrame, config: Config | None = None) -> pl.DataFrame:
    """Values of a :func:`~indicators.engine.compute` result far from their history.

    In: a compute result (typically level ``unit``, grain ``month``, a long
    range); each (indicator, unit_code) is one series. Out:
    :data:`ANOMALY_SCHEMA`, flagged rows only, with the reason in Bahasa
    Indonesia, largest z first.
    """
    config = config or load_config()
    series = ["indicator_id", "unit_code"]
    composites = [i for i, ind in BY_ID.items() if ind.method is Method.COMPOSITE]
    counts = [i for i, ind in BY_ID.items() if ind.unit is Unit.COUNT]
    values = frame.filter(pl.col("value").is_not_null(), ~pl.col("indicator_id").is_in(composites))
    deviation = (pl.col("value") - pl.col("median")).abs()
    scored = (
        values.with_columns(
            median=pl.col("value").median().over(series), count=pl.len().over(series)
        )
        .with_columns(mad=deviation.median().over(series), mean_ad=deviation.mean().over(series))
        .with_columns(
            scale=pl.when(pl.col("mad") > 0)
            .then(pl.col("mad") * MAD_SCALE)
            .otherwise(pl.col("mean_ad") * MEAN_AD_SCALE)
        )
        .with_columns(robust_z=pl.when(pl.col("scale") > 0).then(deviation / pl.col("scale")))
        .filter(
            pl.col("count") >= config.anomaly_min_history,
            pl.col("robust_z") > config.anomaly_z,
            ~pl.col("indicator_id").is_in(counts) | (deviation >= config.anomaly_min_count_change),
        )
        .sort("robust_z", descending=True)
    )
    reasons = [
        _reason(row["indicator_id"], row["value"], row["median"], row["robust_z"], config.anomaly_z)
        for row in scored.select("indicator_id", "value", "median", "robust_z").iter_rows(
            named=True
        )
    ]
    return (
        scored.with_columns(reason=pl.Series(reasons, dtype=pl.String))
        .select(ANOMALY_SCHEMA.names())
        .cast(dict(ANOMALY_SCHEMA))
    )


def _reason(indicator_id: str, value: float, median: float, z: float, limit: float) -> str:
    indicator = BY_ID[indicator_id]
    side = "di atas" if value > median else "di bawah"
    return (
        f"{indicator.name_id} {format_value(indicator, value)} jauh {side} riwayat UPT "
        f"ini (median {format_value(indicator, median)}; z robust "
        f"{format_number(z, 1)} > {format_number(limit, 1)}). Periksa kembali isian "
        "laporan bulan ini."
    )
