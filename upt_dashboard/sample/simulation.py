"""One unit over the whole range: the values of every sheet of every monthly report.

:func:`simulate_unit` walks the 24 months of ``stories.MONTHS`` and, from
the unit's profile, roster and its own random streams, simulates each
sheet: residents (Penerima Manfaat), services (Layanan), attendance
(Kehadiran Pegawai), complaints carried from report to report (Pengaduan),
the satisfaction survey (Survei Kepuasan), staff sessions (Pembinaan),
integrity (Integritas), and when the report was signed and uploaded. The
planted stories bend the numbers where ``stories`` says. Nothing here
writes a file; ``writing`` turns a :class:`MonthReport` into bytes.

The order of the draws is part of the output: reordering any call that
takes a random stream changes the sample files.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone

from data_loaders.schema import (
    IDENTITAS,
    INTEGRITAS,
    KEHADIRAN_PEGAWAI,
    LAYANAN,
    PEMBINAAN,
    PENERIMA_MANFAAT,
    PENGADUAN,
    SURVEI_KEPUASAN,
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
from upt_dashboard.sample.registry import Unit
from upt_dashboard.sample.stories import (
    ABSENT_DAYS,
    ABSENT_MONTH,
    DRIFT_LATE,
    DRIFT_TK,
    DRIFT_UNIT,
    FEW_RESPONDENTS_MONTHS,
    FEW_RESPONDENTS_UNIT,
    INCIDENTS,
    LATE_UNIT,
    LEBARAN_LATE_MONTH,
    LEBARAN_LATE_UNITS,
    LEVY_ANSWERS,
    LEVY_MONTH,
    LEVY_UNIT,
    MATERNITY_MONTHS,
    MATERNITY_UNIT,
    MINUTES_FROM,
    MISSING_MONTHS,
    MISSING_UNIT,
    MONTHS,
    MOVER_TK,
    N_MONTHS,
    OVER_CAPACITY_TARGETS,
    OVER_CAPACITY_UNIT,
    OVERDUE_RECEIVED,
    OVERDUE_UNIT,
    PENALTIES,
    SLIDE_FROM_TO,
    SLIDING_UNIT,
    SUPPLY_SHORTFALL,
    VISIT,
    VISIT_MONTH,
)
from upt_dashboard.sample.workdays import (
    add_working_days,
    eid_al_fitr,
    is_working_day,
    on_roster,
    roster_days,
    working_days,
)

# The units' local time (Waktu Indonesia Barat): reports are signed and uploaded in it.
WIB = timezone(timedelta(hours=7))


@dataclass
class Complaint:
    """One complaint over its life: it appears in every report from the month it came in
    until the report that shows it finished (see ``_pengaduan_rows``)."""

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
    """Everything simulated for one unit: its 24 month reports in order and its staff."""

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
    # Residents live in the home every day: sessions follow the calendar (about five
    # days in seven), not the office's working days, so holidays do not empty a month.
    days = period.days * 5 / 7
    residents = (pm["pm_awal_bulan"] + pm["pm_akhir_bulan"]) / 2
    # In the Lebaran month many staff are on leave: more sessions fall through.
    lebaran = bool(_lebaran_days(period))
    kept, missed = (0.3, (2, 3, 4)) if lebaran else (0.6, (1, 2, 3))
    rows = []
    for jenis, per_day, share in services:
        planned = max(1, round(days * per_day))
        roll = rng.random()
        if roll < 0.015:
            held = planned + rng.randint(1, 2)  # an extra session: a warning, still accepted
        elif roll < kept:
            held = planned
        else:
            held = planned - min(planned // 3, pick(rng, missed, (6, 3, 1)))
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


def _lebaran_days(period: Month) -> list[date]:
    """The days of Idul Fitri and its cuti bersama (a week from the first day) in ``period``."""
    eid = eid_al_fitr(period.year)
    return [d for d in (eid + timedelta(k) for k in range(-2, 8)) if period.contains(d)]


def _scheduled_days(e: Employee, period: Month) -> list[date]:
    """The days ``e`` is scheduled in ``period``: office days, or their care roster."""
    return roster_days(period, e.roster_offset) if e.shift else working_days(period)


def _lebaran_window(e: Employee, year: int) -> list[date]:
    """The employee's scheduled days from a week before Idul Fitri to two weeks after."""
    eid = eid_al_fitr(year)
    window = [eid + timedelta(d) for d in range(-7, 15)]
    if e.shift:
        return [d for d in window if on_roster(d, e.roster_offset)]
    return [d for d in window if is_working_day(d)]


