"""Uploaded bytes -> safety checks -> raw sheets -> typed frames + findings.

``read_workbook`` refuses anything that is not a sane ``.xlsx``/``.xlsm``
before a parser sees it, then reads every sheet of the contract with
calamine (via fastexcel), finds headers and labels, parses each cell with
:mod:`data_loaders.cells` and builds one typed polars frame per sheet.
Everything that goes wrong becomes a :class:`Finding`; user data never
raises. Checks that need more than one cell (rules, uniqueness, registry,
period) live in :mod:`data_loaders.validator`.

Each sheet is loaded with every cell as text: calamine renders numbers,
dates and text alike. Where that is not enough, a second pass loads the
sheet as booleans, non-null exactly where the workbook stored a number or a
boolean: that tells the text ``1.234`` (1234) from the number 1.234, and a
NIP typed as text from one Excel turned into a number. Most sheets need no
second pass (see :func:`data_loaders.cells.numeric_matters`).

Speed matters (hundreds of files per import), and with a report's few rows
the cost is in per-call overhead, so: rows are scanned in plain Python, each
distinct value of a column is parsed once (and remembered across reads), and
a column whose values are its texts as they stand is calamine's text column,
cast, rather than a Series built from Python values.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import fastexcel
import polars as pl

from data_loaders.archive import ArchiveRefused, SafeArchive, open_archive
from data_loaders.cells import Parsed, Problem, expected, numeric_matters, parse_cell
from data_loaders.findings import Finding, cell_ref, error, warning
from data_loaders.limits import ReadLimits
from data_loaders.schema import (
    SHEETS,
    Field,
    Kind,
    Layout,
    Sheet,
    header_key,
    sheet_key,
)
from data_loaders.template import INSTRUCTIONS_SHEET, LISTS_SHEET
from data_loaders.texts import Text
from data_loaders.texts import text as msg

ALLOWED_SUFFIXES = (".xlsx", ".xlsm")
# Members bigger than this must not inflate more than MAX_COMPRESSION_RATIO times.
RATIO_CHECK_FROM_BYTES = 1024 * 1024
MAX_COMPRESSION_RATIO = 200
HEADER_SEARCH_ROWS = 10
TOTALS_PREFIXES = ("jumlah", "total")
# Sheets of our own template that are not data and must not be warned about.
TEMPLATE_SHEETS = frozenset(sheet_key(n) for n in (INSTRUCTIONS_SHEET, LISTS_SHEET))

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAMS = tuple(n.encode("utf-16-le") for n in ("EncryptionInfo", "EncryptedPackage"))
_ZIP_MAGIC = b"PK\x03\x04"
_MARKUP_STARTS = (b"<html", b"<!doctype", b"<table", b"<?xml", b"<head", b"<body")

_DTYPES: dict[Kind, pl.DataType] = {
    Kind.TEXT: pl.String(),
    Kind.CHOICE: pl.String(),
    Kind.NIP: pl.String(),
    Kind.COUNT: pl.Int64(),
    Kind.INT: pl.Int64(),
    Kind.MONTH: pl.Int64(),
    Kind.DATE: pl.Date(),
}
# What polars' str.strip_chars() removes (Unicode White_Space): a row is empty
# exactly as before. str.strip() would also remove the controls \x1c-\x1f.
_WHITE_SPACE = (
    " \t\n\x0b\x0c\r\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)

# Rule ids of file- and sheet-level findings.
TOO_LARGE = "berkas_terlalu_besar"
EMPTY_FILE = "berkas_kosong"
BAD_EXTENSION = "ekstensi_tidak_didukung"
LEGACY_XLS = "berkas_xls"
ENCRYPTED = "berkas_terenkripsi"
NOT_XLSX = "bukan_xlsx"
CORRUPT = "berkas_rusak"
NOT_WORKBOOK = "bukan_workbook"
ZIP_BOMB = "berkas_mencurigakan"
TOO_MANY_SHEETS = "lembar_terlalu_banyak"
SHEET_TOO_LARGE = "lembar_terlalu_besar"
CELL_TOO_LONG = "isi_sel_terlalu_panjang"
UNREADABLE = "berkas_tidak_terbaca"
SHEET_MISSING = "lembar_tidak_ada"
SHEET_EXTRA = "lembar_tambahan"
SHEET_DUPLICATE = "lembar_ganda"
SHEET_UNREADABLE = "lembar_tidak_terbaca"
HEADER_NOT_FOUND = "judul_kolom_tidak_ditemukan"
COLUMN_MISSING = "kolom_tidak_ada"
OPTIONAL_COLUMN_MISSING = "kolom_opsional_tidak_ada"
COLUMN_UNKNOWN = "kolom_tidak_dikenal"
COLUMN_DUPLICATE = "kolom_ganda"
TOTALS_ROW = "baris_jumlah"
LABEL_MISSING = "label_tidak_ada"
LABEL_DUPLICATE = "label_ganda"
VALUE_REQUIRED = "nilai_wajib"
FORMULA_WITHOUT_VALUE = "rumus_tanpa_nilai"


@dataclass
class SheetData:
    """One contract sheet as read: typed frame plus where each value came from.

    ``frame`` has the schema's field names and dtypes (tables add ``_row``,
    the Excel row). ``columns`` maps a field to the 0-based column its values
    were read from (key-value sheets: column B); a field absent from the
    file has no entry. ``label_rows`` (key-value sheets) maps a field to the
    Excel row of its label. ``bad`` holds, per field, the frame rows whose
    cell was unusable (unparseable, required but empty, or column missing):
    cross-field rules skip those rows.
    """

    sheet: Sheet
    frame: pl.DataFrame
    columns: dict[str, int] = field(default_factory=dict)
    label_rows: dict[str, int] = field(default_factory=dict)
    bad: dict[str, set[int]] = field(default_factory=dict)

    def cell(self, name: str, i: int = 0) -> str:
        """``F12``-style place of field ``name`` in frame row ``i``; ``""`` if absent."""
        if name not in self.columns:
            return ""
        if self.sheet.layout is Layout.KEY_VALUE:
            return cell_ref(self.columns[name], self.label_rows[name])
        return cell_ref(self.columns[name], self.frame["_row"][i])

    def value(self, name: str):
        """Key-value sheets: the field's usable value, or None."""
        if self.frame.height == 0 or 0 in self.bad.get(name, ()):
            return None
        return self.frame[name][0]


