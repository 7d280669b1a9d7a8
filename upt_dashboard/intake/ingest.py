"""One uploaded file, end to end: read, validate, store.

The single place where workbook validation meets the database: the
registry and the previous month's residents come from storage, the verdict
from ``data_loaders`` (read in a fenced-off worker process, see
``data_loaders.isolation``). A refused file stores nothing; a file the
database could not take (read-only, full, unreachable, busy) is FAILED with
a message in Bahasa Indonesia, never an exception.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Engine

from data_loaders.findings import Finding, error
from data_loaders.isolation import read_isolated, unknown_previous
from data_loaders.report import Report, ValidationContext, add_previous_pm_check
from data_loaders.schema import IDENTITAS, SHEETS_BY_NAME
from data_loaders.texts import text
from upt_dashboard import settings
from upt_dashboard.access import Viewer, may_upload
from upt_dashboard.indicators.config import Config, load_config
from upt_dashboard.indicators.sums import report_parts
from upt_dashboard.storage import audit
from upt_dashboard.storage.errors import StorageUnavailable, describe
from upt_dashboard.storage.facts import sheet_attr
from upt_dashboard.storage.registry import list_units
from upt_dashboard.storage.submissions import (
    ACCEPTED,
    UNCHANGED,
    StoredParts,
    previous_pm_akhir,
    store_report,
)

REFUSED = "refused"
FAILED = "failed"
OUTCOMES = (ACCEPTED, UNCHANGED, REFUSED, FAILED)


@dataclass(frozen=True)
class IngestResult:
    filename: str
    status: str  # one of OUTCOMES
    findings: list[Finding] = field(default_factory=list)
    version: int | None = None
    report: Report | None = None
    reason: str = ""  # FAILED: why, in Bahasa Indonesia

    @property
    def message(self) -> str:
        """One line in Bahasa Indonesia for the CLI and the upload page."""
        warnings = sum(not f.is_error for f in self.findings)
        if self.status == ACCEPTED:
            return f"diterima (versi {self.version}, {warnings} peringatan)"
        if self.status == UNCHANGED:
            return f"tidak berubah (sama persis dengan versi {self.version} yang tersimpan)"
        if self.status == FAILED:
            return f"gagal disimpan: {self.reason}"
        n = sum(f.is_error for f in self.findings)
        return f"ditolak ({n} kesalahan)"


def validation_context(engine: Engine, today: date | None = None) -> ValidationContext:
    """What a worker needs to validate: the registry and today (no database access)."""
    units = list_units(engine)
    return ValidationContext(
        units=dict(zip(units["code"], units["name"])),
        today=today or date.today(),
        previous_pm_akhir=unknown_previous,
    )


def check_file(
    engine: Engine,
    data: bytes,
    filename: str,
    today: date | None = None,
    viewer: Viewer | None = None,
) -> Report:
    """Validate without storing (the upload page's preview).

    The file is read in a worker process; last month's stored PM Akhir
    Bulan is then compared here. With ``viewer``, a report of a unit the
    account may not upload for gets an error (so it can never be stored).
    Raises StorageUnavailable when the registry cannot be read.
    """
    try:
        context = validation_context(engine, today)
    except Exception as exc:
        raise _unavailable(exc) from exc
    report = read_isolated(data, filename, context)
    add_upload_right_check(report, viewer)
    add_continuity_check(engine, report)
    return report


def add_upload_right_check(report: Report, viewer: Viewer | None) -> None:
    """Refuse a report of a unit ``viewer`` may not upload for (None: the CLI, no check)."""
    if viewer is None or report.unit_code is None or may_upload(viewer, report.unit_code):
        return
    if any(f.rule == "unit_bukan_wewenang" for f in report.findings):
        return
    cell = report.value_cells.get((IDENTITAS.name, "kode_upt"), "")
    allowed = viewer.unit or "-"
    refusal = error(
        IDENTITAS.name,
        cell,
        text("unit_bukan_wewenang", code=report.unit_code, allowed=allowed),
        "unit_bukan_wewenang",
    )
    report.findings.insert(0, refusal)


def add_continuity_check(engine: Engine, report: Report) -> None:
    """Add the PM Awal Bulan warning against what is stored for last month."""
    if report.ok and report.unit_code is not None and report.period is not None:
        previous = previous_pm_akhir(engine, report.unit_code, report.period.previous())
        add_previous_pm_check(report, previous)


def ingest_file(
    engine: Engine,
    data: bytes,
    filename: str,
    uploaded_by: str,
    today: date | None = None,
    uploaded_at: datetime | None = None,
    report: Report | None = None,
    viewer: Viewer | None = None,
) -> IngestResult:
    """Validate ``data`` and store it if it has no errors.

    Pass ``report`` when the file was already checked (the upload page
    checks, shows, then confirms) to avoid reading it twice. ``viewer`` is
    the account uploading (None: the CLI or the sample loader): a report of
    a unit it may not upload for is REFUSED. Never raises for a database
    the user cannot fix: that is a FAILED result.
    """
    try:
        report = report or check_file(engine, data, filename, today, viewer)
    except StorageUnavailable as exc:
        return IngestResult(filename, FAILED, reason=str(exc))
    return store_checked(engine, report, data, filename, uploaded_by, uploaded_at, viewer)


def store_checked(
    engine: Engine,
    report: Report,
    data: bytes,
    filename: str,
    uploaded_by: str,
    uploaded_at: datetime | None = None,
    viewer: Viewer | None = None,
) -> IngestResult:
    """Store a checked report: ACCEPTED, UNCHANGED, REFUSED (it has errors, or ``viewer``
    may not upload for its unit) or FAILED. Every outcome but FAILED is in the audit log."""
    add_upload_right_check(report, viewer)
    actor = viewer.actor if viewer else audit.Actor(uploaded_by)
    if not report.ok:
        _record_refusal(engine, actor, report, filename)
        return IngestResult(filename, REFUSED, report.findings, report=report)
    try:
        parts = stored_parts(report)
        stored = store_report(
            engine, report, data, filename, uploaded_by, uploaded_at, parts, actor=actor
        )
    except StorageUnavailable as exc:
        return IngestResult(filename, FAILED, report.findings, report=report, reason=str(exc))
    return IngestResult(filename, stored.status, report.findings, stored.version, report)


def _record_refusal(engine: Engine, actor: audit.Actor, report: Report, filename: str) -> None:
    """The refused upload in the audit log; a log that cannot be written never hides the
    refusal (the file was not stored either way)."""
    errors = [f.rule for f in report.findings if f.is_error]
    try:
        audit.record_alone(
            engine,
            actor,
            "upload.refused",
            unit=report.unit_code,
            period=str(report.period) if report.period else None,
            details={"filename": filename, "errors": len(errors), "rules": sorted(set(errors))},
        )
    except Exception as exc:
        if describe(exc) is None:
            raise


def _unavailable(exc: Exception) -> StorageUnavailable:
    """The user's version of a database failure; an unknown error is re-raised (a bug)."""
    message = describe(exc)
    if message is None:
        raise exc
    return StorageUnavailable(message)


def stored_parts(report: Report, config: Config | None = None) -> StoredParts:
    """The indicator engine's sums of one report, stored with it (``unit_month_parts``)."""
    assert report.unit_code is not None  # a report without errors has its unit
    frames = {sheet_attr(SHEETS_BY_NAME[name]): frame for name, frame in report.frames.items()}
    return report_parts(frames, report.unit_code, config or _config())


def _config() -> Config:
    """The indicator configuration, read once per process and again when the file changes."""
    path = settings.indicator_config_path()
    stamp = (str(path), path.stat().st_mtime if path.exists() else 0.0)
    if _CONFIG.get("stamp") != stamp:
        _CONFIG.update(stamp=stamp, config=load_config(path))
    return _CONFIG["config"]


_CONFIG: dict = {}
