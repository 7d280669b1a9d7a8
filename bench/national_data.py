"""Synthetic reports at national scale, written straight into a database.

``build(url, n_units, n_months)`` fills an empty database with ``n_units``
units × ``n_months`` months of random but valid-looking reports (60 staff
and 60 survey respondents per report, a few complaints, services and
coaching sessions), chunk by chunk so memory stays flat. On PostgreSQL the
rows go in with ``COPY`` (CSV); elsewhere with executemany. The import path
itself (read, validate, store) is measured separately by the benchmark: at
1.000 units × 120 months it would take hours, which says nothing new.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import numpy as np
import polars as pl
from sqlalchemy import Engine, delete, insert, text

from data_loaders.schema import JENIS_LAYANAN, Layout
from upt_dashboard import paths
from upt_dashboard.months import Month
from upt_dashboard.storage.db import fact_tables, submissions, units
from upt_dashboard.storage.facts import SHEET_ATTRS, UNIT_TYPES_SCHEMA

LAST_MONTH = Month(2026, 10)
STAFF, RESPONDENTS, COMPLAINTS, SERVICES, SESSIONS = 60, 60, 3, 8, 2
CHUNK_UNITS = 25


def build(engine: Engine, n_units: int, n_months: int, seed: int = 1) -> dict[str, int]:
    """Replace the registry with ``n_units`` synthetic units and store their reports.

    Returns row counts per table. The database must be initialised and empty.
    """
    unit_types = pl.read_csv(paths.UNIT_TYPES_CSV, schema=UNIT_TYPES_SCHEMA)
    registry = registry_frame(n_units, unit_types["type"].to_list())
    with engine.begin() as conn:
        conn.execute(delete(units))
        conn.execute(insert(units), registry.to_dicts())
    counts: dict[str, int] = {}
    next_id = 1
    for first in range(0, n_units, CHUNK_UNITS):
        codes = registry["code"].to_list()[first : first + CHUNK_UNITS]
        frames = chunk_frames(codes, n_months, next_id, np.random.default_rng(seed + first))
        next_id += frames["submissions"].height
        with engine.begin() as conn:
            for table, frame in frames.items():
                write(conn, table, frame)
                counts[table] = counts.get(table, 0) + frame.height
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:  # ids were given: move the sequence past them
            conn.execute(
                text("SELECT setval(pg_get_serial_sequence('submissions', 'id'), :n)"),
                {"n": next_id - 1},
            )
            conn.execute(text("ANALYZE"))
    return counts


def registry_frame(n_units: int, type_codes: list[str]) -> pl.DataFrame:
    codes = [f"U{i:04d}" for i in range(n_units)]
    return pl.DataFrame(
        {
            "code": codes,
            "name": [f"UPT Sintetis {c}" for c in codes],
            "type": [type_codes[i % len(type_codes)] for i in range(n_units)],
            "city": [f"Kota {i + 1}" for i in range(n_units)],
            "capacity": [80 + (i * 37) % 320 for i in range(n_units)],
        }
    )


def chunk_frames(
    codes: list[str], n_months: int, first_id: int, rng: np.random.Generator
) -> dict[str, pl.DataFrame]:
    """Table name → rows for the reports of ``codes`` (one current version each)."""
    months = [(LAST_MONTH - k) for k in range(n_months)][::-1]
    um = (
        pl.DataFrame({"unit_code": codes})
        .join(
            pl.DataFrame({"year": [m.year for m in months], "month": [m.month for m in months]}),
            how="cross",
        )
        .with_columns(submission_id=pl.int_range(pl.len(), dtype=pl.Int64) + first_id)
    )
    n = um.height

    def ints(low: int, high: int, size) -> np.ndarray:
        return rng.integers(low, high, size)

    def rows(per: int) -> pl.DataFrame:
        return (
            um.select("submission_id", "unit_code", "year", "month")
            .select(pl.all().repeat_by(per).explode())
            .with_columns(row_no=pl.int_range(pl.len()).over("submission_id") + 4)
        )

    uploaded = [
        datetime(y, m, 1, 3, 0, tzinfo=UTC) + timedelta(days=31 + int(d))
        for y, m, d in zip(um["year"], um["month"], ints(0, 12, n))
    ]
    subs = um.select(
        id="submission_id",
        unit_code="unit_code",
        year="year",
        month="month",
        version=pl.lit(1),
        sha256=pl.col("submission_id").cast(pl.String).str.pad_start(64, "0"),
        filename=pl.format("{}_{}-{}.xlsx", "unit_code", "year", "month"),
        uploaded_at=pl.Series(uploaded, dtype=pl.Datetime("us", "UTC")),
        uploaded_by=pl.lit("bench"),
        is_current=pl.lit(True),
        n_warnings=pl.lit(0),
        warnings_json=pl.lit("[]"),
        file_bytes=pl.lit(b""),
    )
    awal, masuk = ints(50, 300, n), ints(0, 10, n)
    keluar = ints(0, 4, (4, n))
    akhir = awal + masuk - keluar.sum(axis=0)
    key = um.select("submission_id")
    pm = key.with_columns(
        daya_tampung=pl.Series(akhir + ints(0, 60, n)),
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
    kehadiran = attendance(rows(STAFF), rng, tk_rate=0.004)
    survey = rows(RESPONDENTS)
    survei = survey.with_columns(
        tanggal=pl.date("year", "month", 15),
        jenis_kelamin=pl.lit("L"),
        usia=40,
        pendidikan=pl.lit("SMA"),
        responden=pl.lit("Keluarga"),
        **{f"u{i}": ints(3, 5, survey.height) for i in range(1, 10)},
    )
    complaints = rows(COMPLAINTS)
    c = complaints.height
    received = ints(1, 20, c)
    done = rng.random(c) < 0.8
    pengaduan = complaints.with_columns(
        nomor=pl.format("ADU-{}-{}", "submission_id", pl.col("row_no")),
        tanggal_masuk=pl.date("year", "month", pl.Series(received)),
        saluran=pl.lit("WhatsApp"),
        kategori=pl.lit("Pelayanan"),
        ringkasan=pl.lit("Keluhan layanan"),
        tanggal_selesai=pl.when(pl.Series(done))
        .then(pl.date("year", "month", pl.Series(received + ints(0, 8, c))))
        .otherwise(None),
        status=pl.when(pl.Series(done)).then(pl.lit("Selesai")).otherwise(pl.lit("Proses")),
    )
    services = rows(SERVICES)
    planned = ints(4, 30, services.height)
    layanan = services.with_columns(
        jenis_layanan=pl.Series(list(JENIS_LAYANAN) * n),
        sesi_direncanakan=planned,
        sesi_terlaksana=planned - ints(0, 3, services.height),
        jumlah_peserta=planned * ints(10, 40, services.height),
    )
    sessions = rows(SESSIONS)
    pembinaan = sessions.with_columns(
        tanggal=pl.date("year", "month", 10),
        tema=pl.lit("Disiplin"),
        peserta_wajib=STAFF,
        peserta_hadir=STAFF - ints(0, 4, sessions.height),
    )
    identitas = um.select(
        "submission_id",
        kode_upt="unit_code",
        nama_upt=pl.format("UPT Sintetis {}", "unit_code"),
        tahun="year",
        bulan="month",
        nama_kepala_upt=pl.lit("Kepala UPT"),
        tanggal_laporan=pl.date("year", "month", 28),
        versi_format=pl.lit("1"),
    )
    integritas = key.with_columns(
        insiden_etika_media_sosial=rng.binomial(1, 0.02, n),
        insiden_ditindaklanjuti=0,
        unggahan_informasi_layanan=ints(0, 12, n),
        hukuman_disiplin_ringan=rng.binomial(1, 0.02, n),
        hukuman_disiplin_sedang=0,
        hukuman_disiplin_berat=0,
    ).with_columns(insiden_ditindaklanjuti=pl.col("insiden_etika_media_sosial"))
    by_attr = {
        "identitas": identitas,
        "penerima_manfaat": pm,
        "layanan": layanan,
        "kehadiran_pegawai": kehadiran,
        "pengaduan": pengaduan,
        "survei_kepuasan": survei,
        "pembinaan": pembinaan,
        "integritas": integritas,
    }
    frames = {"submissions": subs}
    for attr, sheet in SHEET_ATTRS.items():
        columns = [
            "submission_id",
            *(["row_no"] if sheet.layout is Layout.TABLE else []),
            *sheet.names,
        ]
        frames[sheet.table] = by_attr[attr].select(columns)
    return frames


def attendance(staff: pl.DataFrame, rng: np.random.Generator, tk_rate: float) -> pl.DataFrame:
    """Kehadiran Pegawai columns for ``staff``: ``STAFF`` rows per report, in order, with
    ``unit_code``. Each unit has its own people (an 18-digit NIP from the unit and the
    person): shared NIPs would make every person a mover through every unit. Format
    version 1: no minutes of lateness (the early warning uses the band bounds)."""
    hari = rng.integers(18, 23, staff.height)
    tk = rng.binomial(hari, tk_rate)
    hadir = hari - tk - rng.binomial(hari - tk, 0.05)
    person = pl.int_range(pl.len()) % STAFF
    return staff.with_columns(
        nip=pl.format(
            "19800101{}{}",
            pl.col("unit_code").str.slice(1),
            person.cast(pl.String).str.pad_start(6, "0"),
        ),
        nama=pl.format("Pegawai {} {}", person + 1, "unit_code"),
        status=pl.lit("PNS"),
        hari_kerja=hari,
        hadir=hadir,
        dinas_luar=0,
        sakit=hari - tk - hadir,
        izin=0,
        cuti=0,
        tk=tk,
        **{f"tl{i}": rng.binomial(hadir, 0.02) for i in range(1, 5)},
        **{f"psw{i}": rng.binomial(hadir, 0.01) for i in range(1, 5)},
        apel_wajib=hari,
        apel_hadir=np.minimum(hari, hadir + 1),
        menit_terlambat=pl.lit(None, pl.Int64),
        menit_pulang_cepat=pl.lit(None, pl.Int64),
    )


def write(conn, table: str, frame: pl.DataFrame) -> None:
    """Append ``frame`` to ``table``: COPY on PostgreSQL, executemany elsewhere."""
    if conn.dialect.name == "postgresql":
        raw = conn.connection.driver_connection
        with (
            raw.cursor() as cursor,
            cursor.copy(
                f"COPY {table} ({', '.join(frame.columns)}) FROM STDIN WITH (FORMAT csv)"
            ) as copy,
        ):
            for part in _csv_parts(frame):
                copy.write(part)
        return
    target = submissions if table == "submissions" else _table(table)
    for part in frame.iter_slices(5000):
        conn.execute(target.insert(), part.to_dicts())


def _csv_parts(frame: pl.DataFrame) -> Iterator[bytes]:
    # bytea as \x-hex, NULLs as empty unquoted fields (COPY's CSV default).
    for column, dtype in frame.schema.items():
        if dtype == pl.Binary:
            frame = frame.with_columns(pl.lit("\\x").alias(column))
    for part in frame.iter_slices(200_000):
        buffer = io.BytesIO()
        part.write_csv(buffer, include_header=False)
        yield buffer.getvalue()


def _table(name: str):
    return next(t for t in fact_tables.values() if t.name == name)
