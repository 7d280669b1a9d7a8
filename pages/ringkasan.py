"""Ringkasan: the period in one paragraph, composites and key indicators, composite
trends, what needs attention (one row per unit, each linked to its profile), the overdue
complaints, the units × indicators scorecard and a ranking — the page leadership opens
first."""

import streamlit as st

from upt_dashboard.ui import cache, filters, widgets
from upt_dashboard.ui.router import through_router
from upt_dashboard.views import charts
from upt_dashboard.views import format as fmt
from upt_dashboard.views.attention import attention_frame, attention_signals, unit_attention
from upt_dashboard.views.complaints import SHOWN_BACKLOG, backlog_table
from upt_dashboard.views.i18n import t, t_count
from upt_dashboard.views.names import indicator_name, type_names, unit_labels
from upt_dashboard.views.overview import (
    SHOWN_UNITS,
    card_rows,
    cards,
    most_in_need,
    overview_indicators,
    ranking_ends,
    scorecard,
)
from upt_dashboard.views.palette import PROVINCE_COLOUR, unit_type_colours
from upt_dashboard.views.scope import province_reference, scope_trend
from upt_dashboard.views.selection import comparison, data_end
from upt_dashboard.views.selection import period_name as period_label
from upt_dashboard.views.series import (
    after_month,
    axis_floor,
    axis_title,
    caption,
    first_value,
    has_values,
    higher_is_better,
    of_indicator,
    ranking_frame,
    scale,
    shading,
    target_value,
    within,
)
from upt_dashboard.views.summary import period_numbers, summary_text
from upt_dashboard.views.values import formatter

through_router(__file__)

st.title(t("overview.title"))

units, facts, config, months, period, scope = filters.page_data()
last = data_end(period, months)

sample = cache.is_sample_data(cache.data_version())
labels = unit_labels(units)
codes = scope.unit_codes(units)
period_name = period_label(period, months)  # "Triwulan IV 2026 (Okt)" when partial
compared = comparison(period, months)  # like with like: the same months of the period before
shown = overview_indicators(config)
covered = scope.name(units)  # what the totals cover; the province beside a narrower scope


def totals(start, end, grain, **narrowed):
    """A request of the cards' totals (the scope's, or the province's when not narrowed)."""
    return lambda: cache.compute(
        start=start, end=end, grain=grain, level="province", indicators=shown.cards, **narrowed
    )


def nothing():
    return None


# The attention list's signals and the overdue complaints are started first and
# drawn last: the cards, charts and tables are drawn while they are counted.
*signals, overdue = cache.under_way(
    lambda: cache.report_calendar(codes, period.months(), cache.today()),
    lambda: cache.anomalies(start=months[0], end=last, **scope.engine_args()),
    lambda: cache.u4_signals(codes, period.first, last),
    lambda: cache.threshold_crossings(codes, period.first, last),
    lambda: cache.backlog_counts(codes, [last]),
    lambda: cache.overdue_backlog(codes, last.last_day),
)
# Independent requests, made side by side; the true province's line and value only
# beside a narrower scope.
current, previous, trend, rows, province, province_now = cache.side_by_side(
    totals(period.first, period.last, period.grain, **scope.engine_args()),
    totals(compared.first, compared.last, period.grain, **scope.engine_args())
    if compared.first
    else nothing,
    totals(months[0], last, "month", **scope.engine_args()),
    lambda: cache.compute(
        start=period.first, end=period.last, grain=period.grain, level="unit", **scope.engine_args()
    ),
    totals(months[0], last, "month") if covered.narrowed else nothing,
    totals(period.first, period.last, period.grain) if covered.narrowed else nothing,
)
if previous is None:
    previous = current.clear()
all_cards = cards(
    current, previous, after_month(trend, last - 12), shown.cards, config, reference=province_now
)
if covered.narrowed:
    st.caption(t("scope.values_for", scope=covered.label, province=t("scope.province")))

if not has_values(rows):
    widgets.empty(t("common.no_data_period", period=period_name))

summary = st.container()  # the period in one paragraph, once the attention list is known

if compared.note:  # the period before lacks the same months: say so instead of a change
    st.caption(compared.note)
for row_cards in card_rows(all_cards):
    for column, card in zip(st.columns(len(row_cards)), row_cards):
        with column:
            widgets.metric(card, compared.label)

attention_list = st.container()  # drawn last, in its place

