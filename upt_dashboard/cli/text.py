"""Text from files and the database, made safe to print in a terminal."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe(text: object) -> str:
    r"""``text`` with control characters shown as ``\x1b`` escapes.

    File names, cell text and uploader names come from users: an ANSI
    escape in them must not recolour, move or clear the operator's terminal.
    """
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text))
