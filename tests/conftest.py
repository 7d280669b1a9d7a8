"""Shared fixtures: a fresh database on SQLite and, where available, PostgreSQL."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from upt_dashboard import paths
from upt_dashboard.storage.bootstrap import init_db
from upt_dashboard.storage.db import get_engine, metadata

ROOT = paths.ROOT

# No watcher remaking requests in the background (``ui.refresh_ahead``): tests clear the
# caches between them, and one test's thread must not fill the next one's. The tests of
# the watcher switch it on themselves.
os.environ.setdefault("DASHBOARD_REFRESH_AHEAD_S", "0")

# pytest imports this file as ``conftest``; test modules import ``tests.conftest``. One
# module for both, so state kept here (SERVED) is the state the fixtures filled.
sys.modules.setdefault("tests.conftest", sys.modules[__name__])


def _per_worker(url: str | None) -> str | None:
    """TEST_POSTGRES_URL, or under pytest-xdist a database of this worker's own beside it
    (``<name>_gw0``): tests empty, drop and create databases by name, and two workers
    sharing one would pull it from under each other."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not url or not worker:
        return url
    from sqlalchemy.engine import make_url

    base = make_url(url)
    return base.set(database=f"{base.database}_{worker}").render_as_string(hide_password=False)


POSTGRES_URL = _per_worker(os.environ.get("TEST_POSTGRES_URL"))

_BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def _fresh_postgres():
    if not POSTGRES_URL:
        if os.environ.get("CI"):
            pytest.fail("TEST_POSTGRES_URL is not set in CI: scripts/test.sh starts PostgreSQL")
        pytest.skip("TEST_POSTGRES_URL not set")
    _ensure_worker_database()
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


def run_entry_file(main_script_path: str) -> None:
    """Stand-in for AppTest's page-alone reruns: run app.py every time, as a browser does."""
    code = compile(Path(main_script_path).read_text(encoding="utf-8"), main_script_path, "exec")
    exec(code, {"__name__": "__main__", "__file__": main_script_path})


# --- accounts for tests: one per role, created in the test database, signed in by the form --

TEST_PASSWORD = "uji-kata-sandi-2026"
# role -> (username, unit): the accounts every page test signs in with
TEST_ACCOUNTS = {
    "admin": ("uji-admin", None),
    "pimpinan": ("uji-pimpinan", None),
    "verifikator": ("uji-verifikator", None),
    "operator": ("uji-operator", "PSTW-JBG"),
}


def ensure_account(engine, role: str = "admin") -> str:
    """The test account of ``role`` in ``engine``'s database (created once); its username."""
    from upt_dashboard.access.accounts import AccountError, create_account
    from upt_dashboard.storage.audit import Actor

    username, unit = TEST_ACCOUNTS[role]
    try:
        create_account(engine, Actor("pytest"), username, role, TEST_PASSWORD, unit=unit)
    except AccountError as exc:
        if exc.key != "account.exists":
            raise
    return username


def sign_in(at, username: str, password: str = TEST_PASSWORD):
    """Sign in through the form, as a person does (AppTest); returns ``at``."""
    at.text_input(key="auth_username").input(username)
    at.text_input(key="auth_password").input(password)
    next(b for b in at.button if b.label in ("Masuk", "Sign in")).click().run()
    return at


def open_app_page(url: str, page: str, monkeypatch, role: str = "admin", account_url=None):
    """AppTest of app.py on database ``url`` (no sample data), signed in with the test
    account of ``role`` (created through ``account_url``, default ``url``), on ``page``."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("DASHBOARD_LOAD_SAMPLE_DATA", "0")
    st.cache_resource.clear()
    st.cache_data.clear()
    engine = init_db(get_engine(account_url or url))
    username = ensure_account(engine, role)
    engine.dispose()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    sign_in(at, username)
    assert not at.exception
    at.switch_page(page).run()
    assert not at.exception
    return at


# --- the real browser (Playwright + Debian Chromium) against a real server ----------------

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SERVED: dict[str, str] = {}  # URL of a test server -> its database URL


def _serve(folder: Path, load_sample_data: bool, accounts: bool = True):
    """Start ``streamlit run app.py`` on a fresh SQLite database; yields its URL.

    ``accounts``: the test accounts of every role (TEST_ACCOUNTS) exist before
    the server starts (the sample data still loads: the database has no reports).
    """
    port = _free_port()
    database = f"sqlite:///{folder / 'e2e.db'}"
    if accounts:
        engine = init_db(get_engine(database))
        for role in TEST_ACCOUNTS:
            ensure_account(engine, role)
        engine.dispose()
    env = {
        **os.environ,
        "DATABASE_URL": database,
        "DASHBOARD_LOAD_SAMPLE_DATA": "1" if load_sample_data else "0",
        "DASHBOARD_SECRET_KEY": "schluessel-nur-fuer-tests-" + folder.name,
        # A server of its own: its watcher remakes requests as in production (one second).
        "DASHBOARD_REFRESH_AHEAD_S": "1",
    }
    log = open(folder / "streamlit.log", "wb")  # noqa: SIM115 (closed when the server stops)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
            # What .streamlit/config.toml sets for end users: no Deploy button or
            # developer menu (given here so the tests do not depend on that file).
            "--client.toolbarMode",
            "viewer",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.5)
    else:
        server.kill()
        pytest.fail("streamlit did not start")
    SERVED[url] = database
    yield url
    server.terminate()
    server.wait(timeout=20)
    log.close()


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """A real Streamlit server on a fresh SQLite database that loads the sample data."""
    yield from _serve(tmp_path_factory.mktemp("e2e"), load_sample_data=True)


@pytest.fixture
def empty_app_url(tmp_path):
    """A server of its own (never visited), on an empty database."""
    yield from _serve(tmp_path, load_sample_data=False)


@pytest.fixture
def demo_app_url(tmp_path):
    """A server of its own on the sample data, with no account at all (the newcomer's)."""
    yield from _serve(tmp_path, load_sample_data=True, accounts=False)


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


_worker_database_ready = False


def _ensure_worker_database() -> None:
    """Create this xdist worker's own database once (see ``_per_worker``)."""
    global _worker_database_ready
    if _worker_database_ready or not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    url = make_url(POSTGRES_URL)
    name = url.database
    maintenance = get_engine(url.set(database="postgres").render_as_string(False))
    with maintenance.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        found = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
        if found.first() is None:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    maintenance.dispose()
    _worker_database_ready = True


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
