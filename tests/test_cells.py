"""One cell at a time: numbers, dates, months, choices, NIP."""

from datetime import date

import pytest

from data_loaders import cells
from data_loaders.cells import parse_cell, parse_date, parse_number
from data_loaders.schema import (
    IDENTITAS,
    KEHADIRAN_PEGAWAI,
    SHEETS,
    SURVEI_KEPUASAN,
    Field,
    Kind,
)

COUNT = KEHADIRAN_PEGAWAI.field("hadir")
HARI_KERJA = KEHADIRAN_PEGAWAI.field("hari_kerja")  # count 0-31
USIA = SURVEI_KEPUASAN.field("usia")  # int 10-120, optional
TAHUN = IDENTITAS.field("tahun")
BULAN = IDENTITAS.field("bulan")
TANGGAL = IDENTITAS.field("tanggal_laporan")
STATUS = KEHADIRAN_PEGAWAI.field("status")
PENDIDIKAN_FIELD = SURVEI_KEPUASAN.field("pendidikan")
NIP = KEHADIRAN_PEGAWAI.field("nip")
NAMA = KEHADIRAN_PEGAWAI.field("nama")
CHOICE_WITH_SPACES = Field(
    "Jenis", "jenis", Kind.CHOICE, "", choices=("Bimbingan Mental Spiritual",)
)


@pytest.mark.parametrize(
    "text, numeric, expected",
    [
        ("12", False, 12.0),
        ("1.234", False, 1234.0),  # Indonesian thousands dot
        ("1.234.567", False, 1234567.0),
        ("12,5", False, 12.5),  # Indonesian decimal comma
        ("1.234,5", False, 1234.5),
        ("-3", False, -3.0),
        ("1.234", True, 1.234),  # an Excel number keeps its value
        ("12.5", True, 12.5),
        ("100000000000000000000", True, 1e20),
        ("12.5", False, None),  # a text dot is a thousands separator: 12.5 fits no style
        ("1,234.5", False, None),
        ("1.23", False, None),
        ("abc", False, None),
        ("true", True, None),  # a boolean cell is not a number
    ],
)
def test_parse_number(text, numeric, expected):
    assert parse_number(text, numeric) == expected


@pytest.mark.parametrize(
    "field, text, numeric, expected",
    [
        (COUNT, "12", True, 12),
        (COUNT, "0", True, 0),
        (COUNT, "1.234", False, 1234),
        (COUNT, " 7 ", False, 7),
        (COUNT, None, False, None),
        (COUNT, "   ", False, None),
        (HARI_KERJA, "31", True, 31),
        (USIA, "10", True, 10),
        (USIA, "120", False, 120),
        (TAHUN, "2026", True, 2026),
        (BULAN, "3", True, 3),
        (BULAN, "03", False, 3),
        (BULAN, "Maret", False, 3),
        (BULAN, "maret", False, 3),
        (BULAN, "MARCH", False, 3),
        (BULAN, "  Desember ", False, 12),
        (BULAN, "Agustus", False, 8),
        (TANGGAL, "05/03/2026", False, date(2026, 3, 5)),
        (TANGGAL, "5/3/2026", False, date(2026, 3, 5)),
        (TANGGAL, "05-03-2026", False, date(2026, 3, 5)),
        (TANGGAL, "2026-03-05", False, date(2026, 3, 5)),
        (TANGGAL, "2026-03-05 00:00:00", False, date(2026, 3, 5)),  # an Excel date cell
        (TANGGAL, "2026-03-05 10:30:15.500", False, date(2026, 3, 5)),
        (STATUS, "pns", False, "PNS"),
        (STATUS, "non  asn", False, "Non ASN"),
        (STATUS, " Non ASN ", False, "Non ASN"),
        (CHOICE_WITH_SPACES, "bimbingan   mental\nspiritual", False, "Bimbingan Mental Spiritual"),
        (PENDIDIKAN_FIELD, "d1-d3", False, "D1-D3"),
        (NIP, "198001012005011001", False, "198001012005011001"),
        (NIP, "19800101 200501 1 001", False, "198001012005011001"),
        (NAMA, "  Siti Aminah ", False, "Siti Aminah"),
        (NAMA, "12", True, "12"),
    ],
)
def test_parse_cell_accepts(field, text, numeric, expected):
    assert parse_cell(field, text, numeric) == (expected, None)


