"""Benchmark: all indicators at every level and grain, warm and cold.

    python -m bench.bench_indicators [--runs 5] [--db URL]

Synthetic facts are generated here for 30 units × 60 months and 300 units ×
120 months (about 60 staff rows, 50 survey respondents and 3 complaints per
unit-month, 8 service rows, 10% of unit-months re-uploaded). For each size
it prints median times (ms) of: one ``compute`` call (all indicators) per
level × grain, warm (the per-unit-month sums of the facts already cached);
all levels × grains together, warm, with ``compute_all`` and as twelve
``compute`` calls; and the cold first call on a new ``Facts`` object, which
builds the cache. Then how time grows with size and the load average.
``--db URL`` also times a cold run on that database: ``load_facts`` plus
the computation over the data it holds. Goals (warm, all indicators at
every level and grain, 2-core machine): ≤ 200 ms and ≤ 2 s. Figures are
printed, not asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import replace
from datetime import date, timedelta

import numpy as np
import polars as pl

from bench.national_data import STAFF, attendance
from upt_dashboard import paths
from upt_dashboard.indicators.config import load_config
from upt_dashboard.indicators.engine import LEVELS, compute, compute_all
from upt_dashboard.indicators.periods import ENGINE_GRAINS as GRAINS
from upt_dashboard.months import Month
from upt_dashboard.storage.bootstrap import init_db
from upt_dashboard.storage.facts import (
    SHEET_ATTRS,
    SUBMISSIONS_SCHEMA,
    UNIT_TYPES_SCHEMA,
    UNITS_SCHEMA,
    Facts,
    sheet_schema,
)
from upt_dashboard.storage.scope import EVERYTHING

SIZES = ((30, 60), (300, 120))
GOALS_MS = {(30, 60): 200, (300, 120): 2000}
LAST_MONTH = Month(2026, 10)
RESPONDENTS, COMPLAINTS, SERVICES = 50, 3, 8


def synthetic_facts(n_units: int, n_months: int, seed: int = 1) -> Facts:
    """Random but valid-looking facts; one current version per unit-month."""
    rng = np.random.default_rng(seed)
    unit_types = pl.read_csv(paths.UNIT_TYPES_CSV, schema=UNIT_TYPES_SCHEMA)
    type_codes = unit_types["type"].to_list()
    codes = [f"U{i:04d}" for i in range(n_units)]
    units = pl.DataFrame(
        {
            "code": codes,
            "name": [f"UPT {c}" for c in codes],
            "type": [type_codes[i % len(type_codes)] for i in range(n_units)],
            "city": "Kota",
            "capacity": rng.integers(80, 400, n_units),
        },
        schema=UNITS_SCHEMA,
    )
    months = [(LAST_MONTH - k).first_day for k in range(n_months)][::-1]
    um = (
        pl.DataFrame({"unit_code": codes})
        .join(pl.DataFrame({"period": months}, schema={"period": pl.Date}), how="cross")
        .with_columns(submission_id=pl.int_range(pl.len(), dtype=pl.Int64) + 1)
    )
    n = um.height

    def rows(per: int) -> pl.DataFrame:
        return um.select(pl.all().repeat_by(per).explode())

    def ints(low: int, high: int, size: int) -> np.ndarray:
        return rng.integers(low, high, size)

    awal, masuk = ints(50, 300, n), ints(0, 10, n)
    keluar = ints(0, 4, (4, n))
    akhir = awal + masuk - keluar.sum(axis=0)
    pm = um.with_columns(
        daya_tampung=pl.Series(akhir + ints(-20, 60, n)).clip(1),
        pm_awal_bulan=awal,
        pm_masuk=masuk,
        pm_keluar_reintegrasi=keluar[0],
        pm_keluar_rujukan=keluar[1],
        pm_keluar_meninggal=keluar[2],
        pm_keluar_lainnya=keluar[3],
        pm_akhir_bulan=akhir,
        pm_laki_laki_akhir_bulan=akhir // 2,
        pm_perempuan_akhir_bulan=akhir - akhir // 2,
        pm_terpenuhi_kebutuhan_dasar=awal + masuk - ints(0, 3, n),
    )
    kehadiran = attendance(rows(STAFF), rng, tk_rate=0.01)
    survey = rows(RESPONDENTS)
    survei = survey.with_columns(
        tanggal=pl.col("period"),
        jenis_kelamin=pl.lit("L"),
        usia=40,
        pendidikan=pl.lit("SMA"),
        responden=pl.lit("Keluarga"),
        **{f"u{i}": ints(2, 5, survey.height) for i in range(1, 10)},
    )
    layanan = (
        rows(SERVICES)
        .with_columns(
            jenis_layanan=pl.format("L{}", pl.int_range(pl.len()) % SERVICES),
            sesi_direncanakan=ints(4, 20, n * SERVICES),
        )
        .with_columns(
            sesi_terlaksana=pl.col("sesi_direncanakan") - ints(0, 3, n * SERVICES),
            jumlah_peserta=ints(50, 500, n * SERVICES),
        )
    )
    comp = rows(COMPLAINTS)
    masuk_day = ints(0, 28, comp.height)
    open_ = rng.random(comp.height) < 0.1
    pengaduan = (
        comp.with_columns(
            nomor=pl.format("{}-{}", pl.col("submission_id"), pl.int_range(pl.len()) % COMPLAINTS),
            tanggal_masuk=pl.col("period") + pl.Series([timedelta(days=int(d)) for d in masuk_day]),
            saluran=pl.lit("Langsung"),
            kategori=pl.lit("Pelayanan"),
            ringkasan=pl.lit(None),
        )
        .with_columns(
            tanggal_selesai=pl.when(pl.Series(~open_)).then(
                pl.min_horizontal(
                    pl.col("tanggal_masuk") + pl.duration(days=pl.Series(ints(0, 12, comp.height))),
                    pl.col("period").dt.month_end(),
                )
            ),
        )
        .with_columns(
            status=pl.when(pl.col("tanggal_selesai").is_null())
            .then(pl.lit("Proses"))
            .otherwise(pl.lit("Selesai"))
        )
    )
    pembinaan = rows(2).with_columns(
        tanggal=pl.col("period"),
        tema=pl.lit("Disiplin"),
        peserta_wajib=STAFF,
        peserta_hadir=ints(40, 61, n * 2),
    )
    integritas = um.with_columns(
        insiden_etika_media_sosial=rng.poisson(0.05, n),
        insiden_ditindaklanjuti=0,
        unggahan_informasi_layanan=ints(0, 10, n),
        hukuman_disiplin_ringan=rng.poisson(0.1, n),
        hukuman_disiplin_sedang=rng.poisson(0.03, n),
        hukuman_disiplin_berat=0,
    )
    identitas = um.with_columns(
        kode_upt=pl.col("unit_code"),
        nama_upt=pl.lit("x"),
        tahun=pl.col("period").dt.year().cast(pl.Int64),
        bulan=pl.col("period").dt.month().cast(pl.Int64),
        nama_kepala_upt=pl.lit("Kepala"),
        tanggal_laporan=pl.col("period").dt.month_end(),
        versi_format=pl.lit("1"),
    )
    submissions = _submissions(um, rng)
    frames = {
        "identitas": identitas,
        "penerima_manfaat": pm,
        "layanan": layanan,
        "kehadiran_pegawai": kehadiran,
        "pengaduan": pengaduan,
        "survei_kepuasan": survei,
        "pembinaan": pembinaan,
        "integritas": integritas,
    }
    return Facts.of(
        units=units,
        unit_types=unit_types,
        submissions=submissions,
        **{
            a: frames[a].select(sheet_schema(s).names()).cast(dict(sheet_schema(s)))
            for a, s in SHEET_ATTRS.items()
        },
    )


def _submissions(um: pl.DataFrame, rng: np.random.Generator) -> pl.DataFrame:
    """Version 1 of every unit-month uploaded 0–20 days into the next month; 10% re-uploaded."""
    n = um.height
    deltas = pl.Series([timedelta(days=int(d), hours=3) for d in rng.integers(0, 20, n)])
    first = um.select(
        id=pl.col("submission_id"),
        unit_code="unit_code",
        period="period",
        version=pl.lit(1),
        uploaded_at=(
            pl.col("period").dt.offset_by("1mo").cast(pl.Datetime("us")) + deltas
        ).dt.replace_time_zone("UTC"),
        is_current=pl.lit(True),
    )
    again = pl.Series(rng.random(n) < 0.1)
    second = first.filter(again).with_columns(
        id=pl.col("id") + n,
        version=pl.lit(2),
        uploaded_at=pl.col("uploaded_at") + timedelta(days=15),
    )
    first = first.with_columns(is_current=~again)
    return pl.concat([first, second]).cast(dict(SUBMISSIONS_SCHEMA))


def _time(fn, runs: int) -> float:
    """Median wall time in ms over ``runs`` calls, after one warm-up call."""
    fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def bench_size(facts: Facts, runs: int) -> dict[str, float]:
    """Median ms: ``(level, grain)`` per compute call, ``"all"``, ``"cold"``, ``"cold all"``."""
    config = replace(load_config(), today=date(2026, 11, 28))
    scope = dict(
        start=Month.of(facts.submissions["period"].min()),
        end=Month.of(facts.submissions["period"].max()),
        config=config,
    )
    timings = {
        (level, grain): _time(
            lambda level=level, grain=grain: compute(facts, grain=grain, level=level, **scope), runs
        )
        for level in LEVELS
        for grain in GRAINS
    }
    timings["all"] = _time(lambda: compute_all(facts, **scope), runs)
    # replace() makes a new Facts object with the same frames: its sums are not cached yet.
    timings["cold"] = _time(lambda: compute(replace(facts), **scope), runs)
    timings["cold all"] = _time(lambda: compute_all(replace(facts), **scope), runs)
    return timings


def report_size(n_units: int, n_months: int, timings: dict) -> None:
    print(f"{'level':10}" + "".join(f"{g:>10}" for g in GRAINS) + "   (warm ms, one call)")
    for level in LEVELS:
        print(f"{level:10}" + "".join(f"{timings[(level, g)]:10.0f}" for g in GRAINS))
    calls = sum(timings[(level, grain)] for level in LEVELS for grain in GRAINS)
    goal = GOALS_MS[(n_units, n_months)]
    verdict = "met" if timings["all"] <= goal else "NOT met"
    print(
        f"all levels × grains, warm: compute_all {timings['all']:.0f} ms "
        f"(goal ≤ {goal} ms: {verdict}); 12 compute calls {calls:.0f} ms"
    )
    print(
        f"cold, first call on a new Facts (builds the cache): compute unit × month "
        f"{timings['cold']:.0f} ms; compute_all {timings['cold all']:.0f} ms"
    )


def bench_cold(url: str, runs: int) -> None:
    """Cold time: database read (load_facts) plus compute (unit × month) or compute_all."""
    from upt_dashboard.storage.db import get_engine
    from upt_dashboard.storage.facts import load_facts

    engine = init_db(get_engine(url))
    config = replace(load_config(), today=date.today())

    def cold(fn):
        facts = load_facts(engine, EVERYTHING)
        if facts.submissions.is_empty():
            return facts
        fn(
            facts,
            start=Month.of(facts.submissions["period"].min()),
            end=Month.of(facts.submissions["period"].max()),
            config=config,
        )
        return facts

    facts = cold(compute)
    one, every = _time(lambda: cold(compute), runs), _time(lambda: cold(compute_all), runs)
    print(
        f"\ncold on {url} ({facts.units.height} units, {facts.submissions.height} "
        f"submissions): load_facts + compute (unit × month) {one:.0f} ms; "
        f"load_facts + compute_all {every:.0f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", help="also time a cold run on this database URL")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    results = {}
    for n_units, n_months in SIZES:
        t0 = time.perf_counter()
        facts = synthetic_facts(n_units, n_months)
        rows = facts.kehadiran_pegawai.height + facts.survei_kepuasan.height
        print(
            f"\n{n_units} units × {n_months} months: {rows:,} staff+survey rows "
            f"(generated in {time.perf_counter() - t0:.1f} s; medians of {args.runs})"
        )
        timings = bench_size(facts, args.runs)
        report_size(n_units, n_months, timings)
        results[(n_units, n_months)] = (rows, timings)
    (small_rows, small), (big_rows, big) = results.values()
    slowest = {
        size: max(t[(lv, g)] for lv in LEVELS for g in GRAINS) for size, (_, t) in results.items()
    }
    small_slowest, big_slowest = slowest.values()
    print(
        f"\ngrowth: data ×{big_rows / small_rows:.0f} → all levels × grains "
        f"×{big['all'] / small['all']:.1f}, slowest call ×{big_slowest / small_slowest:.1f}, "
        f"cold first call ×{big['cold'] / small['cold']:.1f}"
    )
    if args.db:
        bench_cold(args.db, args.runs)
    print(
        f"load average (1 min) {load_before:.1f} before, {os.getloadavg()[0]:.1f} after, "
        f"on {os.cpu_count()} cores"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
