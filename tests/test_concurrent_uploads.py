"""Deadline day: many processes storing at once, on SQLite and PostgreSQL.

Each writer is a separate OS process (as separate app processes or CLI runs
are), checking its files first and then storing them together at one
moment, through the upload page's path (``ingest_file`` with the checked
report). Every attempt must get an answer, versions must stay gapless with
one current, and identical bytes must never become two versions in a row.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from data_loaders.template import workbook_bytes
from tests.workbooks import TODAY, build_workbook, valid_report_data
from upt_dashboard import paths
from upt_dashboard.storage.bootstrap import init_db
from upt_dashboard.storage.db import fact_tables, get_engine, submissions
from upt_dashboard.storage.scope import EVERYTHING

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
UNIT, YEAR, MONTH = "PSTW-JBG", 2026, 3

_WRITER = """
import json, sys, time
from datetime import date
from pathlib import Path
from upt_dashboard.intake.ingest import check_file, ingest_file
from upt_dashboard.storage.db import get_engine

url, start, files = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
engine = get_engine(url)
checked = [(Path(f), check_file(engine, Path(f).read_bytes(), Path(f).name, date(2026, 4, 8)))
           for f in files]
time.sleep(max(0.0, start - time.time()))
answers = []
for path, report in checked:
    try:
        r = ingest_file(engine, path.read_bytes(), path.name, "writer", report=report)
        answers.append([r.status, r.version, r.reason])
    except Exception as exc:
        answers.append(["exception", None, f"{type(exc).__name__}: {exc}"])
print(json.dumps(answers))
"""


def variant(tmp_path: Path, n: int) -> Path:
    """A valid report of the unit-month whose bytes differ by the head's name."""
    data = valid_report_data(UNIT, YEAR, MONTH)
    data["Identitas"]["nama_kepala_upt"] = f"Kepala Versi {n}"
    path = tmp_path / f"laporan_{n}.xlsx"
    path.write_bytes(workbook_bytes(build_workbook(data, UNIT, YEAR, MONTH)))
    return path


def run_writers(url: str, batches: list[list[Path]]) -> list[list]:
    """One process per batch, all storing from the same moment; every answer."""
    start = time.time() + 12  # time for every process to start and check its files
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, url, str(start), *map(str, batch)],
            cwd=paths.ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
        )
        for batch in batches
    ]
    answers = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        answers.extend(json.loads(out.splitlines()[-1]))
    return answers


def _env() -> dict:
    return {**os.environ, "DASHBOARD_READER_WORKERS": "1"}


def versions(engine) -> list[tuple[int, bool, str]]:
    query = (
        select(submissions.c.version, submissions.c.is_current, submissions.c.sha256)
        .where(
            (submissions.c.unit_code == UNIT)
            & (submissions.c.year == YEAR)
            & (submissions.c.month == MONTH)
        )
        .order_by(submissions.c.version)
    )
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(query)]


@pytest.mark.parametrize("backend", BACKENDS)
def test_eight_processes_storing_one_unit_month_all_get_an_answer(backend, fresh_url, tmp_path):
    engine = init_db(get_engine(fresh_url(backend, "eight")))
    url = engine.url.render_as_string(hide_password=False)

    # Round 1: the same file from eight processes at once, into an empty unit-month.
    same = variant(tmp_path, 0)
    answers = run_writers(url, [[same]] * 8)
    assert sorted(a[0] for a in answers) == ["accepted"] + ["unchanged"] * 7, answers
    assert versions(engine) == [(1, True, versions(engine)[0][2])]

    # Round 2: eight processes, five different files each, all at once.
    files = [variant(tmp_path, n) for n in range(1, 41)]
    answers = run_writers(url, [files[i::8] for i in range(8)])
    assert [a[0] for a in answers] == ["accepted"] * 40, [a for a in answers if a[0] != "accepted"]
    stored = versions(engine)
    assert [v for v, _, _ in stored] == list(range(1, 42))  # gapless
    assert [v for v, current, _ in stored if current] == [41]  # one current
    assert sorted(a[1] for a in answers) == list(range(2, 42))  # each answer names its version
    shas = [sha for _, _, sha in stored]
    assert len(set(shas)) == 41  # identical bytes stored once
    with engine.connect() as conn:
        ids = select(submissions.c.id)
        table = fact_tables["Kehadiran Pegawai"]
        rows = conn.execute(select(table.c.submission_id).where(table.c.submission_id.in_(ids)))
        assert len({r[0] for r in rows}) == 41  # every version kept its facts


_IMPORT_FILES = [("PSTW-JBG", 2026, m) for m in range(1, 5)] + [
    ("RSBL-KDR", 2026, m) for m in range(1, 5)
]


