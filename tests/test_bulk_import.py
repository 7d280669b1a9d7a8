"""``cli.py import`` as a job: a line per file as it is stored, failures that stop nothing,
a summary, an exit code that tells, and no process left behind however it ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from data_loaders.template import workbook_bytes
from tests.hostile import SHEET_HEAD, SHEET_TAIL, with_sheet_xml
from tests.workbooks import build_workbook, valid_report_data
from upt_dashboard import paths
from upt_dashboard.intake.bulk import SAMPLE_UPLOADER, sample_upload_times
from upt_dashboard.storage.bootstrap import init_db
from upt_dashboard.storage.db import get_engine
from upt_dashboard.storage.scope import EVERYTHING
from upt_dashboard.storage.submissions import list_submissions

SAMPLES = paths.SAMPLE_DIR


def report_file(folder: Path, unit: str, year: int, month: int) -> Path:
    path = folder / f"{unit}_{year}-{month:02d}.xlsx"
    data = valid_report_data(unit, year, month)
    path.write_bytes(workbook_bytes(build_workbook(data, unit, year, month)))
    return path


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "cli.py", *args],
        cwd=paths.ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def test_failing_files_in_the_middle_of_a_batch_stop_nothing(tmp_path):
    folder = tmp_path / "berkas"
    folder.mkdir()
    first = report_file(folder, "PSTW-JBG", 2026, 1)
    # A reader crash (worker out of memory), an unreadable path and a damaged file, mid-batch.
    corners = (
        b'<row r="1"><c r="A1"><v>1</v></c></row><row r="900000"><c r="Z900000"><v>1</v></c></row>'
    )
    crash = folder / "PSTW-JBG_2026-02.xlsx"
    crash.write_bytes(
        with_sheet_xml(first.read_bytes(), "Kehadiran Pegawai", SHEET_HEAD + corners + SHEET_TAIL)
    )
    unreadable = folder / "PSTW-JBG_2026-03.xlsx"
    unreadable.mkdir()
    damaged = folder / "PSTW-JBG_2026-04.xlsx"
    damaged.write_bytes(first.read_bytes()[:3000])
    last = report_file(folder, "PSTW-JBG", 2026, 5)
    db = f"sqlite:///{tmp_path / 'db.sqlite'}"

    files = [first, crash, unreadable, damaged, last]
    run = cli(
        "import",
        *map(str, files),
        "--db",
        db,
        env={"DASHBOARD_MAX_ROWS": "1000000", "DASHBOARD_READER_MEMORY_MB": "400"},
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    lines = [line for line in run.stdout.splitlines() if not line.startswith("  ")]
    assert lines == [
        "PSTW-JBG_2026-01.xlsx: diterima (versi 1, 0 peringatan)",
        "PSTW-JBG_2026-02.xlsx: ditolak (1 kesalahan)",
        "PSTW-JBG_2026-03.xlsx: ditolak (1 kesalahan)",
        "PSTW-JBG_2026-04.xlsx: ditolak (1 kesalahan)",
        "PSTW-JBG_2026-05.xlsx: diterima (versi 1, 0 peringatan)",
        "Selesai: 2 diterima, 0 tidak berubah, 3 ditolak, 0 gagal (5 dari 5 berkas).",
    ]
    assert "batas memori pembaca 400 MB" in run.stdout
    assert "tidak dapat dibuka" in run.stdout and "rusak" in run.stdout
    listing = list_submissions(init_db(get_engine(db)), EVERYTHING)
    assert sorted(listing["month"].to_list()) == [1, 5]


def test_a_file_the_database_cannot_take_is_failed_and_the_exit_code_says_so(tmp_path):
    db = tmp_path / "db.sqlite"
    init_db(get_engine(f"sqlite:///{db}")).dispose()
    path = report_file(tmp_path, "PSTW-JBG", 2026, 1)
    # Read-only: what a data folder without write permission gives SQLite.
    run = cli("import", str(path), "--db", f"sqlite:///file:{db}?mode=ro&uri=true")
    assert run.returncode == 3, run.stdout + run.stderr
    assert "gagal disimpan: Penyimpanan data hanya bisa dibaca" in run.stdout
    assert run.stdout.strip().splitlines()[-1].endswith("1 gagal (1 dari 1 berkas).")


def test_received_at_records_paper_era_reports_on_that_day(tmp_path):
    db = f"sqlite:///{tmp_path / 'db.sqlite'}"
    path = report_file(tmp_path, "PSTW-JBG", 2024, 1)
    run = cli("import", str(path), "--received-at", "2024-02-09", "--db", db)
    assert run.returncode == 0, run.stdout + run.stderr
    listing = list_submissions(init_db(get_engine(db)), EVERYTHING)
    assert listing["uploaded_at"].to_list() == [datetime(2024, 2, 9, 12, tzinfo=UTC)]
    assert listing["uploaded_by"].to_list() == ["cli"]
    bad = cli("import", str(path), "--received-at", "9-2-2024", "--db", db)
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr


def test_importing_sample_files_replays_their_recorded_upload_times(tmp_path):
    """The README's import gives the same timeliness as the app's first start."""
    db = f"sqlite:///{tmp_path / 'db.sqlite'}"
    files = sorted(SAMPLES.glob("PSTW-JBG_2026-*.xlsx"))[:4]
    run = cli("import", *map(str, files), "--db", db)
    assert run.returncode == 0, run.stdout + run.stderr
    listing = list_submissions(init_db(get_engine(db)), EVERYTHING)
    recorded = sample_upload_times()
    stored = dict(zip(listing["filename"], listing["uploaded_at"]))
    assert stored == {f.name: recorded[f.name] for f in files}
    assert set(listing["uploaded_by"]) == {SAMPLE_UPLOADER}


# --- no process outlives the import ----------------------------------------------------


def descendants(pid: int) -> set[int]:
    """Every living process below ``pid`` (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_no_process_is_left_when_the_import_is_killed(how, tmp_path):
    files = sorted(SAMPLES.glob("*.xlsx"))[:120]
    proc = subprocess.Popen(
        [
            sys.executable,
            "cli.py",
            "import",
            *map(str, files),
            "--db",
            f"sqlite:///{tmp_path}/k.db",
        ],
        cwd=paths.ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    first_line = proc.stdout.readline()  # the job is under way: workers are busy
    assert ": diterima" in first_line, first_line or proc.stderr.read()
    workers = descendants(proc.pid)
    assert len(workers) >= 2
    proc.send_signal(how)
    out, err = proc.communicate(timeout=60)
    deadline = time.monotonic() + 15
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert [pid for pid in workers if alive(pid)] == []
    if how != signal.SIGKILL:  # an orderly stop: the files done are said, then a summary
        assert proc.returncode == 130 and "Traceback" not in err
        assert out.strip().splitlines()[-1].startswith("Terhenti: ")


def test_control_characters_from_files_are_escaped_in_the_terminal(tmp_path):
    """An ANSI escape in a file name must not reach the operator's terminal as one."""
    path = tmp_path / "lap\x1b[2Joran\x07.xlsx"
    path.write_bytes(b"bukan excel")
    db = f"sqlite:///{tmp_path / 'db.sqlite'}"
    run = cli("import", str(path), "--db", db)
    assert run.returncode == 1
    assert "\x1b" not in run.stdout and "\x07" not in run.stdout
    assert "lap\\x1b[2Joran\\x07.xlsx: ditolak (1 kesalahan)" in run.stdout
