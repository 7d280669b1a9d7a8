"""``docs/kontrak-workbook.md``, generated from the sheet schemas.

    python -m data_loaders.contract_doc            rewrite docs/kontrak-workbook.md
    python -m data_loaders.contract_doc --check    exit 1 if the file is out of date

Every sheet, field, kind, choice list and rule message comes from
:mod:`data_loaders.schema`; the limits from the reader and the checks
beyond the schema from :data:`data_loaders.validator.CHECKS`.
"""

from __future__ import annotations

import re
import sys

from data_loaders.cells import NIP_DIGITS
from data_loaders.reader import (
    ALLOWED_SUFFIXES,
    HEADER_SEARCH_ROWS,
    TOTALS_PREFIXES,
    column_needed,
)
from data_loaders.schema import (
    ASSUMED_VERSION,
    FORMAT_VERSION,
    FORMAT_VERSIONS,
    SHEETS,
    Field,
    Kind,
    Layout,
    Severity,
    Sheet,
)
from data_loaders.template import INSTRUCTIONS_SHEET, LISTS_SHEET
from data_loaders.validator import CHECKS
from upt_dashboard import paths, settings
from upt_dashboard.docgen import write_or_check

DOC_PATH = paths.DOCS_DIR / "kontrak-workbook.md"

KIND_TEXT = {
    Kind.TEXT: "teks",
    Kind.COUNT: "jumlah",
    Kind.INT: "bilangan bulat",
    Kind.DATE: "tanggal",
    Kind.MONTH: "bulan",
    Kind.CHOICE: "pilihan",
    Kind.NIP: f"NIP ({NIP_DIGITS} digit, sel berformat Teks)",
}
LAYOUT_TEXT = {
    Layout.TABLE: "tabel: baris judul kolom, lalu satu baris per data",
    Layout.KEY_VALUE: "label-nilai: label di kolom A, nilai di kolom B",
}
SEVERITY_TEXT = {Severity.ERROR: "Kesalahan", Severity.WARNING: "Peringatan"}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def render() -> str:
    """The whole Markdown document."""
    lines = [
        f"# Kontrak workbook laporan bulanan UPT — versi {' dan '.join(FORMAT_VERSIONS)}",
        "",
        "Dokumen ini dibuat otomatis dari skema lembar (`data_loaders/schema.py`) dengan "
        "`python -m data_loaders.contract_doc`. Jangan diubah dengan tangan.",
        "",
        "## Versi format",
        "",
        f"- Templat yang diunduh berversi {FORMAT_VERSION}. Berkas versi "
        f"{' dan '.join(FORMAT_VERSIONS)} sama-sama diterima; `Versi Format` kosong dianggap "
        f"versi {ASSUMED_VERSION} (peringatan), versi lain ditolak.",
        *(
            f"- Versi {version} menambah kolom tidak wajib: "
            + ", ".join(
                f"`{s.name}`!`{f.label}`" for s in SHEETS for f in s.fields if f.since == version
            )
            + ". Berkas tanpa kolom itu tetap sah; berkas versi 1 yang memuatnya dibaca sama."
            for version in FORMAT_VERSIONS[1:]
        ),
        "",
        *_general_rules(),
        "",
        "## Jenis isian",
        "",
        "| Jenis | Yang diterima |",
        "|---|---|",
        "| teks | teks bebas; spasi di awal/akhir dibuang |",
        "| jumlah / bilangan bulat | angka Excel, atau teks gaya Indonesia (`1.234` = seribu "
        "dua ratus tiga puluh empat, `12,5` = dua belas koma lima); harus bilangan bulat |",
        "| tanggal | tanggal Excel, atau teks `dd/mm/yyyy`, `dd-mm-yyyy`, `yyyy-mm-dd` |",
        "| bulan | `1`–`12`, atau nama bulan bahasa Indonesia/Inggris (huruf besar/kecil bebas) |",
        "| pilihan | salah satu pilihan; huruf besar/kecil dan spasi ganda tidak dibedakan |",
        f"| NIP | {NIP_DIGITS} digit sebagai teks (boleh berspasi); NIP yang tersimpan sebagai "
        "angka ditolak karena digit belakangnya bisa berubah |",
    ]
    for sheet in SHEETS:
        lines += ["", *_sheet_section(sheet)]
    return "\n".join(lines) + "\n"


