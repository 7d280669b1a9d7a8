"""Hostile workbooks for the safety tests, built at the byte level.

``lying_zip`` writes an archive whose headers under-declare one member's
size (the probe's 5 MB file that inflates to 1.6 GB): the declared size and
CRC describe only the first bytes, so a check trusting the headers (or
Python's zipfile, which stops at the declared size) passes it.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib


def members_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def sheet_part(data: bytes, sheet_name: str) -> str:
    from data_loaders.reader import _sheet_part

    return _sheet_part(members_of(data), sheet_name)


def repeated_deflate(head: bytes, filler: bytes, times: int, tail: bytes) -> bytes:
    """A raw deflate stream of ``head + filler * times + tail``, built in milliseconds.

    After a full flush the compressor forgets its history, so ``filler``
    compresses to the same bytes every time: they are repeated, not recomputed.
    """
    c = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    start = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    piece = c.compress(filler) + c.flush(zlib.Z_FULL_FLUSH)
    assert c.compress(filler) + c.flush(zlib.Z_FULL_FLUSH) == piece
    return start + piece * times + c.compress(tail) + c.flush()


def raw_zip(members: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip from (name, deflate stream, declared size, declared CRC, method) entries."""
    out = io.BytesIO()
    central = []
    for name, stream, size, crc, method in members:
        offset = out.tell()
        encoded = name.encode()
        out.write(
            struct.pack(
                "<4sHHHHHIIIHH",
                b"PK\x03\x04",
                20,
                0,
                method,
                0,
                0x21,
                crc,
                len(stream),
                size,
                len(encoded),
                0,
            )
        )
        out.write(encoded + stream)
        central.append(
            struct.pack(
                "<4sHHHHHHIIIHHHHHII",
                b"PK\x01\x02",
                20,
                20,
                0,
                method,
                0,
                0x21,
                crc,
                len(stream),
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    start = out.tell()
    for entry in central:
        out.write(entry)
    out.write(
        struct.pack(
            "<4sHHHHIIH",
            b"PK\x05\x06",
            0,
            0,
            len(central),
            len(central),
            out.tell() - start,
            start,
            0,
        )
    )
    return out.getvalue()


def honest_entries(members: dict[str, bytes]) -> list[tuple[str, bytes, int, int, int]]:
    entries = []
    for name, content in members.items():
        c = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
        stream = c.compress(content) + c.flush()
        entries.append((name, stream, len(content), zlib.crc32(content), zipfile.ZIP_DEFLATED))
    return entries


def lying_zip(valid: bytes, sheet_name: str, inflated_mb: int) -> bytes:
    """``valid`` with one sheet replaced by ~``inflated_mb`` MB of XML declared as 200 bytes."""
    members = members_of(valid)
    part = sheet_part(valid, sheet_name)
    head = members[part][:200]
    stream = repeated_deflate(head, b" " * (1 << 20), inflated_mb, b"</worksheet>")
    entries = [e for e in honest_entries(members) if e[0] != part]
    entries.append((part, stream, len(head), zlib.crc32(head), zipfile.ZIP_DEFLATED))
    return raw_zip(entries)


def with_sheet_xml(valid: bytes, sheet_name: str, xml: bytes) -> bytes:
    """``valid`` with one sheet's XML replaced (an honest archive)."""
    members = members_of(valid)
    members[sheet_part(valid, sheet_name)] = xml
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return buffer.getvalue()


SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_TAIL = b"</sheetData></worksheet>"


def rows_xml(rows: int, column: str = "A") -> bytes:
    """A sheet with text in ``column`` of each of ``rows`` rows."""
    body = b"".join(
        b'<row r="%d"><c r="%s%d" t="inlineStr"><is><t>x</t></is></c></row>'
        % (i, column.encode(), i)
        for i in range(1, rows + 1)
    )
    return SHEET_HEAD + body + SHEET_TAIL
