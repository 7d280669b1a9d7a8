"""The Ekspor page (AppTest): builds each file and offers it for download."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from data_loaders.template import workbook_bytes
from tests.conftest import open_app_page
from tests.workbooks import TODAY, build_workbook, valid_report_data
from upt_dashboard.exports import images
from upt_dashboard.intake.ingest import ingest_file
from upt_dashboard.storage.bootstrap import init_db


@pytest.fixture
def app(tmp_path, monkeypatch):
    from upt_dashboard.storage.db import get_engine

    url = f"sqlite:///{tmp_path / 'page.db'}"
    engine = init_db(get_engine(url))
    for unit in ("PSTW-JBG", "RSBL-KDR"):
        data = workbook_bytes(build_workbook(valid_report_data(unit, 2026, 3), unit, 2026, 3))
        assert ingest_file(engine, data, f"{unit}.xlsx", "tester", today=TODAY).status == "accepted"
    engine.dispose()
    return open_app_page(url, "pages/ekspor.py", monkeypatch)


def _downloads(at) -> list:
    return [el for el in at.get("download_button")]


@pytest.mark.parametrize(
    "button, suffix",
    [
        ("ekspor_deck", ".pptx"),
        ("ekspor_xlsx", ".xlsx"),
        pytest.param("ekspor_pdf", ".pdf", marks=pytest.mark.browser),  # kaleido + Chromium
        pytest.param("ekspor_pack", "-paket-rapat.zip", marks=pytest.mark.browser),
    ],
)
def test_build_and_offer_the_file(app, button, suffix):
    app.button(key=button).click().run()
    assert not app.exception
    assert not app.error
    assert any(suffix in s.value for s in app.success)
    assert len(_downloads(app)) == 1


def test_images_button_is_disabled_without_chromium(tmp_path, monkeypatch, app):
    monkeypatch.setenv("BROWSER_PATH", "/tidak/ada")
    app.run()
    # the brief and the pack draw charts too; the deck and the workbook need no browser
    for key in ("ekspor_images", "ekspor_pdf", "ekspor_pack"):
        assert app.button(key=key).disabled
    assert not app.button(key="ekspor_deck").disabled
    assert any("Chromium" in w.value for w in app.warning)


def test_a_range_instead_of_one_month(app):
    app.segmented_control(key="ekspor_mode").set_value("range").run()
    app.button(key="ekspor_xlsx").click().run()
    assert not app.exception and not app.error
    assert any(".xlsx" in s.value for s in app.success)


CHART_SCRIPT = """
import plotly.graph_objects as go
import polars as pl

from upt_dashboard.ui.downloads import chart_downloads

fig = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]))
chart_downloads(fig, "kehadiran tren", "k", data=pl.DataFrame({"ringkasan": ["=1+1"]}))
"""


@pytest.fixture
def chart_app(tmp_path):
    script = tmp_path / "chart_app.py"
    script.write_text(CHART_SCRIPT, encoding="utf-8")
    return lambda: AppTest.from_file(str(script), default_timeout=30).run()


def test_chart_downloads_offers_images_and_csv(chart_app):
    at = chart_app()
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    expected = (
        ["Data (CSV)"]
        if not images.images_available()
        else ["Gambar PNG", "Gambar SVG", "PDF", "Data (CSV)"]
    )
    assert labels == expected
    # one menu holds them all, instead of a row of four buttons
    menus = [el for el in at.main.children.values() if getattr(el, "type", "") == "popover"]
    assert [m.proto.popover.label for m in menus] == ["Unduh"]


def test_chart_downloads_without_chromium_explains(chart_app, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/tidak/ada")
    at = chart_app()
    assert [b.proto.label for b in at.get("download_button")] == ["Data (CSV)"]
    assert any("Chromium" in c.value for c in at.caption)
