"""What the filters select, as plain data: a period at a grain and a unit scope.

Pages read a :class:`~upt_dashboard.months.Span` and a :class:`Scope` from
``ui.filters`` and pass them to the view modules and the indicator engine;
nothing here imports Streamlit, so the period arithmetic is tested on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from upt_dashboard.months import Month, Span
from upt_dashboard.views import format as fmt
from upt_dashboard.views.i18n import t
from upt_dashboard.views.scope import ScopeName, scope_name


@dataclass(frozen=True)
class Scope:
    """Unit types and units chosen; empty means all.

    Units win over types: picking units narrows to exactly those.
    """

    types: tuple[str, ...] = ()
    units: tuple[str, ...] = ()

    def engine_args(self) -> dict[str, tuple[str, ...] | None]:
        """``units=``/``types=`` keyword arguments for ``indicators.compute``."""
        if self.units:
            return {"units": self.units, "types": None}
        return {"units": None, "types": self.types or None}

    def name(self, units) -> ScopeName:
        """What the scope covers, in words ("Jenis PSTW (7 UPT)"), from the registry frame."""
        return scope_name(units, self.units or None, self.types or None)

    def unit_codes(self, units) -> list[str]:
        """The codes in scope, from the registry frame (code, type, …), in its order."""
        if self.units:
            return [c for c in units["code"] if c in self.units]
        if self.types:
            return [c for c, t in zip(units["code"], units["type"]) if t in self.types]
        return list(units["code"])


def period_options(grain: str, months: Iterable[Month]) -> list[Month]:
    """First months of every period of ``grain`` that holds data, newest first."""
    return sorted({m.start_of(grain) for m in months}, reverse=True)


def data_end(period: Span, months: Sequence[Month]) -> Month:
    """The period's last month that can hold data: its end, or the newest month with data.

    A quarter or year still running ends in the future; trends, windows and
    "up to" labels stop at the data instead of showing empty months.
    """
    return min(period.last, max(months)) if months else period.last


def window(last: Month, months: Sequence[Month], length: int = 12) -> list[Month]:
    """The ``length`` months up to ``last``, but none before the first month with data."""
    first = max(last - (length - 1), min(months)) if months else last - (length - 1)
    return Month.range(first, last)


def reporting_month(today: date, deadline_day: int = 10) -> Month:
    """The latest month whose upload deadline has passed by ``today``.

    A month's report is due by ``deadline_day`` of the next month; on
    28 November 2026 with the 10th as deadline that is October 2026, on
    5 November 2026 it is September 2026.
    """
    last_month = Month.of(today) - 1
    return last_month if today.day > deadline_day else last_month - 1


def default_period(
    grain: str, months: Sequence[Month], today: date, deadline_day: int = 10
) -> Month | None:
    """Where the period picker starts: the period holding the reporting month.

    Falls back to the newest period with data when the reporting month has
    none (e.g. a database holding only older years); None without data.
    """
    options = period_options(grain, months)
    if not options:
        return None
    wanted = reporting_month(today, deadline_day).start_of(grain)
    return wanted if wanted in options else options[0]


# --- partial periods ---------------------------------------------------------------------


def covered_months(period: Span, months: Sequence[Month]) -> list[Month]:
    """The months of ``period`` inside the data (first to last month holding reports)."""
    if not months:
        return []
    first, last = min(months), max(months)
    return [m for m in period.months() if first <= m <= last]


def is_partial(period: Span, months: Sequence[Month]) -> bool:
    """A quarter or year not wholly inside the data (a month is never partial)."""
    covered = covered_months(period, months)
    return bool(covered) and len(covered) < len(period.months())


def period_name(period: Span, months: Sequence[Month]) -> str:
    """ "Triwulan III 2026", or with the months it holds when partial: "Triwulan IV 2026 (Okt)",
    "2026 (Jan–Okt)", "Triwulan IV 2024 (Nov–Des)"."""
    name = fmt.period_text(period.grain, period.first)
    if not is_partial(period, months):
        return name
    covered = covered_months(period, months)
    held = fmt.month_abbr(covered[0])
    if len(covered) > 1:
        held = f"{held}–{fmt.month_abbr(covered[-1])}"
    return f"{name} ({held})"


@dataclass(frozen=True)
class Comparison:
    """What the chosen period is compared with.

    ``first``..``last``: the months of the previous period to compute (at the
    period's grain), or None when nothing fair can be compared; ``label``
    names them for "dibanding …"; ``like_for_like`` says the previous period
    was cut to the months the chosen one holds (Triwulan IV with only October
    is compared with July, not with all of Triwulan III).
    """

    first: Month | None
    last: Month | None
    label: str
    like_for_like: bool

    @property
    def note(self) -> str | None:
        """What the page says when no change can fairly be shown (None: there is one)."""
        return t("period.not_comparable") if self.first is None else None


def comparison(period: Span, months: Sequence[Month]) -> Comparison:
    """The previous period, cut to the same months of the period as the chosen one holds.

    When the previous period lacks some of those months (it lies partly
    before the data), there is nothing like to compare: no change is shown.
    """
    previous = period.previous()
    full_name = fmt.period_text(previous.grain, previous.first)
    covered = covered_months(period, months)
    positions = [m.months_since(period.first) for m in covered]
    before = covered_months(previous, months)
    if not covered or not before:
        return Comparison(None, None, full_name, False)
    held = {m.months_since(previous.first) for m in before}
    if not set(positions) <= held:
        return Comparison(None, None, full_name, False)
    first, last = previous.first + positions[0], previous.first + positions[-1]
    if len(positions) == len(previous.months()):
        return Comparison(first, last, full_name, False)
    return Comparison(first, last, t("period.same_months", period=fmt.span_text(first, last)), True)
