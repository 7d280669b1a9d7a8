"""Complaints judged by due date: identity and newest state, due dates in working days,
each complaint once in the period it falls due, resolution by the period's end (not
additive over months), on time, not yet due, the median and the overdue backlog.

Every expected number below is worked out by hand from the calendar of 2026 with
national holidays and cuti bersama (the default): 1 Jan, 16 Jan, 16–17 Feb,
18–24 Mar (Nyepi, Idul Fitri and the joint holidays around them), 3 Apr, 1 May,
14–15 May, 27–28 May, 1 Jun, 16 Jun.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import polars as pl
import pytest
from facts_builder import FactsBuilder

from upt_dashboard.indicators.complaints import (
    complaint_list,
    known_until,
    overdue_backlog,
)
from upt_dashboard.indicators.config import DEFAULT_PATH, load_config
from upt_dashboard.indicators.engine import compute
from upt_dashboard.months import Month

CONFIG = replace(load_config(DEFAULT_PATH), today=date(2026, 12, 1))
IDS = ["penyelesaian_pengaduan", "pengaduan_tepat_waktu", "waktu_penyelesaian_pengaduan"]
d = date


def _c(nomor, masuk, selesai=None):
    return dict(
        nomor=nomor,
        tanggal_masuk=masuk,
        tanggal_selesai=selesai,
        status="Selesai" if selesai else "Proses",
    )


# The complaints (received → due, by hand; "wd" = working days after receipt):
A1 = ("A1", d(2026, 1, 5), d(2026, 1, 9))  # Mon → due Mon 12 Jan; done in 4 wd
A2 = ("A2", d(2026, 1, 27), d(2026, 2, 10))  # Tue → due Tue 3 Feb; done in 10 wd: late
A3 = ("A3", d(2026, 1, 19), d(2026, 3, 4))  # Mon → due Mon 26 Jan; open until 4 Mar: late
# Fri 27 Mar → 30, 31, 1, 2, [3 Good Friday], 6 Apr = due Mon 6 Apr; done that day
A4 = ("A4", d(2026, 3, 27), d(2026, 4, 6))
# Tue 17 Mar → [18-24 Nyepi, Idul Fitri, cuti bersama] 25, 26, 27, 30, 31 = due 31 Mar
A5 = ("A5", d(2026, 3, 17), d(2026, 3, 31))
A6 = ("A6", d(2026, 4, 28), None)  # → 29, 30, [1 May], 4, 5, 6 = due Wed 6 May; never done
A7 = ("A7", d(2026, 6, 29), None)  # due Mon 6 Jul: after the last report (June): not yet due
B1 = ("B1", d(2026, 2, 2), d(2026, 2, 6))  # due Mon 9 Feb; done in 4 wd
B2 = ("B2", d(2026, 2, 9), d(2026, 2, 19))  # → 10-13, [16-17], 18 = due 18 Feb; 6 wd: late
B3 = ("B3", d(2026, 3, 23), None)  # → 25, 26, 27, 30, 31 = due 31 Mar; open at the end
C1 = ("C1", d(2026, 1, 1), d(2026, 1, 1))  # received on New Year: due Thu 8 Jan; 0 wd


def _listed(complaint, month):
    """The complaint as the report of ``month`` lists it (Proses until it is done)."""
    nomor, masuk, selesai = complaint
    last = Month.parse(month).last_day
    return _c(nomor, masuk, selesai if selesai and selesai <= last else None)


def _facts():
    b = FactsBuilder().unit("PSTW-A", "PSTW").unit("PSTW-B", "PSTW").unit("RSBL-C", "RSBL")
    a = {
        "2026-01": [A1, A2, A3],
        "2026-02": [A2, A3],
        "2026-03": [A3, A4, A5],
        "2026-04": [A4, A6],
        "2026-05": [A6],
        "2026-06": [A6, A7],
    }
    for month, listed in a.items():
        b.report("PSTW-A", month, pengaduan=[_listed(c, month) for c in listed])
    for month, listed in {"2026-01": [], "2026-02": [B1, B2], "2026-03": [B3]}.items():
        b.report("PSTW-B", month, pengaduan=[_listed(c, month) for c in listed])
    b.report("RSBL-C", "2026-01", pengaduan=[_listed(C1, "2026-01")])
    return b.build()


FACTS = _facts()


JANUARY, JUNE = Month(2026, 1), Month(2026, 6)


def _rows(grain="month", level="unit", start=JANUARY, end=JUNE, config=CONFIG):
    result = compute(
        FACTS, start=start, end=end, grain=grain, level=level, indicators=IDS, config=config
    )
    return {
        (r["indicator_id"], r["unit_code"], r["period"]): r for r in result.iter_rows(named=True)
    }


def _ratio(rows, indicator, unit, period):
    r = rows[(indicator, unit, period)]
    return (r["numerator"], r["denominator"])


# --- due dates ------------------------------------------------------------------------


def test_due_dates_skip_weekends_holidays_and_cuti_bersama():
    listed = complaint_list(FACTS.pengaduan)
    due = dict(listed.select("nomor", "due").iter_rows())
    assert due == {
        "A1": d(2026, 1, 12),
        "A2": d(2026, 2, 3),
        "A3": d(2026, 1, 26),
        "A4": d(2026, 4, 6),
        "A5": d(2026, 3, 31),
        "A6": d(2026, 5, 6),
        "A7": d(2026, 7, 6),
        "B1": d(2026, 2, 9),
        "B2": d(2026, 2, 18),
        "B3": d(2026, 3, 31),
        "C1": d(2026, 1, 8),
    }


def test_with_national_holidays_only_the_lebaran_complaint_is_due_earlier():
    listed = complaint_list(FACTS.pengaduan, holiday_categories=("public",))
    a5 = listed.filter(nomor="A5").row(0, named=True)
    # 18, 20, 23, 24, 25 March are working days without cuti bersama: due 25, done 31: late
    assert a5["due"] == d(2026, 3, 25)
    assert a5["working_days"] == 9 and a5["on_time"] is False


def test_working_days_count_from_the_day_after_receipt():
    listed = complaint_list(FACTS.pengaduan)
    working = dict(listed.select("nomor", "working_days").iter_rows())
    # A3: 20-23, 26-30 Jan (9), 2-6, 9-13, [16-17], 18-20, 23-27 Feb (18), 2-4 Mar (3) = 30
    assert working == {
        "A1": 4,
        "A2": 10,
        "A3": 30,
        "A4": 5,
        "A5": 5,
        "A6": None,
        "A7": None,
        "B1": 4,
        "B2": 6,
        "B3": None,
        "C1": 0,
    }


def test_newest_report_gives_the_state():
    listed = complaint_list(FACTS.pengaduan)
    a3 = listed.filter(nomor="A3").row(0, named=True)
    assert (a3["resolved"], a3["tanggal_selesai"], a3["days"]) == (True, d(2026, 3, 4), 44)
    # Number "1" of another unit would be another complaint: identity is unit + Nomor.
    assert listed.height == 11


# --- month, quarter, year; unit, type, province ---------------------------------------


def test_each_complaint_counts_once_in_the_month_it_falls_due():
    rows = _rows()
    # January: A1 (done 9 Jan) and A3 (due 26 Jan, still open on 31 Jan)
    assert _ratio(rows, "penyelesaian_pengaduan", "PSTW-A", "2026-01") == (1, 2)
    assert _ratio(rows, "pengaduan_tepat_waktu", "PSTW-A", "2026-01") == (1, 2)
    # February: A2, received in January, falls due 3 Feb; done 10 Feb, late
    assert _ratio(rows, "penyelesaian_pengaduan", "PSTW-A", "2026-02") == (1, 1)
    assert _ratio(rows, "pengaduan_tepat_waktu", "PSTW-A", "2026-02") == (0, 1)
    # March: A5 (due 31 Mar, done 31 Mar); A4, received in March, belongs to April
    assert _ratio(rows, "penyelesaian_pengaduan", "PSTW-A", "2026-03") == (1, 1)
    assert _ratio(rows, "pengaduan_tepat_waktu", "PSTW-A", "2026-04") == (1, 1)
    # May: A6 due 6 May and never done: late, and unresolved
    assert _ratio(rows, "penyelesaian_pengaduan", "PSTW-A", "2026-05") == (0, 1)
    assert _ratio(rows, "pengaduan_tepat_waktu", "PSTW-A", "2026-05") == (0, 1)
    # June: A7 (received 29 Jun) is not yet due: not counted, not a failure
    june = rows[("penyelesaian_pengaduan", "PSTW-A", "2026-06")]
    assert (june["value"], june["n"]) == (None, 0)
    # PSTW-B February: B1 on time, B2 one working day late
    assert _ratio(rows, "penyelesaian_pengaduan", "PSTW-B", "2026-02") == (2, 2)
    assert _ratio(rows, "pengaduan_tepat_waktu", "PSTW-B", "2026-02") == (1, 2)
    # B3 due 31 Mar, open in the March report (the last one of PSTW-B)
    assert _ratio(rows, "penyelesaian_pengaduan", "PSTW-B", "2026-03") == (0, 1)


def test_a_quarter_counts_what_was_resolved_by_its_end():
    rows = _rows(grain="quarter")
    # Q1 of PSTW-A: A1, A3, A2, A5 fall due; by 31 March all four are done (A3 on 4 Mar),
    # although January alone counted A3 as open. Not additive over months.
    assert _ratio(rows, "penyelesaian_pengaduan", "PSTW-A", "2026-Q1") == (4, 4)
    assert _ratio(rows, "pengaduan_tepat_waktu", "PSTW-A", "2026-Q1") == (2, 4)
    # Q2: A4 (on time), A6 (never done)
    assert _ratio(rows, "penyelesaian_pengaduan", "PSTW-A", "2026-Q2") == (1, 2)
    assert _ratio(rows, "pengaduan_tepat_waktu", "PSTW-A", "2026-Q2") == (1, 2)
    # median calendar days of the Q1 ones resolved by its end: 4, 14, 14, 44 → 14
    median = rows[("waktu_penyelesaian_pengaduan", "PSTW-A", "2026-Q1")]
    assert (median["value"], median["n"]) == (14, 4)


def test_a_year_and_the_whole_range():
    rows = _rows(grain="year")
    # A1-A6 fall due in Jan-Jun; by 30 June A1-A5 are done; on time A1, A4, A5
    assert _ratio(rows, "penyelesaian_pengaduan", "PSTW-A", "2026") == (5, 6)
    assert _ratio(rows, "pengaduan_tepat_waktu", "PSTW-A", "2026") == (3, 6)
    everything = _rows(grain="all", level="province")
    key = "2026-01..2026-06"
    # A: 5/6 and 3/6; B: 2/3 and 1/3; C: 1/1 and 1/1
    assert _ratio(everything, "penyelesaian_pengaduan", "PROVINSI", key) == (8, 10)
    assert _ratio(everything, "pengaduan_tepat_waktu", "PROVINSI", key) == (5, 10)


def test_type_and_province_are_sums_over_complaints():
    rows = _rows(grain="quarter", level="type")
    # PSTW Q1: A 4/4 and 2/4, B (B1, B2, B3) 2/3 and 1/3
    assert _ratio(rows, "penyelesaian_pengaduan", "PSTW", "2026-Q1") == (6, 7)
    assert _ratio(rows, "pengaduan_tepat_waktu", "PSTW", "2026-Q1") == (3, 7)
    assert _ratio(rows, "penyelesaian_pengaduan", "RSBL", "2026-Q1") == (1, 1)
    province = _rows(grain="quarter", level="province")
    assert _ratio(province, "penyelesaian_pengaduan", "PROVINSI", "2026-Q1") == (7, 8)
    assert _ratio(province, "pengaduan_tepat_waktu", "PROVINSI", "2026-Q1") == (4, 8)
    january = _rows(level="province")
    # A1 (done), A3 (open on 31 Jan), C1 (done on the day): 2 of 3
    assert _ratio(january, "penyelesaian_pengaduan", "PROVINSI", "2026-01") == (2, 3)
    # median of A1 (4 days), C1 (0 days) = 2
    assert january[("waktu_penyelesaian_pengaduan", "PROVINSI", "2026-01")]["value"] == 2


def test_a_quarter_cut_by_the_requested_range_ends_with_it():
    # Only January requested at quarter grain: "the period's end" is 31 January, so A3
    # (done 4 March) is not resolved yet, and A2 (due in February) is out of range.
    rows = _rows(grain="quarter", end=Month(2026, 1))
    assert _ratio(rows, "penyelesaian_pengaduan", "PSTW-A", "2026-Q1") == (1, 2)


def test_median_days_of_resolved_complaints_per_month():
    rows = _rows()
    feb_b = rows[("waktu_penyelesaian_pengaduan", "PSTW-B", "2026-02")]
    assert (feb_b["value"], feb_b["n"]) == (7, 2)  # 4 and 10 days
    may = rows[("waktu_penyelesaian_pengaduan", "PSTW-A", "2026-05")]
    assert (may["value"], may["n"]) == (None, 0)  # A6 is open: no duration


@pytest.mark.parametrize("limit, expected", [(5, (2, 4)), (10, (2, 3)), (0, (0, 5))])
def test_working_day_limit_from_config(limit, expected):
    # PSTW-A Q1 with another limit. The limit moves due dates, so it moves complaints
    # between quarters too. 10 days: A1 due 20 Jan, A3 2 Feb, A2 10 Feb (on time with
    # 10 wd), A5 8 Apr (→ Q2): on time A1, A2 of A1, A2, A3. 0 days: due on the day of
    # receipt, so A4 (27 Mar) joins Q1 and nothing was resolved on its first day.
    rows = _rows(grain="quarter", config=replace(CONFIG, complaint_working_days=limit))
    assert _ratio(rows, "pengaduan_tepat_waktu", "PSTW-A", "2026-Q1") == expected


# --- the overdue backlog --------------------------------------------------------------


def _backlog(as_of, **kw):
    return overdue_backlog(
        complaint_list(FACTS.pengaduan), known_until(FACTS.submissions), as_of, **kw
    )


def test_backlog_lists_open_complaints_past_due_with_their_age():
    frame = _backlog(d(2026, 2, 15))
    # A3: 20-23, 26-30 Jan (9) + 2-6, 9-13 Feb (10) = 19 working days, 14 past the limit.
    # A2 was done on 10 Feb; B2 (9 Feb) is 4 working days old: not yet due.
    assert frame.select("nomor", "age_working_days", "overdue_working_days").rows() == [
        ("A3", 19, 14)
    ]


def test_backlog_judges_each_unit_on_its_newest_report():
    frame = _backlog(d(2026, 6, 30))
    # A6: 29-30 Apr (2) + May 16 (21 weekdays − 1, 14, 15, 27, 28) + June 20 (22 − 1, 16) = 38.
    # B3: PSTW-B's last report is March: judged on 31 March, 5 working days old = at its
    # due date, not past it. A7 (29 June) is 1 working day old.
    assert frame.select("nomor", "as_of", "age_working_days").rows() == [("A6", d(2026, 6, 30), 38)]
    assert _backlog(d(2026, 6, 30), units=["PSTW-B"]).is_empty()


def test_known_until_is_the_end_of_each_units_newest_current_report():
    known = dict(known_until(FACTS.submissions).iter_rows())
    assert known == {"PSTW-A": d(2026, 6, 30), "PSTW-B": d(2026, 3, 31), "RSBL-C": d(2026, 1, 31)}


def test_the_due_date_indicators_have_a_dinas_standard_as_basis():
    from upt_dashboard.indicators.catalogue import BY_ID

    for indicator_id in IDS:
        standard = BY_ID[indicator_id].standard
        assert "Standar layanan Dinas Sosial" in standard and "bukan aturan nasional" in standard


def test_complaints_schema_holds_due_and_due_period():
    listed = complaint_list(FACTS.pengaduan)
    assert listed.schema["due"] == pl.Date and listed.schema["due_period"] == pl.Date
    a2 = listed.filter(nomor="A2").row(0, named=True)
    assert (a2["period"], a2["due_period"]) == (d(2026, 1, 1), d(2026, 2, 1))


def test_holidays_built_a_year_at_a_time_equal_the_librarys_over_several_years():
    import holidays

    from upt_dashboard.indicators.complaints import DEFAULT_HOLIDAY_CATEGORIES, indonesian_holidays

    years = range(2015, 2031)
    whole = holidays.country_holidays(
        "ID", years=list(years), categories=DEFAULT_HOLIDAY_CATEGORIES
    )
    assert indonesian_holidays(years) == sorted(whole)
