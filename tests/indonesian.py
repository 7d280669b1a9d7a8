"""Finding Indonesian left on an English page: marker words, minus what is Indonesian on purpose.

Words that are Indonesian by design stay: the workbook contract's sheet,
column and label names and choice values (the clerk's file speaks them),
unit and place names, regulation names, the IKM letter grades' scale. Any
other Indonesian word in English text is a missed translation.
"""

from __future__ import annotations

import re

from data_loaders.schema import SHEETS
from upt_dashboard.storage.registry import read_registry

# Common Indonesian words that are not English words.
MARKERS = frozenset(
    """
    dan yang untuk dengan tidak belum sudah dari pada ini itu atau oleh ke bulan tahun
    laporan periode pegawai pengaduan unggah unduh simpan periksa jumlah nilai hari sesi
    peserta berkas lembar kolom baris seharusnya ditemukan kesalahan peringatan tanpa
    keterangan semua hanya bila jika akan telah masih lebih kurang baik buruk waspada
    perlu perhatian rata diisi wajib boleh kosong terisi templat triwulan januari
    februari maret mei juni juli agustus oktober desember tren perbandingan profil
    kelengkapan kualitas riwayat unggahan ekspor definisi indikator ringkasan capaian
    provinsi terlambat tepat waktu selesai proses sumber grafik tabel pilih semua
    tampilkan bahasa sebelumnya dibanding penerima manfaat layanan kehadiran pembinaan
    integritas survei kepuasan masuk keluar akhir awal daya tampung apel hadir sakit
    izin cuti dinas luar alasan median skor bobot komponen batas bawah atas target
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# English words that are spelt like a marker.
ENGLISH_TOO = frozenset({"target", "median", "data"})

_CONTRACT = sorted(
    {f.label for s in SHEETS for f in s.fields}
    | {s.name for s in SHEETS}
    | {c for s in SHEETS for f in s.fields for c in f.choices},
    key=len,
    reverse=True,
)
_PROPER = [
    "Dinas Sosial Provinsi Jawa Timur",
    "Jawa Timur",
    "Tresna Werdha",
    "Bina Laras",
    "Bina Netra",
    "Bina Grahita",
    "Bina Daksa",
    "Bina Remaja",
    "Asuhan Anak",
    "PermenPAN-RB",
    "Permensos",
    "Perpres",
    "Krejcie-Morgan",
    "Kode UPT",
    "Nama UPT",
    "Nama Kepala UPT",
    "Tanggal Laporan",
    "Versi Format",
    "Hukuman Disiplin",
    "Ringan",
    "Sedang",
    "Berat",
    "Rujukan",
    "Lainnya",
    "Reintegrasi",
    "Meninggal",
    "PM Keluar",
    "Insiden",
    "Ditindaklanjuti",
    "NRR",
    "IKM",
    "WIB",
    "JUMLAH/TOTAL",
]


def _allowed() -> list[str]:
    registry = read_registry()
    names = [str(n) for frame in registry for col in ("name", "city") if col in frame.columns
             for n in frame[col].to_list()]  # fmt: skip
    return sorted({*_CONTRACT, *_PROPER, *names}, key=len, reverse=True)


_ALLOWED: re.Pattern | None = None
_WORD = re.compile(r"[A-Za-zÀ-ÿ]+")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def indonesian_words(text: str) -> set[str]:
    """The Indonesian marker words in ``text`` once contract terms and proper nouns are removed."""
    global _ALLOWED
    if _ALLOWED is None:
        phrases = "|".join(re.escape(p) for p in _allowed() if p)
        _ALLOWED = re.compile(rf"(?<![\w-])(?:{phrases})(?![\w-])")
    text = _ALLOWED.sub(" ", _PLACEHOLDER.sub(" ", text))
    words = {w.casefold() for w in _WORD.findall(text)}
    return {w for w in words if w in MARKERS and w not in ENGLISH_TOO}
