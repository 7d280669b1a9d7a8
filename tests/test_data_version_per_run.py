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
