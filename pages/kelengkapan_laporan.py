"""Kelengkapan Laporan: units × months calendar (on time, late, missing) and the
units still owing the report of the latest month whose deadline has passed."""

import streamlit as st

from upt_dashboard.ui import cache, filters, widgets
from upt_dashboard.ui.router import through_router
from upt_dashboard.views import charts
from upt_dashboard.views import format as fmt
from upt_dashboard.views.completeness import (
    calendar_export,
    calendar_metrics,
    labelled,
    month_ticks,
    owing,
    owing_table,
    state_counts,
    state_names,
    with_review,
)
from upt_dashboard.views.i18n import t, t_count
from upt_dashboard.views.names import unit_labels
from upt_dashboard.views.palette import REPORT_STATE_COLOURS, REPORT_STATE_SYMBOLS
from upt_dashboard.views.selection import data_end, reporting_month
from upt_dashboard.views.selection import window as month_window
from upt_dashboard.views.series import caption

through_router(__file__)

st.title(t("completeness.title"))

today = cache.today()
units, facts, config, months, period, scope = filters.page_data(today, caption=False)

codes = scope.unit_codes(units)
labels = unit_labels(units)
due_month = reporting_month(today, config.report_deadline_day)
st.caption(t("completeness.intro", day=config.report_deadline_day))

# Owing: about today, whatever period is picked.
st.subheader(t("completeness.owing", month=fmt.period_label(due_month)))
owed = owing(cache.report_calendar(codes, [due_month], today), due_month, today)
if owed.is_empty():
    st.success(
        t("completeness.owing_none", month=fmt.period_label(due_month)),
        icon=":material/check_circle:",
    )
else:
    widgets.table(
        owing_table(owed, labels),
        key="kelengkapan_owing",
        filename=f"belum_lapor_{due_month}",
    )

# The calendar: twelve months up to the picked period's end, not before the first report.
last = data_end(period, months)
window = month_window(last, months)
calendar = with_review(cache.report_calendar(codes, window, today), cache.submissions())
window_name = fmt.span_text(window[0], window[-1])
st.subheader(t("completeness.calendar", range=window_name))
for column, (key, value) in zip(st.columns(4), calendar_metrics(state_counts(calendar))):
    column.metric(t(key), value, border=True)

fig = charts.grid_figure(
    labelled(calendar, labels),
    charts.Labels(
        t("completeness.chart_title"),
        caption(window_name, cache.is_sample_data(cache.data_version())),
        t("col.unit"),
        t("axis.month"),
    ),
    row="label",
    column="period",
    state="state",
    colours=REPORT_STATE_COLOURS,
    names=state_names(),
    symbols=REPORT_STATE_SYMBOLS,
    column_text=month_ticks(window),
    marked="unverified",
    marked_name=t("review.unverified_legend"),
)
if unverified := calendar["unverified"].sum():
    st.caption(t_count("review.unverified_count", unverified, n=unverified))
widgets.chart(
    fig,
    calendar_export(calendar),
    key="kelengkapan_grid",
    filename=f"kalender_laporan_{window[-1]}",
)
