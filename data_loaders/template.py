"""The blank monthly report workbook, written from the schema.

``write_template`` gives the workbook a UPT downloads — optionally
prefilled with what the dashboard already knows (staff list, services,
capacity, last month's closing residents); ``fill_template`` writes values
into it (also used by the sample generator and tests, so sample files and
the template can never drift apart).

Every number cell carries a whole-number check with an Indonesian message,
and the sheets are protected without a password with their data cells
unlocked: a clerk can type, insert and delete rows, but not rename a
column or a label by accident (and can lift the protection if needed).
"""

from __future__ import annotations

import io
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from data_loaders.schema import (
    FORMAT_VERSION,
    FORMAT_VERSIONS,
    IDENTITAS,
    SHEETS,
    Field,
    Kind,
    Layout,
    Sheet,
)
from upt_dashboard.months import Month

INSTRUCTIONS_SHEET = "Petunjuk"
LISTS_SHEET = "Daftar"  # hidden sheet holding drop-down values
TABLE_TITLE_ROW = 1
TABLE_HEADER_ROW = 3  # a title and a note sit above the header, as in real reports
TABLE_FIRST_DATA_ROW = TABLE_HEADER_ROW + 1
TABLE_PREPARED_ROWS = 200  # rows that get drop-downs and number formats
KV_FIRST_ROW = 2  # row 1 holds "Uraian | Nilai | Keterangan"

_HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_TITLE_FONT = Font(bold=True, size=13)
_DATE_FORMAT = "DD/MM/YYYY"
_UNLOCKED = Protection(locked=False)


def write_template(
    unit_code: str,
    unit_name: str,
    month: Month,
    version: str = FORMAT_VERSION,
    *,
    prefill: dict | None = None,
) -> Workbook:
    """Report for one unit and month with Identitas filled in (and ``prefill``).

    ``version`` is the format to write (default the newest); version 1 has
    no Menit Terlambat / Menit Pulang Cepat columns. ValueError for an
    unknown version. ``prefill``: values by sheet name as
    :func:`fill_template` takes them, written after Identitas (so it may
    add, e.g., Nama Kepala UPT).
    """
    if version not in FORMAT_VERSIONS:
        raise ValueError(f"unknown format version {version!r}")
    wb = Workbook()
    _write_instructions(wb.active, unit_name, month, version)
    lists = wb.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    for sheet in SHEETS:
        ws = wb.create_sheet(sheet.name)
        if sheet.layout is Layout.KEY_VALUE:
            _write_key_value_sheet(ws, sheet)
        else:
            _write_table_sheet(wb, ws, lists, sheet, version)
    fill_template(
        wb,
        {
            IDENTITAS.name: {
                "kode_upt": unit_code,
                "nama_upt": unit_name,
                "tahun": month.year,
                "bulan": month.name(),
                "versi_format": version,
            }
        },
    )
    if prefill:
        fill_template(wb, prefill)
    _protect(lists)
    return wb


def fill_template(wb: Workbook, data: dict[str, dict | list[dict]]) -> Workbook:
    """Write values into a template by sheet name and field name.

    Key-value sheets take a dict (field name -> value); table sheets take a
    list of dicts written from the first data row. Unknown field names raise
    KeyError: this is for programs, not for user data.
    """
    for sheet_name, values in data.items():
        sheet = next(s for s in SHEETS if s.name == sheet_name)
        ws = wb[sheet.name]
        if sheet.layout is Layout.KEY_VALUE:
            for offset, f in enumerate(sheet.fields):
                if f.name in values:
                    _set(ws.cell(KV_FIRST_ROW + offset, 2), f, values[f.name])
            unknown = set(values) - set(sheet.names)
        else:
            columns = _table_columns(ws, sheet)
            for r, record in enumerate(values, start=TABLE_FIRST_DATA_ROW):
                for f, c in columns:
                    if f.name in record:
                        _set(ws.cell(r, c), f, record[f.name])
            given = {k for rec in values for k, v in rec.items() if v is not None}
            unknown = {k for rec in values for k in rec} - set(sheet.names)
            unknown |= given - {f.name for f, _ in columns}  # a column this version lacks
        if unknown:
            raise KeyError(f"{sheet.name}: unknown fields {sorted(unknown)}")
    return wb


