"""Composite indices: component scores against floor and target, weights, breakdown."""

from __future__ import annotations

import pytest
from facts_builder import FactsBuilder

from upt_dashboard.indicators.composite import composite_breakdown, composite_formula
from upt_dashboard.indicators.config import DEFAULT_PATH, config_from_dict, load_config
from upt_dashboard.indicators.engine import compute
from upt_dashboard.indicators.errors import IndicatorError
from upt_dashboard.months import Month

MARCH = Month(2026, 3)
CONFIG = config_from_dict(
    {
        "indicators": {
            "kehadiran": {"target": 1.0},
            "tanpa_keterangan": {"target": 0.0},
            "kehadiran_apel": {"target": 1.0},
            "indeks_disiplin": {"target": 100, "green": 80, "yellow": 60},
        },
        "composites": {
            "indeks_disiplin": {
                "components": {
                    "kehadiran": {"weight": 3, "floor": 0.8},
                    "tanpa_keterangan": {"weight": 1, "floor": 0.05},
                    "kehadiran_apel": {"weight": 1, "floor": 0.5},
                }
            }
        },
    }
)


def _facts():
    b = FactsBuilder().unit("PSTW-A").unit("PSTW-B")
    b.report("PSTW-A", "2026-03", pegawai=[dict(hari_kerja=20, hadir=18, tk=2)])  # no roll call
    b.report(
        "PSTW-B", "2026-03", pegawai=[dict(hari_kerja=20, hadir=20, apel_wajib=20, apel_hadir=20)]
    )
    return b.build()


def _result():
    return compute(
        _facts(),
        start=MARCH,
        end=MARCH,
        config=CONFIG,
        indicators=["indeks_disiplin", "kehadiran", "tanpa_keterangan", "kehadiran_apel"],
    )


def test_index_by_hand():
    index = _result().filter(indicator_id="indeks_disiplin").sort("unit_code")
    a, b = index.iter_rows(named=True)
    # A: attendance 0.9 → 50 points (0.8..1.0); TK 10% → past the 5% floor → 0;
    # no roll call → left out and the weights renormalised: (3×50 + 1×0) / 4
    assert a["value"] == pytest.approx(37.5)
    assert a["n"] == 2
    assert a["status"] == "merah"
    assert b["value"] == pytest.approx(100.0) and b["status"] == "hijau"


def test_province_index_uses_province_components():
    province = compute(
        _facts(),
        start=MARCH,
        end=MARCH,
        level="province",
        config=CONFIG,
        indicators=["indeks_disiplin"],
    ).row(0, named=True)
    # attendance 38/40 = 0.95 → 75; TK 2/40 = 0.05 → 0; roll call 20/20 → 100
    assert province["value"] == pytest.approx((3 * 75 + 0 + 100) / 5)


def test_components_are_computed_but_only_wanted_ids_returned():
    result = compute(
        _facts(), start=MARCH, end=MARCH, config=CONFIG, indicators=["indeks_disiplin"]
    )
    assert set(result["indicator_id"]) == {"indeks_disiplin"}


def test_breakdown_contributions_add_up_to_the_index():
    result = _result()
    parts = composite_breakdown(result, "indeks_disiplin", CONFIG).filter(unit_code="PSTW-A")
    scores = dict(parts.select("indicator_id", "score").iter_rows())
    assert scores == {"kehadiran": pytest.approx(50), "tanpa_keterangan": 0, "kehadiran_apel": None}
    assert parts["contribution"].sum() == pytest.approx(37.5)


def test_breakdown_needs_the_components():
    result = compute(
        _facts(), start=MARCH, end=MARCH, config=CONFIG, indicators=["indeks_disiplin"]
    )
    with pytest.raises(IndicatorError, match="kehadiran"):
        composite_breakdown(result, "indeks_disiplin", CONFIG)


def test_formula_text_shows_weights_floor_and_target():
    text = composite_formula("indeks_disiplin", CONFIG)
    assert text.startswith(
        "Indeks Disiplin = 0,60 × skor Kehadiran Pegawai (0 pada 80,0%, 100 pada 100,0%)"
    )
    assert "0,20 × skor Tidak Masuk Tanpa Keterangan (0 pada 5,00%, 100 pada 0,00%)" in text


def test_default_configuration_indices_compute():
    config = load_config(DEFAULT_PATH)
    for composite_id in ("indeks_orientasi_pelayanan", "indeks_disiplin"):
        assert composite_formula(composite_id, config)
