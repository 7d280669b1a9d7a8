"""Chart images through kaleido and the system Chromium; a clear message without it."""

from __future__ import annotations

import io
import struct
import zipfile
from xml.etree import ElementTree

import plotly.graph_objects as go
import pytest
from export_facts import fixed_config, synthetic_facts

from upt_dashboard.exports import images
from upt_dashboard.exports.deck import build_deck
from upt_dashboard.exports.errors import ExportError, user_message
from upt_dashboard.exports.figures import pack_figures
from upt_dashboard.exports.pack import ExportScope, build_pack
from upt_dashboard.exports.workbook import build_workbook
from upt_dashboard.months import Month


def needs_chromium(test):
    """Drawing images drives a real Chromium: the browser lane, not the fast one."""
    skip = pytest.mark.skipif(not images.images_available(), reason="no Chromium on this machine")
    return pytest.mark.browser(skip(test))


@pytest.fixture(scope="module")
def pack():
    facts = synthetic_facts(n_units=4, months=3, start=Month(2026, 6))
    return build_pack(facts, ExportScope(Month(2026, 6), Month(2026, 8)), config=fixed_config())


@pytest.fixture(scope="module")
def figure():
    return go.Figure(
        go.Bar(x=["PSTW Jombang", "RSBL Kediri"], y=[0.91, 0.87]),
        layout={"title": {"text": "Kehadiran Pegawai"}},
    )


@pytest.fixture(scope="module")
def warm():
    if images.images_available():
        with images.warm_browser():
            yield
    else:
        yield


def _png_size(data: bytes) -> tuple[int, int]:
    return struct.unpack(">II", data[16:24])


@needs_chromium
def test_png_has_magic_and_the_asked_size(figure, warm):
    data = images.render(figure, "png", width=800, height=450)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert _png_size(data) == (800 * images.PNG_SCALE, 450 * images.PNG_SCALE)
    assert 5_000 < len(data) < 2_000_000


@needs_chromium
def test_svg_parses_and_keeps_the_text(figure, warm):
    root = ElementTree.fromstring(images.render(figure, "svg"))
    assert root.tag.endswith("svg")
    assert "Kehadiran Pegawai" in ElementTree.tostring(root, encoding="unicode")


@needs_chromium
def test_pdf(figure, warm):
    assert images.render(figure, "pdf").startswith(b"%PDF")


@needs_chromium
def test_zip_holds_every_chart_of_the_pack(pack, warm):
    figures = pack_figures(pack)
    assert "01-indeks_orientasi_pelayanan-tren" in figures
    assert any(name.endswith("-ikm-unsur") for name in figures)
    with zipfile.ZipFile(io.BytesIO(images.zip_figures(figures, "svg"))) as archive:
        assert archive.namelist() == [f"{name}.svg" for name in figures]
        for name in archive.namelist():
            ElementTree.fromstring(archive.read(name))


def test_unknown_format_is_refused(figure):
    with pytest.raises(ExportError) as raised:
        images.render(figure, "gif")
    assert raised.value.key == "export.error.format"
    assert "png, svg, pdf" in user_message(raised.value)


def test_missing_chromium_gives_a_clear_message(figure, pack, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/tidak/ada/chromium")
    assert not images.images_available()
    with pytest.raises(ExportError) as raised:
        images.render(figure, "png")
    message = user_message(raised.value)
    assert "Chromium tidak ditemukan" in message and "/tidak/ada/chromium" in message
    assert "Salindia dan ringkasan Excel tetap dapat dibuat" in message
    assert "Chromium browser was not found" in user_message(raised.value, lang="en")
    # the deck and the workbook need no browser
    assert build_deck(pack)[:2] == b"PK"
    assert build_workbook(pack)[:2] == b"PK"


def test_missing_chromium_on_path(monkeypatch):
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setattr(images.shutil, "which", lambda name: None)
    with pytest.raises(ExportError, match="chromium, chromium-browser"):
        images.browser_path()


@pytest.fixture
def cold():
    """No warm browser: the test must see the browser being started."""
    if images._server["running"]:
        images._stop()


@pytest.mark.browser  # waits for the launch to fail: seconds, not milliseconds
def test_browser_that_cannot_start_is_reported_not_waited_on(figure, monkeypatch, cold):
    monkeypatch.setenv("BROWSER_PATH", "/bin/false")
    monkeypatch.setattr(images, "FIRST_TIMEOUT_S", 8.0)
    with pytest.raises(ExportError) as raised:
        images.render(figure, "png")
    assert raised.value.key == "export.error.browser_failed"
    assert "/bin/false" in user_message(raised.value)


def _svg_texts(data: bytes) -> list[str]:
    root = ElementTree.fromstring(data)
    return [el.text or "" for el in root.iter() if el.tag.endswith("text")]


@needs_chromium
def test_images_of_a_ranking_use_the_decimal_comma_and_keep_labels_whole(warm):
    """The exported image has Indonesian numbers in ticks and labels, the target and
    province in the legend (no "T100et" over the ticks) and every value label whole,
    also at a phone's width."""
    import polars as pl

    from upt_dashboard.views import charts
    from upt_dashboard.views.i18n import set_language

    set_language("id")
    frame = pl.DataFrame(
        {
            "label": ["PSTW Jombang", "RSBL Kediri"],
            "type": ["PSTW", "RSBL"],
            "value": [0.9425, 0.875],
            "text": ["94,3% ✓", "87,5% !"],
        }
    )
    fig = charts.ranking_figure(
        frame,
        charts.Labels("Kehadiran", "Oktober 2026", "Kehadiran (%)", ""),
        charts.Scale(".1%", ".1%"),
        reference=0.9,
        reference_label="Provinsi",
        target=0.95,
        target_label="Target",
    )
    texts = _svg_texts(images.render(fig, "svg", width=390, height=420))
    ticks = [t for t in texts if t.endswith("%")]
    assert ticks and all("," in t and "." not in t for t in ticks), ticks  # 20,0%, never 20.0%
    assert "94,3% ✓" in texts and "87,5% !" in texts  # whole, with their marks
    assert texts.count("Target") == 1 and texts.count("Provinsi") == 1  # legend entries
