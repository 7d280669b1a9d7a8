"""Log Audit: the append-only record of who did what, filtered by account, action,
unit and date, with the state of its hash chain and a CSV download (administrators)."""

import streamlit as st

from upt_dashboard.ui import administration, cache
from upt_dashboard.ui.router import through_router
from upt_dashboard.views.admin import audit_table
from upt_dashboard.views.i18n import t

through_router(__file__)

st.title(t("audit.title"))
st.caption(t("audit.intro"))

problem, checked = administration.chain_problem()
if problem:
    st.error(t("audit.chain_broken", problem=problem), icon=":material/gpp_bad:")
else:
    st.success(t("audit.chain_ok", n=checked), icon=":material/verified_user:")

ALL = ""
account_col, action_col, unit_col = st.columns(3)
username = account_col.selectbox(
    t("audit.account"),
    [ALL, *administration.audit_usernames()],
    format_func=lambda v: v or t("audit.all"),
    key="audit_account",
)
action = action_col.selectbox(
    t("audit.action"),
    [ALL, *administration.ACTIONS],
    format_func=lambda v: v or t("audit.all"),
    key="audit_action",
)
unit = unit_col.selectbox(
    t("audit.unit"),
    [ALL, *cache.units_table()["code"].to_list()],
    format_func=lambda v: v or t("audit.all"),
    key="audit_unit",
)
since_col, until_col = st.columns(2)
since = since_col.date_input(t("audit.since"), value=None, key="audit_since", format="DD/MM/YYYY")
until = until_col.date_input(t("audit.until"), value=None, key="audit_until", format="DD/MM/YYYY")

entries = administration.audit_entries(since, until, username or None, action or None, unit or None)
st.caption(t("audit.shown", n=entries.height, limit=administration.AUDIT_ROWS_SHOWN))
st.dataframe(
    audit_table(entries.tail(administration.AUDIT_ROWS_SHOWN).reverse()),
    hide_index=True,
    width="stretch",
    key="audit_table",
)
st.download_button(
    t("audit.csv"),
    data=administration.audit_csv(entries),
    file_name="log_audit.csv",
    mime="text/csv",
    icon=":material/download:",
    key="audit_csv",
    on_click="ignore",
)
