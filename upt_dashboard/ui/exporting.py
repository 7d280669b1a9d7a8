"""The Ekspor page's side of an export: build the pack and its file, or say why not.

The same ``exports.build`` functions serve the CLI, so a file made in the
browser is the file the terminal makes. Errors the user can act on come
back as text in the page's language; anything else is a bug and surfaces.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from upt_dashboard.exports import images
from upt_dashboard.exports.build import (
    IMAGE_FORMATS,
    MIME,
    export_bytes,
    file_name,
    record_export,
    restricted,
    unverified_count,
)
from upt_dashboard.exports.errors import ExportError, user_message
from upt_dashboard.exports.pack import ExportScope, build_pack
from upt_dashboard.indicators.errors import IndicatorError
from upt_dashboard.months import Month
from upt_dashboard.ui import cache
from upt_dashboard.views.i18n import language
from upt_dashboard.views.selection import Scope

__all__ = ["IMAGE_FORMATS", "Export", "build", "images_unavailable"]


@dataclass(frozen=True)
class Export:
    """A finished export, ready for a download button."""

    name: str
    mime: str
    data: bytes
    withheld_units: tuple[str, ...]  # units whose personal data the user may not see


def images_unavailable() -> str | None:
    """Why chart images cannot be drawn here (no Chromium), or None when they can."""
    if images.images_available():
        return None
    try:
        images.browser_path()
    except ExportError as exc:
        return user_message(exc, language())
    return None


def build(wanted: str, start: Month, end: Month, scope: Scope, *, personal: bool) -> Export | str:
    """The export of format ``wanted`` for the months and units chosen, or an error message.

    Kept within the signed-in account's units (``exports.build.restricted``),
    per-employee rows only where it may see them, and recorded in the audit log.
    """
    viewer = cache.viewer()
    if viewer is None:
        return user_message(ExportError("export.error.not_allowed", units="-"), language())
    request = ExportScope(
        start,
        end,
        units=scope.units,
        types=() if scope.units else scope.types,
        include_personal_data=personal,
        sample_data=cache.is_sample_data(cache.data_version()),
    )
    try:
        facts = cache.export_facts()
        request = restricted(request, viewer, facts.units["code"].to_list())
        only = cache.verified_only()
        unverified = 0 if only else unverified_count(cache.engine(), request)
        request = replace(request, verified_only=only, unverified=unverified)
        pack = build_pack(
            facts, request, config=cache.indicator_config(), made_on=date.today(), viewer=viewer
        )
        data = export_bytes(pack, wanted)
    except (ExportError, IndicatorError) as exc:
        return user_message(exc, language())
    record_export(cache.engine(), viewer, pack, wanted)
    return Export(file_name(pack, wanted), MIME.get(wanted, MIME["zip"]), data, pack.withheld_units)
