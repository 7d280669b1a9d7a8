"""The unit profile's tables and series (ui/profile.py, ui/quality.py)."""

from datetime import date

import polars as pl
import pytest
from facts_builder import FactsBuilder
from test_ui_overview import rows

from upt_dashboard.indicators.complaints import complaint_list
from upt_dashboard.indicators.config import load_config
from upt_dashboard.indicators.survey import nrr_by_element
from upt_dashboard.months import Month
from upt_dashboard.views.i18n import set_language
from upt_dashboard.views.profile import (
    complaints_table,
    early_warning_table,
    ikm_elements,
    indicator_table,
    occupancy_series,
    resident_flows,
    tk_counts_table,
)
from upt_dashboard.views.quality import anomaly_table, issues_per_unit, warning_table

OCT, SEP = date(2026, 10, 1), date(2026, 9, 1)


@pytest.fixture(autouse=True)
def indonesian():
    set_language("id")


def test_indicator_table_in_catalogue_order_with_change_and_status():
    current = rows(
        ("kehadiran", "A", OCT, 0.95, "kuning"), ("ikm", "A", OCT, 87.284, "kuning", "B")
    )
    previous = rows(("kehadiran", "A", SEP, 0.97, "hijau"))
    text, status = indicator_table(current, previous, load_config())
    assert text.columns == [
        "Indikator",
        "Nilai",
        "Status",
        "Ambang status",
        "Periode sebelumnya",
        "Perubahan",
        "Dasar perhitungan (n)",
    ]
    assert text.rows()[0][:2] == ("Indeks Kepuasan Masyarakat (IKM)", "87,28 (B)")
    assert text.rows()[1] == (
        "Kehadiran Pegawai",
        "95,0%",
        "! Waspada",
        # the bands that give the status, never a target it could contradict
        "Baik ≥ 99,5% · Waspada ≥ 99,0% · Perlu perhatian < 99,0%",
        "97,0%",
        "-2,0 poin",
        "10 pegawai-bulan",
    )
    assert status.rows()[1] == (None, "kuning", "kuning", None, None, None, None)


def test_ikm_elements_flag_the_weakest():
    survey = (
        FactsBuilder()
        .unit("A")
        .report(
            "A",
            "2026-10",
            survei=[
                {**{f"u{i}": 4 for i in range(1, 10)}, "u3": 2},
                {**{f"u{i}": 3 for i in range(1, 10)}, "u3": 2},
            ],
        )
        .build()
    )
    elements = ikm_elements(nrr_by_element(survey))
    assert elements["weakest"].to_list() == [False, False, True] + [False] * 6
    assert elements["name"][2] == "U3 Waktu Penyelesaian"
    empty = ikm_elements(nrr_by_element(survey, units=["NOBODY"]))
    assert not any(empty["weakest"])


def test_resident_flows_keep_missing_months_as_gaps():
    facts = (
        FactsBuilder()
        .unit("A")
        .report("A", "2026-09", pm={"pm_masuk": 3, "pm_akhir_bulan": 90, "daya_tampung": 100})
        .build()
    )
    flows = resident_flows(facts.penerima_manfaat, "A", [Month.of(SEP), Month.of(OCT)])
    assert flows["period"].to_list() == [SEP, OCT]
    assert flows["pm_masuk"].to_list() == [3, None]
    long = occupancy_series(flows)
    assert long["series"].unique(maintain_order=True).to_list() == [
        "PM akhir bulan",
        "Daya tampung",
    ]
    assert long["value"].to_list() == [90.0, None, 100.0, None]


def test_complaints_table_shows_newest_state_and_no_free_text():
    b = FactsBuilder().unit("A")
    open_ = {
        "nomor": "P1",
        "tanggal_masuk": date(2026, 9, 28),
        "saluran": "Telepon",
        "kategori": "Pelayanan",
        "ringkasan": "Nama warga X",
        "status": "Proses",
    }
    b.report("A", "2026-09", pengaduan=[open_])
    b.report(
        "A",
        "2026-10",
        pengaduan=[{**open_, "status": "Selesai", "tanggal_selesai": date(2026, 10, 2)}],
    )
    facts = b.build()
    table = complaints_table(
        facts.pengaduan, complaint_list(facts.pengaduan), "A", Month.of(SEP), Month.of(OCT)
    )
    assert "Ringkasan" not in table.columns and "Nama warga X" not in str(table.rows())
    assert table.row(0, named=True) == {
        "Nomor": "P1",
        "Tanggal masuk": "28 September 2026",
        "Saluran": "Telepon",
        "Kategori": "Pelayanan",
        "Jatuh tempo": "5 Oktober 2026",  # Mon 28 Sep + 5 working days
        "Status": "Selesai",
        "Tanggal selesai": "2 Oktober 2026",
        "Hari kalender": "4",
        "Tepat waktu": "Ya",
    }


