"""Accounts in a real browser (Playwright + Chromium against ``streamlit run app.py``):
the sign-in form on every URL, each role's navigation, an operator refused another
unit's report, lock-out, a reload that keeps the session, "Keluar", the demo sign-ins."""

from __future__ import annotations

import re

from sqlalchemy import create_engine, select

from data_loaders.template import workbook_bytes
from tests.conftest import SERVED, TEST_ACCOUNTS
from tests.test_browser import (  # noqa: F401 (the same markers)
    LOAD_TIMEOUT_MS,
    SIGN_IN,
    SIGN_OUT,
    _no_exception,
    _settle,
    _shot,
    _upload,
    on_sign_in_form,
    pytestmark,
    sign_in,
)
from tests.workbooks import build_workbook, valid_report_data
from upt_dashboard.access.roles import load_roles
from upt_dashboard.ui.navigation import PAGES
from upt_dashboard.views.i18n import t

ALL_PATHS = ["", *PAGES]


def _go(page, url: str) -> None:
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(url, timeout=LOAD_TIMEOUT_MS)
    _settle(page)


def _stored(app_url: str, unit: str) -> list[int]:
    """Submission ids of ``unit`` in the database behind the test server."""
    from upt_dashboard.storage.db import submissions

    engine = create_engine(SERVED[app_url])
    with engine.connect() as conn:
        ids = conn.execute(select(submissions.c.id).where(submissions.c.unit_code == unit))
        found = list(ids.scalars())
    engine.dispose()
    return found


def test_without_signing_in_every_url_shows_only_the_sign_in_form(page, app_url):
    for path in ALL_PATHS:
        _go(page, f"{app_url}/{path}")
        main = page.inner_text('[data-testid="stMain"]')
        assert page.get_by_label("Nama pengguna").count() == 1, path
        assert page.get_by_label("Kata sandi").count() == 1, path
        assert page.get_by_role("button", name="Masuk", exact=True).count() == 1, path
        assert page.locator('[data-testid="stPlotlyChart"]').count() == 0, path
        assert page.locator('[data-testid="stDataFrame"]').count() == 0, path
        assert page.locator('[data-testid="stSidebarNav"] a').count() == 0, path
        assert "Data contoh sedang dipakai" not in main, path
        _no_exception(page)
    _shot(page, "access-sign-in-form")


def test_each_role_sees_exactly_its_pages(browser, app_url):
    roles = load_roles()
    for role in TEST_ACCOUNTS:
        context = browser.new_context()
        page = context.new_page()
        _go(page, app_url)
        sign_in(page, role)
        # A link's text is its icon's ligature name ("dashboard") and its title: the title.
        titles = [
            a.inner_text().strip().splitlines()[-1]
            for a in page.locator('[data-testid="stSidebarNav"] a').all()
        ]
        expected = [t(PAGES[p][0]) for p in PAGES if p in roles[role].pages]
        assert titles == expected, role
        _shot(page, f"access-nav-{role}")
        context.close()


def test_an_operator_cannot_store_another_units_report(page, app_url, tmp_path):
    _go(page, f"{app_url}/unggah_laporan")
    sign_in(page, "operator")
    before = _stored(app_url, "RSBL-KDR")
    other = tmp_path / "laporan_RSBL-KDR_2026-11.xlsx"
    other.write_bytes(
        workbook_bytes(
            build_workbook(valid_report_data("RSBL-KDR", 2026, 11), "RSBL-KDR", 2026, 11)
        )
    )
    _upload(page, other)
    main = page.inner_text('[data-testid="stMain"]')
    _shot(page, "access-operator-other-unit")
    assert "Berkas ditolak" in main
    assert "Laporan ini untuk UPT RSBL-KDR" in main and "Tidak ada yang disimpan" in main
    assert page.get_by_role("button", name=re.compile("^Simpan")).count() == 0
    # The template offers the operator's own unit only.
    page.locator('[data-testid="stSelectbox"]').first.click()
    options = page.get_by_role("option").all_inner_texts()
    page.keyboard.press("Escape")
    assert options and all(o.startswith(TEST_ACCOUNTS["operator"][1]) for o in options)
    assert _stored(app_url, "RSBL-KDR") == before  # nothing stored
    _no_exception(page)


