"""The month in one paragraph, on hand-made facts with every number worked out by hand.

Three elderly homes (PSTW, all in "Kota", so labelled "PSTW Kota (A)" …),
September and October 2026, judged on 28 November 2026 (the October deadline,
10 November, has passed):

- A sent October on 5 November (on time) with two survey answers and one
  complaint received Thursday 1 October that is still open;
- B sent October on 12 November (late) with two survey answers;
- C sent nothing for October.

IKM, October, pooled over A and B (U4 is 4 everywhere, as in a free home):
the other eight elements score 4, 3, 3, 3 → NRR 3,25; U4 → NRR 4.
IKM = (8 × 3,25 + 4) ÷ 9 × 25 = 30 ÷ 9 × 25 = 83,33 (grade B, 76,61–88,30).
September: A all 4, B 3 (U4 4) → NRR 3,5 and 4 → (8 × 3,5 + 4) ÷ 9 × 25 = 88,89.
Change: 83,33 − 88,89 = −5,56 points.

The complaint of 1 October is due 5 working days later (8 October); on
31 October it is open and 21 working days old (2 Oct; 5–9; 12–16; 19–23;
26–30 October). It fell due in October unresolved, so A's resolution and
on-time rates are 0 % (needs attention below 75 %).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from facts_builder import FactsBuilder

from upt_dashboard.indicators.config import load_config
from upt_dashboard.months import Month
from upt_dashboard.views.i18n import set_language, speaking
from upt_dashboard.views.summary import gather, summary_text

OCT, SEP = Month(2026, 10), Month(2026, 9)
CONFIG = replace(load_config(), today=date(2026, 11, 28))
A, B, C = "PSTW Kota (A)", "PSTW Kota (B)", "PSTW Kota (C)"


def answers(*scores: int) -> list[dict]:
    """One respondent per score: every element that score, U4 (cost) always 4."""
    return [{**{f"u{i}": s for i in range(1, 10)}, "u4": 4} for s in scores]


@pytest.fixture(autouse=True)
def indonesian():
    set_language("id")


@pytest.fixture(scope="module")
def facts():
    b = FactsBuilder().unit("A").unit("B").unit("C")
    b.report("A", "2026-09", survei=answers(4))
    b.report("B", "2026-09", survei=answers(3))
    b.report("C", "2026-09")
    b.report(
        "A",
        "2026-10",
        uploaded_at="2026-11-05 02:00",
        # basic needs met for both residents: the composite stays out of the red
        pm={"pm_awal_bulan": 2, "pm_terpenuhi_kebutuhan_dasar": 2},
        survei=answers(4, 3),
        pengaduan=[{"nomor": "P-1", "tanggal_masuk": date(2026, 10, 1), "status": "Proses"}],
    )
    b.report("B", "2026-10", uploaded_at="2026-11-12 02:00", survei=answers(3, 3))
    return b.build()


def test_the_paragraph_says_reports_ikm_and_who_needs_attention(facts):
    numbers = gather(facts, OCT, OCT, CONFIG).numbers
    assert summary_text(numbers) == (
        "Oktober 2026, Provinsi Jawa Timur: 1 dari 3 UPT mengirim laporan tepat waktu "
        "(tenggat 10 November 2026); 1 terlambat dan 1 belum masuk. "
        "IKM 83,33, mutu B (Baik), turun 5,56 poin dari September 2026. "
        f"2 UPT perlu perhatian: {A} (1 pengaduan lewat jatuh tempo, tertua 21 hari kerja) "
        f"dan {C} (laporan Oktober 2026 belum masuk); 1 UPT lain waspada."
    )


def test_the_attention_rows_behind_it(facts):
    units = gather(facts, OCT, OCT, CONFIG).numbers.attention
    assert [(u.label, u.severity) for u in units] == [
        (A, "merah"),
        (C, "merah"),
        (B, "kuning"),
    ]
    # overdue complaints and the red rates they cause are one reason, thresholds stated
    assert [r.text for r in units[0].reasons] == [
        "1 pengaduan lewat jatuh tempo, tertua 21 hari kerja (jatuh tempo 5 hari kerja setelah "
        "diterima); Pengaduan Selesai Tepat Waktu 0,0% (perlu perhatian di bawah 75,0%); "
        "Penyelesaian Pengaduan 0,0% (perlu perhatian di bawah 75,0%)"
    ]
    # a missing report and its red completeness and timeliness (0 %) are one reason
    assert [r.text for r in units[1].reasons] == [
        "laporan Oktober 2026 belum masuk (tenggat 10 November 2026)"
    ]
    assert [r.text for r in units[2].reasons] == [
        "laporan Oktober 2026 masuk terlambat (tenggat 10 November 2026)"
    ]
    merged = {s.indicator for s in units[1].reasons[0].signals}
    assert merged == {"kelengkapan_laporan"}  # the red rates dropped as duplicates


def test_the_same_paragraph_in_english(facts):
    with speaking("en"):
        text = summary_text(gather(facts, OCT, OCT, CONFIG).numbers)
    assert text == (
        "October 2026, East Java province: 1 of 3 units sent their report on time "
        "(deadline 10 November 2026); 1 late and 1 missing. "
        "The IKM is 83.33, grade B (Good), down 5.56 points on September 2026. "
        f"2 units need attention: {A} (1 complaint past due, 21 working days) "
        f"and {C} (no report yet for October 2026); 1 more on watch."
    )


def test_before_the_deadline_it_counts_what_came_in(facts):
    early = replace(CONFIG, today=date(2026, 11, 8))  # before 10 November
    numbers = gather(facts, OCT, OCT, early).numbers
    first = summary_text(numbers).split(". ")[0]
    # A came on 5 November; B's upload of 12 November lies in the future of that day,
    # but the store already holds it: sent early counts as sent.
    assert first == (
        "Oktober 2026, Provinsi Jawa Timur: tenggat laporan (10 November 2026) belum lewat; "
        "2 dari 3 UPT sudah mengirim"
    )
    assert all(u.label != C for u in numbers.attention)  # not due yet: not missing


def test_a_quiet_month_says_so():
    b = FactsBuilder().unit("A").unit("B")
    for unit in ("A", "B"):
        b.report(unit, "2026-09")
        b.report(unit, "2026-10")
    numbers = gather(b.build(), OCT, OCT, CONFIG).numbers
    assert summary_text(numbers) == (
        "Oktober 2026, Provinsi Jawa Timur: semua 2 UPT mengirim laporan tepat waktu "
        "(tenggat 10 November 2026). Belum ada survei IKM pada periode ini. "
        "Tidak ada UPT yang perlu perhatian."
    )


def test_a_quarter_counts_unit_months_and_compares_with_the_quarter_before(facts):
    numbers = gather(facts, Month(2026, 8), OCT, CONFIG).numbers
    text = summary_text(numbers)
    # August has no reports at all: 3 missing; September 3 on time; October 1/1/1.
    assert text.startswith(
        "Agu 2026 – Okt 2026, Provinsi Jawa Timur: 4 dari 9 laporan UPT-bulan masuk tepat "
        "waktu (tenggat terakhir 10 November 2026); 1 terlambat dan 4 belum masuk."
    )
    # Sep + Oct pooled: the 8 elements score 4, 3 (Sep) and 4, 3, 3, 3 (Oct) → 20 ÷ 6;
    # U4 4 → (8 × 20 ÷ 6 + 4) ÷ 9 × 25 = 85,19; nothing before August to compare with.
    assert "IKM 85,19, mutu B (Baik)." in text
    assert "laporan Agustus 2026 belum masuk" in " ".join(
        r.text for u in numbers.attention for r in u.reasons
    )
