"""Two ``streamlit run app.py`` processes on one PostgreSQL, as behind the reverse proxy:
an upload through process A shows in process B at its next run (the data version is
read from the database, not kept in either process's memory)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from data_loaders.template import workbook_bytes
from tests.conftest import _free_port, create_postgres_database, drop_postgres_database
from tests.test_browser import _nav, _no_exception, _open, _settle, _shot, _upload
from tests.workbooks import build_workbook, valid_report_data
from upt_dashboard import paths
from upt_dashboard.storage.bootstrap import init_db
from upt_dashboard.storage.db import get_engine

pytestmark = [pytest.mark.browser, pytest.mark.postgres]


def start_app(url: str, port: int, log: Path) -> subprocess.Popen:
    """``streamlit run app.py`` with the repository's production config, on ``url``."""
    env = {**os.environ, "DATABASE_URL": url, "DASHBOARD_LOAD_SAMPLE_DATA": "0"}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.fileWatcherType",
            "none",
        ],
        cwd=paths.ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )


def wait_healthy(base: str) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{base}/_stcore/health", timeout=2).read() == b"ok":
                return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"streamlit at {base} did not start")


@pytest.fixture
def two_apps(tmp_path):
    url = create_postgres_database("twoapps")
    init_db(get_engine(url)).dispose()
    ports = [_free_port(), _free_port()]
    servers = [start_app(url, port, tmp_path / f"app{port}.log") for port in ports]
    try:
        bases = [f"http://127.0.0.1:{port}" for port in ports]
        for base in bases:
            wait_healthy(base)
        yield bases
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)
        drop_postgres_database(url)


def test_an_upload_through_one_process_shows_on_the_other(page, two_apps, tmp_path):
    app_a, app_b = two_apps
    path = tmp_path / "laporan_PSTW-JBG_2026-11.xlsx"
    data = valid_report_data("PSTW-JBG", 2026, 11, staff=8, respondents=12)
    path.write_bytes(workbook_bytes(build_workbook(data, "PSTW-JBG", 2026, 11)))

    # Process B first: its history is empty, and it has cached that.
    _open(page, f"{app_b}/riwayat_unggahan")
    assert "Versi laporan PSTW-JBG" not in page.inner_text("body")

    # Upload and confirm through process A, in the browser.
    _open(page, app_a)
    _nav(page, "Unggah Laporan")
    _upload(page, path)
    page.get_by_role("button", name="Simpan laporan").click()
    _settle(page)
    assert "Laporan disimpan sebagai versi 1" in page.inner_text("body")

    # Process B's next run shows it.
    _open(page, f"{app_b}/riwayat_unggahan")
    page.get_by_text("Versi laporan PSTW-JBG, November 2026").wait_for(timeout=30_000)
    _shot(page, "two-processes-history-on-b")
    _no_exception(page)
