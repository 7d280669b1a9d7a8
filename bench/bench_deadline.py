"""Deadline-day load test: 30 units upload within two minutes while 20 leaders browse.

    python -m bench.bench_deadline [--seconds 120] [--leaders 20] [--backend sqlite|postgresql|both]
                                   [--postgres-url URL]

Scenarios (each on a fresh database holding 30 synthetic units × 24 months):

- SQLite, one app process;
- PostgreSQL, two app processes on the same database (``--postgres-url``,
  default ``$BENCH_POSTGRES_URL``; the database is emptied first).

Each app process is a separate OS process serving its share of the load the
way the Streamlit server does, in threads of one process:

- uploads through the upload page's code path (``check_file`` — read and
  validate in a reader worker — then ``ingest_file`` with the checked
  report): every unit uploads its October report at a random moment within
  ``--seconds``, and a third of them upload a correction a little later;
- leaders (threads) open Ringkasan in a new session (``AppTest``, server-side
  render as in bench_pages), change the period filter, pause 1–3 s, again,
  until the uploads are done. AppTest is not thread-safe, so one session
  renders at a time per process (a Streamlit process is close to that under
  the GIL); a page view's time includes waiting for its turn.

Prints errors (goal 0: exceptions, FAILED or refused uploads, pages that
raised), submissions lost (goal 0: an accepted upload not stored as the
current version with its bytes) and p50/p95 seconds per upload and per page
view. Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

UNITS, MONTHS = 30, 24
YEAR, MONTH = 2026, 10  # bench_indicators.LAST_MONTH: each upload is a new version


def build_files(folder: Path, codes: list[str], names: dict[str, str]) -> list[Path]:
    """One report per unit, and a correction for every third unit (40 files)."""
    from data_loaders.template import fill_template, workbook_bytes, write_template
    from tests.workbooks import valid_report_data
    from upt_dashboard.months import Month

    files = []
    for i, code in enumerate(codes):
        versions = 2 if i % 3 == 0 else 1
        for version in range(versions):
            data = valid_report_data(code, YEAR, MONTH, staff=60, respondents=80, complaints=10)
            data["Identitas"]["nama_upt"] = names[code]
            data["Identitas"]["nama_kepala_upt"] = f"Kepala {code} v{version}"
            wb = fill_template(write_template(code, names[code], Month(YEAR, MONTH)), data)
            path = folder / f"{code}_{YEAR}-{MONTH:02d}_v{version}.xlsx"
            path.write_bytes(workbook_bytes(wb))
            files.append(path)
    return files


def prepare(url: str, folder: Path) -> list[Path]:
    from bench.bench_pages import build_database
    from upt_dashboard.storage.db import get_engine
    from upt_dashboard.storage.registry import list_units

    build_database(url, UNITS, MONTHS)
    engine = get_engine(url)
    if engine.dialect.name == "postgresql":  # ids were inserted explicitly: move the sequence on
        from sqlalchemy import text

        with engine.begin() as conn:
            conn.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence('submissions', 'id'), "
                    "(SELECT MAX(id) FROM submissions))"
                )
            )
    units = list_units(engine)
    return build_files(folder, units["code"].to_list(), dict(zip(units["code"], units["name"])))


def empty_postgres(url: str) -> None:
    from sqlalchemy import text

    from upt_dashboard.storage.db import get_engine, metadata

    engine = get_engine(url)
    metadata.drop_all(engine)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()


# --- one app process -------------------------------------------------------------------


def app_process(files: list[Path], leaders: int, seconds: float, seed: int) -> dict:
    """Uploads and page views of one app process (DATABASE_URL set by the caller)."""
    from upt_dashboard.intake.ingest import check_file, ingest_file
    from upt_dashboard.storage.db import get_engine

    engine = get_engine()
    rng = random.Random(seed)
    # Corrections come after the first upload of the same unit.
    first = sorted((p for p in files if p.stem.endswith("_v0")), key=lambda p: rng.random())
    schedule = {p: rng.uniform(0, seconds * 0.8) for p in first}
    for p in files:
        if p not in schedule:
            original = p.with_name(p.name.replace("_v1", "_v0"))
            schedule[p] = min(seconds, schedule[original] + rng.uniform(5, 20))
    start = time.monotonic()
    result = {"uploads": [], "views": [], "errors": []}
    done = threading.Event()
    # AppTest is not thread-safe (one global runtime per run), so sessions render
    # one at a time; a Streamlit process does much the same under the GIL, and
    # the wait is counted in the page view's time.
    render_lock = threading.Lock()

    def upload(path: Path) -> None:
        time.sleep(max(0.0, start + schedule[path] - time.monotonic()))
        data = path.read_bytes()
        t0 = time.perf_counter()
        try:
            report = check_file(engine, data, path.name)
            answer = ingest_file(engine, data, path.name, "operator", report=report)
        except Exception as exc:
            result["errors"].append(f"upload {path.name}: {type(exc).__name__}: {exc}")
            return
        result["uploads"].append(
            [path.name, answer.status, answer.version, report.sha256, time.perf_counter() - t0]
        )
        if answer.status != "accepted":
            result["errors"].append(f"upload {path.name}: {answer.message}")

    def view(render):
        """One page view: waiting for the process (render_lock) plus rendering."""
        t0 = time.perf_counter()
        with render_lock:
            at = render()
        result["views"].append(time.perf_counter() - t0)
        if at.exception:
            result["errors"].append(f"page: {at.exception[0].message}")
        return at

    from bench.bench_pages import _open, quiet, signed_in

    quiet()

    def leader(number: int) -> None:
        token = signed_in(engine.url.render_as_string(hide_password=False))  # a leader each
        pause = random.Random(seed * 100 + number)
        while not done.is_set():
            try:
                at = view(lambda: _open("pages/ringkasan.py", token)[0])
                period = at.sidebar.selectbox[0]
                choice = pause.randrange(1, min(6, len(period.options)))
                view(period.select_index(choice).run)
            except BaseException as exc:  # a page that raised (SystemExit from _open too)
                result["errors"].append(f"page: {type(exc).__name__}: {exc}")
            time.sleep(pause.uniform(1, 3))

    viewers = [threading.Thread(target=leader, args=(n,)) for n in range(leaders)]
    for viewer in viewers:
        viewer.start()
    with ThreadPoolExecutor(8, thread_name_prefix="upload") as pool:
        list(pool.map(upload, files))
    done.set()
    for viewer in viewers:
        viewer.join()
    return result


# --- the coordinator -------------------------------------------------------------------


def run_scenario(url: str, processes: int, leaders: int, seconds: float, files: list[Path]):
    """Start ``processes`` app processes sharing the units and leaders; their results."""
    by_unit: dict[str, list[Path]] = {}
    for path in files:
        by_unit.setdefault(path.name.split("_")[0], []).append(path)
    shares = [[] for _ in range(processes)]
    for i, unit_files in enumerate(by_unit.values()):
        shares[i % processes].extend(unit_files)
    env = {**os.environ, "DATABASE_URL": url, "DASHBOARD_LOAD_SAMPLE_DATA": "0"}
    procs = []
    for i, share in enumerate(shares):
        args = [
            sys.executable,
            "-m",
            "bench.bench_deadline",
            "--app",
            "--leaders",
            str(leaders // processes + (i < leaders % processes)),
            "--seconds",
            str(seconds),
            "--seed",
            str(i + 1),
            *map(str, share),
        ]
        procs.append(subprocess.Popen(args, env=env, stdout=subprocess.PIPE, text=True))
    merged = {"uploads": [], "views": [], "errors": []}
    for proc in procs:
        out, _ = proc.communicate()
        if proc.returncode != 0:
            merged["errors"].append(f"app process exited with {proc.returncode}")
            continue
        part = json.loads(out.strip().splitlines()[-1])
        for key in merged:
            merged[key] += part[key]
    return merged


def lost_submissions(url: str, uploads: list[list]) -> int:
    """Accepted uploads whose version is not stored with the same bytes' hash."""
    import hashlib

    from sqlalchemy import select

    from upt_dashboard.storage.db import get_engine, submissions

    engine = get_engine(url)
    with engine.connect() as conn:
        stored = {
            (r.filename, r.version): (r.sha256, hashlib.sha256(bytes(r.file_bytes)).hexdigest())
            for r in conn.execute(
                select(
                    submissions.c.filename,
                    submissions.c.version,
                    submissions.c.sha256,
                    submissions.c.file_bytes,
                ).where((submissions.c.year == YEAR) & (submissions.c.month == MONTH))
            )
        }
    engine.dispose()
    lost = 0
    for name, status, version, sha, _ in uploads:
        if status == "accepted" and stored.get((name, version)) != (sha, sha):
            lost += 1
    return lost


