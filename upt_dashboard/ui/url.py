"""The view in the address bar: language and filters as query parameters.

A leader who reloads the page, or sends the link to a colleague, gets the
same view: ``?lang=en&grain=quarter&period=2026-10&types=PSTW&units=A,B&unit=A``.
On a session's first run the parameters seed the remembered choices
(``ui.filters`` then checks them against what is offered, so a stale or
hand-edited link falls back to sensible values); after that every page
writes its current choices back. Default values are left out of the URL.
"""

from __future__ import annotations

import streamlit as st

from upt_dashboard.months import GRAINS, Month
from upt_dashboard.views.i18n import LANGUAGES

LANG_KEY = "lang"
_LOADED_KEY = "url_loaded"
# session key of the shared widget -> its query parameter
PARAMS = {
    LANG_KEY: "lang",
    "filter_grain": "grain",
    "filter_period": "period",
    "filter_types": "types",
    "filter_units": "units",
    "filter_unit": "unit",
}
DEFAULTS = {"lang": "id", "grain": "month"}


def parse(name: str, raw: str) -> object | None:
    """A query parameter's value as the widget holds it; None when it makes no sense."""
    raw = raw.strip()
    if name == "lang":
        return raw if raw in LANGUAGES else None
    if name == "grain":
        return raw if raw in GRAINS else None
    if name == "period":
        try:
            return Month.parse(raw)
        except ValueError:
            return None
    if name in ("types", "units"):
        return [part for part in (p.strip() for p in raw.split(",")) if part]
    return raw or None


def render(value: object) -> str:
    """A widget value as a query parameter."""
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    return str(value)


def load_once(seed) -> None:
    """On the session's first run, hand each known query parameter to ``seed(key, value)``."""
    if st.session_state.get(_LOADED_KEY):
        return
    st.session_state[_LOADED_KEY] = True
    for key, name in PARAMS.items():
        raw = st.query_params.get(name)
        value = parse(name, raw) if raw is not None else None
        if value is not None:
            seed(key, value)


def arrived(key: str) -> object | None:
    """The value of ``key`` in the URL when it was put there from outside this page's own
    writes — a link followed inside the session (Ringkasan's attention rows link to
    ``Profil UPT?unit=…``) or an edited address — else None.

    A value this session wrote itself is not news: the widget's own choice stands.
    """
    name = PARAMS[key]
    raw = st.query_params.get(name)
    if raw is None or raw == st.session_state.get(_written(name)):
        return None
    return parse(name, raw)


def _written(name: str) -> str:
    return f"url_written__{name}"


def put(key: str, value: object) -> None:
    """Write the current value of the shared widget ``key`` to the URL (defaults removed)."""
    name = PARAMS[key]
    text = render(value) if value not in (None, "", [], ()) else ""
    st.session_state[_written(name)] = text
    if not text or DEFAULTS.get(name) == text:
        if name in st.query_params:
            del st.query_params[name]
    elif st.query_params.get(name) != text:
        st.query_params[name] = text
