"""Shared fixtures: a fresh database on SQLite and, where available, PostgreSQL."""

from __future__ import annotations

import os

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
    empty_postgres(engine)
    engine.dispose()
    return init_db(get_engine(POSTGRES_URL))


def empty_postgres(engine) -> None:
    """Drop every table of the project (and the migration stamp) from a PostgreSQL database."""
    from sqlalchemy import text

    metadata.drop_all(engine)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))


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


def postgres_url_for(suffix: str) -> str:
    """URL of an extra test database beside TEST_POSTGRES_URL's (``<its name>_<suffix>``)."""
    from sqlalchemy.engine import make_url

    if not POSTGRES_URL:
        pytest.skip("TEST_POSTGRES_URL not set")
    base = make_url(POSTGRES_URL)
    return base.set(database=f"{base.database}_{suffix}").render_as_string(hide_password=False)


def create_postgres_database(suffix: str) -> str:
    """A new empty database ``<test db>_<suffix>`` (dropped first if left over); its URL.

    Needs the test role to have CREATEDB (scripts/test.sh grants it).
    """
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    url = postgres_url_for(suffix)
    name = make_url(url).database
    maintenance = get_engine(make_url(url).set(database="postgres").render_as_string(False))
    with maintenance.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    maintenance.dispose()
    return url


def drop_postgres_database(url: str) -> None:
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    maintenance = get_engine(make_url(url).set(database="postgres").render_as_string(False))
    with maintenance.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    maintenance.dispose()


@pytest.fixture
def fresh_url(request, tmp_path):
    """Factory of URLs of new empty databases on the backend of ``request.param``."""
    made: list[str] = []

    def make(backend: str, name: str) -> str:
        if backend == "sqlite":
            return f"sqlite:///{tmp_path / (name + '.db')}"
        url = create_postgres_database(name)
        made.append(url)
        return url

    yield make
    for url in made:
        drop_postgres_database(url)
