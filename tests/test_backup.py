"""Backup while uploads are running, restore into both backends, compare every submission.

The probe: copying the live SQLite file lost 12 of 140 submissions (still in
the WAL). A backup must be a consistent snapshot: every submission in it
whole (bytes matching their SHA-256, all fact rows), none half-written.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import threading

import pytest
from sqlalchemy import func, select

from data_loaders.template import workbook_bytes
from tests.workbooks import TODAY, build_workbook, valid_report_data
from upt_dashboard import paths
from upt_dashboard.intake.ingest import check_file, ingest_file
from upt_dashboard.storage.backup import BackupError, backup, backup_format, restore
from upt_dashboard.storage.bootstrap import init_db
from upt_dashboard.storage.db import fact_tables, get_engine, submissions

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
UNITS = ("PSTW-JBG", "RSBL-KDR")


def reports(count: int) -> list[tuple[bytes, object]]:
    files = []
    for i in range(count):
        unit = UNITS[i % 2]
        year, month = divmod(2024 * 12 + i // 2, 12)
        data = valid_report_data(unit, year, month + 1)
        files.append(workbook_bytes(build_workbook(data, unit, year, month + 1)))
    return files


def snapshot(engine) -> dict[int, tuple]:
    """Submission id -> (sha256 column, SHA-256 of the stored bytes, fact rows per table)."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(submissions.c.id, submissions.c.sha256, submissions.c.file_bytes)
        )
        out = {r.id: [r.sha256, hashlib.sha256(bytes(r.file_bytes)).hexdigest()] for r in rows}
        for table in fact_tables.values():
            counts = conn.execute(
                select(table.c.submission_id, func.count()).group_by(table.c.submission_id)
            )
            for submission_id, n in counts:
                out[submission_id].append((table.name, n))
    return {k: tuple(v) for k, v in out.items()}


def upload_in_background(engine, files: list[bytes]) -> tuple[threading.Thread, list]:
    checked = [(data, check_file(engine, data, "laporan.xlsx", TODAY)) for data in files]
    answers: list = []

    def run() -> None:
        for data, report in checked:
            answers.append(ingest_file(engine, data, "laporan.xlsx", "uji", report=report).status)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, answers


@pytest.mark.parametrize("source_backend", BACKENDS)
def test_backup_during_uploads_restores_into_both_backends(source_backend, fresh_url, tmp_path):
    source = init_db(get_engine(fresh_url(source_backend, "source")))
    files = reports(40)
    for data in files[:10]:
        assert ingest_file(source, data, "laporan.xlsx", "uji", today=TODAY).status == "accepted"

    thread, answers = upload_in_background(source, files[10:])
    while len(answers) < 5:  # uploads under way
        thread.join(0.01)
    backups = {fmt: tmp_path / f"cadangan.{fmt}" for fmt in ("sqlite", "pg_dump")}
    backup(source, backups["sqlite"], "sqlite")
    if source_backend == "postgresql":
        backup(source, backups["pg_dump"], "pg_dump")
    else:
        del backups["pg_dump"]
    thread.join()
    assert answers == ["accepted"] * 30
    everything = snapshot(source)
    assert len(everything) == 40

    for fmt, path in backups.items():
        assert backup_format(path) == fmt
        targets = ["sqlite", "postgresql"] if fmt == "sqlite" else ["postgresql"]
        for target_backend in targets:
            if target_backend == "postgresql" and not _postgres_available():
                continue
            target = get_engine(fresh_url(target_backend, f"restored_{fmt}"))
            restore(path, target)
            restored = snapshot(init_db(target))
            # A consistent snapshot: the first ten, some of the rest, each one whole.
            assert len(restored) >= 15 and set(restored) <= set(everything)
            assert all(restored[i] == everything[i] for i in restored), (fmt, target_backend)
            assert all(sha == stored for sha, stored, *_ in restored.values())
            # New uploads continue after the restored ids.
            extra = reports(41)[40]
            assert ingest_file(target, extra, "baru.xlsx", "uji", today=TODAY).version == 1
            target.dispose()


def _postgres_available() -> bool:
    from tests.conftest import POSTGRES_URL

    return bool(POSTGRES_URL)


def test_cli_backup_of_a_quiet_database_restores_every_submission(tmp_path):
    """The probe's count: every stored submission is in the backup (none left in the WAL)."""
    url = f"sqlite:///{tmp_path / 'live.db'}"
    engine = init_db(get_engine(url))
    for data in reports(12):
        ingest_file(engine, data, "laporan.xlsx", "uji", today=TODAY)
    # The app still has the database open (WAL not checkpointed) while the backup runs.
    with engine.connect():
        run = subprocess.run(
            [sys.executable, "cli.py", "backup", "-o", str(tmp_path / "c.sqlite"), "--db", url],
            cwd=paths.ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert run.returncode == 0, run.stderr
    restored_url = f"sqlite:///{tmp_path / 'restored.db'}"
    run = subprocess.run(
        [sys.executable, "cli.py", "restore", str(tmp_path / "c.sqlite"), "--db", restored_url],
        cwd=paths.ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert snapshot(init_db(get_engine(restored_url))) == snapshot(engine)


def test_restore_refuses_a_database_that_is_not_empty(tmp_path):
    engine = init_db(get_engine(f"sqlite:///{tmp_path / 'a.db'}"))
    backup(engine, tmp_path / "c.sqlite")
    with pytest.raises(BackupError, match="tidak kosong"):
        restore(tmp_path / "c.sqlite", engine)
    run = subprocess.run(
        [sys.executable, "cli.py", "restore", str(tmp_path / "c.sqlite"), "--db", str(engine.url)],
        cwd=paths.ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 3 and "tidak kosong" in run.stderr and "Traceback" not in run.stderr
