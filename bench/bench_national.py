"""Benchmark: the dashboard at 30 units × 60 months and at 1.000 units × 120 months.

    python -m bench.bench_national [--sizes 30x60,1000x120] [--reuse]
        [--server postgresql://dashboard:dashboard@localhost]

Each size gets its own PostgreSQL database (``dashboard_bench_<U>x<M>``) and
is measured in its own process, so the peak memory printed is that size's:

- build: synthetic reports written straight into the tables
  (``bench.national_data``; the import path would take hours at national
  scale and says nothing new), then ``sums rebuild`` (the per-unit-month
  sums stored with each report); the database's size on disk;
- store: 20 reports stored through the upload's storage path (a stored
  report read back, one number changed, stored with its sums as a new
  version) — reports per second at that size;
- cold: the first Ringkasan of a fresh process (caches empty);
- warm: Ringkasan and Profil UPT in a new session once the caches are full
  (median of 3);
- after upload: one more report stored, then Ringkasan in a new session —
  what a leader waits for on deadline day (the incremental refresh); median
  of 5 uploads, each beside a warm view of the same moment, and the ratio of
  the two medians. Twice: a view at the very moment of the upload, and a view
  once the app process's watcher has remade the pages' requests in the
  background (``ui.refresh_ahead``; it looks every second), with the seconds from
  the upload until then;
- peak memory (RSS) of the process.

Once, before the sizes: real workbooks (``sample_data/``, 310 files) read,
validated and stored into a fresh database with two workers — the import
pipeline's reports per second. Goals at 1.000 × 120: cold ≤ 5 s, warm
Ringkasan ≤ 1,5 s, after an upload ≤ 2 s, memory ≤ 2 GB. Figures are
printed with the growth factor between the sizes, never asserted.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import time

import polars as pl
from sqlalchemy import create_engine, func, select, text

from upt_dashboard.months import Month

PAGES = {"Ringkasan": "pages/ringkasan.py", "Profil UPT": "pages/profil_upt.py"}
STORED_REPORTS = 20
RUNS = 3
AFTER_UPLOADS = 5


def database_url(server: str, name: str) -> str:
    return f"{server.rstrip('/')}/{name}"


def prepare(server: str, units: int, months: int, reuse: bool) -> tuple[str, dict]:
    """The size's database, built unless ``reuse`` finds it complete; build figures."""
    from bench.national_data import build
    from upt_dashboard.indicators.config import load_config
    from upt_dashboard.indicators.stored_sums import rebuild_stored_sums
    from upt_dashboard.storage.bootstrap import init_db
    from upt_dashboard.storage.db import get_engine, submissions

    name = f"dashboard_bench_{units}x{months}"
    url = database_url(server, name)
    admin = create_engine(database_url(server, "postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
        exists = exists.scalar() is not None
    figures: dict = {}
    if exists and reuse:
        engine = get_engine(url)
        with engine.connect() as conn:
            count = conn.execute(select(func.count()).select_from(submissions)).scalar()
        if count >= units * months:
            figures["reused"] = True
            figures["database_mb"] = _database_mb(engine)
            engine.dispose()
            admin.dispose()
            return url, figures
        engine.dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    engine = init_db(get_engine(url))
    t0 = time.perf_counter()
    counts = build(engine, units, months)
    figures["build_s"] = time.perf_counter() - t0
    figures["bulk_reports_per_s"] = counts["submissions"] / figures["build_s"]
    t0 = time.perf_counter()
    rebuild_stored_sums(engine, load_config(), everything=True)
    figures["sums_rebuild_s"] = time.perf_counter() - t0
    # Planner statistics as a database in service has them (autovacuum would get there
    # minutes later; measured before, the first reads ran on a guessed plan).
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
    figures["database_mb"] = _database_mb(engine)
    engine.dispose()
    return url, figures


def _database_mb(engine) -> float:
    with engine.connect() as conn:
        size = conn.execute(text("SELECT pg_database_size(current_database())")).scalar()
    return size / 1e6


def store_new_versions(url: str, count: int, offset: int = 0) -> float:
    """Store ``count`` reports as new versions through the upload's storage path; seconds."""
    from data_loaders.report import Report
    from upt_dashboard.intake.ingest import stored_parts
    from upt_dashboard.storage.db import get_engine, submissions
    from upt_dashboard.storage.scope import EVERYTHING
    from upt_dashboard.storage.submissions import store_report
    from upt_dashboard.storage.versions import stored_frames

    engine = get_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                submissions.c.id, submissions.c.unit_code, submissions.c.year, submissions.c.month
            )
            .where(submissions.c.is_current)
            .order_by(
                submissions.c.year.desc(), submissions.c.month.desc(), submissions.c.unit_code
            )
            .offset(offset)
            .limit(count)
        ).all()
    reports = []
    for submission_id, unit, year, month in rows:
        frames = {  # the reader's frames carry each row's sheet row number
            sheet: frame.with_columns(_row=pl.int_range(pl.len()) + 4)
            for sheet, frame in stored_frames(engine, submission_id, EVERYTHING).items()
        }
        pm = frames["Penerima Manfaat"]
        frames["Penerima Manfaat"] = pm.with_columns(pl.col("pm_masuk") + 1)
        digest = hashlib.sha256(f"{submission_id}-{time.time_ns()}".encode()).hexdigest()
        reports.append(Report(unit, Month(year, month), frames, [], digest))
    t0 = time.perf_counter()
    for report in reports:
        name = f"{report.unit_code}_{report.period}.xlsx"
        store_report(
            engine, report, report.sha256.encode(), name, "bench", None, stored_parts(report)
        )
    seconds = time.perf_counter() - t0
    engine.dispose()
    return seconds


