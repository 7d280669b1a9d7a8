"""Unggah Laporan: template download, upload, findings, preview, confirm."""

import streamlit as st

from upt_dashboard.ui import cache, uploading
from upt_dashboard.ui.router import through_router
from upt_dashboard.views import findings as found
from upt_dashboard.views.format import period_label
from upt_dashboard.views.i18n import t
from upt_dashboard.views.tables import report_preview

through_router(__file__)

st.title(t("upload.title"))
st.caption(t("upload.intro"))

for note in uploading.returned_reports():  # a verifikator sent one back: say why
    st.warning(t("review.returned_notice", **note), icon=":material/assignment_return:")

upload_col, template_col = st.columns([2, 1], gap="large")

with template_col:
    st.subheader(t("upload.template_header"))
    unit = st.selectbox(
        t("upload.template_unit"),
        uploading.upload_units(),
        format_func=cache.unit_label,
        key="upload_template_unit",
    )
    periods = cache.recent_periods()
    period = st.selectbox(
        t("upload.template_period"), periods, format_func=period_label, key="upload_template_period"
    )
    for prefill, label, icon in (
        (True, "upload.template_prefilled", ":material/edit_document:"),
        (False, "upload.template_button", ":material/download:"),
    ):
        st.download_button(
            t(label),
            data=lambda prefill=prefill: uploading.template_file(unit, period, prefill),
            file_name=uploading.template_file_name(unit, period),
            mime=uploading.XLSX_MIME,
            icon=icon,
            key=f"upload_template_{'prefilled' if prefill else 'blank'}",
            help=t("upload.template_prefilled_help") if prefill else None,
            on_click="ignore",
            width="stretch",
        )
    st.caption(t("upload.template_note"))

with upload_col:
    outcome = st.session_state.pop(uploading.OUTCOME_KEY, None)
    if outcome is not None and outcome.kind == "accepted":
        st.success(outcome.message, icon=":material/check_circle:")
    elif outcome is not None and outcome.kind == "unchanged":
        st.info(outcome.message, icon=":material/info:")
    elif outcome is not None:  # the database could not take it: nothing was stored
        st.error(outcome.message, icon=":material/error:")
    limit = uploading.max_upload_mb()
    uploaded = st.file_uploader(
        t("upload.file", mb=limit),
        type=uploading.UPLOAD_TYPES,
        key=uploading.uploader_key(),
        help=t("upload.file_help", mb=limit),
        max_upload_size=limit,
    )

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
                ),
                icon=":material/task_alt:",
            )
            replaced = uploading.replacement(report)
            if replaced is not None:
                st.warning(replaced.note, icon=":material/difference:")
                st.dataframe(replaced.diff, hide_index=True, key="upload_replacement_diff")
            confirm = (
                t("upload.confirm_version", version=replaced.version + 1)
                if replaced is not None
                else t("upload.confirm")
            )
            if st.button(confirm, type="primary", key="upload_confirm", icon=":material/save:"):
                uploading.save(report, data, uploaded.name)
                st.rerun()
        else:
            refused = (
                "upload.refused"
                if found.points_at_cells(report.findings)
                else "upload.refused_file"
            )
            st.error(t(refused, errors=errors, warnings=warnings), icon=":material/block:")
    if report.findings:
        st.subheader(t("upload.findings"))
        marked = uploading.annotated(report, data, uploaded.name)
        if marked is not None:
            st.download_button(
                t("upload.annotated_button"),
                data=marked[0],
                file_name=marked[1],
                mime=uploading.XLSX_MIME,
                icon=":material/format_color_fill:",
                help=t("upload.annotated_help"),
                key="upload_annotated",
                type="primary" if not report.ok else "secondary",
                on_click="ignore",
            )
        for group in found.group_by_sheet(report.findings):
            with st.container(border=True, key=f"upload_findings_{group.sheet or 'file'}"):
                st.markdown(
                    f"**{group.title}** · "
                    + t("upload.sheet_counts", errors=group.errors, warnings=group.warnings)
                )
                for line in group.lines:
                    icon = ":material/error:" if line.severity == "error" else ":material/warning:"
                    colour = "red" if line.severity == "error" else "orange"
                    st.markdown(f":{colour}[{icon}] {found.markdown(line)}")
        st.download_button(
            t("upload.findings_csv"),
            data=uploading.findings_csv(report),
            file_name="temuan.csv",
            mime="text/csv",
            icon=":material/download:",
            key="upload_findings_csv",
            on_click="ignore",
        )
    if report.ok:
        st.subheader(t("upload.preview"))
        st.dataframe(report_preview(report), hide_index=True, key="upload_preview")
