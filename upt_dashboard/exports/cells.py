"""Writing values into spreadsheet cells so that text can never run as a formula.

Complaint summaries, names and other text come from uploaded workbooks. A
summary such as ``=HYPERLINK("http://…","klik")``, ``+1`` or ``@SUM(A1)``
must reach the reader's Excel as the words it is, never as a formula,
a link or a DDE call. Every text value of an exported workbook goes
through :func:`put`: it is stored as a string cell (``t="inlineStr"``, no
``<f>`` element) and, when it starts like a formula, marked with Excel's
quote prefix so it stays text even after the reader edits the cell.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import polars as pl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.worksheet.worksheet import Worksheet

from upt_dashboard.exports.text import msg
from upt_dashboard.indicators.status import shown_value_expr
from upt_dashboard.rounding import round_expr

# What Excel, LibreOffice and Google Sheets read as the start of a formula
# (OWASP "CSV injection"): = + - @, and tab/CR which some of them skip first.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Decimals kept for a number column of a CSV download that is not an indicator value.
CSV_DECIMALS = 4
DATE_FORMAT = "dd/mm/yyyy"


def looks_like_formula(value: str) -> bool:
    return value.startswith(FORMULA_TRIGGERS)


def put(
    ws: Worksheet, row: int, column: int, value: object, number_format: str | None = None
) -> Cell:
    """Write ``value`` into ``ws`` at (row, column), text always as inert text.

    Numbers keep their type (with ``number_format`` if given), dates get
    ``dd/mm/yyyy``, None leaves the cell empty, anything else is text.
    """
    cell = ws.cell(row=row, column=column)
    if value is None:
        return cell
    if isinstance(value, bool):
        value = msg("export.yes") if value else msg("export.no")
    if isinstance(value, (int, float)):
        cell.value = value
        if number_format:
            cell.number_format = number_format
        return cell
    if isinstance(value, (date, datetime)):
        cell.value = value
        cell.number_format = number_format or DATE_FORMAT
        return cell
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    cell.value = text
    # openpyxl turns any string starting with "=" into a formula cell; say it is text.
    cell.data_type = "s"
    if looks_like_formula(text):
        cell.quotePrefix = True
    return cell


def csv_text(value: str) -> str:
    """Text for a CSV cell that a spreadsheet opens as text, not as a formula.

    CSV has no cell types, so the usual defence is a leading apostrophe.
    """
    return "'" + value if looks_like_formula(value) else value


def csv_bytes(frame: pl.DataFrame) -> bytes:
    """CSV (UTF-8 with BOM, so Excel reads the accents) whose text cannot run as a formula.

    Numbers are rounded half up (``upt_dashboard.rounding``): an indicator
    ``value`` beside its ``indicator_id`` to the digits the screen shows,
    any other decimal column to :data:`CSV_DECIMALS` places.
    """
    frame = round_numbers(frame)
    risky = "^[" + re.escape("".join(FORMULA_TRIGGERS)) + "]"
    text_columns = [c for c, dtype in frame.schema.items() if dtype == pl.String]
    safe = frame.with_columns(
        pl.when(pl.col(c).str.contains(risky))
        .then(pl.lit("'") + pl.col(c))
        .otherwise(pl.col(c))
        .alias(c)
        for c in text_columns
    )
    return "\ufeff".encode() + safe.write_csv().encode()


def round_numbers(frame: pl.DataFrame) -> pl.DataFrame:
    """Decimal columns rounded as :func:`csv_bytes` says (integers and text untouched)."""
    floats = [c for c, dtype in frame.schema.items() if dtype in (pl.Float32, pl.Float64)]
    indicator_values = "indicator_id" in frame.columns and "value" in floats
    return frame.with_columns(
        (
            shown_value_expr()
            if c == "value" and indicator_values
            else round_expr(pl.col(c), CSV_DECIMALS)
        ).alias(c)
        for c in floats
    )
