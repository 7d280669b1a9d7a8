"""The attention list: one row per unit, duplicates merged, most severe first, thresholds said."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import polars as pl
import pytest
from test_ui_overview import rows

from upt_dashboard.indicators.config import load_config
from upt_dashboard.views.attention import (
    attention_frame,
    attention_signals,
    severity_counts,
    unit_attention,
)
from upt_dashboard.views.i18n import set_language, speaking

OCT, SEP = date(2026, 10, 1), date(2026, 9, 1)
CONFIG = load_config()
LABELS = {"A": "PSTW Satu", "B": "RSBL Dua", "C": "PSBR Tiga", "D": "PSAA Empat"}
IDS = ["kehadiran", "ketepatan_laporan", "kelengkapan_laporan", "ikm"]


@pytest.fixture(autouse=True)
def indonesian():
    set_language("id")


def calendar(*states: tuple[str, date, str]) -> pl.DataFrame:
    return pl.DataFrame(
        [(u, p, date(p.year + p.month // 12, p.month % 12 + 1, 10), s) for u, p, s in states],
        schema={"unit_code": pl.String, "period": pl.Date, "deadline": pl.Date, "state": pl.String},
        orient="row",
    )


def anomalies(*flags: tuple) -> pl.DataFrame:
    """(unit, period, indicator, value, median, kind) -> anomaly rows."""
    return pl.DataFrame(
        [
            {
                "indicator_id": i,
                "unit_code": u,
                "period": f"{p:%Y-%m}",
                "period_start": p,
                "value": v,
                "median": m,
                "robust_z": 5.0,
                "kind": k,
                "reason": "",
            }
            for u, p, i, v, m, k in flags
        ],
        schema={
            "indicator_id": pl.String,
            "unit_code": pl.String,
            "period": pl.String,
            "period_start": pl.Date,
            "value": pl.Float64,
            "median": pl.Float64,
            "robust_z": pl.Float64,
            "kind": pl.String,
            "reason": pl.String,
        },
    )


def _units(data, cal, flags, **sources):
    return unit_attention(attention_signals(data, cal, flags, IDS, **sources), LABELS, CONFIG)


def test_a_red_indicator_and_its_anomaly_are_one_reason():
    data = rows(("kehadiran", "A", OCT, 0.972, "merah"))
    flags = anomalies(("A", OCT, "kehadiran", 0.972, 0.998, "outlier"))
    [unit] = _units(data, calendar(), flags)
    assert unit.severity == "merah" and len(unit.reasons) == 1
    assert unit.reasons[0].text == (
        "Kehadiran Pegawai 97,2% (perlu perhatian di bawah 99,0%); "
        "juga jauh lebih buruk dari biasanya (median 99,8%)"
    )
    assert unit.reasons[0].headline == "Kehadiran Pegawai 97,2%"


def test_a_late_report_and_its_red_timeliness_are_one_reason():
    data = rows(("ketepatan_laporan", "B", OCT, 0.0, "merah"))
    [unit] = _units(data, calendar(("B", OCT, "late")), anomalies())
    assert unit.severity == "kuning"  # late, not missing
    assert [r.text for r in unit.reasons] == [
        "laporan Oktober 2026 masuk terlambat (tenggat 10 November 2026)"
    ]


def test_units_are_ordered_by_severity_then_by_how_much_is_wrong():
    data = rows(
        ("kehadiran", "C", OCT, 0.95, "merah"),
        ("ikm", "C", OCT, 60.12, "merah", "D"),
        ("kehadiran", "D", OCT, 0.95, "merah"),
    )
    cal = calendar(("A", OCT, "late"), ("B", OCT, "missing"))
    flags = anomalies(("A", OCT, "ikm", 70.0, 80.0, "trend"))
    units = _units(data, cal, flags)
    # C: two red reasons; B and D one each (by name); A only watch items
    assert [u.label for u in units] == ["PSBR Tiga", "PSAA Empat", "RSBL Dua", "PSTW Satu"]
    assert severity_counts(units) == {"merah": 3, "kuning": 1}
    ikm = next(r for r in units[0].reasons if r.matter == "ikm")
    assert (
        ikm.text
        == "Indeks Kepuasan Masyarakat (IKM) 60,12, mutu D (perlu perhatian di bawah 65,00)"
    )
    watch = units[-1]
    assert [r.text for r in watch.reasons] == [
        "laporan Oktober 2026 masuk terlambat (tenggat 10 November 2026)",
        "Indeks Kepuasan Masyarakat (IKM) 70,00 memburuk terus selama 12 bulan (median 80,00)",
    ]


def test_complaints_integrity_and_discipline_say_counts_and_rules():
    def of_a(**counts) -> pl.DataFrame:
        return pl.DataFrame(
            {"unit_code": ["A"], "period": [OCT], **{k: [v] for k, v in counts.items()}}
        )

    units = _units(
        rows(),
        calendar(),
        anomalies(),
        integrity=of_a(below_four=3, respondents=40),
        crossings=of_a(crossed=2, flagged=1),
        backlog=of_a(overdue=2, oldest_working_days=46),
    )
    [unit] = units
    assert [r.text for r in unit.reasons] == [
        "2 pengaduan lewat jatuh tempo, tertua 46 hari kerja "
        "(jatuh tempo 5 hari kerja setelah diterima)",
        "3 dari 40 responden menilai Biaya/Tarif (U4) di bawah 4 "
        "(UPT ini tidak memungut biaya: kemungkinan pungutan liar)",
        "2 pegawai mencapai ambang hukuman disiplin baru (PP 94/2021); "
        "1 pegawai TK 10 hari atau lebih dalam sebulan (periksa: 10 hari kerja berturut-turut "
        "adalah alasan pemberhentian PNS)",
    ]


def test_several_months_sum_their_counts_and_say_which_months():
    crossings = pl.DataFrame(
        {"unit_code": ["A", "A"], "period": [SEP, OCT], "crossed": [1, 1], "flagged": [0, 0]}
    )
    signals = attention_signals(rows(), calendar(), anomalies(), IDS, crossings=crossings)
    [unit] = unit_attention(signals, LABELS, CONFIG, several_months=True)
    assert unit.severity == "kuning"
    assert unit.reasons[0].text == (
        "2 pegawai mencapai ambang hukuman disiplin baru (Sep 2026, Okt 2026; PP 94/2021)"
    )


def test_the_table_and_english():
    data = rows(("kehadiran", "A", OCT, 0.972, "merah"))
    units = _units(data, calendar(("B", OCT, "missing")), anomalies())
    frame = attention_frame(units)
    assert frame.columns == ["UPT", "Status", "Alasan"]
    assert frame.rows()[1] == (
        "RSBL Dua",
        "Perlu perhatian",
        "laporan Oktober 2026 belum masuk (tenggat 10 November 2026)",
    )
    with speaking("en"):
        english = _units(data, calendar(("B", OCT, "missing")), anomalies())
    assert english[0].reasons[0].text == "Attendance 97.2% (needs attention below 99.0%)"
    assert english[1].reasons[0].text == (
        "no report yet for October 2026 (deadline 10 November 2026)"
    )


def test_a_reason_is_worded_when_read_once_in_the_language_it_was_made_in():
    """A national list has a thousand units and a page reads sixty: the words wait."""
    data = rows(("kehadiran", "A", OCT, 0.972, "merah"))
    [unit] = _units(data, calendar(), anomalies())
    reason = unit.reasons[0]
    assert "_words" not in vars(reason)  # nothing worded before it is read
    with speaking("en"):
        assert reason.headline == "Kehadiran Pegawai 97,2%"
    assert vars(reason)["_words"] is reason._words  # worded once


def test_reasons_judged_by_other_rules_are_other_reasons():
    """Words come from the configuration too: the same signals under another deadline are
    not the same reason."""
    backlog = pl.DataFrame(
        {"unit_code": ["A"], "period": [OCT], "overdue": [2], "oldest_working_days": [46]}
    )
    signals = attention_signals(rows(), calendar(), anomalies(), IDS, backlog=backlog)
    [five] = unit_attention(signals, LABELS, CONFIG)
    [ten] = unit_attention(signals, LABELS, replace(CONFIG, complaint_working_days=10))
    assert five.reasons[0].text != ten.reasons[0].text
    assert five != ten
    assert five == unit_attention(signals, LABELS, CONFIG)[0]


def test_nothing_to_say():
    assert _units(rows(), calendar(), anomalies()) == []
    assert attention_frame([]).is_empty()
