"""The catalogue: every indicator of the brief, complete metadata, generated docs up to date."""

from __future__ import annotations

import pytest

from upt_dashboard.indicators.catalogue import BY_ID, INDICATORS, Method
from upt_dashboard.indicators.config import DEFAULT_PATH, load_config
from upt_dashboard.indicators.docs import DOC_PATH, render
from upt_dashboard.storage.facts import SHEET_ATTRS, sheet_schema

REQUIRED_IDS = [
    "ikm",
    "kebutuhan_dasar",
    "keterisian",
    "realisasi_layanan",
    "intensitas_layanan",
    "penyelesaian_pengaduan",
    "waktu_penyelesaian_pengaduan",
    "pengaduan_tepat_waktu",
    "reintegrasi",
    "rasio_pm_pegawai",
    "kehadiran",
    "tepat_waktu_masuk",
    "tepat_waktu_pulang",
    "tanpa_keterangan",
    "kehadiran_apel",
    "partisipasi_pembinaan",
    "ketepatan_laporan",
    "kelengkapan_laporan",
    "insiden_medsos",
    "tindak_lanjut_insiden",
    "hukuman_disiplin",
    "unggahan_informasi",
    "indeks_orientasi_pelayanan",
    "indeks_disiplin",
]


def test_every_required_indicator_is_declared_once():
    ids = [i.id for i in INDICATORS]
    assert len(ids) == len(set(ids))
    assert set(REQUIRED_IDS) <= set(ids)


@pytest.mark.parametrize("indicator", INDICATORS, ids=lambda i: i.id)
def test_metadata_is_complete(indicator):
    for attr in ("name_id", "name_en", "formula", "standard", "description", "n_label"):
        assert getattr(indicator, attr).strip(), attr
    if indicator.method is Method.RATIO:
        assert indicator.numerator is not None and indicator.denominator is not None
    if indicator.method is Method.SUM:
        assert indicator.numerator is not None and indicator.denominator is None


@pytest.mark.parametrize("indicator", INDICATORS, ids=lambda i: i.id)
def test_terms_read_existing_sources(indicator):
    derived = {"complaints", "reports"}
    for term in (indicator.numerator, indicator.denominator, indicator.n):
        if term is not None:
            assert term.source in SHEET_ATTRS or term.source in derived
            if term.source in SHEET_ATTRS:
                # the expression resolves against the sheet's columns
                sheet_schema(SHEET_ATTRS[term.source]).to_frame().select(
                    term.build(load_config(DEFAULT_PATH))
                )


def test_reintegration_is_for_rehabilitation_types_only():
    assert BY_ID["reintegrasi"].rehabilitation_only


def test_generated_docs_are_up_to_date():
    assert DOC_PATH.read_text(encoding="utf-8") == render(load_config(DEFAULT_PATH)), (
        "run: python -m upt_dashboard.indicators.docs"
    )


def test_docs_list_every_indicator():
    text = render(load_config(DEFAULT_PATH))
    for indicator in INDICATORS:
        assert f"(`{indicator.id}`)" in text
