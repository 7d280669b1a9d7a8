"""Deterministic sample data: believable monthly reports for every registry unit.

``generate()`` writes ``sample_data/<UNIT>_<YYYY-MM>.xlsx`` for the 24 months
2024-11 … 2026-10, ``sample_data/uploads.csv`` (when each file was uploaded,
by whom), ``sample_data/with_errors/`` (one refused file per class of error
finding), ``sample_data/with_warnings/`` (accepted files that show one
warning each) and a README in each folder.

Every workbook is the real template (``write_template`` + ``fill_template``),
so samples and template cannot drift apart. Nothing depends on the wall
clock: each unit has its own ``random.Random`` streams seeded from the unit
code, months are fixed, and the zip entries and document properties get a
fixed timestamp, so two runs give byte-identical files and a subset run
(``units=``, ``months=``) gives the same bytes as the full run.

The stories the numbers tell are listed in ``STORIES`` and written to
``sample_data/README.md``.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import re
import time
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from data_loaders.schema import (
    IDENTITAS,
    INTEGRITAS,
    KEHADIRAN_PEGAWAI,
    LAYANAN,
    PEMBINAAN,
    PENERIMA_MANFAAT,
    PENGADUAN,
    SURVEI_KEPUASAN,
    Sheet,
)
from data_loaders.template import (
    KV_FIRST_ROW,
    TABLE_FIRST_DATA_ROW,
    TABLE_HEADER_ROW,
    fill_template,
    workbook_bytes,
    write_template,
)
from upt_dashboard.indicators.ikm import required_sample
from upt_dashboard.months import Month
from upt_dashboard.sample.people import Employee, roster
from upt_dashboard.sample.profiles import (
    DEFAULT_FLOWS,
    DEFAULT_SERVICES,
    ELEMENT_OFFSETS,
    FLOWS,
    RESPONDENT_MIX,
    SERVICES,
    Profile,
    profile,
)
from upt_dashboard.sample.randomness import binomial, pick, poisson, stream
from upt_dashboard.sample.registry import Unit, read_units
from upt_dashboard.sample.stories import (
    DRIFT_TK,
    FEW_RESPONDENTS_MONTHS,
    FEW_RESPONDENTS_UNIT,
    INCIDENTS,
    LATE_UNIT,
    LEBARAN_LATE_MONTH,
    LEBARAN_LATE_UNITS,
    MATERNITY_MONTHS,
    MATERNITY_UNIT,
    MISSING_MONTHS,
    MISSING_UNIT,
    MONTHS,
    N_MONTHS,
    OVER_CAPACITY_TARGETS,
    OVER_CAPACITY_UNIT,
    PENALTIES,
    SLIDE_FROM_TO,
    SLIDING_UNIT,
    STORIES,
    SUPPLY_SHORTFALL,
    VISIT,
    VISIT_MONTH,
)
from upt_dashboard.sample.workdays import (
    add_working_days,
    eid_al_fitr,
    hari_kerja,
    is_working_day,
    working_days,
)

# Stamped into docProps/core.xml and every zip entry so runs are byte-identical.
FIXED_TIMESTAMP = datetime(2026, 11, 1, 0, 0, 0)
WIB = timezone(timedelta(hours=7))


# --- One unit over the whole range ------------------------------------------------------


@dataclass
class Complaint:
    nomor: str
    masuk: date
    saluran: str
    kategori: str
    ringkasan: str
    selesai: date | None  # None: still open when the range ends


@dataclass
class MonthReport:
    """One unit-month: the values written into the template, and its upload."""

    unit: Unit
    period: Month
    data: dict[str, dict | list[dict]]
    submitted: bool
    signed: date | None = None
    uploaded_at: datetime | None = None
    uploaded_by: str = ""

    @property
    def filename(self) -> str:
        return f"{self.unit.code}_{self.period}.xlsx"


@dataclass
class UnitHistory:
    unit: Unit
    profile: Profile
    months: list[MonthReport] = field(default_factory=list)
    staff: list[Employee] = field(default_factory=list)


def simulate_unit(unit: Unit) -> UnitHistory:
    """All 24 months of one unit (missed months included, marked not submitted)."""
    prof = profile(unit)
    history = UnitHistory(unit, prof, staff=roster(unit, prof.staff))
    pm = _simulate_residents(unit, prof)
    complaints = _simulate_complaints(unit, prof)
    att_rng, svc_rng, srv_rng, misc_rng = (
        stream(unit.code, a) for a in ("hadir", "layanan", "survei", "lain")
    )
    services = _unit_services(unit)
    leave_used: dict[tuple[int, int], int] = {}  # (employee index, year) -> days
    last_submitted: Month | None = None
    for i, period in enumerate(MONTHS):
        submitted = not (unit.code == MISSING_UNIT and period in MISSING_MONTHS)
        attendance = _attendance(unit, history.staff, period, att_rng, leave_used)
        pm_values = pm[i]
        data: dict[str, dict | list[dict]] = {
            PENERIMA_MANFAAT.name: pm_values,
            LAYANAN.name: _layanan(services, pm_values, period, svc_rng),
            KEHADIRAN_PEGAWAI.name: attendance,
            PENGADUAN.name: _pengaduan_rows(complaints, period, last_submitted),
            SURVEI_KEPUASAN.name: _survey(unit, prof, pm_values, i, period, srv_rng),
            PEMBINAAN.name: _pembinaan(unit, len(attendance), period, misc_rng),
            INTEGRITAS.name: _integritas(unit, prof, period, misc_rng),
        }
        report = MonthReport(unit, period, data, submitted)
        if submitted:
            _schedule_upload(report, stream(unit.code, "unggah", period))
            data[IDENTITAS.name] = {"nama_kepala_upt": prof.head, "tanggal_laporan": report.signed}
            last_submitted = period
        history.months.append(report)
    return history


def _simulate_residents(unit: Unit, prof: Profile) -> list[dict]:
    rng = stream(unit.code, "pm")
    flows = FLOWS.get(unit.type, DEFAULT_FLOWS)
    male = round(prof.residents * flows.male_share)
    female = prof.residents - male
    # PSBR: two 6-month classes, (men, women) each; class A runs Jan–Jun and Jul–Dec
    # (graduates and is replaced in June and December), class B Apr–Sep and Oct–Mar.
    classes = {"A": [23, 18], "B": [24, 19]} if unit.type == "PSBR" else {}
    if classes:
        male, female = sum(c[0] for c in classes.values()), sum(c[1] for c in classes.values())
    out = []
    for period in MONTHS:
        awal = male + female
        masuk_m = masuk_f = 0
        exits = {"reintegrasi": 0, "rujukan": 0, "meninggal": 0, "lainnya": 0}
        out_m = 0
        if classes:
            graduating = {6: "A", 12: "A", 3: "B", 9: "B"}.get(period.month)
            if graduating:
                m, f = classes[graduating]
                exits["reintegrasi"] += m + f
                out_m += m
                classes[graduating] = [0, 0]
            dropouts = poisson(rng, awal * flows.lainnya)
            for _ in range(dropouts):
                key = max(classes, key=lambda k: sum(classes[k]))
                if sum(classes[key]) == 0:
                    break
                is_m = rng.random() < classes[key][0] / sum(classes[key])
                classes[key][0 if is_m else 1] -= 1
                exits["lainnya"] += 1
                out_m += is_m
            entering = graduating  # the next class starts the month the last one finishes
            if entering:
                size = rng.randint(40, 44)
                masuk_m = binomial(rng, size, flows.male_share)
                masuk_f = size - masuk_m
                classes[entering] = [masuk_m, masuk_f]
        else:
            for reason in exits:
                exits[reason] = poisson(rng, awal * getattr(flows, reason))
            if unit.type == "PSAA" and period.month == 7:  # finished senior high school
                exits["reintegrasi"] += rng.randint(3, 6)
            target = prof.residents
            if unit.code == OVER_CAPACITY_UNIT:
                target = OVER_CAPACITY_TARGETS.get(period, target)
            total_out = sum(exits.values())
            masuk = poisson(rng, max(0.0, total_out + 0.5 * (target - awal)))
            if unit.type == "PSAA" and period.month in (7, 8):
                masuk += rng.randint(2, 4)
            room = unit.capacity - (awal - total_out)
            if not (unit.code == OVER_CAPACITY_UNIT and period in OVER_CAPACITY_TARGETS):
                masuk = min(masuk, max(0, room))
            masuk_m = binomial(rng, masuk, flows.male_share)
            masuk_f = masuk - masuk_m
            # Who leaves: drawn one by one from the residents of the month.
            pool_m, pool_f = male + masuk_m, female + masuk_f
            for _ in range(total_out):
                is_m = rng.random() < pool_m / (pool_m + pool_f)
                out_m += is_m
                pool_m, pool_f = pool_m - is_m, pool_f - (not is_m)
        total_out = sum(exits.values())
        male, female = male + masuk_m - out_m, female + masuk_f - (total_out - out_m)
        masuk = masuk_m + masuk_f
        akhir = male + female
        served = awal + masuk
        short = SUPPLY_SHORTFALL.get((unit.code, period), 0)
        if not short and rng.random() < 0.04:
            short = rng.randint(1, 3)
        out.append(
            {
                "daya_tampung": unit.capacity,
                "pm_awal_bulan": awal,
                "pm_masuk": masuk,
                "pm_keluar_reintegrasi": exits["reintegrasi"],
                "pm_keluar_rujukan": exits["rujukan"],
                "pm_keluar_meninggal": exits["meninggal"],
                "pm_keluar_lainnya": exits["lainnya"],
                "pm_akhir_bulan": akhir,
                "pm_laki_laki_akhir_bulan": male,
                "pm_perempuan_akhir_bulan": female,
                "pm_terpenuhi_kebutuhan_dasar": served - short,
            }
        )
    return out


def _unit_services(unit: Unit) -> list[tuple[str, float, float]]:
    options = list(SERVICES.get(unit.type, DEFAULT_SERVICES))
    rng = stream(unit.code, "jenis-layanan")
    keep = options[:5] + [o for o in options[5:] if rng.random() < 0.75]
    return keep


def _layanan(services, pm: dict, period: Month, rng: random.Random) -> list[dict]:
    days = hari_kerja(period)
    residents = (pm["pm_awal_bulan"] + pm["pm_akhir_bulan"]) / 2
    rows = []
    for jenis, per_day, share in services:
        planned = max(1, round(days * per_day))
        roll = rng.random()
        if roll < 0.015:
            held = planned + rng.randint(1, 2)  # an extra session: a warning, still accepted
        elif roll < 0.6:
            held = planned
        else:
            held = planned - min(planned // 3, pick(rng, (1, 2, 3), (6, 3, 1)))
        group = max(1, round(residents * share * rng.uniform(0.9, 1.05)))
        rows.append(
            {
                "jenis_layanan": jenis,
                "sesi_direncanakan": planned,
                "sesi_terlaksana": held,
                "jumlah_peserta": held * group,
            }
        )
    return rows


def _lebaran_leave_days(period: Month) -> list[date]:
    """Working days in the two weeks after Idul Fitri that fall in ``period``
    (plus the week before), when leave peaks."""
    eid = eid_al_fitr(period.year)
    window = [eid + timedelta(d) for d in range(-7, 15)]
    return [d for d in window if period.contains(d) and is_working_day(d)]


def _attendance(
    unit: Unit,
    staff: list[Employee],
    period: Month,
    rng: random.Random,
    leave_used: dict[tuple[int, int], int],
) -> list[dict]:
    days = hari_kerja(period)
    eid = eid_al_fitr(period.year)
    lebaran_window = [d for d in (eid + timedelta(k) for k in range(-7, 15)) if is_working_day(d)]
    lebaran_here = _lebaran_leave_days(period)
    rows = []
    for idx, e in enumerate(staff):
        if not e.employed_in(period):
            continue
        used = leave_used.get((idx, period.year), 0)
        cuti = 0
        if lebaran_here:
            # Each employee's Lebaran leave: a few consecutive working days in the window.
            plan = stream(unit.code, "lebaran", idx, period.year)
            if plan.random() < 0.5:
                length = plan.randint(2, 5)
                start = plan.randint(0, max(0, len(lebaran_window) - length))
                taken = lebaran_window[start : start + length]
                cuti = sum(1 for d in taken if d in lebaran_here)
        elif rng.random() < (0.14 if period.month == 12 else 0.07):
            cuti = rng.randint(1, 3)
        cuti = max(0, min(cuti, 12 - used))
        if e.maternity and unit.code == MATERNITY_UNIT and period in MATERNITY_MONTHS:
            cuti = days  # maternity leave is its own kind of leave: not from the 12 days
        else:
            leave_used[(idx, period.year)] = used + cuti
        free = days - cuti
        tk = DRIFT_TK.get(period, 0) if e.drifting else int(rng.random() < 0.012)
        sakit = rng.randint(1, 3) if rng.random() < e.sick_rate else 0
        izin = rng.randint(1, 2) if rng.random() < 0.06 else 0
        dinas_luar = rng.randint(1, 4) if rng.random() < e.field_rate else 0
        parts = [tk, sakit, izin, dinas_luar]
        for k in range(len(parts)):  # never more absences than days left
            parts[k] = min(parts[k], free)
            free -= parts[k]
        tk, sakit, izin, dinas_luar = parts
        hadir = free
        tl = _bands(rng, binomial(rng, hadir, e.late_rate), (75, 15, 6, 4))
        psw = _bands(rng, binomial(rng, hadir, e.early_rate), (80, 12, 5, 3))
        missed = tl[1] + tl[2] + tl[3] + binomial(rng, tl[0], 0.3) + binomial(rng, hadir, 0.01)
        rows.append(
            {
                "nip": e.nip_in(period),
                "nama": e.name,
                "status": e.status_in(period),
                "hari_kerja": days,
                "hadir": hadir,
                "dinas_luar": dinas_luar,
                "sakit": sakit,
                "izin": izin,
                "cuti": cuti,
                "tk": tk,
                "tl1": tl[0],
                "tl2": tl[1],
                "tl3": tl[2],
                "tl4": tl[3],
                "psw1": psw[0],
                "psw2": psw[1],
                "psw3": psw[2],
                "psw4": psw[3],
                "apel_wajib": hadir,
                "apel_hadir": max(0, hadir - missed),
            }
        )
    order = {"PNS": 0, "PPPK": 1, "Non ASN": 2}
    rows.sort(key=lambda r: (order[r["status"]], r["nip"] or "", r["nama"]))
    return rows


def _bands(rng: random.Random, n: int, weights: tuple[int, ...]) -> list[int]:
    out = [0, 0, 0, 0]
    for _ in range(n):
        out[pick(rng, range(4), weights)] += 1
    return out


SUMMARIES = {
    "Pelayanan": (
        "Keluarga menanyakan jadwal kunjungan yang berubah tanpa pemberitahuan",
        "Menu makan PM dinilai kurang bervariasi",
        "Permintaan informasi prosedur penerimaan PM baru",
        "Keluarga meminta kabar perkembangan kondisi PM",
        "Jadwal kontrol kesehatan PM ke puskesmas terlambat",
    ),
    "Perilaku Petugas": (
        "Petugas jaga malam dinilai kurang ramah kepada keluarga PM",
        "Pesan WhatsApp keluarga PM tidak dibalas petugas",
        "Keluhan sikap petugas saat menerima tamu",
    ),
    "Sarana Prasarana": (
        "Atap wisma bocor saat hujan",
        "Kamar mandi wisma perlu perbaikan",
        "Lampu penerangan di area wisma padam",
        "Air bersih tidak mengalir pada pagi hari",
        "Kursi roda rusak belum diganti",
    ),
    "Administrasi": (
        "Surat keterangan untuk keluarga PM belum diterbitkan",
        "Berkas rujukan PM belum lengkap",
        "Permintaan salinan data PM untuk keperluan BPJS",
    ),
    "Lainnya": (
        "Saran penambahan kegiatan rekreasi PM",
        "Warga sekitar mengeluhkan suara pengeras suara",
        "Masukan tentang tempat parkir pengunjung",
    ),
}
SALURAN_WEIGHTS = {
    "Langsung": 28,
    "WhatsApp": 30,
    "Telepon": 12,
    "Kotak Saran": 12,
    "Media Sosial": 8,
    "SP4N-LAPOR!": 6,
    "Email": 3,
    "Lainnya": 1,
}
KATEGORI_WEIGHTS = {
    "Pelayanan": 38,
    "Perilaku Petugas": 14,
    "Sarana Prasarana": 28,
    "Administrasi": 14,
    "Lainnya": 6,
}


def _simulate_complaints(unit: Unit, prof: Profile) -> list[Complaint]:
    rng = stream(unit.code, "pengaduan")
    complaints: list[Complaint] = []
    seq: dict[int, int] = {}
    for i, period in enumerate(MONTHS):
        sliding = unit.code == SLIDING_UNIT
        rate = prof.complaints * (1 + 1.6 * i / (N_MONTHS - 1) if sliding else 1)
        count = min(4, poisson(rng, rate))
        days = sorted(rng.randint(1, period.days) for _ in range(count))
        for day in days:
            masuk = date(period.year, period.month, day)
            seq[masuk.year] = seq.get(masuk.year, 0) + 1
            kategori_w = dict(KATEGORI_WEIGHTS)
            if sliding:
                kategori_w["Sarana Prasarana"] += 4 * i
            kategori = pick(rng, kategori_w, kategori_w.values())
            slow = 0.25 * i / (N_MONTHS - 1) if sliding else 0.0
            roll = rng.random()
            if roll < 0.08:
                work = 0
            elif roll < 0.68 - slow:
                work = rng.randint(1, 3)
            elif roll < 0.86 - slow / 2:
                work = rng.randint(4, 5)
            elif roll < 0.97:
                work = rng.randint(6, 15)
            else:
                work = rng.randint(16, 40)
            complaints.append(
                Complaint(
                    nomor=f"PGD/{unit.code}/{masuk.year}/{seq[masuk.year]:04d}",
                    masuk=masuk,
                    saluran=pick(rng, SALURAN_WEIGHTS, SALURAN_WEIGHTS.values()),
                    kategori=kategori,
                    ringkasan=rng.choice(SUMMARIES[kategori]),
                    selesai=add_working_days(masuk, work),
                )
            )
    return complaints


def _pengaduan_rows(
    complaints: list[Complaint], period: Month, last_submitted: Month | None
) -> list[dict]:
    """Complaints received up to this month that no earlier submitted report
    showed as finished: new ones, open ones, and any received while the unit
    missed a report."""
    end = period.last_day
    shown_until = last_submitted.last_day if last_submitted is not None else date.min
    rows = []
    for c in complaints:
        if c.masuk > end or (c.selesai is not None and c.selesai <= shown_until):
            continue
        done = c.selesai is not None and c.selesai <= end
        rows.append(
            {
                "nomor": c.nomor,
                "tanggal_masuk": c.masuk,
                "saluran": c.saluran,
                "kategori": c.kategori,
                "ringkasan": c.ringkasan,
                "tanggal_selesai": c.selesai if done else None,
                "status": "Selesai" if done else "Proses",
            }
        )
    return rows


def _unit_ikm(unit: Unit, prof: Profile, i: int) -> float:
    if unit.code == SLIDING_UNIT:
        start, end = SLIDE_FROM_TO
        return start + (end - start) * i / (N_MONTHS - 1)
    return prof.ikm


def _survey(
    unit: Unit, prof: Profile, pm: dict, i: int, period: Month, rng: random.Random
) -> list[dict]:
    served = pm["pm_awal_bulan"] + pm["pm_masuk"]
    # The same Krejcie–Morgan rule the IKM indicator applies to the people served.
    needed = required_sample(served)
    if unit.code == FEW_RESPONDENTS_UNIT and period in FEW_RESPONDENTS_MONTHS:
        n = round(needed * rng.uniform(0.5, 0.7))
    else:
        n = needed + rng.randint(1, 8)
    mix, pm_ages = RESPONDENT_MIX.get(unit.type, RESPONDENT_MIX["PSTW"])
    mean = _unit_ikm(unit, prof, i) / 25 + rng.gauss(0, 0.02)
    offsets = list(ELEMENT_OFFSETS)
    if unit.code == SLIDING_UNIT:  # buildings and waiting times get worse faster
        offsets[7] -= 0.15 * i / (N_MONTHS - 1)
        offsets[2] -= 0.1 * i / (N_MONTHS - 1)
    shift = sum(offsets) / len(offsets)
    offsets = [o - shift for o in offsets]
    last = period.days
    rows = []
    for _ in range(n):
        responden = pick(rng, ("Penerima Manfaat", "Keluarga", "Pengunjung", "Mitra"), mix)
        ages = {
            "Penerima Manfaat": pm_ages,
            "Keluarga": (25, 65),
            "Pengunjung": (18, 60),
            "Mitra": (25, 56),
        }[responden]
        usia = rng.randint(*ages)
        if responden == "Mitra":
            pendidikan = pick(rng, ("SMA", "D1-D3", "S1", "S2"), (2, 2, 5, 1))
        elif responden == "Penerima Manfaat" and unit.type == "PSTW":
            pendidikan = pick(rng, ("SD", "SMP", "SMA", "Lainnya"), (5, 2, 1, 3))
        elif usia < 16:
            pendidikan = "SD"
        else:
            pendidikan = pick(rng, ("SD", "SMP", "SMA", "D1-D3", "S1", "S2"), (2, 3, 5, 1, 2, 0.2))
        personal = rng.gauss(0, 0.2)
        scores = {f"u{k + 1}": _score(rng, mean + offsets[k] + personal) for k in range(9)}
        rows.append(
            {
                "tanggal": date(period.year, period.month, rng.randint(1, last)),
                "jenis_kelamin": "L" if rng.random() < 0.47 else "P",
                "usia": usia if rng.random() > 0.08 else None,
                "pendidikan": pendidikan if rng.random() > 0.08 else None,
                "responden": responden,
                **scores,
            }
        )
    rows.sort(key=lambda r: r["tanggal"])
    return rows


def _score(rng: random.Random, mean: float) -> int:
    """A 1–4 score whose expected value is ``mean`` (clamped to 1.3–3.95)."""
    m = min(3.95, max(1.3, mean))
    p1 = 0.01 if m < 3.0 else 0.0
    p2 = min(0.6, max(0.02, 0.04 + 0.5 * (3.3 - m)))
    p4 = max(0.0, m - 3 + p2 + 2 * p1)
    p3 = max(0.0, 1 - p1 - p2 - p4)
    return pick(rng, (1, 2, 3, 4), (p1, p2, p3, p4))


THEMES = {
    "Integritas": 3,
    "Disiplin": 4,
    "Profesionalisme": 3,
    "Etika Media Sosial": 1,
    "Pelayanan Prima": 4,
    "Lainnya": 1,
}


def _pembinaan(unit: Unit, staff: int, period: Month, rng: random.Random) -> list[dict]:
    days = working_days(period)
    count = pick(rng, (1, 2, 3), (45, 40, 15))
    sessions: list[tuple[date, str, bool]] = []  # (date, theme, whole staff)
    if period == VISIT_MONTH and unit.code in VISIT:
        # The article: media-sosial ethics in Jombang, integrity and discipline in Kediri.
        theme = "Etika Media Sosial" if unit.type == "PSTW" else "Integritas"
        sessions.append((VISIT[unit.code], theme, True))
        count -= 1
    if period == VISIT_MONTH + 1:  # after the visit: all units
        sessions.append((rng.choice(days[:10]), "Etika Media Sosial", True))
        count -= 1
    taken = {d for d, _, _ in sessions}
    for _ in range(max(0, count)):
        day = rng.choice([d for d in days if d not in taken])
        taken.add(day)
        sessions.append((day, pick(rng, THEMES, THEMES.values()), rng.random() < 0.6))
    rows = []
    for day, theme, everyone in sorted(sessions):
        wajib = staff if everyone else max(5, round(staff * rng.uniform(0.35, 0.6)))
        visit = period == VISIT_MONTH and day == VISIT.get(unit.code)
        absent = binomial(rng, wajib, 0.02 if visit else 0.09)
        rows.append(
            {"tanggal": day, "tema": theme, "peserta_wajib": wajib, "peserta_hadir": wajib - absent}
        )
    return rows


def _integritas(unit: Unit, prof: Profile, period: Month, rng: random.Random) -> dict:
    incidents, followed = INCIDENTS.get((unit.code, period), (0, 0))
    ringan, sedang, berat = PENALTIES.get((unit.code, period), (0, 0, 0))
    boost = 1.35 if period > VISIT_MONTH else 1.0
    return {
        "insiden_etika_media_sosial": incidents,
        "insiden_ditindaklanjuti": followed,
        "unggahan_informasi_layanan": poisson(rng, prof.posts * boost),
        "hukuman_disiplin_ringan": ringan,
        "hukuman_disiplin_sedang": sedang,
        "hukuman_disiplin_berat": berat,
    }


def _schedule_upload(report: MonthReport, rng: random.Random) -> None:
    """Signing date and upload time: most units by the 10th, the late unit later."""
    nxt = report.period + 1
    days = working_days(nxt)
    if report.unit.code == LATE_UNIT:
        choices = [d for d in days if 12 <= d.day <= 20]
    elif report.period == LEBARAN_LATE_MONTH and report.unit.code in LEBARAN_LATE_UNITS:
        choices = [d for d in days if 14 <= d.day <= 16]
    else:
        choices = [d for d in days if 2 <= d.day <= 10]
        if report.period == LEBARAN_LATE_MONTH:  # after the Lebaran holidays, everyone is late-ish
            choices = [d for d in days if 8 <= d.day <= 10]
    upload_day = choices[min(len(choices) - 1, int(rng.triangular(0, len(choices), len(choices))))]
    sign_options = [d for d in days if d <= upload_day]
    report.signed = sign_options[max(0, len(sign_options) - 1 - rng.randint(0, 2))]
    minute = rng.randint(8 * 60, 15 * 60 + 30)
    local = datetime(
        upload_day.year,
        upload_day.month,
        upload_day.day,
        minute // 60,
        minute % 60,
        rng.randint(0, 59),
        tzinfo=WIB,
    )
    report.uploaded_at = local.astimezone(UTC)
    report.uploaded_by = f"operator.{report.unit.code.lower()}"


# --- Writing workbooks ------------------------------------------------------------------


def build_workbook(unit: Unit, period: Month, data: dict) -> Workbook:
    """The real template for the unit-month, filled with ``data``."""
    wb = write_template(unit.code, unit.name, period.year, period.month)
    fill_template(wb, data)
    return wb


def stable_bytes(wb: Workbook) -> bytes:
    """``workbook_bytes`` with the clock taken out: openpyxl stamps the save
    time into docProps/core.xml (``modified``, even if set beforehand) and
    every zip entry, so both are rewritten to ``FIXED_TIMESTAMP``."""
    wb.properties.created = FIXED_TIMESTAMP
    wb.properties.modified = FIXED_TIMESTAMP
    raw = workbook_bytes(wb)
    stamp = FIXED_TIMESTAMP.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                    rb"\g<1>" + stamp.encode(),
                    content,
                )
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIMESTAMP.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, content)
    return out.getvalue()


def report_bytes(report: MonthReport) -> bytes:
    return stable_bytes(build_workbook(report.unit, report.period, report.data))


# --- Files that validation must refuse (or accept with a warning) -------------------------


@dataclass(frozen=True)
class Case:
    """One demonstration file: what is wrong and what validation must say."""

    file: str
    sheet: str  # "" = the file itself
    cell: str | Callable[[MonthReport], str]  # "B9"; "" = the whole sheet or file
    rule: str  # the finding's rule id
    says: str  # what the message tells the operator (Bahasa Indonesia)
    change: Callable[[MonthReport], MonthReport | bytes]  # returns the changed report or raw bytes
    # Cell-level edits after filling (a formula, a number where text belongs…).
    after: Callable[[Workbook, MonthReport], None] | None = None

    def where(self, base: MonthReport) -> str:
        """The cell the finding names, for the report the case starts from."""
        return self.cell(base) if callable(self.cell) else self.cell


def _kv_cell(sheet: Sheet, name: str) -> str:
    return f"B{KV_FIRST_ROW + sheet.names.index(name)}"


def _col(sheet: Sheet, name: str) -> str:
    return get_column_letter(sheet.names.index(name) + 1)


def _row(index: int) -> int:
    return TABLE_FIRST_DATA_ROW + index


def _cell(sheet: Sheet, name: str, index: int) -> str:
    return f"{_col(sheet, name)}{_row(index)}"


def _edit(sheet: Sheet, changes: Callable[[dict | list], None]):
    """A ``Case.change`` that edits one sheet's values."""

    def change(base: MonthReport) -> MonthReport:
        data = {
            k: (dict(v) if isinstance(v, dict) else [dict(r) for r in v])
            for k, v in base.data.items()
        }
        changes(data[sheet.name])
        return MonthReport(base.unit, base.period, data, True)

    return change


