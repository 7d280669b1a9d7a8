"""Numbers, dates and labels for exported files, always the Indonesian way.

Exports are documents for meetings of the Indonesian office, so they are
written in Bahasa Indonesia whatever language the person who clicked
reads the app in. ``ui.format`` follows the app's current language, so
this module calls Babel with the ``id_ID`` locale directly, with the same
patterns: ``85,3%``, ``1.234``, ``Maret 2026``, and the same half-up rounding
(``upt_dashboard.rounding``).
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from upt_dashboard.indicators.catalogue import Direction, Indicator, Method, Unit
from upt_dashboard.indicators.composite import components
from upt_dashboard.indicators.config import Bands, Config
from upt_dashboard.months import Month, month_of
from upt_dashboard.rounding import to_decimal
from upt_dashboard.views import format as fmt
from upt_dashboard.views.i18n import speaking, t, t_count
from upt_dashboard.views.names import STATUS_GLYPHS, band_text, glyph_rule

LOCALE = "id_ID"
LANG = "id"
DASH = "—"


def msg(key: str, **values: object) -> str:
    """A message of the catalogue in Bahasa Indonesia."""
    return t(key, lang=LANG, **values)


def _pattern(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def number(value: float | None, decimals: int = 0) -> str:
    """``1234.5, 1`` → ``"1.234,5"``; None → ``"—"``."""
    if value is None:
        return DASH
    return format_decimal(to_decimal(value, decimals), format=_pattern(decimals), locale=LOCALE)


def percent(fraction: float | None, decimals: int = 1) -> str:
    """``0.853`` → ``"85,3%"``."""
    if fraction is None:
        return DASH
    return format_percent(
        to_decimal(fraction, decimals + 2), format=_pattern(decimals) + "%", locale=LOCALE
    )


def value(indicator: Indicator, amount: float | None) -> str:
    """An indicator value in its display unit and decimals (``"3,5 hari"``)."""
    if amount is None:
        return DASH
    if indicator.unit is Unit.PERCENT:
        return percent(amount, indicator.decimals)
    if indicator.unit is Unit.DAYS:
        return msg("unit.days_value", value=number(amount, indicator.decimals))
    return number(amount, indicator.decimals)


def coverage(indicator: Indicator, row: dict | None, config: Config) -> str:
    """A composite's components used (``"3/5 komponen"``) or why it is empty; else ""."""
    if not row or indicator.method is not Method.COMPOSITE:
        return ""
    if indicator.id not in config.composites:
        return ""
    total = len(components(indicator.id, config))
    n = row.get("n") or 0
    if row.get("reason"):
        return msg(f"composite.reason.{row['reason']}", n=n, total=total)
    return msg("composite.used", n=n, total=total)


def row_value(indicator: Indicator, row: dict | None, config: Config) -> str:
    """``value`` with, for a composite, its coverage: ``"64,1 (3/5 komponen)"``."""
    shown = value(indicator, (row or {}).get("value"))
    note = coverage(indicator, row, config)
    return f"{shown} ({note})" if note else shown


def month(value_: Month | date) -> str:
    """``Month(2026, 3)`` → ``"Maret 2026"``."""
    return month_of(value_).label()


def month_short(value_: Month | date) -> str:
    """``Month(2026, 3)`` → ``"Mar 2026"`` (axis labels)."""
    return month_of(value_).short_label()


def day(value_: date) -> str:
    """``date(2026, 11, 28)`` → ``"28 November 2026"``."""
    return format_date(value_, format="d MMMM y", locale=LOCALE)


def day_month(value_: date) -> str:
    """``date(2026, 2, 20)`` → ``"20 Feb"`` (dates inside a list of months)."""
    return format_date(value_, format="d MMM", locale=LOCALE)


def span(first: Month, last: Month) -> str:
    """The months of an export: ``"November 2025 – Oktober 2026"`` or one month."""
    if first == last:
        return month(first)
    return f"{month(first)} – {month(last)}"


def span_short(first: Month, last: Month) -> str:
    """``"Sep 2026"`` or ``"Nov 2024 – Okt 2025"`` (column headings)."""
    if first == last:
        return month_short(first)
    return f"{month_short(first)} – {month_short(last)}"


def excel_format(indicator: Indicator) -> str:
    """Number format code for spreadsheets and chart labels.

    Format codes are locale-neutral: the reader's Office shows ``85,3%`` in
    Indonesian and ``85.3%`` in English settings.
    """
    decimals = "." + "0" * indicator.decimals if indicator.decimals else ""
    if indicator.unit is Unit.PERCENT:
        return f"0{decimals}%"
    return f"#,##0{decimals}"


def target(indicator: Indicator, bands: Bands) -> str:
    """The configured target: ``"≥ 95,0%"``, ``"≤ 0,50%"``, ``"85,0% – 100,0%"`` or ``"—"``."""
    if indicator.direction is Direction.TARGET_RANGE and bands.target_min is not None:
        return msg(
            "export.target_range",
            low=value(indicator, bands.target_min),
            high=value(indicator, bands.target_max),
        )
    if bands.target is None:
        return DASH
    key = {Direction.HIGHER: "export.target_higher", Direction.LOWER: "export.target_lower"}.get(
        indicator.direction
    )
    shown = value(indicator, bands.target)
    return msg(key, value=shown) if key else shown


def bands(indicator: Indicator, config: Config) -> str:
    """The rule that gives the status: ``"Baik ≥ 80,0 · Waspada ≥ 60,0 · Perlu perhatian < 60,0"``.

    Beside a value an export states these bands, never a bare target the
    status could contradict (``views.names.band_text``); "—" without bands.
    """
    with speaking(LANG):
        return band_text(indicator, config.band(indicator.id))


def glyph_bands(indicator: Indicator, config: Config) -> str:
    """The bands in a table cell: ``"✓ ≥ 80,0 · ! ≥ 60,0"``."""
    with speaking(LANG):
        return glyph_rule(indicator, config.band(indicator.id))


def change(indicator: Indicator, now: float | None, before: float | None) -> str:
    """``"+1,2 poin"``, ``"-0,37"``; ``"—"`` when either value is missing."""
    if now is None or before is None:
        return DASH
    with speaking(LANG):
        return fmt.delta(now - before, indicator.unit.value, indicator.decimals) or DASH


def status(code: str | None) -> str:
    """Engine status (``"hijau"`` …) as the dashboard words it: ``"Baik"``."""
    return msg(f"status.{code or 'none'}")


def status_text(code: str | None) -> str:
    """``"✓ Baik"``: a glyph beside the word, so status never rests on colour alone."""
    return f"{STATUS_GLYPHS.get(code, '')} {status(code)}".strip()


def verification(verified_only: bool, unverified: int, lang: str | None = LANG) -> str:
    """What a source line says of verification ("" when every report is verified);
    ``lang=None``: the interface language (chart images follow it)."""
    if verified_only:
        return t("export.source_verified_only", lang=lang)
    if not unverified:
        return ""
    return t_count("export.source_unverified", unverified, lang=lang, n=unverified)


def source(first: Month, last: Month, sample: bool = False, verification: str = "") -> str:
    """The source line every slide and sheet carries (sample data says so, and how many
    reports were not verified yet: ``verification``)."""
    line = msg("export.source_sample" if sample else "export.source", period=span(first, last))
    return f"{line}; {verification}" if verification else line
