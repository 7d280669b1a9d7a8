"""Unggah Laporan: template download, upload, findings, preview, confirm."""

import streamlit as st

from upt_dashboard.ui import cache, uploading
from upt_dashboard.ui.router import through_router
from upt_dashboard.views.format import period_label
from upt_dashboard.views.i18n import t
from upt_dashboard.views.tables import findings_table, report_preview

through_router(__file__)

st.title(t("upload.title"))
st.caption(t("upload.intro"))

upload_col, template_col = st.columns([2, 1], gap="large")

with template_col:
    st.subheader(t("upload.template_header"))
    units = cache.units_table()
    unit = st.selectbox(
        t("upload.template_unit"),
        units["code"].to_list(),
        format_func=cache.unit_label,
        key="upload_template_unit",
    )
    periods = cache.recent_periods()
    period = st.selectbox(
        t("upload.template_period"), periods, format_func=period_label, key="upload_template_period"
    )
    template, template_name = uploading.template_file(unit, period)
    st.download_button(
        t("upload.template_button"),
        data=template,
        file_name=template_name,
        mime=uploading.XLSX_MIME,
        icon=":material/download:",
        key="upload_template_download",
    )

with upload_col:
    uploaded = st.file_uploader(t("upload.file"), type=["xlsx", "xlsm"], key="upload_file")
    user = st.text_input(t("upload.uploader_name"), value="operator UPT", key="upload_user")
    outcome = st.session_state.pop("upload_outcome", None)
    if outcome is not None and outcome.accepted:
        st.success(outcome.message, icon=":material/check_circle:")
    elif outcome is not None:
        st.info(outcome.message)

if uploaded is not None:
    data = uploaded.getvalue()
    report = uploading.checked(data, uploaded.name)
    errors = sum(f.is_error for f in report.findings)
    warnings = len(report.findings) - errors
    with upload_col:
        if report.ok:
            st.success(
                t(
                    "upload.valid",
                    unit=report.unit_code,
                    period=period_label(report.period),
                    warnings=warnings,
                )
            )
            if st.button(
                t("upload.confirm"), type="primary", key="upload_confirm", icon=":material/save:"
            ):
                outcome = uploading.save(report, data, uploaded.name, user)
                st.session_state["upload_outcome"] = outcome
                st.rerun()
        else:
            st.error(t("upload.refused", errors=errors, warnings=warnings))
    if report.findings:
        st.subheader(t("upload.findings"))
        st.dataframe(
            findings_table(report.findings), hide_index=True, width="stretch", key="upload_findings"
        )
    if report.ok:
        st.subheader(t("upload.preview"))
        st.dataframe(report_preview(report), hide_index=True, key="upload_preview")