@dataclass
class WorkbookData:
    """``read_workbook`` result: readable contract sheets by Sheet.name + findings."""

    sheets: dict[str, SheetData]
    findings: list[Finding]


@dataclass
class _Grid:
    """A sheet's cells as calamine renders them; list index i is Excel row i + 1."""

    columns: list[int]  # 0-based sheet column of each list below
    text: list[list[str | None]]
    frame: pl.DataFrame  # the same cells as polars columns
    load_booleans: Callable[[], list[list[bool | None]]]  # the boolean pass, per column
    _booleans: list[list[bool | None]] | None = None

    @property
    def height(self) -> int:
        return self.frame.height

    def numeric(self, pos: int) -> list[bool]:
        """Per row of column ``pos``: stored as a number or boolean. Loaded on first use."""
        if self._booleans is None:
            self._booleans = self.load_booleans()
        return [b is not None for b in self._booleans[pos]]


class _SheetUnreadable(Exception):
    """Calamine could not load a sheet; ``__cause__`` says why."""


@dataclass(frozen=True)
class _Blank:
    """A required cell that came back empty (maybe a formula without value)."""

    sheet: Sheet
    field: Field
    ref: str


def empty_frame(sheet: Sheet) -> pl.DataFrame:
    """Zero-row frame with the sheet's columns and dtypes (tables add ``_row``)."""
    return pl.DataFrame(schema=_schema(sheet))


_SCHEMAS: dict[str, pl.Schema] = {}


def _schema(sheet: Sheet) -> pl.Schema:
    """The sheet's frame schema, built once per sheet: every read needs it."""
    if sheet.name not in _SCHEMAS:
        schema = {f.name: _DTYPES[f.kind] for f in sheet.fields}
        if sheet.layout is Layout.TABLE:
            schema["_row"] = pl.Int64()
        _SCHEMAS[sheet.name] = pl.Schema(schema)
    return _SCHEMAS[sheet.name]


