"""End to end in a real browser: Playwright drives Debian's Chromium against
``streamlit run app.py`` on a temporary database with the sample data.

Screenshots go to artifacts/screenshots/.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import CHROMIUM, TEST_ACCOUNTS, TEST_PASSWORD
from upt_dashboard import paths

ROOT = paths.ROOT
SHOTS = ROOT / "artifacts" / "screenshots"
LOAD_TIMEOUT_MS = 180_000  # the first page load imports all sample data

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and not os.environ.get("CI"),
        reason="Debian chromium not installed (scripts/test.sh installs it)",
    ),
]


def _settle(page) -> None:
    """Wait until the app has drawn a page and its script has stopped running."""
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=LOAD_TIMEOUT_MS)
    idle = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
    for _ in range(3):  # idle twice in a row: a rerun may start right after one ends
        page.wait_for_timeout(400)
        page.wait_for_function(idle, timeout=LOAD_TIMEOUT_MS)


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0, page.inner_text("body")


SIGN_IN = re.compile(r"^(Masuk|Sign in)$")
SIGN_OUT = re.compile(r"^(Keluar|Sign out)$")


def on_sign_in_form(page) -> bool:
    return page.get_by_role("button", name=SIGN_IN).count() > 0


def sign_in(page, role: str = "admin", password: str = TEST_PASSWORD) -> None:
    """Fill the sign-in form as a person does (either language), as the test account of
    ``role``; with the right password, wait until the app is shown."""
    page.get_by_label(re.compile(r"^(Nama pengguna|Username)$")).fill(TEST_ACCOUNTS[role][0])
    page.get_by_label(re.compile(r"^(Kata sandi|Password)$")).fill(password)
    page.get_by_role("button", name=SIGN_IN).click()
    _settle(page)
    if password == TEST_PASSWORD:
        page.get_by_role("button", name=SIGN_OUT).wait_for(timeout=LOAD_TIMEOUT_MS)
        _settle(page)


def _open(page, url: str, role: str = "admin") -> None:
    """Open ``url``, signing in as ``role`` when the browser is not signed in yet."""
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(url, timeout=LOAD_TIMEOUT_MS)
    _settle(page)
    if on_sign_in_form(page):
        sign_in(page, role)


def _nav(page, title: str) -> None:
    page.locator('[data-testid="stSidebarNav"] a').filter(
        has=page.get_by_text(title, exact=True)
    ).first.click()
    _settle(page)


def _upload(page, path: Path) -> None:
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(path))
    _settle(page)


def test_overview_shows_its_charts(page, app_url):
    _open(page, app_url)
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=LOAD_TIMEOUT_MS)
    _shot(page, "01-ringkasan")
    _no_exception(page)
    assert page.locator('[data-testid="stPlotlyChart"]').count() >= 2
    assert "Data contoh sedang dipakai" in page.inner_text("body")


def test_every_page_in_the_navigation_renders(page, app_url):
    _open(page, app_url)
    links = page.locator('[data-testid="stSidebarNav"] a')
    count = links.count()
    assert count >= 13  # an administrator's: every page
    for number in range(count):
        links.nth(number).click()
        _settle(page)
        _no_exception(page)
        slug = urlparse(page.url).path.rstrip("/").rsplit("/", 1)[-1] or "ringkasan"
        _shot(page, f"page-{number + 1:02d}-{slug}")


def test_invalid_workbook_shows_its_findings_and_stores_nothing(page, app_url, tmp_path):
    _open(page, app_url)
    _nav(page, "Unggah Laporan")
    _upload(page, ROOT / "sample_data" / "with_errors" / "hari_kerja_tidak_sesuai.xlsx")
    body = page.inner_text("body")
    _shot(page, "upload-refused")
    assert "Berkas ditolak" in body
    assert "seharusnya" in body  # each finding says what it expected
    assert page.get_by_role("button", name="Simpan laporan").count() == 0
    _no_exception(page)


def test_valid_workbook_uploaded_appears_in_history_and_overview(page, app_url, tmp_path):
    from data_loaders.template import workbook_bytes
    from tests.workbooks import build_workbook, valid_report_data

    path = tmp_path / "laporan_PSTW-JBG_2026-11.xlsx"
    data = valid_report_data("PSTW-JBG", 2026, 11, staff=8, respondents=12)
    path.write_bytes(workbook_bytes(build_workbook(data, "PSTW-JBG", 2026, 11)))

    _open(page, app_url)
    _nav(page, "Unggah Laporan")
    _upload(page, path)
    assert "Berkas valid untuk PSTW-JBG" in page.inner_text("body")
    page.get_by_role("button", name="Simpan laporan").click()
    _settle(page)
    assert "Laporan disimpan sebagai versi 1" in page.inner_text("body")
    assert page.get_by_role("button", name="Simpan laporan").count() == 0  # one outcome
    _shot(page, "upload-accepted")

    _nav(page, "Riwayat Unggahan")
    # the history opens on the newest upload
    page.get_by_text("Versi laporan PSTW-JBG, November 2026").wait_for(timeout=30_000)
    _shot(page, "history-after-upload")

    _nav(page, "Ringkasan")
    period = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first
    period.click()
    page.get_by_role("option", name="November 2026").click()
    _settle(page)
    _shot(page, "ringkasan-november-2026")
    _no_exception(page)
    assert "November 2026" in page.inner_text("[data-testid='stMain']")
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg')


def test_a_direct_link_on_a_fresh_server_goes_through_the_router(page, empty_app_url):
    """The first visitor of a new server arriving on /tren still gets app.py's
    navigation, language switch and page config (see ui/router.py)."""
    _open(page, f"{empty_app_url}/tren")
    _shot(page, "direct-link-tren")
    _no_exception(page)
    assert "/tren" in page.url  # still the link, after signing in
    nav = page.locator('[data-testid="stSidebarNav"] a')
    assert nav.count() >= 10
    assert "Ringkasan" in nav.first.inner_text()  # titles from st.navigation, not file names
    assert page.get_by_text("English").count() >= 1
    assert "Tren" in page.inner_text("[data-testid='stMain'] h1")
    # Streamlit's own "Page not found" dialog would mean the URL was lost on the way.
    assert "Page not found" not in page.inner_text("body")
