"""One entry for every export format: a pack from the database, and its file bytes.

The CLI and the Ekspor page both call these functions, so a file made in
the terminal is the same as one made in the browser. Formats: the deck
(pptx), the Excel summary (xlsx), the one-page A4 brief (pdf), every chart
as images (png, svg: a zip), and the whole meeting pack (deck, workbook and
brief in one zip). The entry applies the account's rights: :func:`restricted`
keeps the request inside the units the account may see, the facts are read
with its personal-data rights, and :func:`record_export` writes the audit row.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

from sqlalchemy import Engine

from upt_dashboard import access
from upt_dashboard.access import Viewer
from upt_dashboard.exports.deck import build_deck
from upt_dashboard.exports.errors import ExportError
from upt_dashboard.exports.pack import ExportScope, Pack, build_pack
from upt_dashboard.exports.workbook import build_workbook
from upt_dashboard.indicators.config import Config
from upt_dashboard.storage import audit
from upt_dashboard.storage.scope import DataScope

FORMATS: tuple[str, ...] = ("pptx", "xlsx", "pdf", "png", "svg", "pack")
IMAGE_FORMATS: tuple[str, ...] = ("png", "svg")
MIME: dict[str, str] = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "zip": "application/zip",
}


def restricted(scope: ExportScope, viewer: Viewer, registry_units: list[str]) -> ExportScope:
    """``scope`` limited to the units ``viewer`` may see individually.

    An operator's export with no units chosen (or only unit types) covers its
    own unit; asking for another unit raises ExportError
    (``export.error.not_allowed``).
    """
    allowed = access.data_scope(viewer)
    if allowed.units is None:
        return scope
    outside = sorted(set(scope.units) - allowed.units)
    if outside:
        raise ExportError("export.error.not_allowed", units=", ".join(outside))
    mine = tuple(u for u in registry_units if u in allowed.units)
    return replace(scope, units=tuple(scope.units) or mine, types=())


def reading_scope(viewer: Viewer, verified_only: bool = False) -> DataScope:
    """What an export reads: every unit (the province and type totals beside the units
    in the request), names and NIPs only where ``viewer`` may see them."""
    return DataScope(None, access.data_scope(viewer).personal_units, verified_only)


def pack_from_db(
    engine: Engine,
    scope: ExportScope,
    *,
    viewer: Viewer,
    config: Config | None = None,
    verified_only: bool = False,
) -> Pack:
    """Load the facts and build the pack of ``scope`` for ``viewer``.

    Every stored month is loaded, not only the scope's: a complaint's state
    comes from the newest report that lists it (often after the period), and
    the PP 94/2021 counts are year to date (months before the period). The
    engine itself limits each figure to the scope. Raises ExportError for a
    unit outside the viewer's rights.
    """
    from upt_dashboard.intake.bulk import sample_data_in_use
    from upt_dashboard.storage.facts import load_facts

    facts = load_facts(engine, reading_scope(viewer, verified_only))
    scope = restricted(scope, viewer, facts.units["code"].to_list())
    scope = replace(
        scope,
        sample_data=sample_data_in_use(engine),
        verified_only=verified_only,
        unverified=0 if verified_only else unverified_count(engine, scope),
    )
    return build_pack(facts, scope, config=config, viewer=viewer)


def unverified_count(engine: Engine, scope: ExportScope) -> int:
    """How many current reports in the export's units and months (the trend's included:
    the source line names them) are not verified yet."""
    from upt_dashboard.storage.submissions import VERIFIED, list_submissions

    units = DataScope.of(scope.units or None, ())
    listing = list_submissions(engine, units)
    index = listing["year"] * 12 + listing["month"] - 1
    waiting = listing.filter(
        listing["is_current"]
        & (listing["review_state"] != VERIFIED)
        & (index >= scope.trend_start.index)
        & (index <= scope.end.index)
    )
    if scope.types and not scope.units:
        from upt_dashboard.storage.registry import list_units

        registry = list_units(engine)
        of_types = registry.filter(registry["type"].is_in(list(scope.types)))["code"]
        waiting = waiting.filter(waiting["unit_code"].is_in(of_types.to_list()))
    return waiting.height


def record_export(engine: Engine, viewer: Viewer, pack: Pack, fmt: str) -> None:
    """The export in the audit log: kind, scope and whether personal data went into it."""
    personal = pack.employees is not None and not pack.employees.is_empty()
    audit.record_alone(
        engine,
        viewer.actor,
        "export",
        period=f"{pack.scope.start}..{pack.scope.end}",
        unit=pack.scope.units[0] if len(pack.scope.units) == 1 else None,
        obj=file_name(pack, fmt),
        details={
            "format": fmt,
            "units": list(pack.scope.units),
            "types": list(pack.scope.types),
            "personal_data": personal,
            "withheld_units": list(pack.withheld_units),
            "verified_only": pack.scope.verified_only,
            "unverified": pack.scope.unverified,
        },
    )


def export_bytes(pack: Pack, fmt: str) -> bytes:
    """The file of ``fmt``: a deck, a workbook, the A4 brief, a zip of every chart as
    images, or the meeting pack (a zip of the deck, the workbook and the brief).

    Raises ``ExportError`` for an unknown format, and for the brief, the
    images and the pack when Chromium is missing or fails (the deck and the
    workbook need none).
    """
    if fmt == "pptx":
        return build_deck(pack)
    if fmt == "xlsx":
        return build_workbook(pack)
    if fmt == "pdf":
        from upt_dashboard.exports.pdf import build_pdf

        return build_pdf(pack)
    if fmt == "pack":
        return meeting_pack(pack)
    if fmt in IMAGE_FORMATS:
        from upt_dashboard.exports.figures import pack_figures
        from upt_dashboard.exports.images import zip_figures

        return zip_figures(pack_figures(pack), fmt)
    raise ExportError("export.error.format", format=fmt, choices=", ".join(FORMATS))


def meeting_pack(pack: Pack) -> bytes:
    """The deck, the workbook and the A4 brief of ``pack`` in one zip.

    Chromium (for the brief's charts) starts in the background while the
    deck and the workbook are laid out.
    """
    from upt_dashboard.exports import images
    from upt_dashboard.exports.pdf import build_pdf

    stem = pack.scope.file_stem()
    with images.warming():
        files = {
            f"{stem}.pptx": build_deck(pack),
            f"{stem}.xlsx": build_workbook(pack),
            f"{stem}.pdf": build_pdf(pack),
        }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def file_name(pack: Pack, fmt: str) -> str:
    """``kualitas-layanan_2026-10.pptx``; images come as a ``…-png.zip``, the whole pack as
    ``…-paket-rapat.zip``."""
    stem = pack.scope.file_stem()
    if fmt == "pack":
        return f"{stem}-paket-rapat.zip"
    return f"{stem}-{fmt}.zip" if fmt in IMAGE_FORMATS else f"{stem}.{fmt}"
