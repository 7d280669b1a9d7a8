"""Each ratio and count indicator on a small hand-made month, values worked out by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from facts_builder import FactsBuilder

from upt_dashboard.indicators.config import DEFAULT_PATH, load_config
from upt_dashboard.indicators.engine import compute
from upt_dashboard.months import Month

MARCH = Month(2026, 3)
CONFIG = replace(load_config(DEFAULT_PATH), today=date(2026, 12, 1))


def _facts():
    b = FactsBuilder().unit("PSTW-A", "PSTW").unit("RSBL-B", "RSBL")
    b.report(
        "PSTW-A",
        "2026-03",
        pm=dict(
            daya_tampung=100,
            pm_awal_bulan=90,
            pm_masuk=10,
            pm_keluar_reintegrasi=2,
            pm_keluar_rujukan=1,
            pm_keluar_meninggal=1,
            pm_keluar_lainnya=0,
            pm_akhir_bulan=96,
            pm_terpenuhi_kebutuhan_dasar=97,
        ),
        layanan=[
            dict(
                jenis_layanan="Bimbingan Fisik",
                sesi_direncanakan=10,
                sesi_terlaksana=8,
                jumlah_peserta=200,
            ),
            dict(
                jenis_layanan="Bimbingan Sosial",
                sesi_direncanakan=5,
                sesi_terlaksana=7,
                jumlah_peserta=100,
            ),
        ],
        pegawai=[
            dict(
                nip="198001012005011001",
                hari_kerja=20,
                hadir=17,
                dinas_luar=1,
                sakit=1,
                tk=1,
                tl1=2,
                tl4=1,
                psw2=1,
                apel_wajib=20,
                apel_hadir=15,
            ),
            dict(
                nip="198001012005011002",
                hari_kerja=20,
                hadir=20,
                tl2=1,
                apel_wajib=20,
                apel_hadir=20,
            ),
        ],
        pembinaan=[
            dict(peserta_wajib=10, peserta_hadir=9),
            dict(peserta_wajib=10, peserta_hadir=7),
        ],
        integritas=dict(
            insiden_etika_media_sosial=2,
            insiden_ditindaklanjuti=1,
            unggahan_informasi_layanan=5,
            hukuman_disiplin_ringan=1,
            hukuman_disiplin_berat=1,
        ),
    )
    b.report(
        "RSBL-B",
        "2026-03",
        pm=dict(
            daya_tampung=50,
            pm_awal_bulan=40,
            pm_masuk=5,
            pm_keluar_reintegrasi=3,
            pm_keluar_rujukan=1,
            pm_akhir_bulan=41,
            pm_terpenuhi_kebutuhan_dasar=45,
        ),
    )
    return b.build()


FACTS = _facts()


def _value(indicator_id: str, unit_code: str = "PSTW-A", level: str = "unit", config=CONFIG):
    result = compute(
        FACTS, start=MARCH, end=MARCH, level=level, indicators=[indicator_id], config=config
    )
    return result.filter(unit_code=unit_code).row(0, named=True)


# (indicator, unit, numerator, denominator) worked out from _facts() by hand.
CASES = [
    ("kebutuhan_dasar", "PSTW-A", 97, 90 + 10),
    ("keterisian", "PSTW-A", 96, 100),
    ("realisasi_layanan", "PSTW-A", 8 + 5, 10 + 5),  # 7 held of 5 planned counts 5
    ("intensitas_layanan", "PSTW-A", 300, (90 + 96) / 2),
    ("reintegrasi", "RSBL-B", 3, 3 + 1 + 0),
    ("rasio_pm_pegawai", "PSTW-A", 96, 2),
    # absence with a reason (1 sick day) is not counted against attendance; TK (1) is
    ("kehadiran", "PSTW-A", 17 + 1 + 20, 17 + 1 + 20 + 1),
    ("ketersediaan_pegawai", "PSTW-A", 17 + 1 + 20, 40),
    ("tepat_waktu_masuk", "PSTW-A", 37 - (2 + 1 + 1), 37),
    ("tepat_waktu_pulang", "PSTW-A", 37 - 1, 37),
    ("tanpa_keterangan", "PSTW-A", 1, 40),
    ("kehadiran_apel", "PSTW-A", 15 + 20, 40),
    ("partisipasi_pembinaan", "PSTW-A", 9 + 7, 20),
    ("tindak_lanjut_insiden", "PSTW-A", 1, 2),
]


@pytest.mark.parametrize("indicator_id, unit, numerator, denominator", CASES)
def test_ratio_by_hand(indicator_id, unit, numerator, denominator):
    row = _value(indicator_id, unit)
    assert row["numerator"] == pytest.approx(numerator)
    assert row["denominator"] == pytest.approx(denominator)
    assert row["value"] == pytest.approx(numerator / denominator)


@pytest.mark.parametrize(
    "indicator_id, expected",
    [
        ("insiden_medsos", 2),
        ("hukuman_disiplin", 2),
        ("hukuman_disiplin_ringan", 1),
        ("hukuman_disiplin_sedang", 0),
        ("hukuman_disiplin_berat", 1),
        ("unggahan_informasi", 5),
    ],
)
def test_count_by_hand(indicator_id, expected):
    row = _value(indicator_id)
    assert row["value"] == expected
    assert row["denominator"] is None


def test_province_pools_units():
    # (97 + 45) / (100 + 45), not the mean of 0.97 and 1.0
    row = _value("kebutuhan_dasar", "PROVINSI", level="province")
    assert row["value"] == pytest.approx(142 / 145)
    assert row["n"] == 2


def test_rehabilitation_only_indicator_leaves_other_types_out():
    result = compute(FACTS, start=MARCH, end=MARCH, indicators=["reintegrasi"], config=CONFIG)
    assert result["unit_code"].to_list() == ["RSBL-B"]
    province = _value("reintegrasi", "PROVINSI", level="province")
    assert province["value"] == pytest.approx(3 / 4)  # PSTW-A's 2 of 3 not pooled in
    by_type = compute(
        FACTS, start=MARCH, end=MARCH, level="type", indicators=["reintegrasi"], config=CONFIG
    )
    assert by_type["unit_code"].to_list() == ["RSBL"]


def test_late_weights_from_config():
    weighted = replace(CONFIG, late_weights=(0.5, 1.0, 1.0, 1.0))
    row = _value("tepat_waktu_masuk", config=weighted)
    assert row["value"] == pytest.approx(1 - (0.5 * 2 + 1 + 1) / 37)


def test_unit_without_data_has_null_value_and_zero_n():
    row = _value("kehadiran", "RSBL-B")  # RSBL-B listed no employees
    assert row["value"] is None and row["n"] == 0


def test_n_counts_what_the_catalogue_says():
    assert _value("kehadiran")["n"] == 2  # employee-months
    assert _value("partisipasi_pembinaan")["n"] == 2  # coaching sessions
    assert _value("kebutuhan_dasar")["n"] == 1  # unit-month reports


def test_result_columns_and_order():
    result = compute(FACTS, start=MARCH, end=MARCH, config=CONFIG)
    assert result.columns[:10] == [
        "indicator_id",
        "unit_code",
        "period",
        "period_start",
        "value",
        "numerator",
        "denominator",
        "n",
        "status",
        "grade",
    ]
    assert result["period"].unique().to_list() == ["2026-03"]


def test_approved_leave_is_not_indiscipline_but_shows_in_availability():
    # Lebaran: one of two employees takes 5 days of leave, nobody is absent without reason.
    b = FactsBuilder().unit("PSTW-A", "PSTW")
    b.report(
        "PSTW-A",
        "2026-03",
        pegawai=[
            dict(nip="198001012005011001", hari_kerja=20, hadir=15, cuti=5),
            dict(nip="198001012005011002", hari_kerja=20, hadir=19, tk=1),
        ],
    )
    result = compute(
        b.build(),
        start=MARCH,
        end=MARCH,
        indicators=["kehadiran", "ketersediaan_pegawai"],
        config=CONFIG,
    )
    rows = {r["indicator_id"]: r for r in result.iter_rows(named=True)}
    # attendance: (15 + 19) ÷ (15 + 19 + 1 TK) = 34/35; the leave is not in it
    assert (rows["kehadiran"]["numerator"], rows["kehadiran"]["denominator"]) == (34, 35)
    # availability: (15 + 19) ÷ (20 + 20) = 85%, neutral context without a colour
    availability = rows["ketersediaan_pegawai"]
    assert (availability["numerator"], availability["denominator"]) == (34, 40)
    assert availability["status"] is None
