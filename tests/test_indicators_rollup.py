"""Roll-ups to quarter, year, type and province: always Σ numerator ÷ Σ denominator."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import polars as pl
import pytest
from facts_builder import FactsBuilder

from upt_dashboard.indicators.catalogue import INDICATORS, Method
from upt_dashboard.indicators.config import DEFAULT_PATH, load_config
from upt_dashboard.indicators.engine import compute
from upt_dashboard.indicators.errors import IndicatorError
from upt_dashboard.months import Month

CONFIG = replace(load_config(DEFAULT_PATH), today=date(2027, 6, 1))
RATIOS = [i.id for i in INDICATORS if i.method is Method.RATIO]
SUMS = [i.id for i in INDICATORS if i.method is Method.SUM]


def _staff(hari, hadir):
    return dict(
        nip=None, nama="Siti", status="Non ASN", hari_kerja=hari, hadir=hadir, sakit=hari - hadir
    )


def _quarter_facts():
    b = FactsBuilder().unit("PSTW-A")
    b.report("PSTW-A", "2026-01", pegawai=[_staff(20, 0)], pm=dict(pm_awal_bulan=50, pm_masuk=5))
    # the correction (version 2) replaces January's rows
    b.report(
        "PSTW-A",
        "2026-01",
        version=2,
        pegawai=[_staff(20, 18)],
        pm=dict(pm_awal_bulan=50, pm_masuk=5),
        survei=[{f"u{i}": 4 for i in range(1, 10)}],
    )
    b.report(
        "PSTW-A",
        "2026-02",
        pegawai=[_staff(10, 10)],
        pm=dict(pm_awal_bulan=52, pm_masuk=3),
        survei=[{f"u{i}": 2 for i in range(1, 10)}],
    )
    b.report("PSTW-A", "2026-03", pm=dict(pm_awal_bulan=51, pm_masuk=0))
    b.report("PSTW-A", "2026-04", pegawai=[_staff(20, 5)], pm=dict(pm_awal_bulan=50, pm_masuk=0))
    return b.build()


def _one(facts, grain, indicator, period):
    result = compute(
        facts,
        start=Month(2026, 1),
        end=Month(2026, 4),
        grain=grain,
        indicators=[indicator],
        config=CONFIG,
    )
    return result.filter(period=period).row(0, named=True)


def test_quarter_and_year_sum_numerators_and_denominators():
    facts = _quarter_facts()
    q1 = _one(facts, "quarter", "ketersediaan_pegawai", "2026-Q1")
    assert (q1["numerator"], q1["denominator"]) == (28, 30)  # not the mean of 0.9 and 1.0
    assert q1["value"] == pytest.approx(28 / 30)
    assert q1["period_start"] == date(2026, 1, 1)
    q2 = _one(facts, "quarter", "ketersediaan_pegawai", "2026-Q2")
    assert q2["value"] == pytest.approx(5 / 20)
    year = _one(facts, "year", "ketersediaan_pegawai", "2026")
    assert (year["numerator"], year["denominator"]) == (33, 50)
    whole = _one(facts, "all", "ketersediaan_pegawai", "2026-01..2026-04")
    assert whole["value"] == pytest.approx(33 / 50) and whole["n"] == 3


def test_superseded_version_is_not_counted():
    january = _one(_quarter_facts(), "month", "ketersediaan_pegawai", "2026-01")
    assert (january["numerator"], january["n"]) == (18, 1)


def test_ikm_over_a_quarter_pools_respondents_and_people_served():
    q1 = _one(_quarter_facts(), "quarter", "ikm", "2026-Q1")
    assert q1["value"] == pytest.approx(75.0)  # NRR 3.0 on every element
    assert q1["n"] == 2
    # people served: 50 at the start of January + 5 + 3 + 0 admitted = 58 → row 60 → 52
    assert q1["sample_required"] == 52


def _random_facts(seed: int):
    rng = random.Random(seed)
    b = FactsBuilder()
    units = [
        ("PSTW-1", "PSTW"),
        ("PSTW-2", "PSTW"),
        ("RSBL-1", "RSBL"),
        ("RSBL-2", "RSBL"),
        ("PSBR-1", "PSBR"),
    ]
    for code, type_ in units:
        b.unit(code, type_)
    for code, _ in units:
        for m in range(1, 7):
            if rng.random() < 0.15:
                continue  # a missing report
            awal, masuk = rng.randint(20, 80), rng.randint(0, 6)
            keluar = [rng.randint(0, 3) for _ in range(4)]
            staff = []
            for e in range(rng.randint(0, 5)):
                hari = rng.randint(15, 22)
                hadir = rng.randint(0, hari)
                staff.append(
                    dict(
                        nip=f"{code}{e}",
                        hari_kerja=hari,
                        hadir=hadir,
                        tk=hari - hadir,
                        tl1=rng.randint(0, hadir),
                        psw3=rng.randint(0, hadir) // 2,
                        apel_wajib=hari,
                        apel_hadir=rng.randint(0, hari),
                    )
                )
            day = date(2026, m, rng.randint(1, 20))
            done = date(2026, m, rng.randint(day.day, 28)) if rng.random() < 0.7 else None
            b.report(
                code,
                f"2026-{m:02d}",
                pm=dict(
                    daya_tampung=rng.randint(50, 90),
                    pm_awal_bulan=awal,
                    pm_masuk=masuk,
                    pm_keluar_reintegrasi=keluar[0],
                    pm_keluar_rujukan=keluar[1],
                    pm_keluar_meninggal=keluar[2],
                    pm_keluar_lainnya=keluar[3],
                    pm_akhir_bulan=awal + masuk - sum(keluar),
                    pm_terpenuhi_kebutuhan_dasar=rng.randint(0, awal + masuk),
                ),
                layanan=[
                    dict(
                        jenis_layanan="Lainnya",
                        sesi_direncanakan=rng.randint(0, 9),
                        sesi_terlaksana=rng.randint(0, 9),
                        jumlah_peserta=rng.randint(0, 90),
                    )
                ],
                pegawai=staff,
                survei=[
                    {f"u{i}": rng.randint(1, 4) for i in range(1, 10)}
                    for _ in range(rng.randint(0, 4))
                ],
                pengaduan=[
                    dict(
                        nomor=f"{m}",
                        tanggal_masuk=day,
                        tanggal_selesai=done,
                        status="Selesai" if done else "Proses",
                    )
                ],
                pembinaan=[dict(peserta_wajib=5, peserta_hadir=rng.randint(0, 5))],
                integritas=dict(
                    insiden_etika_media_sosial=rng.randint(0, 2),
                    unggahan_informasi_layanan=rng.randint(0, 4),
                ),
                uploaded_at=f"2026-{m + 1:02d}-{rng.randint(1, 20):02d} 03:00:00",
            )
    return b.build()


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("grain", ["month", "quarter", "all"])
def test_province_and_type_equal_sums_over_units(seed, grain):
    facts = _random_facts(seed)
    kw = dict(
        start=Month(2026, 1),
        end=Month(2026, 6),
        grain=grain,
        config=CONFIG,
        indicators=RATIOS + SUMS,
    )
    units = compute(facts, level="unit", **kw).join(
        facts.units.select(unit_code="code", type="type"), on="unit_code"
    )
    for level, key in (("province", pl.lit("PROVINSI")), ("type", pl.col("type"))):
        expected = (
            units.with_columns(group=key)
            .group_by("indicator_id", "group", "period")
            .agg(pl.col("numerator").sum(), pl.col("denominator").sum(), pl.col("n").sum())
        )
        got = compute(facts, level=level, **kw).join(
            expected,
            left_on=["indicator_id", "unit_code", "period"],
            right_on=["indicator_id", "group", "period"],
            suffix="_units",
        )
        assert got.height == expected.height
        for row in got.iter_rows(named=True):
            assert row["n"] == row["n_units"], row
            if row["n"] == 0:
                continue
            assert row["numerator"] == pytest.approx(row["numerator_units"]), row
            if row["denominator"] is not None:
                assert row["denominator"] == pytest.approx(row["denominator_units"]), row
                if row["denominator"] > 0:
                    assert row["value"] == pytest.approx(row["numerator"] / row["denominator"])


@pytest.mark.parametrize("seed", [1, 2])
def test_province_ikm_and_median_come_from_the_raw_rows(seed):
    facts = _random_facts(seed)
    result = compute(
        facts,
        start=Month(2026, 1),
        end=Month(2026, 6),
        grain="all",
        level="province",
        indicators=["ikm", "waktu_penyelesaian_pengaduan"],
        config=CONFIG,
    )
    values = dict(result.select("indicator_id", "value").iter_rows())
    survey = facts.survei_kepuasan
    nrr = [survey[f"u{i}"].mean() for i in range(1, 10)]
    assert values["ikm"] == pytest.approx(sum(nrr) / 9 * 25)
    resolved = facts.pengaduan.filter(status="Selesai")
    days = [(s - m).days for m, s in zip(resolved["tanggal_masuk"], resolved["tanggal_selesai"])]
    assert values["waktu_penyelesaian_pengaduan"] == pytest.approx(pl.Series(days).median())


def test_scope_by_type_and_unit():
    facts = _random_facts(1)
    kw = dict(start=Month(2026, 1), end=Month(2026, 1), indicators=["kehadiran"], config=CONFIG)
    assert compute(facts, types=["RSBL"], **kw)["unit_code"].to_list() == ["RSBL-1", "RSBL-2"]
    assert compute(facts, units=["PSTW-1", "RSBL-1"], types=["RSBL"], **kw)[
        "unit_code"
    ].to_list() == ["RSBL-1"]


@pytest.mark.parametrize(
    "kw, message",
    [
        (dict(units=["NOPE"]), "NOPE"),
        (dict(types=["XX"]), "XX"),
        (dict(indicators=["nope"]), "nope"),
        (dict(grain="week"), "week"),
        (dict(level="kota"), "kota"),
        (dict(start=Month(2026, 3), end=Month(2026, 1)), "sesudah"),
        (dict(units=["PSTW-1"], types=["RSBL"]), "Tidak ada UPT"),
        (dict(types=["PSAA"]), "Tidak ada UPT"),  # a known type without units here
    ],
)
def test_bad_requests_raise_indicator_error(kw, message):
    args = dict(start=Month(2026, 1), end=Month(2026, 2), config=CONFIG) | kw
    with pytest.raises(IndicatorError, match=message):
        compute(_random_facts(1), **args)


def test_no_indicators_gives_an_empty_frame_with_the_columns():
    result = compute(
        _random_facts(1), start=Month(2026, 1), end=Month(2026, 1), indicators=[], config=CONFIG
    )
    assert result.is_empty() and result.columns[0] == "indicator_id"
