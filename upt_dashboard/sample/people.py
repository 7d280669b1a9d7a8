"""The people in the sample: names, NIPs and each unit's roster of employees.

A roster is drawn once per unit from its own random stream and kept for the
whole range, so the same person has the same name and NIP every month; only
the story changes apply (retirement at 58, Non ASN appointed PPPK paruh
waktu in January 2026). Heads of units come from ``profiles.PROFILES``; a
unit without a profile gets a name from :func:`person_name`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from upt_dashboard.months import Month
from upt_dashboard.sample.randomness import pick, stream
from upt_dashboard.sample.registry import Unit
from upt_dashboard.sample.stories import (
    ABSENT_UNIT,
    CONVERSION_MONTH,
    DRIFT_UNIT,
    MATERNITY_UNIT,
    MOVER_FROM,
    MOVER_MONTH,
    MOVER_NAME,
    MOVER_NIP,
    MOVER_TO,
)
from upt_dashboard.sample.workdays import ROSTER_CYCLE

# Batas Usia Pensiun of a PNS: they stop appearing the month after this birthday.
RETIREMENT_AGE = 58
# Share of the staff who care for residents around the clock on a shift roster
# (pramu sosial, perawat, pengasuh), by unit type; the rest keep office hours.
CARE_SHARE = {"PSTW": 0.45, "RSBL": 0.5, "PRS": 0.45, "RSBN": 0.4, "PSBR": 0.35, "PSAA": 0.4}

MALE_FIRST = (
    "Agus",
    "Ahmad",
    "Andi",
    "Arif",
    "Bambang",
    "Budi",
    "Dedi",
    "Didik",
    "Eko",
    "Fajar",
    "Hadi",
    "Hendra",
    "Heru",
    "Imam",
    "Joko",
    "Khoirul",
    "Mochamad",
    "Muhammad",
    "Nur",
    "Rahmat",
    "Rudi",
    "Slamet",
    "Sugeng",
    "Teguh",
    "Wahyu",
    "Yusuf",
    "Zainal",
    "Anang",
    "Faisal",
    "Ilham",
    "Rizky",
    "Bayu",
    "Aditya",
    "Yoga",
    "Gatot",
    "Dimas",
    "Fathur",
    "Anton",
    "Hari",
    "Sigit",
)
FEMALE_FIRST = (
    "Ani",
    "Dewi",
    "Endah",
    "Fitri",
    "Indah",
    "Lilik",
    "Rina",
    "Siti",
    "Sri",
    "Tri",
    "Umi",
    "Yuli",
    "Dian",
    "Eka",
    "Erna",
    "Ika",
    "Kartika",
    "Mega",
    "Novi",
    "Puji",
    "Ratna",
    "Rini",
    "Septi",
    "Titik",
    "Anis",
    "Dyah",
    "Nurul",
    "Wiwik",
    "Laili",
    "Evi",
    "Maya",
    "Retno",
    "Yeni",
    "Lusi",
    "Nanik",
)
LAST_COMMON = (
    "Santoso",
    "Wibowo",
    "Setiawan",
    "Prasetyo",
    "Hidayat",
    "Susanto",
    "Kurniawan",
    "Nugroho",
    "Purnomo",
    "Hartono",
    "Sulistyo",
    "Hakim",
    "Wijaya",
    "Firmansyah",
    "Saputra",
    "Maulana",
    "Ardiansyah",
    "Efendi",
    "Hariyadi",
    "Syahputra",
    "Utomo",
    "Rohman",
    "Kusuma",
    "Pratama",
    "Hidayatullah",
)
LAST_FEMALE = (
    "Rahmawati",
    "Lestari",
    "Handayani",
    "Wulandari",
    "Susanti",
    "Yulianti",
    "Fauziah",
    "Anggraini",
    "Ningsih",
    "Puspitasari",
    "Rahayu",
    "Kurniasari",
    "Safitri",
    "Permatasari",
    "Maharani",
)
SINGLE_MALE = (
    "Suparno",
    "Sukardi",
    "Sumadi",
    "Mujiono",
    "Supriyadi",
    "Kasiadi",
    "Suwaji",
    "Sutikno",
)
SINGLE_FEMALE = ("Sumarni", "Suwarni", "Sulastri", "Kasmini", "Sunarsih", "Sutini", "Poniyem")
DEGREES = (
    ", S.Sos.",
    ", S.Kep., Ns.",
    ", S.Pd.",
    ", S.E.",
    ", A.Md.",
    ", S.Psi.",
    ", S.H.",
    ", S.Tr.Sos.",
    ", S.Sos., M.Si.",
    ", S.Kom.",
    ", A.Md.Kep.",
    ", S.AP.",
    ", S.Gz.",
)


def person_name(rng: random.Random, male: bool, titled: bool, old: bool = False) -> str:
    """An East Javanese name for a man or a woman, with a degree if ``titled``; ``old``
    (born before 1975) allows the single names of that generation."""
    if old and rng.random() < 0.4:
        name = rng.choice(SINGLE_MALE if male else SINGLE_FEMALE)
    else:
        first = rng.choice(MALE_FIRST if male else FEMALE_FIRST)
        last = rng.choice(LAST_COMMON if male or rng.random() < 0.4 else LAST_FEMALE)
        name = f"{first} {last}"
    return name + (rng.choice(DEGREES) if titled else "")


@dataclass
class Employee:
    """One person on a unit's staff over the whole range: who they are and how they behave.

    Status and NIP are as at the start of the range; ``status_in``/``nip_in`` give
    them for a month (a Non ASN appointed PPPK gets a NIP from ``converted``'s month).
    """

    name: str
    male: bool
    birth: date
    status: str  # status at the start of the range
    nip: str | None
    appointed: Month | None = None  # PNS/PPPK appointment (TMT)
    converted: tuple[str, Month] | None = None  # (new NIP, from month): Non ASN -> PPPK
    late_rate: float = 0.04  # share of days present with a late arrival
    early_rate: float = 0.02
    sick_rate: float = 0.08
    field_rate: float = 0.2  # chance of some Dinas Luar in a month
    drifting: bool = False
    maternity: bool = False
    shift: bool = False  # on a care roster (weekends and holidays included), not office hours
    roster_offset: int = 0
    start: Month | None = None  # first month in this unit (None: before the range)
    end: Month | None = None  # last month in this unit (None: to the end, or retirement)
    mover: bool = False  # the PNS who moves between units (stories.MOVER_*)
    absent: bool = False  # the Non ASN absent ten days in one month (stories.ABSENT_*)

    def status_in(self, period: Month) -> str:
        return "PPPK" if self.converted and period >= self.converted[1] else self.status

    def nip_in(self, period: Month) -> str | None:
        return self.converted[0] if self.converted and period >= self.converted[1] else self.nip

    def employed_in(self, period: Month) -> bool:
        if (self.start and period < self.start) or (self.end and period > self.end):
            return False
        if self.status != "PNS":
            return True
        # Retirement (BUP) starts on the first day of the month after the 58th birthday.
        return period < Month(self.birth.year + RETIREMENT_AGE, self.birth.month) + 1


def _nip(birth: date, appointed: str, male: bool, seq: int) -> str:
    """18 digits: birth yyyymmdd + appointment (yyyymm, or yyyy21 for PPPK) + sex (1 man,
    2 woman) + a 3-digit sequence."""
    return f"{birth:%Y%m%d}{appointed}{1 if male else 2}{seq:03d}"


def roster(unit: Unit, size: int) -> list[Employee]:
    """The unit's ``size`` employees at the start of the range (half PNS, 15% PPPK, the rest
    Non ASN), with unique names and NIPs, and the story roles: the PRS Sidoarjo drifter,
    the RSBL Kediri mother on maternity leave, the Non ASN appointed PPPK in January 2026."""
    rng = stream(unit.code, "pegawai")
    n = size
    statuses = ["PNS"] * round(n * 0.5) + ["PPPK"] * round(n * 0.15)
    statuses += ["Non ASN"] * (n - len(statuses))
    names, nips, staff = set(), set(), []
    for status in statuses:
        male = rng.random() < 0.48
        if status == "PNS":
            birth = date(rng.randint(1967, 1998), rng.randint(1, 12), rng.randint(1, 28))
        elif status == "PPPK":
            birth = date(rng.randint(1972, 1998), rng.randint(1, 12), rng.randint(1, 28))
        else:
            birth = date(rng.randint(1976, 2004), rng.randint(1, 12), rng.randint(1, 28))
        name = person_name(
            rng,
            male,
            titled=rng.random() < (0.7 if status != "Non ASN" else 0.3),
            old=birth.year < 1975,
        )
        while name in names:
            name = person_name(rng, male, titled=status != "Non ASN")
        names.add(name)
        nip, appointed = None, None
        if status == "PNS":
            year = min(2024, birth.year + rng.randint(23, 33))
            appointed = Month(year, pick(rng, (1, 2, 3, 4, 12), (4, 2, 3, 2, 1)))
            code = f"{appointed.year}{appointed.month:02d}"
        elif status == "PPPK":
            appointed = Month(rng.choice((2021, 2022, 2023, 2024)), 1)
            code = f"{appointed.year}21"
        if status != "Non ASN":
            nip = _unique_nip(rng, birth, code, male, nips)
        staff.append(
            Employee(
                name=name,
                male=male,
                birth=birth,
                status=status,
                nip=nip,
                appointed=appointed,
                late_rate=pick(rng, (0.01, 0.04, 0.08, 0.18), (30, 45, 18, 7)),
                early_rate=pick(rng, (0.0, 0.02, 0.05), (50, 40, 10)),
                sick_rate=rng.uniform(0.04, 0.12),
                field_rate=pick(rng, (0.05, 0.2, 0.5), (40, 45, 15)),
                shift=rng.random() < CARE_SHARE.get(unit.type, 0.4),
                roster_offset=rng.randrange(ROSTER_CYCLE),
            )
        )
    # Some Non ASN staff become PPPK paruh waktu in January 2026 and get a NIP.
    non_asn = [e for e in staff if e.status == "Non ASN" and e.birth.year <= 1998]
    for e in rng.sample(non_asn, k=min(len(non_asn), rng.randint(2, 5))):
        e.converted = (_unique_nip(rng, e.birth, "202521", e.male, nips), CONVERSION_MONTH)
    if unit.code == DRIFT_UNIT:
        drifter = next(
            e for e in staff if e.status == "PNS" and e.male and 1980 <= e.birth.year <= 1992
        )
        drifter.drifting, drifter.late_rate = True, 0.3
    if unit.code == MATERNITY_UNIT:
        mother = next(
            e for e in staff if not e.male and e.status in ("PNS", "PPPK") and e.birth.year >= 1990
        )
        mother.maternity = True
    if unit.code == ABSENT_UNIT:
        next(e for e in staff if e.status == "Non ASN" and not e.converted).absent = True
    if unit.code in (MOVER_FROM, MOVER_TO):
        staff.append(_mover(unit.code))
    return staff


def _mover(unit_code: str) -> Employee:
    """The PNS who moves from ``MOVER_FROM`` to ``MOVER_TO``: same name and NIP in both."""
    leaving = unit_code == MOVER_FROM
    return Employee(
        name=MOVER_NAME,
        male=True,
        birth=date(1986, 4, 12),
        status="PNS",
        nip=MOVER_NIP,
        appointed=Month(2010, 12),
        late_rate=0.04,
        end=MOVER_MONTH - 1 if leaving else None,
        start=None if leaving else MOVER_MONTH,
        mover=True,
    )


def _unique_nip(rng: random.Random, birth: date, code: str, male: bool, used: set[str]) -> str:
    seq = rng.randint(1, 12)
    while (nip := _nip(birth, code, male, seq)) in used:
        seq += 1
    used.add(nip)
    return nip
