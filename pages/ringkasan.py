"""Ringkasan: composites and key indicators, composite trends, what needs attention,
the units × indicators scorecard and a ranking — the page leadership opens first."""

from datetime import date

import polars as pl
import streamlit as st

from upt_dashboard.indicators.keys import COMPOSITES, KEY_INDICATORS, scorecard_indicators
from upt_dashboard.ui import cache, filters, widgets
from upt_dashboard.ui.router import through_router
from upt_dashboard.views import charts
from upt_dashboard.views import format as fmt
from upt_dashboard.views.complaints import backlog_table
from upt_dashboard.views.i18n import t
from upt_dashboard.views.names import indicator_name, type_names, unit_labels
from upt_dashboard.views.overview import CARDS_PER_ROW, attention_list, cards, scorecard
from upt_dashboard.views.palette import PROVINCE_COLOUR, unit_type_colours
from upt_dashboard.views.scope import province_reference, scope_trend
from upt_dashboard.views.selection import comparison, data_end
from upt_dashboard.views.selection import period_name as period_label
from upt_dashboard.views.series import (
    axis_floor,
    axis_title,
    caption,
    higher_is_better,
    ranking_frame,
    scale,
    shading,
    target_value,
)
from upt_dashboard.views.values import formatter

through_router()

st.title(t("overview.title"))

units, facts, config, months, period, scope = filters.page_data()
last = data_end(period, months)

sample = cache.is_sample_data(cache.data_version())
labels = unit_labels(units)
codes = scope.unit_codes(units)
period_name = period_label(period, months)  # "Triwulan IV 2026 (Okt)" when partial
compared = comparison(period, months)  # like with like: the same months of the period before
ids = scorecard_indicators(config)
card_ids = [*COMPOSITES, *KEY_INDICATORS]
covered = scope.name(units)  # what the totals cover; the province beside a narrower scope

current = cache.compute(
    start=period.first,
    end=period.last,
    grain=period.grain,
    level="province",
    indicators=card_ids,
    **scope.engine_args(),
)
previous = (
    cache.compute(
        start=compared.first,
        end=compared.last,
        grain=period.grain,
        level="province",
        indicators=card_ids,
        **scope.engine_args(),
    )
    if compared.first
    else current.clear()
)
trend = cache.compute(
    start=months[0],
    end=last,
    grain="month",
    level="province",
    indicators=card_ids,
    **scope.engine_args(),
)
rows = cache.compute(
    start=period.first, end=period.last, grain=period.grain, level="unit", **scope.engine_args()
)
spark = trend.filter(pl.col("period_start") > (last - 12).first_day)
province = (
    cache.compute(
        start=months[0], end=period.last, grain="month", level="province", indicators=card_ids
    )
    if covered.narrowed
    else None
)
province_now = (
    cache.compute(
        start=period.first,
        end=period.last,
        grain=period.grain,
        level="province",
        indicators=card_ids,
    )
    if covered.narrowed
    else None
)
all_cards = cards(current, previous, spark, card_ids, config, reference=province_now)
if covered.narrowed:
    st.caption(t("scope.values_for", scope=covered.label, province=t("scope.province")))

if rows.filter(pl.col("value").is_not_null()).is_empty():
    widgets.empty(t("common.no_data_period", period=period_name))

previous_name = compared.label
if compared.note:  # the period before lacks the same months: say so instead of a change
    st.caption(compared.note)
key_cards = all_cards[2:]
for row_cards in (
    all_cards[:2],
    *(key_cards[i : i + CARDS_PER_ROW] for i in range(0, len(key_cards), CARDS_PER_ROW)),
):
    for column, card in zip(st.columns(len(row_cards)), row_cards):
        with column:
            widgets.metric(card, previous_name)

st.subheader(t("overview.composite_trend", scope=covered.label))
for column, composite in zip(st.columns(2), COMPOSITES):
    series = trend.filter(pl.col("indicator_id") == composite)
    frame = scope_trend(
        series,
        covered,
        province.filter(pl.col("indicator_id") == composite) if province is not None else None,
    )
    zones, y_range = shading(composite, frame["value"].to_list(), config)
    fig = charts.trend_figure(
        frame,
        charts.Labels(
            indicator_name(composite),
            caption(fmt.span_text(months[0], last), sample),
            axis_title(composite),
            t("axis.month"),
        ),
        scale(composite),
        colours={t("scope.province"): PROVINCE_COLOUR},
        dashed=[t("scope.province")],
        zones=zones,
        y_range=y_range,
        target=target_value(composite, config),
        target_label=t("common.target"),
    )
    with column:
        widgets.chart(
            fig,
            series.select("period", "value", "status"),
            key=f"ringkasan_trend_{composite}",
            filename=f"tren_{composite}",
        )

attention = attention_list(
    rows,
    cache.report_calendar(codes, period.months(), date.today()),
    cache.anomalies(start=months[0], end=last, **scope.engine_args()).filter(
        pl.col("period_start").is_between(period.first_day, period.last.first_day)
    ),
    labels,
    ids,
    config,
    period.grain,
    integrity=cache.u4_signals(codes, period.first, last),
    crossings=cache.threshold_crossings(codes, period.first, last),
    backlog=cache.backlog_counts(codes, [last]),
)
st.subheader(t("overview.attention", n=attention.height))
if attention.is_empty():
    st.success(t("overview.attention_none"), icon=":material/check_circle:")
else:
    widgets.table(attention, key="ringkasan_attention", filename="perlu_perhatian", height=320)

st.subheader(t("backlog.title"))
st.caption(t("backlog.intro", day=fmt.day(last.last_day), days=config.complaint_working_days))
backlog = backlog_table(cache.overdue_backlog(codes, last.last_day), labels)
if backlog.is_empty():
    st.success(t("backlog.none"), icon=":material/check_circle:")
else:
    widgets.table(backlog, key="ringkasan_backlog", filename="tunggakan_pengaduan")

st.subheader(t("overview.scorecard"))
st.caption(t("overview.scorecard_legend"))
text, status = scorecard(rows, codes, labels, ids, config)
widgets.table(text, status=status, key="ringkasan_scorecard", filename="kartu_skor")

st.subheader(t("overview.ranking"))
ranked_id = st.selectbox(
    t("overview.ranking_indicator"),
    card_ids,
    key="ringkasan_rank_indicator",
    format_func=indicator_name,
)
ranked = ranking_frame(rows.filter(pl.col("indicator_id") == ranked_id), units, labels)
ranked_value = current.filter(pl.col("indicator_id") == ranked_id)["value"]
true_value = (
    province_now.filter(pl.col("indicator_id") == ranked_id)["value"]
    if province_now is not None
    else ranked_value
)
if ranked["value"].drop_nulls().is_empty():
    widgets.empty(t("common.no_data_period", period=period_name))
else:
    fig = charts.ranking_figure(
        ranked,
        charts.Labels(
            t("overview.ranking_title", indicator=indicator_name(ranked_id)),
            caption(period_name, sample),
            axis_title(ranked_id),
        ),
        scale(ranked_id),
        group_names=type_names(facts.unit_types),
        colours=unit_type_colours(facts.unit_types["type"]),
        higher_is_better=higher_is_better(ranked_id),
        floor=axis_floor(ranked_id),
        **province_reference(
            covered,
            ranked_value[0] if len(ranked_value) else None,
            true_value[0] if len(true_value) else None,
            formatter(ranked_id),
        ),
    )
    widgets.chart(
        fig,
        ranked.select("unit_code", "label", "type", "value", "status"),
        key="ringkasan_ranking",
        filename=f"peringkat_{ranked_id}",
    )
