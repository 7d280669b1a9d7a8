"""Database failures a user can meet, as one exception with a message in Bahasa Indonesia.

A read-only data folder, a full disk, an unreachable PostgreSQL or a busy
unit-month are not program bugs: the upload page and the CLI show the
message and carry on (nothing was written: every write is one transaction).
"""

from __future__ import annotations

import errno

from sqlalchemy.exc import DBAPIError, OperationalError

BUSY_MESSAGE = (
    "Laporan bulan ini baru saja diunggah orang lain; coba lagi sebentar lagi "
    "(tidak ada yang tersimpan dari unggahan ini)."
)


class StorageUnavailable(Exception):
    """The database could not do what was asked; ``str(exc)`` is the message for the user."""


# PostgreSQL SQLSTATEs worth retrying: serialization failure, deadlock, unique
# violation (another writer won the race for a version number).
RETRYABLE_SQLSTATES = frozenset({"40001", "40P01", "23505"})


def is_retryable(exc: BaseException) -> bool:
    """True for a transient conflict with another writer (retry the whole transaction)."""
    if not isinstance(exc, DBAPIError):
        return False
    sqlstate = getattr(exc.orig, "sqlstate", None)
    if sqlstate in RETRYABLE_SQLSTATES:
        return True
    text = str(exc.orig).lower()
    return "database is locked" in text or "unique constraint failed" in text


def describe(exc: BaseException) -> str | None:
    """The user's message for a database failure, or None for an unknown error (a bug)."""
    text = str(getattr(exc, "orig", exc)).lower()
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return _FULL
    if isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EROFS, errno.EPERM):
        return _READ_ONLY
    if not isinstance(exc, DBAPIError):
        return None
    if "readonly" in text or "read-only" in text or "unable to open database" in text:
        return _READ_ONLY
    if "disk is full" in text or "no space left" in text or "disk full" in text:
        return _FULL
    if isinstance(exc, OperationalError) and (
        exc.connection_invalidated or "connection" in text or "could not connect" in text
    ):
        return _UNREACHABLE
    if is_retryable(exc):
        return BUSY_MESSAGE
    return None


_READ_ONLY = (
    "Penyimpanan data hanya bisa dibaca (izin tulis folder data atau basis data dicabut): "
    "laporan tidak tersimpan. Hubungi admin; setelah diperbaiki, unggah lagi."
)
_FULL = (
    "Disk penyimpanan data penuh: laporan tidak tersimpan. Hubungi admin untuk "
    "mengosongkan ruang, lalu unggah lagi."
)
_UNREACHABLE = (
    "Basis data tidak dapat dihubungi saat ini: laporan tidak tersimpan. Coba lagi "
    "beberapa menit lagi atau hubungi admin."
)
