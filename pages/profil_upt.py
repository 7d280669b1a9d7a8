"""Profil UPT: one unit's full picture — every applicable indicator, IKM per
element, resident flows, discipline, complaints and the PP 94/2021 early warning."""

import streamlit as st

from upt_dashboard.ui import cache, filters, permissions, widgets
from upt_dashboard.ui.router import through_router
from upt_dashboard.views import charts
from upt_dashboard.views import format as fmt
from upt_dashboard.views.complaints import backlog_table
from upt_dashboard.views.i18n import t
from upt_dashboard.views.names import unit_info
from upt_dashboard.views.palette import PROVINCE_COLOUR
from upt_dashboard.views.profile import (
    DISCIPLINE_TREND,
    EXITS,
    complaints_table,
    discipline_series,
    early_warning_table,
    ikm_elements,
    indicator_table,
    occupancy_series,
    resident_flows,
    sample_too_small,
    tk_counts_table,
)
from upt_dashboard.views.selection import comparison, data_end
from upt_dashboard.views.selection import period_name as period_label
from upt_dashboard.views.selection import window as month_window
from upt_dashboard.views.series import caption, first_row, has_values, scale

through_router(__file__)

st.title(t("profile.title"))

units, facts, config, months, period, scope = filters.page_data(caption=False)
unit = filters.unit_picker(units, scope)
if unit is None:
    widgets.empty(t("common.no_data"))
    st.stop()

info = unit_info(units, unit)
period_name = period_label(period, months)  # "Triwulan IV 2026 (Okt)" when partial
compared = comparison(period, months)  # like with like: the same months of the period before
sample = cache.is_sample_data(cache.data_version())
last = data_end(period, months)
window = month_window(last, months)
window_name = fmt.span_text(window[0], window[-1])
st.caption(
    t(
        "profile.header",
        name=info["name"],
        type=info["type_name"],
        city=info["city"],
        capacity=fmt.number(info["capacity"]),
        period=period_name,
    )
)

current = cache.compute(
    start=period.first, end=period.last, grain=period.grain, level="unit", units=[unit]
)
previous = (
    cache.compute(
        start=compared.first, end=compared.last, grain=period.grain, level="unit", units=[unit]
    )
    if compared.first
    else current.clear()
)
if not has_values(current):
    widgets.empty(t("profile.no_report", unit=info["name"], period=period_name))

st.subheader(t("profile.indicators"))
overdue = cache.overdue_backlog([unit], last.last_day).height  # beside the median time
text, status = indicator_table(current, previous, config, overdue)
if compared.note:  # the period before lacks the same months: say so instead of a change
    st.caption(compared.note)
widgets.table(text, status=status, key="profil_indicators", filename=f"indikator_{unit}")

st.subheader(t("profile.ikm"))
elements = ikm_elements(cache.nrr_by_element([unit], period.first, period.last))
ikm = first_row(current, "ikm")
if elements["nrr"].drop_nulls().is_empty():
    widgets.empty(t("profile.no_survey", period=period_name))
else:
    if sample_too_small(ikm):
        st.warning(
            t("profile.sample_small", n=ikm["n"], required=ikm["sample_required"]),
            icon=":material/group:",
        )
    fig = charts.elements_figure(
        elements,
        charts.Labels(
            t(
                "profile.ikm_title",
                value=fmt.value(ikm["value"] if ikm else None, "index", 2),
                grade=(ikm or {}).get("grade") or "—",
            ),
            caption(period_name, sample),
            t("axis.nrr"),
            "",
        ),
        weakest_label=t("profile.weakest"),
    )
    widgets.chart(
        fig,
        elements.select("element", "name", "nrr", "respondents", "weakest"),
        key="profil_ikm",
        filename=f"ikm_unsur_{unit}",
    )

st.subheader(t("profile.flows"))
flows = resident_flows(facts.penerima_manfaat, unit, window)
if flows["pm_akhir_bulan"].drop_nulls().is_empty():
    widgets.empty(t("profile.no_flows", period=window_name))
else:
    left, right = st.columns(2)
    names = {c: t(f"profile.{c}") for c in ("pm_masuk", *EXITS)}
    with left:
        fig = charts.flows_figure(
            flows,
            charts.Labels(
                t("profile.flows_title"),
                caption(window_name, sample),
                t("axis.people"),
                t("axis.month"),
            ),
            inflow="pm_masuk",
            outflows=EXITS,
            names=names,
        )
        widgets.chart(fig, flows, key="profil_flows", filename=f"arus_pm_{unit}")
    with right:
        occupancy = occupancy_series(flows)
        fig = charts.trend_figure(
            occupancy,
            charts.Labels(
                t("profile.occupancy_title"),
                caption(window_name, sample),
                t("axis.people"),
                t("axis.month"),
            ),
            charts.Scale(",d", ",d"),
            colours={t("profile.capacity"): PROVINCE_COLOUR},
            dashed=[t("profile.capacity")],
            y_range=charts.zero_range(occupancy["value"].to_list()),
        )
        widgets.chart(fig, occupancy, key="profil_occupancy", filename=f"keterisian_{unit}")

st.subheader(t("profile.discipline"))
discipline = cache.compute(
    start=window[0],
    end=window[-1],
    grain="month",
    level="unit",
    units=[unit],
    indicators=list(DISCIPLINE_TREND),
)
if not has_values(discipline):
    widgets.empty(t("profile.no_staff", period=window_name))
else:
    frame = discipline_series(discipline)
    fig = charts.trend_figure(
        frame,
        charts.Labels(
            t("profile.discipline_title"),
            caption(window_name, sample),
            t("axis.percent"),
            t("axis.month"),
        ),
        scale("kehadiran"),
        y_range=charts.value_range(frame["value"].to_list(), 1.0),
    )
    widgets.chart(
        fig,
        discipline.select("indicator_id", "period", "value", "status"),
        key="profil_discipline",
        filename=f"disiplin_{unit}",
    )

st.subheader(t("profile.complaints"))
newest = cache.overdue_backlog([unit], months[-1].last_day)  # open ones past due, newest report
complaint_rows = complaints_table(
    facts.pengaduan, cache.complaints(), unit, period.first, period.last, set(newest["nomor"])
)
if complaint_rows.is_empty():
    widgets.empty(t("profile.no_complaints", period=period_name))
else:
    widgets.table(complaint_rows, key="profil_complaints", filename=f"pengaduan_{unit}")

st.subheader(t("backlog.title"))
st.caption(t("backlog.intro", day=fmt.day(last.last_day), days=config.complaint_working_days))
backlog = backlog_table(cache.overdue_backlog([unit], last.last_day), {unit: info["name"]})
if backlog.is_empty():
    st.success(t("backlog.none"), icon=":material/check_circle:")
else:
    widgets.table(backlog, key="profil_backlog", filename=f"tunggakan_pengaduan_{unit}")

st.subheader(t("profile.early_warning"))
st.caption(t("profile.early_warning_intro", month=fmt.period_label(last)))
if permissions.may_see_personal_data(unit):
    warning_rows = early_warning_table(cache.early_warning(unit, last))
    permissions.personal_view(unit, str(last), "early_warning")
    if warning_rows.is_empty():
        st.success(t("profile.early_warning_none"), icon=":material/check_circle:")
    else:
        widgets.table(warning_rows, key="profil_early_warning", filename=f"peringatan_dini_{unit}")
else:
    st.info(t("profile.early_warning_restricted"), icon=":material/lock:")
    widgets.table(
        tk_counts_table(cache.tk_threshold_counts(unit, last)),
        key="profil_tk_counts",
        filename=f"ambang_tk_{unit}",
    )