@pytest.mark.parametrize("backend", BACKENDS)
def test_two_bulk_imports_at_once_both_finish_without_a_traceback(backend, fresh_url, tmp_path):
    engine = init_db(get_engine(fresh_url(backend, "twobulk")))
    url = engine.url.render_as_string(hide_password=False)
    files = []
    for unit, year, month in _IMPORT_FILES:
        path = tmp_path / f"{unit}_{year}-{month:02d}.xlsx"
        data = valid_report_data(unit, year, month)
        path.write_bytes(workbook_bytes(build_workbook(data, unit, year, month)))
        files.append(str(path))
    procs = [
        subprocess.Popen(
            [sys.executable, "cli.py", "import", *files, "--db", url],
            cwd=paths.ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, out + err
        assert "Traceback" not in err
        assert out.strip().splitlines()[-1].startswith("Selesai: ")
    # Each file is stored once: accepted by one import, unchanged in the other.
    accepted = sum(out.count(": diterima (versi 1") for out, _ in outputs)
    unchanged = sum(out.count(": tidak berubah") for out, _ in outputs)
    assert (accepted, unchanged) == (8, 8)
    with engine.connect() as conn:
        rows = conn.execute(select(submissions.c.version, submissions.c.is_current)).all()
    assert sorted(rows) == [(1, True)] * 8


def test_nul_and_escape_characters_are_removed_the_same_on_both_backends(engine):
    """Excel's _x0000_ escape reads back as NUL, which PostgreSQL cannot store."""
    from upt_dashboard.intake.ingest import ingest_file
    from upt_dashboard.storage.facts import load_facts

    data = valid_report_data(UNIT, YEAR, MONTH)
    data["Kehadiran Pegawai"][0]["nama"] = "Budi_x0000_ Santoso_x001B_[31m"
    raw = workbook_bytes(build_workbook(data, UNIT, YEAR, MONTH))
    result = ingest_file(engine, raw, "lap\x00oran\x1b[2J.xlsx", "ope\x00rator", today=TODAY)
    assert result.status == "accepted", [f.message for f in result.findings]
    names = load_facts(engine, EVERYTHING).kehadiran_pegawai["nama"].to_list()
    assert "Budi Santoso[31m" in names
    assert not any(ch in "".join(names) for ch in "\x00\x1b")
    with engine.connect() as conn:
        row = conn.execute(select(submissions.c.filename, submissions.c.uploaded_by)).one()
    assert tuple(row) == ("laporan[2J.xlsx", "operator")
    from upt_dashboard.storage.audit import list_entries, verify

    logged = list_entries(engine, action="upload.accepted").row(0, named=True)
    assert logged["username"] == "operator" and "\x00" not in logged["details"]
    assert verify(engine)[0] == []  # the chain hashes what was stored


@pytest.mark.postgres
def test_submissions_of_different_units_commit_in_the_order_of_their_ids(
    fresh_url, tmp_path, monkeypatch
):
    """Readers bring held data up to date with "ids above the newest held": an upload
    that took its id first and commits last would never be seen by them. A second unit's
    upload therefore waits for the first one's commit."""
    import threading
    from datetime import date

    from upt_dashboard.intake.ingest import ACCEPTED, check_file, ingest_file
    from upt_dashboard.storage import submissions as storing

    engine = init_db(get_engine(fresh_url("postgresql", "id_order")))
    checked = {}
    for unit in ("PSTW-JBG", "PRS-SDA"):
        data = workbook_bytes(
            build_workbook(valid_report_data(unit, YEAR, MONTH), unit, YEAR, MONTH)
        )
        checked[unit] = (data, check_file(engine, data, f"{unit}.xlsx", date(2026, 4, 8)))

    real, calls = storing._insert_facts, []

    def slow_first(*args, **kwargs):  # the first upload's rows take a second to write
        calls.append(args[1])
        if len(calls) == 1:
            time.sleep(1.0)
        return real(*args, **kwargs)

    monkeypatch.setattr(storing, "_insert_facts", slow_first)
    finished: list[str] = []

    def upload(unit: str) -> None:
        data, report = checked[unit]
        assert ingest_file(engine, data, f"{unit}.xlsx", "writer", report=report).status == ACCEPTED
        finished.append(unit)

    first = threading.Thread(target=upload, args=("PSTW-JBG",))
    first.start()
    time.sleep(0.3)  # the first holds its id and is writing its rows
    second = threading.Thread(target=upload, args=("PRS-SDA",))
    second.start()
    first.join(timeout=60)
    second.join(timeout=60)
    assert finished == ["PSTW-JBG", "PRS-SDA"]  # commit order
    assert calls == sorted(calls)  # is id order
    engine.dispose()
