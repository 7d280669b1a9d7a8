"""Shared fixtures: a fresh database on SQLite and, where available, PostgreSQL."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from upt_dashboard import paths
from upt_dashboard.storage.bootstrap import init_db
from upt_dashboard.storage.db import get_engine, metadata

ROOT = paths.ROOT

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL")

_BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def _fresh_postgres():
    if not POSTGRES_URL:
        if os.environ.get("CI"):
            pytest.fail("TEST_POSTGRES_URL is not set in CI: scripts/test.sh starts PostgreSQL")
        pytest.skip("TEST_POSTGRES_URL not set")
    engine = get_engine(POSTGRES_URL)
    metadata.drop_all(engine)
    engine.dispose()
    return init_db(get_engine(POSTGRES_URL))


@pytest.fixture(params=_BACKENDS)
def engine(request, tmp_path):
    """An empty database with the unit registry loaded, on each backend."""
    if request.param == "sqlite":
        eng = init_db(get_engine(f"sqlite:///{tmp_path / 'test.db'}"))
    else:
        eng = _fresh_postgres()
    yield eng
    eng.dispose()


@pytest.fixture
def sqlite_engine(tmp_path):
    eng = init_db(get_engine(f"sqlite:///{tmp_path / 'test.db'}"))
    yield eng
    eng.dispose()


def run_entry_file(main_script_path: str) -> None:
    """Stand-in for AppTest's page-alone reruns: run app.py every time, as a browser does."""
    code = compile(Path(main_script_path).read_text(encoding="utf-8"), main_script_path, "exec")
    exec(code, {"__name__": "__main__", "__file__": main_script_path})


def open_app_page(url: str, page: str, monkeypatch):
    """AppTest of app.py on database ``url`` (no sample data), switched to ``page``."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("DASHBOARD_LOAD_SAMPLE_DATA", "0")
    st.cache_resource.clear()
    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page(page).run()
    assert not at.exception
    return at
