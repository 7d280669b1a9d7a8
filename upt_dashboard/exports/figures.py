"""The charts of a pack as plotly figures, drawn by the dashboard's own builders.

``ui.charts`` and ``ui.series`` make the figures the pages show; using them
here means a downloaded image looks like the chart on screen. The set
mirrors the deck: for each charted indicator its monthly trend and the
units ranked with the province value, then IKM by element and by unit.
Words follow the interface language of ``ui.i18n`` (Bahasa Indonesia
unless the caller switched it).
"""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from upt_dashboard.exports.pack import CHART_INDICATORS, Pack
from upt_dashboard.exports.text import span, verification
from upt_dashboard.views import charts
from upt_dashboard.views import format as fmt
from upt_dashboard.views.i18n import t
from upt_dashboard.views.names import indicator_name, type_names
from upt_dashboard.views.palette import PROVINCE_COLOUR, SCOPE_COLOUR, unit_type_colours
from upt_dashboard.views.scope import ScopeName, province_reference, scope_name, series_names
from upt_dashboard.views.series import (
    axis_title,
    caption,
    higher_is_better,
    ranking_frame,
    scale,
    shading,
    target_value,
    trend_frame,
)
from upt_dashboard.views.values import formatter


def pack_figures(pack: Pack) -> dict[str, go.Figure]:
    """``{file name: figure}`` in deck order, e.g. ``03-kehadiran-tren``."""
    figures: dict[str, go.Figure] = {}
    ids = [i for i in CHART_INDICATORS if pack.has_value(i)]
    for n, indicator_id in enumerate(ids, start=1):
        figures[f"{n:02d}-{indicator_id}-tren"] = trend(pack, indicator_id)
        figures[f"{n:02d}-{indicator_id}-peringkat"] = ranking(pack, indicator_id)
    if pack.has_value("ikm"):
        n = len(ids) + 1
        figures[f"{n:02d}-ikm-tren"] = trend(pack, "ikm")
        figures[f"{n:02d}-ikm-unsur"] = elements(pack)
        figures[f"{n:02d}-ikm-peringkat"] = ranking(pack, "ikm")
    return figures


def _covered(pack: Pack) -> ScopeName:
    """The scope's name in the interface language (the figures follow it)."""
    return scope_name(pack.registry, pack.scope.units or None, pack.scope.types or None)


def _caption(pack: Pack, *, trend: bool = False) -> str:
    """The period a chart shows: a trend its 12 (or more) months, a ranking the period."""
    first = pack.scope.trend_start if trend else pack.scope.start
    line = caption(span(first, pack.scope.end), pack.scope.sample_data)
    note = verification(pack.scope.verified_only, pack.scope.unverified, lang=None)
    return f"{line}; {note}" if note else line


def trend(pack: Pack, indicator_id: str) -> go.Figure:
    """The scope per month (and the province when the scope is narrower)."""
    rows = pack.trend.filter(pl.col("indicator_id") == indicator_id)
    covered = _covered(pack)
    province = (
        pack.province_trend.filter(pl.col("indicator_id") == indicator_id)
        if covered.narrowed
        else None
    )
    frame = trend_frame(rows, series_names({}, covered), province)
    zones, y_range = shading(indicator_id, frame["value"].to_list(), pack.config)
    labels = charts.Labels(
        indicator_name(indicator_id),
        _caption(pack, trend=True),
        axis_title(indicator_id),
        t("axis.month"),
    )
    return charts.trend_figure(
        frame,
        labels,
        scale(indicator_id),
        colours={t("scope.province"): PROVINCE_COLOUR, covered.label: SCOPE_COLOUR},
        dashed=[t("scope.province")] if province is not None else [],
        zones=zones,
        y_range=y_range,
        target=target_value(indicator_id, pack.config),
        target_label=t("common.target"),
    )


def ranking(pack: Pack, indicator_id: str) -> go.Figure:
    """Units best first, coloured by type, with the province value as a line."""
    rows = pack.by_unit.filter(pl.col("indicator_id") == indicator_id)
    labels = dict(zip(pack.units["code"], pack.units["label"]))
    frame = ranking_frame(rows, pack.units, labels)
    return charts.ranking_figure(
        frame,
        charts.Labels(indicator_name(indicator_id), _caption(pack), axis_title(indicator_id)),
        scale(indicator_id),
        group_names=type_names(pack.unit_types),
        colours=unit_type_colours(pack.unit_types["type"]),
        higher_is_better=higher_is_better(indicator_id),
        **province_reference(
            _covered(pack),
            (pack.row(pack.summary, indicator_id) or {}).get("value"),
            (pack.row(pack.province, indicator_id) or {}).get("value"),
            formatter(indicator_id),
        ),
        target=target_value(indicator_id, pack.config),
        target_label=t("common.target"),
    )


def elements(pack: Pack) -> go.Figure:
    """IKM elements of the scope, pooled; the weakest in the red traffic-light colour."""
    frame = pack.ikm_elements.with_columns(
        name=pl.format("{} {}", pl.col("element").str.to_uppercase(), pl.col("name")),
        weakest=pl.col("rank") == 1,
    )
    row = pack.row(pack.summary, "ikm") or {}
    title = f"{indicator_name('ikm')} {fmt.value(row.get('value'), 'index', 2)}"
    return charts.elements_figure(
        frame,
        charts.Labels(title, _caption(pack), t("axis.nrr")),
        weakest_label=t("profile.weakest"),
    )
