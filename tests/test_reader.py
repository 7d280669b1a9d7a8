"""Workbook structure: sheets, headers, rows, labels, formulas, stored types."""

from datetime import date

import pytest

from data_loaders.reader import formula_cells
from data_loaders.schema import SHEETS
from data_loaders.template import workbook_bytes
from tests.workbooks import (
    at,
    build_workbook,
    replace_sheet,
    report_of,
    table_rows,
    valid_report_data,
)

ID, PM, LAY, KP, ADU, SKM, PEM, INT = (s.name for s in SHEETS)


def rules_at(report) -> set[tuple[str, str]]:
    return {(f.rule, f.location) for f in report.findings}


def report_with_table(sheet: str, rows: list[list], data: dict | None = None):
    wb = build_workbook(data)
    replace_sheet(wb, sheet, rows)
    return report_of(wb)


# --- sheets -------------------------------------------------------------------------------


def test_sheet_names_match_ignoring_case_and_spaces():
    wb = build_workbook()
    wb[KP].title = "  KEHADIRAN pegawai "
    wb[ID].title = "tmp"  # openpyxl refuses a case-only rename of a sheet to itself
    wb["tmp"].title = "identitas"
    report = report_of(wb)
    assert report.findings == []
    assert report.frames[KP].height == 4


def test_missing_sheet_is_an_error():
    wb = build_workbook()
    del wb[PEM]
    report = report_of(wb)
    assert rules_at(report) == {("lembar_tidak_ada", PEM)}
    assert report.frames[PEM].height == 0
    assert not report.ok


def test_extra_sheet_is_a_warning_but_template_sheets_are_not():
    wb = build_workbook()
    wb.create_sheet("Catatan Operator")
    report = report_of(wb)
    assert rules_at(report) == {("lembar_tambahan", "Catatan Operator")}
    assert report.ok


def test_second_sheet_with_the_same_name_is_ignored_with_a_warning():
    wb = build_workbook()
    wb.create_sheet(" layanan ")
    report = report_of(wb)
    assert rules_at(report) == {("lembar_ganda", " layanan ")}
    assert report.frames[LAY].height == 2


# --- table headers ----------------------------------------------------------------------------


def test_title_rows_above_the_header_are_skipped():
    data = valid_report_data()
    rows = table_rows(LAY, data[LAY])
    rows[2][2] = 25  # Sesi Terlaksana > planned, to see where the finding lands
    report = report_with_table(LAY, [["LAPORAN LAYANAN"], ["UPT X"], [], ["catatan"], []] + rows)
    assert rules_at(report) == {("sesi_melebihi_rencana", f"{LAY}!C8")}
    assert report.frames[LAY]["_row"].to_list() == [7, 8]


def test_header_below_row_ten_is_not_found():
    rows = [["judul"]] * 10 + table_rows(LAY, valid_report_data()[LAY])
    report = report_with_table(LAY, rows)
    assert rules_at(report) == {("judul_kolom_tidak_ditemukan", LAY)}
    assert report.frames[LAY].height == 0


def test_incomplete_header_names_the_missing_columns():
    rows = table_rows(LAY, valid_report_data()[LAY])
    rows[0][1] = "Sesi Rencana"
    report = report_with_table(LAY, [["Layanan"]] + rows)
    (finding,) = report.findings
    assert finding.rule == "judul_kolom_tidak_ditemukan"
    assert "Sesi Direncanakan" in finding.message
    assert "Sesi Terlaksana" not in finding.message.split("diharapkan")[0]
    assert "baris 2" in finding.message


def test_shuffled_columns_and_header_spelling():
    data = valid_report_data()
    order = list(reversed([f.name for f in SHEETS[3].fields_in("1")]))
    rows = table_rows(KP, data[KP], order)
    rows[0] = [f"  {label.upper()} " for label in rows[0]]
    rows[1][order.index("apel_hadir")] = 21
    report = report_with_table(KP, rows)
    # Apel Hadir, the last field, is now column A; the first record is on row 2.
    assert rules_at(report) == {("apel_maksimum", f"{KP}!A2")}
    assert report.frames[KP].columns[:3] == ["nip", "nama", "status"]
    assert report.frames[KP]["nama"].to_list()[0] == "Pegawai 1"


