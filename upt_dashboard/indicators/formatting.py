"""Indonesian number formatting for text the engine writes (docs, reasons, CLI table).

Decimal comma, dot as thousands separator; percents shown ×100 with ``%``.
The app's own display formatting lives in the UI layer.
"""

from __future__ import annotations

from upt_dashboard.indicators.catalogue import Indicator, Unit


def format_number(x: float, decimals: int = 0) -> str:
    """``1234.5, 1`` → ``"1.234,5"``."""
    text = f"{x:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_value(indicator: Indicator, value: float | None) -> str:
    """A value in the indicator's display form: ``0.953`` → ``"95,3%"``; None → ``"–"``."""
    if value is None:
        return "–"
    if indicator.unit is Unit.PERCENT:
        return format_number(value * 100, indicator.decimals) + "%"
    suffix = " hari" if indicator.unit is Unit.DAYS else ""
    return format_number(value, indicator.decimals) + suffix
