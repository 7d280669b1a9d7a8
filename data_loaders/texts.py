"""What findings say, in Bahasa Indonesia and in English, keyed by message.

Findings are Indonesian by contract (the CLI, the stored warnings, the
comments in the annotated workbook). The upload page also speaks English,
so a finding carries a :class:`Text` — a key and its values — from which
either language renders. The Indonesian rendering is the finding's
``message``. Rule messages live with their rule in :mod:`data_loaders.schema`
and are registered here under ``rule.<name>``.

Values may themselves be :class:`Text` (a sentence saying what is expected
inside a sentence saying what is wrong): they render in the same language.
"""

from __future__ import annotations

from dataclasses import dataclass

from data_loaders.schema import SHEETS

LANGUAGES = ("id", "en")


@dataclass(frozen=True)
class Text:
    """A message key and its values (a tuple of pairs, so findings stay hashable)."""

    key: str
    values: tuple[tuple[str, object], ...] = ()

    def render(self, lang: str = "id") -> str:
        """The sentence in ``lang`` (``id`` or ``en``); unknown keys raise KeyError."""
        entry = TEXTS[self.key]
        template = entry.get(lang) or entry["id"]
        values = {k: v.render(lang) if isinstance(v, Text) else v for k, v in self.values}
        return template.format(**values)

    def as_dict(self) -> dict:
        """JSON-ready form (stored with a submission's warnings)."""
        return {
            "key": self.key,
            "values": {k: v.as_dict() if isinstance(v, Text) else v for k, v in self.values},
        }

    @classmethod
    def from_dict(cls, data: dict) -> Text:
        values = {
            k: cls.from_dict(v) if isinstance(v, dict) else v for k, v in data["values"].items()
        }
        return text(data["key"], **values)


def text(key: str, **values: object) -> Text:
    """``Text`` of ``key`` with ``values``; values are kept as given (str, int, Text)."""
    return Text(key, tuple(values.items()))


