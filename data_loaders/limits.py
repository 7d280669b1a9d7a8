"""How much of a workbook the reader will look at before refusing it.

A report has a few hundred rows and a dozen columns per sheet; the limits
are generous for that and small enough that a hostile file (a sheet of a
million rows, a zip whose headers lie about sizes, a cell of a million
characters) is refused with a clear message instead of exhausting memory.
Every limit is a setting (README, Settings).
"""

from __future__ import annotations

from dataclasses import dataclass

from upt_dashboard import settings

# The whole archive may inflate to this many times the upload limit.
UNCOMPRESSED_FACTOR = 10


@dataclass(frozen=True)
class ReadLimits:
    """Caps applied while reading one workbook (all counts, sizes in bytes)."""

    max_bytes: int
    max_uncompressed: int
    max_sheets: int = 30
    max_rows: int = 20_000
    max_columns: int = 200
    max_cell_chars: int = 5_000
    findings_per_rule: int = 50

    @classmethod
    def from_settings(
        cls, max_bytes: int | None = None, max_uncompressed: int | None = None
    ) -> ReadLimits:
        """The limits the settings give; ``max_bytes``/``max_uncompressed`` override them."""
        max_bytes = settings.max_upload_bytes() if max_bytes is None else max_bytes
        return cls(
            max_bytes=max_bytes,
            max_uncompressed=(
                UNCOMPRESSED_FACTOR * max_bytes if max_uncompressed is None else max_uncompressed
            ),
            max_sheets=int(settings.number("DASHBOARD_MAX_SHEETS")),
            max_rows=int(settings.number("DASHBOARD_MAX_ROWS")),
            max_columns=int(settings.number("DASHBOARD_MAX_COLUMNS")),
            max_cell_chars=int(settings.number("DASHBOARD_MAX_CELL_CHARS")),
            findings_per_rule=int(settings.number("DASHBOARD_FINDINGS_PER_RULE")),
        )
