"""Importing many report files at once: the CLI's ``import`` and the sample data.

Files are imported in period order so each month's continuity check sees
the month before it.
"""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, exists, select

from ingest import IngestResult, ingest_file
from storage.db import ROOT, submissions

SAMPLE_DIR = ROOT / "sample_data"
SAMPLE_UPLOADER = "data contoh"


def import_paths(engine: Engine, paths: list[Path], uploaded_by: str,
                 uploaded_at: dict[str, datetime] | None = None) -> list[IngestResult]:
    """Validate and store each file; one result per file, in the order given.

    ``uploaded_at`` maps a file name to the time it counts as uploaded
    (sample data replays believable upload times); others get now.
    """
    uploaded_at = uploaded_at or {}
    results: dict[Path, IngestResult] = {}
    for path in sorted(paths, key=_period_hint):
        try:
            data = path.read_bytes()
        except OSError as exc:
            results[path] = IngestResult(path.name, "refused", [_unreadable(path, exc)])
            continue
        results[path] = ingest_file(engine, data, path.name, uploaded_by,
                                    uploaded_at=uploaded_at.get(path.name))
    return [results[p] for p in paths]


def _period_hint(path: Path) -> str:
    # Sample and template names end in _YYYY-MM; others keep their order.
    stem = path.stem
    return stem[-7:] if len(stem) >= 7 and stem[-3] == "-" else ""


def _unreadable(path: Path, exc: OSError):
    from data_loaders.findings import error

    return error("", "", f"Berkas {path.name} tidak dapat dibuka: {exc.strerror}.",
                 "berkas_tidak_terbaca")


def sample_upload_times(folder: Path = SAMPLE_DIR) -> dict[str, datetime]:
    """File name -> upload time from sample_data/uploads.csv."""
    path = folder / "uploads.csv"
    if not path.exists():
        return {}
    with path.open(newline="") as fh:
        return {row["file"]: datetime.fromisoformat(row["uploaded_at"])
                for row in csv.DictReader(fh)}


def load_sample_data(engine: Engine, folder: Path = SAMPLE_DIR) -> list[IngestResult]:
    return import_paths(engine, sorted(folder.glob("*.xlsx")), SAMPLE_UPLOADER,
                        sample_upload_times(folder))


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