@pytest.mark.parametrize(
    "field, text, numeric, rule, says",
    [
        (COUNT, "12,5", False, cells.NOT_WHOLE, "bilangan bulat"),
        (COUNT, "12.5", True, cells.NOT_WHOLE, "bilangan bulat"),
        (COUNT, "-1", True, cells.OUT_OF_RANGE, "0 atau lebih"),
        (COUNT, "-1", False, cells.OUT_OF_RANGE, "0 atau lebih"),
        (COUNT, "tujuh", False, cells.NOT_A_NUMBER, "bukan angka"),
        (COUNT, "12.5", False, cells.NOT_A_NUMBER, "bukan angka"),
        (COUNT, "true", True, cells.NOT_A_NUMBER, "bukan angka"),
        (COUNT, "1000000000000000", True, cells.OUT_OF_RANGE, "di luar rentang"),
        (HARI_KERJA, "32", True, cells.OUT_OF_RANGE, "0–31"),
        (USIA, "9", True, cells.OUT_OF_RANGE, "10–120"),
        (USIA, "121", True, cells.OUT_OF_RANGE, "10–120"),
        (TAHUN, "2014", True, cells.OUT_OF_RANGE, "minimal 2015"),
        (BULAN, "13", True, cells.BAD_MONTH, "1–12"),
        (BULAN, "0", False, cells.BAD_MONTH, "1–12"),
        (BULAN, "3,5", False, cells.BAD_MONTH, "nama bulan"),
        (BULAN, "Maretan", False, cells.BAD_MONTH, "nama bulan"),
        (TANGGAL, "31/02/2026", False, cells.BAD_DATE, "dd/mm/yyyy"),
        (TANGGAL, "2026/03/05", False, cells.BAD_DATE, "dd/mm/yyyy"),
        (TANGGAL, "05/03/26", False, cells.BAD_DATE, "dd/mm/yyyy"),
        (TANGGAL, "46086", True, cells.BAD_DATE, "dd/mm/yyyy"),
        (TANGGAL, "kemarin", False, cells.BAD_DATE, "dd/mm/yyyy"),
        (STATUS, "Honorer", False, cells.BAD_CHOICE, "PNS, PPPK, Non ASN"),
        (NIP, "197001012020121000", True, cells.NIP_AS_NUMBER, "sebagai Teks"),
        (NIP, "1.97E+17", False, cells.NIP_AS_NUMBER, "sebagai Teks"),
        (NIP, "19700101202012100", False, cells.BAD_NIP, "18 digit"),
        (NIP, "1970010120201210011", False, cells.BAD_NIP, "18 digit"),
        (NIP, "19700101202012100X", False, cells.BAD_NIP, "18 digit"),
        (NIP, "１９８００１０１２００５０１１００１", False, cells.BAD_NIP, "18 digit"),
    ],
)
def test_parse_cell_refuses(field, text, numeric, rule, says):
    value, problem = parse_cell(field, text, numeric)
    assert value is None
    assert problem.rule == rule
    assert says in problem.message
    assert field.label in problem.message


@pytest.mark.parametrize(
    "text, expected",
    [
        ("29/02/2024", date(2024, 2, 29)),
        ("29/02/2026", None),
        ("2026-13-01", None),
        ("", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("kind", list(Kind))
def test_every_kind_parses_without_raising(kind):
    value, problem = parse_cell(Field("X", "x", kind, "", choices=("A",)), "x", False)
    assert (value is None) != (problem is None)


def _rendered(value: bool | int | float) -> str:
    """A number or boolean cell as calamine renders it as text (fastexcel's rule)."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return str(value)
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "inf" if value > 0 else "-inf"
    return f"{value:.9f}".rstrip("0").rstrip(".")


STORED_AS_NUMBER = [
    True,
    False,
    0,
    7,
    -3,
    2026,
    12.0,
    1.234,
    12.5,
    -0.0,
    0.1 + 0.2,
    1e20,
    1e-7,
    45000.0,
    1.97e17,
    198001012005011000,
    float("nan"),
    float("inf"),
]
ALL_FIELDS = [f for sheet in SHEETS for f in sheet.fields]


@pytest.mark.parametrize("value", STORED_AS_NUMBER)
def test_numeric_matters_says_when_the_storage_type_changes_the_reading(value):
    text = _rendered(value)
    for field in ALL_FIELDS:
        same = parse_cell(field, text, True) == parse_cell(field, text, False)
        assert cells.numeric_matters(field, text) == (not same)


@pytest.mark.parametrize(
    "text",
    [
        "12,5",
        "1.234,5",
        "05/03/2026",
        "2026-03-05 00:00:00",
        "19800101 200501 1 001",
        "Maret",
        "abc",
        " ",
        None,
    ],
)
def test_numeric_matters_not_for_text_no_number_cell_renders_as(text):
    assert not any(cells.numeric_matters(field, text) for field in ALL_FIELDS)


def test_numeric_matters_for_nips_and_decimal_points():
    assert cells.numeric_matters(NIP, "198001012005011001")
    assert cells.numeric_matters(COUNT, "1.234")
    assert not cells.numeric_matters(COUNT, "12")
    assert not cells.numeric_matters(NAMA, "12")
