"""As a UPT clerk and as a provincial leader, in a real browser at desk and phone widths.

Playwright drives Debian's Chromium against ``streamlit run app.py`` on the
sample data (the server of tests/test_browser.py). Screenshots of every page
at 1440×900 and 390×844, in both languages, go to artifacts/screenshots/.
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from openpyxl import load_workbook

from data_loaders.annotate import ERROR_FILL
from data_loaders.template import workbook_bytes
from tests.indonesian import indonesian_words
from tests.test_browser import (  # noqa: F401 (the same markers)
    LOAD_TIMEOUT_MS,
    _no_exception,
    _settle,
    _shot,
    _upload,
    on_sign_in_form,
    pytestmark,
    sign_in,
)
from tests.workbooks import build_workbook, valid_report_data

DESK = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
WIDTHS = {"desk": DESK, "phone": PHONE}
PAGE_PATHS = [
    "",
    "tren",
    "perbandingan_upt",
    "profil_upt",
    "kelengkapan_laporan",
    "kualitas_data",
    "unggah_laporan",
    "riwayat_unggahan",
    "ekspor",
    "definisi_indikator",
]

# Elements wider than the screen on a phone, outside anything that scrolls on its own.
_OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (/(auto|scroll|hidden)/.test(style.overflowX) && p !== document.body
          && p !== document.documentElement) return true;
    }
    return false;
  };
  const wide = [];
  for (const el of document.querySelectorAll('[data-testid="stMain"] *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right > width + 1 && !scrolls(el)) {
      const name = el.getAttribute('data-testid') || el.className;
      wide.push(`${el.tagName}.${name} ${Math.round(r.right)}`);
    }
  }
  return {page: document.documentElement.scrollWidth, width, wide: wide.slice(0, 10)};
}"""


def _go(page, url: str, size: dict, role: str = "admin") -> None:
    page.set_viewport_size(size)
    page.goto(url, timeout=LOAD_TIMEOUT_MS)
    _settle(page)
    if on_sign_in_form(page):  # the first page of this browser: sign in, then the same URL
        sign_in(page, role)


def _shot_whole(page, name: str) -> None:
    """A screenshot of the whole page: Streamlit scrolls inside its main block, so a
    full-page shot shows one screen; the viewport grows to the content for the picture."""
    size = page.viewport_size
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size(
        {"width": size["width"], "height": min(max(height, size["height"]), 16000)}
    )
    page.wait_for_timeout(600)  # charts redraw at the new size
    _shot(page, name)
    page.set_viewport_size(size)
    page.wait_for_timeout(300)


def _external(url: str):
    """A request log keeping what leaves the local server."""
    seen: list[str] = []

    def record(request) -> None:
        if not request.url.startswith((url, "data:", "blob:")):
            seen.append(request.url)

    return seen, record


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_page_renders_fits_the_screen_and_fetches_nothing_outside(page, app_url, width, lang):
    """Screenshots of every page; on a phone nothing is wider than the screen; no request
    leaves the machine (an offline intranet); no Deploy button or developer menu."""
    outside, record = _external(app_url)
    page.on("request", record)
    suffix = "" if lang == "id" else "?lang=en"
    for number, path in enumerate(PAGE_PATHS, start=1):
        _go(page, f"{app_url}/{path}{suffix}", WIDTHS[width])
        if path in ("", "tren", "perbandingan_upt", "profil_upt"):
            page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=60_000)
        _no_exception(page)
        if width == "phone":
            measured = page.evaluate(_OVERFLOW_JS)
            assert measured["page"] <= measured["width"], (path, measured)
            assert not measured["wide"], (path, measured)
        _shot_whole(page, f"{width}-{lang}-{number:02d}-{path or 'ringkasan'}")
    assert page.locator('[data-testid="stAppDeployButton"]').count() == 0
    menu = page.locator('[data-testid="stMainMenu"]')
    if menu.count():  # the viewer's menu: no developer entries
        menu.click()
        entries = page.locator('[data-testid="stMainMenuList"]').inner_text()
        assert "Clear cache" not in entries and "Deploy" not in entries, entries
        page.keyboard.press("Escape")
    assert not outside, outside


