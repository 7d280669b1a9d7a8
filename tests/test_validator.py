"""Contract rules: each case starts from a valid workbook and breaks one thing."""

import hashlib
from datetime import date

import polars as pl
import pytest

from data_loaders.report import load_report
from data_loaders.schema import SHEETS, Severity
from data_loaders.template import workbook_bytes
from tests.workbooks import (
    TODAY,
    UNIT,
    at,
    build_workbook,
    context,
    located,
    report_of,
    report_with,
    valid_report_data,
)
from upt_dashboard.months import Month

ID, PM, LAY, KP, ADU, SKM, PEM, INT = (s.name for s in SHEETS)


def put(sheet: str, field: str, value, index: int = 0):
    """A change that sets one value of the valid data."""

    def change(data: dict) -> None:
        target = data[sheet] if isinstance(data[sheet], dict) else data[sheet][index]
        target[field] = value

    return change


def copy_value(sheet: str, field: str, source: int, target: int, transform=lambda v: v):
    def change(data: dict) -> None:
        data[sheet][target][field] = transform(data[sheet][source][field])

    return change


# (change, rule id, location, severity): one break, exactly one finding.
CASES = [
    # Identitas
    (put(ID, "kode_upt", "PSTW-XXX"), "kode_upt_tidak_dikenal", at(ID, "kode_upt"), "error"),
    (put(ID, "nama_upt", "PSTW Jombang"), "nama_upt_berbeda", at(ID, "nama_upt"), "warning"),
    (put(ID, "tahun", 2014), "di_luar_rentang", at(ID, "tahun"), "error"),
    (put(ID, "tahun", 2027), "di_luar_rentang", at(ID, "tahun"), "error"),
    (put(ID, "bulan", 5), "periode_masa_depan", at(ID, "bulan"), "error"),
    (put(ID, "bulan", "Mart"), "bulan_tidak_valid", at(ID, "bulan"), "error"),
    (put(ID, "nama_kepala_upt", None), "nilai_wajib", at(ID, "nama_kepala_upt"), "error"),
    (
        put(ID, "tanggal_laporan", date(2026, 3, 20)),
        "tanggal_laporan_sebelum_akhir_periode",
        at(ID, "tanggal_laporan"),
        "warning",
    ),
    (
        put(ID, "tanggal_laporan", "kemarin"),
        "tanggal_tidak_valid",
        at(ID, "tanggal_laporan"),
        "error",
    ),
    (put(ID, "versi_format", None), "versi_format_diasumsikan", at(ID, "versi_format"), "warning"),
    (put(ID, "versi_format", "3"), "versi_format_tidak_didukung", at(ID, "versi_format"), "error"),
    # Penerima Manfaat
    (put(PM, "pm_masuk", 6), "neraca_pm", at(PM, "pm_akhir_bulan"), "error"),
    (
        put(PM, "pm_laki_laki_akhir_bulan", 59),
        "jenis_kelamin_pm",
        at(PM, "pm_laki_laki_akhir_bulan"),
        "error",
    ),
    (
        put(PM, "pm_terpenuhi_kebutuhan_dasar", 126),
        "kebutuhan_dasar_maksimum",
        at(PM, "pm_terpenuhi_kebutuhan_dasar"),
        "error",
    ),
    (put(PM, "daya_tampung", 100), "melebihi_daya_tampung", at(PM, "pm_akhir_bulan"), "warning"),
    (put(PM, "pm_masuk", "5,5"), "bukan_bilangan_bulat", at(PM, "pm_masuk"), "error"),
    (put(PM, "pm_keluar_lainnya", -1), "di_luar_rentang", at(PM, "pm_keluar_lainnya"), "error"),
    # Layanan
    (
        put(LAY, "sesi_terlaksana", 21),
        "sesi_melebihi_rencana",
        at(LAY, "sesi_terlaksana"),
        "warning",
    ),
    (
        put(LAY, "jenis_layanan", "bimbingan  fisik", 1),
        "nilai_ganda",
        at(LAY, "jenis_layanan", 1),
        "error",
    ),
    (put(LAY, "jenis_layanan", "Senam"), "pilihan_tidak_valid", at(LAY, "jenis_layanan"), "error"),
    # Kehadiran Pegawai
    (put(KP, "nip", None), "nip_wajib_asn", at(KP, "nip"), "error"),
    (put(KP, "nip", "1980010120050110"), "nip_tidak_valid", at(KP, "nip"), "error"),
    (copy_value(KP, "nip", 0, 1), "nilai_ganda", at(KP, "nip", 1), "error"),
    (put(KP, "status", "Honorer"), "pilihan_tidak_valid", at(KP, "status"), "error"),
    (put(KP, "hadir", 17), "jumlah_hari_kerja", at(KP, "hari_kerja"), "error"),
    (put(KP, "hari_kerja", 32), "di_luar_rentang", at(KP, "hari_kerja"), "error"),
    (put(KP, "tl1", 20), "terlambat_maksimum", at(KP, "tl1"), "error"),
    (put(KP, "psw1", 19), "pulang_cepat_maksimum", at(KP, "psw1"), "error"),
    (put(KP, "apel_hadir", 21), "apel_maksimum", at(KP, "apel_hadir"), "error"),
    (put(KP, "nama", None, 2), "nilai_wajib", at(KP, "nama", 2), "error"),
    # Pengaduan (record 0 is resolved, record 1 still open)
    (
        put(ADU, "tanggal_masuk", date(2026, 4, 2), 1),
        "tanggal_masuk_dalam_periode",
        at(ADU, "tanggal_masuk", 1),
        "error",
    ),
    (
        put(ADU, "tanggal_selesai", date(2026, 2, 28)),
        "tanggal_selesai_setelah_masuk",
        at(ADU, "tanggal_selesai"),
        "error",
    ),
    (
        put(ADU, "tanggal_selesai", date(2026, 4, 1)),
        "tanggal_selesai_dalam_periode",
        at(ADU, "tanggal_selesai"),
        "error",
    ),
    (
        put(ADU, "status", "Selesai", 1),
        "status_sesuai_tanggal_selesai",
        at(ADU, "status", 1),
        "error",
    ),
    (put(ADU, "status", "proses"), "status_sesuai_tanggal_selesai", at(ADU, "status"), "error"),
    (copy_value(ADU, "nomor", 0, 1, str.lower), "nilai_ganda", at(ADU, "nomor", 1), "error"),
    (put(ADU, "saluran", "Surat"), "pilihan_tidak_valid", at(ADU, "saluran"), "error"),
    # Survei Kepuasan
    (
        put(SKM, "tanggal", date(2026, 2, 28)),
        "tanggal_survei_dalam_periode",
        at(SKM, "tanggal"),
        "error",
    ),
    (
        put(SKM, "tanggal", date(2026, 4, 1)),
        "tanggal_survei_dalam_periode",
        at(SKM, "tanggal"),
        "error",
    ),
    (put(SKM, "u9", 5), "di_luar_rentang", at(SKM, "u9"), "error"),
    (put(SKM, "usia", 9), "di_luar_rentang", at(SKM, "usia"), "error"),
    (put(SKM, "jenis_kelamin", "X"), "pilihan_tidak_valid", at(SKM, "jenis_kelamin"), "error"),
    # Pembinaan
    (
        put(PEM, "tanggal", date(2026, 4, 1)),
        "tanggal_pembinaan_dalam_periode",
        at(PEM, "tanggal"),
        "error",
    ),
    (put(PEM, "peserta_hadir", 31), "peserta_hadir_maksimum", at(PEM, "peserta_hadir"), "error"),
    (put(PEM, "peserta_wajib", 0), "di_luar_rentang", at(PEM, "peserta_wajib"), "error"),
    # Integritas
    (
        put(INT, "insiden_ditindaklanjuti", 2),
        "tindak_lanjut_maksimum",
        at(INT, "insiden_ditindaklanjuti"),
        "error",
    ),
]