def _attendance(
    unit: Unit,
    staff: list[Employee],
    period: Month,
    rng: random.Random,
    leave_used: dict[tuple[int, int], int],
) -> list[dict]:
    minutes = unit.code == DRIFT_UNIT and period >= MINUTES_FROM  # format version 2
    rows = []
    for idx, e in enumerate(staff):
        if not e.employed_in(period):
            continue
        scheduled = _scheduled_days(e, period)
        days = len(scheduled)
        used = leave_used.get((idx, period.year), 0)
        cuti = 0
        lebaran_window = _lebaran_window(e, period.year)
        lebaran_here = [d for d in lebaran_window if period.contains(d)]
        if lebaran_here:
            # Each employee's Lebaran leave: a few consecutive scheduled days in the window.
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
        tk = int(rng.random() < 0.012)
        if e.drifting:
            tk = DRIFT_TK.get(period, 0)
        elif e.mover:
            tk = MOVER_TK.get(period, 0)
        elif e.absent and period == ABSENT_MONTH:
            tk = ABSENT_DAYS
        sakit = rng.randint(1, 3) if rng.random() < e.sick_rate else 0
        izin = rng.randint(1, 2) if rng.random() < 0.06 else 0
        dinas_luar = rng.randint(1, 4) if rng.random() < e.field_rate and not e.shift else 0
        parts = [tk, sakit, izin, dinas_luar]
        for k in range(len(parts)):  # never more absences than days left
            parts[k] = min(parts[k], free)
            free -= parts[k]
        tk, sakit, izin, dinas_luar = parts
        hadir = free
        tl = _bands(rng, binomial(rng, hadir, e.late_rate), (75, 15, 6, 4))
        if e.drifting and period.year == 2026:
            tl = [min(DRIFT_LATE[0], hadir), min(DRIFT_LATE[1], hadir - DRIFT_LATE[0]), 0, 0]
        psw = _bands(rng, binomial(rng, hadir, e.early_rate), (80, 12, 5, 3))
        missed = tl[1] + tl[2] + tl[3] + binomial(rng, tl[0], 0.3) + binomial(rng, hadir, 0.01)
        row = {
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
        if minutes:  # the attendance machine's minutes, within each day's band
            row["menit_terlambat"] = _minutes(rng, tl)
            row["menit_pulang_cepat"] = _minutes(rng, psw)
        rows.append(row)
    order = {"PNS": 0, "PPPK": 1, "Non ASN": 2}
    rows.sort(key=lambda r: (order[r["status"]], r["nip"] or "", r["nama"]))
    return rows


# Minutes a late (or early) day lasts in each band; TL4/PSW4 is "over 90 minutes".
_BAND_MINUTES = ((1, 30), (31, 60), (61, 90), (91, 180))


def _minutes(rng: random.Random, days: list[int]) -> int:
    """Total minutes of ``days`` late (or early) days per band, each within its band."""
    return sum(rng.randint(*_BAND_MINUTES[b]) for b, n in enumerate(days) for _ in range(n))


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
    if unit.code == OVERDUE_UNIT:  # the planted complaint that is never closed
        year = OVERDUE_RECEIVED.year
        seq[year] = seq.get(year, 0) + 1
        complaints.append(
            Complaint(
                nomor=f"PGD/{unit.code}/{year}/{seq[year]:04d}",
                masuk=OVERDUE_RECEIVED,
                saluran="SP4N-LAPOR!",
                kategori="Administrasi",
                ringkasan="Permintaan salinan data PM untuk keperluan BPJS",
                selesai=None,
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
    # U4 (Biaya/Tarif) is 4 for everyone: the homes charge nothing. The other eight
    # elements carry the unit's satisfaction: their mean is set so the IKM is the profile's.
    mean = (_unit_ikm(unit, prof, i) / 25 * 9 - 4) / 8
    offsets = list(ELEMENT_OFFSETS)
    if unit.code == SLIDING_UNIT:  # buildings and waiting times get worse faster
        offsets[7] -= 0.15 * i / (N_MONTHS - 1)
        offsets[2] -= 0.1 * i / (N_MONTHS - 1)
    others = [o for k, o in enumerate(offsets) if k != U4]
    shift = sum(others) / len(others)
    offsets = [o - shift for o in offsets]
    levy = list(LEVY_ANSWERS) if (unit.code, period) == (LEVY_UNIT, LEVY_MONTH) else []
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
        scores["u4"] = levy.pop() if levy else 4  # free, unless the planted levy
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


U4 = 3  # index of the Biaya/Tarif element among U1..U9


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
