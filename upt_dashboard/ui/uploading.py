"""The Unggah Laporan page's side of an upload: check once, save on confirmation.

A file is read and validated once per distinct content (the check is kept
in the session under its SHA-256, so the reruns a click causes do not read
it again); saving stores that same checked report. After saving, the
uploader gets a new key, which empties it: the page then shows the outcome
alone, and a second click cannot store the same file again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import polars as pl
import streamlit as st

from data_loaders.annotate import annotated_filename, annotated_workbook
from data_loaders.findings import error
from data_loaders.report import Report, refused_report
from data_loaders.template import template_filename
from upt_dashboard import settings
from upt_dashboard.exports.cells import csv_bytes
from upt_dashboard.intake.ingest import REFUSED, check_file, ingest_file
from upt_dashboard.intake.templates import prefilled_template
from upt_dashboard.months import Month
from upt_dashboard.storage.errors import StorageUnavailable
from upt_dashboard.storage.submissions import ACCEPTED, RETURNED, UNCHANGED
from upt_dashboard.storage.versions import current_version, stored_frames
from upt_dashboard.ui import cache, permissions
from upt_dashboard.views.findings import findings_frame
from upt_dashboard.views.format import day, period_label
from upt_dashboard.views.i18n import language, t
from upt_dashboard.views.tables import replacement_diff

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
UPLOAD_TYPES = ["xlsx", "xlsm"]
_CHECKED_KEY = "upload_checked"
_ROUND_KEY = "upload_round"
OUTCOME_KEY = "upload_outcome"


@dataclass(frozen=True)
class Outcome:
    """What saving did, in a sentence for the page."""

    kind: str  # "accepted", "unchanged" or "failed" (nothing stored)
    message: str


@dataclass(frozen=True)
class Replacement:
    """The stored version a checked file would replace, and how the key numbers change."""

    version: int
    note: str  # "ini menggantikan versi 2 (diunggah 3 Maret 2026 oleh …)"
    diff: pl.DataFrame


def uploader_key() -> str:
    """The file uploader's key this round; a new round (after saving) empties it."""
    return f"upload_file_{st.session_state.get(_ROUND_KEY, 0)}"


def max_upload_mb() -> int:
    """The app's upload limit in whole MB (the uploader is told the same limit)."""
    return max(1, settings.max_upload_bytes() // (1024 * 1024))


def checked(data: bytes, filename: str) -> Report:
    """The validated report of this file, read at most once per session and content.

    A database that cannot be read (to check the unit code, last month's
    residents) refuses the file with the reason instead of failing the page.
    """
    digest = hashlib.sha256(data).hexdigest()
    kept = st.session_state.get(_CHECKED_KEY)
    if not kept or kept[0] != digest:
        try:
            report = check_file(cache.engine(), data, filename, viewer=cache.viewer())
        except StorageUnavailable as exc:
            return refused_report(data, error("", "", str(exc), "basis_data_tidak_tersedia"))
        kept = (digest, report)
        st.session_state[_CHECKED_KEY] = kept
    return kept[1]


def replacement(report: Report) -> Replacement | None:
    """What a valid report would replace: None for a unit-month not stored yet."""
    if report.unit_code is None or report.period is None:
        return None
    stored = current_version(cache.engine(), report.unit_code, report.period, cache.scope())
    if stored is None:
        return None
    note = t(
        "upload.replaces",
        version=stored["version"],
        date=day(stored["uploaded_at"].date()),
        by=stored["uploaded_by"],
    )
    frames = stored_frames(cache.engine(), stored["id"], cache.scope())
    if frames is None:
        return None
    diff = replacement_diff(frames, report.frames, stored["version"])
    return Replacement(stored["version"], note, diff)


def annotated(report: Report, data: bytes, filename: str) -> tuple[bytes, str] | None:
    """The uploaded workbook with its faulty cells marked, and its file name (or None)."""
    marked = annotated_workbook(data, filename, report.findings)
    return (marked, annotated_filename(filename)) if marked is not None else None


def save(report: Report, data: bytes, filename: str) -> None:
    """Store the checked report as the signed-in account, keep the outcome for the next
    run and empty the uploader. A report of a unit the account may not upload for is
    refused again here, whatever the page showed."""
    viewer = cache.viewer()
    uploaded_by = (viewer.display_name or viewer.name) if viewer else "?"
    result = ingest_file(cache.engine(), data, filename, uploaded_by, report=report, viewer=viewer)
    if result.status == ACCEPTED:
        cache.data_stored()
    st.session_state.pop(_CHECKED_KEY, None)
    st.session_state[_ROUND_KEY] = st.session_state.get(_ROUND_KEY, 0) + 1
    where = {"unit": report.unit_code, "period": period_label(report.period)}
    if result.status == ACCEPTED:
        outcome = Outcome("accepted", t("upload.accepted", version=result.version, **where))
    elif result.status == UNCHANGED:
        outcome = Outcome("unchanged", t("upload.unchanged", version=result.version, **where))
    elif result.status == REFUSED:
        outcome = Outcome("failed", result.findings[0].message_in(language()))
    else:
        outcome = Outcome("failed", t("upload.failed", reason=result.reason))
    st.session_state[OUTCOME_KEY] = outcome


def upload_units() -> list[str]:
    """The units this account may upload for (and get templates of), registry order."""
    return permissions.upload_units(cache.units_table()["code"].to_list())


def returned_reports() -> list[dict]:
    """Current reports of this account's units a verifikator returned, with the comment."""
    listing = cache.submissions()
    mine = set(upload_units())
    rows = listing.filter(
        listing["is_current"]
        & (listing["review_state"] == RETURNED)
        & listing["unit_code"].is_in(sorted(mine))
    )
    return [
        {
            "unit": r["unit_code"],
            "period": period_label(Month(r["year"], r["month"])),
            "by": r["reviewed_by"],
            "date": day(r["reviewed_at"].date()) if r["reviewed_at"] else "",
            "comment": r["review_comment"] or "",
        }
        for r in rows.iter_rows(named=True)
    ]


def template_file(unit: str, month: Month, prefill: bool) -> bytes:
    """The template of ``unit`` and ``month`` (filled from stored reports when asked).

    Called when the download is clicked, so it reads the latest stored report.
    """
    if prefill:
        return prefilled_template(cache.engine(), unit, month, cache.scope())
    return cache.template(unit, month)


def template_file_name(unit: str, month: Month) -> str:
    return template_filename(unit, month)


def findings_csv(report: Report) -> bytes:
    """Every finding of the report as CSV in the interface language (formula-safe)."""
    return csv_bytes(findings_frame(report.findings))
