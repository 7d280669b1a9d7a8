"""Sign-in for every page: the form, a session that survives a reload, "Keluar".

app.py calls :func:`gate` before anything of the data is drawn: an
anonymous visitor — on any URL — gets the sign-in form (with the first-start
setup form and the demo sign-ins while those are offered) and the run
stops. The browser keeps the session in a signed cookie written by a tiny
local component (``cookie_component/index.html``, served from the app's own
origin, so ``st.context.cookies`` reads it back after a reload); the token
never goes into the URL, which is shared (``ui.url``). Each run checks the
session in the database, so "Keluar", the idle timeout, a disabled account
or a changed role take effect at the next click.
"""

from __future__ import annotations

import secrets as _random
from pathlib import Path

import streamlit as st
import streamlit.components.v1 as components
from sqlalchemy.exc import DBAPIError

from upt_dashboard.access import Viewer, accounts, secret, sessions, setup
from upt_dashboard.access.accounts import DEMO_ACCOUNTS, AccountError
from upt_dashboard.storage.errors import describe
from upt_dashboard.ui import cache, first_start, navigation
from upt_dashboard.views.i18n import language, t

COOKIE_NAME = "dasbor_sesi"
VIEWER_KEY = "auth_viewer"
_TOKEN_KEY = "auth_token"
_COOKIE_KEY = "auth_cookie_pending"  # (value to write, or "" to clear; nonce)
_MESSAGE_KEY = "auth_message"
_NOTICE_KEY = "auth_notice"

_cookie = components.declare_component(
    "sesi", path=str(Path(__file__).with_name("cookie_component"))
)


def client_address() -> str | None:
    """The browser's address as this process sees it (behind the proxy: the proxy's,
    with the forwarded address first)."""
    try:
        direct = st.context.ip_address
        forwarded = st.context.headers.get("X-Forwarded-For")
    except Exception:  # AppTest and bare runs have no request
        return None
    direct = direct if isinstance(direct, str) else None  # AppTest hands mocks
    forwarded = forwarded if isinstance(forwarded, str) else None
    if forwarded:
        return f"{forwarded.split(',')[0].strip()} via {direct}" if direct else forwarded
    return direct


def current_viewer() -> Viewer | None:
    """The account signed in to this session (checked by :func:`gate` this run)."""
    return st.session_state.get(VIEWER_KEY)


def gate(sample: first_start.SampleLoad = first_start.NOTHING_TO_LOAD) -> Viewer:
    """The signed-in account; otherwise the sign-in page, and the run stops here.

    On a first start the sign-in page is drawn at once and the visitor
    watches the ``sample`` load below it; the demo sign-ins appear as soon as
    the first sample report is stored.
    """
    _write_cookie()
    engine = cache.engine()
    token = st.session_state.get(_TOKEN_KEY) or secret.unsign(_cookie_value())
    viewer = sessions.resume(engine, token, client_address()) if token else None
    if viewer is None:
        if token:  # ended, idle or no longer allowed: forget it, in the browser too
            _forget()
        navigation.hold()
        sign_in_page(sample)
        st.stop()
    st.session_state[_TOKEN_KEY] = token
    st.session_state[VIEWER_KEY] = viewer
    if viewer.must_change_password:
        navigation.hold()
        change_password_page(viewer)
        st.stop()
    if viewer.role_info() is None:
        navigation.hold()
        st.error(t("auth.no_role", role=viewer.role), icon=":material/lock:")
        _sign_out_button(viewer)
        st.stop()
    _account_box(viewer)
    return viewer


def _cookie_value() -> str | None:
    try:
        value = st.context.cookies.get(COOKIE_NAME)
    except Exception:  # no request (AppTest, bare runs)
        return None
    return value if isinstance(value, str) else None


def _write_cookie() -> None:
    """Write (or clear) the session cookie in the browser until the browser says it did."""
    pending = st.session_state.get(_COOKIE_KEY)
    if pending is None:
        return
    value, nonce = pending
    with st.sidebar:
        done = _cookie(name=COOKIE_NAME, value=value, nonce=nonce, key=f"auth_cookie_{nonce}")
    if done == nonce:
        st.session_state.pop(_COOKIE_KEY, None)


def _forget() -> None:
    for key in (_TOKEN_KEY, VIEWER_KEY):
        st.session_state.pop(key, None)
    st.session_state[_COOKIE_KEY] = ("", _random.token_hex(4))


def _start(result: accounts.SignIn) -> None:
    token = sessions.start(cache.engine(), result.account_id, client_address())
    st.session_state[_TOKEN_KEY] = token
    st.session_state[VIEWER_KEY] = result.viewer
    st.session_state[_COOKIE_KEY] = (secret.sign(token), _random.token_hex(4))


# --- the sign-in page ---------------------------------------------------------------------


def sign_in_page(sample: first_start.SampleLoad = first_start.NOTHING_TO_LOAD) -> None:
    """The form (and, while offered, the setup form and the demo sign-ins); nothing else."""
    engine = cache.engine()
    st.title(t("auth.title"))
    st.caption(t("auth.intro"))
    if notice := st.session_state.pop(_NOTICE_KEY, None):
        st.success(notice, icon=":material/check_circle:")
    with st.form("auth_form"):
        st.text_input(t("auth.username"), key="auth_username", autocomplete="username")
        st.text_input(
            t("auth.password"),
            type="password",
            key="auth_password",
            autocomplete="current-password",
        )
        st.form_submit_button(t("auth.submit"), type="primary", on_click=_sign_in)
    if problem := st.session_state.pop(_MESSAGE_KEY, None):
        st.error(problem, icon=":material/lock:")
    demo = st.empty()
    shown = False

    def offer_demo() -> None:
        nonlocal shown
        if not shown and accounts.demo_available(engine):
            with demo.container():
                _demo_sign_ins()
            shown = True

    offer_demo()
    first_start.wait(sample, each_poll=offer_demo)
    offer_demo()
    if setup.needs_setup(engine):
        _setup_form()