def _table_columns(ws: Worksheet, sheet: Sheet) -> list[tuple[Field, int]]:
    """(field, column number) of the table's header row, as the template wrote it."""
    by_label = {f.label: f for f in sheet.fields}
    return [
        (by_label[cell.value], cell.column)
        for cell in ws[TABLE_HEADER_ROW]
        if cell.value in by_label
    ]


def workbook_bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def template_bytes(
    unit_code: str,
    unit_name: str,
    month: Month,
    version: str = FORMAT_VERSION,
    *,
    prefill: dict | None = None,
) -> bytes:
    return workbook_bytes(write_template(unit_code, unit_name, month, version, prefill=prefill))


def template_filename(unit_code: str, month: Month) -> str:
    return f"laporan_{unit_code}_{month}.xlsx"


def _set(cell, f: Field, value) -> None:
    if f.kind is Kind.NIP and value is not None and not isinstance(value, str):
        value = str(value)
    cell.value = value
    if isinstance(value, date):
        cell.number_format = _DATE_FORMAT
        cell.protection = _UNLOCKED


def _write_instructions(ws: Worksheet, unit_name: str, month: Month, version: str) -> None:
    ws.title = INSTRUCTIONS_SHEET
    ws["A1"] = f"Laporan Bulanan {unit_name} — {month.label()}"
    ws["A1"].font = _TITLE_FONT
    lines = [
        "Cara mengisi:",
        "1. Isi setiap lembar sesuai judul kolom. Jangan mengubah nama lembar atau judul kolom.",
        "2. Angka ditulis sebagai angka; tanggal dengan format dd/mm/yyyy.",
        "3. Kolom NIP berformat Teks: ketik 18 digit NIP apa adanya.",
        "4. Pilih isian dari daftar pilihan (drop-down) bila tersedia.",
        "5. Baris JUMLAH/TOTAL tidak perlu diisi; bila ada akan diabaikan.",
        "6. Jika memakai rumus, buka dan simpan berkas di Excel/LibreOffice sebelum diunggah.",
        "7. Unggah berkas di halaman Unggah Laporan; semua kesalahan akan ditampilkan sekaligus.",
        "",
        "Isi lembar:",
    ]
    for sheet in SHEETS:
        lines.append(f"• {sheet.name}: {sheet.help}")
    for row, text in enumerate(lines, start=3):
        ws.cell(row, 1, text)
    row = len(lines) + 4
    ws.cell(row, 1, "Keterangan kolom").font = Font(bold=True)
    for sheet in SHEETS:
        for f in sheet.fields_in(version):
            row += 1
            ws.cell(row, 1, f"{sheet.name} — {f.label}")
            wajib = f.required_note or ("wajib" if f.required else "boleh kosong")
            choices = f" Pilihan: {', '.join(f.choices)}." if f.choices else ""
            ws.cell(row, 2, f"{f.help} ({wajib}).{choices}")
    ws.column_dimensions["A"].width = 48
    ws.column_dimensions["B"].width = 100


def _write_key_value_sheet(ws: Worksheet, sheet: Sheet) -> None:
    for col, text in enumerate(("Uraian", "Nilai", "Keterangan"), start=1):
        cell = ws.cell(1, col, text)
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
    for offset, f in enumerate(sheet.fields):
        row = KV_FIRST_ROW + offset
        ws.cell(row, 1, f.label).font = Font(bold=True)
        ws.cell(row, 3, f.help)
        value = ws.cell(row, 2)
        value.protection = _UNLOCKED
        if f.kind is Kind.DATE:
            value.number_format = _DATE_FORMAT
        elif f.kind is Kind.TEXT:
            value.number_format = "@"
        elif f.kind in (Kind.COUNT, Kind.INT):
            ws.add_data_validation(_whole_validation(f, f"B{row}"))
    ws.column_dimensions["A"].width = 32
    ws.column_dimensions["B"].width = 40
    ws.column_dimensions["C"].width = 70
    ws.freeze_panes = "B2"
    _protect(ws)