def measure(url: str) -> dict:
    """The page figures of one size, in this process (see the module docstring)."""
    os.environ["DATABASE_URL"] = url
    os.environ["DASHBOARD_LOAD_SAMPLE_DATA"] = "0"
    from bench.bench_pages import _open, quiet, signed_in

    quiet()
    token = signed_in(url)  # a leader (pimpinan): every unit, no personal data
    figures: dict = {}
    figures["store_reports_per_s"] = STORED_REPORTS / store_new_versions(url, STORED_REPORTS)
    _, figures["cold_ringkasan_s"] = _open(PAGES["Ringkasan"], token)
    for name, page in PAGES.items():
        _open(page, token)  # fills this page's caches
        figures[f"warm_{name}_s"] = statistics.median(_open(page, token)[1] for _ in range(RUNS))
    # One sample of a noisy 2-core machine says little: several uploads, each view after
    # one beside a warm view of the same moment, and the ratio of their medians. A view
    # the moment a report is stored remakes what it needs itself; one after the process's
    # watcher has remade the requests in the background (``ui.refresh_ahead``) finds them.
    warm, at_once, ahead, later = [], [], [], []
    for i in range(AFTER_UPLOADS):
        warm.append(_open(PAGES["Ringkasan"], token)[1])
        store_new_versions(url, 1, offset=STORED_REPORTS + 2 * i)
        at_once.append(_open(PAGES["Ringkasan"], token)[1])
        ahead.append(_made_ahead(url, offset=STORED_REPORTS + 2 * i + 1))
        later.append(_open(PAGES["Ringkasan"], token)[1])
    figures["after_upload_ringkasan_s"] = statistics.median(at_once)
    figures["after_upload_ratio"] = statistics.median(at_once) / statistics.median(warm)
    figures["made_ahead_s"] = statistics.median(ahead)
    figures["after_made_ahead_ringkasan_s"] = statistics.median(later)
    figures["after_made_ahead_ratio"] = statistics.median(later) / statistics.median(warm)
    samples = {"warm": warm, "at_once": at_once, "ahead": ahead, "later": later}
    figures["after_upload_samples_s"] = {k: [round(v, 2) for v in vs] for k, vs in samples.items()}
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def _made_ahead(url: str, offset: int) -> float:
    """Seconds from one more report stored (by another process, as far as the app can
    tell) until this process's watcher has remade the pages' requests at its version."""
    from upt_dashboard.ui import cache, refresh_ahead

    watcher = refresh_ahead.watcher()
    if watcher is None:
        raise SystemExit("DASHBOARD_REFRESH_AHEAD_S is 0: nothing is remade ahead to measure")
    store_new_versions(url, 1, offset=offset)
    stored, version = time.perf_counter(), cache._read_version()
    while version not in watcher.remade:
        if time.perf_counter() - stored > 120:
            raise SystemExit(f"nothing remade at {version} two minutes after the upload")
        time.sleep(0.01)
    return time.perf_counter() - stored