def test_early_warning_and_counts_tables():
    warning = pl.DataFrame(
        {
            "nip": [None],
            "nama": ["Budi"],
            "status": ["Non ASN"],
            "units": ["PSTW-A, RSBL-B"],
            "tk_days": [10],
            "late_days": [1.05],
            "total_days": [11.05],
            "minimum_estimate": [True],
            "tk_month_max": [10],
            "tk_month_max_period": [OCT],
            "reached_threshold": [3],
            "reached_sanction": ["teguran"],
            "reached_sanction_en": ["warning"],
            "next_threshold": [None],
            "next_sanction": [None],
            "next_sanction_en": [None],
            "days_left": [None],
            "month_flag": [True],
        }
    )
    assert early_warning_table(warning).row(0) == (
        "—",
        "Budi",
        "Non ASN",
        "PSTW-A, RSBL-B",
        "10",
        "1,05 (perkiraan minimal)",
        "11,05",
        "teguran",
        "—",
        "—",
        "10 hari TK pada Oktober 2026: periksa apakah berturut-turut",
    )
    counts = pl.DataFrame({"unit_code": ["A", "A"], "threshold": [3, 11], "employees": [2, 0]})
    assert tk_counts_table(counts).rows() == [("≥ 3 hari", "2"), ("≥ 11 hari", "0")]


def test_quality_tables_and_counts_per_unit():
    flags = pl.DataFrame(
        {
            "indicator_id": ["kehadiran"],
            "unit_code": ["A"],
            "period": ["2026-10"],
            "period_start": [OCT],
            "value": [0.5],
            "median": [0.95],
            "robust_z": [7.25],
            "reason": ["jauh di bawah"],
        }
    )
    warnings = pl.DataFrame(
        {
            "submission_id": [1, 2, 3],
            "unit_code": ["B", "B", "A"],
            "year": [2026] * 3,
            "month": [10] * 3,
            "version": [1, 1, 2],
            "location": ["PM!B9"] * 3,
            "message": ["melebihi"] * 3,
            "rule": ["r"] * 3,
        }
    )
    labels = {"A": "Unit A", "B": "Unit B"}
    assert anomaly_table(flags, labels).row(0) == (
        "Unit A",
        "Oktober 2026",
        "Kehadiran Pegawai",
        "50,0%",
        "95,0%",
        "7,3",  # 7.25 rounded half up, as everywhere (Babel alone would give 7,2)
        "jauh di bawah",
    )
    assert warning_table(warnings, labels).row(0) == (
        "Unit A",
        "Oktober 2026",
        "2",
        "PM!B9",
        "melebihi",
    )
    counts = issues_per_unit(flags, warnings, labels)  # equal totals: by label
    assert counts.select("label", "anomalies", "warnings").rows() == [
        ("Unit A", 1, 1),
        ("Unit B", 0, 2),
    ]
    more = issues_per_unit(flags.clear(), warnings, labels)
    assert more.select("label", "anomalies", "warnings").rows() == [
        ("Unit B", 0, 2),
        ("Unit A", 0, 1),
    ]


def test_median_resolution_time_is_shown_beside_the_open_overdue_ones():
    current = rows(("waktu_penyelesaian_pengaduan", "A", OCT, 3.0, "hijau"))
    text, _ = indicator_table(current, rows(), load_config(), overdue=2)
    assert text[text.columns[-1]].to_list() == ["10 pengaduan selesai · 2 terbuka lewat tenggat"]
    plain, _ = indicator_table(current, rows(), load_config())
    assert plain[plain.columns[-1]].to_list() == ["10 pengaduan selesai"]
