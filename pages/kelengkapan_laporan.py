"""Kelengkapan Laporan: units × months calendar (on time, late, missing) and the
units still owing the report of the latest month whose deadline has passed."""

from datetime import date

import polars as pl
import streamlit as st

from upt_dashboard.ui import cache, filters, widgets
from upt_dashboard.ui.router import through_router
from upt_dashboard.views import charts
from upt_dashboard.views import format as fmt
from upt_dashboard.views.completeness import STATES, owing, state_counts
from upt_dashboard.views.i18n import t
from upt_dashboard.views.names import unit_labels
from upt_dashboard.views.palette import STATUS_COLOURS
from upt_dashboard.views.selection import data_end, reporting_month
from upt_dashboard.views.selection import window as month_window
from upt_dashboard.views.series import caption

through_router()

# Report states drawn with the traffic-light palette; "not yet due" is grey.
STATE_COLOURS = {
    "on_time": STATUS_COLOURS["hijau"],
    "late": STATUS_COLOURS["kuning"],
    "missing": STATUS_COLOURS["merah"],
    "not_due": STATUS_COLOURS[None],
}
STATE_SYMBOLS = {"on_time": "square", "late": "diamond", "missing": "x", "not_due": "square-open"}

st.title(t("completeness.title"))

today = date.today()
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
        pl.DataFrame(
            {
                t("col.unit"): [labels[c] for c in owed["unit_code"]],
                t("col.deadline"): [fmt.day(d) for d in owed["deadline"]],
                t("col.days_overdue"): [fmt.number(d) for d in owed["days_overdue"]],
            }
        ),
        key="kelengkapan_owing",
        filename=f"belum_lapor_{due_month}",
    )

# The calendar: twelve months up to the picked period's end, not before the first report.
last = data_end(period, months)
window = month_window(last, months)
calendar = cache.report_calendar(codes, window, today)
counts = state_counts(calendar)
due = counts["on_time"] + counts["late"] + counts["missing"]
window_name = fmt.span_text(window[0], window[-1])
st.subheader(t("completeness.calendar", range=window_name))
for column, key, value in zip(
    st.columns(4),
    ("completeness", "timeliness", "late", "missing"),
    (
        fmt.percent((counts["on_time"] + counts["late"]) / due) if due else "—",
        fmt.percent(counts["on_time"] / due) if due else "—",
        fmt.number(counts["late"]),
        fmt.number(counts["missing"]),
    ),
):
    column.metric(t(f"completeness.metric_{key}"), value, border=True)

names = {s: t(f"report_state.{s}") for s in STATES}
labelled = calendar.with_columns(label=pl.col("unit_code").replace_strict(labels))
fig = charts.grid_figure(
    labelled,
    charts.Labels(
        t("completeness.chart_title"),
        caption(window_name, cache.is_sample_data(cache.data_version())),
        t("col.unit"),
        t("axis.month"),
    ),
    row="label",
    column="period",
    state="state",
    colours=STATE_COLOURS,
    names=names,
    symbols=STATE_SYMBOLS,
    column_text={m.first_day: fmt.month_short(m) for m in window},
)
widgets.chart(
    fig,
    calendar.with_columns(state=pl.col("state").replace_strict(names)),
    key="kelengkapan_grid",
    filename=f"kalender_laporan_{window[-1]}",
)
