"""One uploaded file, end to end: read, validate, store.

The single place where workbook validation meets the database: the
registry and the previous month's residents come from storage, the verdict
from ``data_loaders``. A refused file stores nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Engine

from data_loaders.findings import Finding
from data_loaders.report import Report, ValidationContext, load_report
from upt_dashboard import settings
from upt_dashboard.storage.registry import list_units
from upt_dashboard.storage.submissions import ACCEPTED, UNCHANGED, previous_pm_akhir, store_report

REFUSED = "refused"


@dataclass(frozen=True)
class IngestResult:
    filename: str
    status: str  # ACCEPTED, UNCHANGED or REFUSED
    findings: list[Finding] = field(default_factory=list)
    version: int | None = None
    report: Report | None = None

    @property
    def message(self) -> str:
        """One line in Bahasa Indonesia for the CLI and the upload page."""
        warnings = sum(not f.is_error for f in self.findings)
        if self.status == ACCEPTED:
            return f"diterima (versi {self.version}, {warnings} peringatan)"
        if self.status == UNCHANGED:
            return f"tidak berubah (sama persis dengan versi {self.version} yang tersimpan)"
        n = sum(f.is_error for f in self.findings)
        return f"ditolak ({n} kesalahan)"


def validation_context(engine: Engine, today: date | None = None) -> ValidationContext:
    units = list_units(engine)
    return ValidationContext(
        units=dict(zip(units["code"], units["name"])),
        today=today or date.today(),
        previous_pm_akhir=lambda unit, month: previous_pm_akhir(engine, unit, month),
    )


def check_file(engine: Engine, data: bytes, filename: str, today: date | None = None) -> Report:
    """Validate without storing (the upload page's preview)."""
    return load_report(
        data, filename, validation_context(engine, today), max_bytes=settings.max_upload_bytes()
    )


def ingest_file(
    engine: Engine,
    data: bytes,
    filename: str,
    uploaded_by: str,
    today: date | None = None,
    uploaded_at: datetime | None = None,
    report: Report | None = None,
) -> IngestResult:
    """Validate ``data`` and store it if it has no errors.

    Pass ``report`` when the file was already checked (the upload page
    checks, shows, then confirms) to avoid reading it twice.
    """
    report = report or check_file(engine, data, filename, today)
    if not report.ok:
        return IngestResult(filename, REFUSED, report.findings, report=report)
    stored = store_report(engine, report, data, filename, uploaded_by, uploaded_at)
    return IngestResult(filename, stored.status, report.findings, stored.version, report)
