"""What each unit and each unit type is like: the parameters the simulation draws from.

Per unit (:data:`PROFILES`): typical residents, staff size, head of unit,
satisfaction, complaint and posting rates, close to the real units. Per
unit type: resident flows (:data:`FLOWS`), services offered
(:data:`SERVICES`), who answers the survey (:data:`RESPONDENT_MIX`), and
the survey's element offsets. The planted stories that bend these numbers
in particular months are in ``stories``.
"""

from __future__ import annotations

from dataclasses import dataclass

from upt_dashboard.sample.people import person_name
from upt_dashboard.sample.randomness import stream
from upt_dashboard.sample.registry import Unit


@dataclass(frozen=True)
class Profile:
    """What makes one unit's numbers its own."""

    residents: int  # typical PM Akhir Bulan
    staff: int  # employees at the start (40–80)
    head: str  # Nama Kepala UPT
    ikm: float  # typical IKM (25–100)
    complaints: float  # mean new complaints a month
    posts: int  # typical service-information posts a month


PROFILES: dict[str, Profile] = {
    "PSTW-JBG": Profile(132, 54, "Plt. Budiharjo, S.Pd., M.Si", 86.0, 1.3, 8),
    "PSTW-MGT": Profile(142, 56, "Dra. Sri Wahyuni Handayani, M.Si.", 89.5, 1.0, 6),
    "PSTW-PSR": Profile(165, 60, "Agus Setiyono, S.Sos., M.M.", 84.0, 1.4, 10),
    "PSTW-JMR": Profile(142, 55, "Drs. Bambang Hariyanto, M.Si.", 82.5, 1.2, 5),
    "PSTW-BWI": Profile(112, 50, "Endah Kusumawati, S.Sos., M.AP.", 85.0, 1.2, 4),
    "PSTW-BDW": Profile(102, 46, "Moch. Imron Rosyadi, S.Sos.", 81.0, 0.8, 3),
    "PSTW-BLT": Profile(121, 50, "Dwi Lestari Rahayu, S.Psi., M.Psi.", 83.5, 1.0, 7),
    "RSBL-KDR": Profile(300, 72, "Mohamad Zusron Ansori, S.Sos.", 85.5, 1.8, 12),
    "RSBL-PSR": Profile(305, 74, "Heru Prasetyo, S.Kep., Ns., M.Kes.", 81.5, 1.9, 6),
    "PSBR-BLT": Profile(84, 46, "Yusuf Effendi, S.Pd., M.Pd.", 87.0, 0.9, 14),
    "PSAA-TLA": Profile(68, 44, "Nur Aini Fitriyah, S.Sos., M.Si.", 90.0, 0.7, 9),
    "PRS-SDA": Profile(400, 78, "Drs. Gatot Sunaryo, M.M.", 78.5, 2.4, 11),
    "RSBN-MLG": Profile(76, 45, "Teguh Santoso, S.Sos., M.Si.", 88.0, 0.8, 8),
}


