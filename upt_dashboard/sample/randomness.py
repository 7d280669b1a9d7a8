"""The generator's randomness: seeded streams and the few draws built on them.

Every random number in the sample comes from :func:`stream`, a
``random.Random`` seeded from ``SEED`` plus the unit code and an aspect
name ("pm", "pegawai", ...). One stream per unit and aspect means a change
in one story does not reshuffle every other number, and a subset run draws
the same numbers as a full run. Changing ``SEED`` or any draw here changes
every sample file.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable

SEED = "dinsos-jatim-sampel-1"


def stream(*parts: object) -> random.Random:
    """An independent stream for one unit and aspect, seeded from ``SEED`` and ``parts``
    (joined as text, so ``Month(2025, 3)`` and ``"2025-03"`` seed the same stream)."""
    return random.Random(":".join([SEED, *map(str, parts)]))


def poisson(rng: random.Random, lam: float) -> int:
    """A Poisson(``lam``) count; above 30 the normal approximation (cheaper, close enough)."""
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def binomial(rng: random.Random, n: int, p: float) -> int:
    """How many of ``n`` independent trials succeed with probability ``p``."""
    return sum(rng.random() < p for _ in range(n))


def pick(rng: random.Random, options: Iterable, weights: Iterable[float]):
    """One of ``options``, drawn with the given relative ``weights``."""
    return rng.choices(list(options), weights=list(weights))[0]
