"""The stories the sample data tells, as data: which unit does what in which month.

The simulation reads these constants to plant each story (a unit over
capacity, a satisfaction slide, missed and late reports, an employee
drifting toward the PP 94/2021 threshold, ...); ``STORIES`` is the same
list in words, printed into ``sample_data/README.md``, so code and README
describe one thing. Months are :class:`~upt_dashboard.months.Month`; every
month named here lies in ``MONTHS``, the 24 months the sample covers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from upt_dashboard.months import Month

# The range of the sample: one report per unit per month, 2024-11 … 2026-10.
FIRST_MONTH = Month(2024, 11)
N_MONTHS = 24
MONTHS: tuple[Month, ...] = tuple(Month.range(FIRST_MONTH, FIRST_MONTH + (N_MONTHS - 1)))

OVER_CAPACITY_UNIT = "PSTW-MGT"  # takes emergency referrals; some months over capacity
# Above 105% of the capacity of 145: red by the occupancy bands, not only a warning.
OVER_CAPACITY_TARGETS = {Month(2025, 12): 155, Month(2026, 1): 156, Month(2026, 2): 154}
SLIDING_UNIT = "PSTW-BWI"  # satisfaction slides from band B to band C
SLIDE_FROM_TO = (85.5, 71.5)
FEW_RESPONDENTS_UNIT = "PSTW-BDW"  # too few survey respondents some months
FEW_RESPONDENTS_MONTHS = {Month(2025, 2), Month(2025, 7), Month(2026, 5), Month(2026, 6)}
MISSING_UNIT = "PSAA-TLA"
MISSING_MONTHS = {Month(2025, 7), Month(2026, 2)}
LATE_UNIT = "PSBR-BLT"  # uploads on the 12th–20th of the following month
DRIFT_UNIT = "PRS-SDA"  # one PNS's unexplained absences climb toward 11 days in 2026
# PRS Sidoarjo's attendance machine exports minutes: its reports use format version 2
# (Menit Terlambat / Menit Pulang Cepat) from this month on.
MINUTES_FROM = Month(2026, 6)
# The drifter's late arrivals each month of 2026: (TL1 days, TL2 days). With the band
# lower bounds (1 and 31 minutes) that is at least 4 + 62 = 66 minutes a month.
DRIFT_LATE = (4, 2)
DRIFT_TK = {
    Month(2025, 10): 1,
    Month(2025, 12): 1,
    Month(2026, 1): 1,
    Month(2026, 2): 1,
    Month(2026, 3): 2,
    Month(2026, 4): 1,
    Month(2026, 5): 2,
    Month(2026, 6): 1,
    Month(2026, 7): 1,
    Month(2026, 8): 1,
}
# Light penalties after the drifting employee passed 3 (March) and 7 (May),
# and after the Jombang social-media incident.
PENALTIES = {
    ("PRS-SDA", Month(2026, 4)): (1, 0, 0),
    ("PRS-SDA", Month(2026, 6)): (1, 0, 0),
    ("PSTW-JBG", Month(2025, 9)): (1, 0, 0),
    ("RSBL-PSR", Month(2025, 5)): (0, 1, 0),
}
# Social-media incidents: (count, followed up).
INCIDENTS = {
    ("PSTW-JBG", Month(2025, 8)): (1, 1),
    ("RSBL-PSR", Month(2025, 3)): (1, 1),
    ("RSBL-KDR", Month(2026, 4)): (2, 1),
    ("PSTW-BWI", Month(2026, 7)): (1, 1),
}
VISIT = {"PSTW-JBG": date(2025, 9, 16), "RSBL-KDR": date(2025, 9, 17)}
VISIT_MONTH = Month(2025, 9)
MATERNITY_UNIT = "RSBL-KDR"
MATERNITY_MONTHS = {Month(2025, 8), Month(2025, 9), Month(2025, 10)}
# Below 95% of the residents served: red by the basic-needs bands.
SUPPLY_SHORTFALL = {("PRS-SDA", Month(2026, 1)): 28, ("PSTW-JMR", Month(2025, 6)): 10}
CONVERSION_MONTH = Month(2026, 1)  # some Non ASN staff appointed PPPK paruh waktu
LEBARAN_LATE_UNITS = {"PSTW-JMR", "RSBN-MLG"}  # March 2025 report late after Lebaran
LEBARAN_LATE_MONTH = Month(2025, 3)  # Eid al-Fitr 2025 fell on 31 March
# A PNS moves from RSBL Pasuruan to RSBL Kediri in June 2026: 6 TK days in each unit, one
# person with 12 days (step 11 of PP 94/2021), not two people with 6.
MOVER_NAME = "Hendra Wicaksono, S.Kep."
MOVER_NIP = "198604122010121003"
MOVER_FROM, MOVER_TO, MOVER_MONTH = "RSBL-PSR", "RSBL-KDR", Month(2026, 6)
MOVER_TK = {
    Month(2026, 2): 2,
    Month(2026, 3): 2,
    Month(2026, 4): 2,
    Month(2026, 7): 3,
    Month(2026, 8): 3,
}
# A Non ASN at RSBN Malang absent without explanation 10 days in September 2026.
ABSENT_UNIT, ABSENT_MONTH, ABSENT_DAYS = "RSBN-MLG", Month(2026, 9), 10
# A complaint RSBL Pasuruan never closes: open and overdue from late August 2026.
OVERDUE_UNIT = "RSBL-PSR"
OVERDUE_RECEIVED = date(2026, 8, 20)
# Residents of a home that charges nothing answer U4 (Biaya/Tarif) below 4 once.
LEVY_UNIT, LEVY_MONTH, LEVY_ANSWERS = "PSTW-JMR", Month(2026, 5), (3, 2, 3, 2, 2)

STORIES: tuple[tuple[str, str], ...] = (
    (
        "Penghuni mendekati angka nyata",
        "PSTW Magetan sekitar 142 (kapasitas 145), PSTW Pasuruan sekitar 165, RSBL Kediri "
        "sekitar 300, RSBL Pasuruan sekitar 305, PRS Sidoarjo sekitar 400; unit lain 85–95% "
        "dari kapasitasnya. PM Awal Bulan selalu sama dengan PM Akhir Bulan bulan sebelumnya.",
    ),
    (
        "Arus PM sesuai jenis UPT",
        "PSTW: yang keluar terutama meninggal (±1,2% penghuni sebulan), sedikit reintegrasi. "
        "RSBL dan RSBN: reintegrasi ke keluarga ±2–2,5% sebulan. PRS Sidoarjo: arus besar "
        "(masuk hasil penjangkauan, keluar reintegrasi dan rujukan). PSBR Blitar: dua angkatan "
        "pelatihan 6 bulan yang bergantian (angkatan lulus — reintegrasi — dan angkatan baru "
        "masuk pada Maret, Juni, September dan Desember). PSAA Tulungagung: anak lulus SMA "
        "keluar (reintegrasi) setiap Juli.",
    ),
    (
        "Melebihi daya tampung",
        "PSTW Magetan (daya tampung 145, biasanya terisi 140–145) menerima rujukan darurat "
        "Desember 2025 – Februari 2026 dan selama itu penghuninya di atas 105% daya tampung "
        "(lihat tabel di bawah); laporannya tetap diterima dengan peringatan. Unit lain tidak "
        "pernah melebihi daya tampung.",
    ),
    (
        "Kebutuhan dasar",
        "Biasanya semua PM terpenuhi (sesekali kurang 1–3 orang); PRS Sidoarjo Januari 2026 "
        "kurang 28 orang (lonjakan PM akhir tahun) dan PSTW Jember Juni 2025 kurang 10 — "
        "keduanya di bawah 95%.",
    ),
    (
        "Cuti Lebaran",
        "Cuti memuncak di sekitar Idul Fitri (31 Maret 2025 dan 21 Maret 2026, dari pustaka "
        "holidays): sekitar separuh pegawai mengambil 2–5 hari cuti di sekitar tanggal itu. "
        "Ketersediaan pegawai turun, kehadiran (disiplin) tidak; di bulan Lebaran lebih banyak "
        "sesi layanan yang tidak terlaksana.",
    ),
    (
        "Hari kerja pegawai",
        "Pegawai kantor bekerja Senin–Jumat kecuali libur nasional dan cuti bersama; pegawai "
        "pelayanan (pramu sosial, perawat) bekerja bergilir enam hari dari setiap delapan, "
        "termasuk Sabtu, Minggu dan hari libur, sehingga Hari Kerja mereka 22–24 hari.",
    ),
    (
        "Pegawai mendekati ambang PP 94/2021",
        "Seorang PNS di PRS Sidoarjo: TK 2 hari pada 2025, lalu pada 2026 kumulatif 4 hari di "
        "Maret (lewat ambang 3), 7 di Mei, 10 di Agustus. Ia juga terlambat setiap bulan; "
        "sejak Juni 2026 PRS Sidoarjo mengirim format versi 2 dengan menit keterlambatan. "
        "Keterlambatan itu (menit ÷ 450) membuat totalnya melewati ambang 11 pada Agustus, "
        "walaupun TK-nya baru 10. Hukuman disiplin ringan tercatat April dan Juni 2026.",
    ),
    (
        "Kepuasan yang menurun",
        "IKM PSTW Banyuwangi turun bertahap dari sekitar 85 (B) ke sekitar 72 (C) pada Oktober "
        "2026; pengaduannya bertambah (terutama sarana prasarana) dan selesai makin lama.",
    ),
    (
        "Responden survei kurang",
        "Unit lain mengisi survei sesuai tabel Krejcie–Morgan untuk jumlah PM dilayani (PM Awal "
        "+ PM Masuk); PSTW Bondowoso pada Februari dan Juli 2025 serta Mei dan Juni 2026 hanya "
        "mengumpulkan 50–70% dari yang diperlukan (peringatan sampel).",
    ),
    (
        "Pengaduan",
        "0–4 pengaduan baru per bulan per unit dengan Nomor tetap (PGD/<KODE>/<TAHUN>/<urut>). "
        "Sebagian besar selesai dalam 1–5 hari kerja; sebagian lebih lama dan muncul lagi di "
        "laporan bulan berikutnya dengan Status Proses, lalu Selesai di laporan kemudian.",
    ),
    (
        "Kunjungan Kepala Dinas dan media sosial",
        "Insiden etika media sosial di PSTW Jombang (Agustus 2025) ditindaklanjuti dan berbuah "
        "hukuman disiplin ringan (September). Kepala Dinas membina PSTW Jombang (16/09/2025) dan "
        "RSBL Kediri (17/09/2025); Oktober 2025 semua unit mengadakan pembinaan Etika Media "
        "Sosial dan unggahan informasi layanan bertambah. Insiden lain jarang: RSBL Pasuruan "
        "(Maret 2025), RSBL Kediri (April 2026, 2 insiden, 1 ditindaklanjuti), PSTW Banyuwangi "
        "(Juli 2026).",
    ),
    (
        "Laporan terlambat dan bolong",
        "PSBR Blitar selalu mengunggah tanggal 12–20 bulan berikutnya (terlambat). PSAA "
        "Tulungagung tidak melapor Juli 2025 dan Februari 2026; pengaduan yang masuk di bulan "
        "itu dilaporkan di laporan berikutnya. PSTW Jember dan RSBN Malang mengunggah laporan "
        "Maret 2025 terlambat karena libur Lebaran. Unit lain mengunggah tanggal 2–10.",
    ),
    (
        "Pegawai",
        "40–80 pegawai per unit, identitas tetap dari bulan ke bulan; NIP 18 digit sebagai teks "
        "(tanggal lahir + TMT yyyymm + jenis kelamin + urut; PPPK memakai pola tahun + 21); "
        "Non ASN tanpa NIP. PNS pensiun pada usia 58 (berhenti muncul bulan berikutnya); "
        "Januari 2026 beberapa Non ASN diangkat PPPK paruh waktu (mendapat NIP). Seorang pegawai "
        "RSBL Kediri cuti melahirkan Agustus–Oktober 2025.",
    ),
    (
        "Pegawai pindah UPT",
        "Seorang PNS pindah dari RSBL Pasuruan ke RSBL Kediri pada Juni 2026 dengan NIP yang "
        "sama: TK 6 hari di Pasuruan (Februari–April) dan 6 hari di Kediri (Juli–Agustus). "
        "Sejak Januari ia satu orang dengan 12 hari (ambang 11), bukan dua orang dengan 6.",
    ),
    (
        "TK sepuluh hari sebulan",
        "Seorang pegawai Non ASN RSBN Malang tidak masuk tanpa keterangan 10 hari pada "
        "September 2026: ditandai untuk diperiksa Kepala UPT.",
    ),
    (
        "Pengaduan menunggak",
        "Satu pengaduan RSBL Pasuruan yang masuk 20 Agustus 2026 tidak pernah selesai: sejak "
        "akhir Agustus terbuka lewat tenggat dan masuk daftar tunggakan.",
    ),
    (
        "Biaya/Tarif (U4)",
        "Semua UPT tidak memungut biaya, sehingga responden menjawab U4 = 4, kecuali PSTW "
        "Jember pada Mei 2026: lima responden menjawab 2–3 — tanda integritas (kemungkinan "
        "pungutan liar) yang perlu diperiksa.",
    ),
)


@dataclass(frozen=True)
class Planted:
    """A problem planted in the sample that the dashboard must show.

    ``indicator`` is a catalogue indicator id, or a signal the dashboard lists
    as needing attention: ``ikm_sampel`` (too few survey respondents),
    ``peringatan_dini`` (PP 94/2021 early warning), ``tunggakan_pengaduan``
    (overdue backlog), ``integritas_u4`` (U4 below 4). ``months``: where it
    must show (at least one of them).
    """

    unit: str
    months: tuple[Month, ...]
    indicator: str
    story: str


def _every(first: Month, last: Month) -> tuple[Month, ...]:
    return tuple(Month.range(first, last))


# The problems, one row per unit and indicator (written to sample_data/stories.csv).
PLANTED: tuple[Planted, ...] = (
    Planted(
        OVER_CAPACITY_UNIT, tuple(OVER_CAPACITY_TARGETS), "keterisian", "Melebihi daya tampung"
    ),
    *(
        Planted(unit, (month,), "kebutuhan_dasar", "Kebutuhan dasar")
        for unit, month in SUPPLY_SHORTFALL
    ),
    Planted(SLIDING_UNIT, MONTHS, "ikm", "Kepuasan yang menurun"),
    Planted(
        FEW_RESPONDENTS_UNIT,
        tuple(sorted(FEW_RESPONDENTS_MONTHS)),
        "ikm_sampel",
        "Responden survei kurang",
    ),
    Planted(MISSING_UNIT, tuple(sorted(MISSING_MONTHS)), "kelengkapan_laporan", "Laporan bolong"),
    Planted(LATE_UNIT, MONTHS, "ketepatan_laporan", "Laporan terlambat"),
    *(
        Planted(unit, (LEBARAN_LATE_MONTH,), "ketepatan_laporan", "Laporan terlambat (Lebaran)")
        for unit in sorted(LEBARAN_LATE_UNITS)
    ),
    *(
        Planted(unit, (month,), "insiden_medsos", "Insiden etika media sosial")
        for unit, month in INCIDENTS
    ),
    Planted(
        "RSBL-KDR", (Month(2026, 4),), "tindak_lanjut_insiden", "Insiden belum ditindaklanjuti"
    ),
    Planted(DRIFT_UNIT, (Month(2026, 8),), "peringatan_dini", "Ambang PP 94/2021 karena terlambat"),
    Planted(MOVER_TO, (Month(2026, 8),), "peringatan_dini", "Pegawai pindah UPT"),
    Planted(ABSENT_UNIT, (ABSENT_MONTH,), "peringatan_dini", "TK sepuluh hari sebulan"),
    Planted(ABSENT_UNIT, (ABSENT_MONTH,), "kehadiran", "TK sepuluh hari sebulan"),
    Planted(ABSENT_UNIT, (ABSENT_MONTH,), "tanpa_keterangan", "TK sepuluh hari sebulan"),
    Planted(
        OVERDUE_UNIT,
        _every(Month.of(OVERDUE_RECEIVED), MONTHS[-1]),
        "tunggakan_pengaduan",
        "Pengaduan menunggak",
    ),
    Planted(LEVY_UNIT, (LEVY_MONTH,), "integritas_u4", "Biaya/Tarif (U4)"),
)
