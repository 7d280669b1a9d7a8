"""The first start: the sample data fills an empty database once, in the background,
and a start stopped midway is finished by the next."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tests.conftest import ROOT, ensure_account, sign_in
from upt_dashboard.intake.bulk import load_sample_data, sample_data_wanted, sample_files
from upt_dashboard.intake.ingest import ACCEPTED, ingest_file
from upt_dashboard.storage.bootstrap import init_db
from upt_dashboard.storage.db import get_engine, submissions

FILES = sample_files()


@pytest.fixture
def engine(tmp_path):
    engine = init_db(get_engine(f"sqlite:///{tmp_path / 'first.db'}"))
    yield engine
    engine.dispose()


def _current(engine) -> int:
    with engine.connect() as conn:
        query = select(func.count()).select_from(submissions).where(submissions.c.is_current)
        return conn.execute(query).scalar()


def test_an_empty_or_half_loaded_database_wants_the_sample_data(engine):
    assert sample_data_wanted(engine)
    load_sample_data(engine, files=FILES[:40])  # a first start killed after 40 files
    assert sample_data_wanted(engine)
    load_sample_data(engine)  # the next start: what is there is unchanged, the rest stored
    assert _current(engine) == len(FILES)
    assert not sample_data_wanted(engine)


def test_a_database_with_real_reports_never_gets_sample_data(engine):
    data = (ROOT / "sample_data" / "PSTW-JBG_2026-03.xlsx").read_bytes()
    assert ingest_file(engine, data, "PSTW-JBG_2026-03.xlsx", "operator").status == ACCEPTED
    assert not sample_data_wanted(engine)


def test_the_app_fills_an_empty_database_and_shows_it(engine, monkeypatch):
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("DATABASE_URL", str(engine.url))
    monkeypatch.setenv("DASHBOARD_LOAD_SAMPLE_DATA", "1")
    st.cache_resource.clear()
    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180).run()
    assert not at.exception
    assert _current(engine) == len(FILES)  # loaded before the sign-in form is drawn
    assert not [w for w in at.warning if "Data contoh belum termuat" in w.value]
    sign_in(at, ensure_account(engine, "pimpinan"))
    assert not at.exception and at.metric  # the overview of the sample data
    again = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not again.exception and _current(engine) == len(FILES)  # imported once
    st.cache_resource.clear()


def test_a_failed_sample_load_is_said_and_tried_again_on_reload(engine, monkeypatch):
    import streamlit as st
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.testing.v1 import AppTest

    from tests.conftest import run_entry_file
    from upt_dashboard.ui import first_start

    # A rerun runs app.py again, as a browser's reload does (not the page alone).
    monkeypatch.setattr(script_runner, "_mpa_v1", run_entry_file)
    monkeypatch.setenv("DATABASE_URL", str(engine.url))
    monkeypatch.setenv("DASHBOARD_LOAD_SAMPLE_DATA", "1")
    st.cache_resource.clear()
    real = first_start.iter_sample_data

    def broken(engine):
        raise OSError(28, "No space left on device")  # a full disk

    monkeypatch.setattr(first_start, "iter_sample_data", broken)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert any("Disk penyimpanan data penuh" in w.value for w in at.warning)  # said, no traceback
    monkeypatch.setattr(first_start, "iter_sample_data", real)
    at.run()  # a reload
    assert not at.exception and _current(engine) == len(FILES)
    assert not [w for w in at.warning if "Disk penyimpanan data penuh" in w.value]
    st.cache_resource.clear()


def test_a_failed_sample_load_is_let_go_once_however_many_sessions_saw_it(monkeypatch):
    """Every session waiting on the failed load says so; only the first lets it go, so a
    second session cannot drop the retry another one has already started."""
    from upt_dashboard.ui import first_start

    cleared = []
    monkeypatch.setattr(first_start._started, "clear", lambda: cleared.append(1))
    failed = first_start.SampleLoad(failure="Disk penyimpanan data penuh.")
    failed.finished.set()
    for _session in range(3):
        first_start.wait(failed)
    assert cleared == [1]
