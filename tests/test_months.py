"""The month value type: parsing, arithmetic, days, labels, spans."""

from datetime import date

import pytest

from upt_dashboard.months import Month, Span, month_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2026-03", Month(2026, 3)), (" 2026-12 ", Month(2026, 12)), ("2024-1", Month(2024, 1))],
)
def test_parse(text, expected):
    assert Month.parse(text) == expected


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "26-03", "2026/03", "Maret 2026", ""])
def test_parse_refuses_what_is_not_a_month(text):
    with pytest.raises(ValueError, match="TTTT-BB"):
        Month.parse(text)


def test_constructor_refuses_month_13():
    with pytest.raises(ValueError):
        Month(2026, 13)


@pytest.mark.parametrize(
    ("month", "n", "expected"),
    [
        (Month(2026, 1), -1, Month(2025, 12)),
        (Month(2025, 12), 1, Month(2026, 1)),
        (Month(2026, 10), 14, Month(2027, 12)),
        (Month(2026, 3), -27, Month(2023, 12)),
    ],
)
def test_adding_and_subtracting_months(month, n, expected):
    assert month + n == expected
    assert expected - n == month
    assert expected.months_since(month) == n


@pytest.mark.parametrize(
    ("month", "days", "last"),
    [(Month(2024, 2), 29, date(2024, 2, 29)), (Month(2026, 2), 28, date(2026, 2, 28)),
     (Month(2026, 4), 30, date(2026, 4, 30)), (Month(2026, 12), 31, date(2026, 12, 31))],
)  # fmt: skip
def test_first_and_last_day(month, days, last):
    assert month.first_day == date(month.year, month.month, 1)
    assert month.days == days
    assert month.last_day == last
    assert month.contains(last) and not month.contains(last.replace(day=1).replace(month=1))


def test_labels_in_both_languages():
    m = Month(2026, 9)
    assert str(m) == "2026-09"
    assert m.label() == "September 2026"
    assert m.label("en") == "September 2026"
    assert Month(2026, 10).label() == "Oktober 2026"
    assert Month(2026, 10).short_label() == "Okt 2026"
    assert Month(2026, 10).short_label("en") == "Oct 2026"


@pytest.mark.parametrize(
    ("month", "grain", "start"),
    [(Month(2026, 8), "quarter", Month(2026, 7)), (Month(2026, 8), "year", Month(2026, 1)),
     (Month(2026, 12), "quarter", Month(2026, 10)), (Month(2026, 8), "month", Month(2026, 8))],
)  # fmt: skip
def test_quarter_and_year_membership(month, grain, start):
    assert month.start_of(grain) == start
    assert Span.containing(grain, month).contains(month)


def test_range_and_order():
    assert Month.range(Month(2025, 11), Month(2026, 2)) == [
        Month(2025, 11), Month(2025, 12), Month(2026, 1), Month(2026, 2)
    ]  # fmt: skip
    assert Month.range(Month(2026, 2), Month(2026, 1)) == []
    assert sorted([Month(2026, 1), Month(2025, 12)]) == [Month(2025, 12), Month(2026, 1)]


def test_span():
    q = Span("quarter", Month(2026, 10))
    assert q.last == Month(2026, 12)
    assert q.first_day == date(2026, 10, 1) and q.last_day == date(2026, 12, 31)
    assert q.previous() == Span("quarter", Month(2026, 7))
    assert list(q) == [Month(2026, 10), Month(2026, 11), Month(2026, 12)]
    with pytest.raises(ValueError):
        Span("quarter", Month(2026, 11))


def test_month_of_a_date_or_month():
    assert month_of(date(2026, 5, 17)) == Month(2026, 5)
    assert month_of(Month(2026, 5)) == Month(2026, 5)