def test_english_pages_say_nothing_in_indonesian(page, app_url):
    """What a reader sees of each page in English, in the real browser (the page's own
    text and the sidebar; contract names, units and places are Indonesian by design)."""
    left = {}
    for path in PAGE_PATHS:
        _go(page, f"{app_url}/{path}?lang=en", DESK)
        for block in ('[data-testid="stMain"]', '[data-testid="stSidebar"]'):
            for line in page.inner_text(block).splitlines():
                if words := indonesian_words(line):
                    left[f"{path or 'ringkasan'}: {line[:120]}"] = sorted(words)
    assert not left, json.dumps(left, indent=1, ensure_ascii=False)


def _faulty(tmp_path):
    data = valid_report_data("PSTW-JBG", 2026, 11, staff=5, respondents=8)
    data["Kehadiran Pegawai"][1]["sakit"] += 1  # 22 days where Hari Kerja is 21
    path = tmp_path / "laporan_PSTW-JBG_2026-11.xlsx"
    path.write_bytes(workbook_bytes(build_workbook(data, "PSTW-JBG", 2026, 11)))
    return path, data["Kehadiran Pegawai"][1]["nama"]


@pytest.mark.parametrize("width", WIDTHS)
def test_a_faulty_upload_teaches_and_gives_the_workbook_back_marked(page, app_url, tmp_path, width):
    path, name = _faulty(tmp_path)
    _go(page, f"{app_url}/unggah_laporan", WIDTHS[width])
    _upload(page, path)
    main = page.inner_text('[data-testid="stMain"]')
    _shot_whole(page, f"{width}-upload-findings")
    assert "Berkas ditolak" in main and "Perbaiki sel yang disebut" in main
    assert f"D5 · {name} — ditemukan 22, seharusnya = 21 (Hari Kerja)" in main
    assert "jumlah 22, seharusnya 21 (= Hari Kerja)" in main
    with page.expect_download() as caught:
        page.get_by_role("button", name=re.compile("sel bermasalah ditandai")).click()
    download = caught.value
    assert download.suggested_filename == "laporan_PSTW-JBG_2026-11_diperiksa.xlsx"
    marked = load_workbook(io.BytesIO(open(download.path(), "rb").read()))  # noqa: SIM115
    cell = marked["Kehadiran Pegawai"]["D5"]
    assert cell.fill.fgColor.rgb.endswith(ERROR_FILL)
    assert "jumlah 22, seharusnya 21 (= Hari Kerja)" in cell.comment.text
    if width == "phone":
        measured = page.evaluate(_OVERFLOW_JS)
        assert measured["page"] <= measured["width"] and not measured["wide"], measured


def test_a_reupload_says_which_version_it_replaces_and_what_changes(page, app_url, tmp_path):
    first = valid_report_data("PSTW-JBG", 2026, 11, staff=5, respondents=8)
    v1 = tmp_path / "v1.xlsx"
    v1.write_bytes(workbook_bytes(build_workbook(first, "PSTW-JBG", 2026, 11)))
    _go(page, f"{app_url}/unggah_laporan", DESK)
    _upload(page, v1)
    if page.get_by_role("button", name="Simpan laporan").count():  # not stored by another test
        page.get_by_role("button", name="Simpan laporan").click()
        _settle(page)
    second = valid_report_data("PSTW-JBG", 2026, 11, staff=5, respondents=8)
    second["Kehadiran Pegawai"][0].update(hadir=17, tk=1)
    v2 = tmp_path / "v2.xlsx"
    v2.write_bytes(workbook_bytes(build_workbook(second, "PSTW-JBG", 2026, 11)))
    _upload(page, v2)
    main = page.inner_text('[data-testid="stMain"]')
    _shot_whole(page, "desk-upload-replaces")
    version = int(re.search(r"ini menggantikan versi (\d+)", main)[1])
    button = page.get_by_role("button", name=f"Simpan sebagai versi {version + 1}")
    assert button.count() == 1
    diff = page.locator('[data-testid="stDataFrame"]').first
    assert diff.is_visible()
    button.click()
    _settle(page)
    assert f"Laporan disimpan sebagai versi {version + 1}" in page.inner_text("body")
    _no_exception(page)


