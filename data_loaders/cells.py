"""Parse one cell value according to its schema field.

The reader hands over each cell as calamine renders it as text, plus a flag
saying whether the workbook stored it as a number (or boolean). Keeping the
flag matters: the text ``1.234`` means 1234 (Indonesian thousands dot) while
the Excel number 1.234 is one and a bit, and an 18-digit NIP that Excel
turned into a number has already lost its last digits.

``parse_cell`` never raises on user data: it returns the typed value, or
``None`` and a :class:`Problem` saying in Bahasa Indonesia what is wrong and
what is expected. An empty cell is ``(None, None)``; whether it may be
empty is the caller's business.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from data_loaders.schema import Field, Kind, header_key
from data_loaders.texts import Text, text
from upt_dashboard.months import MONTH_NAMES

# Rule ids of cell-level findings.
NOT_A_NUMBER = "angka_tidak_valid"
NOT_WHOLE = "bukan_bilangan_bulat"
OUT_OF_RANGE = "di_luar_rentang"
BAD_DATE = "tanggal_tidak_valid"
BAD_MONTH = "bulan_tidak_valid"
BAD_CHOICE = "pilihan_tidak_valid"
NIP_AS_NUMBER = "nip_berformat_angka"
BAD_NIP = "nip_tidak_valid"

NIP_DIGITS = 18
# Whole numbers beyond this are typing accidents, and floats stop being exact.
_LARGEST_WHOLE = 10**15

_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:,\d+)?")
_GROUPED_NUMBER = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_SCIENTIFIC = re.compile(r"\d+(?:[.,]\d+)?[eE][+-]?\d+")
_DMY = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4})")
# yyyy-mm-dd, optionally with the time part calamine adds to Excel date cells.
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_MONTHS = {
    header_key(name): i for names in MONTH_NAMES.values() for i, name in enumerate(names, start=1)
}
_BOOLEAN_TEXT = ("true", "false")
# Control characters other than tab and line breaks: invisible in a cell, and
# PostgreSQL cannot store NUL. Removed from every value, on every backend.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_IGNORE_NUMERIC = (Kind.TEXT, Kind.CHOICE)  # their parsers never look at the flag


@dataclass(frozen=True)
class Problem:
    """Why a cell could not be used: a rule id, the message and what the cell should hold."""

    rule: str
    text: Text
    found: str
    expected: Text

    @property
    def message(self) -> str:
        """The message in Bahasa Indonesia."""
        return self.text.render("id")


def _problem(rule: str, field: Field, found: str, expected: Text, **values) -> Problem:
    return Problem(rule, text(rule, label=field.label, found=found, **values), found, expected)


Parsed = tuple[Any, Problem | None]


def parse_cell(field: Field, text: str | None, numeric: bool = False) -> Parsed:
    """Typed value of one cell for ``field``.

    In: the cell as calamine renders it (``None`` when empty) and whether the
    workbook stored it as a number or boolean. Control characters other than
    tab and line breaks (NUL, ESC, ...) are removed first. Out: ``(value, None)`` with the
    value typed per ``field.kind`` (int, date or str; ``None`` for an empty
    cell), or ``(None, Problem)``.
    """
    if text is None:
        return None, None
    text = text.strip()
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text).strip()
    if not text:
        return None, None
    return _PARSERS[field.kind](field, text, numeric)


def numeric_matters(field: Field, text: str | None) -> bool:
    """Whether ``parse_cell(field, text, numeric)`` can depend on ``numeric``.

    A cell stored as a number or boolean renders as text ``float()`` reads
    (``12``, ``1.234``, ``-0``, ``inf``) or ``true``/``false``; any other text
    comes from a text or date cell. Of the texts that may, most read the
    same either way (``12``), but not ``1.234`` or a NIP. The reader looks up
    how cells are stored only when this is True for some cell.
    """
    if field.kind in _IGNORE_NUMERIC or text is None or not _may_be_number_cell(text):
        return False
    if field.kind is not Kind.NIP and text.isascii() and text.isdigit():
        return False  # the common case, spelled out: digits read as the same number
    return parse_cell(field, text, True) != parse_cell(field, text, False)


def _may_be_number_cell(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return text in _BOOLEAN_TEXT
    return True


def parse_number(text: str, numeric: bool) -> float | None:
    """The number in a cell: an Excel number, or Indonesian-style text.

    ``1.234`` is 1234 and ``12,5`` is 12.5; a text that fits neither style
    (``12.5``, ``1,234.5``, ``abc``) gives ``None``. A boolean cell is not a
    number.
    """
    if numeric:
        if text in _BOOLEAN_TEXT:
            return None
        try:
            return float(text)
        except ValueError:  # calamine renders numbers plainly; never trust that blindly
            return None
    if _PLAIN_NUMBER.fullmatch(text) or _GROUPED_NUMBER.fullmatch(text):
        return float(text.replace(".", "").replace(",", "."))
    return None


def parse_date(text: str) -> date | None:
    """A date from ``dd/mm/yyyy``, ``dd-mm-yyyy`` or ``yyyy-mm-dd``.

    Calamine renders Excel date cells as ``yyyy-mm-dd hh:mm:ss``, which the
    last pattern accepts, so real date cells and typed dates both work.
    ``None`` for anything else, including impossible dates like 31/02/2026.
    """
    if m := _DMY.fullmatch(text):
        day, month, year = (int(g) for g in m.groups())
    elif m := _YMD.fullmatch(text):
        year, month, day = (int(g) for g in m.groups())
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_month(text: str, numeric: bool) -> int | None:
    """Month 1-12 from a number or an Indonesian/English month name."""
    if (month := _MONTHS.get(header_key(text))) is not None:
        return month
    number = parse_number(text, numeric)
    if number is not None and number.is_integer() and 1 <= number <= 12:
        return int(number)
    return None


def _text(field: Field, text: str, numeric: bool) -> Parsed:
    return text, None


def _whole(field: Field, text: str, numeric: bool) -> Parsed:
    number = parse_number(text, numeric)
    if number is None:
        return None, _whole_problem(NOT_A_NUMBER, field, text)
    if not number.is_integer():
        return None, _whole_problem(NOT_WHOLE, field, text)
    value = int(number)
    low, high = _bounds(field)
    if (
        (low is not None and value < low)
        or (high is not None and value > high)
        or abs(value) >= _LARGEST_WHOLE
    ):
        return None, _whole_problem(OUT_OF_RANGE, field, str(value))
    return value, None


def _whole_problem(rule: str, field: Field, found: str) -> Problem:
    return _problem(rule, field, found, expected_whole(field), hint=_expected_whole_sentence(field))


def _bounds(field: Field) -> tuple[int | None, int | None]:
    low = field.min if field.min is not None else (0 if field.kind is Kind.COUNT else None)
    return low, field.max


def _expected_whole_sentence(field: Field) -> Text:
    """What a whole-number field accepts, as a sentence for messages."""
    low, high = _bounds(field)
    if low is not None and high is not None:
        return text("isi.bulat_antara", low=low, high=high)
    if low == 0:
        return text("isi.bulat_nol")
    if low is not None:
        return text("isi.bulat_minimal", low=low)
    if high is not None:
        return text("isi.bulat_maksimal", high=high)
    return text("isi.bulat")


def expected_whole(field: Field) -> Text:
    """What a whole-number field accepts, in a few words ("bilangan bulat 0–23")."""
    low, high = _bounds(field)
    if low is not None and high is not None:
        return text("harap.rentang", low=low, high=high)
    if low is not None:
        return text("harap.minimal", low=low)
    if high is not None:
        return text("harap.maksimal", high=high)
    return text("harap.bulat")


def expected(field: Field) -> Text:
    """What a cell of ``field`` should hold, in a few words, for any kind of field."""
    if field.choices:
        return text("harap.pilihan", choices=", ".join(field.choices))
    if field.kind in (Kind.COUNT, Kind.INT):
        return expected_whole(field)
    if field.kind is Kind.DATE:
        return text("harap.tanggal")
    if field.kind is Kind.MONTH:
        return text("harap.bulan")
    if field.kind is Kind.NIP:
        return text("harap.nip", digits=NIP_DIGITS)
    return text("harap.diisi")


def _date(field: Field, text: str, numeric: bool) -> Parsed:
    value = None if numeric else parse_date(text)
    if value is None:
        return None, _problem(BAD_DATE, field, text, expected(field))
    return value, None


def _month(field: Field, text: str, numeric: bool) -> Parsed:
    value = parse_month(text, numeric)
    if value is None:
        return None, _problem(BAD_MONTH, field, text, expected(field))
    return value, None


def _choice(field: Field, text: str, numeric: bool) -> Parsed:
    canonical = _choice_map(field.choices).get(header_key(text))
    if canonical is None:
        return None, _problem(
            BAD_CHOICE, field, text, expected(field), choices=", ".join(field.choices)
        )
    return canonical, None


_choice_maps: dict[tuple[str, ...], dict[str, str]] = {}


def _choice_map(choices: tuple[str, ...]) -> dict[str, str]:
    # Built once per choice list: parsing runs for every cell of a column.
    if choices not in _choice_maps:
        _choice_maps[choices] = {header_key(c): c for c in choices}
    return _choice_maps[choices]


def _nip(field: Field, text: str, numeric: bool) -> Parsed:
    if numeric or _SCIENTIFIC.fullmatch(text):
        return None, _problem(NIP_AS_NUMBER, field, text, expected(field))
    digits = "".join(text.split())  # NIPs are often written in groups: 19800101 200501 1 001
    if len(digits) != NIP_DIGITS or not digits.isascii() or not digits.isdigit():
        return None, _problem(BAD_NIP, field, text, expected(field), digits=NIP_DIGITS)
    return digits, None


_PARSERS: dict[Kind, Callable[[Field, str, bool], Parsed]] = {
    Kind.TEXT: _text,
    Kind.COUNT: _whole,
    Kind.INT: _whole,
    Kind.DATE: _date,
    Kind.MONTH: _month,
    Kind.CHOICE: _choice,
    Kind.NIP: _nip,
}