def _sign_in() -> None:
    username = st.session_state.get("auth_username", "")
    password = st.session_state.get("auth_password", "")
    st.session_state["auth_password"] = ""  # not kept in the session
    if not username.strip() or not password:
        st.session_state[_MESSAGE_KEY] = t("signin.empty")
        return
    try:
        result = accounts.authenticate(cache.engine(), username, password, client_address())
    except DBAPIError as exc:  # read-only, full or unreachable: no sign-in without its record
        if (message := describe(exc)) is None:
            raise
        st.session_state[_MESSAGE_KEY] = message
        return
    if result.viewer is None:
        minutes = round(accounts.lockout_period().total_seconds() / 60)
        st.session_state[_MESSAGE_KEY] = t(result.problem, minutes=minutes)
        return
    _start(result)


def _demo_sign_ins() -> None:
    with st.container(border=True, key="auth_demo"):
        st.markdown(f"**{t('auth.demo_header')}**")
        st.caption(t("auth.demo_intro"))
        left, right = st.columns(2)
        left.button(
            t("auth.demo_leader"),
            key="auth_demo_pimpinan",
            on_click=_demo,
            args=("demo-pimpinan",),
            width="stretch",
        )
        right.button(
            t("auth.demo_operator", unit=DEMO_ACCOUNTS["demo-operator"][1]),
            key="auth_demo_operator",
            on_click=_demo,
            args=("demo-operator",),
            width="stretch",
        )


def _demo(username: str) -> None:
    result = accounts.demo_sign_in(cache.engine(), username, client_address())
    if result.viewer is not None:
        _start(result)


def _setup_form() -> None:
    with st.expander(t("auth.setup_header"), expanded=False, icon=":material/key:"):
        st.caption(t("auth.setup_intro"))
        with st.form("auth_setup"):
            st.text_input(t("auth.setup_code"), key="setup_code")
            st.text_input(t("auth.username"), key="setup_username")
            st.text_input(t("auth.display_name"), key="setup_name")
            st.text_input(t("auth.email"), key="setup_email")
            st.text_input(t("auth.password"), type="password", key="setup_password")
            st.text_input(t("auth.password_again"), type="password", key="setup_password2")
            st.form_submit_button(t("auth.setup_submit"), on_click=_claim)
        if problem := st.session_state.pop("setup_message", None):
            st.error(problem, icon=":material/error:")


def _claim() -> None:
    state = st.session_state
    password, again = state.get("setup_password", ""), state.get("setup_password2", "")
    state["setup_password"] = state["setup_password2"] = ""
    if password != again:
        state["setup_message"] = t("auth.mismatch")
        return
    try:
        setup.claim(
            cache.engine(),
            state.get("setup_code", ""),
            state.get("setup_username", ""),
            password,
            name=state.get("setup_name") or None,
            email=state.get("setup_email") or None,
            client=client_address(),
        )
    except AccountError as exc:
        state["setup_message"] = t(exc.key, **exc.values)
        return
    state[_NOTICE_KEY] = t("auth.setup_done", username=state.get("setup_username", "").lower())


# --- signed in -------------------------------------------------------------------------------


def change_password_page(viewer: Viewer) -> None:
    """The forced change after an administrator's reset."""
    st.title(t("auth.title"))
    st.warning(t("auth.must_change"), icon=":material/password:")
    with st.form("auth_change"):
        st.text_input(t("auth.current_password"), type="password", key="change_current")
        st.text_input(t("auth.new_password"), type="password", key="change_new")
        st.text_input(t("auth.password_again"), type="password", key="change_new2")
        st.form_submit_button(
            t("auth.change_submit"), type="primary", on_click=_change, args=(viewer,)
        )
    if problem := st.session_state.pop("change_message", None):
        st.error(problem, icon=":material/error:")
    _sign_out_button(viewer)


def _change(viewer: Viewer) -> None:
    state = st.session_state
    current, new, again = (
        state.get(k, "") for k in ("change_current", "change_new", "change_new2")
    )
    for key in ("change_current", "change_new", "change_new2"):
        state[key] = ""
    if new != again:
        state["change_message"] = t("auth.mismatch")
        return
    try:
        accounts.change_password(cache.engine(), viewer.actor, viewer.name, current, new)
    except AccountError as exc:
        state["change_message"] = t(exc.key, **exc.values)


def _account_box(viewer: Viewer) -> None:
    role = viewer.role_info()
    label = role.label(language()) if role else viewer.role
    name = viewer.display_name or viewer.name
    with st.sidebar:
        if viewer.unit:
            st.caption(t("auth.signed_in_unit", name=name, role=label, unit=viewer.unit))
        else:
            st.caption(t("auth.signed_in_as", name=name, role=label))
        _sign_out_button(viewer)


def _sign_out_button(viewer: Viewer) -> None:
    st.sidebar.button(
        t("auth.signout"), key="auth_signout", icon=":material/logout:", on_click=_sign_out
    )


def _sign_out() -> None:
    token = st.session_state.get(_TOKEN_KEY)
    viewer = current_viewer()
    if token and viewer is not None:
        sessions.end(cache.engine(), token, viewer.actor)
    _forget()
