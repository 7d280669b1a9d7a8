"""Importing many report files at once: the CLI's ``import`` and the sample data.

A bulk import is a job: files are read and validated in fenced-off worker
processes (``data_loaders.isolation``) while this process stores each
result, in period order, as soon as it is ready. Each file is its own
transaction and its own result line; a file that fails (refused, unreadable,
the database busy or full) never stops the others. The workers cannot see
what is stored meanwhile, so the one check that needs the database — PM
Awal Bulan against last month's stored PM Akhir Bulan — is added here just
before each report is stored: the outcome is the same as a sequential
import. The workers end with the job (and with this process, however it ends).
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, exists, func, select

from data_loaders.findings import error
from data_loaders.isolation import Job, ReaderPool
from data_loaders.limits import ReadLimits
from data_loaders.report import Report
from data_loaders.texts import text
from upt_dashboard import paths, settings
from upt_dashboard.intake.ingest import (
    FAILED,
    REFUSED,
    IngestResult,
    add_continuity_check,
    store_checked,
    validation_context,
)
from upt_dashboard.storage.db import submissions
from upt_dashboard.storage.submissions import SAMPLE_UPLOADER

SAMPLE_DIR = paths.SAMPLE_DIR
__all__ = ["SAMPLE_UPLOADER", "import_paths", "iter_import", "load_sample_data"]


def import_paths(
    engine: Engine,
    paths: list[Path],
    uploaded_by: str,
    uploaded_at: dict[str, datetime] | None = None,
    workers: int = 1,
) -> list[IngestResult]:
    """Validate and store each file; one result per file, in the order given.

    See :func:`iter_import`; this waits for the whole job.
    """
    ordered = sorted(paths, key=_period_hint)  # the order iter_import stores them in
    results = dict(zip(ordered, iter_import(engine, paths, uploaded_by, uploaded_at, workers)))
    return [results[p] for p in paths]


def iter_import(
    engine: Engine,
    paths: list[Path],
    uploaded_by: str,
    uploaded_at: dict[str, datetime] | None = None,
    workers: int = 1,
) -> Iterator[IngestResult]:
    """Validate and store each file, yielding its result as soon as it is stored.

    Files are taken in period order (names ending ``_YYYY-MM``), each
    stored in its own transaction. ``uploaded_at`` maps a file name to the
    time it counts as uploaded (sample data, paper-era backfills); others
    get now. ``workers`` worker processes read files ahead of the store.
    Results are ACCEPTED, UNCHANGED, REFUSED or FAILED (with a reason);
    closing the iterator early stops the workers.
    """
    uploaded_at = uploaded_at or {}
    ordered = sorted(paths, key=_period_hint)
    context = validation_context(engine)
    limits = ReadLimits.from_settings()
    pool = ReaderPool(
        max(1, workers),
        int(settings.number("DASHBOARD_READER_MEMORY_MB")),
        settings.number("DASHBOARD_READER_TIMEOUT_S"),
    )

    def check(path: Path) -> tuple[bytes, Report] | IngestResult:
        try:
            data = path.read_bytes()
        except OSError as exc:
            return _unreadable(path, exc)
        return data, pool.read(Job(data, path.name, context, limits))

    threads = ThreadPoolExecutor(pool.size, thread_name_prefix="import")
    checked_files = threads.map(check, ordered)
    try:
        for path, checked in zip(ordered, checked_files):
            yield _store(engine, path, checked, uploaded_by, uploaded_at.get(path.name))
    finally:
        # Stopped early (Ctrl-C, an error): files not yet read are not read at all. The
        # map is closed here, not when collected: a Ctrl-C arriving while a collected
        # generator cancels its futures is printed as an ignored traceback.
        threads.shutdown(wait=False, cancel_futures=True)
        checked_files.close()
        pool.close()


def _store(
    engine: Engine,
    path: Path,
    checked: tuple[bytes, Report] | IngestResult,
    uploaded_by: str,
    uploaded_at: datetime | None,
) -> IngestResult:
    if isinstance(checked, IngestResult):
        return checked
    data, report = checked
    try:
        add_continuity_check(engine, report)
        return store_checked(engine, report, data, path.name, uploaded_by, uploaded_at)
    except Exception as exc:  # one file's failure must not stop the others
        reason = f"kesalahan tak terduga ({type(exc).__name__}: {str(exc).splitlines()[0]})"
        return IngestResult(path.name, FAILED, report.findings, report=report, reason=reason)


def _period_hint(path: Path) -> str:
    # Sample and template names end in _YYYY-MM; others keep their order.
    stem = path.stem
    return stem[-7:] if len(stem) >= 7 and stem[-3] == "-" else ""


def _unreadable(path: Path, exc: OSError) -> IngestResult:
    finding = error(
        "",
        "",
        text("berkas_tidak_dapat_dibuka", filename=path.name, detail=exc.strerror or exc),
        "berkas_tidak_terbaca",
    )
    return IngestResult(path.name, REFUSED, [finding])


def sample_upload_times(folder: Path = SAMPLE_DIR) -> dict[str, datetime]:
    """File name -> upload time from sample_data/uploads.csv."""
    path = folder / "uploads.csv"
    if not path.exists():
        return {}
    with path.open(newline="") as fh:
        return {
            row["file"]: datetime.fromisoformat(row["uploaded_at"]) for row in csv.DictReader(fh)
        }


def sample_files(folder: Path = SAMPLE_DIR) -> list[Path]:
    return sorted(folder.glob("*.xlsx"))


def load_sample_data(
    engine: Engine, folder: Path = SAMPLE_DIR, files: Iterable[Path] | None = None, workers: int = 2
) -> list[IngestResult]:
    """Import sample_data/ (or the given files of it) with their recorded upload times."""
    return import_paths(
        engine,
        list(files or sample_files(folder)),
        SAMPLE_UPLOADER,
        sample_upload_times(folder),
        workers,
    )


def iter_sample_data(
    engine: Engine, folder: Path = SAMPLE_DIR, workers: int | None = None
) -> Iterator[IngestResult]:
    """:func:`load_sample_data` one result at a time (a progress bar follows it)."""
    return iter_import(
        engine,
        sample_files(folder),
        SAMPLE_UPLOADER,
        sample_upload_times(folder),
        workers or default_workers(),
    )


def sample_data_wanted(engine: Engine, folder: Path = SAMPLE_DIR) -> bool:
    """True for a database with no submissions, or with only part of the sample data
    (a first start stopped midway: importing again stores only what is missing)."""
    with engine.connect() as conn:
        if not conn.execute(select(exists().select_from(submissions))).scalar():
            return True
        if conn.execute(
            select(exists().where(submissions.c.uploaded_by != SAMPLE_UPLOADER))
        ).scalar():
            return False
        current = select(func.count()).select_from(submissions).where(submissions.c.is_current)
        stored = conn.execute(current).scalar()
    return stored < len(sample_files(folder))


def sample_data_in_use(engine: Engine) -> bool:
    """True while any current submission came from the sample data."""
    query = select(
        exists().where(submissions.c.is_current & (submissions.c.uploaded_by == SAMPLE_UPLOADER))
    )
    with engine.connect() as conn:
        return bool(conn.execute(query).scalar())


def default_workers() -> int:
    """One validating process per core, at most two (the store is the other bottleneck)."""
    return min(2, os.cpu_count() or 1)


def recorded_upload_times(files: Iterable[Path]) -> dict[str, datetime]:
    """Upload times recorded for these files in their folder's uploads.csv (sample data)."""
    times: dict[str, datetime] = {}
    for folder in {f.resolve().parent for f in files}:
        times |= sample_upload_times(folder)
    return {f.name: times[f.name] for f in files if f.name in times}