def _general_rules() -> list[str]:
    suffixes = " atau ".join(f"`{s}`" for s in ALLOWED_SUFFIXES)
    totals = " atau ".join(f"`{p.upper()}`" for p in TOTALS_PREFIXES)
    return [
        "## Aturan umum",
        "",
        f"- Satu berkas {suffixes} per UPT per bulan, paling besar "
        f"{settings.default('DASHBOARD_MAX_UPLOAD_MB')} MB. Berkas `.xls`, CSV/HTML yang diganti "
        "namanya, berkas berkata sandi, rusak atau mencurigakan ditolak seluruhnya.",
        "- Nama lembar dicocokkan tanpa membedakan huruf besar/kecil dan spasi di awal/akhir. "
        "Lembar yang tidak ada adalah kesalahan; lembar tambahan diabaikan dengan peringatan "
        f"(kecuali lembar templat `{INSTRUCTIONS_SHEET}` dan `{LISTS_SHEET}`).",
        f"- Lembar tabel: baris judul kolom adalah baris pertama dalam {HEADER_SEARCH_ROWS} "
        "baris teratas yang memuat semua kolom wajib. Baris di atasnya diabaikan. Urutan "
        "kolom bebas; kolom tak dikenal diabaikan (peringatan). Kolom tidak wajib yang hilang "
        'dianggap kosong (peringatan), kecuali yang ditandai "kolomnya harus ada" '
        "(kesalahan). Baris "
        f"kosong dilewati; baris yang sel isian pertamanya diawali {totals} diabaikan "
        "(peringatan).",
        "- Lembar label-nilai: label di kolom A, nilai di kolom B; label lain diabaikan.",
        "- Rumus: nilai yang tersimpan bersama rumus yang dipakai. Rumus tanpa nilai tersimpan "
        "pada sel wajib adalah kesalahan: buka dan simpan berkas di Excel/LibreOffice.",
        "- Setiap temuan menyebut tempatnya (`Lembar!F12`) dan apa yang diharapkan. Semua "
        "temuan dilaporkan sekaligus. Satu kesalahan saja membuat berkas ditolak seluruhnya; "
        "peringatan tidak menghalangi.",
    ]


def _sheet_section(sheet: Sheet) -> list[str]:
    lines = [
        f"## Lembar `{sheet.name}`",
        "",
        f"{sheet.help} Bentuk: {LAYOUT_TEXT[sheet.layout]}.",
        "",
        "| Label | Jenis | Wajib | Pilihan / rentang | Keterangan |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| {f.label} | {KIND_TEXT[f.kind]} | {_required(sheet, f)} | {_allowed(f)} | {f.help} |"
        for f in sheet.fields
    ]
    checks = _checks(sheet)
    if checks:
        lines += ["", "Pemeriksaan:", "", *checks]
    return lines


def _required(sheet: Sheet, f: Field) -> str:
    if f.required:
        return "ya"
    if f.since != "1":
        return f"tidak (versi {f.since})"
    if f.required_note:
        return f.required_note + (" (kolomnya harus ada)" if column_needed(sheet, f) else "")
    if sheet.layout is Layout.TABLE and column_needed(sheet, f):
        return "tidak (kolomnya harus ada)"
    return "tidak"


def _allowed(f: Field) -> str:
    if f.choices:
        return ", ".join(f.choices)
    if f.kind is Kind.MONTH:
        return "1–12 atau nama bulan"
    if f.kind is Kind.DATE:
        return "dd/mm/yyyy"
    if f.kind in (Kind.COUNT, Kind.INT):
        low = f.min if f.min is not None else (0 if f.kind is Kind.COUNT else None)
        if low is not None and f.max is not None:
            return f"{low}–{f.max}"
        return f"≥ {low}" if low is not None else ""
    return ""


def _checks(sheet: Sheet) -> list[str]:
    labels = {f.name: f.label for f in sheet.fields} | {
        "_found": "nilai yang ditemukan",
        "_expected": "nilai seharusnya",
    }
    lines = [
        f"- **{SEVERITY_TEXT[r.severity]}** (`{r.name}`): "
        f"{_PLACEHOLDER.sub(lambda m: f'‹{labels.get(m[1], m[1])}›', r.message)}"
        for r in sheet.rules
    ]
    lines += [
        f"- **{SEVERITY_TEXT[Severity.ERROR]}** (`nilai_ganda`): {labels[name]} tidak "
        "boleh ganda dalam lembar ini."
        for name in sheet.unique
    ]
    lines += [
        f"- **{SEVERITY_TEXT[c.severity]}** (`{c.rule}`): {c.description}"
        for c in CHECKS
        if c.sheet == sheet.name
    ]
    return lines


def main(argv: list[str] | None = None) -> int:
    """Write the document, or with ``--check`` report whether it is up to date."""
    argv = sys.argv[1:] if argv is None else argv
    return write_or_check(DOC_PATH, render(), argv, "python -m data_loaders.contract_doc")


if __name__ == "__main__":
    sys.exit(main())
