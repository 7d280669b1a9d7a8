"""Keep every page behind the router in app.py.

Because the page files live in ``pages/`` (fixed by the design), Streamlit
starts each server process in its old multipage mode: until some session
has run ``st.navigation``, a visitor arriving on a direct link such as
``/tren`` gets that page file alone — no page config, language switch or
sample-data banner. Each page calls :func:`through_router` first; in that
old mode it switches the process to ``st.navigation`` and reruns, so
app.py routes the same URL.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def through_router() -> None:
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
