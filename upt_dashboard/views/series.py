"""Indicator results shaped for charts: trend lines, rankings, axes and shading (plain).

The chart builders in ``ui.charts`` take generic frames; this module turns
``indicators.compute`` rows into them and decides the words and the scale
of each indicator from the catalogue and the configuration.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from upt_dashboard.indicators.catalogue import BY_ID, Direction, Indicator, Method
from upt_dashboard.indicators.config import Config
from upt_dashboard.indicators.status import shown_value_expr
from upt_dashboard.months import Month, Span
from upt_dashboard.views import format as fmt
from upt_dashboard.views.charts import Scale, status_zones, value_range
from upt_dashboard.views.i18n import t
from upt_dashboard.views.names import STATUS_GLYPHS, indicator_name, n_label, status_label


def scale(indicator_id: str) -> Scale:
    ind = BY_ID[indicator_id]
    return Scale.for_unit(ind.unit.value, ind.decimals)


def axis_title(indicator_id: str) -> str:
    """ "Kehadiran Pegawai (%)", "Indeks Kepuasan Masyarakat (IKM) (skala 25–100)"."""
    ind = BY_ID[indicator_id]
    key = {"ikm": "unit.ikm_scale"}.get(indicator_id) or (
        "unit.composite_scale" if ind.id.startswith("indeks_") else f"unit.{ind.unit.value}"
    )
    return f"{indicator_name(ind)} ({t(key)})"


def caption(period: str, sample: bool) -> str:
    """Caption line under every chart: period and data source."""
    source = t("chart.source_sample") if sample else t("chart.source")
    return t("chart.caption", period=period, source=source)


def higher_is_better(indicator_id: str) -> bool:
    """Ranking direction (target-range and neutral indicators rank high first)."""
    return BY_ID[indicator_id].direction is not Direction.LOWER


def _threshold_marks(ind: Indicator, config: Config) -> list[float]:
    bands = config.band(ind.id)
    marks: list[float] = []
    for value in (bands.target, bands.target_min, bands.target_max, bands.green, bands.yellow):
        if isinstance(value, tuple):
            marks.extend(value)
        elif value is not None:
            marks.append(value)
    return marks


def shading(
    indicator_id: str, values: list[float | None], config: Config
) -> tuple[list[tuple[float, float, str]], tuple[float, float]]:
    """(traffic-light zones, y range) for a trend of this indicator.

    The range covers the data and the thresholds, so every band that
    matters is visible; percentages never go below 0.
    """
    ind = BY_ID[indicator_id]
    bands = config.band(indicator_id)
    low, high = value_range(values, *_threshold_marks(ind, config), floor=axis_floor(indicator_id))
    return status_zones(ind.direction, bands.green, bands.yellow, low, high), (low, high)


def axis_floor(indicator_id: str) -> float:
    """Where a value axis of this indicator starts: the bottom of its scale (IKM 25) or 0."""
    return 25.0 if indicator_id == "ikm" else 0.0


def target_value(indicator_id: str, config: Config) -> float | None:
    """The single target line to draw.

    None for a target range (its band shows it) and for a composite index:
    its configured 100 is the end of its scale (every component at its
    target), not a goal — a line at 100 beside an index that is "Baik" from
    80 would contradict the status the bands give.
    """
    if BY_ID[indicator_id].method is Method.COMPOSITE:
        return None
    return config.band(indicator_id).target


def trend_frame(
    rows: pl.DataFrame,
    names: Mapping[str, str],
    province: pl.DataFrame | None = None,
    reference: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """``compute`` rows of one indicator -> ``series, period_start, value`` for trend_figure.

    ``names`` maps the row's ``unit_code`` (unit, type, or the total codes
    PROVINSI / CAKUPAN: see ``views.scope.series_names``) to its series
    label; ``province`` rows (the scope's total) and ``reference`` rows (the
    whole province, drawn beside a narrowed scope) are added as series.
    """
    frames = [rows]
    if province is not None:
        frames.append(province)
    if reference is not None:
        frames.append(reference)
    # Plotted as shown elsewhere: rounded half up to the indicator's digits.
    long = pl.concat(
        [
            f.select(
                "unit_code",
                "period_start",
                shown_value_expr() if "indicator_id" in f.columns else pl.col("value"),
            )
            for f in frames
        ]
    )
    label = {"PROVINSI": t("scope.province"), **names}
    series = pl.col("unit_code").replace_strict(label, default=pl.col("unit_code"))
    return long.select(series=series, period_start="period_start", value="value")


def ranking_frame(
    rows: pl.DataFrame, units: pl.DataFrame, labels: Mapping[str, str]
) -> pl.DataFrame:
    """Unit-level rows of one indicator and period -> ``label, type, value, status, text``."""
    if rows.is_empty():
        return pl.DataFrame(
            schema={
                "unit_code": pl.String,
                "label": pl.String,
                "type": pl.String,
                "value": pl.Float64,
                "status": pl.String,
                "text": pl.String,
                "n": pl.Int64,
            }
        )
    ind = BY_ID[rows["indicator_id"][0]]
    typed = rows.join(units.select(unit_code="code", type="type"), on="unit_code", how="left")
    return typed.select(
        "unit_code",
        label=pl.col("unit_code").replace_strict(dict(labels), default=pl.col("unit_code")),
        type="type",
        value=shown_value_expr(),
        status="status",
        text=pl.Series(
            [
                f"{fmt.value(v, ind.unit.value, ind.decimals)} {STATUS_GLYPHS[s]}".strip()
                for v, s in zip(typed["value"], typed["status"])
            ],
            dtype=pl.String,
        ),
        n="n",
    )


# --- picking rows out of compute results -----------------------------------------------


def of_indicator(rows: pl.DataFrame, indicator_id: str) -> pl.DataFrame:
    """The rows of one indicator."""
    return rows.filter(pl.col("indicator_id") == indicator_id)


def at_month(rows: pl.DataFrame, month: Month) -> pl.DataFrame:
    """The rows of the period starting in ``month``."""
    return rows.filter(pl.col("period_start") == month.first_day)


def after_month(rows: pl.DataFrame, month: Month) -> pl.DataFrame:
    """The rows of the periods starting after ``month`` (a sparkline's last months)."""
    return rows.filter(pl.col("period_start") > month.first_day)


def within(rows: pl.DataFrame, span: Span, column: str = "period_start") -> pl.DataFrame:
    """The rows whose month (``column``, a first-day date) falls in ``span``."""
    return rows.filter(pl.col(column).is_between(span.first_day, span.last.first_day))


def has_values(rows: pl.DataFrame) -> bool:
    """Whether any row carries a value."""
    return not rows["value"].drop_nulls().is_empty()


def first_value(rows: pl.DataFrame, indicator_id: str) -> float | None:
    """The value of the first row of ``indicator_id`` (a scope total), or None."""
    values = of_indicator(rows, indicator_id)["value"]
    return values[0] if len(values) else None


def first_row(rows: pl.DataFrame, indicator_id: str) -> dict | None:
    """The first row of ``indicator_id`` as a dict, or None."""
    found = of_indicator(rows, indicator_id)
    return found.row(0, named=True) if found.height else None


def province_series(rows: pl.DataFrame) -> pl.DataFrame:
    """Scope-level rows of one indicator as the one ``series, period_start, value`` line."""
    return rows.select(
        series=pl.lit(t("common.province")), period_start="period_start", value="value"
    )


def trend_data(rows: pl.DataFrame, province: pl.DataFrame) -> pl.DataFrame:
    """The CSV under a trend chart: its rows and the scope line, with their parts."""
    return pl.concat([rows, province]).select(
        "unit_code", "period", "value", "numerator", "denominator", "n", "status"
    )


def ranking_table(ranked: pl.DataFrame, indicator_id: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The ranked units with a value as (text table, status table) for a tinted table.

    ``ranked`` is :func:`ranking_frame`'s; best first in the indicator's direction.
    """
    ind = BY_ID[indicator_id]
    ordered = ranked.filter(pl.col("value").is_not_null()).sort(
        "value", descending=higher_is_better(indicator_id)
    )
    table = pl.DataFrame(
        {
            t("col.rank"): [str(i) for i in range(1, ordered.height + 1)],
            t("col.unit"): ordered["label"],
            t("col.type"): ordered["type"],
            t("col.value"): ordered["text"],
            t("col.status"): [status_label(s) for s in ordered["status"]],
            t("col.n"): [f"{fmt.number(n)} {n_label(ind)}" for n in ordered["n"]],
        }
    )
    tinted = (t("col.value"), t("col.status"))
    status = pl.DataFrame(
        {
            c: ordered["status"].to_list() if c in tinted else [None] * ordered.height
            for c in table.columns
        },
        schema={c: pl.String for c in table.columns},
    )
    return table, status


def without_value(ranked: pl.DataFrame) -> list[str]:
    """Labels of the ranked units that have no value."""
    return ranked.filter(pl.col("value").is_null())["label"].to_list()


def value_text(indicator_id: str, value: float | None) -> str:
    """A value in its indicator's display unit: "85,3%", "87,28", "3,5 hari"."""
    ind = BY_ID[indicator_id]
    return fmt.value(value, ind.unit.value, ind.decimals)