@pytest.mark.parametrize(
    "change, rule, location, severity", CASES, ids=[f"{c[1]}@{c[2]}" for c in CASES]
)
def test_one_break_one_finding(change, rule, location, severity):
    report = report_with(change)
    assert located(report) == {(rule, location)}
    assert report.findings[0].severity == Severity(severity)
    assert report.ok == (severity == "warning")


@pytest.mark.parametrize("sheet", [s for s in SHEETS if s.rules], ids=lambda s: s.name)
def test_rule_messages_only_name_fields_of_their_sheet(sheet):
    helpers = ["_period_start", "_period_end", "_today", "_found", "_expected"]
    values = {name: "x" for name in sheet.names + helpers}
    for rule in sheet.rules:
        assert rule.message.format(**values)
        assert rule.message_en.format(**values)
        assert rule.field in sheet.names


def test_valid_report_has_no_findings():
    report = report_with()
    assert report.findings == []
    assert report.ok
    assert (report.unit_code, report.period) == (UNIT, Month(2026, 3))


def test_current_month_is_allowed():
    data = valid_report_data(month=4)
    data["Identitas"]["tanggal_laporan"] = TODAY
    report = report_of(build_workbook(data, month=4))
    assert located(report) == {("tanggal_laporan_sebelum_akhir_periode", at(ID, "tanggal_laporan"))}


