"""The clerk's workbook back with every faulty cell marked and commented."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from data_loaders.annotate import ERROR_FILL, WARNING_FILL, annotated_filename, annotated_workbook
from data_loaders.report import load_report
from data_loaders.template import workbook_bytes
from tests.workbooks import build_workbook, context, valid_report_data


def _faulty() -> bytes:
    data = valid_report_data()
    data["Kehadiran Pegawai"][0]["hadir"] = 5  # the days no longer add up: D4
    data["Layanan"][0]["sesi_terlaksana"] = 25  # more than planned: a warning at C4
    wb = build_workbook(data)
    wb["Identitas"].title = " identitas "  # sheet names match loosely; the file keeps its own
    del wb["Pembinaan"]  # a finding without a cell
    return workbook_bytes(wb)


def test_every_faulty_cell_is_filled_and_carries_its_message():
    data = _faulty()
    report = load_report(data, "laporan.xlsx", context())
    marked = load_workbook(io.BytesIO(annotated_workbook(data, "laporan.xlsx", report.findings)))
    staff = marked["Kehadiran Pegawai"]["D4"]
    assert staff.fill.fgColor.rgb.endswith(ERROR_FILL)
    assert "jumlah 8, seharusnya 21 (= Hari Kerja)" in staff.comment.text
    assert "seharusnya: = 21 (Hari Kerja)" in staff.comment.text
    service = marked["Layanan"]["C4"]
    assert service.fill.fgColor.rgb.endswith(WARNING_FILL)
    assert service.comment.text.startswith("Peringatan: Sesi Terlaksana (25)")
    # the finding without a cell is on the first sheet, with its place
    note = marked.worksheets[0]["A1"].comment.text
    assert "Pembinaan: KESALAHAN: Lembar 'Pembinaan' tidak ada." in note
    # every finding with a cell is marked, nothing else is
    commented = {
        (ws.title, c.coordinate)
        for ws in marked.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.comment
    }
    expected = {(f.sheet, f.cell) for f in report.findings if f.has_cell}
    assert commented == expected | {(marked.worksheets[0].title, "A1")}


def test_the_cells_values_are_left_as_the_clerk_typed_them():
    data = _faulty()
    report = load_report(data, "laporan.xlsx", context())
    marked = load_workbook(io.BytesIO(annotated_workbook(data, "laporan.xlsx", report.findings)))
    original = load_workbook(io.BytesIO(data))
    for ws in original.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert marked[ws.title][cell.coordinate].value == cell.value


def test_a_file_that_is_not_a_workbook_gets_no_copy():
    report = load_report(b"Kode;Bulan\n", "x.xlsx", context())
    assert annotated_workbook(b"Kode;Bulan\n", "x.xlsx", report.findings) is None
    assert annotated_workbook(workbook_bytes(build_workbook()), "ok.xlsx", []) is None


def test_the_copy_is_named_after_the_upload():
    assert annotated_filename("laporan_PSTW_2026-03.xlsx") == "laporan_PSTW_2026-03_diperiksa.xlsx"
    assert annotated_filename("makro.xlsm") == "makro_diperiksa.xlsm"
