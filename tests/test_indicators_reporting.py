"""Report completeness and timeliness from the submission records (all versions)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from facts_builder import FactsBuilder

from upt_dashboard.indicators.config import DEFAULT_PATH, load_config
from upt_dashboard.indicators.engine import compute
from upt_dashboard.indicators.reporting import deadline, expected_months
from upt_dashboard.months import Month

IDS = ["kelengkapan_laporan", "ketepatan_laporan"]
CONFIG = replace(load_config(DEFAULT_PATH), today=date(2026, 5, 11))


def _facts():
    b = FactsBuilder().unit("PSTW-A").unit("PSTW-B").unit("PSTW-C")
    # 10 March 23:59 in Jakarta (UTC+7): on time
    b.report("PSTW-A", "2026-02", uploaded_at="2026-03-10 16:59:59")
    # 11 April 00:00 in Jakarta: late, and a correction does not change that
    b.report("PSTW-A", "2026-03", uploaded_at="2026-04-10 17:00:00")
    b.report("PSTW-A", "2026-03", version=2, uploaded_at="2026-04-12 01:00:00")
    # on time first, corrected after the deadline: still on time
    b.report("PSTW-A", "2026-04", uploaded_at="2026-05-02 03:00:00")
    b.report("PSTW-A", "2026-04", version=2, uploaded_at="2026-05-20 03:00:00")
    b.report("PSTW-B", "2026-02", uploaded_at="2026-04-01 03:00:00")  # late
    return b.build()


FACTS = _facts()


def _rows(grain, level, config=CONFIG):
    result = compute(
        FACTS,
        start=Month(2026, 2),
        end=Month(2026, 5),
        grain=grain,
        level=level,
        indicators=IDS,
        config=config,
    )
    return {
        (r["indicator_id"], r["unit_code"], r["period"]): r for r in result.iter_rows(named=True)
    }


def test_deadline_is_the_tenth_of_the_next_month():
    assert deadline(date(2026, 12, 1)) == date(2027, 1, 10)
    assert deadline(date(2026, 3, 1), 5) == date(2026, 4, 5)


def test_a_month_is_expected_once_its_deadline_has_passed():
    months = [date(2026, 3, 1), date(2026, 4, 1)]
    assert expected_months(months, today=date(2026, 5, 10)) == [date(2026, 3, 1)]
    assert expected_months(months, today=date(2026, 5, 11)) == months


def test_province_over_the_range():
    rows = _rows("all", "province")
    # 3 units × Feb, Mar, Apr expected (May's deadline is 10 June) = 9
    complete = rows[("kelengkapan_laporan", "PROVINSI", "2026-02..2026-05")]
    assert (complete["numerator"], complete["denominator"]) == (4, 9)  # A×3, B Feb
    timely = rows[("ketepatan_laporan", "PROVINSI", "2026-02..2026-05")]
    assert (timely["numerator"], timely["denominator"]) == (2, 9)  # A Feb, A Apr


@pytest.mark.parametrize("period, on_time", [("2026-02", 1.0), ("2026-03", 0.0), ("2026-04", 1.0)])
def test_first_upload_decides_timeliness(period, on_time):
    rows = _rows("month", "unit")
    assert rows[("ketepatan_laporan", "PSTW-A", period)]["value"] == on_time
    assert rows[("kelengkapan_laporan", "PSTW-A", period)]["value"] == 1.0


def test_months_not_yet_due_have_no_value():
    rows = _rows("month", "unit")
    may = rows[("kelengkapan_laporan", "PSTW-A", "2026-05")]
    assert may["value"] is None and may["n"] == 0


def test_unit_without_reports_counts_as_missing():
    rows = _rows("quarter", "unit")
    c = rows[("kelengkapan_laporan", "PSTW-C", "2026-Q1")]
    assert (c["numerator"], c["denominator"], c["value"]) == (0, 2, 0.0)  # Feb, Mar


def test_deadline_day_from_config():
    rows = _rows("all", "province", replace(CONFIG, report_deadline_day=15))
    timely = rows[("ketepatan_laporan", "PROVINSI", "2026-02..2026-05")]
    # April is not due before 15 May; A's March (11 April) is now in time
    assert (timely["numerator"], timely["denominator"]) == (2, 6)