TEXTS: dict[str, dict[str, str]] = {
    # --- whole file ---------------------------------------------------------------------
    "berkas_tidak_didukung": {
        "id": "Berkas '{filename}' tidak didukung. Unggah berkas Excel berekstensi .xlsx "
        "(atau .xlsm).",
        "en": "File '{filename}' is not supported. Upload an Excel file ending in .xlsx "
        "(or .xlsm).",
    },
    "berkas_kosong": {
        "id": "Berkas kosong (0 byte). Unggah ulang berkas laporan.",
        "en": "The file is empty (0 bytes). Upload the report file again.",
    },
    "berkas_terlalu_besar": {
        "id": "Berkas terlalu besar ({size}); batasnya {limit}. Hapus lembar atau gambar "
        "yang tidak perlu.",
        "en": "The file is too large ({size}); the limit is {limit}. Remove sheets or "
        "pictures that are not needed.",
    },
    "berkas_rusak": {
        "id": "Berkas rusak atau tidak lengkap ({detail}). Buka berkas di Excel, simpan ulang, "
        "lalu unggah lagi.",
        "en": "The file is damaged or incomplete ({detail}). Open it in Excel, save it again, "
        "then upload it again.",
    },
    "berkas_mencurigakan": {
        "id": "Isi berkas mencurigakan: setelah diekstrak menjadi {size}, melebihi batas "
        "{limit}. Unggah berkas laporan yang dibuat dari templat resmi.",
        "en": "Suspicious content: unpacked it would take {size}, over the limit of {limit}. "
        "Upload a report made from the official template.",
    },
    "berkas_mencurigakan_bagian": {
        "id": "Isi berkas mencurigakan: bagian '{part}' dimampatkan secara tidak wajar "
        "({size} dari {packed}). Unggah berkas laporan yang dibuat dari templat resmi.",
        "en": "Suspicious content: part '{part}' is compressed unusually ({size} from "
        "{packed}). Upload a report made from the official template.",
    },
    "berkas_mencurigakan_alasan": {
        "id": "Isi berkas mencurigakan: {reason}. Unggah berkas laporan yang dibuat dari "
        "templat resmi.",
        "en": "Suspicious content: {reason}. Upload a report made from the official template.",
    },
    "arsip_banyak_bagian": {
        "id": "berisi {n} bagian (batasnya {limit})",
        "en": "it holds {n} parts (the limit is {limit})",
    },
    "arsip_melebihi_batas": {
        "id": "bagian '{part}' mengembang melebihi batas ukuran isi berkas ({limit})",
        "en": "part '{part}' unpacks beyond the size allowed for a file's content ({limit})",
    },
    "arsip_bagian_terenkripsi": {
        "id": "bagian '{part}' terenkripsi",
        "en": "part '{part}' is encrypted",
    },
    "arsip_pemampatan_asing": {
        "id": "bagian '{part}' memakai pemampatan yang tidak dikenal",
        "en": "part '{part}' uses an unknown compression",
    },
    "arsip_isi_tidak_sesuai": {
        "id": "isi bagian '{part}' tidak sesuai dengan ukuran atau CRC yang dinyatakan",
        "en": "the content of part '{part}' does not match its declared size or CRC",
    },
    "arsip_bagian_terpotong": {
        "id": "bagian '{part}' terpotong",
        "en": "part '{part}' is cut short",
    },
    "arsip_kepala_terpotong": {
        "id": "kepala bagian '{part}' terpotong",
        "en": "the header of part '{part}' is cut short",
    },
    "arsip_kepala_rusak": {
        "id": "kepala bagian '{part}' rusak",
        "en": "the header of part '{part}' is damaged",
    },
    "lembar_terlalu_banyak": {
        "id": "Berkas berisi {n} lembar; batasnya {limit}. Gunakan templat resmi dan hapus "
        "lembar yang tidak perlu.",
        "en": "The file has {n} sheets; the limit is {limit}. Use the official template and "
        "remove the sheets that are not needed.",
    },
    "lembar_terlalu_besar": {
        "id": "Lembar terlalu besar: isinya mencapai {what}. Hapus baris atau kolom kosong yang "
        "masih berisi data di bawah atau di kanan tabel, lalu simpan ulang.",
        "en": "The sheet is too large: its content reaches {what}. Delete the rows or columns "
        "below or right of the table that still hold data, then save again.",
    },
    "ukuran_baris": {
        "id": "{n} baris; batasnya {limit} baris",
        "en": "{n} rows; the limit is {limit} rows",
    },
    "ukuran_kolom": {
        "id": "{n} kolom; batasnya {limit} kolom",
        "en": "{n} columns; the limit is {limit} columns",
    },
    "isi_sel_terlalu_panjang": {
        "id": "{label}: isi sel terlalu panjang ({n} karakter; batasnya {limit}). Ringkas isinya.",
        "en": "{label}: the cell's text is too long ({n} characters; the limit is {limit}). "
        "Shorten it.",
    },
    "ukuran_karakter": {"id": "{n} karakter", "en": "{n} characters"},
    "harap.paling_panjang": {
        "id": "paling banyak {limit} karakter",
        "en": "at most {limit} characters",
    },
    "temuan_serupa": {
        "id": "…dan {rest} temuan serupa lainnya (seperti: {sample})",
        "en": "…and {rest} more findings like it (such as: {sample})",
    },
    "bukan_workbook": {
        "id": "Berkas ini bukan workbook Excel .xlsx (bagian xl/workbook.xml tidak ada). "
        "Simpan laporan sebagai 'Excel Workbook (.xlsx)'.",
        "en": "This file is not an Excel .xlsx workbook (part xl/workbook.xml is missing). "
        "Save the report as 'Excel Workbook (.xlsx)'.",
    },
    "berkas_terenkripsi": {
        "id": "Berkas dilindungi kata sandi (terenkripsi) sehingga tidak bisa dibaca. Buka di "
        "Excel, hapus kata sandinya (File > Info > Protect Workbook), simpan, lalu unggah lagi.",
        "en": "The file is password-protected (encrypted) and cannot be read. Open it in "
        "Excel, remove the password (File > Info > Protect Workbook), save, then upload again.",
    },
    "berkas_xls": {
        "id": "Berkas berformat Excel lama (.xls). Buka di Excel lalu Simpan Sebagai "
        "'Excel Workbook (.xlsx)', kemudian unggah lagi.",
        "en": "The file is in the old Excel format (.xls). Open it in Excel, Save As "
        "'Excel Workbook (.xlsx)', then upload again.",
    },
    "bukan_xlsx": {
        "id": "{what} Buka di Excel lalu Simpan Sebagai 'Excel Workbook (.xlsx)', atau isi "
        "templat resmi.",
        "en": "{what} Open it in Excel and Save As 'Excel Workbook (.xlsx)', or fill in the "
        "official template.",
    },
    "bukan_xlsx.html": {
        "id": "Berkas ini ternyata halaman web (HTML/XML) yang diberi nama .xlsx.",
        "en": "This file is really a web page (HTML/XML) named .xlsx.",
    },
    "bukan_xlsx.csv": {
        "id": "Berkas ini ternyata teks/CSV yang diberi nama .xlsx.",
        "en": "This file is really text/CSV named .xlsx.",
    },
    "bukan_xlsx.other": {
        "id": "Berkas ini bukan berkas Excel .xlsx.",
        "en": "This file is not an Excel .xlsx file.",
    },
    "berkas_tidak_terbaca": {
        "id": "Berkas tidak dapat dibaca sebagai workbook Excel ({detail}). Buka di Excel, "
        "simpan ulang sebagai .xlsx, lalu unggah lagi.",
        "en": "The file cannot be read as an Excel workbook ({detail}). Open it in Excel, "
        "save it again as .xlsx, then upload again.",
    },
    "berkas_tidak_dapat_dibuka": {
        "id": "Berkas {filename} tidak dapat dibuka: {detail}.",
        "en": "File {filename} cannot be opened: {detail}.",
    },
    # --- sheets, headers, labels ---------------------------------------------------------
    "lembar_tambahan": {
        "id": "Lembar '{sheet}' bukan bagian dari format laporan dan diabaikan.",
        "en": "Sheet '{sheet}' is not part of the report format and is ignored.",
    },
    "lembar_ganda": {
        "id": "Lembar '{sheet}' sama dengan lembar '{first}'; hanya lembar pertama yang dibaca.",
        "en": "Sheet '{sheet}' is the same as sheet '{first}'; only the first one is read.",
    },
    "lembar_tidak_ada": {
        "id": "Lembar '{sheet}' tidak ada. Gunakan templat resmi; lembar tabel boleh tanpa "
        "baris data, tetapi lembarnya harus ada.",
        "en": "Sheet '{sheet}' is missing. Use the official template; a table sheet may have "
        "no data rows, but the sheet must be there.",
    },
    "lembar_tidak_terbaca": {
        "id": "Lembar tidak dapat dibaca ({detail}). Buka berkas di Excel, periksa lembar ini, "
        "lalu simpan ulang.",
        "en": "The sheet cannot be read ({detail}). Open the file in Excel, check this sheet, "
        "then save it again.",
    },
    "kolom_tidak_dikenal": {
        "id": "Kolom '{column}' tidak dikenal dan diabaikan.",
        "en": "Column '{column}' is not known and is ignored.",
    },
    "kolom_ganda": {
        "id": "Kolom '{column}' muncul dua kali (juga di {first}). Hapus salah satu; hanya "
        "kolom pertama yang dibaca.",
        "en": "Column '{column}' appears twice (also at {first}). Delete one; only the first "
        "is read.",
    },
    "kolom_tidak_ada": {
        "id": "Kolom '{column}' tidak ada di baris judul (baris {row}). Tambahkan kolom ini; "
        "isinya dibutuhkan untuk pemeriksaan laporan.",
        "en": "Column '{column}' is missing from the header row (row {row}). Add it; the "
        "report checks need its values.",
    },
    "kolom_opsional_tidak_ada": {
        "id": "Kolom '{column}' tidak ada di baris judul (baris {row}); dianggap kosong.",
        "en": "Column '{column}' is missing from the header row (row {row}); read as empty.",
    },
    "judul_kolom_tidak_ditemukan": {
        "id": "Baris judul kolom tidak ditemukan di {rows} baris pertama. Judul kolom yang "
        "diharapkan: {expected}.",
        "en": "No header row found in the first {rows} rows. Expected column headers: {expected}.",
    },
    "judul_kolom_tidak_lengkap": {
        "id": "Baris judul kolom tidak lengkap: kolom {missing} tidak ada (baris judul yang "
        "paling mirip: baris {row}). Judul kolom yang diharapkan: {expected}.",
        "en": "The header row is incomplete: column {missing} is missing (closest header "
        "row: row {row}). Expected column headers: {expected}.",
    },
    "baris_jumlah": {
        "id": "Baris {row} adalah baris JUMLAH/TOTAL dan diabaikan; dashboard menghitung "
        "jumlahnya sendiri.",
        "en": "Row {row} is a JUMLAH/TOTAL row and is ignored; the dashboard adds up by itself.",
    },
    "label_ganda": {
        "id": "Label '{label}' muncul lagi; yang dipakai baris {row}.",
        "en": "Label '{label}' appears again; row {row} is used.",
    },
    "label_tidak_ada": {
        "id": "Label '{label}' tidak ditemukan di kolom A lembar {sheet}. Tambahkan baris "
        "berlabel '{label}' dengan nilainya di kolom B.",
        "en": "Label '{label}' was not found in column A of sheet {sheet}. Add a row labelled "
        "'{label}' with its value in column B.",
    },
    "rumus_tanpa_nilai": {
        "id": "{label}: sel berisi rumus tanpa nilai tersimpan (berkas dibuat program dan "
        "belum pernah dibuka di aplikasi spreadsheet). Buka berkas di Excel atau LibreOffice, "
        "simpan, lalu unggah lagi.",
        "en": "{label}: the cell holds a formula without a saved value (the file was made by "
        "a program and never opened in a spreadsheet). Open it in Excel or LibreOffice, save, "
        "then upload again.",
    },
    "nilai_wajib": {"id": "{label} wajib diisi.", "en": "{label} is required."},
    # --- cells -----------------------------------------------------------------------------
    "angka_tidak_valid": {
        "id": "{label}: '{found}' bukan angka. {hint}",
        "en": "{label}: '{found}' is not a number. {hint}",
    },
    "bukan_bilangan_bulat": {
        "id": "{label}: '{found}' bukan bilangan bulat. {hint}",
        "en": "{label}: '{found}' is not a whole number. {hint}",
    },
    "di_luar_rentang": {
        "id": "{label}: {found} di luar rentang. {hint}",
        "en": "{label}: {found} is out of range. {hint}",
    },
    "isi.bulat_antara": {
        "id": "Isi bilangan bulat {low}–{high}.",
        "en": "Enter a whole number {low}–{high}.",
    },
    "isi.bulat_nol": {
        "id": "Isi bilangan bulat 0 atau lebih.",
        "en": "Enter a whole number, 0 or more.",
    },
    "isi.bulat_minimal": {
        "id": "Isi bilangan bulat minimal {low}.",
        "en": "Enter a whole number of at least {low}.",
    },
    "isi.bulat_maksimal": {
        "id": "Isi bilangan bulat paling banyak {high}.",
        "en": "Enter a whole number of at most {high}.",
    },
    "isi.bulat": {"id": "Isi bilangan bulat.", "en": "Enter a whole number."},
    "tanggal_tidak_valid": {
        "id": "{label}: '{found}' bukan tanggal. Isi tanggal dengan format dd/mm/yyyy, "
        "misalnya 05/03/2026.",
        "en": "{label}: '{found}' is not a date. Enter a date as dd/mm/yyyy, for example "
        "05/03/2026.",
    },
    "bulan_tidak_valid": {
        "id": "{label}: '{found}' bukan bulan. Isi angka 1–12 atau nama bulan, misalnya Maret.",
        "en": "{label}: '{found}' is not a month. Enter 1–12 or a month name, for example March.",
    },
    "pilihan_tidak_valid": {
        "id": "{label}: '{found}' tidak dikenal. Pilih salah satu: {choices}.",
        "en": "{label}: '{found}' is not known. Choose one of: {choices}.",
    },
    "nip_berformat_angka": {
        "id": "{label} '{found}' tersimpan sebagai angka, sehingga digit di belakang bisa "
        "berubah. Format kolom NIP sebagai Teks, lalu ketik ulang NIP 18 digit.",
        "en": "{label} '{found}' is stored as a number, so its last digits may have changed. "
        "Format the NIP column as Text, then type the 18-digit NIP again.",
    },
    "nip_tidak_valid": {
        "id": "{label} '{found}' tidak valid. NIP harus {digits} digit angka.",
        "en": "{label} '{found}' is not valid. A NIP has {digits} digits.",
    },
    # --- what a cell should hold: the "expected" column ------------------------------------
    "harap.rentang": {"id": "bilangan bulat {low}–{high}", "en": "whole number {low}–{high}"},
    "harap.minimal": {"id": "bilangan bulat ≥ {low}", "en": "whole number ≥ {low}"},
    "harap.maksimal": {"id": "bilangan bulat ≤ {high}", "en": "whole number ≤ {high}"},
    "harap.bulat": {"id": "bilangan bulat", "en": "whole number"},
    "harap.tanggal": {"id": "tanggal dd/mm/yyyy", "en": "date dd/mm/yyyy"},
    "harap.bulan": {"id": "1–12 atau nama bulan", "en": "1–12 or a month name"},
    "harap.pilihan": {"id": "{choices}", "en": "{choices}"},
    "harap.nip": {"id": "NIP {digits} digit, sebagai teks", "en": "{digits}-digit NIP, as text"},
    "harap.diisi": {"id": "diisi", "en": "filled in"},
    "harap.nilai": {"id": "{relation} {value}", "en": "{relation} {value}"},
    "harap.nilai_label": {
        "id": "{relation} {value} ({label})",
        "en": "{relation} {value} ({label})",
    },
    "harap.satu_kali": {"id": "satu kali saja", "en": "once only"},
    "harap.terdaftar": {"id": "kode terdaftar", "en": "a registered code"},
    "harap.versi": {"id": "versi {version}", "en": "version {version}"},
    "kosong": {"id": "kosong", "en": "empty"},
    # --- checks across cells (data_loaders.validator) -------------------------------------
    "kode_upt_tidak_dikenal": {
        "id": "Kode UPT '{code}' tidak dikenal dalam daftar UPT. {hint} Isi kode UPT yang "
        "terdaftar atau hubungi admin.",
        "en": "Unit code '{code}' is not in the unit registry. {hint} Enter a registered unit "
        "code or contact the admin.",
    },
    "unit_bukan_wewenang": {
        "id": "Laporan ini untuk UPT {code}, sedangkan akun Anda hanya boleh mengunggah laporan "
        "{allowed}. Tidak ada yang disimpan. Periksa Kode UPT di lembar Identitas, atau minta "
        "operator UPT {code} yang mengunggahnya.",
        "en": "This report is for unit {code}, but your account may upload reports of {allowed} "
        "only. Nothing was stored. Check the unit code on the Identitas sheet, or ask the "
        "operator of {code} to upload it.",
    },
    "kode_upt.mungkin": {"id": "Mungkin maksudnya: {codes}.", "en": "Did you mean: {codes}?"},
    "kode_upt.contoh": {
        "id": "Contoh kode terdaftar: {codes}.",
        "en": "Registered codes look like: {codes}.",
    },
    "nama_upt_berbeda": {
        "id": "Nama UPT '{name}' berbeda dengan nama terdaftar untuk {code}: '{registered}'. "
        "Laporan dicatat dengan nama terdaftar.",
        "en": "Unit name '{name}' differs from the registered name of {code}: '{registered}'. "
        "The report is recorded under the registered name.",
    },
    "tahun_di_luar_rentang": {
        "id": "Tahun: {found} di luar rentang. Isi tahun {low}–{high}.",
        "en": "Year: {found} is out of range. Enter a year {low}–{high}.",
    },
    "periode_masa_depan": {
        "id": "Periode {period} masih di masa depan (hari ini {today}). Laporan hanya untuk "
        "bulan berjalan atau sebelumnya; periksa Tahun dan Bulan.",
        "en": "Period {period_en} is still in the future (today is {today}). A report is for "
        "the current month or earlier; check Tahun and Bulan.",
    },
    "versi_format_diasumsikan": {
        "id": "Versi Format tidak diisi; dianggap versi {version}.",
        "en": "Versi Format is empty; version {version} is assumed.",
    },
    "versi_format_tidak_didukung": {
        "id": "Versi Format '{found}' tidak didukung; dashboard membaca versi {version}. "
        "Unduh templat terbaru dan salin isinya.",
        "en": "Versi Format '{found}' is not supported; the dashboard reads version "
        "{version}. Download the latest template and copy your entries into it.",
    },
    "pm_awal_berbeda_bulan_lalu": {
        "id": "PM Awal Bulan ({found}) berbeda dengan PM Akhir Bulan laporan {before} "
        "({expected}). Periksa kembali, atau perbaiki laporan bulan lalu.",
        "en": "PM Awal Bulan ({found}) differs from PM Akhir Bulan in the {before_en} report "
        "({expected}). Check again, or correct last month's report.",
    },
    "nilai_ganda": {
        "id": "{label} '{found}' sudah tercantum di {first}; setiap {label} hanya boleh satu "
        "kali. Gabungkan atau hapus baris ganda.",
        "en": "{label} '{found}' is already listed at {first}; each {label} may appear only "
        "once. Merge or delete the repeated row.",
    },
}

# Rule messages: declared with their rule in the schema, one catalogue here.
for _sheet in SHEETS:
    for _rule in _sheet.rules:
        TEXTS[f"rule.{_rule.name}"] = {"id": _rule.message, "en": _rule.message_en}