def import_throughput(server: str) -> float:
    """Reports per second: sample_data/ read, validated and stored, two workers."""
    from upt_dashboard.intake.bulk import load_sample_data, sample_files
    from upt_dashboard.storage.bootstrap import init_db
    from upt_dashboard.storage.db import get_engine

    name = "dashboard_bench_import"
    admin = create_engine(database_url(server, "postgres"), isolation_level="AUTOCOMMIT")
    _drop(admin, name)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = init_db(get_engine(database_url(server, name)))
    t0 = time.perf_counter()
    results = load_sample_data(engine, workers=2)
    seconds = time.perf_counter() - t0
    engine.dispose()
    _drop(admin, name)
    admin.dispose()
    assert len(results) == len(sample_files())
    return len(results) / seconds


def _drop(admin, name: str, tries: int = 30) -> None:
    """Drop a bench database. Autovacuum often starts on the freshly imported tables,
    and its worker (a superuser's) is not ours to terminate: wait for it."""
    from sqlalchemy.exc import DBAPIError

    for attempt in range(tries):
        try:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            return
        except DBAPIError:
            if attempt == tries - 1:
                raise
            time.sleep(1)


def _one_size(args) -> int:
    units, months = (int(x) for x in args.one.split("x"))
    url, figures = prepare(args.server, units, months, args.reuse)
    figures |= measure(url)
    print(json.dumps(figures))
    return 0


def _report(sizes: list[str], results: dict[str, dict]) -> None:
    rows = [
        ("build (bulk COPY), reports/s", "bulk_reports_per_s", "{:,.0f}"),
        ("sums rebuild, s", "sums_rebuild_s", "{:.1f}"),
        ("database size, MB", "database_mb", "{:,.0f}"),
        ("store (upload path), reports/s", "store_reports_per_s", "{:.1f}"),
        ("cold: first Ringkasan, s", "cold_ringkasan_s", "{:.2f}"),
        ("warm Ringkasan, s", "warm_Ringkasan_s", "{:.2f}"),
        ("warm Profil UPT, s", "warm_Profil UPT_s", "{:.2f}"),
        ("Ringkasan at once after an upload, s", "after_upload_ringkasan_s", "{:.2f}"),
        ("  ÷ warm beside it", "after_upload_ratio", "{:.2f}×"),
        ("upload → remade ahead, s", "made_ahead_s", "{:.2f}"),
        ("Ringkasan after that, s", "after_made_ahead_ringkasan_s", "{:.2f}"),
        ("  ÷ warm beside it", "after_made_ahead_ratio", "{:.2f}×"),
        ("peak memory, MB", "peak_rss_mb", "{:,.0f}"),
    ]
    print(f"{'':34}" + "".join(f"{s:>12}" for s in sizes) + f"{'growth':>10}")
    for label, key, pattern in rows:
        values = [results[s].get(key) for s in sizes]
        cells = "".join(f"{pattern.format(v) if v is not None else '—':>12}" for v in values)
        growth = ""
        if len(values) >= 2 and values[0] and values[-1]:
            growth = f"{values[-1] / values[0]:.1f}×"
        print(f"{label:34}{cells}{growth:>10}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="30x60,1000x120")
    parser.add_argument("--server", default="postgresql://dashboard:dashboard@localhost")
    parser.add_argument("--reuse", action="store_true", help="keep a complete database")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # one size, in a child process
    args = parser.parse_args()
    if args.one:
        return _one_size(args)
    print(
        f"import (sample_data/, read + validate + store, 2 workers): "
        f"{import_throughput(args.server):.1f} reports/s"
    )
    sizes = args.sizes.split(",")
    results = {}
    for size in sizes:
        command = [
            sys.executable,
            "-m",
            "bench.bench_national",
            "--one",
            size,
            "--server",
            args.server,
            *(["--reuse"] if args.reuse else []),
        ]
        child = subprocess.run(command, capture_output=True, text=True, check=False)
        if child.returncode:
            print(child.stderr[-3000:], file=sys.stderr)
            return child.returncode
        results[size] = json.loads(child.stdout.strip().splitlines()[-1])
        print(f"{size}: {results[size]}", flush=True)
    _report(sizes, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
