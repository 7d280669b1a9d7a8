"""The clerk's own workbook back, with every faulty cell marked.

The file a clerk fixes is the file they sent: each finding that names a
cell gets a coloured fill (red for an error, amber for a warning) and a
comment carrying its message in Bahasa Indonesia, with the value expected.
Findings without a cell (a missing column, a missing sheet) go into one
note on the first sheet, so nothing is lost. Only ``.xlsx``/``.xlsm`` can be
written back; a file openpyxl cannot open gets no annotated copy.
"""

from __future__ import annotations

import io
import zipfile
from collections import defaultdict

from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

from data_loaders.findings import Finding
from data_loaders.schema import sheet_key

ERROR_FILL = "FFC7CE"  # Excel's own "bad" red
WARNING_FILL = "FFEB9C"  # and its "neutral" amber
AUTHOR = "Dasbor UPT"
NOTE_CELL = "A1"
_COMMENT_WIDTH, _COMMENT_LINE_HEIGHT = 320, 18


def annotated_workbook(data: bytes, filename: str, findings: list[Finding]) -> bytes | None:
    """``data`` with the findings marked on their cells, or None when it cannot be written.

    In: the uploaded bytes, the uploaded name (``.xlsm`` keeps its macros)
    and the report's findings. Out: workbook bytes, or None for a file that
    openpyxl cannot open (a corrupt or non-xlsx file: its findings are about
    the whole file anyway) or when there is nothing to mark.
    """
    if not findings:
        return None
    try:
        wb = load_workbook(io.BytesIO(data), keep_vba=filename.lower().endswith(".xlsm"))
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        return None
    sheets = {sheet_key(ws.title): ws for ws in wb.worksheets}
    by_cell: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    loose: list[Finding] = []
    for f in findings:
        ws = sheets.get(sheet_key(f.sheet)) if f.sheet else None
        if ws is not None and f.has_cell:
            by_cell[ws.title, f.cell].append(f)
        else:
            loose.append(f)
    for (title, ref), marked in by_cell.items():
        cell = wb[title][ref]
        colour = ERROR_FILL if any(f.is_error for f in marked) else WARNING_FILL
        cell.fill = PatternFill("solid", fgColor=colour)
        _comment(cell, [_line(f) for f in marked])
    if loose:
        first = wb.worksheets[0]
        _comment(
            first[NOTE_CELL],
            ["Temuan tanpa sel tertentu:", *(f"{f.location}: {_line(f)}" for f in loose)],
        )
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def annotated_filename(filename: str) -> str:
    """``laporan.xlsx`` -> ``laporan_diperiksa.xlsx`` (the extension is kept)."""
    stem, dot, suffix = filename.rpartition(".")
    return f"{stem}_diperiksa.{suffix}" if dot else f"{filename}_diperiksa.xlsx"


def _line(f: Finding) -> str:
    label = "KESALAHAN" if f.is_error else "Peringatan"
    expected = f" (seharusnya: {f.expected_in('id')})" if f.expected is not None else ""
    return f"{label}: {f.message}{expected}"


def _comment(cell, lines: list[str]) -> None:
    existing = cell.comment.text + "\n" if cell.comment is not None else ""
    body = existing + "\n".join(lines)
    comment = Comment(body, AUTHOR)
    # Long messages: a comment box sized to its text, not Excel's tiny default.
    comment.width = _COMMENT_WIDTH
    comment.height = _COMMENT_LINE_HEIGHT * (2 + len(body) // 45 + body.count("\n"))
    cell.comment = comment
