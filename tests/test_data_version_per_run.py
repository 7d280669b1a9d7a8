"""One data version per script run: every cached request of a page shares it.

A page asks for the data version with each cached request (about thirty on
Ringkasan, several side by side in threads). It is read once per run that
``app.py`` starts (``cache.new_run``), so a report stored mid-run shows in
full at the next run instead of in half the page; a page run without it
(the CLI, a bare function) reads it on every call as before.
"""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from upt_dashboard.intake.bulk import load_sample_data, sample_files
from upt_dashboard.storage.bootstrap import init_db
from upt_dashboard.storage.db import get_engine


@pytest.fixture
def database(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'runs.db'}"
    engine = init_db(get_engine(url))
    load_sample_data(engine, files=sample_files()[:2])
    engine.dispose()
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("DASHBOARD_LOAD_SAMPLE_DATA", "0")
    st.cache_resource.clear()
    yield url
    st.cache_resource.clear()


def _page():
    import streamlit as st

    from upt_dashboard.intake.bulk import load_sample_data, sample_files
    from upt_dashboard.ui import cache

    if st.session_state.get("per_run", True):
        cache.new_run()
    first = cache.data_version()
    if st.session_state.get("store_mid_run"):
        st.session_state["store_mid_run"] = False
        load_sample_data(cache.engine(), files=sample_files()[2:3])  # a report lands now
    (beside,) = (f.result() for f in cache.under_way(cache.data_version))
    st.session_state["seen"] = [
        first.submission,
        cache.data_version().submission,
        beside.submission,
    ]


def test_a_run_reads_the_version_once_and_the_next_run_sees_the_new_report(database):
    at = AppTest.from_function(_page)
    at.session_state["store_mid_run"] = True
    at.run()
    assert not at.exception
    first, again, beside = at.session_state["seen"]
    assert first == again == beside  # the report stored mid-run is not half shown
    at.run()
    assert at.session_state["seen"] == [first + 1] * 3  # the next run shows it


def test_without_a_run_started_by_the_app_every_call_reads_the_database(database):
    at = AppTest.from_function(_page)
    at.session_state["per_run"] = False
    at.session_state["store_mid_run"] = True
    at.run()
    assert not at.exception
    first, again, beside = at.session_state["seen"]
    assert again == beside == first + 1


def _behind_page():
    """This session's run read its version, then another session stored a report and its
    run carried the held facts and results to the newer version; this run goes on."""
    import streamlit as st

    from upt_dashboard.indicators import complaints
    from upt_dashboard.intake.bulk import load_sample_data, sample_files
    from upt_dashboard.months import Month
    from upt_dashboard.storage import facts as facts_module
    from upt_dashboard.ui import cache

    made = []
    load, count = facts_module.load_facts, complaints.backlog_counts
    facts_module.load_facts = lambda *a, **k: made.append("facts") or load(*a, **k)
    complaints.backlog_counts = lambda *a, **k: made.append("backlog") or count(*a, **k)
    try:
        cache.new_run()
        mine = cache.data_version()
        codes, months = ["PRS-SDA"], [Month(2024, 11)]
        cache.facts(), cache.backlog_counts(codes, months)  # held at this run's version
        load_sample_data(cache.engine(), files=sample_files()[2:3])  # another session's upload
        newer = cache._read_version()
        st.session_state[cache._RUN_VERSION] = newer  # ... and that session's run
        cache.facts(), cache.backlog_counts(codes, months)
        st.session_state[cache._RUN_VERSION] = mine  # this run again, behind
        made.clear()
        cache.facts(), cache.backlog_counts(codes, months)
        st.session_state["made"] = (newer.submission > mine.submission, made)
    finally:
        facts_module.load_facts, complaints.backlog_counts = load, count


def test_a_run_behind_another_sessions_gets_the_newer_held_facts_and_results(database):
    """Nothing is read whole or made anew at the older version (which would also set
    what is held back, for the other session to carry forward again)."""
    at = AppTest.from_function(_behind_page, default_timeout=120).run()
    assert not at.exception, at.exception
    assert at.session_state["made"] == (True, [])
