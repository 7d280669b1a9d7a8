"""IKM (PermenPAN-RB 14/2017): published check, bands, pooling, Krejcie–Morgan sample."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from facts_builder import FactsBuilder

from upt_dashboard.indicators.config import DEFAULT_PATH, load_config
from upt_dashboard.indicators.engine import compute
from upt_dashboard.indicators.ikm import (
    grade,
    ikm_from_nrr,
    required_sample,
    sample_check,
)
from upt_dashboard.indicators.survey import nrr_by_element
from upt_dashboard.months import Month

CONFIG = replace(load_config(DEFAULT_PATH), today=date(2026, 12, 1))
PUBLISHED_NRR = [3.31, 3.35, 3.49, 3.93, 3.45, 3.39, 3.39, 3.76, 3.35]


def test_published_check_gives_87_28_band_b():
    value = ikm_from_nrr(PUBLISHED_NRR)
    assert round(value, 2) == 87.28
    assert grade(value) == "B"


def test_truncated_weight_option():
    # 31.42 × 0.111 × 25 = 87.1905
    assert ikm_from_nrr(PUBLISHED_NRR, weight=0.111) == pytest.approx(87.1905)


@pytest.mark.parametrize(
    "value, expected",
    [
        (100.0, "A"),
        (88.31, "A"),
        (88.305, "A"),
        (88.30, "B"),
        (76.61, "B"),
        (76.60, "C"),
        (65.00, "C"),
        (64.99, "D"),
        (25.0, "D"),
        (None, None),
    ],
)
def test_grade_is_judged_on_two_decimals(value, expected):
    assert grade(value) == expected


@pytest.mark.parametrize(
    "population, required",
    [
        # below a row's N the next row up applies, capped at everyone (12 → min(12, 14))
        (0, 0),
        (5, 5),
        (10, 10),
        (12, 12),
        (16, 16),
        (19, 19),
        (20, 19),
        (21, 21),
        (51, 48),
        (30, 28),
        (50, 44),
        (100, 80),
        (101, 86),
        (250, 152),
        (300, 169),
        (1200, 291),
        (2000, 322),
        (2001, 327),
        (10_000_000, 384),
    ],
)
def test_krejcie_morgan_takes_next_row_up(population, required):
    assert required_sample(population) == required


def test_sample_check_flags_short_sample():
    assert sample_check(100, 79) == (80, True)
    assert sample_check(100, 80) == (80, False)


def _survey_facts():
    def respondent(scores):
        return {f"u{i}": s for i, s in enumerate(scores, start=1)}

    b = FactsBuilder().unit("PSTW-A", "PSTW").unit("RSBL-B", "RSBL")
    b.report(
        "PSTW-A",
        "2026-03",
        pm=dict(pm_awal_bulan=90, pm_masuk=10),
        survei=[respondent([4] * 9), respondent([3] * 8 + [2])],
    )
    b.report(
        "RSBL-B", "2026-03", pm=dict(pm_awal_bulan=40, pm_masuk=5), survei=[respondent([2] * 9)]
    )
    return b.build()


def test_ikm_per_unit_and_pooled_province():
    facts = _survey_facts()
    march = Month(2026, 3)
    units = compute(facts, start=march, end=march, indicators=["ikm"], config=CONFIG)
    a, b = units.sort("unit_code").iter_rows(named=True)
    # A: NRR u1..u8 = 3.5, u9 = 3.0 → (31 / 9) × 25
    assert a["value"] == pytest.approx(31 / 9 * 25) and a["grade"] == "B" and a["n"] == 2
    assert a["sample_required"] == 80  # 90 + 10 people served
    assert b["value"] == pytest.approx(50.0) and b["grade"] == "D"
    province = compute(
        facts, start=march, end=march, level="province", indicators=["ikm"], config=CONFIG
    ).row(0, named=True)
    # pooled: u1..u8 = (4+3+2)/3 = 3, u9 = (4+2+2)/3 → (24 + 8/3) / 9 × 25 = 74.07,
    # not the mean of unit IKMs (68.06)
    assert province["value"] == pytest.approx((24 + 8 / 3) / 9 * 25)
    assert province["grade"] == "C"
    assert province["n"] == 3
    assert province["sample_required"] == 108  # 145 people → row 150


def test_ikm_status_follows_bands():
    facts = _survey_facts()
    march = Month(2026, 3)
    result = compute(facts, start=march, end=march, indicators=["ikm"], config=CONFIG)
    # PSTW-A: (8 × 3.5 + 3) ÷ 9 × 25 = 86.11, grade B "Baik": good, green (not a warning);
    # RSBL-B: 2 on every element = 50.00, grade D: red
    ordered = result.sort("unit_code")
    assert ordered["grade"].to_list() == ["B", "D"]
    assert ordered["status"].to_list() == ["hijau", "merah"]


def test_nrr_by_element_ranks_the_weakest():
    facts = _survey_facts()
    table = nrr_by_element(facts, units=["PSTW-A"])
    assert table["nrr"].to_list() == [3.5] * 8 + [3.0]
    weakest = table.filter(rank=1).row(0, named=True)
    assert weakest["element"] == "u9"
    assert weakest["name"] == "Penanganan Pengaduan, Saran dan Masukan"
    assert nrr_by_element(facts)["nrr"][0] == pytest.approx(3.0)


def test_u4_below_four_in_a_free_home_is_an_integrity_signal():
    from upt_dashboard.indicators.survey import u4_signals

    def answers(*u4):
        return [{**{f"u{i}": 4 for i in range(1, 10)}, "u4": v} for v in u4]

    b = FactsBuilder().unit("PSTW-A").unit("PSTW-B").unit("PSTW-PAY")
    b.report("PSTW-A", "2026-03", survei=answers(4, 4, 3, 2))  # two answers below 4
    b.report("PSTW-A", "2026-04", survei=answers(4, 4, 4))  # all free: nothing
    b.report("PSTW-B", "2026-03", survei=answers(4, 1))
    b.report("PSTW-PAY", "2026-03", survei=answers(2, 2))  # charges fees: 2 is no signal
    survey = b.build()
    signals = u4_signals(survey, charging_units=["PSTW-PAY"])
    assert signals.rows() == [
        ("PSTW-A", date(2026, 3, 1), 4, 2, 2),
        ("PSTW-B", date(2026, 3, 1), 2, 1, 1),
    ]
    assert u4_signals(survey, units=["PSTW-B"]).height == 1
    assert u4_signals(survey, start=Month(2026, 4), end=Month(2026, 4)).is_empty()
