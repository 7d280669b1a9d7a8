"""Period and scope arithmetic behind the shared filters (ui/selection.py)."""

from datetime import date

import polars as pl
import pytest

from upt_dashboard.views.selection import (
    Period,
    Scope,
    containing,
    data_end,
    default_period,
    period_options,
    reporting_month,
)


@pytest.mark.parametrize(
    "grain, start, end, previous",
    [
        ("month", date(2026, 10, 1), date(2026, 10, 1), date(2026, 9, 1)),
        ("month", date(2026, 1, 1), date(2026, 1, 1), date(2025, 12, 1)),
        ("quarter", date(2026, 10, 1), date(2026, 12, 1), date(2026, 7, 1)),
        ("quarter", date(2026, 1, 1), date(2026, 3, 1), date(2025, 10, 1)),
        ("year", date(2026, 1, 1), date(2026, 12, 1), date(2025, 1, 1)),
    ],
)
def test_period_bounds_and_previous(grain, start, end, previous):
    period = Period(grain, start)
    assert period.end == end
    assert period.previous() == Period(grain, previous)
    assert period.months()[0] == start and period.months()[-1] == end


@pytest.mark.parametrize(
    "grain, month, start",
    [
        ("month", date(2026, 5, 17), date(2026, 5, 1)),
        ("quarter", date(2026, 5, 1), date(2026, 4, 1)),
        ("quarter", date(2026, 12, 1), date(2026, 10, 1)),
        ("year", date(2026, 5, 1), date(2026, 1, 1)),
    ],
)
def test_containing(grain, month, start):
    assert containing(grain, month) == Period(grain, start)


def test_period_options_newest_first_without_duplicates():
    months = [date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)]
    assert period_options("quarter", months) == [date(2026, 1, 1), date(2025, 10, 1)]
    assert period_options("year", months) == [date(2026, 1, 1), date(2025, 1, 1)]
    assert period_options("month", []) == []


@pytest.mark.parametrize(
    "today, month",
    [
        (date(2026, 11, 28), date(2026, 10, 1)),  # October's deadline (10 Nov) has passed
        (date(2026, 11, 11), date(2026, 10, 1)),
        (date(2026, 11, 10), date(2026, 9, 1)),  # deadline day itself: October still running
        (date(2026, 1, 5), date(2025, 11, 1)),
    ],
)
def test_reporting_month(today, month):
    assert reporting_month(today, deadline_day=10) == month


def test_default_period_prefers_the_reporting_month_else_the_newest_data():
    months = [date(2026, m, 1) for m in range(1, 11)]
    assert default_period("month", months, date(2026, 11, 28)) == date(2026, 10, 1)
    assert default_period("quarter", months, date(2026, 11, 28)) == date(2026, 10, 1)
    old = [date(2024, m, 1) for m in range(1, 4)]
    assert default_period("month", old, date(2026, 11, 28)) == date(2024, 3, 1)
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
    months = [date(2026, 9, 1), date(2026, 10, 1)]
    assert data_end(Period("quarter", date(2026, 10, 1)), months) == date(2026, 10, 1)
    assert data_end(Period("month", date(2026, 9, 1)), months) == date(2026, 9, 1)
    assert data_end(Period("year", date(2026, 1, 1)), []) == date(2026, 12, 1)