st.subheader(t("overview.composite_trend", scope=covered.label))
for column, composite in zip(st.columns(2), shown.composites):
    series = of_indicator(trend, composite)
    frame = scope_trend(
        series, covered, of_indicator(province, composite) if province is not None else None
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

st.subheader(t("backlog.title"))
st.caption(t("backlog.intro", day=fmt.day(last.last_day), days=config.complaint_working_days))
overdue_rows = overdue.result()  # oldest first
if overdue_rows.is_empty():
    st.success(t("backlog.none"), icon=":material/check_circle:")
else:
    if overdue_rows.height > SHOWN_BACKLOG:
        st.caption(t("backlog.capped", shown=SHOWN_BACKLOG, total=fmt.number(overdue_rows.height)))
    widgets.table(
        backlog_table(overdue_rows.head(SHOWN_BACKLOG), labels),
        download=lambda: backlog_table(overdue_rows, labels),  # every one, at the click
        key="ringkasan_backlog",
        filename="tunggakan_pengaduan",
    )

st.subheader(t("overview.scorecard"))
st.caption(t("overview.scorecard_legend"))
in_need = most_in_need(rows, codes, shown.scorecard)
if len(in_need) < len(codes):
    st.caption(t("overview.scorecard_capped", shown=len(in_need), total=len(codes)))
text, status = scorecard(rows, in_need, labels, shown.scorecard, config)
widgets.table(
    text,
    status=status,
    download=lambda: scorecard(rows, codes, labels, shown.scorecard, config)[0],  # every unit
    key="ringkasan_scorecard",
    filename="kartu_skor",
)

st.subheader(t("overview.ranking"))
ranked_id = st.selectbox(
    t("overview.ranking_indicator"),
    shown.cards,
    key="ringkasan_rank_indicator",
    format_func=indicator_name,
)
ranked = ranking_frame(of_indicator(rows, ranked_id), units, labels)
if not has_values(ranked):
    widgets.empty(t("common.no_data_period", period=period_name))
else:
    scope_value = first_value(current, ranked_id)
    ends = ranking_ends(ranked, higher_is_better(ranked_id))
    if ends.height < ranked.height:
        st.caption(
            t(
                "overview.ranking_capped",
                half=SHOWN_UNITS // 2,
                total=ranked.height,
                compare=t("nav.compare"),
            )
        )
    fig = charts.ranking_figure(
        ends,
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
            scope_value,
            first_value(province_now, ranked_id) if province_now is not None else scope_value,
            formatter(ranked_id),
        ),
    )
    widgets.chart(
        fig,
        ranked.select("unit_code", "label", "type", "value", "status"),
        key="ringkasan_ranking",
        filename=f"peringkat_{ranked_id}",
    )

calendar, anomalies, integrity, crossings, backlog_now = (pending.result() for pending in signals)
attention = unit_attention(
    attention_signals(
        rows,
        calendar,
        within(anomalies, period),
        shown.scorecard,
        integrity=integrity,
        crossings=crossings,
        backlog=backlog_now,
    ),
    labels,
    config,
    several_months=period.grain != "month",
)
numbers = period_numbers(
    name=period_name,
    months=period.months(),
    scope=covered.label,
    units=len(codes),
    calendar=calendar,
    current=current,
    previous=previous if compared.first else None,
    before_name=compared.label if compared.first else None,
    attention=attention,
    deadline_day=config.report_deadline_day,
)
summary.info(summary_text(numbers), icon=":material/summarize:")

with attention_list:
    st.subheader(t_count("overview.attention", len(attention), n=len(attention)))
    if not attention:
        st.success(t("overview.attention_none"), icon=":material/check_circle:")
    else:
        st.caption(
            t(
                "overview.attention_intro",
                days=config.complaint_working_days,
                tk=config.monthly_tk_flag,
            )
        )
        if len(attention) > SHOWN_UNITS:
            st.caption(t("overview.attention_capped", shown=SHOWN_UNITS, total=len(attention)))
        # One row per unit, most urgent first; the name opens its profile.
        for unit in attention[:SHOWN_UNITS]:
            with st.container(border=True):
                name, reasons = st.columns([2, 5], vertical_alignment="center")
                name.page_link(
                    "pages/profil_upt.py",
                    label=unit.label,
                    icon=":material/home_work:",
                    query_params={**st.query_params.to_dict(), "unit": unit.unit_code},
                )
                name.markdown(widgets.status_badge(unit.severity))
                reasons.markdown("\n".join(f"- {r.text}" for r in unit.reasons))
        widgets.download_csv(
            lambda: attention_frame(attention),  # every unit's words, at the click
            key="ringkasan_attention",
            filename="perlu_perhatian",
        )
