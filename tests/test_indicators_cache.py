"""The per-Facts cache of unit-month sums never changes a result, and compute_all = compute."""

from __future__ import annotations

import gc
import weakref
from dataclasses import replace
from datetime import date

import polars as pl
import pytest
from facts_builder import FactsBuilder
from polars.testing import assert_frame_equal

from upt_dashboard.indicators.config import DEFAULT_PATH, load_config
from upt_dashboard.indicators.engine import LEVELS, compute, compute_all
from upt_dashboard.indicators.ikm import required_sample, required_sample_expr
from upt_dashboard.indicators.periods import GRAINS
from upt_dashboard.months import Month

CONFIG = replace(load_config(DEFAULT_PATH), today=date(2026, 12, 1))
START, END = Month(2026, 1), Month(2026, 4)
UNITS = (("PSTW-A", "PSTW"), ("RSBL-B", "RSBL"), ("PSBR-C", "PSBR"))
# (units, start, end): everything; one type; months beyond the data on both sides.
SCOPES = [
    (None, START, END),
    (["RSBL-B"], Month(2026, 2), Month(2026, 3)),
    (["PSTW-A", "PSBR-C"], Month(2025, 11), Month(2026, 7)),
]


def _facts(hadir: int = 18):
    """Three units × four months, every sheet filled; staff present hadir, hadir − 1 of 20 days."""
    b = FactsBuilder()
    for code, type_ in UNITS:
        b.unit(code, type_)
    for u, (code, _) in enumerate(UNITS):
        for m in range(1, 5):
            if (u, m) == (2, 3):
                continue  # a missing report
            k = u + m
            received = date(2026, m, 2 + k)
            b.report(
                code,
                f"2026-{m:02d}",
                uploaded_at=f"2026-{m + 1:02d}-{5 + 3 * u:02d} 03:00",
                pm=dict(
                    daya_tampung=60,
                    pm_awal_bulan=40 + k,
                    pm_masuk=k % 3,
                    pm_keluar_reintegrasi=k % 2,
                    pm_keluar_rujukan=1,
                    pm_akhir_bulan=40 + k + k % 3 - k % 2 - 1,
                    pm_terpenuhi_kebutuhan_dasar=39 + k,
                ),
                layanan=[
                    dict(
                        jenis_layanan="Lainnya",
                        sesi_direncanakan=8,
                        sesi_terlaksana=5 + k % 4,
                        jumlah_peserta=30 + k,
                    )
                ],
                pegawai=[
                    dict(
                        nip=f"{code}{e}",
                        hari_kerja=20,
                        hadir=hadir - e,
                        tk=e,
                        tl1=k % 3,
                        psw2=e,
                        apel_wajib=20,
                        apel_hadir=hadir - e,
                    )
                    for e in range(2)
                ],
                survei=[{f"u{i}": 1 + (i + k + r) % 4 for i in range(1, 10)} for r in range(3)],
                pengaduan=[
                    dict(
                        nomor=str(m),
                        tanggal_masuk=received,
                        tanggal_selesai=None if k % 4 == 0 else date(2026, m, 3 + 2 * k),
                        status="Proses" if k % 4 == 0 else "Selesai",
                    )
                ],
                pembinaan=[dict(peserta_wajib=4, peserta_hadir=k % 5)],
                integritas=dict(
                    insiden_etika_media_sosial=k % 2,
                    insiden_ditindaklanjuti=k % 2,
                    unggahan_informasi_layanan=k,
                ),
            )
    return b.build()


def _compute(facts, units, start, end, level, grain, config=CONFIG):
    return compute(
        facts, units=units, start=start, end=end, level=level, grain=grain, config=config
    )


@pytest.mark.parametrize("units, start, end", SCOPES)
def test_cached_sums_give_the_frame_of_a_first_call(units, start, end):
    warm = _facts()
    _compute(warm, None, START, END, "unit", "month")  # fills the cache
    for level in LEVELS:
        for grain in GRAINS:
            first_call = _compute(_facts(), units, start, end, level, grain)  # new object
            cached = _compute(warm, units, start, end, level, grain)
            assert_frame_equal(cached, first_call, check_exact=True)
            assert_frame_equal(
                _compute(warm, units, start, end, level, grain), cached, check_exact=True
            )


def _attendance(facts):
    result = compute(
        facts,
        start=START,
        end=END,
        grain="all",
        level="province",
        indicators=["ketersediaan_pegawai"],
        config=CONFIG,
    )
    return result.row(0, named=True)["value"]


def test_another_facts_object_does_not_reuse_the_sums():
    before = _facts(hadir=18)
    # 11 reports × 2 staff; present 18 + 17 of 40 days in each report
    assert _attendance(before) == pytest.approx(35 / 40)
    after = _facts(hadir=10)
    assert _attendance(after) == pytest.approx(19 / 40)
    assert _attendance(before) == pytest.approx(35 / 40)


def test_settings_that_shape_the_sums_are_part_of_the_cache_key():
    facts = _facts()
    kw = dict(
        start=START,
        end=END,
        grain="all",
        level="province",
        indicators=["pengaduan_tepat_waktu", "tepat_waktu_masuk"],
    )

    def values(config):
        return dict(compute(facts, config=config, **kw).select("indicator_id", "value").rows())

    default = values(CONFIG)
    strict = values(replace(CONFIG, complaint_working_days=0))
    lenient_late = values(replace(CONFIG, late_weights=(0.0, 0.0, 0.0, 0.0)))
    assert strict["pengaduan_tepat_waktu"] < default["pengaduan_tepat_waktu"]
    assert lenient_late["tepat_waktu_masuk"] == 1.0 > default["tepat_waktu_masuk"]
    assert values(CONFIG) == default


def test_the_cache_does_not_keep_facts_alive():
    facts = _facts()
    _attendance(facts)
    ref = weakref.ref(facts)
    del facts
    gc.collect()
    assert ref() is None


@pytest.mark.parametrize("units, start, end", SCOPES)
def test_compute_all_holds_each_compute_frame(units, start, end):
    facts = _facts()
    wanted = [
        "ikm",
        "waktu_penyelesaian_pengaduan",
        "reintegrasi",
        "insiden_medsos",
        "indeks_disiplin",
    ]
    every = compute_all(facts, units=units, start=start, end=end, config=CONFIG)
    some = compute_all(
        facts,
        units=units,
        start=start,
        end=end,
        levels=["province", "unit"],
        grains=["year", "month"],
        indicators=wanted,
        config=CONFIG,
    )
    for frame, indicators in ((every, None), (some, wanted)):
        combos = frame.select("level", "grain").unique()
        assert combos.height == (12 if indicators is None else 4)
        for level, grain in combos.rows():
            expected = compute(
                facts,
                units=units,
                start=start,
                end=end,
                level=level,
                grain=grain,
                indicators=indicators,
                config=CONFIG,
            )
            got = frame.filter(level=level, grain=grain).drop("level", "grain")
            assert_frame_equal(got, expected, check_exact=True)


def test_vectorised_sample_size_matches_the_table_lookup():
    population = pl.Series(
        "p", [None, -1, *range(0, 2100), 5_000, 999_999, 1_000_001], dtype=pl.Int64
    )
    got = pl.select(required_sample_expr(pl.lit(population))).to_series().to_list()
    assert got == [required_sample(p) for p in population.to_list()]
