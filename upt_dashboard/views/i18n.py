"""Interface language: every on-screen string comes from ui/messages.py.

Bahasa Indonesia is the default; English is a switch. The choice lives
in Streamlit's session state; app.py hands it to ``set_language`` at the
start of every run. It is kept in a context variable, not a module global:
Streamlit runs each session's script in its own thread, so two users with
different languages must not see each other's choice. This module never
imports Streamlit, so exports and tests can use it too.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from upt_dashboard.views.messages import MESSAGES

LANGUAGES = ("id", "en")
_current: ContextVar[str] = ContextVar("language", default="id")


def set_language(lang: str) -> None:
    _current.set(lang if lang in LANGUAGES else "id")


def language() -> str:
    return _current.get()


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Words and numbers in ``lang`` inside the block, the caller's language after it.

    Exports are written in Bahasa Indonesia whatever language the person
    who asked for them reads the app in; they build their texts with the
    same views functions inside ``with speaking("id"):``.
    """
    token = _current.set(lang if lang in LANGUAGES else "id")
    try:
        yield
    finally:
        _current.reset(token)


def t(key: str, lang: str | None = None, **values) -> str:
    """The message ``key`` in the language, formatted with ``values``.

    A missing English text falls back to Indonesian; a missing key raises
    KeyError (a test walks the pages to catch that).
    """
    entry = MESSAGES[key]
    text = entry.get(lang or _current.get()) or entry["id"]
    return text.format(**values) if values else text


def t_count(key: str, count: int, lang: str | None = None, **values) -> str:
    """``t`` of ``key``, or of ``key_one`` when ``count`` is 1 and the catalogue has it.

    Bahasa Indonesia does not mark the plural; English does ("1 complaint").
    """
    singular = f"{key}_one"
    return t(singular if count == 1 and singular in MESSAGES else key, lang, **values)
