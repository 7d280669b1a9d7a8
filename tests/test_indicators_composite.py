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


# --- coverage: a report in the period and enough of the weight ------------------------

ORIENTATION = [
    "indeks_orientasi_pelayanan",
    "ikm",
    "kebutuhan_dasar",
    "realisasi_layanan",
    "penyelesaian_pengaduan",
    "pengaduan_tepat_waktu",
]
DEFAULT = load_config(DEFAULT_PATH)


def _coverage_facts(survey: bool):
    from datetime import date

    b = FactsBuilder().unit("PSTW-A")
    kw = dict(
        pm=dict(pm_awal_bulan=100, pm_terpenuhi_kebutuhan_dasar=100, pm_akhir_bulan=100),
        layanan=[dict(jenis_layanan="Bimbingan Fisik", sesi_direncanakan=10, sesi_terlaksana=8)],
        survei=[{f"u{i}": 3 for i in range(1, 10)}] * 4 if survey else [],
    )
    # A complaint received Thu 29 Jan 2026 falls due Thu 5 Feb; the unit sends no
    # February report, and March's report lists it resolved on 2 March.
    late = dict(nomor="1", tanggal_masuk=date(2026, 1, 29), status="Proses")
    b.report("PSTW-A", "2026-01", pengaduan=[late], **kw)
    b.report(
        "PSTW-A",
        "2026-03",
        pengaduan=[{**late, "status": "Selesai", "tanggal_selesai": date(2026, 3, 2)}],
        **kw,
    )
    return b.build()


def _rows(facts, config=DEFAULT, level="unit"):
    from dataclasses import replace
    from datetime import date

    result = compute(
        facts,
        start=Month(2026, 1),
        end=Month(2026, 3),
        level=level,
        indicators=[*ORIENTATION, "indeks_disiplin", "ketepatan_laporan"],
        config=replace(config, today=date(2026, 12, 1)),
    )
    return {(r["indicator_id"], r["period"]): r for r in result.iter_rows(named=True)}


def test_a_unit_without_a_report_gets_no_index_even_with_carried_over_figures():
    rows = _rows(_coverage_facts(survey=True))
    # February: the complaint falls due then (resolution 0 of 1) and timeliness is 0%,
    # but no February report exists: both indices are empty, not 0 or 100.
    assert rows[("penyelesaian_pengaduan", "2026-02")]["value"] == 0.0
    assert rows[("ketepatan_laporan", "2026-02")]["value"] == 0.0
    for composite in ("indeks_orientasi_pelayanan", "indeks_disiplin"):
        february = rows[(composite, "2026-02")]
        assert february["value"] is None and february["status"] is None
        assert february["reason"] == "no_report"


def test_too_few_components_leave_the_index_empty():
    rows = _rows(_coverage_facts(survey=False))
    # March: basic needs (0.20) and services (0.20) have values; no survey, no complaint
    # due in March: 0.40 of the weight < 0.60.
    march = rows[("indeks_orientasi_pelayanan", "2026-03")]
    assert (march["value"], march["n"], march["reason"]) == (None, 2, "too_few_components")
    # The minimum is configurable: at 40% the same month gets (0.2×100 + 0.2×60) ÷ 0.4
    from dataclasses import replace

    lower = _rows(_coverage_facts(survey=False), replace(DEFAULT, composite_min_weight=0.4))
    march = lower[("indeks_orientasi_pelayanan", "2026-03")]
    assert march["value"] == pytest.approx(80.0) and march["reason"] is None


def test_absent_components_are_reweighted_and_counted():
    rows = _rows(_coverage_facts(survey=True))
    march = rows[("indeks_orientasi_pelayanan", "2026-03")]
    # IKM 75 → 100 × (75 − 65) ÷ (88.31 − 65) = 42.90; basic needs 100% → 100; services
    # 80% → 60 (floor 50%); complaints: none due in March. 0.70 of the weight:
    ikm_score = 100 * 10 / 23.31
    assert march["value"] == pytest.approx((0.3 * ikm_score + 0.2 * 100 + 0.2 * 60) / 0.7)
    assert (march["n"], march["reason"]) == (3, None)


def test_the_scope_needs_one_report_of_its_units():
    rows = _rows(_coverage_facts(survey=True), level="province")
    assert rows[("indeks_disiplin", "2026-02")]["reason"] == "no_report"
    assert rows[("indeks_orientasi_pelayanan", "2026-03")]["value"] is not None


def test_minimum_share_is_checked_in_the_configuration():
    from upt_dashboard.indicators.config import config_from_dict as load

    with pytest.raises(IndicatorError, match="composite_min_weight"):
        load({"general": {"composite_min_weight": 0}})
    with pytest.raises(IndicatorError, match="composite_min_weight"):
        load({"general": {"composite_min_weight": 1.5}})
