"""Indonesian and English display of values, changes and periods (ui/format.py)."""

from datetime import date

import pytest

from upt_dashboard.views import format as fmt
from upt_dashboard.views.i18n import set_language


@pytest.fixture(params=["id", "en"])
def lang(request):
    set_language(request.param)
    yield request.param
    set_language("id")


@pytest.mark.parametrize(
    "amount, unit, decimals, indonesian, english",
    [
        (0.853, "percent", 1, "85,3%", "85.3%"),
        (87.2812, "index", 2, "87,28", "87.28"),
        (1234, "count", 0, "1.234", "1,234"),
        (3.5, "days", 1, "3,5 hari", "3.5 days"),
        (None, "percent", 1, "—", "—"),
    ],
)
def test_value(lang, amount, unit, decimals, indonesian, english):
    assert fmt.value(amount, unit, decimals) == (indonesian if lang == "id" else english)


@pytest.mark.parametrize(
    "change, unit, decimals, indonesian",
    [
        (0.012, "percent", 1, "+1,2 poin"),
        (-0.0008, "percent", 2, "-0,08 poin"),
        (-3.2, "index", 1, "-3,2"),
        (0.0, "index", 1, "0,0"),
        (0.00001, "percent", 1, "0,0 poin"),  # rounds to zero: no sign, so no arrow
        (None, "index", 1, None),
    ],
)
def test_delta_has_an_ascii_sign_streamlit_can_read(change, unit, decimals, indonesian):
    set_language("id")
    assert fmt.delta(change, unit, decimals) == indonesian


def test_period_text(lang):
    october = date(2026, 10, 1)
    expected = {
        "id": ("Oktober 2026", "Triwulan IV 2026", "2026"),
        "en": ("October 2026", "Q4 2026", "2026"),
    }[lang]
    assert tuple(fmt.period_text(g, october) for g in ("month", "quarter", "year")) == expected


def test_span_text_and_separators():
    set_language("id")
    assert fmt.span_text(date(2024, 11, 1), date(2026, 10, 1)) == "Nov 2024 – Okt 2026"
    assert fmt.span_text(date(2026, 10, 1), date(2026, 10, 1)) == "Oktober 2026"
    assert fmt.plotly_separators() == ",."
    set_language("en")
    assert fmt.plotly_separators() == ".,"
    set_language("id")


def test_each_formats_a_column_once_per_distinct_value_and_keeps_gaps():
    from datetime import date

    import polars as pl

    calls = []

    def render(value):
        calls.append(value)
        return fmt.day(value)

    days = pl.Series("due", [date(2026, 1, 2), None, date(2026, 1, 2), date(2026, 3, 9)])
    assert fmt.each(days, render).to_list() == [
        "2 Januari 2026",
        "—",
        "2 Januari 2026",
        "9 Maret 2026",
    ]
    assert sorted(calls) == [date(2026, 1, 2), date(2026, 3, 9)]
    assert fmt.each(pl.Series("n", [], dtype=pl.Int64), fmt.number).to_list() == []
