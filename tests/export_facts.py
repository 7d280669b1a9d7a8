"""Synthetic ``Facts`` for the export tests and the export benchmark.

Deterministic (seeded) monthly reports for ``n_units`` units over
``months`` months, built straight into the frames ``storage.facts`` gives,
so export tests run without workbooks or a database. Some unit-months are
missing and some came late, so the reporting slide has rows; complaint
summaries can be overridden to test that formula-like text stays inert.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import polars as pl

from upt_dashboard.indicators.config import Config, load_config
from upt_dashboard.months import Month
from upt_dashboard.storage.facts import (
    SHEET_ATTRS,
    SUBMISSIONS_SCHEMA,
    UNIT_TYPES_SCHEMA,
    UNITS_SCHEMA,
    Facts,
    sheet_schema,
)

START = Month(2025, 11)
TYPES = (
    ("PSTW", "Pelayanan Sosial Tresna Werdha", "Elderly care home", False),
    ("RSBL", "Rehabilitasi Sosial Bina Laras", "Mental disability rehabilitation", True),
    ("PSBR", "Pelayanan Sosial Bina Remaja", "Youth social services", False),
    ("PRS", "Perlindungan dan Rehabilitasi Sosial PMKS", "PMKS rehabilitation", True),
)
SUMMARIES = (
    "Antrean makan siang lama",
    "Kamar mandi perlu diperbaiki",
    "Petugas kurang ramah saat kunjungan",
    "Jadwal kunjungan keluarga tidak jelas",
)


def fixed_config(today: date = date(2026, 11, 28)) -> Config:
    """The shipped configuration with a fixed ``today`` (reporting deadlines)."""
    return replace(load_config(), today=today)


def unit_codes(n_units: int) -> list[str]:
    return [f"{TYPES[i % len(TYPES)][0]}-{i + 1:02d}" for i in range(n_units)]


def synthetic_facts(
    n_units: int = 6,
    months: int = 12,
    start: Month = START,
    *,
    staff: int = 6,
    respondents: int = 20,
    seed: int = 7,
    summaries: tuple[str, ...] = SUMMARIES,
) -> Facts:
    """Facts for ``n_units`` units × ``months`` months from ``start``.

    Every 11th unit-month is missing and every 7th came after the deadline.
    """
    rng = random.Random(seed)
    codes = unit_codes(n_units)
    units = pl.DataFrame(
        {
            "code": codes,
            "name": [f"UPT {TYPES[i % len(TYPES)][1]} {i + 1:02d}" for i in range(n_units)],
            "type": [TYPES[i % len(TYPES)][0] for i in range(n_units)],
            "city": [f"Kota {i + 1}" for i in range(n_units)],
            "capacity": [100 + 10 * (i % 5) for i in range(n_units)],
        },
        schema=UNITS_SCHEMA,
    )
    unit_types = pl.DataFrame([t for t in TYPES], schema=UNIT_TYPES_SCHEMA, orient="row")
    rows: dict[str, list[dict]] = {attr: [] for attr in SHEET_ATTRS}
    submissions: list[dict] = []
    n = 0
    for u, code in enumerate(codes):
        residents = 80 + 5 * (u % 5)
        for m in range(months):
            n += 1
            if n % 11 == 0:
                continue  # missing report
            month = start + m
            period = month.first_day
            late = n % 7 == 0
            uploaded = datetime.combine(
                (month + 1).first_day.replace(day=20 if late else 5),
                datetime.min.time(),
                tzinfo=UTC,
            )
            submissions.append(
                {
                    "id": n,
                    "unit_code": code,
                    "period": period,
                    "version": 1,
                    "uploaded_at": uploaded,
                    "is_current": True,
                }
            )
            key = {"submission_id": n, "unit_code": code, "period": period}
            residents = _month(rows, key, rng, u, m, residents, staff, respondents, summaries)
    frames = {
        attr: pl.DataFrame(rows[attr], schema=sheet_schema(sheet))
        for attr, sheet in SHEET_ATTRS.items()
    }
    return Facts.of(
        units=units,
        unit_types=unit_types,
        submissions=pl.DataFrame(submissions, schema=SUBMISSIONS_SCHEMA),
        **frames,
    )


def _month(
    rows: dict[str, list[dict]],
    key: dict,
    rng: random.Random,
    u: int,
    m: int,
    residents: int,
    staff: int,
    respondents: int,
    summaries: tuple[str, ...],
) -> int:
    """Append one unit-month to ``rows``; returns the residents at month end."""
    period: date = key["period"]
    capacity = 100 + 10 * (u % 5)
    admitted = rng.randint(0, 6)
    exits = [rng.randint(0, 3), rng.randint(0, 1), rng.randint(0, 1), rng.randint(0, 1)]
    end = residents + admitted - sum(exits)
    rows["identitas"].append(
        {
            **key,
            "kode_upt": key["unit_code"],
            "nama_upt": None,
            "tahun": period.year,
            "bulan": period.month,
            "nama_kepala_upt": "Kepala UPT",
            "tanggal_laporan": period,
            "versi_format": "1",
        }
    )
    rows["penerima_manfaat"].append(
        {
            **key,
            "daya_tampung": capacity,
            "pm_awal_bulan": residents,
            "pm_masuk": admitted,
            "pm_keluar_reintegrasi": exits[0],
            "pm_keluar_rujukan": exits[1],
            "pm_keluar_meninggal": exits[2],
            "pm_keluar_lainnya": exits[3],
            "pm_akhir_bulan": end,
            "pm_laki_laki_akhir_bulan": end // 2,
            "pm_perempuan_akhir_bulan": end - end // 2,
            "pm_terpenuhi_kebutuhan_dasar": residents + admitted - rng.randint(0, 3),
        }
    )
    for kind in ("Bimbingan Fisik", "Bimbingan Sosial"):
        planned = rng.randint(8, 20)
        rows["layanan"].append(
            {
                **key,
                "jenis_layanan": kind,
                "sesi_direncanakan": planned,
                "sesi_terlaksana": planned - rng.randint(0, 3),
                "jumlah_peserta": planned * rng.randint(20, 60),
            }
        )
    for e in range(staff):
        hari = 21
        tk = rng.choice((0, 0, 0, 0, 1, 2))
        absent = [rng.randint(0, 1), rng.randint(0, 1), rng.randint(0, 1), tk]
        hadir = hari - sum(absent) - 1
        rows["kehadiran_pegawai"].append(
            {
                **key,
                "nip": f"1980010120050{u:03d}{e:02d}",
                "nama": f"Pegawai {u + 1}-{e + 1}",
                "status": "PNS",
                "hari_kerja": hari,
                "hadir": hadir,
                "dinas_luar": 1,
                "sakit": absent[0],
                "izin": absent[1],
                "cuti": absent[2],
                "tk": tk,
                **{f"tl{i}": rng.randint(0, 2 if i == 1 else 1) for i in range(1, 5)},
                **{f"psw{i}": rng.randint(0, 1) for i in range(1, 5)},
                "apel_wajib": 20,
                "apel_hadir": 20 - rng.randint(0, 2),
            }
        )
    for c in range(m % 3 + 1):
        received = period + timedelta(days=3 * c)
        done = rng.random() < 0.8
        rows["pengaduan"].append(
            {
                **key,
                "nomor": f"ADU-{period:%Y%m}-{c + 1}",
                "tanggal_masuk": received,
                "saluran": "WhatsApp",
                "kategori": "Pelayanan",
                "ringkasan": summaries[(u + m + c) % len(summaries)],
                "tanggal_selesai": received + timedelta(days=rng.randint(0, 9)) if done else None,
                "status": "Selesai" if done else "Proses",
            }
        )
    for r in range(respondents):
        rows["survei_kepuasan"].append(
            {
                **key,
                "tanggal": period + timedelta(days=r % 28),
                "jenis_kelamin": "LP"[r % 2],
                "usia": 20 + r,
                "pendidikan": "SMA",
                "responden": "Keluarga",
                **{f"u{k}": rng.choice((2, 3, 3, 4, 4)) for k in range(1, 10)},
            }
        )
    rows["pembinaan"].append(
        {
            **key,
            "tanggal": period + timedelta(days=9),
            "tema": "Disiplin",
            "peserta_wajib": staff,
            "peserta_hadir": staff - rng.randint(0, 1),
        }
    )
    incidents = rng.choice((0, 0, 0, 1))
    rows["integritas"].append(
        {
            **key,
            "insiden_etika_media_sosial": incidents,
            "insiden_ditindaklanjuti": incidents,
            "unggahan_informasi_layanan": rng.randint(2, 12),
            "hukuman_disiplin_ringan": 0,
            "hukuman_disiplin_sedang": 0,
            "hukuman_disiplin_berat": 0,
        }
    )
    return end
