"""Complaints: identity and newest state, scope by receipt date, median, working days."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import polars as pl
import pytest
from facts_builder import FactsBuilder

from upt_dashboard.indicators.complaints import complaint_list
from upt_dashboard.indicators.config import DEFAULT_PATH, load_config
from upt_dashboard.indicators.engine import compute
from upt_dashboard.months import Month

CONFIG = replace(load_config(DEFAULT_PATH), today=date(2026, 12, 1))
IDS = ["penyelesaian_pengaduan", "waktu_penyelesaian_pengaduan", "pengaduan_tepat_waktu"]


def _complaint(nomor, masuk, selesai=None):
    return dict(
        nomor=nomor,
        tanggal_masuk=masuk,
        tanggal_selesai=selesai,
        status="Selesai" if selesai else "Proses",
    )


def _facts():
    d = date
    b = FactsBuilder().unit("PSTW-A", "PSTW").unit("PSTW-B", "PSTW")
    b.report(
        "PSTW-A",
        "2026-03",
        pengaduan=[
            _complaint("0", d(2026, 2, 20), d(2026, 3, 3)),  # received in February
            _complaint("1", d(2026, 3, 2)),
            _complaint("2", d(2026, 3, 9), d(2026, 3, 16)),  # Mon → Mon: 5 working days
            # Tue 17 → Wed 25: 18, [19 Nyepi], 20, [21-22 Idul Fitri, weekend], 23, 24, 25 = 5
            _complaint("3", d(2026, 3, 17), d(2026, 3, 25)),
            _complaint("4", d(2026, 3, 30)),
        ],
    )
    b.report(
        "PSTW-A",
        "2026-04",
        pengaduan=[
            _complaint("1", d(2026, 3, 2)),  # still open
            # Mon 30 → Wed 8: 31, 1, 2, [3 Good Friday], 6, 7, 8 = 6 working days: late
            _complaint("4", d(2026, 3, 30), d(2026, 4, 8)),
            _complaint("5", d(2026, 4, 2), d(2026, 4, 2)),  # same day: 0
        ],
    )
    b.report("PSTW-B", "2026-03", pengaduan=[_complaint("1", d(2026, 3, 5), d(2026, 3, 6))])
    return b.build()


FACTS = _facts()


def _rows(start, end, grain="month", level="unit", config=CONFIG):
    result = compute(
        FACTS, start=start, end=end, grain=grain, level=level, indicators=IDS, config=config
    )
    return {
        (r["indicator_id"], r["unit_code"], r["period"]): r for r in result.iter_rows(named=True)
    }


def test_newest_report_gives_the_state_and_receipt_month_the_period():
    rows = _rows(Month(2026, 2), Month(2026, 4))
    # March: received 1, 2, 3, 4 (0 belongs to February); now resolved 2, 3, 4
    march = rows[("penyelesaian_pengaduan", "PSTW-A", "2026-03")]
    assert (march["numerator"], march["denominator"], march["value"]) == (3, 4, 0.75)
    # Number "1" of unit B is another complaint than number "1" of unit A
    assert rows[("penyelesaian_pengaduan", "PSTW-B", "2026-03")]["value"] == 1.0
    feb = rows[("penyelesaian_pengaduan", "PSTW-A", "2026-02")]
    assert (feb["numerator"], feb["denominator"]) == (1, 1)
    assert rows[("penyelesaian_pengaduan", "PSTW-A", "2026-04")]["value"] == 1.0


def test_median_days_of_resolved_complaints():
    rows = _rows(Month(2026, 3), Month(2026, 4))
    march = rows[("waktu_penyelesaian_pengaduan", "PSTW-A", "2026-03")]
    assert march["value"] == 8  # days 7, 8, 9
    assert march["n"] == 3
    assert rows[("waktu_penyelesaian_pengaduan", "PSTW-A", "2026-04")]["value"] == 0


def test_median_is_taken_from_the_list_at_every_level_and_grain():
    rows = _rows(Month(2026, 3), Month(2026, 4), grain="all", level="province")
    key = ("waktu_penyelesaian_pengaduan", "PROVINSI", "2026-03..2026-04")
    # A: 7, 8, 9, 0; B: 1 → median of 0, 1, 7, 8, 9 = 7
    assert rows[key]["value"] == 7
    assert rows[key]["n"] == 5


def test_on_time_share_skips_weekends_and_holidays():
    rows = _rows(Month(2026, 3), Month(2026, 4), grain="all")
    on_time = rows[("pengaduan_tepat_waktu", "PSTW-A", "2026-03..2026-04")]
    # resolved 2 (5 wd), 3 (5 wd), 4 (6 wd), 5 (0 wd) → 3 of 4 on time
    assert (on_time["numerator"], on_time["denominator"]) == (3, 4)
    resolution = rows[("penyelesaian_pengaduan", "PSTW-A", "2026-03..2026-04")]
    assert (resolution["numerator"], resolution["denominator"]) == (4, 5)


def test_working_days_count_from_the_day_after_receipt():
    listed = complaint_list(FACTS.pengaduan).filter(unit_code="PSTW-A")
    # "0": Fri 20 Feb → Tue 3 Mar = 23-27 Feb + 2, 3 Mar = 7
    assert dict(listed.select("nomor", "working_days").iter_rows()) == {
        "0": 7,
        "1": None,
        "2": 5,
        "3": 5,
        "4": 6,
        "5": 0,
    }


def test_without_the_holiday_the_lebaran_week_complaint_would_be_late():
    # the same Tue 17 → Wed 25 with Nyepi (19 March) worked would be 6 days
    frame = pl.DataFrame({"m": [date(2026, 3, 17)], "s": [date(2026, 3, 25)]})
    plain = frame.select(
        pl.business_day_count(pl.col("m") + pl.duration(days=1), pl.col("s") + pl.duration(days=1))
    )
    assert plain.item() == 6


def test_cuti_bersama_can_be_excluded_too():
    listed = complaint_list(FACTS.pengaduan, holiday_categories=("public", "government"))
    three = listed.filter(unit_code="PSTW-A", nomor="3").row(0, named=True)
    # 18, 20, 23, 24 March 2026 are cuti bersama Idul Fitri: only 25 remains
    assert three["working_days"] == 1


def test_open_complaints_are_not_on_time_and_have_no_duration():
    one = complaint_list(FACTS.pengaduan).filter(unit_code="PSTW-A", nomor="1").row(0, named=True)
    assert (one["resolved"], one["on_time"], one["days"]) == (False, False, None)


@pytest.mark.parametrize("limit, expected", [(5, (3, 4)), (6, (4, 4)), (0, (1, 4))])
def test_working_day_limit_from_config(limit, expected):
    rows = _rows(
        Month(2026, 3),
        Month(2026, 4),
        grain="all",
        config=replace(CONFIG, complaint_working_days=limit),
    )
    r = rows[("pengaduan_tepat_waktu", "PSTW-A", "2026-03..2026-04")]
    assert (r["numerator"], r["denominator"]) == expected
