"""Every indicator of the domain brief, declared once as data.

An indicator is computed by one of a few methods:

- ``RATIO``: Σ numerator ÷ Σ denominator over the units and months in scope.
  Numerator and denominator are :class:`Term` s: a polars expression summed
  per unit-month over one source frame.
- ``SUM``: Σ numerator (counts).
- ``IKM``, ``COMPOSITE``: named functions in the engine.
- ``COMPLAINT`` (resolution, on time) and ``MEDIAN_DAYS``: computed from the
  complaint list itself for every period and level (``complaints.py``),
  because "resolved by the period's end" is not additive over months.

Sources are the ``Facts`` sheet frames by attribute name (``layanan`` …) and
``reports``, derived by the engine and keyed by unit and month like the
sheets (one row per expected unit-month; see ``reporting.py``).

Targets, bands, composite weights and floors are *not* here: they are in
``config/indicators.toml`` so an administrator can change them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

import polars as pl

if TYPE_CHECKING:
    from upt_dashboard.indicators.config import Config


class Domain(str, Enum):
    ORIENTASI_PELAYANAN = "orientasi_pelayanan"
    DISIPLIN = "disiplin"
    INTEGRITAS = "integritas"
    KOMPOSIT = "komposit"


class Unit(str, Enum):
    PERCENT = "percent"  # stored as a fraction 0-1, shown ×100 with "%"
    INDEX = "index"
    DAYS = "days"
    COUNT = "count"
    RATIO = "ratio"


class Direction(str, Enum):
    HIGHER = "higher"
    LOWER = "lower"
    NEUTRAL = "neutral"
    TARGET_RANGE = "target_range"  # too low and too high are both bad


class Method(str, Enum):
    RATIO = "ratio"
    SUM = "sum"
    IKM = "ikm"
    MEDIAN_DAYS = "median_days"
    COMPLAINT = "complaint"
    COMPOSITE = "composite"


ExprSpec = pl.Expr | Callable[["Config"], pl.Expr]


@dataclass(frozen=True)
class Term:
    """A polars expression over one source frame, summed per unit-month."""

    source: str
    expr: ExprSpec

    def build(self, config: Config) -> pl.Expr:
        return self.expr if isinstance(self.expr, pl.Expr) else self.expr(config)


@dataclass(frozen=True)
class Indicator:
    id: str
    name_id: str
    name_en: str
    domain: Domain
    unit: Unit
    decimals: int  # shown decimals, in the unit's display form (percent: of the %)
    direction: Direction
    method: Method
    formula: str  # Bahasa Indonesia, for display
    standard: str
    description: str  # Bahasa Indonesia
    numerator: Term | None = None
    denominator: Term | None = None
    # What ``n`` counts; None: the unit-months (reports) behind the value.
    n: Term | None = None
    n_label: str = "laporan UPT-bulan"
    applies_to: tuple[str, ...] | None = None  # unit type codes; None: all
    rehabilitation_only: bool = False  # types with rehabilitation=true in unit_types


def _c(name: str) -> pl.Expr:
    return pl.col(name)


def _weighted(prefix: str, weights_attr: str) -> Callable[[Config], pl.Expr]:
    """Hadir minus the weighted late/early days: the numerator of 1 − Σw·TL ÷ ΣHadir."""

    def build(config: Config) -> pl.Expr:
        weights = getattr(config, weights_attr)
        penalty = pl.sum_horizontal(
            _c(f"{prefix}{i}").cast(pl.Float64) * w for i, w in enumerate(weights, start=1)
        )
        return _c("hadir") - penalty

    return build


# 1 on every row, so that its per-unit-month sum counts rows (a literal would not).
_ONE = pl.col("unit_code").is_not_null().cast(pl.Int64)
_PM_SERVED = _c("pm_awal_bulan") + _c("pm_masuk")
_PM_LEFT_ALIVE = _c("pm_keluar_reintegrasi") + _c("pm_keluar_rujukan") + _c("pm_keluar_lainnya")

_PERMENPAN = "PermenPAN-RB No. 14/2017"
_PERMENSOS = "Permensos No. 9/2018"
_PP94 = "PP No. 94/2021"
_LOCAL = "Ketetapan Dinas Sosial Provinsi Jawa Timur"
_UU25 = "UU No. 25/2009; Perpres No. 76/2013"
_COMPLAINT_STANDARD = (
    "Standar layanan Dinas Sosial Provinsi Jawa Timur (batas hari kerja dapat diatur; "
    "bukan aturan nasional); pengelolaan pengaduan: UU No. 25/2009, Perpres No. 76/2013"
)
_DUE = (
    "Pengaduan jatuh tempo N hari kerja sesudah Tanggal Masuk (N di konfigurasi, bawaan 5; "
    "hari kerja mulai hari sesudah diterima, tanpa Sabtu, Minggu, libur nasional dan cuti "
    "bersama) dan dihitung sekali, pada periode jatuh temponya. Pengaduan yang belum jatuh "
    "tempo menurut laporan terbaru UPT-nya (belum jatuh tempo) tidak dihitung, bukan "
    "kegagalan. Pengaduan dikenali dari UPT + Nomor; statusnya dari laporan terbaru yang "
    "memuatnya."
)

INDICATORS: tuple[Indicator, ...] = (
    # --- orientasi pelayanan -------------------------------------------------
    Indicator(
        "ikm",
        "Indeks Kepuasan Masyarakat (IKM)",
        "Community Satisfaction Index",
        Domain.ORIENTASI_PELAYANAN,
        Unit.INDEX,
        2,
        Direction.HIGHER,
        Method.IKM,
        formula="IKM = (Σ NRR unsur U1..U9 ÷ 9) × 25; NRR unsur = rata-rata nilai "
        "semua responden dalam cakupan",
        standard=_PERMENPAN,
        description="Kepuasan penerima layanan atas sembilan unsur pelayanan. Responden "
        "seluruh UPT/bulan dalam cakupan digabung. Mutu A 88,31-100; "
        "B 76,61-88,30; C 65,00-76,60; D 25,00-64,99. Warna mengikuti mutu: A dan B "
        "baik (hijau), C kuning, D merah; target tetap mutu A. Jumlah responden "
        "dibandingkan tabel Krejcie-Morgan untuk jumlah PM yang dilayani.",
        n_label="responden",
    ),
    Indicator(
        "kebutuhan_dasar",
        "Pemenuhan Kebutuhan Dasar PM",
        "Basic-needs fulfilment",
        Domain.ORIENTASI_PELAYANAN,
        Unit.PERCENT,
        1,
        Direction.HIGHER,
        Method.RATIO,
        formula="Σ PM Terpenuhi Kebutuhan Dasar ÷ Σ (PM Awal Bulan + PM Masuk)",
        standard=_PERMENSOS,
        description="Standar pelayanan minimal: kebutuhan dasar (makan, sandang, tempat "
        "tinggal, perbekalan kesehatan) setiap PM terpenuhi; target 100%.",
        numerator=Term("penerima_manfaat", _c("pm_terpenuhi_kebutuhan_dasar")),
        denominator=Term("penerima_manfaat", _PM_SERVED),
    ),
    Indicator(
        "keterisian",
        "Keterisian Daya Tampung",
        "Occupancy",
        Domain.ORIENTASI_PELAYANAN,
        Unit.PERCENT,
        1,
        Direction.TARGET_RANGE,
        Method.RATIO,
        formula="Σ PM Akhir Bulan ÷ Σ Daya Tampung",
        standard=_LOCAL,
        description="Terlalu rendah berarti daya tampung tidak dimanfaatkan; di atas 100% "
        "berarti kelebihan penghuni. Keduanya buruk.",
        numerator=Term("penerima_manfaat", _c("pm_akhir_bulan")),
        denominator=Term("penerima_manfaat", _c("daya_tampung")),
    ),
    Indicator(
        "realisasi_layanan",
        "Realisasi Sesi Layanan",
        "Service delivery",
        Domain.ORIENTASI_PELAYANAN,
        Unit.PERCENT,
        1,
        Direction.HIGHER,
        Method.RATIO,
        formula="Σ min(Sesi Terlaksana, Sesi Direncanakan) ÷ Σ Sesi Direncanakan",
        standard=_PERMENSOS,
        description="Sesi layanan yang terlaksana dibanding rencana; sesi melebihi rencana "
        "tidak menutup kekurangan layanan lain.",
        numerator=Term(
            "layanan", pl.min_horizontal(_c("sesi_terlaksana"), _c("sesi_direncanakan"))
        ),
        denominator=Term("layanan", _c("sesi_direncanakan")),
    ),
    Indicator(
        "intensitas_layanan",
        "Intensitas Layanan",
        "Service intensity",
        Domain.ORIENTASI_PELAYANAN,
        Unit.RATIO,
        2,
        Direction.HIGHER,
        Method.RATIO,
        formula="Σ Jumlah Peserta ÷ Σ ((PM Awal Bulan + PM Akhir Bulan) ÷ 2)",
        standard=_PERMENSOS,
        description="Rata-rata kehadiran sesi layanan per PM per bulan.",
        numerator=Term("layanan", _c("jumlah_peserta")),
        denominator=Term("penerima_manfaat", (_c("pm_awal_bulan") + _c("pm_akhir_bulan")) / 2),
    ),
    Indicator(
        "penyelesaian_pengaduan",
        "Penyelesaian Pengaduan",
        "Complaint resolution",
        Domain.ORIENTASI_PELAYANAN,
        Unit.PERCENT,
        1,
        Direction.HIGHER,
        Method.COMPLAINT,
        formula="pengaduan yang jatuh tempo dalam periode dan Selesai paling lambat akhir "
        "periode ÷ pengaduan yang jatuh tempo dalam periode",
        standard=_COMPLAINT_STANDARD,
        description=_DUE,
        n_label="pengaduan jatuh tempo",
    ),
    Indicator(
        "waktu_penyelesaian_pengaduan",
        "Waktu Penyelesaian Pengaduan",
        "Complaint resolution time",
        Domain.ORIENTASI_PELAYANAN,
        Unit.DAYS,
        1,
        Direction.LOWER,
        Method.MEDIAN_DAYS,
        formula="median (Tanggal Selesai − Tanggal Masuk), hari kalender, atas pengaduan yang "
        "jatuh tempo dalam periode dan Selesai paling lambat akhir periode",
        standard=_COMPLAINT_STANDARD,
        description="Median, bukan rasio: dihitung ulang dari daftar pengaduan untuk setiap "
        "periode dan tingkat. Dibaca bersama jumlah pengaduan terbuka yang lewat tenggat "
        "(daftar tunggakan), karena pengaduan yang belum selesai tidak punya lama "
        "penyelesaian.",
        n_label="pengaduan selesai",
    ),
    Indicator(
        "pengaduan_tepat_waktu",
        "Pengaduan Selesai Tepat Waktu",
        "Complaints resolved on time",
        Domain.ORIENTASI_PELAYANAN,
        Unit.PERCENT,
        1,
        Direction.HIGHER,
        Method.COMPLAINT,
        formula="pengaduan yang jatuh tempo dalam periode dan Selesai paling lambat N hari "
        "kerja sesudah diterima ÷ pengaduan yang jatuh tempo dalam periode (yang masih "
        "terbuka lewat tenggat dihitung terlambat)",
        standard=_COMPLAINT_STANDARD,
        description=_DUE + " Selesai pada hari diterima = 0 hari kerja.",
        n_label="pengaduan jatuh tempo",
    ),
    Indicator(
        "reintegrasi",
        "Reintegrasi PM",
        "Reintegration",
        Domain.ORIENTASI_PELAYANAN,
        Unit.PERCENT,
        1,
        Direction.HIGHER,
        Method.RATIO,
        formula="Σ PM Keluar Reintegrasi ÷ Σ (PM Keluar Reintegrasi + Rujukan + Lainnya)",
        standard=_PERMENSOS,
        description="Bagian PM yang keluar dalam keadaan hidup yang kembali ke keluarga "
        "atau masyarakat. Hanya untuk UPT rehabilitasi.",
        numerator=Term("penerima_manfaat", _c("pm_keluar_reintegrasi")),
        denominator=Term("penerima_manfaat", _PM_LEFT_ALIVE),
        rehabilitation_only=True,
    ),
    Indicator(
        "rasio_pm_pegawai",
        "Rasio PM per Pegawai",
        "Residents per employee",
        Domain.ORIENTASI_PELAYANAN,
        Unit.RATIO,
        1,
        Direction.NEUTRAL,
        Method.RATIO,
        formula="Σ PM Akhir Bulan ÷ Σ pegawai tercantum di Kehadiran Pegawai",
        standard=_LOCAL,
        description="Konteks beban kerja; tidak diberi warna.",
        numerator=Term("penerima_manfaat", _c("pm_akhir_bulan")),
        denominator=Term("kehadiran_pegawai", _ONE),
    ),
    # --- disiplin --------------------------------------------------------------
    Indicator(
        "kehadiran",
        "Kehadiran Pegawai",
        "Attendance",
        Domain.DISIPLIN,
        Unit.PERCENT,
        1,
        Direction.HIGHER,
        Method.RATIO,
        formula="Σ (Hadir + Dinas Luar) ÷ Σ (Hadir + Dinas Luar + TK)",
        standard=_PP94,
        description="Disiplin kehadiran: hari hadir dan dinas luar dibanding hari yang "
        "seharusnya hadir. Ketidakhadiran dengan alasan sah (sakit, izin, cuti) tidak "
        "dihitung melawan pegawai; hanya TK (tanpa keterangan) yang menurunkannya.",
        numerator=Term("kehadiran_pegawai", _c("hadir") + _c("dinas_luar")),
        denominator=Term("kehadiran_pegawai", _c("hadir") + _c("dinas_luar") + _c("tk")),
        n=Term("kehadiran_pegawai", _ONE),
        n_label="pegawai-bulan",
    ),
    Indicator(
        "ketersediaan_pegawai",
        "Ketersediaan Pegawai",
        "Staff availability",
        Domain.DISIPLIN,
        Unit.PERCENT,
        1,
        Direction.NEUTRAL,
        Method.RATIO,
        formula="Σ (Hadir + Dinas Luar) ÷ Σ Hari Kerja",
        standard=_LOCAL,
        description="Konteks, bukan ukuran disiplin: bagian hari kerja terjadwal ketika "
        "pegawai bertugas. Turun saat cuti memuncak (Lebaran, akhir tahun) tanpa berarti "
        "ada pelanggaran; tidak diberi warna.",
        numerator=Term("kehadiran_pegawai", _c("hadir") + _c("dinas_luar")),
        denominator=Term("kehadiran_pegawai", _c("hari_kerja")),
        n=Term("kehadiran_pegawai", _ONE),
        n_label="pegawai-bulan",
    ),
    Indicator(
        "tepat_waktu_masuk",
        "Tepat Waktu Masuk",
        "On-time arrival",
        Domain.DISIPLIN,
        Unit.PERCENT,
        1,
        Direction.HIGHER,
        Method.RATIO,
        formula="1 − Σ (TL1 + TL2 + TL3 + TL4) ÷ Σ Hadir (bobot TL dapat diatur)",
        standard=_PP94,
        description="Hari hadir tanpa terlambat. Bobot TL1-TL4 diatur di konfigurasi; "
        "bawaan setiap hari terlambat dihitung penuh.",
        numerator=Term("kehadiran_pegawai", _weighted("tl", "late_weights")),
        denominator=Term("kehadiran_pegawai", _c("hadir")),
        n=Term("kehadiran_pegawai", _ONE),
        n_label="pegawai-bulan",
    ),
    Indicator(
        "tepat_waktu_pulang",
        "Tepat Waktu Pulang",
        "On-time departure",
        Domain.DISIPLIN,
        Unit.PERCENT,
        1,
        Direction.HIGHER,
        Method.RATIO,
        formula="1 − Σ (PSW1 + PSW2 + PSW3 + PSW4) ÷ Σ Hadir (bobot PSW dapat diatur)",
        standard=_PP94,
        description="Hari hadir tanpa pulang sebelum waktunya. Bobot PSW1-PSW4 diatur di "
        "konfigurasi.",
        numerator=Term("kehadiran_pegawai", _weighted("psw", "early_leave_weights")),
        denominator=Term("kehadiran_pegawai", _c("hadir")),
        n=Term("kehadiran_pegawai", _ONE),
        n_label="pegawai-bulan",
    ),
    Indicator(
        "tanpa_keterangan",
        "Tidak Masuk Tanpa Keterangan",
        "Unexplained absence",
        Domain.DISIPLIN,
        Unit.PERCENT,
        2,
        Direction.LOWER,
        Method.RATIO,
        formula="Σ TK ÷ Σ Hari Kerja",
        standard=_PP94,
        description="Hari tidak masuk tanpa keterangan dibanding hari kerja; makin rendah "
        "makin baik.",
        numerator=Term("kehadiran_pegawai", _c("tk")),
        denominator=Term("kehadiran_pegawai", _c("hari_kerja")),
        n=Term("kehadiran_pegawai", _ONE),
        n_label="pegawai-bulan",
    ),
    Indicator(
        "kehadiran_apel",
        "Kehadiran Apel",
        "Roll-call attendance",
        Domain.DISIPLIN,
        Unit.PERCENT,
        1,
        Direction.HIGHER,
        Method.RATIO,
        formula="Σ Apel Hadir ÷ Σ Apel Wajib",
        standard=_PP94,
        description="Apel pagi yang diikuti dibanding yang wajib.",
        numerator=Term("kehadiran_pegawai", _c("apel_hadir")),
        denominator=Term("kehadiran_pegawai", _c("apel_wajib")),
        n=Term("kehadiran_pegawai", _ONE),
        n_label="pegawai-bulan",
    ),
    Indicator(
        "partisipasi_pembinaan",
        "Partisipasi Pembinaan",
        "Coaching participation",
        Domain.DISIPLIN,
        Unit.PERCENT,
        1,
        Direction.HIGHER,
        Method.RATIO,
        formula="Σ Peserta Hadir ÷ Σ Peserta Wajib (lembar Pembinaan)",
        standard=_LOCAL,
        description="Kehadiran pegawai pada kegiatan pembinaan.",
        numerator=Term("pembinaan", _c("peserta_hadir")),
        denominator=Term("pembinaan", _c("peserta_wajib")),
        n=Term("pembinaan", _ONE),
        n_label="kegiatan",
    ),
    Indicator(
        "ketepatan_laporan",
        "Ketepatan Waktu Laporan",
        "Report timeliness",
        Domain.DISIPLIN,
        Unit.PERCENT,
        1,
        Direction.HIGHER,
        Method.RATIO,
        formula="UPT-bulan wajib lapor yang unggahan pertamanya paling lambat tanggal 10 "
        "bulan berikutnya ÷ UPT-bulan wajib lapor",
        standard=_LOCAL,
        description="UPT-bulan wajib lapor: setiap UPT terdaftar untuk setiap bulan yang "
        "batas unggahnya (akhir hari, WIB) sudah lewat. Dihitung dari unggahan "
        "pertama, bukan versi terakhir.",
        numerator=Term("reports", _c("on_time").cast(pl.Int64)),
        denominator=Term("reports", _ONE),
        n=Term("reports", _ONE),
        n_label="UPT-bulan wajib lapor",
    ),
    Indicator(
        "kelengkapan_laporan",
        "Kelengkapan Laporan",
        "Report completeness",
        Domain.DISIPLIN,
        Unit.PERCENT,
        1,
        Direction.HIGHER,
        Method.RATIO,
        formula="UPT-bulan wajib lapor yang sudah ada laporannya ÷ UPT-bulan wajib lapor",
        standard=_LOCAL,
        description="Laporan yang diterima (tersimpan) kapan pun, untuk bulan yang batas "
        "unggahnya sudah lewat.",
        numerator=Term("reports", _c("reported").cast(pl.Int64)),
        denominator=Term("reports", _ONE),
        n=Term("reports", _ONE),
        n_label="UPT-bulan wajib lapor",
    ),
    # --- integritas dan citra lembaga ------------------------------------------
    Indicator(
        "insiden_medsos",
        "Insiden Etika Media Sosial",
        "Social-media ethics incidents",
        Domain.INTEGRITAS,
        Unit.COUNT,
        0,
        Direction.LOWER,
        Method.SUM,
        formula="Σ Insiden Etika Media Sosial",
        standard=_LOCAL,
        description="Unggahan atau komentar pegawai yang merugikan lembaga; target 0.",
        numerator=Term("integritas", _c("insiden_etika_media_sosial")),
    ),
    Indicator(
        "tindak_lanjut_insiden",
        "Tindak Lanjut Insiden",
        "Incidents followed up",
        Domain.INTEGRITAS,
        Unit.PERCENT,
        1,
        Direction.HIGHER,
        Method.RATIO,
        formula="Σ Insiden Ditindaklanjuti ÷ Σ Insiden Etika Media Sosial",
        standard=_LOCAL,
        description="Bagian insiden media sosial yang sudah ditindaklanjuti.",
        numerator=Term("integritas", _c("insiden_ditindaklanjuti")),
        denominator=Term("integritas", _c("insiden_etika_media_sosial")),
    ),
    Indicator(
        "hukuman_disiplin",
        "Hukuman Disiplin",
        "Disciplinary penalties",
        Domain.INTEGRITAS,
        Unit.COUNT,
        0,
        Direction.NEUTRAL,
        Method.SUM,
        formula="Σ (Hukuman Disiplin Ringan + Sedang + Berat)",
        standard=_PP94,
        description="Jumlah hukuman disiplin yang dijatuhkan; rinciannya per tingkat pada "
        "tiga indikator berikut.",
        numerator=Term(
            "integritas",
            _c("hukuman_disiplin_ringan")
            + _c("hukuman_disiplin_sedang")
            + _c("hukuman_disiplin_berat"),
        ),
    ),
    *(
        Indicator(
            f"hukuman_disiplin_{level}",
            f"Hukuman Disiplin {label}",
            f"Disciplinary penalties, {level_en}",
            Domain.INTEGRITAS,
            Unit.COUNT,
            0,
            Direction.NEUTRAL,
            Method.SUM,
            formula=f"Σ Hukuman Disiplin {label}",
            standard=_PP94,
            description=f"Hukuman disiplin tingkat {level} yang dijatuhkan.",
            numerator=Term("integritas", _c(f"hukuman_disiplin_{level}")),
        )
        for level, label, level_en in (
            ("ringan", "Ringan", "light"),
            ("sedang", "Sedang", "medium"),
            ("berat", "Berat", "heavy"),
        )
    ),
    Indicator(
        "unggahan_informasi",
        "Unggahan Informasi Layanan",
        "Service-information posts",
        Domain.INTEGRITAS,
        Unit.COUNT,
        0,
        Direction.HIGHER,
        Method.SUM,
        formula="Σ Unggahan Informasi Layanan",
        standard=_UU25,
        description="Unggahan informasi layanan di akun resmi UPT.",
        numerator=Term("integritas", _c("unggahan_informasi_layanan")),
    ),
    # --- komposit --------------------------------------------------------------
    Indicator(
        "indeks_orientasi_pelayanan",
        "Indeks Orientasi Pelayanan",
        "Service-orientation index",
        Domain.KOMPOSIT,
        Unit.INDEX,
        1,
        Direction.HIGHER,
        Method.COMPOSITE,
        formula="Σ (bobot × skor komponen) ÷ Σ bobot komponen yang bernilai; skor = "
        "100 × (nilai − batas bawah) ÷ (target − batas bawah), dipotong 0-100",
        standard=_LOCAL,
        description="Gabungan indikator orientasi pelayanan; komponen, bobot dan batas "
        "bawah diatur di konfigurasi. Kosong bila tidak ada laporan pada periode itu atau "
        "komponen yang bernilai kurang dari bagian bobot minimum (bawaan 60%).",
        n_label="komponen",
    ),
    Indicator(
        "indeks_disiplin",
        "Indeks Disiplin",
        "Discipline index",
        Domain.KOMPOSIT,
        Unit.INDEX,
        1,
        Direction.HIGHER,
        Method.COMPOSITE,
        formula="Σ (bobot × skor komponen) ÷ Σ bobot komponen yang bernilai; skor = "
        "100 × (nilai − batas bawah) ÷ (target − batas bawah), dipotong 0-100",
        standard=_LOCAL,
        description="Gabungan indikator disiplin; komponen, bobot dan batas bawah diatur di "
        "konfigurasi. Kosong bila tidak ada laporan pada periode itu atau komponen yang "
        "bernilai kurang dari bagian bobot minimum (bawaan 60%); ketepatan waktu laporan "
        "tetap tampil sebagai indikator tersendiri.",
        n_label="komponen",
    ),
)

BY_ID: dict[str, Indicator] = {i.id: i for i in INDICATORS}


def get(indicator_id: str) -> Indicator:
    """The indicator with this id; ``KeyError`` if there is none."""
    return BY_ID[indicator_id]


def applicable_types(indicator: Indicator, unit_types: pl.DataFrame) -> set[str] | None:
    """Unit type codes the indicator applies to, or None for all types.

    ``unit_types`` is the registry frame (type, …, rehabilitation).
    """
    if indicator.rehabilitation_only:
        return set(unit_types.filter(pl.col("rehabilitation"))["type"].to_list())
    return None if indicator.applies_to is None else set(indicator.applies_to)
