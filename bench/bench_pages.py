"""Benchmark: server-side render time of Ringkasan and Profil UPT (AppTest).

    python -m bench.bench_pages [--units 30] [--months 60] [--runs 5]

Builds a temporary SQLite database with synthetic reports (the generator of
``bench/bench_indicators.py``: 30 units × 60 months, ~60 staff rows and 50
survey respondents per report) written straight into the storage tables,
points the app at it (``DATABASE_URL``, ``DASHBOARD_LOAD_SAMPLE_DATA=0``)
and times ``AppTest`` runs of each page, signed in as a leader (pimpinan: a
real session in the database, resumed on every run as a reload would):

- cold: the first visit in the process, caches empty (reads the database,
  computes every indicator the page needs);
- warm: a new session (a fresh ``AppTest``) once the caches are filled —
  what the next leadership visitor waits for; median of ``--runs``;
- rerun: the same session running the page again (a widget change that
  hits the cache); median of ``--runs``.

Goal on this 2-core machine: warm ≤ 1.5 s. Figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

from bench.bench_indicators import synthetic_facts
from data_loaders.schema import Layout
from upt_dashboard import paths
from upt_dashboard.storage.bootstrap import init_db
from upt_dashboard.storage.facts import SHEET_ATTRS

PAGES = {"Ringkasan": "pages/ringkasan.py", "Profil UPT": "pages/profil_upt.py"}
CHUNK = 5000


def build_database(url: str, n_units: int, n_months: int) -> dict[str, int]:
    """Fill an empty database at ``url`` with synthetic reports; row counts back.

    The registry is replaced by the synthetic units (distinct cities, so
    chart labels stay short). Sheet rows are attached to the current
    version of their unit-month, as ``storage.submissions`` would.
    """
    from sqlalchemy import delete, insert

    from upt_dashboard.storage.db import fact_tables, get_engine, submissions, units

    facts = synthetic_facts(n_units, n_months)
    engine = init_db(get_engine(url))
    registry = facts.units.with_columns(city=pl.format("Kota {}", pl.int_range(pl.len()) + 1))
    subs = facts.submissions.with_columns(
        year=pl.col("period").dt.year().cast(pl.Int64),
        month=pl.col("period").dt.month().cast(pl.Int64),
        sha256=pl.col("id").cast(pl.String).str.pad_start(64, "0"),
        filename=pl.format("{}_{}.xlsx", "unit_code", pl.col("period").dt.strftime("%Y-%m")),
        uploaded_by=pl.lit("bench"),
        n_warnings=pl.lit(0),
        warnings_json=pl.lit("[]"),
        file_bytes=pl.lit(b""),
    ).drop("period")
    current = facts.submissions.filter("is_current").select("unit_code", "period", current_id="id")
    counts = {}
    with engine.begin() as conn:
        conn.execute(delete(units))
        conn.execute(insert(units), registry.to_dicts())
        _insert(conn, submissions, subs)
        for attr, sheet in SHEET_ATTRS.items():
            frame = (
                getattr(facts, attr)
                .join(current, on=["unit_code", "period"])
                .with_columns(submission_id="current_id")
            )
            if sheet.layout is Layout.TABLE:
                frame = frame.with_columns(row_no=pl.int_range(pl.len()).over("submission_id") + 2)
            columns = [
                "submission_id",
                *(["row_no"] if "row_no" in frame.columns else []),
                *sheet.names,
            ]
            _insert(conn, fact_tables[sheet.name], frame.select(columns))
            counts[attr] = frame.height
    engine.dispose()
    counts["submissions"] = subs.height
    return counts


def _insert(conn, table, frame: pl.DataFrame) -> None:
    for chunk in frame.iter_slices(CHUNK):
        conn.execute(table.insert(), chunk.to_dicts())


def _timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _run_entry_file(main_script_path: str) -> None:
    code = compile(Path(main_script_path).read_text(encoding="utf-8"), main_script_path, "exec")
    exec(code, {"__name__": "__main__", "__file__": main_script_path})


def quiet() -> None:
    """Streamlit's warnings about running without a server, and the setup code of a
    database without an administrator, would bury the figures."""
    import logging

    logging.disable(logging.WARNING)


def signed_in(url: str, role: str = "pimpinan", unit: str | None = None) -> str:
    """A live session of a new account of ``role`` in the database at ``url``: the token a
    browser's cookie would carry (every page asks for a sign-in)."""
    import secrets

    from upt_dashboard.access import sessions
    from upt_dashboard.access.accounts import authenticate, create_account
    from upt_dashboard.storage.audit import Actor
    from upt_dashboard.storage.db import get_engine

    engine = init_db(get_engine(url))
    username, password = f"bench-{role}-{secrets.token_hex(3)}", secrets.token_urlsafe(16)
    create_account(engine, Actor("bench"), username, role, password, unit=unit)
    token = sessions.start(engine, authenticate(engine, username, password).account_id)
    engine.dispose()
    return token


def _open(page: str, token: str):
    """A fresh session of the account of ``token`` showing ``page``; returns (AppTest,
    seconds of the page's run)."""
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.testing.v1 import AppTest

    # With a pages/ folder AppTest reruns a page alone (Streamlit's v1 multipage
    # mode); a browser session runs app.py every time, so time that.
    script_runner._mpa_v1 = _run_entry_file
    at = AppTest.from_file(str(paths.APP), default_timeout=300)
    at.session_state["auth_token"] = token  # as the signed cookie hands it over
    at.switch_page(page)  # a deep link: the first run renders the page itself
    seconds = _timed(at.run)
    if at.exception:
        raise SystemExit(f"{page}: {at.exception[0].message}")
    if not at.get("plotly_chart"):
        raise SystemExit(f"{page}: no chart drawn (the sign-in form instead?)")
    return at, seconds


def bench_page(page: str, token: str, runs: int) -> tuple[float, float, float]:
    """(cold, warm median, rerun median) seconds of one page."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    _, cold = _open(page, token)
    warm = statistics.median(_open(page, token)[1] for _ in range(runs))
    at, _ = _open(page, token)
    rerun = statistics.median(_timed(at.run) for _ in range(runs))
    return cold, warm, rerun


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=30)
    parser.add_argument("--months", type=int, default=60)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        t0 = time.perf_counter()
        counts = build_database(url, args.units, args.months)
        print(
            f"{args.units} units × {args.months} months: {counts['submissions']:,} submissions, "
            f"{counts['kehadiran_pegawai']:,} staff rows, {counts['survei_kepuasan']:,} "
            f"survey rows (database built in {time.perf_counter() - t0:.1f} s)"
        )
        os.environ["DATABASE_URL"] = url
        os.environ["DASHBOARD_LOAD_SAMPLE_DATA"] = "0"
        quiet()
        token = signed_in(url)
        print(
            f"{'page':12}{'cold s':>9}{'warm s':>9}{'rerun s':>9}   (warm, rerun: median of "
            f"{args.runs}; goal warm ≤ 1.5 s)"
        )
        for name, page in PAGES.items():
            cold, warm, rerun = bench_page(page, token, args.runs)
            print(f"{name:12}{cold:9.2f}{warm:9.2f}{rerun:9.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
