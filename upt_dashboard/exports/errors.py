"""The one exception of the exports package, and the one place it becomes text.

An :class:`ExportError` carries a message key of ``ui/messages.py`` (and
its values) instead of a finished sentence, so the page shows it in the
reader's language and the CLI in Bahasa Indonesia. :func:`user_message`
also turns the indicator engine's own error (already written in Bahasa
Indonesia, saying what to change) into the same kind of text.
"""

from __future__ import annotations

from upt_dashboard.indicators.errors import IndicatorError
from upt_dashboard.views.i18n import t


class ExportError(Exception):
    """An export that cannot be made; ``key`` names the message to show."""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(t(key, lang="id", **values))


def user_message(exc: Exception, lang: str | None = None) -> str:
    """What to tell the user about ``exc``; other exceptions are re-raised.

    Only the errors the user can act on (missing browser, empty scope,
    unknown unit) become messages; anything else is a bug and must surface.
    """
    if isinstance(exc, ExportError):
        return t(exc.key, lang=lang, **exc.values)
    if isinstance(exc, IndicatorError):
        return str(exc)
    raise exc
