"""Kelola Akun: every account with its role and unit; add one, change its role,
disable or enable it, reset its password (administrators)."""

import streamlit as st

from upt_dashboard.ui import administration, cache, widgets
from upt_dashboard.ui.router import through_router
from upt_dashboard.views.admin import accounts_table
from upt_dashboard.views.i18n import t

through_router(__file__)

st.title(t("accounts.title"))
st.caption(t("accounts.intro"))

done, problem = administration.pop_messages()
if done:
    st.success(done, icon=":material/task_alt:")
if problem:
    st.error(problem, icon=":material/error:")

roles = administration.role_names()
units = [None, *cache.units_table()["code"].to_list()]
listing = administration.account_list()
widgets.table(accounts_table(listing, roles), key="akun_table", filename="akun")

with (
    st.expander(t("accounts.add"), icon=":material/person_add:"),
    st.form("akun_add", clear_on_submit=False),
):
    st.text_input(t("auth.username"), key="akun_new_username")
    st.text_input(t("auth.display_name"), key="akun_new_name")
    st.text_input(t("auth.email"), key="akun_new_email")
    st.selectbox(t("accounts.role"), list(roles), format_func=roles.get, key="akun_new_role")
    st.selectbox(
        t("accounts.unit"),
        units,
        format_func=lambda c: t("accounts.no_unit") if c is None else cache.unit_label(c),
        key="akun_new_unit",
    )
    st.text_input(t("accounts.temp_password"), type="password", key="akun_new_password")
    st.form_submit_button(
        t("accounts.create"),
        type="primary",
        on_click=administration.create,
        args=(
            {
                "username": "akun_new_username",
                "name": "akun_new_name",
                "email": "akun_new_email",
                "role": "akun_new_role",
                "unit": "akun_new_unit",
                "password": "akun_new_password",
            },
        ),
    )

if listing.height:
    st.subheader(t("accounts.change"))
    username = st.selectbox(t("accounts.pick"), listing["username"].to_list(), key="akun_pick")
    row = listing.filter(listing["username"] == username).row(0, named=True)
    left, right = st.columns(2)
    with left:
        st.selectbox(
            t("accounts.role"),
            list(roles),
            index=list(roles).index(row["role"]) if row["role"] in roles else 0,
            format_func=roles.get,
            key=f"akun_role_{username}",
        )
        st.selectbox(
            t("accounts.unit"),
            units,
            index=units.index(row["unit_code"]) if row["unit_code"] in units else 0,
            format_func=lambda c: t("accounts.no_unit") if c is None else cache.unit_label(c),
            key=f"akun_unit_{username}",
        )
        st.button(
            t("accounts.set_role"),
            key="akun_set_role",
            on_click=administration.set_role,
            args=(username, f"akun_role_{username}", f"akun_unit_{username}"),
        )
    with right:
        st.text_input(t("accounts.temp_password"), type="password", key=f"akun_reset_{username}")
        st.button(
            t("accounts.reset"),
            key="akun_reset",
            on_click=administration.reset_password,
            args=(username, f"akun_reset_{username}"),
        )
        active = row["active"]
        st.button(
            t("accounts.disable") if active else t("accounts.enable"),
            key="akun_toggle",
            on_click=administration.set_active,
            args=(username, not active),
        )
