"""Numbers, percentages, dates and periods the Indonesian way, through Babel.

``85,3%``, ``1.234``, ``Maret 2026``. English is available by the language
switch; the locale follows ``ui.i18n.language()``. Babel rounds half to even;
every number is rounded here first with ``upt_dashboard.rounding`` (half up,
as Excel and the status bands do) and handed to Babel as an exact Decimal.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Any

import polars as pl
from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal, format_percent

from upt_dashboard.months import Month, month_of
from upt_dashboard.rounding import to_decimal
from upt_dashboard.views.i18n import language, t

_LOCALES = {"id": "id_ID", "en": "en_GB"}


def _locale() -> str:
    return _LOCALES[language()]


def number(value: float | int | None, decimals: int = 0) -> str:
    if value is None:
        return "—"
    return _number(value, decimals, _locale())


def percent(fraction: float | None, decimals: int = 1) -> str:
    """A fraction (0.853) as a percentage ("85,3%")."""
    if fraction is None:
        return "—"
    return _percent(fraction, decimals, _locale())


def day(value: date | None) -> str:
    if value is None:
        return "—"
    return _day(value, _locale())


# Babel takes tens of microseconds a value, and a national scorecard shows tens of
# thousands of them, most repeated: each distinct value is formatted once per language.
FORMATTED = 65_536


@lru_cache(maxsize=FORMATTED)
def _number(value: float | int, decimals: int, locale: str) -> str:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(to_decimal(value, decimals), format=pattern, locale=locale)


@lru_cache(maxsize=FORMATTED)
def _percent(fraction: float, decimals: int, locale: str) -> str:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "%"
    return format_percent(to_decimal(fraction, decimals + 2), format=pattern, locale=locale)


@lru_cache(maxsize=FORMATTED)
def _day(value: date, locale: str) -> str:
    return _babel_date(value, format="d MMMM y", locale=locale)


def each(values: pl.Series, render: Callable[[Any], str]) -> pl.Series:
    """``render`` applied to a column, once per distinct value (a national backlog
    has tens of thousands of rows but a few hundred dates); None stays "—"."""
    texts = {v: render(v) for v in values.drop_nulls().unique().to_list()}
    shown = values.replace_strict(texts, default=None, return_dtype=pl.String)
    return shown.fill_null("—").alias(values.name)


def period_label(month: Month | date) -> str:
    """Month(2026, 3) (or a frame's date(2026, 3, 1)) -> "Maret 2026"."""
    return month_of(month).label(language())


def month_abbr(month: Month | date) -> str:
    """Month(2026, 10) -> "Okt" (the month alone, inside a period's name)."""
    return month_of(month).short_label(language()).split(" ")[0]


def month_short(month: Month | date) -> str:
    """Month(2026, 10) -> "Okt 2026" (axis ticks)."""
    return month_of(month).short_label(language())


_ROMAN = ("I", "II", "III", "IV")


def period_text(grain: str, first: Month | date) -> str:
    """A period by its grain and first month: "Oktober 2026", "Triwulan IV 2026", "2026"."""
    first = month_of(first)
    if grain == "month":
        return period_label(first)
    if grain == "quarter":
        q = first.quarter
        return t("period.quarter", roman=_ROMAN[q - 1], q=q, year=first.year)
    if grain == "year":
        return str(first.year)
    raise ValueError(f"unknown grain {grain!r}")


def span_text(first: Month | date, last: Month | date) -> str:
    """A range of months: "Nov 2024 – Okt 2026" (one month alone: "Oktober 2026")."""
    first, last = month_of(first), month_of(last)
    if first == last:
        return period_label(first)
    return f"{month_short(first)} – {month_short(last)}"


def value(amount: float | None, unit: str, decimals: int) -> str:
    """An indicator value in its display unit (``unit`` is a catalogue ``Unit`` value).

    Percent values arrive as fractions (0.853 -> "85,3%"); days carry their
    word ("3,5 hari"); index, ratio and count are plain numbers.
    """
    if amount is None:
        return "—"
    if unit == "percent":
        return percent(amount, decimals)
    if unit == "days":
        return t("unit.days_value", value=number(amount, decimals))
    return number(amount, decimals)


def delta(change: float | None, unit: str, decimals: int) -> str | None:
    """A signed change between two periods: "+1,2 poin" for percentages, "-0,8" else.

    None when there is nothing to compare. The sign is ASCII: st.metric reads
    a leading "-" to point the arrow down and colour the change.
    """
    if change is None:
        return None
    shown = to_decimal(change, decimals + 2).scaleb(2) if unit == "percent" else change
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    text = format_decimal(abs(to_decimal(shown, decimals)), format=pattern, locale=_locale())
    if text.strip("0,.") == "":
        sign = ""
    else:
        sign = "+" if shown > 0 else "-"
    text = sign + text
    if unit == "percent":
        return t("unit.points_delta", value=text)
    if unit == "days":
        return t("unit.days_value", value=text)
    return text


def plotly_separators() -> str:
    """Plotly's ``layout.separators`` (decimal mark, then group mark) for the language."""
    return ",." if language() == "id" else ".,"
