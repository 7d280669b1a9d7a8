"""Unggah Laporan: template download, upload, findings, preview, confirm."""

import hashlib

import streamlit as st

from data_loaders.template import template_filename
from upt_dashboard.intake.ingest import ingest_file
from upt_dashboard.storage.submissions import ACCEPTED, UNCHANGED
from upt_dashboard.ui import cache
from upt_dashboard.ui.router import through_router
from upt_dashboard.views.format import period_label
from upt_dashboard.views.i18n import t
from upt_dashboard.views.tables import findings_table, report_preview

through_router()

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
    st.download_button(
        t("upload.template_button"),
        data=cache.template(unit, period),
        file_name=template_filename(unit, period),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
        key="upload_template_download",
    )

with upload_col:
    uploaded = st.file_uploader(t("upload.file"), type=["xlsx", "xlsm"], key="upload_file")
    user = st.text_input(t("upload.uploader_name"), value="operator UPT", key="upload_user")
    outcome = st.session_state.pop("upload_outcome", None)
    if outcome:
        kind, text = outcome
        {"success": st.success, "info": st.info, "error": st.error}[kind](text)

if uploaded is not None:
    data = uploaded.getvalue()
    digest = hashlib.sha256(data).hexdigest()
    checked = st.session_state.get("upload_checked")
    if not checked or checked[0] != digest:
        checked = (digest, cache.check_upload(data, uploaded.name))
        st.session_state["upload_checked"] = checked
    report = checked[1]
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
                result = ingest_file(cache.engine(), data, uploaded.name, user, report=report)
                if result.status == ACCEPTED:
                    outcome = ("success", "✓ " + t("upload.accepted", version=result.version))
                elif result.status == UNCHANGED:
                    outcome = ("info", t("upload.unchanged", version=result.version))
                else:  # FAILED: the database could not take it; nothing was stored
                    outcome = ("error", t("upload.failed", reason=result.reason))
                st.session_state["upload_outcome"] = outcome
                st.session_state.pop("upload_checked", None)
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
