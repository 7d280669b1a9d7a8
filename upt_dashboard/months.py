"""The calendar month: the one value type for "a month" everywhere in the code.

A monthly report is about one month; indicators roll months up to quarters
and years; the CLI takes ``YYYY-MM``. :class:`Month` does all of that, and
:class:`Span` is a run of months at a grain (a month, a quarter, a year)
as the dashboard's period picker selects them. Polars frames keep a month
as the date of its first day (``Month.first_day``), because that is what
polars can group and truncate.

A leaf module: it imports nothing of the project.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

MONTH_NAMES = {
    "id": (
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip
SHORT_MONTH_NAMES = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
# Grains a period picker offers, and the engine's extra "all" (the whole range).
GRAINS: tuple[str, ...] = ("month", "quarter", "year")
MONTHS_PER_GRAIN = {"month": 1, "quarter": 3, "year": 12}

_YYYY_MM = re.compile(r"\s*(\d{4})-(\d{1,2})\s*")


@dataclass(frozen=True, order=True)
class Month:
    """One calendar month. Ordered; ``Month + n`` is ``n`` months later."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"bulan {self.month} tidak valid (1-12)")

    # --- making one ---------------------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> Month:
        """``"2026-03"`` → ``Month(2026, 3)``; ValueError (Indonesian message) otherwise."""
        match = _YYYY_MM.fullmatch(str(text))
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise ValueError(
                f"bulan '{text}' tidak dikenali; tulis sebagai TTTT-BB, misalnya 2026-03"
            )
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: date) -> Month:
        """The month a date falls in."""
        return cls(day.year, day.month)

    @classmethod
    def from_index(cls, index: int) -> Month:
        """Inverse of :attr:`index`."""
        return cls(index // 12, index % 12 + 1)

    # --- what it is -----------------------------------------------------------------------

    @property
    def index(self) -> int:
        """Months since year 0: consecutive months have consecutive indexes."""
        return self.year * 12 + self.month - 1

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.month, self.days)

    @property
    def days(self) -> int:
        """Days in the month (28-31)."""
        return calendar.monthrange(self.year, self.month)[1]

    @property
    def quarter(self) -> int:
        return (self.month - 1) // 3 + 1

    def contains(self, day: date) -> bool:
        return (day.year, day.month) == (self.year, self.month)

    # --- arithmetic -------------------------------------------------------------------------

    def __add__(self, months: int) -> Month:
        return Month.from_index(self.index + months)

    def __sub__(self, other: int) -> Month:
        return Month.from_index(self.index - other)

    def months_since(self, other: Month) -> int:
        """How many months ``other`` is before this one (negative if after)."""
        return self.index - other.index

    def previous(self) -> Month:
        return self - 1

    def next(self) -> Month:
        return self + 1

    def start_of(self, grain: str) -> Month:
        """First month of the month, quarter or year holding this month."""
        if grain == "month":
            return self
        if grain == "quarter":
            return Month(self.year, (self.quarter - 1) * 3 + 1)
        if grain == "year":
            return Month(self.year, 1)
        raise ValueError(f"satuan waktu '{grain}' tidak dikenal")

    @staticmethod
    def range(first: Month, last: Month) -> list[Month]:
        """Every month from ``first`` to ``last``, inclusive (empty if ``first`` is later)."""
        return [Month.from_index(i) for i in range(first.index, last.index + 1)]

    # --- text -------------------------------------------------------------------------------

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def name(self, lang: str = "id") -> str:
        """The month's name alone: ``"Oktober"``."""
        return MONTH_NAMES.get(lang, MONTH_NAMES["id"])[self.month - 1]

    def label(self, lang: str = "id") -> str:
        """``"Oktober 2026"`` / ``"October 2026"``."""
        return f"{self.name(lang)} {self.year}"

    def short_label(self, lang: str = "id") -> str:
        """``"Okt 2026"`` / ``"Oct 2026"`` (chart axes)."""
        return f"{SHORT_MONTH_NAMES.get(lang, SHORT_MONTH_NAMES['id'])[self.month - 1]} {self.year}"


def month_of(value: date | Month) -> Month:
    """A date's month; a Month as it is. For values read from polars (dates) or code."""
    return value if isinstance(value, Month) else Month.of(value)


@dataclass(frozen=True)
class Span:
    """A month, quarter or year, identified by its grain and first month."""

    grain: str
    first: Month

    def __post_init__(self) -> None:
        if self.grain not in MONTHS_PER_GRAIN:
            raise ValueError(f"satuan waktu '{self.grain}' tidak dikenal")
        if self.first.start_of(self.grain) != self.first:
            raise ValueError(f"{self.first} bukan awal {self.grain}")

    @classmethod
    def containing(cls, grain: str, month: Month) -> Span:
        """The span of ``grain`` that holds ``month``."""
        return cls(grain, month.start_of(grain))

    @property
    def last(self) -> Month:
        return self.first + (MONTHS_PER_GRAIN[self.grain] - 1)

    @property
    def first_day(self) -> date:
        return self.first.first_day

    @property
    def last_day(self) -> date:
        return self.last.last_day

    def months(self) -> list[Month]:
        return Month.range(self.first, self.last)

    def __iter__(self) -> Iterator[Month]:
        return iter(self.months())

    def previous(self) -> Span:
        return Span(self.grain, self.first - MONTHS_PER_GRAIN[self.grain])

    def contains(self, month: Month) -> bool:
        return self.first <= month <= self.last