def test_unknown_column_is_ignored_with_a_warning():
    rows = table_rows(LAY, valid_report_data()[LAY])
    rows[0].append("Keterangan")
    rows[1].append("catatan bebas")
    report = report_with_table(LAY, rows)
    assert rules_at(report) == {("kolom_tidak_dikenal", f"{LAY}!E1")}
    assert report.ok


def test_duplicate_column_is_an_error():
    rows = table_rows(LAY, valid_report_data()[LAY])
    rows[0].append("Jumlah Peserta")
    report = report_with_table(LAY, rows)
    assert rules_at(report) == {("kolom_ganda", f"{LAY}!E1")}


@pytest.mark.parametrize(
    "sheet, field, rule, ok",
    [
        (ADU, "ringkasan", "kolom_opsional_tidak_ada", True),
        (SKM, "usia", "kolom_opsional_tidak_ada", True),
        (SKM, "pendidikan", "kolom_opsional_tidak_ada", True),
        (KP, "nip", "kolom_tidak_ada", False),  # needed: required for PNS/PPPK, unique
        (ADU, "tanggal_selesai", "kolom_tidak_ada", False),  # needed by the Status rule
    ],
)
def test_missing_optional_column(sheet, field, rule, ok):
    data = valid_report_data()
    order = [n for n in next(s for s in SHEETS if s.name == sheet).names if n != field]
    report = report_with_table(sheet, table_rows(sheet, data[sheet], order), data)
    assert rules_at(report) == {(rule, sheet)}
    assert report.ok == ok
    assert report.frames[sheet][field].null_count() == report.frames[sheet].height


# --- table rows -----------------------------------------------------------------------------


def test_blank_rows_are_skipped_and_rows_keep_their_excel_numbers():
    data = valid_report_data()
    header, *records = table_rows(KP, data[KP])
    records[3][SHEETS[3].names.index("apel_hadir")] = 25  # Apel Hadir of the fourth employee
    rows = [
        ["Kehadiran"],
        header,
        [],
        records[0],
        records[1],
        [],
        [],
        [""] * 3,
        records[2],
        [],
        records[3],
    ]
    report = report_with_table(KP, rows)
    assert report.frames[KP]["_row"].to_list() == [4, 5, 9, 11]
    assert rules_at(report) == {("apel_maksimum", f"{KP}!T11")}


@pytest.mark.parametrize("label", ["JUMLAH", "Total", "  jumlah seluruhnya"])
def test_totals_row_is_ignored_with_a_warning(label):
    data = valid_report_data()
    rows = table_rows(LAY, data[LAY])
    rows.append([label, 32, 30, 2700])
    report = report_with_table(LAY, rows)
    assert rules_at(report) == {("baris_jumlah", f"{LAY}!A4")}
    assert report.frames[LAY].height == 2


def test_totals_row_found_by_its_first_filled_cell():
    rows = table_rows(LAY, valid_report_data()[LAY])
    rows.append([None, "TOTAL", 30, 2700])
    report = report_with_table(LAY, rows)
    assert rules_at(report) == {("baris_jumlah", f"{LAY}!B4")}


def test_rows_filled_only_in_unknown_columns_count_as_empty():
    rows = table_rows(
        LAY,
        valid_report_data()[LAY],
        ["jenis_layanan", "sesi_direncanakan", "sesi_terlaksana", "jumlah_peserta"],
    )
    rows = [["No"] + rows[0]] + [[n] + r for n, r in enumerate(rows[1:], start=1)]
    rows += [[n] for n in range(3, 30)]  # numbered rows prepared for more services
    report = report_with_table(LAY, rows)
    assert rules_at(report) == {("kolom_tidak_dikenal", f"{LAY}!A1")}
    assert report.frames[LAY]["_row"].to_list() == [2, 3]


def test_header_only_table_is_empty_and_fine():
    report = report_with_table(SKM, table_rows(SKM, []))
    assert report.findings == []
    assert report.frames[SKM].height == 0


# --- key-value sheets --------------------------------------------------------------------


