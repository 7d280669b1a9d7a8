"""Numbers, percentages, dates and periods the Indonesian way, through Babel.

``85,3%``, ``1.234``, ``Maret 2026``. English is available by the language
switch; the locale follows ``ui.i18n.language()``.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal, format_percent

from ui.i18n import language

_LOCALES = {"id": "id_ID", "en": "en_GB"}


def _locale() -> str:
    return _LOCALES[language()]


def number(value: float | int | None, decimals: int = 0) -> str:
    if value is None:
        return "—"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=_locale())


def percent(fraction: float | None, decimals: int = 1) -> str:
    """A fraction (0.853) as a percentage ("85,3%")."""
    if fraction is None:
        return "—"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "%"
    return format_percent(fraction, format=pattern, locale=_locale())


def day(value: date | None) -> str:
    if value is None:
        return "—"
    return _babel_date(value, format="d MMMM y", locale=_locale())


def period_label(period: tuple[int, int] | date) -> str:
    """(2026, 3) or date(2026, 3, 1) -> "Maret 2026"."""
    if isinstance(period, date):
        period = (period.year, period.month)
    year, month = period
    return _babel_date(date(year, month, 1), format="LLLL y", locale=_locale())
