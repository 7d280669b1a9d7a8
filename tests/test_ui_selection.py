"""Period and scope arithmetic behind the shared filters (ui/selection.py)."""

from datetime import date

import polars as pl
import pytest

from upt_dashboard.months import Month, Span
from upt_dashboard.views.selection import (
    Scope,
    comparison,
    data_end,
    default_period,
    period_name,
    period_options,
    reporting_month,
    window,
)


@pytest.mark.parametrize(
    "grain, start, end, previous",
    [
        ("month", Month(2026, 10), Month(2026, 10), Month(2026, 9)),
        ("month", Month(2026, 1), Month(2026, 1), Month(2025, 12)),
        ("quarter", Month(2026, 10), Month(2026, 12), Month(2026, 7)),
        ("quarter", Month(2026, 1), Month(2026, 3), Month(2025, 10)),
        ("year", Month(2026, 1), Month(2026, 12), Month(2025, 1)),
    ],
)
def test_period_bounds_and_previous(grain, start, end, previous):
    period = Span(grain, start)
    assert period.last == end
    assert period.previous() == Span(grain, previous)
    assert period.months()[0] == start and period.months()[-1] == end


@pytest.mark.parametrize(
    "grain, month, start",
    [
        ("month", Month(2026, 5), Month(2026, 5)),
        ("quarter", Month(2026, 5), Month(2026, 4)),
        ("quarter", Month(2026, 12), Month(2026, 10)),
        ("year", Month(2026, 5), Month(2026, 1)),
    ],
)
def test_containing(grain, month, start):
    assert Span.containing(grain, month) == Span(grain, start)


def test_period_options_newest_first_without_duplicates():
    months = [Month(2025, 11), Month(2025, 12), Month(2026, 1), Month(2026, 2)]
    assert period_options("quarter", months) == [Month(2026, 1), Month(2025, 10)]
    assert period_options("year", months) == [Month(2026, 1), Month(2025, 1)]
    assert period_options("month", []) == []


@pytest.mark.parametrize(
    "today, month",
    [
        (date(2026, 11, 28), Month(2026, 10)),  # October's deadline (10 Nov) has passed
        (date(2026, 11, 11), Month(2026, 10)),
        (date(2026, 11, 10), Month(2026, 9)),  # deadline day itself: October still running
        (date(2026, 1, 5), Month(2025, 11)),
    ],
)
def test_reporting_month(today, month):
    assert reporting_month(today, deadline_day=10) == month


def test_default_period_prefers_the_reporting_month_else_the_newest_data():
    months = [Month(2026, m) for m in range(1, 11)]
    assert default_period("month", months, date(2026, 11, 28)) == Month(2026, 10)
    assert default_period("quarter", months, date(2026, 11, 28)) == Month(2026, 10)
    old = [Month(2024, m) for m in range(1, 4)]
    assert default_period("month", old, date(2026, 11, 28)) == Month(2024, 3)
    assert default_period("month", [], date(2026, 11, 28)) is None


UNITS = pl.DataFrame({"code": ["A", "B", "C"], "type": ["PSTW", "PSTW", "RSBL"]})


@pytest.mark.parametrize(
    "scope, codes, args",
    [
        (Scope(), ["A", "B", "C"], {"units": None, "types": None}),
        (Scope(types=("PSTW",)), ["A", "B"], {"units": None, "types": ("PSTW",)}),
        (Scope(types=("PSTW",), units=("B",)), ["B"], {"units": ("B",), "types": None}),
    ],
)
def test_scope(scope, codes, args):
    assert scope.unit_codes(UNITS) == codes
    assert scope.engine_args() == args


def test_data_end_stops_a_running_period_at_the_data():
    months = [Month(2026, 9), Month(2026, 10)]
    assert data_end(Span("quarter", Month(2026, 10)), months) == Month(2026, 10)
    assert data_end(Span("month", Month(2026, 9)), months) == Month(2026, 9)
    assert data_end(Span("year", Month(2026, 1)), []) == Month(2026, 12)


def test_window_is_twelve_months_but_not_before_the_data():
    months = Month.range(Month(2026, 3), Month(2026, 10))
    assert window(Month(2026, 10), months) == months
    assert window(Month(2026, 10), Month.range(Month(2024, 1), Month(2026, 10)))[0] == Month(
        2025, 11
    )
    assert window(Month(2026, 10), months, length=2) == [Month(2026, 9), Month(2026, 10)]


# --- partial periods -----------------------------------------------------------------------

DATA = Month.range(Month(2024, 11), Month(2026, 10))  # the sample's months


@pytest.mark.parametrize(
    "grain, first, name",
    [
        ("quarter", Month(2026, 10), "Triwulan IV 2026 (Okt)"),  # only October so far
        ("quarter", Month(2024, 10), "Triwulan IV 2024 (Nov–Des)"),  # the range starts in Nov
        ("quarter", Month(2026, 7), "Triwulan III 2026"),  # whole: no note
        ("year", Month(2026, 1), "2026 (Jan–Okt)"),
        ("year", Month(2024, 1), "2024 (Nov–Des)"),
        ("year", Month(2025, 1), "2025"),
        ("month", Month(2026, 10), "Oktober 2026"),
    ],
)
def test_partial_periods_say_which_months_they_hold(grain, first, name):
    assert period_name(Span(grain, first), DATA) == name


def test_a_partial_quarter_is_compared_with_the_same_months_before():
    compared = comparison(Span("quarter", Month(2026, 10)), DATA)
    # Triwulan IV 2026 holds October: compared with July, not all of Triwulan III
    assert (compared.first, compared.last, compared.like_for_like) == (
        Month(2026, 7),
        Month(2026, 7),
        True,
    )
    assert compared.label == "Juli 2026 (bulan yang sama dari periode sebelumnya)"
    year = comparison(Span("year", Month(2026, 1)), DATA)
    assert (year.first, year.last) == (Month(2025, 1), Month(2025, 10))


def test_whole_periods_compare_whole_and_unlike_ones_not_at_all():
    whole = comparison(Span("quarter", Month(2026, 7)), DATA)
    assert (whole.first, whole.last, whole.like_for_like) == (Month(2026, 4), Month(2026, 6), False)
    assert whole.label == "Triwulan II 2026"
    # Triwulan I 2025 is whole, but Triwulan IV 2024 holds only Nov–Des: nothing alike
    unlike = comparison(Span("quarter", Month(2025, 1)), DATA)
    assert unlike.first is None
    assert unlike.note.startswith("Tidak ada perbandingan")
    assert whole.note is None
    assert comparison(Span("quarter", Month(2024, 10)), DATA).first is None  # nothing before
    assert comparison(Span("month", Month(2026, 10)), DATA).first == Month(2026, 9)
