"""Riwayat Unggahan: stored submissions, their versions, and what changed."""

import streamlit as st

from upt_dashboard.ui import cache, permissions
from upt_dashboard.ui.router import through_router
from upt_dashboard.views.format import period_label
from upt_dashboard.views.i18n import t
from upt_dashboard.views.tables import (
    latest_upload,
    month_versions,
    submissions_table,
    unit_months,
    version_label,
)

through_router(__file__)

st.title(t("history.title"))
st.caption(t("history.intro"))

listing = cache.submissions()
if listing.is_empty():
    st.info(t("history.empty"))
    st.stop()

units = sorted(listing["unit_code"].unique().to_list())
latest_unit, latest_period = latest_upload(listing)
unit = st.selectbox(
    t("history.unit"),
    units,
    index=units.index(latest_unit),
    format_func=cache.unit_label,
    key="history_unit",
)
period_options = unit_months(listing, unit)
period = st.selectbox(
    t("history.period"),
    period_options,
    format_func=period_label,
    index=period_options.index(latest_period) if unit == latest_unit else 0,
    key="history_period",
)
versions = month_versions(listing, unit, period)

st.subheader(t("history.versions", unit=unit, period=period_label(period)))
st.dataframe(submissions_table(versions), hide_index=True, width="stretch", key="history_versions")

ids = versions["id"].to_list()
labels = dict(zip(ids, (version_label(r) for r in versions.iter_rows(named=True))))
download_id = st.selectbox(
    t("history.download_pick"), ids, format_func=labels.get, key="history_download_pick"
)
original = cache.submission_file(download_id)  # None without personal-data rights
if original is None:
    st.info(t("history.restricted_file"), icon=":material/lock:")
else:
    st.download_button(
        t("history.download"),
        data=original[1],
        file_name=original[0],
        icon=":material/download:",
        key="history_download",
        on_click=permissions.record,
        args=("file.download",),
        kwargs={"unit": unit, "period": str(period), "obj": f"submission:{download_id}"},
    )

if len(ids) < 2:
    st.info(t("history.single_version"))
    st.stop()

st.subheader(t("history.compare"))
left, right = st.columns(2)
old_id = left.selectbox(t("history.old"), ids[1:], format_func=labels.get, key="history_old")
new_id = right.selectbox(t("history.new"), ids, format_func=labels.get, key="history_new")
changes = cache.version_diff(old_id, new_id)
if permissions.may_see_personal_data(unit):  # the diff names employees
    permissions.personal_view(unit, str(period), f"diff:{old_id}-{new_id}")
if changes.is_empty():
    st.success(t("history.no_changes"))
else:
    st.dataframe(changes, hide_index=True, width="stretch", key="history_diff")
