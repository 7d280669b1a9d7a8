"""Verifikasi: stored reports waiting to be verified, oldest first, with their key
figures and what changed from the previous version; verify or return with a note."""

import streamlit as st

from upt_dashboard.ui import reviewing
from upt_dashboard.ui.router import through_router
from upt_dashboard.views.admin import queue_label
from upt_dashboard.views.i18n import t, t_count

through_router(__file__)

st.title(t("review.title"))
st.caption(t("review.intro"))

if done := reviewing.pop_outcome():
    st.success(done, icon=":material/task_alt:")

waiting = reviewing.queue()
if waiting.is_empty():
    st.info(t("review.empty"), icon=":material/done_all:")
    st.stop()

rows = {row["id"]: row for row in waiting.iter_rows(named=True)}
st.subheader(t_count("review.queue", len(rows), n=len(rows)))
chosen = st.selectbox(
    t("review.pick"),
    list(rows),
    format_func=lambda sid: queue_label(rows[sid]),
    key="review_pick",
)
row = rows[chosen]

st.markdown(f"**{t('review.key_numbers')}**")
st.dataframe(reviewing.key_figures(row), hide_index=True, key="review_key_numbers")

previous = reviewing.previous_version(row)
if previous is None:
    st.caption(t("review.first_version"))
else:
    st.markdown(f"**{t('review.diff', version=previous['version'])}**")
    st.dataframe(
        reviewing.key_changes(previous["id"], row["id"], previous["version"]),
        hide_index=True,
        key="review_key_changes",
    )
    changes = reviewing.diff(previous["id"], row["id"])
    if changes.is_empty():
        st.caption(t("review.no_changes"))
    else:
        st.dataframe(changes, hide_index=True, key="review_diff")

comment = st.text_area(t("review.comment"), key=f"review_comment_{chosen}")
verify_col, return_col = st.columns(2)
verify_col.button(
    t("review.verify"),
    type="primary",
    icon=":material/verified:",
    key="review_verify",
    on_click=reviewing.decide,
    args=(row, "diverifikasi", comment),
    width="stretch",
)
return_col.button(
    t("review.return"),
    icon=":material/assignment_return:",
    key="review_return",
    on_click=reviewing.decide,
    args=(row, "dikembalikan", comment),
    width="stretch",
)
if problem := reviewing.pop_problem():
    st.error(problem, icon=":material/error:")
