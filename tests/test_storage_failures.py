"""A full disk, a read-only data folder, an unreachable PostgreSQL: a clear message in
Bahasa Indonesia, nothing half-written, no traceback; the app keeps showing what it read."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import event, func, select

from data_loaders.template import workbook_bytes
from tests.conftest import create_postgres_database, drop_postgres_database
from tests.workbooks import TODAY, build_workbook
from upt_dashboard import paths
from upt_dashboard.intake.ingest import FAILED, ingest_file
from upt_dashboard.storage.bootstrap import init_db
from upt_dashboard.storage.db import get_engine, submissions

UNREACHABLE = "postgresql://dashboard:dashboard@127.0.0.1:9/tidak_ada"


def test_a_full_disk_fails_the_upload_with_a_message_and_writes_nothing(tmp_path):
    url = f"sqlite:///{tmp_path / 'full.db'}"
    init_db(get_engine(url)).dispose()
    engine = get_engine(url)

    @event.listens_for(engine, "connect")
    def no_room(dbapi_connection, _record):  # the file may not grow: as on a full disk
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    result = ingest_file(engine, workbook_bytes(build_workbook()), "l.xlsx", "uji", today=TODAY)
    assert result.status == FAILED
    assert "Disk penyimpanan data penuh" in result.message
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(submissions)).scalar() == 0


def test_a_read_only_database_fails_the_upload_with_a_message(tmp_path):
    path = tmp_path / "ro.db"
    init_db(get_engine(f"sqlite:///{path}")).dispose()
    engine = get_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    result = ingest_file(engine, workbook_bytes(build_workbook()), "l.xlsx", "uji", today=TODAY)
    assert result.status == FAILED and "hanya bisa dibaca" in result.reason


def test_an_unreachable_postgresql_is_a_message_in_the_cli_and_the_upload():
    engine = get_engine(UNREACHABLE)
    result = ingest_file(engine, workbook_bytes(build_workbook()), "l.xlsx", "uji", today=TODAY)
    assert result.status == FAILED and "tidak dapat dihubungi" in result.reason
    run = subprocess.run(
        [sys.executable, "cli.py", "units", "--db", UNREACHABLE],
        cwd=paths.ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 3
    assert "tidak dapat dihubungi" in run.stderr and "Traceback" not in run.stderr


def test_the_app_says_why_it_cannot_open_its_database(monkeypatch):
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("DATABASE_URL", UNREACHABLE)
    st.cache_resource.clear()
    at = AppTest.from_file(str(paths.APP), default_timeout=60).run()
    assert not at.exception
    assert any("tidak dapat dihubungi" in e.value for e in at.error)


def test_the_app_refuses_a_database_to_upgrade_with_the_command(monkeypatch, tmp_path):
    import streamlit as st
    from sqlalchemy import text
    from streamlit.testing.v1 import AppTest

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = init_db(get_engine(url))
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE alembic_version"))  # as the pre-migration code left it
    monkeypatch.setenv("DATABASE_URL", url)
    st.cache_resource.clear()
    at = AppTest.from_file(str(paths.APP), default_timeout=60).run()
    assert not at.exception
    assert any("python cli.py db upgrade" in e.value for e in at.error)


@pytest.mark.postgres
def test_the_app_keeps_its_data_version_when_postgresql_goes_away(monkeypatch):
    """Pages are cached per data version: keeping the last version read keeps them served."""
    import streamlit as st

    from upt_dashboard.intake.bulk import load_sample_data
    from upt_dashboard.ui import cache

    url = create_postgres_database("goesaway")
    engine = init_db(get_engine(url))
    load_sample_data(engine, files=sorted(paths.SAMPLE_DIR.glob("PSTW-JBG_2026-*.xlsx")))
    engine.dispose()
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("DASHBOARD_LOAD_SAMPLE_DATA", "0")
    st.cache_resource.clear()
    version = cache.data_version()
    facts = cache.facts()
    assert version.submission > 0 and cache.database_problem() is None

    drop_postgres_database(url)  # the server no longer has it: every new connection fails
    assert cache.data_version() == version
    assert cache.facts() is facts  # the same cached frames, no database read
    assert "tidak dapat dihubungi" in cache.database_problem()
    st.cache_resource.clear()


def test_the_upload_page_says_the_report_was_not_stored_on_a_read_only_database(
    monkeypatch, tmp_path
):
    import streamlit as st

    from tests.conftest import open_app_page

    path = tmp_path / "ro.db"
    # Signed in while the database could be written; then it became read-only.
    at = open_app_page(f"sqlite:///{path}", "pages/unggah_laporan.py", monkeypatch)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///file:{path}?mode=ro&uri=true")
    st.cache_resource.clear()
    at.run()
    assert not at.exception
    mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    at.file_uploader[0].upload("laporan.xlsx", workbook_bytes(build_workbook()), mime).run()
    at.button(key="upload_confirm").click().run()
    assert not at.exception
    assert any(
        "Laporan tidak tersimpan" in e.value and "hanya bisa dibaca" in e.value for e in at.error
    )