def read_workbook(
    data: bytes,
    filename: str,
    *,
    max_bytes: int | None = None,
    max_uncompressed: int | None = None,
    limits: ReadLimits | None = None,
) -> WorkbookData:
    """Read and type every contract sheet of an uploaded workbook.

    In: the uploaded bytes, the file name as uploaded and the limits
    (``limits`` None: the settings, with ``max_bytes``/``max_uncompressed``
    overriding them). Out: the sheets that could be read and all findings.
    A refused file gives no sheets and one file-level finding (sheet
    ``""``); a sheet past the row or column limit is not parsed and gets one
    error. Never raises on user data: parser exceptions become findings.
    """
    limits = limits or ReadLimits.from_settings(max_bytes, max_uncompressed)
    archive = _open(data, filename, limits)
    if isinstance(archive, Finding):
        return WorkbookData({}, [archive])
    try:
        excel = fastexcel.read_excel(archive.data)
        names = excel.sheet_names
    except Exception as exc:  # calamine raises many types; none may reach the user
        return WorkbookData({}, [_unreadable(exc)])
    if len(names) > limits.max_sheets:
        return WorkbookData({}, [_too_many_sheets(len(names), limits.max_sheets)])
    matched, findings = _match_sheets(names)
    sheets: dict[str, SheetData] = {}
    blanks: list[_Blank] = []
    for sheet in SHEETS:
        if sheet.name not in matched:
            continue
        oversize = _oversize_sheet(archive, sheet, matched[sheet.name], limits)
        if oversize is not None:
            findings.append(oversize)
            continue
        # A sheet's findings count only once it is read whole: the boolean pass
        # may fail half-way, and then the sheet is unreadable and nothing else.
        sheet_findings: list[Finding] = []
        sheet_blanks: list[_Blank] = []
        read = _read_table if sheet.layout is Layout.TABLE else _read_key_value
        try:
            grid = _load_grid(excel, matched[sheet.name])
            sheets[sheet.name] = read(sheet, grid, sheet_findings, sheet_blanks, limits)
        except _SheetUnreadable as exc:
            findings.append(
                error(
                    sheet.name,
                    "",
                    msg(SHEET_UNREADABLE, detail=_brief(exc.__cause__)),
                    SHEET_UNREADABLE,
                )
            )
            continue
        findings += sheet_findings
        blanks += sheet_blanks
    findings.extend(_blank_findings(archive.members, matched, blanks))
    return WorkbookData(sheets, findings)


# --- safety checks before parsing -------------------------------------------------------


def check_file(
    data: bytes,
    filename: str,
    *,
    max_bytes: int | None = None,
    max_uncompressed: int | None = None,
) -> Finding | None:
    """The reason to refuse the file before parsing it, or None when it looks sane.

    ``max_bytes`` None: the ``DASHBOARD_MAX_UPLOAD_MB`` setting;
    ``max_uncompressed`` None: ``limits.UNCOMPRESSED_FACTOR`` × ``max_bytes``.
    """
    opened = _open(data, filename, ReadLimits.from_settings(max_bytes, max_uncompressed))
    return opened if isinstance(opened, Finding) else None


