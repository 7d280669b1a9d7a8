"""Files refused before parsing: each gives one file-level finding, never a traceback."""

import hashlib
import io
import random
import struct
import zipfile

import pytest

from data_loaders.report import load_report
from data_loaders.schema import SHEETS
from data_loaders.template import workbook_bytes
from tests.workbooks import build_workbook, context


@pytest.fixture(scope="module")
def valid() -> bytes:
    return workbook_bytes(build_workbook())


def zip_of(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return buffer.getvalue()


def ole2(*stream_names: str) -> bytes:
    """An OLE2 compound file as far as the checks look: magic + directory names."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    directory = b"".join(n.encode("utf-16-le").ljust(64, b"\0") for n in stream_names)
    return header + directory + bytes(1024)


def zip_bomb(size: int) -> bytes:
    """A workbook-looking zip with one member of ``size`` zero bytes, written in chunks."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", b"<workbook/>")
        with zf.open("xl/worksheets/sheet1.xml", "w") as member:
            chunk = bytes(1024 * 1024)
            for _ in range(size // len(chunk)):
                member.write(chunk)
    return buffer.getvalue()


def with_lying_size(data: bytes, name: str, declared: int) -> bytes:
    """The zip with ``name``'s uncompressed size rewritten in both headers."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    patched = bytearray(data)
    struct.pack_into("<I", patched, info.header_offset + 22, declared)
    central = patched.index(b"PK\x01\x02")
    while patched[central + 46 : central + 46 + len(name)] != name.encode():
        central = patched.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", patched, central + 24, declared)
    return bytes(patched)


def with_flipped_byte(data: bytes, marker: bytes) -> bytes:
    at = data.index(marker)
    return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :]


CASES = {
    "random bytes": (
        lambda v: random.Random(7).randbytes(4096),
        "laporan.xlsx",
        "bukan_xlsx",
        "bukan berkas Excel",
    ),
    "csv renamed": (
        lambda v: b"Kode UPT;Nama UPT\nPSTW-JBG;Jombang\n",
        "laporan.xlsx",
        "bukan_xlsx",
        "CSV",
    ),
    "html renamed": (
        lambda v: b"\n<html><body><table><tr><td>1</td></tr></table></body></html>",
        "laporan.xlsx",
        "bukan_xlsx",
        "HTML",
    ),
    "empty": (lambda v: b"", "laporan.xlsx", "berkas_kosong", "kosong"),
    "truncated": (lambda v: v[: len(v) // 2], "laporan.xlsx", "berkas_rusak", "rusak"),
    "crc mismatch": (
        lambda v: with_flipped_byte(
            zip_of({"xl/workbook.xml": b"<workbook/>"}, zipfile.ZIP_STORED), b"<workbook/>"
        ),
        "laporan.xlsx",
        "berkas_rusak",
        "rusak",
    ),
    "lying size header": (
        lambda v: with_lying_size(
            zip_of({"xl/workbook.xml": b"<w/>" * 5000}), "xl/workbook.xml", 10
        ),
        "laporan.xlsx",
        "berkas_rusak",
        "rusak",
    ),
    "encrypted": (
        lambda v: ole2("Root Entry", "EncryptionInfo", "EncryptedPackage"),
        "laporan.xlsx",
        "berkas_terenkripsi",
        "kata sandi",
    ),
    "legacy xls": (
        lambda v: ole2("Root Entry", "Workbook", "SummaryInformation"),
        "laporan.xlsx",
        "berkas_xls",
        ".xls",
    ),
    "zip without workbook": (
        lambda v: zip_of({"word/document.xml": b"<w:document/>"}),
        "laporan.xlsx",
        "bukan_workbook",
        "xl/workbook.xml",
    ),
    "unparsable workbook part": (
        lambda v: zip_of({"xl/workbook.xml": b"garbage<<"}),
        "laporan.xlsx",
        "berkas_tidak_terbaca",
        "simpan ulang",
    ),
    "zip bomb": (
        lambda v: zip_bomb(8 * 1024 * 1024),
        "laporan.xlsx",
        "berkas_mencurigakan",
        "mencurigakan",
    ),
    "xls file name": (lambda v: v, "laporan.xls", "ekstensi_tidak_didukung", ".xlsx"),
    "csv file name": (lambda v: v, "laporan.csv", "ekstensi_tidak_didukung", ".xlsx"),
    "no file name suffix": (lambda v: v, "laporan", "ekstensi_tidak_didukung", ".xlsx"),
}


@pytest.mark.parametrize("make, filename, rule, says", CASES.values(), ids=CASES.keys())
def test_bad_file_is_refused_with_one_clear_finding(valid, make, filename, rule, says):
    data = make(valid)
    report = load_report(data, filename, context())
    assert [(f.rule, f.sheet, f.location) for f in report.findings] == [(rule, "", "(berkas)")]
    assert says in report.findings[0].message
    assert not report.ok
    assert report.sha256 == hashlib.sha256(data).hexdigest()
    assert (report.unit_code, report.period) == (None, None)
    assert set(report.frames) == {s.name for s in SHEETS}
    assert all(frame.height == 0 for frame in report.frames.values())


def test_size_limit_is_a_parameter(valid):
    report = load_report(valid, "laporan.xlsx", context(), max_bytes=len(valid) - 1)
    assert [f.rule for f in report.findings] == ["berkas_terlalu_besar"]
    assert load_report(valid, "laporan.xlsx", context(), max_bytes=len(valid)).ok


def test_uncompressed_limit_is_a_parameter(valid):
    report = load_report(valid, "laporan.xlsx", context(), max_uncompressed=len(valid))
    assert [f.rule for f in report.findings] == ["berkas_mencurigakan"]


@pytest.mark.parametrize("filename", ["laporan.XLSX", "laporan.xlsm", " Laporan Maret.xlsx"])
def test_accepted_file_names(valid, filename):
    assert load_report(valid, filename, context()).ok
