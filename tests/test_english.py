"""English mode is complete: no Indonesian left in the English catalogues or on English pages
(apart from the contract's sheet and column names, unit and place names, regulations)."""

from __future__ import annotations

import json

import pytest

from data_loaders.texts import TEXTS
from tests.indonesian import indonesian_words
from upt_dashboard.indicators.catalogue import INDICATORS
from upt_dashboard.indicators.english import INDICATORS_EN, N_LABELS_EN, STANDARDS_EN
from upt_dashboard.views.messages import MESSAGES


def test_the_marker_check_finds_indonesian_and_spares_contract_terms():
    assert indonesian_words("Laporan disimpan untuk bulan ini") == {
        "laporan", "untuk", "bulan", "ini"
    }  # fmt: skip
    assert not indonesian_words("Fix Hari Kerja in Kehadiran Pegawai for PSTW Jombang")


def _english_texts():
    for key, entry in MESSAGES.items():
        yield f"messages:{key}", entry["en"]
    for key, entry in TEXTS.items():
        yield f"findings:{key}", entry["en"]
    for ind in INDICATORS:
        english = INDICATORS_EN[ind.id]
        yield (
            f"indicator:{ind.id}",
            " ".join(
                (ind.name_en, english.formula, english.description, STANDARDS_EN[ind.standard])
            ),
        )
        yield f"n_label:{ind.id}", N_LABELS_EN[ind.n_label]


def test_every_english_text_of_the_catalogues_is_english():
    left = {
        key: sorted(words) for key, text in _english_texts() if (words := indonesian_words(text))
    }
    assert not left, json.dumps(left, indent=1, ensure_ascii=False)


@pytest.mark.parametrize("ind", INDICATORS, ids=lambda i: i.id)
def test_every_indicator_has_its_english_words(ind):
    assert ind.id in INDICATORS_EN and ind.standard in STANDARDS_EN and ind.n_label in N_LABELS_EN


# --- the rendered pages -------------------------------------------------------------------

from tests.test_pages import PAGES, app, sample_db  # noqa: E402, F401 (fixtures)

ALL_PAGES = [
    *PAGES,
    "pages/unggah_laporan.py",
    "pages/riwayat_unggahan.py",
    "pages/ekspor.py",
    "pages/verifikasi.py",
    "pages/kelola_akun.py",
    "pages/log_audit.py",
]


def page_texts(at) -> list[str]:
    """Every text a reader sees on the page: headings, prose, labels, tables, charts."""
    texts = []
    for kind in ("title", "header", "subheader", "caption", "markdown", "info", "success",
                 "warning", "error"):  # fmt: skip
        texts += [el.value for el in getattr(at, kind)]
    for kind in ("selectbox", "multiselect", "radio", "segmented_control", "text_input",
                 "toggle", "checkbox", "number_input", "date_input", "button"):  # fmt: skip
        for el in getattr(at, kind):
            texts.append(el.label)
            texts += [str(o) for o in getattr(el, "options", [])]
    texts += [m.label for m in at.metric] + [str(m.value) for m in at.metric]
    texts += [b.proto.label for b in at.get("download_button")]
    for frame in at.dataframe:
        value = frame.value
        texts += [str(c) for c in value.columns]
        texts += [str(v) for row in value.astype(str).values.tolist() for v in row]
    for chart in at.get("plotly_chart"):
        fig = json.loads(chart.proto.spec)
        layout = fig["layout"]
        texts.append(json.dumps(layout.get("title", {}), ensure_ascii=False))
        for axis in ("xaxis", "yaxis"):
            texts.append(str(layout.get(axis, {}).get("title", {}).get("text", "")))
            texts += [str(t) for t in layout.get(axis, {}).get("ticktext", [])]
        texts += [str(a.get("text", "")) for a in layout.get("annotations", [])]
        texts += [str(trace.get("name", "")) for trace in fig["data"]]
    return texts


@pytest.mark.parametrize("page", ALL_PAGES)
def test_no_indonesian_left_on_the_english_page(app, page):  # noqa: F811
    from upt_dashboard.views.i18n import set_language

    at = app
    at.radio(key="lang").set_value("en").run()
    set_language("en")  # AppTest formats widget options in the test's thread
    try:
        at.switch_page(page).run()
        assert not at.exception
        left = {}
        for text in page_texts(at):
            if words := indonesian_words(text):
                left[text[:160]] = sorted(words)
        assert not left, json.dumps(left, indent=1, ensure_ascii=False)
    finally:
        set_language("id")
