"""Opening an .xlsx archive without trusting the sizes its headers declare.

A zip member's headers say how big it is, but a parser inflates the
compressed stream until it ends: a 5 MB file whose headers under-declare a
sheet can inflate to gigabytes. So every member is inflated here, counting
the bytes actually produced against a budget, and checked against its
declared size and CRC; the parser is then handed a new archive holding
exactly those bytes (stored, not compressed: cheap to write and to read).
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass

from data_loaders.texts import Text, text

# An .xlsx has a few dozen parts; thousands means something else.
MAX_MEMBERS = 2_000
_CHUNK = 1024 * 1024
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature ... name length, extra length
_LOCAL_SIGNATURE = b"PK\x03\x04"


class ArchiveRefused(Exception):
    """The archive cannot be read safely; ``kind`` is "bomb" or "corrupt".

    ``reason`` says why in words a finding can carry (either language).
    """

    def __init__(self, kind: str, reason: Text) -> None:
        super().__init__(reason.render("id"))
        self.kind = kind
        self.reason = reason


@dataclass(frozen=True)
class SafeArchive:
    """Every member as actually inflated, and a new archive of exactly those bytes."""

    members: dict[str, bytes]
    data: bytes


def open_archive(data: bytes, max_uncompressed: int) -> SafeArchive:
    """Inflate every member of ``data`` within ``max_uncompressed`` bytes in total.

    Raises ArchiveRefused("bomb") when the members inflate (or declare to
    inflate) past the budget, ArchiveRefused("corrupt") when a member's
    bytes do not match its headers (size, CRC), and zipfile/zlib errors for
    an archive that is damaged in other ways.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
    if len(infos) > MAX_MEMBERS:
        raise ArchiveRefused("bomb", text("arsip_banyak_bagian", n=len(infos), limit=MAX_MEMBERS))
    members: dict[str, bytes] = {}
    budget = max_uncompressed
    for info in infos:
        content = _inflate(data, info, budget, max_uncompressed)
        budget -= len(content)
        members[info.filename] = content
    return SafeArchive(members, _stored_archive(members))


def _inflate(data: bytes, info: zipfile.ZipInfo, budget: int, limit: int) -> bytes:
    if info.flag_bits & 0x1:
        raise ArchiveRefused("corrupt", text("arsip_bagian_terenkripsi", part=info.filename))
    start = _data_offset(data, info)
    raw = memoryview(data)[start : start + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        content = bytes(raw)
        if len(content) > budget:
            raise ArchiveRefused("bomb", _over_budget(info, limit))
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        content = _inflate_deflate(raw, info, budget, limit)
    else:
        raise ArchiveRefused("corrupt", text("arsip_pemampatan_asing", part=info.filename))
    if len(content) != info.file_size or zlib.crc32(content) != info.CRC:
        raise ArchiveRefused("corrupt", text("arsip_isi_tidak_sesuai", part=info.filename))
    return content


def _inflate_deflate(raw: memoryview, info: zipfile.ZipInfo, budget: int, limit: int) -> bytes:
    """The whole deflate stream, in chunks, stopping as soon as it passes ``budget``."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    pieces: list[bytes] = []
    produced = 0
    pending: bytes | memoryview = raw
    while not inflater.eof:
        piece = inflater.decompress(pending, _CHUNK)
        produced += len(piece)
        if produced > budget:
            raise ArchiveRefused("bomb", _over_budget(info, limit))
        pieces.append(piece)
        pending = inflater.unconsumed_tail
        if not piece and not pending:
            break  # input exhausted before the stream's end: truncated member
    if not inflater.eof:
        raise ArchiveRefused("corrupt", text("arsip_bagian_terpotong", part=info.filename))
    return b"".join(pieces)


def _data_offset(data: bytes, info: zipfile.ZipInfo) -> int:
    header = data[info.header_offset : info.header_offset + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size:
        raise ArchiveRefused("corrupt", text("arsip_kepala_terpotong", part=info.filename))
    signature, name_length, extra_length = _LOCAL_HEADER.unpack(header)
    if signature != _LOCAL_SIGNATURE:
        raise ArchiveRefused("corrupt", text("arsip_kepala_rusak", part=info.filename))
    return info.header_offset + _LOCAL_HEADER.size + name_length + extra_length


def _over_budget(info: zipfile.ZipInfo, limit: int) -> Text:
    return text("arsip_melebihi_batas", part=info.filename, limit=f"{limit / 1024 / 1024:.1f} MB")


def _stored_archive(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return buffer.getvalue()
