"""Small pieces every page shows the same way."""

from __future__ import annotations

import streamlit as st

from upt_dashboard import paths
from upt_dashboard.ui import cache, filters, url
from upt_dashboard.views.i18n import LANGUAGES, set_language, t

_LANGUAGE_NAMES = {"id": "Indonesia", "en": "English"}


def page_config() -> None:
    """Title, icon and layout of every page.

    The icon is a file of the project: a ``:material/…:`` page icon makes the
    browser fetch its SVG from fonts.gstatic.com, which an offline intranet
    cannot reach (found with a browser request log; tests/test_browser.py).
    """
    st.set_page_config(page_title=t("app.title"), page_icon=str(paths.FAVICON), layout="wide")


def sample_banner() -> None:
    """Say clearly, on every page, when the figures are sample data."""
    if cache.is_sample_data(cache.data_version()):
        st.info(t("app.sample_banner"), icon=":material/science:")


def language_switch() -> str:
    """The language radio in the sidebar; sets and returns the session's language.

    A radio, not a segmented control: one click on the other language
    switches (a segmented control's first click clears the choice instead,
    and a click on the chosen one clears it again). The language is in the
    URL, so a reload or a shared link keeps it.
    """
    # Seeded from the remembered choice on every run, like the filters (ui.filters): the
    # radio's own state is tied to the page that drew it, and the first run after signing
    # in draws it on another page than the sign-in form did.
    chosen = filters.remembered(url.LANG_KEY, "id")
    filters.seed(url.LANG_KEY, chosen if chosen in LANGUAGES else "id")
    with st.sidebar:
        lang = st.radio(
            t("app.language", lang=st.session_state[url.LANG_KEY]),
            LANGUAGES,
            key=url.LANG_KEY,
            horizontal=True,
            format_func=_LANGUAGE_NAMES.get,
            on_change=filters.remember,
            args=(url.LANG_KEY,),
        )
    set_language(lang)
    url.put(url.LANG_KEY, lang)
    return lang
