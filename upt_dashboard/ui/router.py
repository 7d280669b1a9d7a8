"""Keep every page behind the router in app.py, and run the chosen page.

Because the page files live in ``pages/`` (fixed by the design), Streamlit
starts each server process in its old multipage mode: until some session
has called ``st.navigation``, a visitor arriving on a direct link such as
``/tren`` gets that page file alone — no page config, language switch or
sample-data banner. Each page calls :func:`through_router` first. For a
session that has not been through app.py yet it calls ``st.navigation``
itself — documented to make Streamlit ignore the ``pages/`` folder from
then on — and reruns, so app.py routes the same URL. Only public API is
used; ``tests/test_browser.py`` opens a direct link on a fresh server and
fails loudly if a Streamlit upgrade changes that behaviour.

(AppTest runs a page file alone after the first run; a session already
routed is left alone so widget clicks are not lost to a rerun.)
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from upt_dashboard import paths
from upt_dashboard.indicators.errors import IndicatorError
from upt_dashboard.ui import auth, navigation
from upt_dashboard.views.i18n import set_language, t

ROUTED_KEY = "router_routed"


def mark_routed() -> None:
    """Called by app.py on every run."""
    st.session_state[ROUTED_KEY] = True


def through_router(page_file: str) -> None:
    """First line of every page (``through_router(__file__)``): app.py routes this session,
    and only a signed-in account whose role may open the page gets past it."""
    if not st.session_state.get(ROUTED_KEY):
        # Any st.navigation call switches the process out of pages/ mode.
        # Naming app.py as the default and this page by its own URL keeps the
        # URL the visitor asked for, so the rerun — which starts at app.py —
        # routes to this page again, now with the full navigation.
        st.navigation(
            [st.Page(str(paths.APP), default=True), st.Page(page_file)], position="hidden"
        )
        st.session_state[ROUTED_KEY] = True
        st.rerun()
    # A page run alone (AppTest's reruns) still speaks the session's language.
    set_language(st.session_state.get("lang") or "id")
    viewer = auth.current_viewer()
    if viewer is None:  # app.py stops anonymous runs; a page run alone must too
        auth.sign_in_page()
        st.stop()
    if not navigation.page_allowed(viewer, page_file):
        st.error(t("auth.not_allowed"), icon=":material/lock:")
        st.stop()


def run(pages: Sequence[st.Page]) -> None:
    """Navigate to the page the URL asks for and run it.

    The indicator engine's one exception says in Bahasa Indonesia what to
    change (an empty scope, an unknown unit): it is shown, not raised.
    """
    try:
        st.navigation(pages, expanded=True).run()  # every page the role has, no "View more"
    except IndicatorError as exc:
        st.error(str(exc), icon=":material/error:")
