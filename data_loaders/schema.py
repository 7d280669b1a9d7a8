"""The monthly report workbook, declared once.

Every sheet of ``workbook-contract.md`` (versions 1 and 2) is a :class:`Sheet`
here. Version 2 only adds optional columns; a field's ``since`` says which
version brought it, so the template of either version, and a version-1 file
read by this code, come from the same declarations.
The template writer, the reader, the validator, the storage tables and the
contract documentation all read these declarations; no other module keeps a
copy of a column list.

Cross-field rules are polars expressions that are ``True`` where a row is
fine. Before checking, the validator adds three helper columns to every
frame so rules can stay declarative: ``_period_start`` and ``_period_end``
(first and last day of the reported month) and ``_today``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import polars as pl

# The version the template writes; every version listed is read.
FORMAT_VERSION = "2"
FORMAT_VERSIONS: tuple[str, ...] = ("1", "2")
# What a workbook without a Versi Format is taken to be: the first format.
ASSUMED_VERSION = "1"


class Kind(str, Enum):
    """How a cell is read and checked."""

    TEXT = "text"  # free text, stripped
    COUNT = "count"  # whole number >= 0 (bounded by min/max if given)
    INT = "int"  # whole number within min/max
    DATE = "date"  # Excel date or dd/mm/yyyy, dd-mm-yyyy, yyyy-mm-dd
    MONTH = "month"  # 1-12 or an Indonesian/English month name
    CHOICE = "choice"  # one of ``choices`` (case-insensitive)
    NIP = "nip"  # 18-digit civil-servant number kept as text


class Layout(str, Enum):
    TABLE = "table"  # header row + one record per row
    KEY_VALUE = "key_value"  # label in column A, value in column B


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Field:
    """One column (table sheet) or one labelled row (key-value sheet)."""

    label: str  # exactly as written in the template
    name: str  # snake_case name used in frames and storage
    kind: Kind
    help: str  # Bahasa Indonesia, shown in Petunjuk and the docs
    required: bool = True
    choices: tuple[str, ...] = ()
    min: int | None = None
    max: int | None = None
    width: int = 14  # template column width
    # When "wajib"/"boleh kosong" is not the whole story (NIP: required for ASN only).
    required_note: str = ""
    since: str = "1"  # format version that added the field (later ones are optional)


@dataclass(frozen=True)
class Rule:
    """A rule across fields of one row (or the single key-value record).

    ``check`` is True where the row is fine; a null result is not a finding
    (a missing value is already reported by the field itself).
    ``message`` (Bahasa Indonesia) and ``message_en`` are formatted with the
    row's values by field name, e.g. ``{hari_kerja}``, plus ``{_found}`` and
    ``{_expected}``. The finding points at ``field`` (a field name).

    ``found`` is the value the row gives (a sum, or a field) and ``expected``
    what it is compared with through ``relation``: the upload page shows
    "found 21, expected = 22 (Hari Kerja)". Without ``found`` the rule's
    field is the value found; without ``expected`` nothing is shown.
    """

    name: str
    check: pl.Expr
    field: str
    message: str
    severity: Severity = Severity.ERROR
    message_en: str = ""
    found: pl.Expr | None = None
    expected: pl.Expr | None = None
    relation: str = "="
    expected_label: str = ""  # what ``expected`` is, e.g. "Hari Kerja"


@dataclass(frozen=True)
class Sheet:
    name: str
    layout: Layout
    fields: tuple[Field, ...]
    help: str
    rules: tuple[Rule, ...] = ()
    unique: tuple[str, ...] = ()  # field names whose non-empty values must be unique
    table: str = ""  # storage table name

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.fields]

    def fields_in(self, version: str) -> tuple[Field, ...]:
        """The fields a workbook of format ``version`` has (``"1"`` or ``"2"``)."""
        return tuple(f for f in self.fields if int(f.since) <= int(version))


def _sum(*names: str) -> pl.Expr:
    return pl.sum_horizontal(pl.col(n) for n in names)


def _count(label: str, name: str, help: str, **kw) -> Field:
    return Field(label, name, Kind.COUNT, help, min=kw.pop("min", 0), **kw)


JENIS_LAYANAN = (
    "Bimbingan Fisik",
    "Bimbingan Mental Spiritual",
    "Bimbingan Sosial",
    "Bimbingan Keterampilan",
    "Terapi Psikososial",
    "Layanan Kesehatan",
    "Dukungan Keluarga",
    "Lainnya",
)
STATUS_PEGAWAI = ("PNS", "PPPK", "Non ASN")
SALURAN = (
    "Langsung",
    "Telepon",
    "WhatsApp",
    "Email",
    "Media Sosial",
    "SP4N-LAPOR!",
    "Kotak Saran",
    "Lainnya",
)
KATEGORI_PENGADUAN = (
    "Pelayanan",
    "Perilaku Petugas",
    "Sarana Prasarana",
    "Administrasi",
    "Lainnya",
)
STATUS_PENGADUAN = ("Selesai", "Proses")
JENIS_KELAMIN = ("L", "P")
PENDIDIKAN = ("SD", "SMP", "SMA", "D1-D3", "S1", "S2", "S3", "Lainnya")
RESPONDEN = ("Penerima Manfaat", "Keluarga", "Pengunjung", "Mitra")
TEMA_PEMBINAAN = (
    "Integritas",
    "Disiplin",
    "Profesionalisme",
    "Etika Media Sosial",
    "Pelayanan Prima",
    "Lainnya",
)
# The nine IKM elements of PermenPAN-RB 14/2017, in order U1..U9.
UNSUR_IKM = (
    "Persyaratan",
    "Sistem, Mekanisme dan Prosedur",
    "Waktu Penyelesaian",
    "Biaya/Tarif",
    "Produk Spesifikasi Jenis Pelayanan",
    "Kompetensi Pelaksana",
    "Perilaku Pelaksana",
    "Sarana dan Prasarana",
    "Penanganan Pengaduan, Saran dan Masukan",
)

IDENTITAS = Sheet(
    name="Identitas",
    layout=Layout.KEY_VALUE,
    table="fact_identitas",
    help="Identitas UPT dan periode laporan.",
    fields=(
        Field("Kode UPT", "kode_upt", Kind.TEXT, "Kode UPT sesuai daftar UPT Dinas Sosial."),
        Field("Nama UPT", "nama_upt", Kind.TEXT, "Nama UPT.", required=False),
        Field("Tahun", "tahun", Kind.INT, "Tahun periode laporan, misalnya 2026.", min=2015),
        Field("Bulan", "bulan", Kind.MONTH, "Bulan periode laporan: 1-12 atau nama bulan."),
        Field("Nama Kepala UPT", "nama_kepala_upt", Kind.TEXT, "Nama Kepala UPT."),
        Field(
            "Tanggal Laporan",
            "tanggal_laporan",
            Kind.DATE,
            "Tanggal laporan ditandatangani (dd/mm/yyyy).",
        ),
        Field(
            "Versi Format",
            "versi_format",
            Kind.TEXT,
            "Versi format laporan (1 atau 2); biarkan seperti di templat.",
            required=False,
        ),
    ),
    rules=(
        Rule(
            "tanggal_laporan_sebelum_akhir_periode",
            pl.col("tanggal_laporan") >= pl.col("_period_end"),
            "tanggal_laporan",
            "Tanggal Laporan {tanggal_laporan} sebelum hari terakhir periode; "
            "periksa kembali tanggalnya.",
            Severity.WARNING,
            message_en="Tanggal Laporan {tanggal_laporan} is before the last day of the period; "
            "check the date.",
            expected=pl.col("_period_end"),
            relation="≥",
        ),
    ),
)

PENERIMA_MANFAAT = Sheet(
    name="Penerima Manfaat",
    layout=Layout.KEY_VALUE,
    table="fact_penerima_manfaat",
    help="Jumlah penerima manfaat (PM) yang tinggal di UPT pada bulan ini.",
    fields=(
        _count("Daya Tampung", "daya_tampung", "Kapasitas tempat tinggal UPT (orang)."),
        _count("PM Awal Bulan", "pm_awal_bulan", "PM pada hari pertama bulan ini."),
        _count("PM Masuk", "pm_masuk", "PM yang masuk bulan ini."),
        _count(
            "PM Keluar Reintegrasi",
            "pm_keluar_reintegrasi",
            "PM keluar karena kembali ke keluarga atau masyarakat.",
        ),
        _count(
            "PM Keluar Rujukan",
            "pm_keluar_rujukan",
            "PM keluar karena dirujuk ke rumah sakit atau lembaga lain.",
        ),
        _count("PM Keluar Meninggal", "pm_keluar_meninggal", "PM meninggal dunia."),
        _count("PM Keluar Lainnya", "pm_keluar_lainnya", "PM keluar karena alasan lain."),
        _count("PM Akhir Bulan", "pm_akhir_bulan", "PM pada hari terakhir bulan ini."),
        _count(
            "PM Laki-laki Akhir Bulan", "pm_laki_laki_akhir_bulan", "PM laki-laki pada akhir bulan."
        ),
        _count(
            "PM Perempuan Akhir Bulan", "pm_perempuan_akhir_bulan", "PM perempuan pada akhir bulan."
        ),
        _count(
            "PM Terpenuhi Kebutuhan Dasar",
            "pm_terpenuhi_kebutuhan_dasar",
            "PM yang kebutuhan dasarnya (makan, sandang, tempat tinggal, "
            "perbekalan kesehatan) terpenuhi penuh bulan ini.",
        ),
    ),
    rules=(
        Rule(
            "neraca_pm",
            pl.col("pm_awal_bulan")
            + pl.col("pm_masuk")
            - _sum(
                "pm_keluar_reintegrasi",
                "pm_keluar_rujukan",
                "pm_keluar_meninggal",
                "pm_keluar_lainnya",
            )
            == pl.col("pm_akhir_bulan"),
            "pm_akhir_bulan",
            "PM Awal Bulan + PM Masuk - semua PM Keluar = {_found}, seharusnya sama dengan "
            "PM Akhir Bulan ({pm_akhir_bulan}); hitung ulang jumlah PM.",
            message_en="PM Awal Bulan + PM Masuk - all PM Keluar = {_found}, but should equal "
            "PM Akhir Bulan ({pm_akhir_bulan}); count the residents again.",
            found=pl.col("pm_awal_bulan")
            + pl.col("pm_masuk")
            - _sum(
                "pm_keluar_reintegrasi",
                "pm_keluar_rujukan",
                "pm_keluar_meninggal",
                "pm_keluar_lainnya",
            ),
            expected=pl.col("pm_akhir_bulan"),
            expected_label="PM Akhir Bulan",
        ),
        Rule(
            "jenis_kelamin_pm",
            pl.col("pm_laki_laki_akhir_bulan") + pl.col("pm_perempuan_akhir_bulan")
            == pl.col("pm_akhir_bulan"),
            "pm_laki_laki_akhir_bulan",
            "PM Laki-laki ({pm_laki_laki_akhir_bulan}) + PM Perempuan "
            "({pm_perempuan_akhir_bulan}) harus sama dengan PM Akhir Bulan ({pm_akhir_bulan}).",
            message_en="PM Laki-laki ({pm_laki_laki_akhir_bulan}) + PM Perempuan "
            "({pm_perempuan_akhir_bulan}) must equal PM Akhir Bulan ({pm_akhir_bulan}).",
            found=pl.col("pm_laki_laki_akhir_bulan") + pl.col("pm_perempuan_akhir_bulan"),
            expected=pl.col("pm_akhir_bulan"),
            expected_label="PM Akhir Bulan",
        ),
        Rule(
            "kebutuhan_dasar_maksimum",
            pl.col("pm_terpenuhi_kebutuhan_dasar") <= pl.col("pm_awal_bulan") + pl.col("pm_masuk"),
            "pm_terpenuhi_kebutuhan_dasar",
            "PM Terpenuhi Kebutuhan Dasar ({pm_terpenuhi_kebutuhan_dasar}) tidak boleh "
            "melebihi PM Awal Bulan + PM Masuk ({_expected}).",
            message_en="PM Terpenuhi Kebutuhan Dasar ({pm_terpenuhi_kebutuhan_dasar}) may not "
            "exceed PM Awal Bulan + PM Masuk ({_expected}).",
            expected=pl.col("pm_awal_bulan") + pl.col("pm_masuk"),
            relation="≤",
            expected_label="PM Awal Bulan + PM Masuk",
        ),
        Rule(
            "melebihi_daya_tampung",
            pl.col("pm_akhir_bulan") <= pl.col("daya_tampung"),
            "pm_akhir_bulan",
            "PM Akhir Bulan ({pm_akhir_bulan}) melebihi Daya Tampung ({daya_tampung}).",
            Severity.WARNING,
            message_en="PM Akhir Bulan ({pm_akhir_bulan}) is above Daya Tampung ({daya_tampung}).",
            expected=pl.col("daya_tampung"),
            relation="≤",
            expected_label="Daya Tampung",
        ),
    ),
)

LAYANAN = Sheet(
    name="Layanan",
    layout=Layout.TABLE,
    table="fact_layanan",
    help="Layanan yang diberikan kepada PM bulan ini, satu baris per jenis layanan.",
    unique=("jenis_layanan",),
    fields=(
        Field(
            "Jenis Layanan",
            "jenis_layanan",
            Kind.CHOICE,
            "Jenis layanan.",
            choices=JENIS_LAYANAN,
            width=30,
        ),
        _count("Sesi Direncanakan", "sesi_direncanakan", "Jumlah sesi yang direncanakan."),
        _count("Sesi Terlaksana", "sesi_terlaksana", "Jumlah sesi yang terlaksana."),
        _count("Jumlah Peserta", "jumlah_peserta", "Jumlah kehadiran peserta di semua sesi."),
    ),
    rules=(
        Rule(
            "sesi_melebihi_rencana",
            pl.col("sesi_terlaksana") <= pl.col("sesi_direncanakan"),
            "sesi_terlaksana",
            "Sesi Terlaksana ({sesi_terlaksana}) melebihi Sesi Direncanakan ({sesi_direncanakan}).",
            Severity.WARNING,
            message_en="Sesi Terlaksana ({sesi_terlaksana}) is above Sesi Direncanakan "
            "({sesi_direncanakan}).",
            expected=pl.col("sesi_direncanakan"),
            relation="≤",
            expected_label="Sesi Direncanakan",
        ),
    ),
)

_TL = tuple(f"tl{i}" for i in range(1, 5))
_PSW = tuple(f"psw{i}" for i in range(1, 5))
_BAND = ("1-30 menit", "31-60 menit", "61-90 menit", "lebih dari 90 menit atau tanpa absen")
# The fewest minutes a day in each TL/PSW band means (1, 31, 61, 91): total
# minutes below the sum of these cannot be right, and without minutes they
# are the minimum the bands prove (PP 94/2021 counts accumulated minutes).
BAND_LOWER_MINUTES: tuple[int, int, int, int] = (1, 31, 61, 91)


def _band_minimum(prefix: str) -> pl.Expr:
    return pl.sum_horizontal(
        pl.col(f"{prefix}{i}") * low for i, low in enumerate(BAND_LOWER_MINUTES, start=1)
    )


KEHADIRAN_PEGAWAI = Sheet(
    name="Kehadiran Pegawai",
    layout=Layout.TABLE,
    table="fact_kehadiran_pegawai",
    help="Rekap kehadiran bulan ini, satu baris per pegawai.",
    unique=("nip",),
    fields=(
        Field(
            "NIP",
            "nip",
            Kind.NIP,
            "NIP 18 digit, kolom berformat Teks.",
            required=False,
            width=22,
            required_note="wajib untuk PNS dan PPPK, boleh kosong untuk Non ASN",
        ),
        Field("Nama", "nama", Kind.TEXT, "Nama pegawai.", width=28),
        Field("Status", "status", Kind.CHOICE, "Status kepegawaian.", choices=STATUS_PEGAWAI),
        _count(
            "Hari Kerja",
            "hari_kerja",
            "Hari kerja terjadwal bulan ini untuk pegawai ini, 0 sampai jumlah hari dalam "
            "bulan (pegawai jaga bergilir juga bekerja Sabtu, Minggu dan hari libur).",
            max=31,
        ),
        _count("Hadir", "hadir", "Hari hadir.", width=8),
        _count("Dinas Luar", "dinas_luar", "Hari dinas luar.", width=10),
        _count("Sakit", "sakit", "Hari sakit.", width=8),
        _count("Izin", "izin", "Hari izin.", width=8),
        _count("Cuti", "cuti", "Hari cuti.", width=8),
        _count("TK", "tk", "Hari tidak masuk tanpa keterangan.", width=8),
        *(_count(n.upper(), n, f"Hari terlambat masuk {b}.", width=8) for n, b in zip(_TL, _BAND)),
        *(
            _count(n.upper(), n, f"Hari pulang sebelum waktunya {b}.", width=8)
            for n, b in zip(_PSW, _BAND)
        ),
        _count("Apel Wajib", "apel_wajib", "Apel pagi yang wajib diikuti.", width=10),
        _count("Apel Hadir", "apel_hadir", "Apel pagi yang diikuti.", width=10),
        _count(
            "Menit Terlambat",
            "menit_terlambat",
            "Jumlah menit terlambat masuk bulan ini (dari mesin absensi); boleh kosong. "
            "Paling sedikit 1/31/61/91 menit untuk setiap hari TL1/TL2/TL3/TL4.",
            required=False,
            width=12,
            since="2",
        ),
        _count(
            "Menit Pulang Cepat",
            "menit_pulang_cepat",
            "Jumlah menit pulang sebelum waktunya bulan ini; boleh kosong. Paling sedikit "
            "1/31/61/91 menit untuk setiap hari PSW1/PSW2/PSW3/PSW4.",
            required=False,
            width=12,
            since="2",
        ),
    ),
    rules=(
        Rule(
            "nip_wajib_asn",
            pl.col("status").is_in(["PNS", "PPPK"]).not_() | pl.col("nip").is_not_null(),
            "nip",
            "NIP wajib diisi untuk pegawai berstatus {status}.",
            message_en="NIP is required for an employee with status {status}.",
        ),
        Rule(
            "hari_kerja_maksimum",
            pl.col("hari_kerja") <= pl.col("_period_end").dt.day(),
            "hari_kerja",
            "Hari Kerja ({hari_kerja}) melebihi jumlah hari dalam bulan laporan ({_expected}).",
            message_en="Hari Kerja ({hari_kerja}) is more than the days of the report's month "
            "({_expected}).",
            expected=pl.col("_period_end").dt.day(),
            relation="≤",
        ),
        Rule(
            "jumlah_hari_kerja",
            _sum("hadir", "dinas_luar", "sakit", "izin", "cuti", "tk") == pl.col("hari_kerja"),
            "hari_kerja",
            "Hadir + Dinas Luar + Sakit + Izin + Cuti + TK: jumlah {_found}, seharusnya "
            "{hari_kerja} (= Hari Kerja).",
            message_en="Hadir + Dinas Luar + Sakit + Izin + Cuti + TK: total {_found}, "
            "should be {hari_kerja} (= Hari Kerja).",
            found=_sum("hadir", "dinas_luar", "sakit", "izin", "cuti", "tk"),
            expected=pl.col("hari_kerja"),
            expected_label="Hari Kerja",
        ),
        Rule(
            "terlambat_maksimum",
            _sum(*_TL) <= pl.col("hadir"),
            "tl1",
            "Jumlah TL1-TL4 ({_found}) tidak boleh melebihi Hadir ({hadir}).",
            message_en="TL1-TL4 add up to {_found}, which may not exceed Hadir ({hadir}).",
            found=_sum(*_TL),
            expected=pl.col("hadir"),
            relation="≤",
            expected_label="Hadir",
        ),
        Rule(
            "pulang_cepat_maksimum",
            _sum(*_PSW) <= pl.col("hadir"),
            "psw1",
            "Jumlah PSW1-PSW4 ({_found}) tidak boleh melebihi Hadir ({hadir}).",
            message_en="PSW1-PSW4 add up to {_found}, which may not exceed Hadir ({hadir}).",
            found=_sum(*_PSW),
            expected=pl.col("hadir"),
            relation="≤",
            expected_label="Hadir",
        ),
        Rule(
            "apel_maksimum",
            pl.col("apel_hadir") <= pl.col("apel_wajib"),
            "apel_hadir",
            "Apel Hadir ({apel_hadir}) tidak boleh melebihi Apel Wajib ({apel_wajib}).",
            message_en="Apel Hadir ({apel_hadir}) may not exceed Apel Wajib ({apel_wajib}).",
            expected=pl.col("apel_wajib"),
            relation="≤",
            expected_label="Apel Wajib",
        ),
        Rule(
            "menit_terlambat_minimum",
            pl.col("menit_terlambat") >= _band_minimum("tl"),
            "menit_terlambat",
            "Menit Terlambat ({menit_terlambat}) kurang dari batas bawah hari TL1-TL4 "
            "(1, 31, 61 dan 91 menit per hari, di sini {_expected}): periksa menit atau jumlah "
            "hari TL.",
            message_en="Menit Terlambat ({menit_terlambat}) is below the lower bounds of the "
            "TL1-TL4 days (1, 31, 61 and 91 minutes a day, here {_expected}): check the minutes "
            "or the TL days.",
            expected=_band_minimum("tl"),
            relation="≥",
            expected_label="TL1-TL4",
        ),
        Rule(
            "menit_pulang_cepat_minimum",
            pl.col("menit_pulang_cepat") >= _band_minimum("psw"),
            "menit_pulang_cepat",
            "Menit Pulang Cepat ({menit_pulang_cepat}) kurang dari batas bawah hari PSW1-PSW4 "
            "(1, 31, 61 dan 91 menit per hari, di sini {_expected}): periksa menit atau jumlah "
            "hari PSW.",
            message_en="Menit Pulang Cepat ({menit_pulang_cepat}) is below the lower bounds of "
            "the PSW1-PSW4 days (1, 31, 61 and 91 minutes a day, here {_expected}): check the "
            "minutes or the PSW days.",
            expected=_band_minimum("psw"),
            relation="≥",
            expected_label="PSW1-PSW4",
        ),
    ),
)

PENGADUAN = Sheet(
    name="Pengaduan",
    layout=Layout.TABLE,
    table="fact_pengaduan",
    help="Pengaduan yang masuk bulan ini dan pengaduan lama yang masih diproses pada awal bulan.",
    unique=("nomor",),
    fields=(
        Field("Nomor", "nomor", Kind.TEXT, "Nomor pengaduan, tetap sama di setiap laporan."),
        Field("Tanggal Masuk", "tanggal_masuk", Kind.DATE, "Tanggal pengaduan diterima."),
        Field("Saluran", "saluran", Kind.CHOICE, "Saluran pengaduan.", choices=SALURAN),
        Field(
            "Kategori",
            "kategori",
            Kind.CHOICE,
            "Kategori pengaduan.",
            choices=KATEGORI_PENGADUAN,
            width=18,
        ),
        Field(
            "Ringkasan",
            "ringkasan",
            Kind.TEXT,
            "Ringkasan isi pengaduan.",
            required=False,
            width=40,
        ),
        Field(
            "Tanggal Selesai",
            "tanggal_selesai",
            Kind.DATE,
            "Tanggal pengaduan selesai ditangani; kosong bila masih diproses.",
            required=False,
        ),
        Field("Status", "status", Kind.CHOICE, "Selesai atau Proses.", choices=STATUS_PENGADUAN),
    ),
    rules=(
        Rule(
            "tanggal_masuk_dalam_periode",
            pl.col("tanggal_masuk") <= pl.col("_period_end"),
            "tanggal_masuk",
            "Tanggal Masuk {tanggal_masuk} sesudah akhir periode laporan.",
            message_en="Tanggal Masuk {tanggal_masuk} is after the end of the report period.",
            expected=pl.col("_period_end"),
            relation="≤",
        ),
        Rule(
            "tanggal_selesai_setelah_masuk",
            pl.col("tanggal_selesai") >= pl.col("tanggal_masuk"),
            "tanggal_selesai",
            "Tanggal Selesai {tanggal_selesai} sebelum Tanggal Masuk {tanggal_masuk}.",
            message_en="Tanggal Selesai {tanggal_selesai} is before Tanggal Masuk {tanggal_masuk}.",
            expected=pl.col("tanggal_masuk"),
            relation="≥",
            expected_label="Tanggal Masuk",
        ),
        Rule(
            "tanggal_selesai_dalam_periode",
            pl.col("tanggal_selesai") <= pl.col("_period_end"),
            "tanggal_selesai",
            "Tanggal Selesai {tanggal_selesai} sesudah akhir periode laporan.",
            message_en="Tanggal Selesai {tanggal_selesai} is after the end of the report period.",
            expected=pl.col("_period_end"),
            relation="≤",
        ),
        Rule(
            "status_sesuai_tanggal_selesai",
            (pl.col("status") == "Selesai") == pl.col("tanggal_selesai").is_not_null(),
            "status",
            "Status {status} tidak sesuai: Status Selesai jika dan hanya jika "
            "Tanggal Selesai diisi.",
            message_en="Status {status} does not fit: Status is Selesai if and only if "
            "Tanggal Selesai is filled in.",
        ),
    ),
)

SURVEI_KEPUASAN = Sheet(
    name="Survei Kepuasan",
    layout=Layout.TABLE,
    table="fact_survei_kepuasan",
    help="Survei Kepuasan Masyarakat (PermenPAN-RB 14/2017), satu baris per responden. "
    "Nilai U1-U9: 1 tidak baik, 2 kurang baik, 3 baik, 4 sangat baik.",
    fields=(
        Field("Tanggal", "tanggal", Kind.DATE, "Tanggal pengisian survei (dalam periode)."),
        Field("Jenis Kelamin", "jenis_kelamin", Kind.CHOICE, "L atau P.", choices=JENIS_KELAMIN),
        Field(
            "Usia",
            "usia",
            Kind.INT,
            "Usia responden (10-120), boleh kosong.",
            required=False,
            min=10,
            max=120,
            width=8,
        ),
        Field(
            "Pendidikan",
            "pendidikan",
            Kind.CHOICE,
            "Pendidikan terakhir, boleh kosong.",
            required=False,
            choices=PENDIDIKAN,
        ),
        Field(
            "Responden",
            "responden",
            Kind.CHOICE,
            "Kelompok responden.",
            choices=RESPONDEN,
            width=18,
        ),
        *(
            Field(f"U{i}", f"u{i}", Kind.INT, f"Unsur {i}: {unsur} (1-4).", min=1, max=4, width=6)
            for i, unsur in enumerate(UNSUR_IKM, start=1)
        ),
    ),
    rules=(
        Rule(
            "tanggal_survei_dalam_periode",
            pl.col("tanggal").is_between(pl.col("_period_start"), pl.col("_period_end")),
            "tanggal",
            "Tanggal survei {tanggal} di luar periode laporan.",
            message_en="Survey date {tanggal} is outside the report period.",
        ),
    ),
)

PEMBINAAN = Sheet(
    name="Pembinaan",
    layout=Layout.TABLE,
    table="fact_pembinaan",
    help="Kegiatan pembinaan pegawai bulan ini, satu baris per kegiatan.",
    fields=(
        Field("Tanggal", "tanggal", Kind.DATE, "Tanggal kegiatan (dalam periode)."),
        Field("Tema", "tema", Kind.CHOICE, "Tema pembinaan.", choices=TEMA_PEMBINAAN, width=22),
        _count("Peserta Wajib", "peserta_wajib", "Pegawai yang wajib hadir (minimal 1).", min=1),
        _count("Peserta Hadir", "peserta_hadir", "Pegawai yang hadir."),
    ),
    rules=(
        Rule(
            "tanggal_pembinaan_dalam_periode",
            pl.col("tanggal").is_between(pl.col("_period_start"), pl.col("_period_end")),
            "tanggal",
            "Tanggal pembinaan {tanggal} di luar periode laporan.",
            message_en="Coaching date {tanggal} is outside the report period.",
        ),
        Rule(
            "peserta_hadir_maksimum",
            pl.col("peserta_hadir") <= pl.col("peserta_wajib"),
            "peserta_hadir",
            "Peserta Hadir ({peserta_hadir}) tidak boleh melebihi Peserta Wajib ({peserta_wajib}).",
            message_en="Peserta Hadir ({peserta_hadir}) may not exceed Peserta Wajib "
            "({peserta_wajib}).",
            expected=pl.col("peserta_wajib"),
            relation="≤",
            expected_label="Peserta Wajib",
        ),
    ),
)

INTEGRITAS = Sheet(
    name="Integritas",
    layout=Layout.KEY_VALUE,
    table="fact_integritas",
    help="Integritas dan citra lembaga bulan ini.",
    fields=(
        _count(
            "Insiden Etika Media Sosial",
            "insiden_etika_media_sosial",
            "Unggahan atau komentar pegawai di media sosial yang merugikan lembaga.",
        ),
        _count(
            "Insiden Ditindaklanjuti",
            "insiden_ditindaklanjuti",
            "Insiden yang sudah ditindaklanjuti.",
        ),
        _count(
            "Unggahan Informasi Layanan",
            "unggahan_informasi_layanan",
            "Unggahan informasi layanan di akun resmi.",
        ),
        _count(
            "Hukuman Disiplin Ringan",
            "hukuman_disiplin_ringan",
            "Hukuman disiplin ringan yang dijatuhkan bulan ini.",
        ),
        _count(
            "Hukuman Disiplin Sedang",
            "hukuman_disiplin_sedang",
            "Hukuman disiplin sedang yang dijatuhkan bulan ini.",
        ),
        _count(
            "Hukuman Disiplin Berat",
            "hukuman_disiplin_berat",
            "Hukuman disiplin berat yang dijatuhkan bulan ini.",
        ),
    ),
    rules=(
        Rule(
            "tindak_lanjut_maksimum",
            pl.col("insiden_ditindaklanjuti") <= pl.col("insiden_etika_media_sosial"),
            "insiden_ditindaklanjuti",
            "Insiden Ditindaklanjuti ({insiden_ditindaklanjuti}) tidak boleh melebihi "
            "Insiden Etika Media Sosial ({insiden_etika_media_sosial}).",
            message_en="Insiden Ditindaklanjuti ({insiden_ditindaklanjuti}) may not exceed "
            "Insiden Etika Media Sosial ({insiden_etika_media_sosial}).",
            expected=pl.col("insiden_etika_media_sosial"),
            relation="≤",
            expected_label="Insiden Etika Media Sosial",
        ),
    ),
)

SHEETS: tuple[Sheet, ...] = (
    IDENTITAS,
    PENERIMA_MANFAAT,
    LAYANAN,
    KEHADIRAN_PEGAWAI,
    PENGADUAN,
    SURVEI_KEPUASAN,
    PEMBINAAN,
    INTEGRITAS,
)
SHEETS_BY_NAME: dict[str, Sheet] = {s.name: s for s in SHEETS}


def sheet_key(name: str) -> str:
    """How sheet names are compared: case-insensitive, outer spaces ignored."""
    return " ".join(str(name).split()).casefold()


def header_key(label: str) -> str:
    """How column headers and key-value labels are compared."""
    return " ".join(str(label).split()).casefold()
