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
from upt_dashboard.storage.submissions import list_submissions

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def page(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'upload.db'}"
    at = open_app_page(url, "pages/unggah_laporan.py", monkeypatch)
    yield at, init_db(get_engine(url))
    st.cache_resource.clear()


def _valid_bytes(**change) -> bytes:
    data = valid_report_data("PSTW-JBG", 2026, 3)
    data["Integritas"].update(change)
    return workbook_bytes(build_workbook(data, "PSTW-JBG", 2026, 3))


def _upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key="upload_file").upload(name, data, XLSX).run()
    assert not at.exception
    return at


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
    assert any("Berkas ditolak" in e.value for e in at.error)
    findings = at.dataframe[0].value  # the findings table
    places = set(zip(findings.iloc[:, 1], findings.iloc[:, 2]))
    assert ("Kehadiran Pegawai", "D4") in places and ("Penerima Manfaat", "B9") in places
    assert not [b for b in at.button if b.key == "upload_confirm"]
    assert list_submissions(engine).is_empty()


def test_not_a_workbook_is_refused_with_a_message(page):
    at, engine = page
    _upload(at, "bukan.xlsx", b"Kode UPT;Bulan\nPSTW-JBG;3\n")
    assert any("Berkas ditolak" in e.value for e in at.error)
    assert list_submissions(engine).is_empty()


def test_a_valid_file_is_previewed_then_stored_on_confirm_and_unchanged_twice(page):
    at, engine = page
    _upload(at, "laporan.xlsx", _valid_bytes())
    assert any("Berkas valid untuk PSTW-JBG" in s.value for s in at.success)
    preview = at.dataframe[-1].value  # the key figures
    assert "121 / 140" in set(preview.iloc[:, 1])  # PM akhir bulan / daya tampung
    assert list_submissions(engine).is_empty()  # nothing before the confirmation

    at.button(key="upload_confirm").click().run()
    assert not at.exception
    assert any("versi 1" in s.value for s in at.success)
    assert list_submissions(engine)["version"].to_list() == [1]

    at.button(key="upload_confirm").click().run()
    assert any("tidak ada yang berubah" in i.value for i in at.info)
    assert list_submissions(engine)["version"].to_list() == [1]


def test_a_corrected_file_becomes_version_two(page):
    at, engine = page
    _upload(at, "v1.xlsx", _valid_bytes())
    at.button(key="upload_confirm").click().run()
    _upload(at, "v2.xlsx", _valid_bytes(unggahan_informasi_layanan=30))
    at.button(key="upload_confirm").click().run()
    assert any("versi 2" in s.value for s in at.success)
    listing = list_submissions(engine)
    assert listing["version"].to_list() == [2, 1]
    assert listing["is_current"].to_list() == [True, False]
