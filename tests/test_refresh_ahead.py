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
import threading
import time

import polars as pl
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
from upt_dashboard.storage.scope import EVERYTHING, DataScope
from upt_dashboard.ui import refresh_ahead
from upt_dashboard.ui.refresh_ahead import Watcher, remake, replayed

HELD_BACK = ("PSTW-JBG_2026-10.xlsx", "PRS-SDA_2026-10.xlsx")
NEW_VERSION = "melebihi_daya_tampung.xlsx"  # PSTW-JBG 2026-03 again, other numbers


@pytest.fixture(autouse=True)
def no_calls_left_over():
    refresh_ahead._calls.clear()
    yield
    refresh_ahead.stop()  # the watcher a test started stops with it, before the next test
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
    # In the order last asked: the caches' least-recently-used order stays as it was.
    assert made == [(2, "PRS-SDA", 1), (2, "PSTW-JBG", 3)]


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


def test_only_the_newest_calls_are_kept_and_requests_a_remade_one_makes_are_not_noted(
    monkeypatch,
):
    made = []

    @replayed
    def inner(version):
        made.append(("inner", version))

    @replayed
    def outer(version, unit):
        made.append((unit, version))
        inner(version)

    monkeypatch.setattr(refresh_ahead, "HELD_CALLS", 2)
    outer(1, "PSTW-JBG")  # asks inner too: both noted, as a page asking both
    outer(1, "PRS-SDA")  # inner asked again; outer(PSTW-JBG) is now the third newest
    noted = dict(refresh_ahead._calls.asked)
    made.clear()

    remake(2)
    assert made == [("PRS-SDA", 2), ("inner", 2), ("inner", 2)]
    # what the remade outer asked of inner is no one's asking: nothing noted anew
    assert refresh_ahead._calls.asked == noted


def test_a_request_whose_data_is_no_longer_held_is_skipped_quietly(caplog):
    @replayed
    def given_up(version):
        if refresh_ahead.remaking():
            raise refresh_ahead.NotHeld("scope")

    given_up(1)
    with caplog.at_level(logging.DEBUG, logger=refresh_ahead.__name__):
        assert remake(2) == 0
    assert "failed" not in caplog.text
    assert not refresh_ahead.remaking()  # only inside the remaking


def test_a_stopped_remaking_makes_no_more_requests():
    made = []

    @replayed
    def request(version, unit):
        made.append(unit)

    for unit in ("PSTW-JBG", "PRS-SDA", "PSBL-KDR"):
        request(1, unit)
    made.clear()
    assert remake(2, stopped=lambda: len(made) == 1) == 1
    assert made == ["PSTW-JBG"]


def test_the_remaking_waits_while_a_page_is_drawn_and_not_for_ever(monkeypatch):
    made = []

    @replayed
    def request(version):
        made.append(version)

    request(1)
    made.clear()
    drawing = threading.Event()
    page = threading.Thread(target=drawing.wait, name=refresh_ahead.SCRIPT_THREAD)
    page.start()
    try:
        assert refresh_ahead.pages_drawing()
        remaking = threading.Thread(
            target=remake, args=(2, lambda: False, refresh_ahead.pages_drawing)
        )
        remaking.start()
        time.sleep(0.3)
        assert made == []  # held back while the page is drawn
        drawing.set()
        remaking.join(timeout=10)  # at once, or after the longest wait if another test's
        assert made == [2]  # page run were still alive in this process
    finally:
        drawing.set()
    page.join(timeout=5)

    monkeypatch.setattr(refresh_ahead, "LONGEST_WAIT_FOR_VIEWS_SECONDS", 0.1)
    assert remake(3, busy=lambda: True) == 1  # a run stuck drawing does not stop it
    assert made == [2, 3]


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


def test_a_report_landing_during_a_remaking_is_remade_next_without_waiting():
    version = [1]

    @replayed
    def request(at):
        if at == 2:
            version[0] = 3  # stored while the remaking at 2 ran

    request(1)
    watcher = Watcher(lambda: version[0], every_seconds=60).start()  # looks only when poked
    try:
        version[0] = 2
        watcher.poke()
        _until(lambda: list(watcher.remade) == [2, 3], seconds=5)
    finally:
        watcher.stop()


def test_the_watcher_looks_by_itself_and_outlives_a_database_away():
    answers = iter([1, RuntimeError("away"), 2])

    def read_version():
        answer = next(answers, 2)
        if isinstance(answer, Exception):
            raise answer
        return answer

    replayed(lambda version: None)(1)  # someone has looked lately
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
    second._thread.join(timeout=5)
    assert not second._thread.is_alive()


def test_the_watcher_looks_no_more_often_than_a_tenth_of_a_second_and_not_when_idle():
    @replayed
    def request(version):
        pass

    looks = []
    refresh_ahead.watch(lambda: looks.append(1) or 1, 0.0001)
    time.sleep(0.5)
    assert looks == [1]  # the first look only: nothing asked for, the database left alone
    request(1)
    time.sleep(0.5)
    refresh_ahead.stop()
    assert 3 <= len(looks) <= 8


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


WINDOW = {"start": Month(2025, 11), "end": Month(2026, 10)}


