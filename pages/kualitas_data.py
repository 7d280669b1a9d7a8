"""Kualitas Data: anomaly flags (values far from a unit's own history) and the
warnings stored with accepted uploads, for the period and units chosen."""

import streamlit as st

from upt_dashboard.ui import cache, filters, widgets
from upt_dashboard.ui.router import through_router
from upt_dashboard.views import charts
from upt_dashboard.views import format as fmt
from upt_dashboard.views.i18n import t
from upt_dashboard.views.names import unit_labels
from upt_dashboard.views.quality import anomaly_table, issues_per_unit, warning_table, warnings_in
from upt_dashboard.views.selection import data_end
from upt_dashboard.views.selection import period_name as period_label
from upt_dashboard.views.series import caption, within

through_router(__file__)

st.title(t("quality.title"))

units, facts, config, months, period, scope = filters.page_data()

labels = unit_labels(units)
codes = scope.unit_codes(units)
period_name = period_label(period, months)  # "Triwulan IV 2026 (Okt)" when partial
flags = within(
    cache.anomalies(start=months[0], end=data_end(period, months), **scope.engine_args()), period
)
warnings = warnings_in(cache.upload_warnings(), codes, period)

per_unit = issues_per_unit(flags, warnings, labels)
if per_unit.height:
    fig = charts.stacked_bars(
        per_unit,
        charts.Labels(
            t("quality.chart_title"),
            caption(period_name, cache.is_sample_data(cache.data_version())),
            t("axis.count"),
            t("col.unit"),
        ),
        category="label",
        stacks={
            "anomalies": t("quality.anomalies_series"),
            "warnings": t("quality.warnings_series"),
        },
    )
    widgets.chart(fig, per_unit, key="kualitas_chart", filename=f"kualitas_{period.first}")

st.subheader(t("quality.anomalies", n=flags.height))
st.caption(
    t(
        "quality.anomalies_intro",
        z=fmt.number(config.anomaly_z, 1),
        history=config.anomaly_min_history,
    )
)
if flags.is_empty():
    st.success(t("quality.anomalies_none", period=period_name), icon=":material/check_circle:")
else:
    widgets.table(
        anomaly_table(flags, labels, config.anomaly_z),
        key="kualitas_anomalies",
        filename=f"anomali_{period.first}",
    )

st.subheader(t("quality.warnings", n=warnings.height))
st.caption(t("quality.warnings_intro"))
if warnings.is_empty():
    st.success(t("quality.warnings_none", period=period_name), icon=":material/check_circle:")
else:
    widgets.table(
        warning_table(warnings, labels),
        key="kualitas_warnings",
        filename=f"peringatan_unggahan_{period.first}",
    )
