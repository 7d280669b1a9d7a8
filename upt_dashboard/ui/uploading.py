"""The Unggah Laporan page's side of an upload: check once, save on confirmation.

A file is read and validated once per distinct content (the check is kept
in the session under its SHA-256, so the reruns a click causes do not read
it again); saving stores that same checked report.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import streamlit as st

from data_loaders.report import Report
from data_loaders.template import template_filename
from upt_dashboard.intake.ingest import check_file, ingest_file
from upt_dashboard.months import Month
from upt_dashboard.storage.submissions import ACCEPTED
from upt_dashboard.ui import cache
from upt_dashboard.views.i18n import t

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_CHECKED_KEY = "upload_checked"


@dataclass(frozen=True)
class Outcome:
    """What saving did, in a sentence for the page."""

    accepted: bool
    message: str


def checked(data: bytes, filename: str) -> Report:
    """The validated report of this file, read at most once per session and content."""
    digest = hashlib.sha256(data).hexdigest()
    kept = st.session_state.get(_CHECKED_KEY)
    if not kept or kept[0] != digest:
        kept = (digest, check_file(cache.engine(), data, filename))
        st.session_state[_CHECKED_KEY] = kept
    return kept[1]


def save(report: Report, data: bytes, filename: str, uploaded_by: str) -> Outcome:
    """Store the checked report; the check is forgotten so the next file is read afresh."""
    result = ingest_file(cache.engine(), data, filename, uploaded_by, report=report)
    st.session_state.pop(_CHECKED_KEY, None)
    if result.status == ACCEPTED:
        return Outcome(True, t("upload.accepted", version=result.version))
    return Outcome(False, t("upload.unchanged", version=result.version))


def template_file(unit: str, month: Month) -> tuple[bytes, str]:
    """The blank template of ``unit`` and ``month``, and its file name."""
    return cache.template(unit, month), template_filename(unit, month)
