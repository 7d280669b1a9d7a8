"""Keep every page behind the router in app.py.

Because the page files live in ``pages/`` (fixed by the design), Streamlit
starts each server process in its old multipage mode: until some session
has run ``st.navigation``, a visitor arriving on a direct link such as
``/tren`` gets that page file alone — no page config, language switch or
sample-data banner. Each page calls :func:`through_router` first; for a
session that has not been through app.py yet, it switches the process to
``st.navigation`` and reruns, so app.py routes the same URL.

(AppTest resets that process-wide mode before every run and then runs the
page file alone; a session already routed is left alone so widget clicks
are not lost to a rerun.)
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from upt_dashboard.views.i18n import set_language

ROUTED_KEY = "router_routed"


def mark_routed() -> None:
    """Called by app.py on every run."""
    st.session_state[ROUTED_KEY] = True


def through_router() -> None:
    if PagesManager.uses_pages_directory and not st.session_state.get(ROUTED_KEY):
        PagesManager.uses_pages_directory = False
        st.rerun()
    # A page run alone (AppTest's reruns) still speaks the session's language.
    set_language(st.session_state.get("lang") or "id")