def _write_table_sheet(
    wb: Workbook, ws: Worksheet, lists: Worksheet, sheet: Sheet, version: str
) -> None:
    ws.cell(TABLE_TITLE_ROW, 1, sheet.name).font = _TITLE_FONT
    ws.cell(TABLE_TITLE_ROW + 1, 1, sheet.help).font = Font(italic=True)
    last_row = TABLE_HEADER_ROW + TABLE_PREPARED_ROWS
    for col, f in enumerate(sheet.fields_in(version), start=1):
        letter = get_column_letter(col)
        header = ws.cell(TABLE_HEADER_ROW, col, f.label)
        header.font, header.fill = _HEADER_FONT, _HEADER_FILL
        header.alignment = Alignment(horizontal="center", wrap_text=True)
        ws.column_dimensions[letter].width = max(f.width, len(f.label) + 2)
        rng = f"{letter}{TABLE_FIRST_DATA_ROW}:{letter}{last_row}"
        # The column's own style unlocks every row (also past the prepared ones);
        # cells that get a style of their own must say so again.
        ws.column_dimensions[letter].protection = _UNLOCKED
        if f.kind in (Kind.NIP, Kind.TEXT):
            for row in range(TABLE_FIRST_DATA_ROW, last_row + 1):
                ws.cell(row, col).number_format = "@"
                ws.cell(row, col).protection = _UNLOCKED
        elif f.kind is Kind.DATE:
            for row in range(TABLE_FIRST_DATA_ROW, last_row + 1):
                ws.cell(row, col).number_format = _DATE_FORMAT
                ws.cell(row, col).protection = _UNLOCKED
        if f.choices:
            ws.add_data_validation(_choice_validation(wb, lists, sheet, f, rng))
        elif f.kind in (Kind.COUNT, Kind.INT):
            ws.add_data_validation(_whole_validation(f, rng))
    ws.freeze_panes = ws.cell(TABLE_FIRST_DATA_ROW, 1)
    _protect(ws)


def _protect(ws: Worksheet) -> None:
    """Lock labels and headers (no password); rows may still be inserted, deleted, sorted.

    In openpyxl's SheetProtection a True flag forbids the action.
    """
    ws.protection.sheet = True
    for action in ("formatCells", "formatColumns", "formatRows", "insertRows", "deleteRows"):
        setattr(ws.protection, action, False)
    ws.protection.sort = False
    ws.protection.autoFilter = False


def _choice_validation(
    wb: Workbook, lists: Worksheet, sheet: Sheet, f: Field, rng: str
) -> DataValidation:
    # A named range on the hidden sheet: inline lists break on commas in values.
    col = sum(1 for n in wb.defined_names if n.startswith("daftar_")) + 1
    for row, choice in enumerate(f.choices, start=1):
        lists.cell(row, col, choice)
    letter = get_column_letter(col)
    name = f"daftar_{sheet.table.removeprefix('fact_')}_{f.name}"
    ref = f"{quote_sheetname(LISTS_SHEET)}!${letter}$1:${letter}${len(f.choices)}"
    wb.defined_names[name] = DefinedName(name, attr_text=ref)
    dv = DataValidation(
        type="list",
        formula1=f"={name}",
        allow_blank=not f.required,
        showErrorMessage=True,
        errorTitle="Isian tidak dikenal",
        error=f"Pilih salah satu: {', '.join(f.choices)}",
    )
    dv.add(rng)
    return dv


def _whole_validation(f: Field, rng: str) -> DataValidation:
    """A whole-number check with a message in Bahasa Indonesia (Excel caps it at 255 chars)."""
    low = f.min if f.min is not None else 0
    high = f.max if f.max is not None else 1_000_000
    wanted = f"{low}–{high}" if f.max is not None else f"{low} atau lebih"
    dv = DataValidation(
        type="whole",
        operator="between",
        formula1=str(low),
        formula2=str(high),
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Angka tidak valid",
        error=f"{f.label}: isi bilangan bulat {wanted}, tanpa koma atau titik desimal.",
        showInputMessage=True,
        promptTitle=f.label[:32],
        prompt=f.help[:255],
    )
    dv.add(rng)
    return dv