def profile(unit: Unit) -> Profile:
    """The unit's profile; a unit added to the registry later gets one derived
    from its capacity (and its own random stream), so the generator always
    covers every unit."""
    if unit.code in PROFILES:
        return PROFILES[unit.code]
    rng = stream(unit.code, "profile")
    return Profile(
        round(unit.capacity * 0.9),
        max(40, min(80, 30 + unit.capacity // 8)),
        person_name(rng, rng.random() < 0.5, titled=True),
        rng.uniform(80, 88),
        1.0,
        6,
    )


# Monthly exit rates per resident, by reason, and the share of men, by unit type.
@dataclass(frozen=True)
class Flows:
    reintegrasi: float
    rujukan: float
    meninggal: float
    lainnya: float
    male_share: float


FLOWS: dict[str, Flows] = {
    # Neglected elderly: deaths are the main way out; few return to family.
    "PSTW": Flows(0.003, 0.004, 0.012, 0.002, 0.42),
    # Mental disability: the outcome that matters is return to family.
    "RSBL": Flows(0.024, 0.006, 0.0015, 0.003, 0.62),
    "PSBR": Flows(0.0, 0.0, 0.0, 0.008, 0.56),  # cohorts, see simulation._simulate_residents
    "PSAA": Flows(0.010, 0.002, 0.0, 0.003, 0.50),
    "PRS": Flows(0.050, 0.018, 0.0025, 0.008, 0.61),
    "RSBN": Flows(0.020, 0.002, 0.0, 0.003, 0.60),
}
DEFAULT_FLOWS = Flows(0.015, 0.004, 0.002, 0.004, 0.5)

# Services by unit type: (Jenis Layanan, sessions per working day, share of
# residents taking part in a session). The first five are always offered.
SERVICES: dict[str, tuple[tuple[str, float, float], ...]] = {
    "PSTW": (
        ("Bimbingan Fisik", 1.0, 0.55),
        ("Bimbingan Mental Spiritual", 0.45, 0.7),
        ("Bimbingan Sosial", 0.2, 0.5),
        ("Layanan Kesehatan", 0.25, 0.9),
        ("Bimbingan Keterampilan", 0.2, 0.25),
        ("Dukungan Keluarga", 0.1, 0.08),
        ("Lainnya", 0.05, 0.6),
        ("Terapi Psikososial", 0.1, 0.15),
    ),
    "RSBL": (
        ("Terapi Psikososial", 0.6, 0.35),
        ("Bimbingan Mental Spiritual", 0.45, 0.6),
        ("Bimbingan Fisik", 1.0, 0.5),
        ("Layanan Kesehatan", 0.3, 0.9),
        ("Dukungan Keluarga", 0.15, 0.06),
        ("Bimbingan Keterampilan", 0.4, 0.2),
        ("Bimbingan Sosial", 0.2, 0.4),
    ),
    "PSBR": (
        ("Bimbingan Keterampilan", 1.0, 0.9),
        ("Bimbingan Sosial", 0.3, 0.9),
        ("Bimbingan Mental Spiritual", 0.45, 0.9),
        ("Bimbingan Fisik", 0.45, 0.9),
        ("Terapi Psikososial", 0.1, 0.3),
        ("Dukungan Keluarga", 0.05, 0.3),
    ),
    "PSAA": (
        ("Bimbingan Sosial", 0.3, 0.9),
        ("Bimbingan Mental Spiritual", 0.5, 0.9),
        ("Bimbingan Fisik", 0.3, 0.8),
        ("Layanan Kesehatan", 0.1, 0.9),
        ("Lainnya", 0.8, 0.8),
        ("Bimbingan Keterampilan", 0.2, 0.5),
        ("Dukungan Keluarga", 0.05, 0.15),
    ),
    "PRS": (
        ("Bimbingan Sosial", 0.4, 0.5),
        ("Bimbingan Mental Spiritual", 0.45, 0.6),
        ("Terapi Psikososial", 0.4, 0.25),
        ("Layanan Kesehatan", 0.3, 0.8),
        ("Bimbingan Keterampilan", 0.3, 0.2),
        ("Dukungan Keluarga", 0.2, 0.05),
        ("Bimbingan Fisik", 0.6, 0.4),
        ("Lainnya", 0.5, 0.1),
    ),
    "RSBN": (
        ("Bimbingan Keterampilan", 1.0, 0.7),
        ("Bimbingan Fisik", 0.6, 0.6),
        ("Bimbingan Sosial", 0.2, 0.8),
        ("Bimbingan Mental Spiritual", 0.4, 0.8),
        ("Layanan Kesehatan", 0.1, 0.9),
        ("Terapi Psikososial", 0.1, 0.3),
    ),
}
DEFAULT_SERVICES = SERVICES["PSTW"]

# Who answers the satisfaction survey, by unit type (Penerima Manfaat,
# Keluarga, Pengunjung, Mitra) and the age range of residents who answer.
RESPONDENT_MIX: dict[str, tuple[tuple[float, float, float, float], tuple[int, int]]] = {
    "PSTW": ((0.35, 0.35, 0.2, 0.1), (60, 92)),
    "RSBL": ((0.2, 0.5, 0.15, 0.15), (20, 60)),
    "PSBR": ((0.6, 0.25, 0.05, 0.1), (15, 21)),
    "PSAA": ((0.4, 0.25, 0.2, 0.15), (13, 18)),
    "PRS": ((0.35, 0.3, 0.1, 0.25), (18, 65)),
    "RSBN": ((0.55, 0.25, 0.1, 0.1), (17, 45)),
}

# Element offsets from the unit's mean score: the service is free (U4 high),
# buildings and waiting are the weak spots (U8, U3).
ELEMENT_OFFSETS = (0.03, 0.0, -0.12, 0.38, 0.0, 0.05, 0.08, -0.16, -0.10)