def _open(data: bytes, filename: str, limits: ReadLimits) -> SafeArchive | Finding:
    """The archive, inflated within the limits, or the reason to refuse the file.

    Checks, cheapest first: file name, emptiness, size, legacy or encrypted
    Office files, non-zip content, a damaged archive, a zip bomb (declared
    sizes and ratios first, then every member inflated with the bytes it
    actually produces counted, so a lying header cannot slip through), and
    the workbook part.
    """
    if not filename.lower().strip().endswith(ALLOWED_SUFFIXES):
        return _file_error(msg("berkas_tidak_didukung", filename=filename), BAD_EXTENSION)
    if not data:
        return _file_error(msg(EMPTY_FILE), EMPTY_FILE)
    if len(data) > limits.max_bytes:
        return _file_error(
            msg(TOO_LARGE, size=_mb(len(data)), limit=_mb(limits.max_bytes)), TOO_LARGE
        )
    if data.startswith(_OLE2_MAGIC):
        return _ole2_finding(data)
    if not data.startswith(_ZIP_MAGIC):
        return _not_xlsx_finding(data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            declared = _check_declared(zf, limits.max_uncompressed)
        return declared or open_archive(data, limits.max_uncompressed)
    except ArchiveRefused as exc:
        return _suspicious(exc.reason) if exc.kind == "bomb" else _corrupt(exc.reason)
    except Exception as exc:  # BadZipFile, zlib.error, EOFError...: all mean a damaged file
        return _corrupt(_brief(exc))


def _corrupt(reason: Text | str) -> Finding:
    return _file_error(msg(CORRUPT, detail=reason), CORRUPT)


def _suspicious(reason: Text) -> Finding:
    """A zip bomb or a lying archive; ``reason`` is the archive reader's own words."""
    return _file_error(msg("berkas_mencurigakan_alasan", reason=reason), ZIP_BOMB)


def _check_declared(zf: zipfile.ZipFile, max_uncompressed: int) -> Finding | None:
    """What the central directory declares: a cheap first refusal, never trusted alone."""
    infos = zf.infolist()
    total = sum(i.file_size for i in infos)
    if total > max_uncompressed:
        return _file_error(msg(ZIP_BOMB, size=_mb(total), limit=_mb(max_uncompressed)), ZIP_BOMB)
    for i in infos:
        if i.file_size > RATIO_CHECK_FROM_BYTES and i.file_size > MAX_COMPRESSION_RATIO * max(
            i.compress_size, 1
        ):
            return _file_error(
                msg(
                    "berkas_mencurigakan_bagian",
                    part=i.filename,
                    size=_mb(i.file_size),
                    packed=_mb(i.compress_size),
                ),
                ZIP_BOMB,
            )
    if "xl/workbook.xml" not in zf.namelist():
        return _file_error(msg(NOT_WORKBOOK), NOT_WORKBOOK)
    return None


def _too_many_sheets(count: int, limit: int) -> Finding:
    return _file_error(msg(TOO_MANY_SHEETS, n=_count(count), limit=_count(limit)), TOO_MANY_SHEETS)


def _oversize_sheet(
    archive: SafeArchive, sheet: Sheet, name: str, limits: ReadLimits
) -> Finding | None:
    """An error when the sheet's cells reach past the row or column limit.

    Measured on the sheet's XML before the parser sees it: calamine builds a
    dense rows × columns grid, so one value typed far away costs gigabytes.
    """
    try:
        xml = archive.members[_sheet_part(archive.members, name)]
    except Exception:  # no part found: the parser will say what is wrong
        return None
    rows, columns = _upper_extent(xml)
    if rows > limits.max_rows or columns > limits.max_columns:
        rows, columns = sheet_extent(xml)  # the precise, slower count
    if rows > limits.max_rows:
        what = msg("ukuran_baris", n=_count(rows), limit=_count(limits.max_rows))
    elif columns > limits.max_columns:
        what = msg("ukuran_kolom", n=_count(columns), limit=_count(limits.max_columns))
    else:
        return None
    return error(sheet.name, "", msg(SHEET_TOO_LARGE, what=what), SHEET_TOO_LARGE)


_CELL_TAG = re.compile(rb"<(?:\w+:)?(row|c)\b([^>]*?)(/?)>")
_R_ATTR = re.compile(rb'\br="([A-Z]*)([0-9]*)"')
_REFS_WITH_VALUE = re.compile(rb'<(?:\w+:)?c r="([A-Z]+)([0-9]+)"[^>]*?(?<!/)>')


_ANY_CELL_ROW = re.compile(rb'<(?:\w+:)?c r="[A-Z]{1,3}([0-9]+)"')
_WIDE_CELL = re.compile(rb'<(?:\w+:)?c r="([A-Z]{2,3})[0-9]')


def _upper_extent(xml: bytes) -> tuple[int, int]:
    """At least the extent :func:`sheet_extent` finds, counting empty styled cells too.

    Cheap (a few C-level scans): decides for every normal sheet; only a
    sheet past a limit gets the precise count.
    """
    if xml.count(b"<c ") + xml.count(b"<c>") != xml.count(b'<c r="'):
        return _counted_extent(xml)
    rows = max(map(int, _ANY_CELL_ROW.findall(xml)), default=0)
    columns = max(map(_column_number, set(_WIDE_CELL.findall(xml))), default=26)
    return rows, columns


def sheet_extent(xml: bytes) -> tuple[int, int]:
    """(last row, last column), 1-based, of the cells that hold something in a sheet's XML.

    Empty self-closed cells (formatting only) do not count. Excel,
    LibreOffice and openpyxl write every cell's reference (``r="B7"``), which
    a quick scan finds; cells without one are placed by counting.
    """
    if xml.count(b"<c ") + xml.count(b"<c>") == xml.count(b'<c r="'):
        rows = columns = 0
        for letters, digits in _REFS_WITH_VALUE.findall(xml):
            rows = max(rows, int(digits))
            columns = max(columns, _column_number(letters))
        return rows, columns
    return _counted_extent(xml)


def _counted_extent(xml: bytes) -> tuple[int, int]:
    rows = columns = row = column = 0
    for tag, attrs, closed in _CELL_TAG.findall(xml):
        ref = _R_ATTR.search(attrs)
        if tag == b"row":
            row = int(ref.group(2)) if ref and ref.group(2) else row + 1
            column = 0
            continue
        if ref and ref.group(1):
            column = _column_number(ref.group(1))
            row = int(ref.group(2) or row)
        else:
            column += 1
        if not closed:
            rows, columns = max(rows, row), max(columns, column)
    return rows, columns


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _count(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _ole2_finding(data: bytes) -> Finding:
    if any(name in data for name in _ENCRYPTED_STREAMS):
        return _file_error(msg(ENCRYPTED), ENCRYPTED)
    return _file_error(msg(LEGACY_XLS), LEGACY_XLS)


def _not_xlsx_finding(data: bytes) -> Finding:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(_MARKUP_STARTS):
        what = msg("bukan_xlsx.html")
    elif _looks_like_text(head) and any(sep in head for sep in (b",", b";", b"\t")):
        what = msg("bukan_xlsx.csv")
    else:
        what = msg("bukan_xlsx.other")
    return _file_error(msg(NOT_XLSX, what=what), NOT_XLSX)


def _looks_like_text(head: bytes) -> bool:
    printable = sum(32 <= b < 127 or b in b"\t\r\n" for b in head)
    return printable >= 0.9 * len(head)


def _unreadable(exc: Exception) -> Finding:
    return _file_error(msg(UNREADABLE, detail=_brief(exc)), UNREADABLE)


def _brief(exc: Exception) -> str:
    """First line of a library error: enough for support, short for users."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _file_error(message: Text, rule: str) -> Finding:
    return error("", "", message, rule)


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


# --- sheets -----------------------------------------------------------------------------


def _match_sheets(file_names: list[str]) -> tuple[dict[str, str], list[Finding]]:
    """Contract sheet name -> name in the file, plus missing/extra sheet findings."""
    wanted = {sheet_key(s.name): s.name for s in SHEETS}
    matched: dict[str, str] = {}
    findings: list[Finding] = []
    for name in file_names:
        key = sheet_key(name)
        if key not in wanted:
            if key not in TEMPLATE_SHEETS:
                findings.append(
                    warning(
                        name,
                        "",
                        msg(SHEET_EXTRA, sheet=name),
                        SHEET_EXTRA,
                    )
                )
        elif wanted[key] in matched:
            findings.append(
                warning(
                    name,
                    "",
                    msg(SHEET_DUPLICATE, sheet=name, first=matched[wanted[key]]),
                    SHEET_DUPLICATE,
                )
            )
        else:
            matched[wanted[key]] = name
    for sheet in SHEETS:
        if sheet.name not in matched:
            findings.append(
                error(
                    sheet.name,
                    "",
                    msg(SHEET_MISSING, sheet=sheet.name),
                    SHEET_MISSING,
                )
            )
    return matched, findings


def _load_grid(excel: fastexcel.ExcelReader, name: str) -> _Grid:
    columns, text = _load_sheet(excel, name, "string")

    def load_booleans() -> list[list[bool | None]]:
        return [s.to_list() for s in _load_sheet(excel, name, "boolean")[1].iter_columns()]

    return _Grid(
        columns=columns,
        text=[s.to_list() for s in text.iter_columns()],
        frame=text,
        load_booleans=load_booleans,
    )


def _load_sheet(
    excel: fastexcel.ExcelReader, name: str, dtype: str
) -> tuple[list[int], pl.DataFrame]:
    """One pass over a sheet: the 0-based sheet column of each frame column, and the frame."""
    try:
        # skip_rows=0 keeps leading empty rows, so frame row i is Excel row i + 1.
        sheet = excel.load_sheet(name, header_row=None, skip_rows=0, dtypes=dtype)
        return [c.absolute_index for c in sheet.selected_columns], sheet.to_polars()
    except Exception as exc:  # calamine raises many types; none may reach the user
        raise _SheetUnreadable from exc


def _read_table(
    sheet: Sheet, grid: _Grid, findings: list[Finding], blanks: list[_Blank], limits: ReadLimits
) -> SheetData:
    """Header row, column map, data rows and typed frame of a table sheet."""
    header = _find_header(sheet, grid, findings)
    if header is None:
        return SheetData(sheet, empty_frame(sheet))
    header_row, positions = header
    rows = _data_rows(sheet, grid, header_row, positions, findings)
    typed: list[pl.Series] = []
    bad: dict[str, set[int]] = {}
    for f in sheet.fields:
        if f.name in positions:
            column, bad[f.name] = _parse_column(
                sheet, f, grid, positions[f.name], rows, findings, blanks, limits
            )
        else:  # missing column: already reported; rules must not run on it
            column = pl.Series(f.name, [None] * len(rows), _DTYPES[f.kind])
            bad[f.name] = set(range(len(rows)))
        typed.append(column)
    typed.append(pl.Series("_row", [i + 1 for i in rows], pl.Int64))
    columns = {name: grid.columns[pos] for name, pos in positions.items()}
    return SheetData(sheet, pl.DataFrame(typed), columns=columns, bad=bad)


def _find_header(
    sheet: Sheet, grid: _Grid, findings: list[Finding]
) -> tuple[int, dict[str, int]] | None:
    """(row index, field name -> grid column position) of the header row, or None.

    The header is the first of the first ten rows holding every required
    column label. Missing optional columns, unknown and duplicate columns
    are reported here.
    """
    labels = {header_key(f.label): f for f in sheet.fields}
    required = {f.name for f in sheet.fields if f.required}
    best_count, best_row = 0, None  # the candidate closest to a header
    for i in range(min(HEADER_SEARCH_ROWS, grid.height)):
        names = {labels[k].name for k in _row_keys(grid, i) if k in labels}
        if required <= names:
            return i, _header_positions(sheet, grid, i, labels, findings)
        if len(names & required) > best_count:
            best_count, best_row = len(names & required), i
    findings.append(_header_not_found(sheet, grid, best_row, labels, required))
    return None


def _row_keys(grid: _Grid, i: int) -> list[str]:
    return [header_key(col[i]) for col in grid.text if col[i] and col[i].strip()]


def _header_positions(
    sheet: Sheet, grid: _Grid, i: int, labels: dict[str, Field], findings: list[Finding]
) -> dict[str, int]:
    positions: dict[str, int] = {}
    for pos, col in enumerate(grid.text):
        if not col[i] or not col[i].strip():
            continue
        ref = cell_ref(grid.columns[pos], i + 1)
        f = labels.get(header_key(col[i]))
        if f is None:
            findings.append(
                warning(
                    sheet.name,
                    ref,
                    msg(COLUMN_UNKNOWN, column=col[i].strip()),
                    COLUMN_UNKNOWN,
                )
            )
        elif f.name in positions:
            first = cell_ref(grid.columns[positions[f.name]], i + 1)
            findings.append(
                error(
                    sheet.name,
                    ref,
                    msg(COLUMN_DUPLICATE, column=f.label, first=first),
                    COLUMN_DUPLICATE,
                )
            )
        else:
            positions[f.name] = pos
    for f in sheet.fields:
        # A version-1 file has no version-2 columns: nothing to report.
        if f.name not in positions and f.since == "1":
            findings.append(_missing_column(sheet, f, i + 1))
    return positions


def column_needed(sheet: Sheet, f: Field) -> bool:
    """Whether a table column must be present: required, or used by a rule or uniqueness.

    NIP and Tanggal Selesai may be empty in a row, but without the column
    the NIP rule, uniqueness and the complaint Status rule cannot work.
    Columns a later format version added are never needed: a version-1
    file does not have them, and their rules only check them where filled.
    """
    if f.since != "1":
        return False
    return (
        f.required
        or f.name in sheet.unique
        or any(f.name in rule.check.meta.root_names() for rule in sheet.rules)
    )


def _missing_column(sheet: Sheet, f: Field, header_row: int) -> Finding:
    """A missing column is an error when needed, else a warning (read as empty)."""
    if column_needed(sheet, f):
        return error(
            sheet.name,
            "",
            msg(COLUMN_MISSING, column=f.label, row=header_row),
            COLUMN_MISSING,
        )
    return warning(
        sheet.name,
        "",
        msg(OPTIONAL_COLUMN_MISSING, column=f.label, row=header_row),
        OPTIONAL_COLUMN_MISSING,
    )


def _header_not_found(
    sheet: Sheet, grid: _Grid, best_row: int | None, labels: dict[str, Field], required: set[str]
) -> Finding:
    expected = ", ".join(f.label for f in sheet.fields if f.name in required)
    if best_row is None:
        return error(
            sheet.name,
            "",
            msg(HEADER_NOT_FOUND, rows=HEADER_SEARCH_ROWS, expected=expected),
            HEADER_NOT_FOUND,
        )
    present = {labels[k].name for k in _row_keys(grid, best_row) if k in labels}
    missing = ", ".join(f.label for f in sheet.fields if f.name in required - present)
    return error(
        sheet.name,
        "",
        msg("judul_kolom_tidak_lengkap", missing=missing, row=best_row + 1, expected=expected),
        HEADER_NOT_FOUND,
    )


def _data_rows(
    sheet: Sheet, grid: _Grid, header_row: int, positions: dict[str, int], findings: list[Finding]
) -> list[int]:
    """Row indices below the header holding data: empty and totals rows dropped."""
    start = header_row + 1
    rows = []
    for i, cells in enumerate(zip(*(grid.text[p][start:] for p in positions.values())), start):
        if not any(text and text.strip(_WHITE_SPACE) for text in cells):
            continue
        if (totals := _totals_cell(grid, i)) is not None:
            findings.append(
                warning(
                    sheet.name,
                    totals,
                    msg(TOTALS_ROW, row=i + 1),
                    TOTALS_ROW,
                )
            )
        else:
            rows.append(i)
    return rows


def _totals_cell(grid: _Grid, i: int) -> str | None:
    """Reference of the row's first non-empty cell when it starts with JUMLAH/TOTAL.

    A number or boolean cell never renders as such a text, so how cells are
    stored does not matter here.
    """
    for pos, col in enumerate(grid.text):
        text = (col[i] or "").strip()
        if text:
            is_totals = text.casefold().startswith(TOTALS_PREFIXES)
            return cell_ref(grid.columns[pos], i + 1) if is_totals else None
    return None


def _parse_column(
    sheet: Sheet,
    f: Field,
    grid: _Grid,
    pos: int,
    rows: list[int],
    findings: list[Finding],
    blanks: list[_Blank],
    limits: ReadLimits,
) -> tuple[pl.Series, set[int]]:
    """The typed column of one field at the given row indices, and its unusable rows."""
    cells, parsed = _parse_distinct(f, grid, pos, rows, limits.max_cell_chars)
    unusable = {
        cell
        for cell, (value, problem) in parsed.items()
        if problem is not None or (value is None and f.required)
    }
    bad = {k for k, cell in enumerate(cells) if cell in unusable} if unusable else set()
    for k in sorted(bad):
        ref = cell_ref(grid.columns[pos], rows[k] + 1)
        problem = parsed[cells[k]][1]
        if problem is not None:
            findings.append(_problem_finding(sheet, ref, problem))
        else:  # required but empty
            blanks.append(_Blank(sheet, f, ref))
    return _typed_column(f, grid, pos, rows, cells, parsed), bad


def _parse_distinct(
    f: Field, grid: _Grid, pos: int, rows: list[int], max_chars: int
) -> tuple[list, dict]:
    """Each row's cell, and each distinct cell parsed.

    A cell is its text, or (text, stored as a number) where the storage type
    can change the reading. Values repeat a lot down a column (counts,
    choices, dates), so parsing each distinct cell once saves most of the work.
    """
    column = grid.text[pos]
    texts = [column[i] for i in rows]
    distinct = set(texts)
    known = _parsed_before(f)
    new = [t for t in distinct if t not in known]
    if not any(numeric_matters(f, t) for t in new):  # known texts passed this test before
        for t in new:
            known[t] = _parse_within(f, t, False, max_chars)
        return texts, {t: known[t] for t in distinct}
    numeric = grid.numeric(pos)
    cells = [(t, numeric[i]) for t, i in zip(texts, rows)]
    return cells, {cell: _parse_within(f, *cell, max_chars) for cell in set(cells)}


def _parse_within(f: Field, text: str | None, numeric: bool, max_chars: int) -> Parsed:
    """``parse_cell``, refusing a text longer than ``max_chars`` (never stored as is)."""
    if text is not None and len(text) > max_chars:
        limit = _count(max_chars)
        return None, Problem(
            CELL_TOO_LONG,
            msg(CELL_TOO_LONG, label=f.label, n=_count(len(text)), limit=limit),
            msg("ukuran_karakter", n=_count(len(text))).render("id"),
            msg("harap.paling_panjang", limit=limit),
        )
    return parse_cell(f, text, numeric)


def _parsed_before(f: Field) -> dict[str | None, Parsed]:
    """Texts of ``f`` parsed before, all read the same whatever their storage type.

    Counts, choices, dates and staff names recur in every report. Capped,
    since complaint numbers and summaries do not.
    """
    known = _PARSED.get(f)
    if known is None or len(known) > _PARSED_MAX:
        known = _PARSED[f] = {}  # a new dict: a read in another thread keeps the old one
    return known


_PARSED: dict[Field, dict[str | None, Parsed]] = {}
_PARSED_MAX = 2000


def _typed_column(
    f: Field, grid: _Grid, pos: int, rows: list[int], cells: list, parsed: dict
) -> pl.Series:
    """The field's values as a polars column.

    Usually every value is its cell's text as it stands (a name, a choice, a
    count like ``12``): then the text column calamine gave, cast, is the
    column, and building it from Python values (slow in polars) is skipped.
    """
    dtype = _DTYPES[f.kind]
    if (
        rows
        and rows[-1] - rows[0] == len(rows) - 1
        and all(_spells(cell, value) for cell, (value, _) in parsed.items())
    ):
        return grid.frame.to_series(pos).slice(rows[0], len(rows)).cast(dtype).alias(f.name)
    return pl.Series(f.name, [parsed[cell][0] for cell in cells], dtype)


def _spells(cell: str | tuple | None, value: object) -> bool:
    """Whether the cell's text is exactly how polars writes ``value`` (so a cast gives it)."""
    if cell is None:
        return value is None
    if isinstance(value, str):
        return value == cell
    return type(value) is int and str(value) == cell


def _read_key_value(
    sheet: Sheet, grid: _Grid, findings: list[Finding], blanks: list[_Blank], limits: ReadLimits
) -> SheetData:
    """Labels in column A, values in column B; one-row typed frame."""
    labels = {header_key(f.label): f for f in sheet.fields}
    label_pos = grid.columns.index(0) if 0 in grid.columns else None
    value_pos = grid.columns.index(1) if 1 in grid.columns else None
    rows: dict[str, int] = {}
    for i, text in enumerate(grid.text[label_pos] if label_pos is not None else []):
        f = labels.get(header_key(text)) if text else None
        if f is None:
            continue
        if f.name in rows:
            findings.append(
                warning(
                    sheet.name,
                    f"A{i + 1}",
                    msg(LABEL_DUPLICATE, label=f.label, row=rows[f.name] + 1),
                    LABEL_DUPLICATE,
                )
            )
        else:
            rows[f.name] = i
    record: dict[str, object] = {}
    bad: dict[str, set[int]] = {}
    for f in sheet.fields:
        if f.name not in rows:
            record[f.name], bad[f.name] = None, {0}
            if f.required:
                findings.append(
                    error(
                        sheet.name,
                        "",
                        msg(LABEL_MISSING, label=f.label, sheet=sheet.name),
                        LABEL_MISSING,
                    )
                )
            continue
        i = rows[f.name]
        text = grid.text[value_pos][i] if value_pos is not None else None
        numeric = numeric_matters(f, text) and grid.numeric(value_pos)[i]
        record[f.name], problem = _parse_within(f, text, numeric, limits.max_cell_chars)
        if problem is not None:
            findings.append(_problem_finding(sheet, f"B{i + 1}", problem))
            bad[f.name] = {0}
        elif record[f.name] is None and f.required:
            blanks.append(_Blank(sheet, f, f"B{i + 1}"))
            bad[f.name] = {0}
    frame = pl.DataFrame([tuple(record.values())], schema=_schema(sheet), orient="row")
    columns = {name: 1 for name in rows}
    label_rows = {name: i + 1 for name, i in rows.items()}
    return SheetData(sheet, frame, columns=columns, label_rows=label_rows, bad=bad)


# --- required cells left empty, and formulas without a saved value ----------------------


def _blank_findings(
    members: dict[str, bytes], matched: dict[str, str], blanks: list[_Blank]
) -> list[Finding]:
    """Findings for empty required cells; the sheet XML is scanned only if there are any."""
    if not blanks:
        return []
    formulas: dict[str, set[str]] = {}
    for sheet_name in {b.sheet.name for b in blanks}:
        formulas[sheet_name] = _formula_cells(members, matched[sheet_name])
    return [_blank_finding(b, b.ref in formulas[b.sheet.name]) for b in blanks]


def _blank_finding(blank: _Blank, is_formula: bool) -> Finding:
    label, sheet = blank.field.label, blank.sheet.name
    if is_formula:
        return error(
            sheet, blank.ref, msg(FORMULA_WITHOUT_VALUE, label=label), FORMULA_WITHOUT_VALUE
        )
    return error(
        sheet,
        blank.ref,
        msg(VALUE_REQUIRED, label=label),
        VALUE_REQUIRED,
        found=msg("kosong").render(),
        expected=expected(blank.field),
    )


def _problem_finding(sheet: Sheet, ref: str, problem: Problem) -> Finding:
    return error(
        sheet.name,
        ref,
        problem.text,
        problem.rule,
        found=problem.found,
        expected=problem.expected,
    )


_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_REF = re.compile(rb'\br="([A-Z]+[0-9]+)"')
_FORMULA = re.compile(rb"<(?:\w+:)?f\b")


def formula_cells(data: bytes, sheet_name: str) -> set[str]:
    """References (``B5``) of the cells holding a formula in one sheet of the file.

    Reads the sheet's XML part directly (calamine only gives values). Any
    problem gives an empty set: this only sharpens a message.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            members = {name: zf.read(name) for name in _PARTS_NEEDED if name in zf.namelist()}
            members[part] = zf.read(part := _sheet_part(members, sheet_name))
    except Exception:  # best effort only
        return set()
    return _formula_cells(members, sheet_name)


_PARTS_NEEDED = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")


def _formula_cells(members: dict[str, bytes], sheet_name: str) -> set[str]:
    try:
        xml = members[_sheet_part(members, sheet_name)]
    except Exception:  # best effort only
        return set()
    found = set()
    for m in _CELL.finditer(xml):
        if m.group(2) and _FORMULA.search(m.group(2)) and (ref := _REF.search(m.group(1))):
            found.add(ref.group(1).decode())
    return found


def _sheet_part(members: dict[str, bytes], sheet_name: str) -> str:
    """Archive path of a sheet's XML, via xl/workbook.xml and its relationships."""
    rel_id = next(
        value
        for el in ET.fromstring(members["xl/workbook.xml"]).iter()
        if el.tag.endswith("}sheet") and el.get("name") == sheet_name
        for key, value in el.attrib.items()
        if key.endswith("}id")
    )
    target = next(
        el.get("Target")
        for el in ET.fromstring(members["xl/_rels/workbook.xml.rels"])
        if el.get("Id") == rel_id
    )
    if target.startswith("/"):
        return target.lstrip("/")
    return str(PurePosixPath("xl") / target)
