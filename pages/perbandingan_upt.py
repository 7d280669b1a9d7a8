"""Perbandingan UPT: units ranked on one indicator for the period, coloured by
unit type, with the province value as the reference line."""

import streamlit as st

from upt_dashboard.ui import cache, filters, widgets
from upt_dashboard.ui.router import through_router
from upt_dashboard.views import charts
from upt_dashboard.views.i18n import t, t_count
from upt_dashboard.views.names import indicator_ids, indicator_name, type_names, unit_labels
from upt_dashboard.views.palette import unit_type_colours
from upt_dashboard.views.scope import province_reference
from upt_dashboard.views.selection import period_name as period_label
from upt_dashboard.views.series import (
    axis_floor,
    axis_title,
    caption,
    first_value,
    has_values,
    higher_is_better,
    ranking_frame,
    ranking_table,
    scale,
    target_value,
    without_value,
)
from upt_dashboard.views.values import formatter

through_router(__file__)

st.title(t("compare.title"))

units, facts, config, months, period, scope = filters.page_data()

indicator_id = st.selectbox(
    t("compare.indicator"),
    indicator_ids(),
    key="perbandingan_indicator",
    format_func=indicator_name,
)
period_name = period_label(period, months)  # "Triwulan IV 2026 (Okt)" when partial
labels = unit_labels(units)
rows = cache.compute(
    start=period.first,
    end=period.last,
    grain=period.grain,
    level="unit",
    indicators=[indicator_id],
    **scope.engine_args(),
)
province = cache.compute(
    start=period.first,
    end=period.last,
    grain=period.grain,
    level="province",
    indicators=[indicator_id],
    **scope.engine_args(),
)
covered = scope.name(units)  # the scope's own total, and the province beside a narrower one
true_province = (
    cache.compute(
        start=period.first,
        end=period.last,
        grain=period.grain,
        level="province",
        indicators=[indicator_id],
    )
    if covered.narrowed
    else province
)
ranked = ranking_frame(rows, units, labels)
if not has_values(ranked):
    widgets.empty(
        t("compare.no_values", indicator=indicator_name(indicator_id), period=period_name)
    )
    st.stop()

fig = charts.ranking_figure(
    ranked,
    charts.Labels(
        t("compare.chart_title", indicator=indicator_name(indicator_id), period=period_name),
        caption(period_name, cache.is_sample_data(cache.data_version())),
        axis_title(indicator_id),
    ),
    scale(indicator_id),
    group_names=type_names(facts.unit_types),
    colours=unit_type_colours(facts.unit_types["type"]),
    higher_is_better=higher_is_better(indicator_id),
    floor=axis_floor(indicator_id),
    **province_reference(
        covered,
        first_value(province, indicator_id),
        first_value(true_province, indicator_id),
        formatter(indicator_id),
    ),
    target=target_value(indicator_id, config),
    target_label=t("common.target"),
)
widgets.chart(
    fig,
    ranked.select("unit_code", "label", "type", "value", "status", "n"),
    key="perbandingan_chart",
    filename=f"perbandingan_{indicator_id}",
)

missing = without_value(ranked)
if missing:
    st.caption(t("compare.without_value", units=", ".join(missing)))
not_applicable = len(scope.unit_codes(units)) - ranked.height
if not_applicable:
    st.caption(t_count("compare.not_applicable", not_applicable, n=not_applicable))

table, status = ranking_table(ranked, indicator_id)
widgets.table(table, status=status, key="perbandingan_table", filename=f"peringkat_{indicator_id}")
