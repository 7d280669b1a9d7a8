"""The Unggah Laporan page in AppTest: upload through the real file_uploader,
see every finding, confirm to store, and nothing stored for a bad file."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from data_loaders.template import workbook_bytes
from tests.conftest import open_app_page
from tests.workbooks import build_workbook, valid_report_data
from upt_dashboard.storage.bootstrap import init_db
from upt_dashboard.storage.db import get_engine
from upt_dashboard.storage.scope import EVERYTHING
from upt_dashboard.storage.submissions import list_submissions

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def page(tmp_path, monkeypatch):
    from streamlit.runtime.scriptrunner import script_runner

    from tests.conftest import run_entry_file

    # Every rerun goes through app.py, as in a browser (the language radio lives there).
    monkeypatch.setattr(script_runner, "_mpa_v1", run_entry_file)
    url = f"sqlite:///{tmp_path / 'upload.db'}"
    at = open_app_page(url, "pages/unggah_laporan.py", monkeypatch)
    yield at, init_db(get_engine(url))
    st.cache_resource.clear()


def _valid_bytes(**change) -> bytes:
    data = valid_report_data("PSTW-JBG", 2026, 3)
    data["Integritas"].update(change)
    return workbook_bytes(build_workbook(data, "PSTW-JBG", 2026, 3))


def _upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader[0].upload(name, data, XLSX).run()
    assert not at.exception
    return at


def _text(at: AppTest) -> str:
    """Everything the page wrote as Markdown (the findings are Markdown lines)."""
    return "\n".join(m.value for m in at.markdown)


def test_the_template_is_offered_for_download(page):
    at, _ = page
    assert at.get("download_button")
    assert at.selectbox(key="upload_template_unit").value == "PRS-SDA"


def test_a_bad_file_shows_every_finding_with_its_cell_and_stores_nothing(page):
    at, engine = page
    data = valid_report_data("PSTW-JBG", 2026, 3)
    data["Kehadiran Pegawai"][0]["hadir"] = 5  # the days no longer add up
    data["Penerima Manfaat"]["pm_akhir_bulan"] = 999  # the resident balance is off
    _upload(at, "salah.xlsx", workbook_bytes(build_workbook(data, "PSTW-JBG", 2026, 3)))
    assert any("Perbaiki sel yang disebut" in e.value for e in at.error)
    text = _text(at)
    # grouped by sheet, each with the cell, the employee, the values found and expected
    assert "**Kehadiran Pegawai** · 1 kesalahan" in text
    assert "**D4** · Pegawai 1 — ditemukan 8, seharusnya = 21 (Hari Kerja)" in text
    assert "**B9**" in text and "seharusnya sama dengan PM Akhir Bulan (999)" in text
    assert not [b for b in at.button if b.key == "upload_confirm"]
    assert list_submissions(engine, EVERYTHING).is_empty()


def test_not_a_workbook_is_refused_with_a_message(page):
    at, engine = page
    _upload(at, "bukan.xlsx", b"Kode UPT;Bulan\nPSTW-JBG;3\n")
    assert any("Berkas ditolak" in e.value for e in at.error)
    # a whole-file error names no cell: no "fix the cells listed"
    assert not any("Perbaiki sel" in e.value for e in at.error)
    assert "teks/CSV" in _text(at)
    assert list_submissions(engine, EVERYTHING).is_empty()


def test_a_valid_file_is_previewed_then_stored_on_confirm_and_unchanged_twice(page):
    at, engine = page
    valid = _valid_bytes()
    _upload(at, "laporan.xlsx", valid)
    assert any("Berkas valid untuk PSTW-JBG" in s.value for s in at.success)
    preview = at.dataframe[-1].value  # the key figures
    assert "121 / 140" in set(preview.iloc[:, 1])  # PM akhir bulan / daya tampung
    assert list_submissions(engine, EVERYTHING).is_empty()  # nothing before the confirmation

    at.button(key="upload_confirm").click().run()
    assert not at.exception
    assert [s.value for s in at.success if "versi" in s.value] == [
        "Laporan disimpan sebagai versi 1 (PSTW-JBG, Maret 2026). Pilih berkas lain untuk "
        "mengunggah lagi."
    ]
    # One outcome: the uploader is empty, no preview and no second "Simpan".
    assert at.file_uploader[0].value is None
    assert not [b for b in at.button if b.key == "upload_confirm"]
    assert not at.dataframe

    _upload(at, "laporan.xlsx", valid)  # the same bytes again
    at.button(key="upload_confirm").click().run()
    assert any("tidak ada yang berubah" in i.value for i in at.info)
    assert list_submissions(engine, EVERYTHING)["version"].to_list() == [1]


def test_a_corrected_file_says_which_version_it_replaces_then_becomes_version_two(page):
    at, engine = page
    _upload(at, "v1.xlsx", _valid_bytes())
    at.button(key="upload_confirm").click().run()
    data = valid_report_data("PSTW-JBG", 2026, 3)
    data["Kehadiran Pegawai"][0].update(hadir=17, tk=1)  # one more day without explanation
    _upload(at, "v2.xlsx", workbook_bytes(build_workbook(data, "PSTW-JBG", 2026, 3)))
    assert any("ini menggantikan versi 1" in w.value for w in at.warning)
    diff = at.dataframe[0].value  # the key numbers, stored version against this file
    changed = diff[diff.iloc[:, 3] == "berubah"]
    assert list(changed.iloc[:, 0]) == ["Hari tanpa keterangan (TK)"]
    assert list(changed.iloc[:, 1:3].iloc[0]) == ["0", "1"]
    assert list(diff.columns[1:3]) == ["Versi 1", "Berkas ini"]
    assert at.button(key="upload_confirm").label == "Simpan sebagai versi 2"
    assert list_submissions(engine, EVERYTHING)["version"].to_list() == [
        1
    ]  # nothing before confirming
    at.button(key="upload_confirm").click().run()
    assert any("versi 2" in s.value for s in at.success)
    listing = list_submissions(engine, EVERYTHING)
    assert listing["version"].to_list() == [2, 1]
    assert listing["is_current"].to_list() == [True, False]


def test_a_refused_file_comes_back_with_its_faulty_cells_marked(page):

    at, _ = page
    data = valid_report_data("PSTW-JBG", 2026, 3)
    data["Kehadiran Pegawai"][0]["hadir"] = 5
    wb = build_workbook(data, "PSTW-JBG", 2026, 3)
    del wb["Pembinaan"]  # a finding without a cell
    _upload(at, "salah.xlsx", workbook_bytes(wb))
    button = at.get("download_button")
    assert any(b.proto.label.startswith("Unduh berkas Anda") for b in button)


def test_the_page_speaks_english_with_english_findings(page):
    from upt_dashboard.views.i18n import set_language

    at, _ = page
    at.radio(key="lang").set_value("en").run()
    set_language("id")  # AppTest ran the script in this thread; the workbook is Indonesian
    data = valid_report_data("PSTW-JBG", 2026, 3)
    data["Kehadiran Pegawai"][0]["hadir"] = 5
    workbook = workbook_bytes(build_workbook(data, "PSTW-JBG", 2026, 3))
    # AppTest formats the widgets' values in this thread to send them back: in the
    # page's language, or "Desember 2026" is not among the options "December 2026"
    # (in November both languages spell the month alike).
    set_language("en")
    try:
        _upload(at, "salah.xlsx", workbook)
    finally:
        set_language("id")
    assert any("Fix the cells listed" in e.value for e in at.error)
    text = _text(at)
    assert "found 8, expected = 21" in text and "should be 21 (= Hari Kerja)" in text
    assert "seharusnya" not in text and "ditemukan" not in text
    assert at.file_uploader[0].label == "Choose the report file (.xlsx, at most 20 MB)"


def test_a_stored_report_and_its_verdict_tell_the_watcher_at_once(page, monkeypatch):
    """So this process remakes the pages' requests now, not at its next look
    (``ui.refresh_ahead``); a refused file tells it nothing."""
    from upt_dashboard.ui import refresh_ahead

    pokes = []
    monkeypatch.setattr(refresh_ahead, "poke", lambda: pokes.append(1))
    at, engine = page
    _upload(at, "bukan.xlsx", b"bukan buku kerja")
    assert pokes == []

    _upload(at, "laporan.xlsx", _valid_bytes())
    at.button(key="upload_confirm").click().run()
    assert not at.exception and pokes == [1]

    at.switch_page("pages/verifikasi.py").run()
    at.button(key="review_verify").click().run()
    assert not at.exception and pokes == [1, 1]
    assert list_submissions(engine, EVERYTHING)["review_state"].to_list() == ["diverifikasi"]
