"""Tren: chosen indicators over time for units, unit types or the province,
with the target line and the traffic-light bands shaded behind."""

import streamlit as st

from upt_dashboard.ui import cache, filters, widgets
from upt_dashboard.ui.router import through_router
from upt_dashboard.views import charts
from upt_dashboard.views import format as fmt
from upt_dashboard.views.i18n import t
from upt_dashboard.views.names import indicator_ids, indicator_name, type_names, unit_labels
from upt_dashboard.views.palette import PROVINCE_COLOUR, SCOPE_COLOUR, unit_type_colours
from upt_dashboard.views.scope import series_names
from upt_dashboard.views.selection import data_end
from upt_dashboard.views.series import (
    axis_title,
    caption,
    scale,
    shading,
    target_value,
    trend_data,
    trend_frame,
)

through_router(__file__)

LEVELS = ("type", "unit", "province")

st.title(t("trend.title"))

units, facts, config, months, period, scope = filters.page_data(caption=False)

left, right = st.columns([3, 2])
st.session_state.setdefault("tren_indicators", ["indeks_orientasi_pelayanan", "kehadiran"])
chosen = left.multiselect(
    t("trend.indicators"),
    indicator_ids(),
    key="tren_indicators",
    format_func=indicator_name,
    placeholder=t("trend.pick_indicator"),
)
st.session_state.setdefault("tren_level", "type")
level = right.segmented_control(
    t("trend.level"), LEVELS, key="tren_level", required=True, format_func=lambda v: t(f"level.{v}")
)
start, last = months[0], data_end(period, months)
st.caption(
    t("trend.range", range=fmt.span_text(start, last), scope=filters.describe(None, scope, units))
)
if not chosen:
    widgets.empty(t("trend.no_indicator"))
    st.stop()
if level == "unit" and not scope.units:
    st.caption(t("trend.many_units_hint"))

sample = cache.is_sample_data(cache.data_version())
covered = scope.name(units)  # the scope's own total; the province beside a narrower one
province_name = covered.label
if level == "type":
    names = type_names(facts.unit_types)
    colours = {names[k]: v for k, v in unit_type_colours(facts.unit_types["type"]).items()}
else:
    names, colours = unit_labels(units), {}
colours[province_name] = SCOPE_COLOUR if covered.narrowed else PROVINCE_COLOUR
colours[t("scope.province")] = PROVINCE_COLOUR
names = series_names(names, covered)

for indicator_id in chosen:
    province = cache.compute(
        start=start,
        end=last,
        grain=period.grain,
        level="province",
        indicators=[indicator_id],
        **scope.engine_args(),
    )
    rows = (
        province.clear()
        if level == "province"
        else cache.compute(
            start=start,
            end=last,
            grain=period.grain,
            level=level,
            indicators=[indicator_id],
            **scope.engine_args(),
        )
    )
    reference = (
        cache.compute(
            start=start, end=last, grain=period.grain, level="province", indicators=[indicator_id]
        )
        if covered.narrowed
        else None
    )
    frame = trend_frame(rows, names, province, reference)
    if frame["value"].drop_nulls().is_empty():
        widgets.empty(t("trend.no_values", indicator=indicator_name(indicator_id)))
        continue
    zones, y_range = shading(indicator_id, frame["value"].to_list(), config)
    fig = charts.trend_figure(
        frame,
        charts.Labels(
            indicator_name(indicator_id),
            caption(fmt.span_text(start, last), sample),
            axis_title(indicator_id),
            t(f"axis.{period.grain}"),
        ),
        scale(indicator_id),
        grain=period.grain,
        colours=colours,
        dashed=[province_name, t("scope.province")],
        zones=zones,
        y_range=y_range,
        target=target_value(indicator_id, config),
        target_label=t("common.target"),
    )
    widgets.chart(
        fig,
        trend_data(rows, province),
        key=f"tren_chart_{indicator_id}",
        filename=f"tren_{indicator_id}",
    )