def _percentiles(values: list[float]) -> str:
    if len(values) < 2:
        return "  n/a"
    cuts = statistics.quantiles(values, n=20)
    return f"{statistics.median(values):6.2f} {cuts[18]:6.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--leaders", type=int, default=20)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--postgres-url", default=os.environ.get("BENCH_POSTGRES_URL", ""))
    parser.add_argument("--app", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("files", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.app:
        outcome = app_process([Path(f) for f in args.files], args.leaders, args.seconds, args.seed)
        print(json.dumps(outcome))
        return 0

    scenarios = []
    if args.backend in ("sqlite", "both"):
        scenarios.append(("SQLite, 1 app process", None, 1))
    if args.backend in ("postgresql", "both"):
        if not args.postgres_url:
            print("PostgreSQL skipped: give --postgres-url or $BENCH_POSTGRES_URL")
        else:
            scenarios.append(("PostgreSQL, 2 app processes", args.postgres_url, 2))
    print(
        f"{UNITS} units upload their report ({UNITS} files + {UNITS // 3} corrections) within "
        f"{args.seconds:.0f} s while {args.leaders} leaders open Ringkasan and change the period"
    )
    print(f"{'scenario':30}{'errors':>7}{'lost':>6}   upload p50/p95 s   page view p50/p95 s")
    for title, pg_url, processes in scenarios:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            url = pg_url or f"sqlite:///{folder / 'deadline.db'}"
            if pg_url:
                empty_postgres(pg_url)
            files = prepare(url, folder)
            merged = run_scenario(url, processes, args.leaders, args.seconds, files)
            lost = lost_submissions(url, merged["uploads"])
            times = [u[4] for u in merged["uploads"]]
            print(
                f"{title:30}{len(merged['errors']):7d}{lost:6d}   {_percentiles(times)}"
                f"      {_percentiles(merged['views'])}"
                f"   ({len(times)} uploads, {len(merged['views'])} page views)"
            )
            for error in merged["errors"][:10]:
                print(f"    {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