def test_key_value_labels_any_case_any_order():
    data = valid_report_data()
    rows = [["Uraian", "Nilai"], ["catatan", "bebas"]] + [
        [f"  {f.label.lower()}  ", data[INT][f.name]] for f in reversed(SHEETS[7].fields)
    ]
    report = report_with_table(INT, rows)
    assert report.findings == []
    assert report.frames[INT]["unggahan_informasi_layanan"].to_list() == [12]


def test_missing_label_is_an_error_naming_the_sheet():
    wb = build_workbook()
    wb[PM]["A5"] = "PM Keluar"  # was "PM Keluar Reintegrasi"
    report = report_of(wb)
    (finding,) = report.findings
    assert (finding.rule, finding.location) == ("label_tidak_ada", PM)
    assert "PM Keluar Reintegrasi" in finding.message and PM in finding.message


def test_repeated_label_uses_the_first():
    wb = build_workbook()
    wb[PM]["A20"], wb[PM]["B20"] = "Daya Tampung", 999
    report = report_of(wb)
    assert rules_at(report) == {("label_ganda", f"{PM}!A20")}
    assert report.frames[PM]["daya_tampung"].to_list() == [140]


# --- stored types -----------------------------------------------------------------------------


def test_nip_stored_as_number_asks_for_text_format():
    wb = build_workbook()
    wb[KP]["A4"] = 198001012005011000  # what Excel does to a NIP typed into a General cell
    wb[KP]["A5"] = 1.97e17
    report = report_of(wb)
    assert rules_at(report) == {
        ("nip_berformat_angka", f"{KP}!A4"),
        ("nip_berformat_angka", f"{KP}!A5"),
    }
    assert "Format kolom NIP sebagai Teks" in report.findings[0].message


def test_indonesian_text_numbers():
    wb = build_workbook()
    wb[LAY]["D4"] = "1.800"  # text: one thousand eight hundred
    wb[LAY]["B5"] = "12,0"
    report = report_of(wb)
    assert report.findings == []
    assert report.frames[LAY]["jumlah_peserta"].to_list() == [1800, 900]
    assert report.frames[LAY]["sesi_direncanakan"].to_list() == [20, 12]


def test_count_with_decimal_comma_is_an_error():
    wb = build_workbook()
    wb[LAY]["D4"] = "12,5"
    assert rules_at(report_of(wb)) == {("bukan_bilangan_bulat", f"{LAY}!D4")}


@pytest.mark.parametrize("month", [3, "3", "Maret", "MARET", "march", " Maret "])
def test_month_in_any_spelling(month):
    wb = build_workbook()
    wb[ID]["B5"] = month
    report = report_of(wb)
    assert report.findings == []
    assert report.period.month == 3


@pytest.mark.parametrize("value", [date(2026, 3, 5), "05/03/2026", "5-3-2026", "2026-03-05"])
def test_dates_as_excel_dates_or_text(value):
    wb = build_workbook()
    wb[SKM]["A4"] = value
    report = report_of(wb)
    assert report.findings == []
    assert report.frames[SKM]["tanggal"][0] == date(2026, 3, 5)


# --- formulas -------------------------------------------------------------------------------


def test_formula_without_saved_value_in_a_required_cell():
    wb = build_workbook()
    wb[PM]["B2"] = "=100+40"  # openpyxl saves no value, like a script-made file
    wb[KP]["D5"] = "=SUM(E5:J5)"
    report = report_of(wb)
    assert rules_at(report) == {
        ("rumus_tanpa_nilai", f"{PM}!B2"),
        ("rumus_tanpa_nilai", f"{KP}!D5"),
    }
    assert all("simpan" in f.message for f in report.findings)


def test_plain_empty_required_cell_is_not_called_a_formula():
    wb = build_workbook()
    wb[PM]["B2"] = None
    assert rules_at(report_of(wb)) == {("nilai_wajib", at(PM, "daya_tampung"))}


def test_formula_cells_reads_the_sheet_xml():
    wb = build_workbook()
    wb[KP]["D5"] = "=SUM(E5:J5)"
    wb[KP]["C9"] = "=A1"
    assert formula_cells(workbook_bytes(wb), KP) == {"D5", "C9"}
    assert formula_cells(b"not a zip", KP) == set()