def test_previous_month_pm_akhir_differs():
    report = report_with(ctx=context(previous=119))
    assert located(report) == {("pm_awal_berbeda_bulan_lalu", at(PM, "pm_awal_bulan"))}
    assert "Februari 2026" in report.findings[0].message
    assert report.ok


def test_previous_month_is_asked_for_the_month_before():
    asked = []
    ctx = context()
    ctx.previous_pm_akhir = lambda unit, month: asked.append((unit, month)) or 120
    data = valid_report_data(month=1)
    data["Identitas"]["tanggal_laporan"] = date(2026, 2, 2)
    assert report_of(build_workbook(data, month=1), ctx).findings == []
    assert asked == [(UNIT, Month(2025, 12))]


@pytest.mark.parametrize("version", [1, 1.0, "1", " 1 ", "1.0"])
def test_format_version_one_in_any_spelling(version):
    report = report_with(put(ID, "versi_format", version))
    assert report.findings == []
    assert report.frames[ID]["versi_format"].to_list() == ["1"]


@pytest.mark.parametrize("version", [2, 2.0, "2", " 2 ", "2,0"])
def test_format_version_two_in_any_spelling(version):
    report = report_with(put(ID, "versi_format", version))
    assert report.findings == []
    assert report.frames[ID]["versi_format"].to_list() == ["2"]


def test_missing_format_version_is_stored_as_one():
    report = report_with(put(ID, "versi_format", None))
    assert report.frames[ID]["versi_format"].to_list() == ["1"]


def test_unit_code_is_matched_case_insensitively_and_normalised():
    report = report_with(put(ID, "kode_upt", " pstw-jbg "))
    assert report.findings == []
    assert report.unit_code == UNIT


def test_unknown_unit_message_says_it_is_unknown_and_suggests():
    report = report_with(put(ID, "kode_upt", "PSTW-JBK"))
    assert "'PSTW-JBK' tidak dikenal" in report.findings[0].message
    assert "Mungkin maksudnya: PSTW-JBG" in report.findings[0].message


def test_rule_message_is_formatted_with_row_values():
    report = report_with(put(ADU, "tanggal_selesai", date(2026, 2, 28)))
    assert report.findings[0].message == (
        "Tanggal Selesai 28/02/2026 sebelum Tanggal Masuk 01/03/2026."
    )
    report = report_with(put(KP, "apel_hadir", 21))
    assert report.findings[0].message == "Apel Hadir (21) tidak boleh melebihi Apel Wajib (20)."


def test_rules_skip_cells_that_did_not_parse():
    # Hadir is used by three rules; its own finding is the only one.
    report = report_with(put(KP, "hadir", "delapan belas"))
    assert located(report) == {("angka_tidak_valid", at(KP, "hadir"))}


