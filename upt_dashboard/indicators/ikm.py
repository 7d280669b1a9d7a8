"""Community satisfaction index (IKM), PermenPAN-RB No. 14/2017.

NRR of an element = mean score of all respondents in scope (pooled across
units and months); IKM = (Σ NRR ÷ 9) × 25 at full precision. Bands are
judged on the value rounded to 2 decimals, as published. The sample is
checked against the Krejcie–Morgan table for the number of people served.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import polars as pl

from upt_dashboard.rounding import round_expr, round_half_up

ELEMENTS = tuple(f"u{i}" for i in range(1, 10))
ELEMENT_WEIGHT = 1 / 9

# (lowest IKM rounded to 2 decimals, letter, quality) — highest band first.
BANDS: tuple[tuple[float, str, str], ...] = (
    (88.31, "A", "Sangat Baik"),
    (76.61, "B", "Baik"),
    (65.00, "C", "Kurang Baik"),
    (25.00, "D", "Tidak Baik"),
)

# Krejcie & Morgan (1970): population N → minimum sample S.
KREJCIE_MORGAN: tuple[tuple[int, int], ...] = (
    (10, 10),
    (15, 14),
    (20, 19),
    (25, 24),
    (30, 28),
    (35, 32),
    (40, 36),
    (45, 40),
    (50, 44),
    (55, 48),
    (60, 52),
    (65, 56),
    (70, 59),
    (75, 63),
    (80, 66),
    (85, 70),
    (90, 73),
    (95, 76),
    (100, 80),
    (110, 86),
    (120, 92),
    (130, 97),
    (140, 103),
    (150, 108),
    (160, 113),
    (170, 118),
    (180, 123),
    (190, 127),
    (200, 132),
    (210, 136),
    (220, 140),
    (230, 144),
    (240, 148),
    (250, 152),
    (260, 155),
    (270, 159),
    (280, 162),
    (290, 165),
    (300, 169),
    (320, 175),
    (340, 181),
    (360, 186),
    (380, 191),
    (400, 196),
    (420, 201),
    (440, 205),
    (460, 210),
    (480, 214),
    (500, 217),
    (550, 226),
    (600, 234),
    (650, 242),
    (700, 248),
    (750, 254),
    (800, 260),
    (850, 265),
    (900, 269),
    (950, 274),
    (1000, 278),
    (1100, 285),
    (1200, 291),
    (1300, 297),
    (1400, 302),
    (1500, 306),
    (1600, 310),
    (1700, 313),
    (1800, 317),
    (1900, 320),
    (2000, 322),
    (2200, 327),
    (2400, 331),
    (2600, 335),
    (2800, 338),
    (3000, 341),
    (3500, 346),
    (4000, 351),
    (4500, 354),
    (5000, 357),
    (6000, 361),
    (7000, 364),
    (8000, 367),
    (9000, 368),
    (10000, 370),
    (15000, 375),
    (20000, 377),
    (30000, 379),
    (40000, 380),
    (50000, 381),
    (75000, 382),
    (1000000, 384),
)
_KM_POPULATIONS = [n for n, _ in KREJCIE_MORGAN]
KM_MAX = 384


def ikm_from_nrr(nrr: Sequence[float], weight: float = ELEMENT_WEIGHT) -> float:
    """IKM from the nine element NRRs: Σ(NRR × weight) × 25, not rounded.

    ``weight`` is 1/9 by default; 0.111 reproduces offices that truncate it.
    ValueError if there are not exactly nine values.
    """
    if len(nrr) != 9:
        raise ValueError(f"IKM needs 9 NRR values, got {len(nrr)}")
    return sum(v * weight for v in nrr) * 25


def grade(ikm: float | None) -> str | None:
    """Band letter A–D of an IKM value, judged on it rounded half up to 2 decimals
    (76.605 → 76.61 → B, as Excel's ROUND and the screen show it)."""
    if ikm is None:
        return None
    shown = round_half_up(ikm, 2)
    return next((letter for low, letter, _ in BANDS if shown >= low), None)


def grade_label(letter: str) -> str:
    """``"B"`` → ``"Baik"``."""
    return next(label for _, band, label in BANDS if band == letter)


def grade_expr(value: pl.Expr) -> pl.Expr:
    """Vectorised :func:`grade`."""
    shown = round_expr(value, 2)
    expr = pl.when(shown >= BANDS[0][0]).then(pl.lit(BANDS[0][1]))
    for low, letter, _ in BANDS[1:]:
        expr = expr.when(shown >= low).then(pl.lit(letter))
    return expr.otherwise(pl.lit(None, dtype=pl.String))


def required_sample(population: int | None) -> int | None:
    """Minimum respondents for a population, per Krejcie–Morgan.

    Between table rows the next row up is taken (conservative); below 10
    people everyone is asked; beyond the table 384. None for None.
    """
    if population is None:
        return None
    if population <= 0:
        return 0
    i = bisect.bisect_left(_KM_POPULATIONS, population)
    table = KREJCIE_MORGAN[i][1] if i < len(KREJCIE_MORGAN) else KM_MAX
    return min(population, table)


def sample_check(population: int | None, respondents: int) -> tuple[int | None, bool]:
    """(required respondents, True when fewer respondents than required)."""
    required = required_sample(population)
    return required, required is not None and respondents < required


def required_sample_expr(population: pl.Expr) -> pl.Expr:
    """Vectorised :func:`required_sample`: the same bisection, by ``search_sorted``."""
    row = pl.lit(pl.Series(_KM_POPULATIONS, dtype=pl.Int64)).search_sorted(population, side="left")
    table = pl.lit(pl.Series([s for _, s in KREJCIE_MORGAN] + [KM_MAX], dtype=pl.Int64))
    return (
        pl.when(population <= 0)
        .then(pl.lit(0, pl.Int64))
        .when(population.is_not_null())
        .then(pl.min_horizontal(population, table.gather(row)))
    )


def ikm_expr(
    element_sums: Sequence[pl.Expr], respondents: pl.Expr, weight: float = ELEMENT_WEIGHT
) -> pl.Expr:
    """IKM from the nine Σ scores and the respondent count (null when none)."""
    nrr_total = pl.sum_horizontal(s / respondents for s in element_sums)
    return pl.when(respondents > 0).then(nrr_total * weight * 25)
