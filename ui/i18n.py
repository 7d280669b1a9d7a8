"""Interface language: every on-screen string comes from ui/messages.py.

Bahasa Indonesia is the default; English is a switch. The language lives
in Streamlit's session state, but this module never imports Streamlit so
exports and tests can use it too: pages pass the language explicitly via
``t(key, lang=...)`` or set the module default with ``set_language``.
"""

from __future__ import annotations

from ui.messages import MESSAGES

LANGUAGES = ("id", "en")
_current = {"lang": "id"}


def set_language(lang: str) -> None:
    _current["lang"] = lang if lang in LANGUAGES else "id"


def language() -> str:
    return _current["lang"]


def t(key: str, lang: str | None = None, **values) -> str:
    """The message ``key`` in the language, formatted with ``values``.

    A missing English text falls back to Indonesian; a missing key raises
    KeyError (a test walks the pages to catch that).
    """
    entry = MESSAGES[key]
    text = entry.get(lang or _current["lang"]) or entry["id"]
    return text.format(**values) if values else text