def test_unparsable_period_skips_period_rules():
    report = report_with(put(ID, "bulan", "Mart"), ctx=context())
    assert {f.rule for f in report.findings} == {"bulan_tidak_valid"}


def test_empty_survey_and_no_complaints_are_fine():
    report = report_of(build_workbook(valid_report_data(respondents=0, complaints=0)))
    assert report.findings == []
    assert report.frames[SKM].height == 0
    assert report.frames[ADU].height == 0


def test_all_problems_are_reported_together():
    def many(data):
        for change, *_ in CASES[:12]:
            change(data)

    report = report_with(many)
    assert {
        "kode_upt_tidak_dikenal",
        "nilai_wajib",
        "tanggal_tidak_valid",
        "versi_format_tidak_didukung",
        "neraca_pm",
    } <= {f.rule for f in report.findings}
    assert not report.ok


def test_findings_are_sorted_by_sheet_then_row():
    def two(data):
        put(INT, "insiden_ditindaklanjuti", 2)(data)
        put(KP, "apel_hadir", 21, 3)(data)
        put(KP, "apel_hadir", 21, 0)(data)

    report = report_with(two)
    assert [f.location for f in report.findings] == [
        at(KP, "apel_hadir", 0),
        at(KP, "apel_hadir", 3),
        at(INT, "insiden_ditindaklanjuti"),
    ]


def test_report_identity_and_hash():
    data = workbook_bytes(build_workbook())
    report = load_report(data, "laporan.xlsx", context())
    assert report.sha256 == hashlib.sha256(data).hexdigest()


def test_frames_follow_the_schema_types():
    report = report_with()
    kinds = {
        "count": pl.Int64,
        "int": pl.Int64,
        "month": pl.Int64,
        "text": pl.String,
        "choice": pl.String,
        "nip": pl.String,
        "date": pl.Date,
    }
    for sheet in SHEETS:
        frame = report.frames[sheet.name]
        for f in sheet.fields:
            assert frame.schema[f.name] == kinds[f.kind.value], (sheet.name, f.name)
        assert ("_row" in frame.columns) == (sheet.layout.value == "table")
    kp = report.frames[KP]
    assert kp["_row"].to_list() == [4, 5, 6, 7]
    assert kp["nip"].to_list()[:2] == ["198001012005011000", "198001012005011001"]
    assert report.frames[ID]["tanggal_laporan"].to_list() == [date(2026, 4, 3)]
    assert report.frames[ID]["bulan"].to_list() == [3]


def test_a_sum_error_shows_the_sum_found_and_the_value_expected_with_the_name():
    def one_sick_day_too_many(data: dict) -> None:
        data[KP][0]["sakit"] += 1

    data = valid_report_data()
    employee = data[KP][0]
    report = report_with(one_sick_day_too_many)
    (finding,) = report.findings
    days = employee["hari_kerja"]
    assert finding.found == str(days + 1)
    assert finding.expected_in("id") == f"= {days} (Hari Kerja)"
    assert f"jumlah {days + 1}, seharusnya {days}" in finding.message
    assert finding.subject == employee["nama"]
    english = finding.message_in("en")
    assert f"total {days + 1}, should be {days}" in english
    assert "seharusnya" not in english


def test_a_cell_error_carries_what_was_found_and_what_is_expected():
    report = report_with(put(KP, "hadir", "dua"))
    (finding,) = report.findings
    assert finding.found == "dua"
    assert finding.expected_in("id") == "bilangan bulat ≥ 0"
    assert finding.expected_in("en") == "whole number ≥ 0"
    assert finding.message_in("en").startswith("Hadir: 'dua' is not a number.")
    assert finding.subject  # the employee's name on a staff row


# --- contract version 2: minutes of lateness and early departure -------------------------


def _minutes(late, early, **days):
    """A change giving the first employee exactly these TL/PSW days (others 0) and minutes."""

    def change(data):
        row = data[KP][0]
        row.update({f"{band}{i}": 0 for band in ("tl", "psw") for i in range(1, 5)})
        row.update(days)
        row["menit_terlambat"], row["menit_pulang_cepat"] = late, early

    return change


