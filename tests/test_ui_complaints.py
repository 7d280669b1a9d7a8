"""The overdue backlog and the state of open complaints, as the pages show them."""

from __future__ import annotations

from datetime import date

import pytest
from facts_builder import FactsBuilder

from upt_dashboard.indicators.complaints import complaint_list, known_until, overdue_backlog
from upt_dashboard.months import Month
from upt_dashboard.views.complaints import backlog_table, complaint_state
from upt_dashboard.views.i18n import set_language
from upt_dashboard.views.profile import complaints_table


@pytest.fixture(autouse=True)
def indonesian():
    set_language("id")


def _facts():
    b = FactsBuilder().unit("A").unit("B")
    row = {"saluran": "Telepon", "kategori": "Pelayanan", "status": "Proses"}
    # Mon 5 Oct 2026 → due Mon 12 Oct; Thu 29 Oct → due Thu 5 Nov (after the October report)
    b.report(
        "A",
        "2026-10",
        pengaduan=[
            {**row, "nomor": "OLD", "tanggal_masuk": date(2026, 10, 5)},
            {**row, "nomor": "NEW", "tanggal_masuk": date(2026, 10, 29)},
        ],
    )
    b.report("B", "2026-10")
    return b.build()


FACTS = _facts()


def _backlog(as_of):
    return overdue_backlog(complaint_list(FACTS.pengaduan), known_until(FACTS.submissions), as_of)


def test_backlog_table_for_display():
    table = backlog_table(_backlog(date(2026, 10, 31)), {"A": "PSTW Satu"})
    # OLD: 6-9, 12-16, 19-23, 26-30 Oct = 19 working days old, 14 past the 5-day limit
    assert table.rows() == [
        (
            "PSTW Satu",
            "OLD",
            "5 Oktober 2026",
            "12 Oktober 2026",
            "31 Oktober 2026",
            "19",
            "14",
        )
    ]
    assert table.columns[-2:] == ["Umur (hari kerja)", "Lewat tenggat (hari kerja)"]


def test_a_complaint_still_inside_its_window_is_not_yet_due_never_a_failure():
    overdue = set(_backlog(date(2026, 12, 31))["nomor"])
    assert overdue == {"OLD"}  # NEW: the October report is the newest; 2 working days old
    table = complaints_table(
        FACTS.pengaduan,
        complaint_list(FACTS.pengaduan),
        "A",
        Month(2026, 10),
        Month(2026, 10),
        overdue,
    )
    states = dict(zip(table["Nomor"], table["Status"]))
    assert states == {"OLD": "Proses — lewat tenggat", "NEW": "Proses — belum jatuh tempo"}
    assert complaint_state(True, "OLD", overdue) == "Selesai"


def test_english_headings():
    set_language("en")
    table = backlog_table(_backlog(date(2026, 10, 31)), {})
    assert table.columns[:3] == ["Unit", "Number", "Received"]
    assert table["Unit"].to_list() == ["A"]
