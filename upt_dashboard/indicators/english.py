"""The catalogue's words in English: formula, description, standard and basis.

The catalogue (``catalogue.py``) declares each indicator in Bahasa Indonesia
with its English name; the English page reads these. Workbook column names
(``Sesi Terlaksana``) stay as the contract spells them: they are what the
reader finds in the file. A test checks every indicator has its entry.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class English:
    formula: str
    description: str


_COMPOSITE_FORMULA = (
    "Σ (weight × component score) ÷ Σ weights of the components with a value; score = "
    "100 × (value − floor) ÷ (target − floor), clipped to 0-100"
)

INDICATORS_EN: dict[str, English] = {
    "ikm": English(
        "IKM = (Σ NRR of elements U1..U9 ÷ 9) × 25; element NRR = mean score of all "
        "respondents in scope",
        "Service users' satisfaction with nine service elements. Respondents of every "
        "unit-month in scope are pooled. Grade A 88.31-100; B 76.61-88.30; C 65.00-76.60; "
        "D 25.00-64.99. The number of respondents is compared with the Krejcie-Morgan table "
        "for the residents served. The colour follows the grade: A and B good (green), C "
        "amber, D red; the target stays grade A.",
    ),
    "kebutuhan_dasar": English(
        "Σ PM Terpenuhi Kebutuhan Dasar ÷ Σ (PM Awal Bulan + PM Masuk)",
        "Minimum service standard: every resident's basic needs (food, clothing, shelter, "
        "health supplies) are met; target 100%.",
    ),
    "keterisian": English(
        "Σ PM Akhir Bulan ÷ Σ Daya Tampung",
        "Too low means unused capacity; above 100% means overcrowding. Both are bad.",
    ),
    "realisasi_layanan": English(
        "Σ min(Sesi Terlaksana, Sesi Direncanakan) ÷ Σ Sesi Direncanakan",
        "Service sessions held against plan; sessions beyond plan do not make up for "
        "shortfalls elsewhere.",
    ),
    "intensitas_layanan": English(
        "Σ Jumlah Peserta ÷ Σ ((PM Awal Bulan + PM Akhir Bulan) ÷ 2)",
        "Average service-session attendances per resident per month.",
    ),
    "penyelesaian_pengaduan": English(
        "complaints falling due in the period and Selesai by the period's end ÷ complaints "
        "falling due in the period",
        "A complaint falls due N working days after Tanggal Masuk (N in the configuration, "
        "default 5; working days start the day after receipt and leave out Saturdays, "
        "Sundays, public holidays and collective leave days) and counts once, in the period it "
        "falls due. Complaints not yet due by the unit's newest report "
        "are not counted and are never failures. A complaint is identified by unit + "
        "Nomor; its state comes from the newest report listing it.",
    ),
    "waktu_penyelesaian_pengaduan": English(
        "median (Tanggal Selesai − Tanggal Masuk), calendar days, over complaints falling due "
        "in the period and Selesai by the period's end",
        "A median, not a ratio: recomputed from the complaint list for every period and level. "
        "Read it beside the open complaints past their due date (the backlog): a complaint "
        "not yet resolved has no resolution time.",
    ),
    "pengaduan_tepat_waktu": English(
        "complaints falling due in the period and Selesai within N working days of receipt "
        "÷ complaints falling due in the period (one still open past its due date is late)",
        "A complaint falls due N working days after Tanggal Masuk (N in the configuration, "
        "default 5; working days start the day after receipt and leave out Saturdays, "
        "Sundays, public holidays and collective leave days) and counts once, in the period it "
        "falls due. Complaints not yet due by the unit's newest report "
        "are not counted and are never failures. A complaint is identified by unit + "
        "Nomor; its state comes from the newest report listing it. Resolved the day it was "
        "received = 0 working days.",
    ),
    "reintegrasi": English(
        "Σ PM Keluar Reintegrasi ÷ Σ (PM Keluar Reintegrasi + Rujukan + Lainnya)",
        "Share of residents leaving alive who returned to family or community. "
        "Rehabilitation units only.",
    ),
    "rasio_pm_pegawai": English(
        "Σ PM Akhir Bulan ÷ Σ employees listed in Kehadiran Pegawai",
        "Workload context; not coloured.",
    ),
    "kehadiran": English(
        "Σ (Hadir + Dinas Luar) ÷ Σ (Hadir + Dinas Luar + TK)",
        "Attendance discipline: days present or on official duty against the days an "
        "employee should have been there. Absence with a valid reason (sick, permitted, "
        "leave) does not count against them; only TK (absent without explanation) lowers it.",
    ),
    "ketersediaan_pegawai": English(
        "Σ (Hadir + Dinas Luar) ÷ Σ Hari Kerja",
        "Context, not a measure of discipline: the share of scheduled working days on which "
        "staff were on duty. It drops when leave peaks (Lebaran, the year's end) without "
        "meaning any breach; it is not coloured.",
    ),
    "tepat_waktu_masuk": English(
        "1 − Σ (TL1 + TL2 + TL3 + TL4) ÷ Σ Hadir (TL weights configurable)",
        "Days present without arriving late. TL1-TL4 weights are set in the configuration; "
        "by default every late day counts in full.",
    ),
    "tepat_waktu_pulang": English(
        "1 − Σ (PSW1 + PSW2 + PSW3 + PSW4) ÷ Σ Hadir (PSW weights configurable)",
        "Days present without leaving early. PSW1-PSW4 weights are set in the configuration.",
    ),
    "tanpa_keterangan": English(
        "Σ TK ÷ Σ Hari Kerja",
        "Days absent without explanation against working days; lower is better.",
    ),
    "kehadiran_apel": English(
        "Σ Apel Hadir ÷ Σ Apel Wajib",
        "Morning roll calls attended against those required.",
    ),
    "partisipasi_pembinaan": English(
        "Σ Peserta Hadir ÷ Σ Peserta Wajib (Pembinaan sheet)",
        "Staff attendance at coaching sessions.",
    ),
    "ketepatan_laporan": English(
        "unit-months due whose first upload came by the 10th of the next month ÷ unit-months due",
        "Unit-months due: every registered unit for every month whose upload deadline (end "
        "of day, WIB) has passed. Counted from the first upload, not the latest version.",
    ),
    "kelengkapan_laporan": English(
        "unit-months due with a report ÷ unit-months due",
        "Reports received (stored) at any time, for months whose upload deadline has passed.",
    ),
    "insiden_medsos": English(
        "Σ Insiden Etika Media Sosial",
        "Staff posts or comments that harmed the institution; target 0.",
    ),
    "tindak_lanjut_insiden": English(
        "Σ Insiden Ditindaklanjuti ÷ Σ Insiden Etika Media Sosial",
        "Share of social-media incidents followed up.",
    ),
    "hukuman_disiplin": English(
        "Σ (Hukuman Disiplin Ringan + Sedang + Berat)",
        "Disciplinary penalties imposed; the next three indicators split them by level.",
    ),
    "hukuman_disiplin_ringan": English(
        "Σ Hukuman Disiplin Ringan", "Light disciplinary penalties imposed."
    ),
    "hukuman_disiplin_sedang": English(
        "Σ Hukuman Disiplin Sedang", "Medium disciplinary penalties imposed."
    ),
    "hukuman_disiplin_berat": English(
        "Σ Hukuman Disiplin Berat", "Heavy disciplinary penalties imposed."
    ),
    "unggahan_informasi": English(
        "Σ Unggahan Informasi Layanan",
        "Posts informing the public about services on the unit's official accounts.",
    ),
    "indeks_orientasi_pelayanan": English(
        _COMPOSITE_FORMULA,
        "Combines the service-orientation indicators; components, weights and floors are "
        "set in the configuration. Empty when there is no report in the period or the "
        "components with a value carry less than the minimum share of the weight (default "
        "60%).",
    ),
    "indeks_disiplin": English(
        _COMPOSITE_FORMULA,
        "Combines the discipline indicators; components, weights and floors are set in the "
        "configuration. Empty when there is no report in the period or the components with a "
        "value carry less than the minimum share of the weight (default 60%); report "
        "timeliness is also shown as an indicator of its own.",
    ),
}

# The standards as the catalogue names them -> in English (regulation numbers kept).
STANDARDS_EN: dict[str, str] = {
    "PermenPAN-RB No. 14/2017": "PermenPAN-RB No. 14/2017 (community satisfaction surveys)",
    "Permensos No. 9/2018": "Permensos No. 9/2018 (minimum social-service standards)",
    "PP No. 94/2021": "PP No. 94/2021 (civil-servant discipline)",
    "Ketetapan Dinas Sosial Provinsi Jawa Timur": "East Java Provincial Social Services "
    "Office decision",
    "UU No. 25/2009; Perpres No. 76/2013": "UU No. 25/2009; Perpres No. 76/2013 (public "
    "services, complaint handling)",
    "Standar layanan Dinas Sosial Provinsi Jawa Timur (batas hari kerja dapat diatur; bukan "
    "aturan nasional); pengelolaan pengaduan: UU No. 25/2009, Perpres No. 76/2013": "East Java "
    "Provincial Social Services Office service standard (the working-day limit is "
    "configurable; not a national rule); complaint handling: UU No. 25/2009, Perpres "
    "No. 76/2013",
}

# What a value's ``n`` counts, in English.
N_LABELS_EN: dict[str, str] = {
    "responden": "respondents",
    "laporan UPT-bulan": "unit-month reports",
    "pengaduan": "complaints",
    "pengaduan selesai": "resolved complaints",
    "pengaduan jatuh tempo": "complaints falling due",
    "pegawai-bulan": "employee-months",
    "kegiatan": "activities",
    "UPT-bulan wajib lapor": "unit-months due",
    "komponen": "components",
}
