"""Cards, scorecard and attention list of the overview, on hand-made compute rows."""

from dataclasses import replace
from datetime import date

import polars as pl
import pytest

from upt_dashboard.indicators.config import load_config
from upt_dashboard.indicators.engine import RESULT_SCHEMA
from upt_dashboard.indicators.keys import COMPOSITES, scorecard_indicators
from upt_dashboard.views.i18n import set_language
from upt_dashboard.views.overview import cards, scorecard

OCT, SEP = date(2026, 10, 1), date(2026, 9, 1)
CONFIG = load_config()


@pytest.fixture(autouse=True)
def indonesian():
    set_language("id")


def rows(*records: tuple) -> pl.DataFrame:
    """(indicator_id, unit_code, period_start, value, status[, grade[, reason, n]]) -> rows."""
    data = [
        {
            "indicator_id": r[0],
            "unit_code": r[1],
            "period": f"{r[2]:%Y-%m}",
            "period_start": r[2],
            "value": r[3],
            "numerator": None,
            "denominator": None,
            "n": r[7] if len(r) > 7 else 10,
            "status": r[4],
            "grade": r[5] if len(r) > 5 else None,
            "sample_required": None,
            "reason": r[6] if len(r) > 6 else None,
        }
        for r in records
    ]
    return pl.DataFrame(data, schema=RESULT_SCHEMA)


def test_cards_value_status_delta_and_direction():
    current = rows(
        ("kehadiran", "PROVINSI", OCT, 0.953, "kuning"),
        ("tanpa_keterangan", "PROVINSI", OCT, 0.004, "hijau"),
        ("ikm", "PROVINSI", OCT, 87.284, "kuning", "B"),
    )
    previous = rows(
        ("kehadiran", "PROVINSI", SEP, 0.941, "merah"),
        ("tanpa_keterangan", "PROVINSI", SEP, 0.004, "hijau"),
    )
    trend = pl.concat([previous, current])
    by_id = {
        c.indicator_id: c
        for c in cards(
            current, previous, trend, ["kehadiran", "tanpa_keterangan", "ikm", "keterisian"], CONFIG
        )
    }
    attendance = by_id["kehadiran"]
    assert (attendance.value, attendance.status, attendance.delta) == (
        "95,3%",
        "kuning",
        "+1,2 poin",
    )
    assert attendance.delta_color == "normal" and attendance.spark == [0.941, 0.953]
    assert "Σ (Hadir + Dinas Luar) ÷ Σ (Hadir + Dinas Luar + TK)" in attendance.help
    absence = by_id["tanpa_keterangan"]  # lower is better, and unchanged
    assert absence.delta_is_zero and absence.delta_color == "off"
    assert by_id["ikm"].value == "87,28 (B)" and by_id["ikm"].delta is None
    composite = cards(current, previous, trend, ["indeks_disiplin"], CONFIG)[0]
    assert "0,25 × skor Kehadiran Pegawai" in composite.help
    missing = by_id["keterisian"]
    assert (missing.value, missing.status, missing.delta) == ("—", None, None)


def test_lower_is_better_change_is_drawn_inverse():
    current = rows(("tanpa_keterangan", "PROVINSI", OCT, 0.010, "kuning"))
    previous = rows(("tanpa_keterangan", "PROVINSI", SEP, 0.004, "hijau"))
    card = cards(current, previous, current, ["tanpa_keterangan"], CONFIG)[0]
    assert card.delta == "+0,60 poin" and card.delta_color == "inverse"


def test_scorecard_text_and_status_frames_line_up():
    data = rows(
        ("kehadiran", "A", OCT, 0.98, "hijau"),
        ("kehadiran", "B", OCT, None, None),
        ("reintegrasi", "B", OCT, 0.2, "merah"),
    )
    text, status = scorecard(
        data, ["A", "B"], {"A": "PSTW Satu", "B": "RSBL Dua"}, ["kehadiran", "reintegrasi"], CONFIG
    )
    assert text.columns == status.columns == ["UPT", "Kehadiran Pegawai", "Reintegrasi PM"]
    # The first row states each column's bands, so a glyph is read against them.
    assert text.rows() == [
        ("Ambang status", "✓ ≥ 99,5% · ! ≥ 99,0%", "✓ ≥ 50,0% · ! ≥ 30,0%"),
        ("PSTW Satu", "98,0% ✓", ""),
        ("RSBL Dua", "—", "20,0% ✕"),
    ]
    assert status.rows() == [(None, None, None), (None, "hijau", None), (None, None, "merah")]


def test_composites_say_how_many_components_they_used_or_why_they_are_empty():
    data = rows(
        ("indeks_disiplin", "A", OCT, 84.26, "hijau", None, None, 6),
        ("indeks_disiplin", "B", OCT, None, None, None, "no_report", 1),
        ("indeks_orientasi_pelayanan", "A", OCT, None, None, None, "too_few_components", 2),
        ("indeks_orientasi_pelayanan", "B", OCT, 70.0, "kuning", None, None, 5),
    )
    ids = ["indeks_disiplin", "indeks_orientasi_pelayanan"]
    text, _ = scorecard(data, ["A", "B"], {"A": "A", "B": "B"}, ids, CONFIG)
    assert text.rows()[1:] == [
        ("A", "84,3 (6/7 komponen) ✓", "— (komponen kurang: 2/5)"),
        ("B", "— (tanpa laporan)", "70,0 (5/5 komponen) !"),
    ]
    card = cards(data.filter(unit_code="B"), rows(), rows(), ["indeks_disiplin"], CONFIG)[0]
    assert card.value == "— (tanpa laporan)"


def test_scorecard_indicators_start_with_composites_and_skip_unbanded():
    ids = scorecard_indicators(CONFIG)
    assert tuple(ids[:2]) == COMPOSITES
    assert "rasio_pm_pegawai" not in ids and "kehadiran" in ids
    bare = replace(CONFIG, bands={})
    assert scorecard_indicators(bare) == list(COMPOSITES)


def test_a_national_scorecard_shows_the_units_most_in_need_first():
    from upt_dashboard.views.overview import most_in_need

    codes = [f"U{i:03d}" for i in range(100)]
    statuses = {"U050": ["merah", "merah"], "U007": ["merah", "kuning"], "U099": ["kuning", None]}
    rows = pl.DataFrame(
        [
            {"unit_code": code, "indicator_id": ind, "status": state}
            for code in codes
            for ind, state in zip(("ikm", "kehadiran"), statuses.get(code, ["hijau", "hijau"]))
        ]
    )
    shown = most_in_need(rows, codes, ["ikm", "kehadiran"], limit=5)
    assert shown == ["U050", "U007", "U099", "U000", "U001"]
    assert most_in_need(rows, codes[:5], ["ikm"], limit=5) == codes[:5]  # few: all, as given


def test_a_long_ranking_keeps_its_two_ends():
    from upt_dashboard.views.overview import ranking_ends

    ranked = pl.DataFrame({"unit_code": [f"U{i}" for i in range(10)], "value": [*range(9), None]})
    ends = ranking_ends(ranked, higher_first=True, limit=4)
    assert ends["value"].to_list() == [8, 7, 1, 0]
    assert ranking_ends(ranked, higher_first=False, limit=4)["value"].to_list() == [0, 1, 7, 8]
    assert ranking_ends(ranked, higher_first=True, limit=10).equals(ranked)