def _same(base: MonthReport) -> MonthReport:
    return base


def _set_cell(sheet: Sheet, ref: str, value, number_format: str | None = None):
    def after(wb: Workbook, report: MonthReport) -> None:
        wb[sheet.name][ref].value = value
        if number_format:
            wb[sheet.name][ref].number_format = number_format

    return after


def _to_2099(base: MonthReport) -> MonthReport:
    """The same report for the same month of 2099, with every date moved along."""

    def move(v):
        return v.replace(year=2099 + (v.year - base.period.year)) if isinstance(v, date) else v

    data = {
        k: (
            {f: move(x) for f, x in v.items()}
            if isinstance(v, dict)
            else [{f: move(x) for f, x in r.items()} for r in v]
        )
        for k, v in base.data.items()
    }
    return MonthReport(base.unit, Month(2099, base.period.month), data, True)


def _truncated(base: MonthReport) -> bytes:
    data = report_bytes(base)
    return data[: len(data) // 2]


def _csv_text(base: MonthReport) -> bytes:
    rows = base.data[KEHADIRAN_PEGAWAI.name]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([f.label for f in KEHADIRAN_PEGAWAI.fields])
    for r in rows[:5]:
        writer.writerow(["" if r[n] is None else r[n] for n in KEHADIRAN_PEGAWAI.names])
    return out.getvalue().encode("utf-8")


def _delete_column(sheet: Sheet, name: str):
    def after(wb: Workbook, report: MonthReport) -> None:
        wb[sheet.name].delete_cols(sheet.names.index(name) + 1)

    return after


def _nip_as_number(wb: Workbook, report: MonthReport) -> None:
    """The NIP typed into a General cell: Excel keeps 15 significant digits."""
    nip = report.data[KP.name][_K]["nip"]
    _set_cell(KP, _cell(KP, "nip", _K), float(f"{int(nip):.15g}"), "General")(wb, report)


def _delete_sheet(sheet: Sheet):
    def after(wb: Workbook, report: MonthReport) -> None:
        del wb[sheet.name]

    return after


# The base report for every demonstration file; its rows are chosen so each
# change below breaks exactly one rule (see ``_base_report``).
BASE_UNIT, BASE_MONTH = "PSTW-JBG", Month(2026, 3)
# Row indices used below, fixed by ``_base_report``'s checks.
_K = 2  # Kehadiran Pegawai row: a PNS with a NIP, present most days
_P = 0  # Pengaduan row: finished within the month
_S = 3  # Survei Kepuasan row
_B = 0  # Pembinaan row
_L = 1  # Layanan row
KP, PG, SV, PB, LY, PMF, ID, IG = (
    KEHADIRAN_PEGAWAI,
    PENGADUAN,
    SURVEI_KEPUASAN,
    PEMBINAAN,
    LAYANAN,
    PENERIMA_MANFAAT,
    IDENTITAS,
    INTEGRITAS,
)


def _k(**values):
    return _edit(KP, lambda rows: rows[_K].update(values))


def _kf(fn):
    return _edit(KP, lambda rows: rows[_K].update(fn(rows[_K])))


def _pg(fn):
    return _edit(PG, lambda rows: rows[_P].update(fn(rows[_P])))


def _pm(fn):
    return _edit(PMF, lambda v: v.update(fn(v)))


def _add_service(rows: list[dict]) -> None:
    rows.append(dict(rows[0]))


ERROR_CASES: tuple[Case, ...] = (
    # The file itself
    Case(
        "bukan_excel.xlsx",
        "",
        "",
        "bukan_xlsx",
        "Isi berkas adalah teks/CSV, bukan workbook Excel; simpan sebagai .xlsx.",
        _csv_text,
    ),
    Case(
        "berkas_rusak.xlsx",
        "",
        "",
        "berkas_rusak",
        "Berkas rusak atau tidak lengkap; simpan ulang di Excel lalu unggah lagi.",
        _truncated,
    ),
    Case(
        "berkas_kosong.xlsx", "", "", "berkas_kosong", "Berkas kosong (0 byte).", lambda base: b""
    ),
    # Structure
    Case(
        "lembar_hilang.xlsx",
        INTEGRITAS.name,
        "",
        "lembar_tidak_ada",
        "Lembar 'Integritas' tidak ada; gunakan templat resmi.",
        _same,
        _delete_sheet(INTEGRITAS),
    ),
    Case(
        "kolom_hilang.xlsx",
        KP.name,
        "",
        "judul_kolom_tidak_ditemukan",
        "Baris judul kolom tidak lengkap: kolom TK tidak ada.",
        _same,
        _delete_column(KP, "tk"),
    ),
    # Identitas
    Case(
        "kode_upt_tidak_dikenal.xlsx",
        ID.name,
        _kv_cell(ID, "kode_upt"),
        "kode_upt_tidak_dikenal",
        "Kode UPT 'PSTW-JMB' tidak dikenal dalam daftar UPT.",
        _same,
        _set_cell(ID, _kv_cell(ID, "kode_upt"), "PSTW-JMB"),
    ),
    Case(
        "periode_masa_depan.xlsx",
        ID.name,
        _kv_cell(ID, "tahun"),
        "di_luar_rentang",
        "Tahun 2099 di luar rentang (2015 sampai tahun ini): periode di masa depan.",
        _to_2099,
    ),
    Case(
        "versi_format_lain.xlsx",
        ID.name,
        _kv_cell(ID, "versi_format"),
        "versi_format_tidak_didukung",
        "Versi Format '2' tidak didukung; gunakan templat versi 1.",
        _same,
        _set_cell(ID, _kv_cell(ID, "versi_format"), "2"),
    ),
    Case(
        "nama_kepala_kosong.xlsx",
        ID.name,
        _kv_cell(ID, "nama_kepala_upt"),
        "nilai_wajib",
        "Nama Kepala UPT wajib diisi.",
        _edit(ID, lambda v: v.update(nama_kepala_upt=None)),
    ),
    Case(
        "bulan_tidak_dikenal.xlsx",
        ID.name,
        _kv_cell(ID, "bulan"),
        "bulan_tidak_valid",
        "Bulan '13' bukan bulan; isi 1–12 atau nama bulan.",
        _same,
        _set_cell(ID, _kv_cell(ID, "bulan"), 13),
    ),
    # Penerima Manfaat
    Case(
        "neraca_pm_tidak_seimbang.xlsx",
        PMF.name,
        _kv_cell(PMF, "pm_akhir_bulan"),
        "neraca_pm",
        "PM Awal + Masuk − semua Keluar harus sama dengan PM Akhir Bulan.",
        _pm(lambda v: {"pm_keluar_meninggal": v["pm_keluar_meninggal"] + 2}),
    ),
    Case(
        "laki_perempuan_tidak_sama.xlsx",
        PMF.name,
        _kv_cell(PMF, "pm_laki_laki_akhir_bulan"),
        "jenis_kelamin_pm",
        "PM Laki-laki + PM Perempuan harus sama dengan PM Akhir Bulan.",
        _pm(lambda v: {"pm_laki_laki_akhir_bulan": v["pm_laki_laki_akhir_bulan"] + 1}),
    ),
    Case(
        "kebutuhan_dasar_melebihi.xlsx",
        PMF.name,
        _kv_cell(PMF, "pm_terpenuhi_kebutuhan_dasar"),
        "kebutuhan_dasar_maksimum",
        "PM Terpenuhi Kebutuhan Dasar tidak boleh melebihi PM Awal Bulan + PM Masuk.",
        _pm(lambda v: {"pm_terpenuhi_kebutuhan_dasar": v["pm_awal_bulan"] + v["pm_masuk"] + 5}),
    ),
    Case(
        "rumus_tanpa_nilai.xlsx",
        PMF.name,
        _kv_cell(PMF, "pm_akhir_bulan"),
        "rumus_tanpa_nilai",
        "PM Akhir Bulan berisi rumus tanpa nilai tersimpan; buka dan "
        "simpan berkas di Excel/LibreOffice.",
        _same,
        _set_cell(PMF, _kv_cell(PMF, "pm_akhir_bulan"), "=B3+B4-B5-B6-B7-B8"),
    ),
    Case(
        "bukan_angka.xlsx",
        PMF.name,
        _kv_cell(PMF, "daya_tampung"),
        "angka_tidak_valid",
        "Daya Tampung 'seratus empat puluh' bukan angka.",
        _pm(lambda v: {"daya_tampung": "seratus empat puluh"}),
    ),
    # Layanan
    Case(
        "pilihan_tidak_dikenal.xlsx",
        LY.name,
        _cell(LY, "jenis_layanan", _L),
        "pilihan_tidak_valid",
        "Jenis Layanan 'Terapi Musik' tidak dikenal; pilih dari daftar.",
        _edit(LY, lambda rows: rows[_L].update(jenis_layanan="Terapi Musik")),
    ),
    Case(
        "layanan_ganda.xlsx",
        LY.name,
        lambda b: _cell(LY, "jenis_layanan", len(b.data[LY.name])),
        "nilai_ganda",
        "Jenis Layanan yang sama tercantum dua kali (baris terakhir mengulang baris pertama).",
        _edit(LY, _add_service),
    ),
    Case(
        "jumlah_tidak_bulat.xlsx",
        LY.name,
        _cell(LY, "jumlah_peserta", _L),
        "bukan_bilangan_bulat",
        "Jumlah Peserta '12,5' bukan bilangan bulat.",
        _edit(LY, lambda rows: rows[_L].update(jumlah_peserta="12,5")),
    ),
    Case(
        "angka_negatif.xlsx",
        IG.name,
        _kv_cell(IG, "unggahan_informasi_layanan"),
        "di_luar_rentang",
        "Unggahan Informasi Layanan -2 di luar rentang; isi bilangan bulat 0 atau lebih.",
        _edit(IG, lambda v: v.update(unggahan_informasi_layanan=-2)),
    ),
    # Kehadiran Pegawai
    Case(
        "nip_sebagai_angka.xlsx",
        KP.name,
        _cell(KP, "nip", _K),
        "nip_berformat_angka",
        "NIP tersimpan sebagai angka (1.97…E+17); format kolom NIP sebagai Teks dan ketik ulang.",
        _same,
        _nip_as_number,
    ),
    Case(
        "nip_panjang_salah.xlsx",
        KP.name,
        _cell(KP, "nip", _K),
        "nip_tidak_valid",
        "NIP harus 18 digit angka (di sini 17 digit).",
        _kf(lambda r: {"nip": r["nip"][:-1]}),
    ),
    Case(
        "nip_ganda.xlsx",
        KP.name,
        _cell(KP, "nip", _K + 1),
        "nilai_ganda",
        "NIP yang sama dipakai dua pegawai.",
        _edit(KP, lambda rows: rows[_K + 1].update(nip=rows[_K]["nip"])),
    ),
    Case(
        "nip_kosong_asn.xlsx",
        KP.name,
        _cell(KP, "nip", _K),
        "nip_wajib_asn",
        "NIP wajib diisi untuk pegawai berstatus PNS.",
        _k(nip=None),
    ),
    Case(
        "hari_kerja_tidak_sesuai.xlsx",
        KP.name,
        _cell(KP, "hari_kerja", _K),
        "jumlah_hari_kerja",
        "Hadir + Dinas Luar + Sakit + Izin + Cuti + TK harus sama dengan Hari Kerja.",
        _kf(lambda r: {"sakit": r["sakit"] + 1}),
    ),
    Case(
        "hari_kerja_di_luar_batas.xlsx",
        KP.name,
        _cell(KP, "hari_kerja", _K),
        "di_luar_rentang",
        "Hari Kerja 25 di luar rentang 0–23.",
        _kf(
            lambda r: {
                "hari_kerja": 25,
                "hadir": r["hadir"] + 25 - r["hari_kerja"],
                "apel_wajib": r["apel_wajib"] + 25 - r["hari_kerja"],
            }
        ),
    ),
    Case(
        "terlambat_melebihi_hadir.xlsx",
        KP.name,
        _cell(KP, "tl1", _K),
        "terlambat_maksimum",
        "Jumlah TL1–TL4 tidak boleh melebihi Hadir.",
        _kf(lambda r: {"tl1": r["hadir"] - r["tl2"] - r["tl3"] - r["tl4"] + 1}),
    ),
    Case(
        "pulang_cepat_melebihi_hadir.xlsx",
        KP.name,
        _cell(KP, "psw1", _K),
        "pulang_cepat_maksimum",
        "Jumlah PSW1–PSW4 tidak boleh melebihi Hadir.",
        _kf(lambda r: {"psw1": r["hadir"] - r["psw2"] - r["psw3"] - r["psw4"] + 1}),
    ),
    Case(
        "apel_melebihi_wajib.xlsx",
        KP.name,
        _cell(KP, "apel_hadir", _K),
        "apel_maksimum",
        "Apel Hadir tidak boleh melebihi Apel Wajib.",
        _kf(lambda r: {"apel_hadir": r["apel_wajib"] + 2}),
    ),
    Case(
        "status_pegawai_kosong.xlsx",
        KP.name,
        _cell(KP, "status", _K),
        "nilai_wajib",
        "Status wajib diisi.",
        _k(status=None),
    ),
    # Pengaduan
    Case(
        "tanggal_pengaduan_setelah_periode.xlsx",
        PG.name,
        _cell(PG, "tanggal_masuk", _P),
        "tanggal_masuk_dalam_periode",
        "Tanggal Masuk sesudah akhir periode laporan.",
        _pg(
            lambda r: {
                "tanggal_masuk": date(2026, 4, 6),
                "tanggal_selesai": None,
                "status": "Proses",
            }
        ),
    ),
    Case(
        "tanggal_selesai_sebelum_masuk.xlsx",
        PG.name,
        _cell(PG, "tanggal_selesai", _P),
        "tanggal_selesai_setelah_masuk",
        "Tanggal Selesai sebelum Tanggal Masuk.",
        _pg(lambda r: {"tanggal_selesai": r["tanggal_masuk"] - timedelta(2)}),
    ),
    Case(
        "tanggal_selesai_setelah_periode.xlsx",
        PG.name,
        _cell(PG, "tanggal_selesai", _P),
        "tanggal_selesai_dalam_periode",
        "Tanggal Selesai sesudah akhir periode laporan.",
        _pg(lambda r: {"tanggal_selesai": date(2026, 4, 7)}),
    ),
    Case(
        "status_pengaduan_tidak_sesuai.xlsx",
        PG.name,
        _cell(PG, "status", _P),
        "status_sesuai_tanggal_selesai",
        "Status Selesai jika dan hanya jika Tanggal Selesai diisi.",
        _pg(lambda r: {"tanggal_selesai": None}),
    ),
    Case(
        "nomor_pengaduan_ganda.xlsx",
        PG.name,
        _cell(PG, "nomor", _P + 1),
        "nilai_ganda",
        "Nomor pengaduan yang sama tercantum dua kali.",
        _edit(PG, lambda rows: rows[_P + 1].update(nomor=rows[_P]["nomor"])),
    ),
    Case(
        "tanggal_tidak_terbaca.xlsx",
        PG.name,
        _cell(PG, "tanggal_masuk", _P),
        "tanggal_tidak_valid",
        "Tanggal Masuk '31/02/2026' bukan tanggal; isi dd/mm/yyyy.",
        _pg(lambda r: {"tanggal_masuk": "31/02/2026"}),
    ),
    # Survei Kepuasan
    Case(
        "nilai_survei_di_luar_skala.xlsx",
        SV.name,
        _cell(SV, "u3", _S),
        "di_luar_rentang",
        "U3 bernilai 5, di luar skala 1–4.",
        _edit(SV, lambda rows: rows[_S].update(u3=5)),
    ),
    Case(
        "tanggal_survei_di_luar_periode.xlsx",
        SV.name,
        _cell(SV, "tanggal", _S),
        "tanggal_survei_dalam_periode",
        "Tanggal survei di luar periode laporan.",
        _edit(SV, lambda rows: rows[_S].update(tanggal=date(2026, 2, 27))),
    ),
    Case(
        "jenis_kelamin_tidak_dikenal.xlsx",
        SV.name,
        _cell(SV, "jenis_kelamin", _S),
        "pilihan_tidak_valid",
        "Jenis Kelamin 'Laki-laki' tidak dikenal; isi L atau P.",
        _edit(SV, lambda rows: rows[_S].update(jenis_kelamin="Laki-laki")),
    ),
    # Pembinaan
    Case(
        "peserta_hadir_melebihi_wajib.xlsx",
        PB.name,
        _cell(PB, "peserta_hadir", _B),
        "peserta_hadir_maksimum",
        "Peserta Hadir tidak boleh melebihi Peserta Wajib.",
        _edit(PB, lambda rows: rows[_B].update(peserta_hadir=rows[_B]["peserta_wajib"] + 3)),
    ),
    Case(
        "tanggal_pembinaan_di_luar_periode.xlsx",
        PB.name,
        _cell(PB, "tanggal", _B),
        "tanggal_pembinaan_dalam_periode",
        "Tanggal pembinaan di luar periode laporan.",
        _edit(PB, lambda rows: rows[_B].update(tanggal=date(2026, 4, 2))),
    ),
    # Integritas
    Case(
        "insiden_ditindaklanjuti_melebihi.xlsx",
        IG.name,
        _kv_cell(IG, "insiden_ditindaklanjuti"),
        "tindak_lanjut_maksimum",
        "Insiden Ditindaklanjuti tidak boleh melebihi Insiden Etika Media Sosial.",
        _edit(IG, lambda v: v.update(insiden_etika_media_sosial=1, insiden_ditindaklanjuti=2)),
    ),
)


def _extra_sheet(wb: Workbook, report: MonthReport) -> None:
    ws = wb.create_sheet("Catatan")
    ws["A1"] = "Catatan operator: laporan dikirim setelah rapat evaluasi."


def _unknown_column(wb: Workbook, report: MonthReport) -> None:
    ws = wb[KP.name]
    col = len(KP.fields) + 1
    ws.cell(TABLE_HEADER_ROW, col, "Keterangan")
    ws.cell(_row(0), col, "Koordinator")


def _totals_row(wb: Workbook, report: MonthReport) -> None:
    rows = report.data[LY.name]
    r = _row(len(rows))
    ws = wb[LY.name]
    ws.cell(r, 1, "JUMLAH")
    for c, name in enumerate(LY.names[1:], start=2):
        ws.cell(r, c, sum(row[name] for row in rows))


WARNING_CASES: tuple[Case, ...] = (
    Case(
        "lembar_tambahan.xlsx",
        "Catatan",
        "",
        "lembar_tambahan",
        "Lembar 'Catatan' bukan bagian dari format laporan dan diabaikan.",
        _same,
        _extra_sheet,
    ),
    Case(
        "kolom_tidak_dikenal.xlsx",
        KP.name,
        f"{get_column_letter(len(KP.fields) + 1)}{TABLE_HEADER_ROW}",
        "kolom_tidak_dikenal",
        "Kolom 'Keterangan' tidak dikenal dan diabaikan.",
        _same,
        _unknown_column,
    ),
    Case(
        "baris_jumlah.xlsx",
        LY.name,
        lambda b: f"A{_row(len(b.data[LY.name]))}",
        "baris_jumlah",
        "Baris JUMLAH diabaikan; dashboard menghitung jumlahnya sendiri.",
        _same,
        _totals_row,
    ),
    Case(
        "melebihi_daya_tampung.xlsx",
        PMF.name,
        _kv_cell(PMF, "pm_akhir_bulan"),
        "melebihi_daya_tampung",
        "PM Akhir Bulan melebihi Daya Tampung.",
        _pm(lambda v: {"daya_tampung": v["pm_akhir_bulan"] - 3}),
    ),
    Case(
        "sesi_melebihi_rencana.xlsx",
        LY.name,
        _cell(LY, "sesi_terlaksana", _L),
        "sesi_melebihi_rencana",
        "Sesi Terlaksana melebihi Sesi Direncanakan.",
        _edit(LY, lambda rows: rows[_L].update(sesi_terlaksana=rows[_L]["sesi_direncanakan"] + 2)),
    ),
    Case(
        "tanggal_laporan_sebelum_akhir_periode.xlsx",
        ID.name,
        _kv_cell(ID, "tanggal_laporan"),
        "tanggal_laporan_sebelum_akhir_periode",
        "Tanggal Laporan sebelum hari terakhir periode; periksa tanggalnya.",
        _edit(ID, lambda v: v.update(tanggal_laporan=date(2026, 3, 20))),
    ),
    Case(
        "nama_upt_berbeda.xlsx",
        ID.name,
        _kv_cell(ID, "nama_upt"),
        "nama_upt_berbeda",
        "Nama UPT berbeda dengan nama terdaftar; laporan dicatat dengan nama terdaftar.",
        _same,
        _set_cell(ID, _kv_cell(ID, "nama_upt"), "UPT PSTW Jombang"),
    ),
    Case(
        "versi_format_kosong.xlsx",
        ID.name,
        _kv_cell(ID, "versi_format"),
        "versi_format_diasumsikan",
        "Versi Format tidak diisi; dianggap versi 1.",
        _same,
        _set_cell(ID, _kv_cell(ID, "versi_format"), None),
    ),
)


def _base_report(history: UnitHistory) -> MonthReport:
    """The report every demonstration file starts from, checked to have the
    rows the cases edit (so each case breaks exactly one rule)."""
    base = next(m for m in history.months if m.period == BASE_MONTH)
    kp, pg = base.data[KP.name], base.data[PG.name]
    sv, pb, ly = base.data[SV.name], base.data[PB.name], base.data[LY.name]
    assert kp[_K]["status"] == "PNS" and kp[_K]["nip"] and kp[_K]["hadir"] >= 5
    assert kp[_K + 1]["nip"] and kp[_K]["apel_wajib"] <= 21
    assert len(pg) >= 2 and pg[_P]["status"] == "Selesai" and pg[_P]["tanggal_masuk"].day > 2
    assert len(sv) > _S and len(pb) > _B and len(ly) > _L
    return base


def _build_case(case: Case, base: MonthReport) -> bytes:
    changed = case.change(base)
    if isinstance(changed, bytes):
        return changed
    wb = build_workbook(changed.unit, changed.period, changed.data)
    if case.after:
        case.after(wb, changed)
    return stable_bytes(wb)


# --- The whole set ----------------------------------------------------------------------


def generate(
    out_dir: Path = Path("sample_data"),
    *,
    units: Iterable[str] | None = None,
    months: Iterable[str] | None = None,
    demos: bool = True,
) -> list[Path]:
    """Write the sample workbooks and return the paths written.

    ``units`` (codes) and ``months`` (``YYYY-MM``) limit the monthly files to a
    subset; the bytes of each file are the same as in a full run. ``demos``
    writes ``with_errors/`` and ``with_warnings/``. ``uploads.csv`` and the
    README list the monthly files of this run. Raises ``ValueError`` for an
    unknown unit code or a month outside the range.
    """
    out_dir = Path(out_dir)
    registry = read_units()
    wanted_units = set(units) if units is not None else {u.code for u in registry}
    unknown = wanted_units - {u.code for u in registry}
    if unknown:
        raise ValueError(f"unknown unit codes: {sorted(unknown)}")
    wanted_periods = {Month.parse(m) for m in months} if months is not None else set(MONTHS)
    if not wanted_periods <= set(MONTHS):
        raise ValueError(f"months outside {MONTHS[0]}…{MONTHS[-1]}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    uploads: list[MonthReport] = []
    histories = [simulate_unit(u) for u in registry if u.code in wanted_units]
    for history in histories:
        for report in history.months:
            if report.submitted and report.period in wanted_periods:
                path = out_dir / report.filename
                path.write_bytes(report_bytes(report))
                written.append(path)
                uploads.append(report)
    _write_uploads(out_dir / "uploads.csv", uploads)
    _write_readme(out_dir / "README.md", histories)
    written += [out_dir / "uploads.csv", out_dir / "README.md"]
    if demos:
        base_unit = next(u for u in registry if u.code == BASE_UNIT)
        base = _base_report(simulate_unit(base_unit))
        for folder, cases, title in (
            ("with_errors", ERROR_CASES, "ditolak"),
            ("with_warnings", WARNING_CASES, "diterima dengan peringatan"),
        ):
            target = out_dir / folder
            target.mkdir(exist_ok=True)
            for case in cases:
                (target / case.file).write_bytes(_build_case(case, base))
                written.append(target / case.file)
            _write_cases_readme(target / "README.md", cases, title, base)
            written.append(target / "README.md")
    return written


def _write_uploads(path: Path, reports: list[MonthReport]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["file", "uploaded_at", "uploaded_by"])
        for r in sorted(reports, key=lambda r: (r.uploaded_at, r.filename)):
            writer.writerow([r.filename, r.uploaded_at.isoformat(), r.uploaded_by])


def read_uploads(path: Path) -> dict[str, tuple[datetime, str]]:
    """``uploads.csv`` as file name -> (uploaded_at in UTC, uploaded_by)."""
    with Path(path).open(newline="", encoding="utf-8") as f:
        return {
            r["file"]: (datetime.fromisoformat(r["uploaded_at"]), r["uploaded_by"])
            for r in csv.DictReader(f)
        }


def _write_readme(path: Path, histories: list[UnitHistory]) -> None:
    lines = [
        "# Data contoh (sample data)",
        "",
        "Dibuat oleh `python cli.py sample` (`upt_dashboard/sample/`): deterministik — "
        "menjalankan ulang menghasilkan berkas yang sama persis byte demi byte. Jangan "
        "disunting dengan tangan; ubah generatornya.",
        "",
        f"- Periode: {MONTHS[0]} … {MONTHS[-1]} "
        f"({N_MONTHS} bulan), satu berkas `<KODE>_<YYYY-MM>.xlsx` per UPT per bulan, diisi "
        "ke templat resmi (`data_loaders/template.py`).",
        "- `uploads.csv`: kapan tiap berkas diunggah (UTC) dan oleh siapa; importer memakainya "
        "untuk ketepatan waktu laporan (batas: tanggal 10 bulan berikutnya).",
        "- `with_errors/`: satu berkas per jenis kesalahan, semuanya harus ditolak.",
        "- `with_warnings/`: satu berkas per jenis peringatan, diterima dengan peringatan.",
        "",
        "## Cerita dalam data",
        "",
    ]
    for title, text in STORIES:
        lines += [f"- **{title}.** {text}"]
    lines += [
        "",
        "## Ringkasan per UPT",
        "",
        "| UPT | Daya tampung | PM akhir (awal → akhir rentang) "
        "| Bulan di atas daya tampung | Pegawai (awal → akhir) | Berkas "
        "| Responden survei (rata-rata) | IKM (bulan pertama → terakhir) | Pengaduan |",
        "|---|---:|---|---:|---|---:|---:|---|---:|",
    ]
    for h in histories:
        months = h.months
        akhir = [m.data[PENERIMA_MANFAAT.name]["pm_akhir_bulan"] for m in months]
        over = sum(a > h.unit.capacity for a in akhir)
        staff = [len(m.data[KP.name]) for m in months]
        files = sum(m.submitted for m in months)
        survey = sum(len(m.data[SV.name]) for m in months) / len(months)
        ikm = [_ikm(m.data[SV.name]) for m in (months[0], months[-1])]
        complaints = len({r["nomor"] for m in months for r in m.data[PG.name]})
        start = months[0].data[PMF.name]["pm_awal_bulan"]
        lines.append(
            f"| {h.unit.code} | {h.unit.capacity} | {start} → {akhir[-1]} "
            f"(min {min(akhir)}, maks {max(akhir)}) | {over} | "
            f"{staff[0]} → {staff[-1]} | {files} | {survey:.0f} | "
            f"{ikm[0]:.2f} → {ikm[-1]:.2f} | {complaints} |"
        )
    lines += [
        "",
        "## Cara membuat ulang",
        "",
        "```",
        "python cli.py sample            # ke sample_data/",
        "python cli.py sample --out DIR  # ke folder lain",
        "```",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


def _ikm(rows: list[dict]) -> float:
    """IKM of one survey sheet (PermenPAN-RB 14/2017), for the README only."""
    return sum(sum(r[f"u{k}"] for r in rows) / len(rows) for k in range(1, 10)) / 9 * 25


def _write_cases_readme(
    path: Path, cases: tuple[Case, ...], outcome: str, base: MonthReport
) -> None:
    lines = [
        f"# Berkas contoh yang {outcome}",
        "",
        f"Setiap berkas adalah laporan {base.unit.code} {base.period} dari data "
        "contoh dengan satu perubahan. Kolom *aturan* adalah `rule` pada temuan validasi; "
        "*sel* adalah tempat yang disebut temuan (kosong = seluruh berkas/lembar).",
        "",
        "| Berkas | Lembar | Sel | Aturan | Yang harus dikatakan validasi |",
        "|---|---|---|---|---|",
    ]
    for c in cases:
        lines.append(
            f"| `{c.file}` | {c.sheet or '(berkas)'} | {c.where(base) or '—'} | "
            f"`{c.rule}` | {c.says} |"
        )
    lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


# --- CLI ----------------------------------------------------------------------------------


def add_parser(subparsers) -> argparse.ArgumentParser:
    """The ``sample`` sub-command: regenerate the sample data."""
    parser = subparsers.add_parser(
        "sample",
        help="buat ulang data contoh (sample_data/)",
        description="Tulis ulang data contoh: laporan bulanan semua UPT, uploads.csv, "
        "with_errors/ dan with_warnings/. Hasilnya selalu sama.",
    )
    parser.add_argument("--out", default="sample_data", help="folder tujuan (default: sample_data)")
    parser.add_argument(
        "--unit",
        action="append",
        dest="units",
        metavar="KODE",
        help="hanya UPT ini (boleh diulang)",
    )
    parser.add_argument(
        "--month",
        action="append",
        dest="months",
        metavar="YYYY-MM",
        help="hanya bulan ini (boleh diulang)",
    )
    return parser


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    try:
        paths = generate(
            Path(args.out), units=getattr(args, "units", None), months=getattr(args, "months", None)
        )
    except ValueError as exc:
        print(f"Gagal: {exc}")
        return 2
    workbooks = [p for p in paths if p.suffix == ".xlsx"]
    size = sum(p.stat().st_size for p in workbooks)
    print(
        f"{len(workbooks)} berkas .xlsx ditulis ke {args.out} "
        f"({size / 1e6:.1f} MB, {time.perf_counter() - started:.1f} detik)."
    )
    return 0


if __name__ == "__main__":
    _parser = argparse.ArgumentParser(prog="sample_generator")
    _sub = _parser.add_subparsers(required=True)
    add_parser(_sub)
    raise SystemExit(run(_parser.parse_args()))
