"""The one-page A4 brief: one page, A4, the paragraph, the cards, the two charts, the list."""

from __future__ import annotations

import io
from datetime import date

import pytest
from export_facts import fixed_config, synthetic_facts
from PIL import Image
from pypdf import PdfReader

from upt_dashboard.exports import images
from upt_dashboard.exports.errors import ExportError
from upt_dashboard.exports.pack import ExportScope, build_pack
from upt_dashboard.exports.pdf import CHART_PIXELS, build_pdf
from upt_dashboard.months import Month

OCT = Month(2026, 10)


def needs_chromium(test):
    """The brief's charts are drawn by kaleido with the system Chromium."""
    skip = pytest.mark.skipif(not images.images_available(), reason="no Chromium on this machine")
    return pytest.mark.browser(skip(test))


@pytest.fixture(scope="module")
def pack():
    facts = synthetic_facts(n_units=8, months=12)
    return build_pack(
        facts, ExportScope(OCT, OCT), config=fixed_config(), made_on=date(2026, 11, 28)
    )


@pytest.fixture(scope="module")
def brief(pack):
    return PdfReader(io.BytesIO(build_pdf(pack)))


def _words(text: str) -> str:
    return " ".join(text.split())


@needs_chromium
def test_one_a4_page(brief):
    assert len(brief.pages) == 1
    box = brief.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 portrait


@needs_chromium
def test_the_paragraph_cards_and_attention_are_text(brief, pack):
    text = _words(brief.pages[0].extract_text())
    assert _words(pack.summary_text) in text  # the same paragraph that opens Ringkasan
    assert "Kualitas Layanan UPT — Oktober 2026" in text
    for name in ("Indeks Orientasi Pelayanan", "Indeks Disiplin", "Kehadiran Pegawai"):
        assert name in text
    assert f"Perlu perhatian ({len(pack.attention)} UPT)" in text
    assert pack.attention[0].label in text  # the most urgent unit is listed
    assert brief.metadata.subject == pack.summary_text


@needs_chromium
def test_the_two_charts_are_embedded(brief):
    pictures = brief.pages[0].images
    assert len(pictures) == 2  # the two indices' 12-month trends
    for picture in pictures:
        drawn = Image.open(io.BytesIO(picture.data))
        # drawn by kaleido at twice the layout size, sharp when zoomed on a phone
        assert drawn.size == (2 * CHART_PIXELS[0], 2 * CHART_PIXELS[1])
        low, high = drawn.convert("L").getextrema()
        assert high - low > 100  # a picture with lines and text, not a blank


def test_without_chromium_the_brief_says_why(pack, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/tidak/ada")
    with pytest.raises(ExportError) as caught:
        build_pdf(pack)
    assert "Chromium" in str(caught.value)
