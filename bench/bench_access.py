"""Benchmark: sign-in time, and what the access checks add to a page render.

    python -m bench.bench_access [--units 30] [--months 24] [--runs 5]

Sign-in: one argon2id verification (the parameters of
``upt_dashboard.access.passwords``; goal 50–250 ms on this machine) and a
whole ``authenticate`` (lookup, verification, lock-out bookkeeping, audit row)
on SQLite; medians of 10.

Scoping: Ringkasan and Profil UPT rendered in ``AppTest`` on a temporary
SQLite database of synthetic reports (``bench/bench_pages.py``), as a
leader (pimpinan: names and NIPs swapped for pseudonyms when read) and as an
operator (its unit read alone, the province totals from every unit), each
resuming a real signed-in session from the database on every run, against
an unscoped baseline measured in the same run: the same app with the
session check and the scope switched off (every unit, every name, as before
accounts existed). Cold: caches empty (reads the database); warm: a new
session once the caches are filled; medians of ``--runs`` each. Goal: scoped
within 10 % of the baseline. Figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from bench.bench_pages import (
    PAGES,
    _open,
    _run_entry_file,
    _timed,
    build_database,
    quiet,
    signed_in,
)
from upt_dashboard import paths

PASSWORD = "bangku-taman-kota-2026"


def bench_sign_in(url: str) -> None:
    from upt_dashboard.access import passwords
    from upt_dashboard.access.accounts import authenticate, create_account
    from upt_dashboard.storage.audit import Actor
    from upt_dashboard.storage.bootstrap import init_db
    from upt_dashboard.storage.db import get_engine

    hashed = passwords.hash_password(PASSWORD)
    verify = [_timed(lambda: passwords.verify_password(hashed, PASSWORD)) for _ in range(10)]
    engine = init_db(get_engine(url))
    create_account(engine, Actor("bench"), "bench-login", "pimpinan", PASSWORD)
    whole = [_timed(lambda: authenticate(engine, "bench-login", PASSWORD)) for _ in range(10)]
    wrong = [_timed(lambda: authenticate(engine, "tidak-ada", "salah-sekali")) for _ in range(4)]
    ms = [v * 1000 for v in verify]
    print(
        f"argon2id verification (m=64 MiB, t=2, p=1): median {statistics.median(ms):.0f} ms "
        f"(min {min(ms):.0f}, max {max(ms):.0f}; goal 50–250 ms)"
    )
    print(
        f"sign-in (authenticate: lookup + verify + audit row, SQLite): median "
        f"{statistics.median(whole) * 1000:.0f} ms; unknown username "
        f"{statistics.median(wrong) * 1000:.0f} ms (the same work, by design)"
    )
    engine.dispose()


def _render(page: str, token: str | None, baseline: bool) -> float:
    """Seconds of one fresh session's run of ``page`` (a deep link)."""
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.testing.v1 import AppTest

    if not baseline:
        return _open(page, token)[1]
    from upt_dashboard.access import Viewer

    script_runner._mpa_v1 = _run_entry_file
    at = AppTest.from_file(str(paths.APP), default_timeout=300)
    at.session_state["auth_viewer"] = Viewer("baseline", "admin")  # no session to resume
    at.switch_page(page)
    seconds = _timed(at.run)
    if at.exception or not at.get("plotly_chart"):
        raise SystemExit(f"{page}: the unscoped baseline drew no chart")
    return seconds


def _unscoped():
    """Switch the session check and the scope off: the app as before accounts existed."""
    from upt_dashboard.storage.scope import EVERYTHING
    from upt_dashboard.ui import auth, cache

    saved = (auth.gate, cache.scope)
    auth.gate = lambda: cache.viewer()
    cache.scope = lambda: EVERYTHING
    return lambda: (setattr(auth, "gate", saved[0]), setattr(cache, "scope", saved[1]))


def bench_mode(page: str, token: str | None, runs: int, baseline: bool) -> tuple[float, float]:
    """(cold, warm) medians of ``runs`` renders of ``page``; cold: caches emptied each time."""
    import streamlit as st

    restore = _unscoped() if baseline else (lambda: None)
    try:
        cold = []
        for _ in range(runs):
            st.cache_data.clear()
            st.cache_resource.clear()
            cold.append(_render(page, token, baseline))
        warm = statistics.median(_render(page, token, baseline) for _ in range(runs))
    finally:
        restore()
    return statistics.median(cold), warm


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=30)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    quiet()
    with tempfile.TemporaryDirectory() as folder:
        bench_sign_in(f"sqlite:///{Path(folder) / 'signin.db'}")
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        counts = build_database(url, args.units, args.months)
        print(
            f"\n{args.units} units × {args.months} months: {counts['submissions']:,} submissions, "
            f"{counts['kehadiran_pegawai']:,} staff rows"
        )
        from upt_dashboard.storage.bootstrap import init_db
        from upt_dashboard.storage.db import get_engine
        from upt_dashboard.storage.registry import list_units

        codes = list_units(init_db(get_engine(url)))["code"].to_list()
        tokens = {"pimpinan": signed_in(url), "operator": signed_in(url, "operator", codes[0])}
        os.environ["DATABASE_URL"] = url
        os.environ["DASHBOARD_LOAD_SAMPLE_DATA"] = "0"
        for page in PAGES.values():  # untimed: the first cold run also pays for imports
            bench_mode(page, tokens["pimpinan"], 1, baseline=False)
        print(f"{'page':12}{'as':11}{'cold s':>8}{'warm s':>8}   ratio to unscoped (cold, warm)")
        for name, page in PAGES.items():
            base_cold, base_warm = bench_mode(page, None, args.runs, baseline=True)
            print(f"{name:12}{'unscoped':11}{base_cold:8.2f}{base_warm:8.2f}")
            for role, token in tokens.items():
                cold, warm = bench_mode(page, token, args.runs, baseline=False)
                print(
                    f"{'':12}{role:11}{cold:8.2f}{warm:8.2f}   "
                    f"{cold / base_cold:.2f}x  {warm / base_warm:.2f}x"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
