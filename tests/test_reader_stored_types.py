"""The reader's shortcuts change nothing: every cell reads as ``parse_cell`` reads it.

The reader loads each sheet as text, looks up how cells are stored (number
or text) only where that can matter, parses each distinct value of a column
once and reuses calamine's text column where the values are the texts. The
reference here is the plain way: both passes over the sheet and
``parse_cell`` on every cell with its real storage type.
"""

from datetime import date, datetime

import fastexcel
import pytest

from data_loaders.cells import parse_cell
from data_loaders.findings import cell_ref
from data_loaders.reader import empty_frame
from data_loaders.report import load_report
from data_loaders.schema import SHEETS_BY_NAME, Layout
from data_loaders.template import KV_FIRST_ROW, TABLE_FIRST_DATA_ROW, workbook_bytes
from tests.workbooks import (
    build_workbook,
    context,
    replace_sheet,
    report_of,
    table_rows,
    valid_report_data,
)

# Numbers and text that read differently by storage type, dates both ways, NIPs
# as text and as numbers, booleans, blanks, repeats (parsed once, reported per cell).
TRICKY = [
    12,
    12.0,
    1.234,
    "1.234",
    "12,5",
    "1.234,5",
    " 7 ",
    "007",
    -3,
    "-0",
    -0.0,
    1e20,
    True,
    "true",
    "abc",
    3,
    "3",
    "Maret",
    45000,
    date(2026, 3, 5),
    datetime(2026, 3, 5, 10, 30),
    "05/03/2026",
    "5-3-2026",
    "2026-03-05",
    "31/02/2026",
    198001012005011000,
    1.97e17,
    "198001012005011001",
    "19800101 200501 1 001",
    "1.97E+17",
    "",
    "  ",
    None,
    12,
    "1.234",
    None,
    "PNS",
    "pppk",
    "Keluarga",
]
ROWS = len(TRICKY)


def assert_reads_like_reference(
    data: bytes, sheet_name: str, cells: dict[tuple[str, int], int]
) -> None:
    """``cells``: (field name, Excel row) -> 0-based column, each holding a tricky value."""
    report = load_report(data, "laporan.xlsx", context())
    sheet = SHEETS_BY_NAME[sheet_name]
    frame = report.frames[sheet_name]
    assert frame.schema == empty_frame(sheet).schema
    excel = fastexcel.read_excel(data)
    text, flags = (
        excel.load_sheet(sheet_name, header_row=None, skip_rows=0, dtypes=dtype).to_polars()
        for dtype in ("string", "boolean")
    )
    for (name, row), column in cells.items():
        numeric = flags.to_series(column)[row - 1] is not None
        value, problem = parse_cell(sheet.field(name), text.to_series(column)[row - 1], numeric)
        index = 0 if sheet.layout is Layout.KEY_VALUE else frame["_row"].to_list().index(row)
        at_cell = {
            (f.severity.value, f.rule, f.message)
            for f in report.findings
            if f.sheet == sheet_name and f.cell == cell_ref(column, row)
        }
        if problem is not None:
            assert frame[name][index] is None
            assert ("error", problem.rule, problem.message) in at_cell
        else:
            assert frame[name][index] == value
            if value is None and sheet.field(name).required:
                assert {rule for _, rule, _ in at_cell} & {"nilai_wajib", "rumus_tanpa_nilai"}


@pytest.mark.parametrize(
    "sheet_name, field_name",
    [
        ("Kehadiran Pegawai", "nip"),
        ("Kehadiran Pegawai", "nama"),
        ("Kehadiran Pegawai", "status"),
        ("Kehadiran Pegawai", "hadir"),
        ("Survei Kepuasan", "tanggal"),
        ("Survei Kepuasan", "usia"),
        ("Survei Kepuasan", "u1"),
        ("Survei Kepuasan", "responden"),
        ("Pengaduan", "tanggal_selesai"),
        ("Pengaduan", "nomor"),
    ],
)
def test_table_column_reads_like_parse_cell_on_every_cell(sheet_name, field_name):
    wb = build_workbook(valid_report_data(staff=ROWS, respondents=ROWS, complaints=ROWS))
    column = SHEETS_BY_NAME[sheet_name].names.index(field_name)
    cells = {}
    for row, value in enumerate(TRICKY, start=TABLE_FIRST_DATA_ROW):
        wb[sheet_name].cell(row, column + 1, value)
        cells[field_name, row] = column
    assert_reads_like_reference(workbook_bytes(wb), sheet_name, cells)


@pytest.mark.parametrize("sheet_name", ["Penerima Manfaat", "Identitas"])
@pytest.mark.parametrize("start", range(0, ROWS, 6))
def test_key_value_sheet_reads_like_parse_cell(sheet_name, start):
    sheet = SHEETS_BY_NAME[sheet_name]
    wb = build_workbook()
    cells = {}
    for row, (f, value) in enumerate(
        zip(sheet.fields, TRICKY[start : start + 6]), start=KV_FIRST_ROW
    ):
        wb[sheet_name].cell(row, 2, value)
        cells[f.name, row] = 1
    assert_reads_like_reference(workbook_bytes(wb), sheet_name, cells)


def test_only_a_sheet_with_nips_needs_the_second_pass(monkeypatch):
    """Whole numbers, dates and text read the same whatever their storage type."""
    calls = []
    original = fastexcel.ExcelReader.load_sheet

    def load_sheet(self, name, **kw):
        calls.append((name, kw["dtypes"]))
        return original(self, name, **kw)

    monkeypatch.setattr(fastexcel.ExcelReader, "load_sheet", load_sheet)
    report = report_of(build_workbook())
    assert report.findings == []
    boolean_passes = {name for name, dtype in calls if dtype == "boolean"}
    assert boolean_passes == {"Kehadiran Pegawai"}  # its NIPs may be numbers Excel made


def test_rows_with_gaps_between_them_read_the_same():
    """Contiguous rows reuse calamine's columns; rows with gaps are built from values."""
    sheet = "Kehadiran Pegawai"
    header, *records = table_rows(sheet, valid_report_data(staff=6)[sheet])
    frames = []
    for rows in ([header, *records], [header, records[0], [], *records[1:4], [], [], *records[4:]]):
        wb = build_workbook()
        replace_sheet(wb, sheet, [["Kehadiran"], *rows])
        report = report_of(wb)
        assert report.findings == []
        frames.append(report.frames[sheet])
    contiguous, gapped = frames
    assert gapped["_row"].to_list() == [3, 5, 6, 7, 10, 11]
    assert contiguous.drop("_row").equals(gapped.drop("_row"))
    assert contiguous.schema == gapped.schema
