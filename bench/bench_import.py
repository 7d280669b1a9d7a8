"""Import speed: one typical workbook, and all of sample_data/ against baselines.

Prints (does not assert):
- median time to import (read, validate, store) a typical workbook with 60
  staff rows, 80 survey rows and 10 complaints, the app's way (read in a
  warm reader worker process), and the ratio to reading it in this process;
- time to import every sample_data/*.xlsx into an empty database;
- the same files read by pandas.read_excel(engine="openpyxl") (a common
  baseline) and by a bare polars.read_excel(engine="calamine") (the floor).

Run: python -m bench.bench_import [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd
import polars as pl

from data_loaders.report import load_report
from data_loaders.template import workbook_bytes
from tests.workbooks import build_workbook, valid_report_data
from upt_dashboard.intake.bulk import SAMPLE_DIR, default_workers, load_sample_data
from upt_dashboard.intake.ingest import (
    add_continuity_check,
    ingest_file,
    store_checked,
    validation_context,
)
from upt_dashboard.storage.bootstrap import init_db
from upt_dashboard.storage.db import get_engine


def typical_workbooks(count: int) -> list[bytes]:
    """Distinct typical reports (one unit, consecutive months) so each is stored."""
    files = []
    for i in range(count):
        year, month = divmod(2025 * 12 + i, 12)
        data = valid_report_data(
            "PSTW-JBG", year, month + 1, staff=60, respondents=80, complaints=10
        )
        files.append(workbook_bytes(build_workbook(data, "PSTW-JBG", year, month + 1)))
    return files


def time_typical(rounds: int, folder: Path) -> list[float]:
    """The app's path: read and validate in a warm reader worker, then store."""
    engine = init_db(get_engine(f"sqlite:///{folder / 'typical.db'}"))
    files = typical_workbooks(rounds + 1)
    ingest_file(engine, files.pop(), "laporan.xlsx", "bench")  # starts the worker: not timed
    times = []
    for data in files:
        start = time.perf_counter()
        result = ingest_file(engine, data, "laporan.xlsx", "bench")
        times.append(time.perf_counter() - start)
        assert result.status == "accepted", result.findings[:3]
    return times


def time_typical_in_process(rounds: int, folder: Path) -> list[float]:
    """Baseline: the same files read in this process (no isolation), then stored."""
    engine = init_db(get_engine(f"sqlite:///{folder / 'inprocess.db'}"))
    context = validation_context(engine)
    times = []
    for data in typical_workbooks(rounds):
        start = time.perf_counter()
        report = load_report(data, "laporan.xlsx", context)
        add_continuity_check(engine, report)
        result = store_checked(engine, report, data, "laporan.xlsx", "bench")
        times.append(time.perf_counter() - start)
        assert result.status == "accepted", result.findings[:3]
    return times


def time_all_samples(folder: Path) -> tuple[float, int]:
    engine = init_db(get_engine(f"sqlite:///{folder / 'samples.db'}"))
    start = time.perf_counter()
    results = load_sample_data(engine, workers=default_workers())
    elapsed = time.perf_counter() - start
    refused = [r.filename for r in results if r.status == "refused"]
    assert not refused, refused
    return elapsed, len(results)


def time_reads(paths: list[Path], read) -> float:
    start = time.perf_counter()
    for path in paths:
        read(path)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    paths = sorted(SAMPLE_DIR.glob("*.xlsx"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        typical = time_typical(args.rounds, folder)
        in_process = time_typical_in_process(args.rounds, folder)
        all_import, n = time_all_samples(folder)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl's data-validation notice
        pandas_read = time_reads(
            paths, lambda p: pd.read_excel(p, sheet_name=None, engine="openpyxl")
        )
    calamine_read = time_reads(
        paths,
        lambda p: pl.read_excel(
            p, sheet_id=0, engine="calamine", has_header=False, drop_empty_rows=False
        ),
    )

    print(f"typical workbook (60 staff, 80 survey rows, 10 complaints), {args.rounds} imports:")
    print(
        f"  median {statistics.median(typical) * 1000:7.1f} ms   "
        f"min {min(typical) * 1000:.1f} ms   max {max(typical) * 1000:.1f} ms   (goal <= 150 ms)"
    )
    print(
        f"  read in this process, no worker (baseline): median "
        f"{statistics.median(in_process) * 1000:7.1f} ms -> the isolated read costs "
        f"{statistics.median(typical) / statistics.median(in_process):.2f}x"
    )
    print(f"all sample data: {n} files")
    print(
        f"  import (read, validate, store)  {all_import:7.2f} s  "
        f"({all_import / n * 1000:.1f} ms/file)"
    )
    print(
        f"  pandas.read_excel openpyxl       {pandas_read:7.2f} s  "
        f"-> import is {pandas_read / all_import:.1f}x faster (goal >= 3x)"
    )
    print(
        f"  polars.read_excel calamine       {calamine_read:7.2f} s  "
        f"-> import takes {all_import / calamine_read:.2f}x the bare read (goal <= 2x)"
    )


if __name__ == "__main__":
    main()
