"""Importing many report files at once: the CLI's ``import`` and the sample data.

With ``workers`` > 1, reading and validating (the costly part) runs in
worker processes while this process stores the results in period order.
The workers cannot see what is stored meanwhile, so the one check that
needs the database — PM Awal Bulan against last month's stored PM Akhir
Bulan — is added here just before each report is stored: the outcome is
the same as a sequential import.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from datetime import date, datetime
from multiprocessing import get_context
from pathlib import Path

from sqlalchemy import Engine, exists, select

from data_loaders.findings import error
from data_loaders.report import Report, ValidationContext, add_previous_pm_check, load_report
from data_loaders.texts import text
from upt_dashboard import paths, settings
from upt_dashboard.intake.ingest import REFUSED, IngestResult, ingest_file
from upt_dashboard.months import Month
from upt_dashboard.storage.db import submissions
from upt_dashboard.storage.registry import list_units
from upt_dashboard.storage.submissions import previous_pm_akhir, store_report

SAMPLE_DIR = paths.SAMPLE_DIR
SAMPLE_UPLOADER = "data contoh"


def import_paths(
    engine: Engine,
    paths: list[Path],
    uploaded_by: str,
    uploaded_at: dict[str, datetime] | None = None,
    workers: int = 1,
) -> list[IngestResult]:
    """Validate and store each file; one result per file, in the order given.

    ``uploaded_at`` maps a file name to the time it counts as uploaded
    (sample data replays believable upload times); others get now.
    ``workers`` > 1 validates in that many worker processes: only from a
    program with a ``__main__`` guard (the CLI), since the workers' start
    re-imports the main module (a Streamlit script would run again).
    """
    uploaded_at = uploaded_at or {}
    ordered = sorted(paths, key=_period_hint)
    if workers < 2 or len(paths) < 4:
        results = {p: _ingest_one(engine, p, uploaded_by, uploaded_at) for p in ordered}
    else:
        results = _import_in_parallel(engine, ordered, uploaded_by, uploaded_at, workers)
    return [results[p] for p in paths]


def _ingest_one(
    engine: Engine, path: Path, uploaded_by: str, uploaded_at: dict[str, datetime]
) -> IngestResult:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _unreadable(path, exc)
    return ingest_file(engine, data, path.name, uploaded_by, uploaded_at=uploaded_at.get(path.name))


def _import_in_parallel(
    engine: Engine,
    ordered: list[Path],
    uploaded_by: str,
    uploaded_at: dict[str, datetime],
    workers: int,
) -> dict[Path, IngestResult]:
    units = list_units(engine)
    context = ValidationContext(
        dict(zip(units["code"], units["name"])), date.today(), _not_known_here
    )
    # A fork server with the reader preloaded starts workers in milliseconds
    # (spawn re-imports everything per worker); its own process has never run
    # a polars query, so forking from it cannot inherit a busy thread pool.
    mp_context = get_context("forkserver")
    mp_context.set_forkserver_preload(["data_loaders.report"])
    # One polars thread per worker: the workers already fill the cores.
    with (
        settings.child_environment(POLARS_MAX_THREADS="1"),
        ProcessPoolExecutor(workers, mp_context=mp_context) as pool,
    ):
        outcomes = pool.map(
            _check_path,
            ordered,
            [context] * len(ordered),
            [settings.max_upload_bytes()] * len(ordered),
            chunksize=4,
        )
        return {
            path: _store(engine, path, outcome, uploaded_by, uploaded_at)
            for path, outcome in zip(ordered, outcomes)
        }


def _not_known_here(unit: str, month: Month) -> None:
    """Workers' continuity lookup: unknown; the storing process adds the check."""
    return None


def _check_path(path: Path, context: ValidationContext, max_bytes: int) -> Report | str:
    """Worker: read and validate one file (the OS error text if it can't be read)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return exc.strerror or str(exc)
    return load_report(data, path.name, context, max_bytes=max_bytes)


def _store(
    engine: Engine,
    path: Path,
    outcome: Report | str,
    uploaded_by: str,
    uploaded_at: dict[str, datetime],
) -> IngestResult:
    if isinstance(outcome, str):
        return _unreadable(path, OSError(outcome))
    if not outcome.ok:
        return IngestResult(path.name, REFUSED, outcome.findings, report=outcome)
    add_previous_pm_check(
        outcome, previous_pm_akhir(engine, outcome.unit_code, outcome.period.previous())
    )
    stored = store_report(
        engine, outcome, path.read_bytes(), path.name, uploaded_by, uploaded_at.get(path.name)
    )
    return IngestResult(path.name, stored.status, outcome.findings, stored.version, outcome)


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
    engine: Engine, folder: Path = SAMPLE_DIR, files: Iterable[Path] | None = None, workers: int = 1
) -> list[IngestResult]:
    """Import sample_data/ (or the given files of it) with their recorded upload times."""
    return import_paths(
        engine,
        list(files or sample_files(folder)),
        SAMPLE_UPLOADER,
        sample_upload_times(folder),
        workers,
    )


def load_sample_data_if_empty(engine: Engine, folder: Path = SAMPLE_DIR) -> bool:
    """Load the sample data into a database with no submissions; True if it did."""
    with engine.connect() as conn:
        if conn.execute(select(exists().select_from(submissions))).scalar():
            return False
    load_sample_data(engine, folder)
    return True


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