def test_version_two_minutes_are_read():
    # TL1 2 days, TL3 1 day: at least 2×1 + 61 = 63 minutes; 63 is fine.
    report = report_with(_minutes(63, 40, tl1=2, tl3=1, psw2=1))
    assert report.findings == []
    row = report.frames[KP].row(0, named=True)
    assert (row["menit_terlambat"], row["menit_pulang_cepat"]) == (63, 40)
    # Employees without minutes stay empty (not measured), not 0.
    assert report.frames[KP]["menit_terlambat"].to_list()[1:] == [None] * 3


@pytest.mark.parametrize(
    "late, early, days, rule, field",
    [
        # 2×1 + 61 = 63: 62 minutes cannot be two TL1 days and one TL3 day
        (62, None, dict(tl1=2, tl3=1), "menit_terlambat_minimum", "menit_terlambat"),
        # PSW4 is over 90 minutes: 91 at least
        (None, 90, dict(psw4=1), "menit_pulang_cepat_minimum", "menit_pulang_cepat"),
        (0, None, dict(tl2=1), "menit_terlambat_minimum", "menit_terlambat"),
    ],
)
def test_minutes_below_the_band_lower_bounds_are_an_error(late, early, days, rule, field):
    report = report_with(_minutes(late, early, **days))
    assert located(report) == {(rule, at(KP, field))}
    assert all(f.is_error for f in report.findings)


def test_minutes_exactly_at_the_bounds_are_fine():
    # TL1..TL4 one day each: 1 + 31 + 61 + 91 = 184; PSW none: 0 minutes is fine.
    report = report_with(_minutes(184, 0, tl1=1, tl2=1, tl3=1, tl4=1))
    assert report.findings == []


def test_a_version_one_file_with_minute_columns_is_read_the_same():
    def v1_with_minutes(data):
        data[ID]["versi_format"] = "1"
        _minutes(70, None, tl2=2)(data)

    report = report_with(v1_with_minutes)
    assert report.findings == []
    assert report.frames[KP]["menit_terlambat"].to_list()[0] == 70


def test_hari_kerja_is_bounded_by_the_days_of_the_month():
    # A care worker on a roster may work every day of March (31), not 32, and
    # not 31 days in a 30-day April.
    def every_day(days):
        def change(data):
            row = data[KP][0]
            row.update(hari_kerja=days, hadir=days, dinas_luar=0, sakit=0, izin=0, cuti=0, tk=0)
            row.update(apel_wajib=days, apel_hadir=days)

        return change

    assert report_with(every_day(31)).findings == []
    april = valid_report_data(month=4)
    every_day(31)(april)
    april["Identitas"]["tanggal_laporan"] = date(2026, 5, 4)
    report = report_of(build_workbook(april, month=4), context(today=date(2026, 5, 8)))
    assert located(report) == {("hari_kerja_maksimum", at(KP, "hari_kerja"))}


def test_version_one_template_has_no_minute_columns_and_is_valid():
    from data_loaders.template import fill_template, write_template
    from tests.workbooks import UNIT_NAME

    month = Month(2026, 3)
    v1 = write_template(UNIT, UNIT_NAME, month, version="1")
    v2 = write_template(UNIT, UNIT_NAME, month)
    headers = {
        version: [c.value for c in wb[KP][3] if c.value] for version, wb in (("1", v1), ("2", v2))
    }
    assert "Menit Terlambat" not in headers["1"]
    assert headers["2"][-2:] == ["Menit Terlambat", "Menit Pulang Cepat"]
    assert headers["2"][:-2] == headers["1"]
    data = valid_report_data()
    report = report_of(fill_template(v1, data))
    assert report.findings == []  # no "missing column" for a column version 1 never had
    assert report.frames[ID]["versi_format"].to_list() == ["1"]
    assert report.frames[KP]["menit_terlambat"].to_list() == [None] * 4
    # Minutes cannot be written into a version-1 template: that column does not exist.
    data[KP][0]["menit_terlambat"] = 10
    with pytest.raises(KeyError):
        fill_template(write_template(UNIT, UNIT_NAME, month, version="1"), data)
