"""Indonesian number formatting for text the engine writes (docs, reasons, CLI table).

Decimal comma, dot as thousands separator; percents shown ×100 with ``%``.
Rounding is ``upt_dashboard.rounding``'s (half up), like every other place;
a percent is rounded on the stored fraction (0.76605 → 0.7661 → 76,61%), so
``× 100`` in binary cannot move it. The app's display formatting lives in
``views.format``.
"""

from __future__ import annotations

from decimal import Decimal

from upt_dashboard.indicators.catalogue import Indicator, Unit
from upt_dashboard.rounding import to_decimal


def _indonesian(amount: Decimal, decimals: int) -> str:
    text = f"{amount:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_number(x: float, decimals: int = 0) -> str:
    """``1234.5, 1`` → ``"1.234,5"``; ``76.605, 2`` → ``"76,61"``."""
    return _indonesian(to_decimal(x, decimals), decimals)


def format_percent(fraction: float, decimals: int = 1) -> str:
    """``0.76605, 2`` → ``"76,61%"``: rounded on the fraction, then shown ×100."""
    return _indonesian(to_decimal(fraction, decimals + 2).scaleb(2), decimals) + "%"


def format_value(indicator: Indicator, value: float | None) -> str:
    """A value in the indicator's display form: ``0.953`` → ``"95,3%"``; None → ``"–"``."""
    if value is None:
        return "–"
    if indicator.unit is Unit.PERCENT:
        return format_percent(value, indicator.decimals)
    suffix = " hari" if indicator.unit is Unit.DAYS else ""
    return format_number(value, indicator.decimals) + suffix
