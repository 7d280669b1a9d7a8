"""After an upload the pages' requests are remade in the background, before the next view.

``ui.refresh_ahead`` notes the calls of the requests keyed by the data
version; its watcher, on seeing a newer version (stored by another process,
or poked by this one), makes them again at it. Checked here on the module
alone, on the app's cache with the sample reports (nothing is computed at the
next ask, and what was made ahead equals what is made anew), and on Ringkasan
in a new session after a report stored by another process.
"""

from __future__ import annotations

import importlib
import logging
import shutil
import time

import pytest
import streamlit as st
from polars.testing import assert_frame_equal
from streamlit.runtime.scriptrunner import script_runner
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, ensure_account, run_entry_file, sign_in
from upt_dashboard import paths
from upt_dashboard.intake.bulk import load_sample_data, sample_files
from upt_dashboard.intake.ingest import ACCEPTED, ingest_file
from upt_dashboard.months import Month
from upt_dashboard.storage.bootstrap import init_db
from upt_dashboard.storage.db import get_engine
from upt_dashboard.storage.scope import EVERYTHING
from upt_dashboard.ui import refresh_ahead
from upt_dashboard.ui.refresh_ahead import Watcher, remake, replayed

HELD_BACK = ("PSTW-JBG_2026-10.xlsx", "PRS-SDA_2026-10.xlsx")
NEW_VERSION = "melebihi_daya_tampung.xlsx"  # PSTW-JBG 2026-03 again, other numbers


@pytest.fixture(autouse=True)
def no_calls_left_over():
    refresh_ahead._calls.clear()
    yield
    refresh_ahead.watch(lambda: None, 0)  # the watcher a test started stops with it
    refresh_ahead._calls.clear()


