"""What one reader may get out of the database: the scope every reading function takes.

``upt_dashboard.access`` decides a scope from the signed-in account (its
role and unit); storage only applies it, in the query: rows of units outside
``units`` are never read, and per-employee names and NIPs of units outside
``personal_units`` are replaced by a pseudonym before a frame leaves
storage (counts per person still work; nobody can be named). The scope is a
plain hashable value, so caches can key on it.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, true


@dataclass(frozen=True)
class DataScope:
    """``units``: unit codes whose rows may be read (None: every unit).
    ``personal_units``: units whose names and NIPs may be read (None: every unit).
    ``verified_only``: only current versions a verifikator has verified."""

    units: frozenset[str] | None = None
    personal_units: frozenset[str] | None = None
    verified_only: bool = False

    @classmethod
    def of(
        cls,
        units: Iterable[str] | None,
        personal_units: Iterable[str] | None,
        verified_only: bool = False,
    ) -> DataScope:
        return cls(
            None if units is None else frozenset(units),
            None if personal_units is None else frozenset(personal_units),
            verified_only,
        )

    def sees(self, unit: str) -> bool:
        """True if rows of ``unit`` may be read."""
        return self.units is None or unit in self.units

    def sees_personal(self, unit: str) -> bool:
        """True if names and NIPs of ``unit`` may be read."""
        return self.sees(unit) and (self.personal_units is None or unit in self.personal_units)

    def unit_clause(self, column) -> ColumnElement[bool]:
        """The WHERE clause limiting ``column`` (a unit code column) to the scope."""
        if self.units is None:
            return true()
        return column.in_(sorted(self.units))

    def key(self) -> tuple:
        """A plain tuple naming the scope (cache keys)."""
        return (
            None if self.units is None else tuple(sorted(self.units)),
            None if self.personal_units is None else tuple(sorted(self.personal_units)),
            self.verified_only,
        )

    @classmethod
    def from_key(cls, key: tuple) -> DataScope:
        return cls.of(key[0], key[1], key[2])


EVERYTHING = DataScope()  # an administrator, the CLI, the sample loader
NOTHING = DataScope(frozenset(), frozenset())

# A new key per process: pseudonyms cannot be linked across processes or restarts.
_PSEUDONYM_KEY = secrets.token_bytes(32)
# HMAC-SHA256 (RFC 2104) with the keyed inner and outer states made once: copying
# them per value is twice as fast as hmac.digest, and a year of national staff rows
# holds 120.000 names and NIPs to stand in for (a test compares with hmac.digest).
_INNER, _OUTER = (
    hashlib.sha256(bytes(b ^ pad for b in _PSEUDONYM_KEY.ljust(hashlib.sha256().block_size, b"\0")))
    for pad in (0x36, 0x5C)
)


def pseudonym(value: str | None) -> str | None:
    """A stable stand-in for a name or NIP within this process ("anon-3f9a0c1d2e")."""
    if value is None or not str(value).strip():
        return value
    inner = _INNER.copy()
    inner.update(" ".join(str(value).lower().split()).encode())
    outer = _OUTER.copy()
    outer.update(inner.digest())
    return "anon-" + outer.digest()[:5].hex()
