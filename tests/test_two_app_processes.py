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
from tests.conftest import (
    _free_port,
    create_postgres_database,
    drop_postgres_database,
    ensure_account,
)
from tests.test_browser import _nav, _no_exception, _open, _settle, _shot, _upload
from tests.workbooks import build_workbook, valid_report_data
from upt_dashboard import paths
from upt_dashboard.storage.bootstrap import init_db
from upt_dashboard.storage.db import get_engine

pytestmark = [pytest.mark.browser, pytest.mark.postgres]


KEY = "satu-kunci-untuk-semua-proses"


def start_app(
    url: str, port: int, log: Path, secrets: Path | None = None, **settings: str
) -> subprocess.Popen:
    """``streamlit run app.py`` with the repository's production config, on ``url``.

    Every process behind the proxy has the same signing key (README), so a session
    started on one is resumed by another: from the environment, or from a Streamlit
    secrets file (``secrets``), whose top-level values Streamlit puts in the environment.
    """
    env = {**os.environ, "DATABASE_URL": url, "DASHBOARD_LOAD_SAMPLE_DATA": "0", **settings}
    env.pop("DASHBOARD_SECRET_KEY", None)
    options = []
    if secrets is None:
        env["DASHBOARD_SECRET_KEY"] = KEY
    else:
        secrets.write_text(f'DASHBOARD_SECRET_KEY = "{KEY}"\n', encoding="utf-8")
        options = ["--secrets.files", str(secrets)]
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
            *options,
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
    engine = init_db(get_engine(url))
    ensure_account(engine, "admin")
    engine.dispose()
    ports = [_free_port(), _free_port()]
    # A: the key in the environment; B: in a Streamlit secrets file. Had either not been
    # read, that process would sign with the key generated into data/ and not resume
    # the other's sessions. B remakes its pages' requests when it sees new reports, as
    # the app does by default (the test suite switches that off elsewhere).
    servers = [
        start_app(url, ports[0], tmp_path / "app_a.log"),
        start_app(
            url,
            ports[1],
            tmp_path / "app_b.log",
            secrets=tmp_path / "secrets.toml",
            DASHBOARD_REFRESH_AHEAD_S="0.2",
        ),
    ]
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

    # Process B first: its history is empty, and it has cached that, with Ringkasan.
    _open(page, f"{app_b}/riwayat_unggahan")
    assert "Versi laporan PSTW-JBG" not in page.inner_text("body")
    _open(page, f"{app_b}/ringkasan")

    # Upload and confirm through process A, in the browser: the session signed in on B
    # (its cookie, the sessions table in PostgreSQL) is resumed by A without a new sign-in.
    page.goto(app_a, timeout=180_000)
    _settle(page)
    assert page.get_by_role("button", name="Keluar").count() == 1
    _nav(page, "Unggah Laporan")
    _upload(page, path)
    page.get_by_role("button", name="Simpan laporan").click()
    _settle(page)
    assert "Laporan disimpan sebagai versi 1" in page.inner_text("body")

    # Process B's watcher remakes what its pages asked for, with no word in its log (the
    # requests run outside any script run); its next run shows the upload.
    time.sleep(2)
    _open(page, f"{app_b}/riwayat_unggahan")
    page.get_by_text("Versi laporan PSTW-JBG, November 2026").wait_for(timeout=30_000)
    _shot(page, "two-processes-history-on-b")
    _no_exception(page)
    log_b = (tmp_path / "app_b.log").read_text(encoding="utf-8", errors="replace")
    for trouble in ("ScriptRunContext", "Traceback", "ahead failed"):
        assert trouble not in log_b