def _until(condition, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the watcher did not remake in time"
        time.sleep(0.02)


# --- the module alone ------------------------------------------------------------------


def test_the_requests_asked_for_are_made_again_at_a_newer_version():
    made = []

    @replayed
    def request(version, unit, *, months=1):
        made.append((version, unit, months))
        return version

    assert request(1, "PSTW-JBG", months=3) == 1
    request(1, "PRS-SDA")
    request(1, "PSTW-JBG", months=3)  # asked again: remade once
    made.clear()

    assert remake(2) == 2
    assert made == [(2, "PSTW-JBG", 3), (2, "PRS-SDA", 1)]  # the most recently asked first


def test_a_request_not_asked_for_lately_or_not_kept_as_a_key_is_not_remade(monkeypatch):
    made = []

    @replayed
    def request(version, units):
        made.append((version, units))

    request(1, ["PSTW-JBG"])  # a list cannot key a call: answered, not noted
    request(1, ("PRS-SDA",))
    monkeypatch.setattr(refresh_ahead, "RECENT_SECONDS", 0.05)
    time.sleep(0.1)
    request(1, ("PSTW-JBG",))
    made.clear()

    remake(2)
    assert made == [(2, ("PSTW-JBG",))]


def test_a_request_that_fails_is_left_to_the_next_view_and_the_rest_are_remade(caplog):
    made = []

    @replayed
    def broken(version):
        raise RuntimeError("database away")

    @replayed
    def working(version):
        made.append(version)

    with pytest.raises(RuntimeError):
        broken(1)
    working(1)
    made.clear()

    with caplog.at_level(logging.WARNING, logger=refresh_ahead.__name__):
        assert remake(2) == 1
    assert made == [2]
    assert "broken" in caplog.text


def test_a_stopped_remaking_makes_no_more_requests():
    made = []

    @replayed
    def request(version, unit):
        made.append(unit)

    for unit in ("PSTW-JBG", "PRS-SDA", "PSBL-KDR"):
        request(1, unit)
    made.clear()
    assert remake(2, stopped=lambda: len(made) == 1) == 1
    assert made == ["PSBL-KDR"]


def test_the_watcher_remakes_once_per_new_version_and_at_once_when_poked():
    version, made = [1], []

    @replayed
    def request(at):
        made.append(at)

    request(1)
    watcher = Watcher(lambda: version[0], every_seconds=60).start()  # looks only when poked
    try:
        watcher.poke()
        time.sleep(0.2)
        assert made == [1]  # nothing new: nothing remade
        version[0] = 2
        watcher.poke()
        _until(lambda: list(watcher.remade) == [2])
        assert made == [1, 2]
    finally:
        watcher.stop()


def test_the_watcher_looks_by_itself_and_outlives_a_database_away():
    answers = iter([1, RuntimeError("away"), 2])

    def read_version():
        answer = next(answers, 2)
        if isinstance(answer, Exception):
            raise answer
        return answer

    watcher = Watcher(read_version, every_seconds=0.02).start()
    try:
        _until(lambda: list(watcher.remade) == [2])
    finally:
        watcher.stop()


def test_switched_off_there_is_no_watcher_and_a_new_one_replaces_the_old():
    first = refresh_ahead.watch(lambda: 1, 60)
    second = refresh_ahead.watch(lambda: 1, 60)
    assert refresh_ahead.watcher() is second is not first
    first._thread.join(timeout=5)
    assert not first._thread.is_alive()
    assert refresh_ahead.watch(lambda: 1, 0) is None and refresh_ahead.watcher() is None
    refresh_ahead.poke()  # nothing to poke: no error


# --- the app's cache on the sample reports ------------------------------------------------


@pytest.fixture(scope="module")
def sample_without_the_last(tmp_path_factory):
    """A SQLite file of the sample reports but two (about 15 s, once)."""
    path = tmp_path_factory.mktemp("ahead") / "sample.db"
    engine = init_db(get_engine(f"sqlite:///{path}"))
    load_sample_data(engine, files=[p for p in sample_files() if p.name not in HELD_BACK])
    ensure_account(engine, "pimpinan")
    engine.dispose()
    return path


@pytest.fixture
def database(sample_without_the_last, tmp_path, monkeypatch):
    """A copy of that database, the app's cache pointed at it with the watcher on."""
    path = tmp_path / "dashboard.db"
    shutil.copy(sample_without_the_last, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("DASHBOARD_LOAD_SAMPLE_DATA", "0")
    monkeypatch.setenv("DASHBOARD_REFRESH_AHEAD_S", "0.05")
    st.cache_resource.clear()
    st.cache_data.clear()
    yield url
    refresh_ahead.watch(lambda: None, 0)
    st.cache_resource.clear()
    st.cache_data.clear()


def _stored_elsewhere(url: str) -> None:
    """The held-back reports and a new version, stored as another process would."""
    engine = get_engine(url)
    load_sample_data(engine, files=[paths.SAMPLE_DIR / name for name in HELD_BACK])
    data = (paths.SAMPLE_DIR / "with_warnings" / NEW_VERSION).read_bytes()
    assert ingest_file(engine, data, NEW_VERSION, "uji").status == ACCEPTED
    engine.dispose()


def _pages_requests(cache):
    """What the dashboard pages ask the cache for, as a page does."""
    window = {"start": Month(2025, 11), "end": Month(2026, 10)}
    units = cache.units_table()["code"].to_list()
    return {
        "province": cache.compute(**window, level="province"),
        "units": cache.compute(**window, level="unit"),
        "anomalies": cache.anomalies(**window),
        "backlog": cache.overdue_backlog(None, Month(2026, 10).first_day),
        "backlog_counts": cache.backlog_counts(None, [Month(2026, 9), Month(2026, 10)]),
        "crossings": cache.threshold_crossings(None, **window),
        "u4": cache.u4_signals(None, **window),
        "calendar": cache.report_calendar(units, [Month(2026, 9), Month(2026, 10)], cache.today()),
        "submissions": cache.submissions(),
    }


def _counting(monkeypatch) -> list[str]:
    """Names of the computations made from now on (the engine, the reads, the judging)."""
    made: list[str] = []
    for module, name in [
        ("indicators.engine", "compute"),
        ("storage.facts", "load_facts"),
        ("storage.facts", "refresh_facts"),
        ("indicators.complaints", "overdue_backlog"),
        ("indicators.complaints", "backlog_counts"),
        ("indicators.early_warning", "crossings"),
    ]:
        module = importlib.import_module(f"upt_dashboard.{module}")
        real = getattr(module, name)
        spy = lambda *a, _real=real, _name=name, **k: made.append(_name) or _real(*a, **k)  # noqa: E731
        monkeypatch.setattr(module, name, spy)
    return made


def test_after_a_report_stored_elsewhere_the_requests_are_made_before_they_are_asked(
    database, monkeypatch
):
    from upt_dashboard.ui import cache

    monkeypatch.setattr(cache, "scope", lambda: EVERYTHING)  # an administrator's session
    _pages_requests(cache)
    _stored_elsewhere(database)
    newest = cache._read_version()
    _until(lambda: newest in refresh_ahead.watcher().remade)

    made = _counting(monkeypatch)
    ahead = _pages_requests(cache)
    assert made == []  # every one was made at the new version already
    monkeypatch.undo()

    monkeypatch.setenv("DATABASE_URL", database)
    monkeypatch.setenv("DASHBOARD_REFRESH_AHEAD_S", "0")
    monkeypatch.setattr(cache, "scope", lambda: EVERYTHING)
    st.cache_resource.clear()
    st.cache_data.clear()
    anew = _pages_requests(cache)  # from nothing held
    for name, frame in anew.items():
        if name == "crossings":  # counts per unit and month, in the order they were found
            frame, ahead[name] = frame.sort(frame.columns), ahead[name].sort(frame.columns)
        assert_frame_equal(ahead[name], frame, check_row_order=name != "submissions")


@pytest.mark.parametrize("every", ["0.05", "0"], ids=["watching", "switched-off"])
def test_ringkasan_in_a_new_session_after_an_upload_elsewhere_computes_nothing(
    database, monkeypatch, every
):
    """The bench's "after an upload" view, as a test: the leader's first view after a report
    stored by another process finds every request made (and, switched off, makes them)."""
    monkeypatch.setenv("DASHBOARD_REFRESH_AHEAD_S", every)
    monkeypatch.setattr(script_runner, "_mpa_v1", run_entry_file)  # app.py every run

    def ringkasan() -> AppTest:
        at = sign_in(
            AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run(), "uji-pimpinan"
        )
        at.switch_page("pages/ringkasan.py").run()
        assert not at.exception, at.exception
        return at

    from upt_dashboard.ui import cache

    ringkasan()
    _stored_elsewhere(database)
    newest = cache._read_version()
    if every != "0":
        _until(lambda: newest in refresh_ahead.watcher().remade)
    made = _counting(monkeypatch)
    at = ringkasan()
    assert at.get("plotly_chart")
    if every == "0":
        assert "compute" in made and "refresh_facts" in made  # the spies see a remaking
    else:
        assert made == []