def test_reload_keeps_filters_and_language(page, app_url):
    _go(page, f"{app_url}/tren", DESK)
    page.get_by_text("English", exact=True).click()  # one click switches
    _settle(page)
    assert "Trend" in page.inner_text('[data-testid="stMain"] h1')
    page.get_by_text("Quarter", exact=True).click()
    _settle(page)
    assert "grain=quarter" in page.url and "lang=en" in page.url
    shared = page.url
    page.reload()
    _settle(page)
    assert "Trend" in page.inner_text('[data-testid="stMain"] h1')
    assert "Quarter" in page.inner_text('[data-testid="stSidebar"]')
    assert page.url == shared
    # The link opens the same view in a fresh browser session.
    other = page.context.browser.new_page()  # another browser: signs in, same view
    other.goto(shared, timeout=LOAD_TIMEOUT_MS)
    _settle(other)
    assert on_sign_in_form(other) and "Username" in other.inner_text("body")
    sign_in(other)
    assert "Trend" in other.inner_text('[data-testid="stMain"] h1')
    _shot(other, "desk-en-shared-link")
    period = other.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"] input').first
    # a quarter still running is labelled partial with its months: "Q4 2026 (Oct)"
    assert re.fullmatch(r"Q[1-4] 20\d\d( \(.+\))?", period.get_attribute("value"))
    other.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_attention_is_one_row_per_unit_and_each_opens_its_profile(page, app_url, width):
    """The leader's ten seconds: the month in one paragraph, then one row per unit (never
    a table that hides rows), and the unit's name opens its profile on that unit."""
    _go(page, app_url, WIDTHS[width])
    main = page.locator('[data-testid="stMain"]')
    assert re.search(r"\d+ dari \d+ UPT mengirim laporan", main.inner_text())  # the paragraph
    heading = main.get_by_text(re.compile(r"Perlu perhatian \(\d+ UPT\)"))
    count = int(re.search(r"\((\d+) UPT\)", heading.inner_text())[1])
    links = main.locator('[data-testid="stPageLink"] a')
    assert count > 0 and links.count() == count
    # the link's text is its icon's name, then the unit's label
    names = [links.nth(i).inner_text().strip().splitlines()[-1] for i in range(count)]
    assert len(set(names)) == count  # one row per unit
    chosen = names[-1]  # not the profile's default unit
    links.nth(count - 1).click()
    _settle(page)
    assert "profil_upt" in page.url and "unit=" in page.url
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=60_000)
    picked = main.locator('[data-testid="stSelectbox"] input').first.get_attribute("value")
    assert picked == chosen, (picked, chosen)
    _no_exception(page)
    _shot_whole(page, f"{width}-attention-to-profile")


def _download_rows(page, key: str, filename: str) -> list[list[str]]:
    with page.expect_download() as caught:
        page.locator(f".st-key-{key}_csv button").click()
    download = caught.value
    assert download.suggested_filename == filename
    with open(download.path(), encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file))


def test_ringkasans_whole_tables_download_in_the_pages_language(page, app_url):
    """Ringkasan's scorecard, overdue-complaint and attention CSVs are made at the click
    (at national scale the page shows only part of them, and making the whole takes a
    tenth of a second no view should wait for), in a server thread of its own: every
    row, in the language the page is read in."""
    _go(page, f"{app_url}/?lang=en", DESK)
    rows = _download_rows(page, "ringkasan_scorecard", "kartu_skor.csv")
    assert rows[0][0] == "Unit" and rows[1][0] == "Status thresholds"
    assert len(rows) == 2 + 13 and len({row[0] for row in rows[2:]}) == 13
    backlog = _download_rows(page, "ringkasan_backlog", "tunggakan_pengaduan.csv")
    assert backlog[0][:2] == ["Unit", "Number"] and len(backlog) >= 2
    attention = _download_rows(page, "ringkasan_attention", "perlu_perhatian.csv")
    assert attention[0] == ["Unit", "Status", "Reasons"] and len(attention) >= 2
    assert not any("perlu perhatian" in row[2] for row in attention[1:])  # worded in English
    _no_exception(page)
