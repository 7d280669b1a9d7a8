"""One entry for every export format: a pack from the database, and its file bytes.

The CLI and the Ekspor page both call these two functions, so a file made
in the terminal is the same as one made in the browser.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import Engine

from upt_dashboard.exports.deck import build_deck
from upt_dashboard.exports.errors import ExportError
from upt_dashboard.exports.pack import ExportScope, Pack, build_pack
from upt_dashboard.exports.workbook import build_workbook
from upt_dashboard.indicators.config import Config

FORMATS: tuple[str, ...] = ("pptx", "xlsx", "png", "svg", "pdf")
IMAGE_FORMATS: tuple[str, ...] = ("png", "svg", "pdf")
MIME: dict[str, str] = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
}


def pack_from_db(engine: Engine, scope: ExportScope, *, config: Config | None = None) -> Pack:
    """Load the facts and build the pack of ``scope``.

    Every stored month is loaded, not only the scope's: a complaint's state
    comes from the newest report that lists it (often after the period), and
    the PP 94/2021 counts are year to date (months before the period). The
    engine itself limits each figure to the scope.
    """
    from upt_dashboard.intake.bulk import sample_data_in_use
    from upt_dashboard.storage.facts import load_facts

    facts = load_facts(engine)
    scope = replace(scope, sample_data=sample_data_in_use(engine))
    return build_pack(facts, scope, config=config)


def export_bytes(pack: Pack, fmt: str) -> bytes:
    """The file of ``fmt``: a deck, a workbook, or a zip of every chart as images.

    Raises ``ExportError`` for an unknown format, and for images when
    Chromium is missing or fails (the deck and the workbook need none).
    """
    if fmt == "pptx":
        return build_deck(pack)
    if fmt == "xlsx":
        return build_workbook(pack)
    if fmt in IMAGE_FORMATS:
        from upt_dashboard.exports.figures import pack_figures
        from upt_dashboard.exports.images import zip_figures

        return zip_figures(pack_figures(pack), fmt)
    raise ExportError("export.error.format", format=fmt, choices=", ".join(FORMATS))


def file_name(pack: Pack, fmt: str) -> str:
    """``kualitas-layanan_2025-11_2026-10.pptx``; images come as a ``…-png.zip``."""
    stem = pack.scope.file_stem()
    return f"{stem}-{fmt}.zip" if fmt in IMAGE_FORMATS else f"{stem}.{fmt}"