def _pages_requests(cache) -> dict:
    """Every request the dashboard pages make of the cache, as a page makes them."""
    units = cache.units_table()["code"].to_list()
    october = Month(2026, 10).first_day
    return {
        "sample": cache.is_sample_data(cache.data_version()),
        "months": cache.months_with_data(),
        "province": cache.compute(**WINDOW, level="province"),
        "units": cache.compute(**WINDOW, level="unit"),
        "anomalies": cache.anomalies(**WINDOW),
        "backlog": cache.overdue_backlog(None, october),
        "backlog_counts": cache.backlog_counts(None, [Month(2026, 9), Month(2026, 10)]),
        "crossings": cache.threshold_crossings(None, **WINDOW),
        "u4": cache.u4_signals(None, **WINDOW),
        "nrr": cache.nrr_by_element(units, **WINDOW),
        "calendar": cache.report_calendar(units, [Month(2026, 9), Month(2026, 10)], cache.today()),
        "submissions": cache.submissions(),
        "warnings": cache.upload_warnings(),
        "early_warning": cache.early_warning("PSTW-JBG", Month(2026, 10)),
        "tk_counts": cache.tk_threshold_counts("PSTW-JBG", Month(2026, 10)),
    }


# What the bodies of those requests call: a spy on each sees any request made, not found.
MADE_BY = [
    ("ui.cache", "_facts"),
    ("ui.cache", "sample_data_in_use"),
    ("indicators.engine", "compute"),
    ("storage.facts", "load_facts"),
    ("storage.facts", "refresh_facts"),
    ("indicators.complaints", "overdue_backlog"),
    ("indicators.complaints", "backlog_counts"),
    ("indicators.early_warning", "crossings"),
    ("indicators.early_warning", "early_warning"),
    ("indicators.early_warning", "tk_threshold_counts"),
    ("indicators.survey", "u4_signals"),
    ("indicators.survey", "nrr_by_element"),
    ("views.completeness", "report_calendar"),
    ("storage.submissions", "list_submissions"),
    ("storage.submissions", "submission_warnings"),
    ("storage.registry", "list_units"),
]


def _counting(monkeypatch, spied=MADE_BY) -> list[str]:
    """Names of the computations and reads made from now on."""
    made: list[str] = []
    for module, name in spied:
        module = importlib.import_module(f"upt_dashboard.{module}")
        real = getattr(module, name)
        spy = lambda *a, _real=real, _name=name, **k: made.append(_name) or _real(*a, **k)  # noqa: E731
        monkeypatch.setattr(module, name, spy)
    return made


def _same(first, second, name: str) -> None:
    if not isinstance(first, pl.DataFrame):
        assert first == second, name
        return
    if name == "crossings":  # counts per unit and month, in the order they were found
        first, second = first.sort(first.columns), second.sort(second.columns)
    assert_frame_equal(first, second, check_row_order=name != "submissions")


@pytest.mark.parametrize(
    "scope",
    [
        EVERYTHING,  # an administrator
        DataScope.of(["PSTW-JBG"], ["PSTW-JBG"]),  # an operator: one unit, its names
        DataScope(verified_only=True),  # verified reports only
    ],
    ids=["everything", "operator", "verified-only"],
)
def test_after_a_report_stored_elsewhere_the_requests_are_made_before_they_are_asked(
    database, monkeypatch, scope
):
    from upt_dashboard.ui import cache

    monkeypatch.setattr(cache, "scope", lambda: scope)
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
    monkeypatch.setattr(cache, "scope", lambda: scope)
    st.cache_resource.clear()
    st.cache_data.clear()
    for name, made_anew in _pages_requests(cache).items():  # from nothing held
        _same(ahead[name], made_anew, name)


def test_the_watcher_reads_back_no_scope_given_up_and_keeps_the_order_of_those_held(
    database, monkeypatch
):
    from upt_dashboard.ui import cache

    monkeypatch.setenv("DASHBOARD_REFRESH_AHEAD_S", "600")  # it looks when poked, once
    monkeypatch.setattr(cache, "HELD_SCOPES", 3)
    for unit in ("PSTW-JBG", "PRS-SDA", "RSBL-KDR"):  # three operators, one after another
        monkeypatch.setattr(cache, "scope", lambda unit=unit: DataScope.of([unit], [unit]))
        cache.compute(**WINDOW, level="unit")  # read from the operator's own facts
    held = list(cache._holders().by_scope)  # each operator's own, and the totals' (every unit)
    assert [key[0] for key in held] == [("PRS-SDA",), None, ("RSBL-KDR",)]  # PSTW-JBG given up

    made = _counting(
        monkeypatch, [("storage.facts", "load_facts"), ("storage.facts", "refresh_facts")]
    )
    _stored_elsewhere(database)
    cache.data_stored()  # as the upload page says it, here
    newest = cache._read_version()
    _until(lambda: newest in refresh_ahead.watcher().remade)
    assert made == ["refresh_facts"] * 3  # the three held, and no read of the one given up
    assert list(cache._holders().by_scope) == held  # the last looked at is still given up last


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
    # every run of a page takes the held facts (cache.facts()): no computation, not counted
    made = _counting(monkeypatch, [spied for spied in MADE_BY if spied[1] != "_facts"])
    at = ringkasan()
    assert at.get("plotly_chart")
    if every == "0":
        assert "compute" in made and "refresh_facts" in made  # the spies see a remaking
    else:
        assert made == []
