"""Text as the database may keep it."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` without control characters (PostgreSQL cannot store NUL; terminals obey ESC)."""
    return _CONTROL.sub("", text)
