"""The Kelola Akun and Log Audit pages' side: accounts and the audit log.

Every action checks the signed-in account's right again here (a page is
only the first gate) and goes through ``upt_dashboard.access.accounts``,
which records it in the audit log in the same transaction.
"""

from __future__ import annotations

from datetime import date

import polars as pl
import streamlit as st

from upt_dashboard.access import accounts
from upt_dashboard.access.accounts import AccountError
from upt_dashboard.access.roles import load_roles
from upt_dashboard.exports.cells import csv_bytes
from upt_dashboard.storage import audit
from upt_dashboard.ui import cache, permissions
from upt_dashboard.views.admin import audit_csv_frame
from upt_dashboard.views.i18n import language, t

_DONE_KEY = "accounts_done"
_PROBLEM_KEY = "accounts_problem"
AUDIT_ROWS_SHOWN = 500
ACTIONS = audit.ACTIONS


def role_names() -> dict[str, str]:
    """Role id -> its name in the UI language, in the order of config/roles.toml."""
    return {rid: role.label(language()) for rid, role in load_roles().items()}


def unit_bound_roles() -> set[str]:
    return {rid for rid, role in load_roles().items() if not role.all_units}


def account_list() -> pl.DataFrame:
    return accounts.list_accounts(cache.engine()) if permissions.may_manage() else pl.DataFrame()


def _act(change, done_key: str, **values) -> None:
    """Run ``change(engine, actor)`` for an administrator; keep what to say next run."""
    viewer = cache.viewer()
    if viewer is None or not permissions.may_manage():
        st.session_state[_PROBLEM_KEY] = t("auth.not_allowed")
        return
    try:
        change(cache.engine(), viewer.actor)
    except AccountError as exc:
        st.session_state[_PROBLEM_KEY] = t(exc.key, **exc.values)
        return
    st.session_state[_DONE_KEY] = t(done_key, **values)


def create(form: dict) -> None:
    """Button callback of the "add an account" form (``form``: widget keys)."""
    state = st.session_state
    username = state.get(form["username"], "").strip().lower()
    password = state.get(form["password"], "")
    state[form["password"]] = ""
    _act(
        lambda engine, actor: accounts.create_account(
            engine,
            actor,
            username,
            state.get(form["role"]),
            password,
            unit=state.get(form["unit"]),
            name=state.get(form["name"]) or None,
            email=state.get(form["email"]) or None,
            must_change_password=True,
        ),
        "accounts.created",
        username=username,
    )


def set_role(username: str, role_key: str, unit_key: str) -> None:
    state = st.session_state
    role, unit = state.get(role_key), state.get(unit_key)
    _act(
        lambda engine, actor: accounts.set_role(engine, actor, username, role, unit),
        "accounts.role_saved",
        username=username,
        role=role_names().get(role, role),
    )


def set_active(username: str, active: bool) -> None:
    _act(
        lambda engine, actor: accounts.set_active(engine, actor, username, active),
        "accounts.enabled" if active else "accounts.disabled",
        username=username,
    )


def reset_password(username: str, password_key: str) -> None:
    password = st.session_state.get(password_key, "")
    st.session_state[password_key] = ""
    _act(
        lambda engine, actor: accounts.reset_password(engine, actor, username, password),
        "accounts.reset_done",
        username=username,
    )


def pop_messages() -> tuple[str | None, str | None]:
    """(what was done, what went wrong) since the last run."""
    return st.session_state.pop(_DONE_KEY, None), st.session_state.pop(_PROBLEM_KEY, None)


# --- the audit log ------------------------------------------------------------------------


def audit_entries(
    since: date | None,
    until: date | None,
    username: str | None,
    action: str | None,
    unit: str | None,
) -> pl.DataFrame:
    """Rows of the log (administrators only), filtered in the query, oldest first."""
    if not permissions.may_read_audit():
        return pl.DataFrame()
    return audit.list_entries(
        cache.engine(), since=since, until=until, username=username, action=action, unit=unit
    )


def audit_usernames() -> list[str]:
    if not permissions.may_read_audit():
        return []
    return sorted(audit.list_entries(cache.engine())["username"].unique().to_list())


def chain_problem() -> tuple[str | None, int]:
    """(the first break of the hash chain, rows checked); None when it is whole."""
    problems, count, _ = audit.verify(cache.engine())
    return (str(problems[0]) if problems else None), count


def audit_csv(entries: pl.DataFrame) -> bytes:
    return csv_bytes(audit_csv_frame(entries))
