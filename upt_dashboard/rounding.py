"""The one rounding rule: half away from zero, on the number as it is written.

Reviewers check the dashboard with Excel, whose ``ROUND`` rounds halves away
from zero on the decimal number it shows (``ROUND(76.605, 2)`` = 76.61).
Python's ``round`` rounds halves to even, and it rounds the binary float:
76.605 is stored as 76.6049999…, so ``round(76.605, 2)`` gives 76.6 and an
IKM of 76,605 would fall in band C while the screen says 76,61 (band B).
Babel's formatting rounds half to even too. Every place that rounds — status
bands, IKM grades, the screen, CSV files, exports, the CLI — calls this
module instead, so the colour, the letter and the number always agree.

:func:`round_half_up` works on the float's shortest representation (what
``repr`` prints, the digits the value was written with); :func:`round_expr`
is the same rule for polars columns, where a Python call per value would be
too slow. A leaf module: it imports nothing of the project.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import polars as pl

# Significant digits kept before rounding a polars value: a float holds 15-17,
# so 15 removes the binary representation error and nothing a person wrote.
_SIGNIFICANT = 15


def to_decimal(value: float, decimals: int) -> Decimal:
    """``value`` rounded half up to ``decimals`` places, as an exact Decimal.

    ``Decimal(repr(x))`` takes the digits the float was written with
    (76.605, not 76.6049999…); ``ROUND_HALF_UP`` rounds halves away from
    zero (−2.5 → −3), as Excel's ROUND does.
    """
    quantum = Decimal(1).scaleb(-decimals)
    return Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP)


def round_half_up(value: float | None, decimals: int = 2) -> float | None:
    """``76.605`` → ``76.61``; ``-0.125, 2`` → ``-0.13``; None stays None.

    NaN and infinities are returned as they are (nothing to round).
    """
    if value is None:
        return None
    value = float(value)
    if value != value or value in (float("inf"), float("-inf")):
        return value
    return float(to_decimal(value, decimals))


def round_expr(expr: pl.Expr, decimals: int) -> pl.Expr:
    """:func:`round_half_up` for a polars column (nulls stay null).

    The value is first cut to 15 significant digits, the scaled value again,
    so ``76.605 × 100`` (= 7660.499999999999 in binary) becomes 7660.5
    before the half is rounded away from zero.
    """
    scale = 10.0**decimals
    scaled = (expr.cast(pl.Float64).round_sig_figs(_SIGNIFICANT) * scale).round_sig_figs(
        _SIGNIFICANT
    )
    # Polars may divide by multiplying with the reciprocal (7660 × 0.01 =
    # 76.60000000000001): cutting to 15 digits again gives the exact 76.6.
    return ((scaled.sign() * (scaled.abs() + 0.5).floor()) / scale).round_sig_figs(_SIGNIFICANT)
