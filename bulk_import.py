"""Importing many report files at once: the CLI's ``import`` and the sample data.

Reading and validating (the costly part) runs in worker processes, one per
core; storing stays in this process, in period order, so each month's
continuity check (PM Awal Bulan against last month's PM Akhir Bulan) sees
the month before it, whether stored earlier or earlier in the same batch.
"""

from __future__ import annotations

import csv
import os
from multiprocessing import get_context
from collections.abc import Iterable
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from itertools import groupby
from pathlib import Path

from sqlalchemy import Engine, exists, select

import settings
from data_loaders.findings import error
from data_loaders.report import Report, ValidationContext, load_report
from ingest import REFUSED, IngestResult, ingest_file
from storage.db import ROOT, get_engine, submissions
from storage.registry import list_units
from storage.submissions import previous_pm_akhir, store_report

SAMPLE_DIR = ROOT / "sample_data"
SAMPLE_UPLOADER = "data contoh"


def import_paths(engine: Engine, paths: list[Path], uploaded_by: str,
                 uploaded_at: dict[str, datetime] | None = None,
                 workers: int = 1) -> list[IngestResult]:
    """Validate and store each file; one result per file, in the order given.

    ``uploaded_at`` maps a file name to the time it counts as uploaded
    (sample data replays believable upload times); others get now.
    ``workers`` > 1 validates in that many spawned processes: only from a
    program with a ``__main__`` guard (the CLI), since spawned workers
    re-import the main module (a Streamlit script would run again).
    """
    uploaded_at = uploaded_at or {}
    ordered = sorted(paths, key=_period_hint)
    if workers < 2 or len(paths) < 4 or _in_memory(engine):
        results = {p: _ingest_one(engine, p, uploaded_by, uploaded_at) for p in ordered}
    else:
        # spawn, not fork: a forked copy of polars' thread pool can deadlock.
        # One polars thread per worker: the workers already fill the cores.
        with _environment(POLARS_MAX_THREADS="1"), \
                ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
            results = _import_in_parallel(engine, ordered, uploaded_by, uploaded_at, pool)
    return [results[p] for p in paths]


@contextmanager
def _environment(**values: str):
    """Set environment variables for processes started inside the block."""
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _ingest_one(engine: Engine, path: Path, uploaded_by: str,
                uploaded_at: dict[str, datetime]) -> IngestResult:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _unreadable(path, exc)
    return ingest_file(engine, data, path.name, uploaded_by,
                       uploaded_at=uploaded_at.get(path.name))


def _import_in_parallel(engine: Engine, ordered: list[Path], uploaded_by: str,
                        uploaded_at: dict[str, datetime],
                        pool: Executor) -> dict[Path, IngestResult]:
    """Validate period group N+1 in the workers while group N is stored here."""
    units = list_units(engine)
    registry = dict(zip(units["code"], units["name"]))
    batch_residents: dict[tuple[str, int, int], int] = {}
    groups = [list(g) for _, g in groupby(ordered, key=_period_hint)]

    def submit(group: list[Path]):
        lookup = PreviousResidents(engine.url.render_as_string(hide_password=False),
                                   dict(batch_residents))
        context = ValidationContext(registry, date.today(), lookup)
        return [(p, pool.submit(_check_path, p, context, settings.max_upload_bytes()))
                for p in group]

    results: dict[Path, IngestResult] = {}
    pending = submit(groups[0])
    for i in range(len(groups)):
        checked = [(p, future.result()) for p, future in pending]
        for _, outcome in checked:
            if isinstance(outcome, Report) and outcome.ok:
                pm = outcome.frames["Penerima Manfaat"]
                batch_residents[(outcome.unit_code, outcome.year, outcome.month)] = (
                    pm["pm_akhir_bulan"][0])
        if i + 1 < len(groups):
            pending = submit(groups[i + 1])
        for path, outcome in checked:
            results[path] = _store(engine, path, outcome, uploaded_by, uploaded_at)
    return results


def _check_path(path: Path, context: ValidationContext, max_bytes: int) -> Report | str:
    """Worker: read and validate one file (the OS error text if it can't be read)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return exc.strerror or str(exc)
    return load_report(data, path.name, context, max_bytes=max_bytes)


def _store(engine: Engine, path: Path, outcome: Report | str, uploaded_by: str,
           uploaded_at: dict[str, datetime]) -> IngestResult:
    if isinstance(outcome, str):
        return _unreadable(path, OSError(outcome))
    if not outcome.ok:
        return IngestResult(path.name, REFUSED, outcome.findings, report=outcome)
    stored = store_report(engine, outcome, path.read_bytes(), path.name, uploaded_by,
                          uploaded_at.get(path.name))
    return IngestResult(path.name, stored.status, outcome.findings, stored.version, outcome)


@dataclass(frozen=True)
class PreviousResidents:
    """Picklable continuity lookup for workers: this batch first, then the database."""

    url: str
    batch: dict[tuple[str, int, int], int]

    def __call__(self, unit: str, year: int, month: int) -> int | None:
        if (unit, year, month) in self.batch:
            return self.batch[(unit, year, month)]
        return previous_pm_akhir(_worker_engine(self.url), unit, year, month)


_ENGINES: dict[str, Engine] = {}


def _worker_engine(url: str) -> Engine:
    if url not in _ENGINES:
        _ENGINES[url] = get_engine(url)
    return _ENGINES[url]


def _in_memory(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite" and engine.url.database in (None, "", ":memory:")


def _period_hint(path: Path) -> str:
    # Sample and template names end in _YYYY-MM; others keep their order.
    stem = path.stem
    return stem[-7:] if len(stem) >= 7 and stem[-3] == "-" else ""


def _unreadable(path: Path, exc: OSError) -> IngestResult:
    finding = error("", "", f"Berkas {path.name} tidak dapat dibuka: {exc.strerror or exc}.",
                    "berkas_tidak_terbaca")
    return IngestResult(path.name, REFUSED, [finding])


def sample_upload_times(folder: Path = SAMPLE_DIR) -> dict[str, datetime]:
    """File name -> upload time from sample_data/uploads.csv."""
    path = folder / "uploads.csv"
    if not path.exists():
        return {}
    with path.open(newline="") as fh:
        return {row["file"]: datetime.fromisoformat(row["uploaded_at"])
                for row in csv.DictReader(fh)}


def sample_files(folder: Path = SAMPLE_DIR) -> list[Path]:
    return sorted(folder.glob("*.xlsx"))


def load_sample_data(engine: Engine, folder: Path = SAMPLE_DIR,
                     files: Iterable[Path] | None = None,
                     workers: int = 1) -> list[IngestResult]:
    """Import sample_data/ (or the given files of it) with their recorded upload times."""
    return import_paths(engine, list(files or sample_files(folder)), SAMPLE_UPLOADER,
                        sample_upload_times(folder), workers)


def load_sample_data_if_empty(engine: Engine, folder: Path = SAMPLE_DIR) -> bool:
    """Load the sample data into a database with no submissions; True if it did."""
    with engine.connect() as conn:
        if conn.execute(select(exists().select_from(submissions))).scalar():
            return False
    load_sample_data(engine, folder)
    return True


def sample_data_in_use(engine: Engine) -> bool:
    """True while any current submission came from the sample data."""
    query = select(exists().where(submissions.c.is_current
                                  & (submissions.c.uploaded_by == SAMPLE_UPLOADER)))
    with engine.connect() as conn:
        return bool(conn.execute(query).scalar())


def default_workers() -> int:
    """One validating process per core, at most two (the store is the other bottleneck)."""
    return min(2, os.cpu_count() or 1)