def test_five_wrong_passwords_lock_the_account(page, app_url):
    _go(page, app_url)
    for _ in range(5):
        sign_in(page, "verifikator", password="bukan-kata-sandinya")
        assert "Nama pengguna atau kata sandi salah." in page.inner_text("body")
    sign_in(page, "verifikator", password="bukan-kata-sandinya")
    body = page.inner_text("body")
    _shot(page, "access-locked")
    assert "Terlalu banyak percobaan" in body and "15 menit" in body
    # The right password is refused too while the lock lasts.
    from tests.conftest import TEST_PASSWORD

    page.get_by_label("Nama pengguna").fill(TEST_ACCOUNTS["verifikator"][0])
    page.get_by_label("Kata sandi").fill(TEST_PASSWORD)
    page.get_by_role("button", name=SIGN_IN).click()
    _settle(page)
    assert "Terlalu banyak percobaan" in page.inner_text("body")
    assert page.get_by_role("button", name=SIGN_OUT).count() == 0


def test_a_reload_keeps_the_session_and_keluar_ends_it(page, app_url):
    _go(page, f"{app_url}/tren")
    sign_in(page, "pimpinan")
    assert "Tren" in page.inner_text('[data-testid="stMain"] h1')
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert "dasbor_sesi" in cookies and cookies["dasbor_sesi"]["expires"] == -1  # ends with it
    assert "dasbor_sesi" not in page.url and "token" not in page.url
    page.reload()
    _settle(page)
    assert not on_sign_in_form(page)
    assert "Tren" in page.inner_text('[data-testid="stMain"] h1')
    kept = page.context.cookies()
    page.get_by_role("button", name=SIGN_OUT).click()
    _settle(page)
    assert on_sign_in_form(page)
    page.reload()
    _settle(page)
    assert on_sign_in_form(page)
    # The old cookie, put back by hand, opens nothing: the session ended on the server.
    page.context.add_cookies([{k: c[k] for k in ("name", "value", "domain", "path")} for c in kept])
    page.reload()
    _settle(page)
    assert on_sign_in_form(page)
    _shot(page, "access-signed-out")


def test_the_language_of_the_link_survives_signing_in(page, app_url):
    """The first page after the sign-in form is drawn on another page than the form was:
    the language is remembered like the filters, not left to the radio's page-bound state."""
    _go(page, f"{app_url}/?lang=en")
    assert page.get_by_label("Username", exact=True).count() == 1
    assert page.get_by_label("Password", exact=True).count() == 1
    assert page.get_by_role("button", name="Sign in", exact=True).count() == 1
    sign_in(page, "pimpinan")
    page.wait_for_timeout(1000)  # the cookie component's answer is one more run
    _settle(page)
    assert page.inner_text('[data-testid="stMain"] h1') == t("overview.title", lang="en")
    assert page.get_by_role("button", name="Sign out", exact=True).count() == 1
    assert "lang=en" in page.url
    _no_exception(page)


def test_the_newcomer_signs_in_with_a_demo_account(page, demo_app_url):
    _go(page, demo_app_url)
    body = page.inner_text("body")
    assert "Coba dengan akun demo" in body and "Penyiapan pertama" in body
    _shot(page, "access-demo-offered")
    page.get_by_role("button", name="Masuk sebagai operator PRS-SDA (demo)").click()
    _settle(page)
    page.get_by_role("button", name=SIGN_OUT).wait_for(timeout=LOAD_TIMEOUT_MS)
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=LOAD_TIMEOUT_MS)
    assert "Operator PRS-SDA (demo)" in page.inner_text('[data-testid="stSidebar"]')
    _no_exception(page)


def test_on_a_first_start_the_sign_in_page_is_usable_while_the_sample_data_loads(
    page, demo_app_url
):
    """The newcomer is not kept waiting for the import: the form is drawn at once, the
    demo sign-ins as soon as the first sample report is stored, and a sign-in during the
    load lands on the overview once the data is in."""
    from upt_dashboard.intake.bulk import sample_files

    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(demo_app_url, timeout=LOAD_TIMEOUT_MS)
    demo = page.get_by_role("button", name="Masuk sebagai pimpinan (demo)")
    demo.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert page.locator('[data-testid="stProgress"]').count() == 1  # still loading
    assert page.get_by_role("button", name=SIGN_IN).count() == 1
    _shot(page, "access-first-start")
    demo.click()
    page.get_by_role("button", name=SIGN_OUT).wait_for(timeout=LOAD_TIMEOUT_MS)
    page.wait_for_selector('[data-testid="stMetric"]', timeout=LOAD_TIMEOUT_MS)
    _settle(page)
    assert len(_stored_all(demo_app_url)) == len(sample_files())
    _no_exception(page)


def _stored_all(app_url: str) -> list[int]:
    from upt_dashboard.storage.db import submissions

    engine = create_engine(SERVED[app_url])
    with engine.connect() as conn:
        ids = conn.execute(select(submissions.c.id)).scalars().all()
    engine.dispose()
    return ids
