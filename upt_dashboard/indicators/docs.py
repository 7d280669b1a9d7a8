"""``docs/indikator.md``, generated from the catalogue and the configuration.

python -m upt_dashboard.indicators.docs            rewrite docs/indikator.md
python -m upt_dashboard.indicators.docs --check    exit 1 if the file is out of date
"""

from __future__ import annotations

import sys
from datetime import date

import polars as pl

from upt_dashboard import paths
from upt_dashboard.docgen import write_or_check
from upt_dashboard.indicators.catalogue import (
    BY_ID,
    INDICATORS,
    Direction,
    Domain,
    Indicator,
    Method,
)
from upt_dashboard.indicators.complaints import due_date_expr, indonesian_holidays
from upt_dashboard.indicators.composite import composite_formula
from upt_dashboard.indicators.config import Config, load_config
from upt_dashboard.indicators.formatting import format_number, format_value
from upt_dashboard.indicators.ikm import BANDS
from upt_dashboard.months import Month

DOC_PATH = paths.DOCS_DIR / "indikator.md"

DOMAIN_TITLES = {
    Domain.ORIENTASI_PELAYANAN: "Orientasi pelayanan",
    Domain.DISIPLIN: "Disiplin",
    Domain.INTEGRITAS: "Integritas dan citra lembaga",
    Domain.KOMPOSIT: "Indeks komposit",
}
DIRECTION_TEXT = {
    Direction.HIGHER: "makin tinggi makin baik",
    Direction.LOWER: "makin rendah makin baik",
    Direction.NEUTRAL: "netral (konteks, tanpa warna)",
    Direction.TARGET_RANGE: "dalam rentang target (terlalu rendah dan terlalu tinggi buruk)",
}
UNIT_TEXT = {
    "percent": "persen",
    "index": "indeks",
    "days": "hari",
    "count": "jumlah",
    "ratio": "rasio",
}


def render(config: Config) -> str:
    """The whole Markdown document."""
    lines = [
        "# Indikator dasbor layanan UPT",
        "",
        "Dokumen ini dibuat otomatis dari katalog indikator (`indicators/catalogue.py`) dan "
        "konfigurasi (`config/indicators.toml`) dengan `python -m upt_dashboard.indicators.docs`. "
        "Jangan diubah dengan tangan.",
        "",
        "Aturan umum:",
        "",
        "- Setiap rasio dihitung sebagai **Σ pembilang ÷ Σ penyebut** atas semua UPT dan "
        "bulan dalam cakupan, tidak pernah rata-rata rasio per UPT.",
        "- Triwulan atau tahun yang belum/tidak seluruhnya berisi data disebut bersama "
        "bulan-bulannya, misalnya *Triwulan IV 2026 (Okt)*, dan perubahannya dibandingkan "
        "dengan bulan yang sama dari periode sebelumnya (Oktober dengan Juli); bila periode "
        "sebelumnya tidak memuat bulan itu, tidak ada perbandingan.",
        "- Hanya versi laporan terakhir (versi berlaku) yang dihitung; ketepatan waktu "
        "laporan memakai unggahan pertama.",
        "- UPT yang jenisnya tidak termasuk cakupan indikator tidak dihitung (bukan nol).",
        "- Nilai gabungan selalu dinamai menurut cakupannya: *Provinsi Jawa Timur* hanya bila "
        "mencakup semua UPT (kode `PROVINSI` di CSV); jenis UPT, satu UPT atau pilihan UPT "
        "diberi namanya sendiri (kode `CAKUPAN`), dan nilai provinsi yang sebenarnya digambar "
        "di sampingnya sebagai pembanding.",
        "- Indeks komposit hanya diberi nilai bila UPT (atau cakupan) punya laporan pada "
        "periode itu dan komponen yang bernilai membawa paling sedikit "
        f"{round(config.composite_min_weight * 100)}% bobot; komponen tanpa nilai dikeluarkan "
        "dan bobot sisanya dinormalkan, dan jumlah komponen yang dipakai ditampilkan di samping "
        "nilainya. Selain itu indeks kosong (—) dengan alasannya: *tanpa laporan* atau "
        "*komponen kurang* — tidak pernah 0 atau 100 dengan sendirinya.",
        "- Warna dinilai pada nilai yang sudah dibulatkan seperti ditampilkan. Ambang "
        "indikator jumlah berlaku per UPT per bulan.",
        f"- Batas unggah laporan: tanggal {config.report_deadline_day} bulan berikutnya, "
        "akhir hari WIB. Bulan yang batasnya belum lewat tidak dihitung.",
        f"- Pengaduan jatuh tempo {config.complaint_working_days} hari kerja sesudah hari "
        "diterima — standar layanan Dinas Sosial Provinsi Jawa Timur yang dapat diatur, bukan "
        "aturan nasional. Hari kerja dihitung mulai hari sesudah diterima; Sabtu, Minggu dan "
        f"hari libur tidak dihitung ({_holiday_text(config)}). Contoh: diterima Selasa 17 "
        f"Maret 2026, jatuh tempo {_example_due(config)} (18-24 Maret libur Nyepi, Idul "
        "Fitri dan cuti bersama).",
        "- Setiap pengaduan dihitung sekali, pada periode (bulan, triwulan, tahun) tempat "
        "tanggal jatuh temponya berada. *Penyelesaian* = yang Selesai paling lambat hari "
        "terakhir periode itu ÷ yang jatuh tempo dalam periode; *tepat waktu* = yang Selesai "
        "paling lambat pada batas hari kerja ÷ yang jatuh tempo (yang masih terbuka lewat "
        "tenggat terlambat). Karena itu nilai triwulan bukan gabungan nilai bulanan: pengaduan "
        "yang jatuh tempo Januari dan selesai Maret belum selesai untuk Januari, tetapi "
        "selesai untuk Triwulan I.",
        "- Pengaduan yang tanggal jatuh temponya belum tercakup laporan terbaru UPT-nya "
        "berstatus *belum jatuh tempo*: tidak dihitung, bukan kegagalan. Pengaduan terbuka "
        "yang sudah lewat tenggat masuk daftar *tunggakan* dengan umurnya dalam hari kerja "
        "(halaman Ringkasan dan Profil UPT).",
        "",
    ]
    for domain, title in DOMAIN_TITLES.items():
        lines += [f"## {title}", ""]
        for ind in INDICATORS:
            if ind.domain is domain:
                lines += _section(ind, config)
    lines += _ikm_bands(config) + _ladder(config) + _anomalies(config)
    return "\n".join(lines).rstrip() + "\n"


def _example_due(config: Config) -> str:
    """The due date of a complaint received on 17 March 2026 under ``config``, in words."""
    received = date(2026, 3, 17)
    holiday_dates = indonesian_holidays([2026], config.holiday_categories)
    due = (
        pl.DataFrame({"d": [received]})
        .select(due_date_expr(pl.col("d"), config.complaint_working_days, holiday_dates))
        .item()
    )
    days = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
    return f"{days[due.weekday()]} {due.day} {Month.of(due).label()}"


def _holiday_text(config: Config) -> str:
    names = {"public": "libur nasional", "government": "cuti bersama"}
    return "yang dikecualikan: " + " dan ".join(names[c] for c in config.holiday_categories)


def _section(ind: Indicator, config: Config) -> list[str]:
    formula = (
        composite_formula(ind.id, config)
        if ind.method is Method.COMPOSITE and ind.id in config.composites
        else ind.formula
    )
    applies = (
        "jenis UPT rehabilitasi (rehabilitation = true di config/unit_types.csv)"
        if ind.rehabilitation_only
        else ", ".join(ind.applies_to)
        if ind.applies_to
        else "semua UPT"
    )
    return [
        f"### {ind.name_id} (`{ind.id}`)",
        "",
        f"*{ind.name_en}.* {ind.description}",
        "",
        "| | |",
        "|---|---|",
        f"| Rumus | {formula} |",
        f"| Satuan | {UNIT_TEXT[ind.unit.value]}, {ind.decimals} desimal |",
        f"| Arah | {DIRECTION_TEXT[ind.direction]} |",
        f"| Berlaku untuk | {applies} |",
        f"| Target | {_target(ind, config)} |",
        f"| Warna | {_bands(ind, config)} |",
        f"| n | {ind.n_label} |",
        f"| Acuan | {ind.standard} |",
        "",
    ]


def _target(ind: Indicator, config: Config) -> str:
    band = config.band(ind.id)
    if ind.direction is Direction.TARGET_RANGE and band.target_min is not None:
        return f"{format_value(ind, band.target_min)} – {format_value(ind, band.target_max)}"
    return "–" if band.target is None else format_value(ind, band.target)


def _bands(ind: Indicator, config: Config) -> str:
    band = config.band(ind.id)
    if band.green is None or ind.direction is Direction.NEUTRAL:
        return "tanpa warna"
    if ind.method is Method.IKM:
        return (
            f"mengikuti mutu pelayanan: hijau mutu A dan B (≥ {format_value(ind, band.green)}); "
            f"kuning mutu C (≥ {format_value(ind, band.yellow)}); merah mutu D"
        )
    if ind.direction is Direction.TARGET_RANGE:

        def span(pair):
            return f"{format_value(ind, pair[0])} – {format_value(ind, pair[1])}"

        return f"hijau {span(band.green)}; kuning {span(band.yellow)}; selain itu merah"
    sign = "≥" if ind.direction is Direction.HIGHER else "≤"
    if band.green == band.yellow:  # no warning step: anything past green is red
        return f"hijau {sign} {format_value(ind, band.green)}; selain itu merah"
    return (
        f"hijau {sign} {format_value(ind, band.green)}; kuning {sign} "
        f"{format_value(ind, band.yellow)}; selain itu merah"
    )


def _ikm_bands(config: Config) -> list[str]:
    lines = [
        "## Mutu pelayanan IKM (PermenPAN-RB No. 14/2017)",
        "",
        "| Mutu | Kinerja | IKM (dibulatkan 2 desimal) |",
        "|---|---|---|",
    ]
    upper = 100.0
    for low, letter, label in BANDS:
        lines.append(f"| {letter} | {label} | {low:.2f} – {upper:.2f} |".replace(".", ","))
        upper = round(low - 0.01, 2)
    charging = ", ".join(config.charging_units) or "tidak ada"
    return lines + [
        "",
        "IKM dibulatkan setengah ke atas ke 2 desimal (seperti ROUND di Excel) sebelum mutunya "
        "ditentukan: 76,605 menjadi 76,61, mutu B.",
        "",
        "**Tanda integritas (unsur U4 Biaya/Tarif).** Di UPT yang tidak memungut biaya, "
        "jawaban U4 seharusnya 4 (gratis). Setiap UPT-bulan dengan jawaban U4 di bawah 4 "
        "didaftar sebagai tanda integritas (kemungkinan pungutan liar) beserta jumlah "
        "respondennya, untuk diperiksa — bukan vonis. UPT yang memungut biaya "
        f"(`charging_units` di konfigurasi): {charging}.",
        "",
    ]


def _ladder(config: Config) -> list[str]:
    minutes = format_number(config.minutes_per_day)
    lines = [
        "## Peringatan dini disiplin (PP No. 94/2021)",
        "",
        "Dihitung per orang sejak Januari sampai bulan yang dipilih, di semua UPT tempat ia "
        "dilaporkan: orang dikenali dari NIP (pegawai tanpa NIP: nama di UPT-nya), sehingga "
        "pegawai yang pindah UPT tetap membawa hitungannya; daftar menyebut UPT-nya.",
        "",
        "- Hari TK dijumlah.",
        f"- Terlambat masuk dan pulang sebelum waktunya dijumlah dalam menit lalu dibagi "
        f"{minutes} (7,5 jam = 1 hari; penjelasan PP 94/2021 Pasal 4). Bila kolom Menit "
        "Terlambat / Menit Pulang Cepat (format versi 2) diisi, menit itu dipakai; bila tidak, "
        "setiap hari TL1/PSW1, TL2/PSW2, TL3/PSW3, TL4/PSW4 dihitung 1, 31, 61, 91 menit "
        "(batas bawah rentangnya) dan hasilnya ditandai *perkiraan minimal*.",
        "- Total hari = hari TK + hari dari keterlambatan, dibulatkan setengah ke atas ke 2 "
        "desimal; ambang dinilai pada total ini. Contoh: 10 hari TK dan 474 menit TL → 10 + "
        f"{format_number(474 / config.minutes_per_day, 2)} = "
        f"{format_number(10 + 474 / config.minutes_per_day, 2)} hari: ambang 11 "
        + (
            "sudah tercapai walaupun hari TK-nya baru 10."
            if 10 + 474 / config.minutes_per_day >= 11
            else "belum tercapai."
        ),
        f"- Pegawai dengan {config.monthly_tk_flag} hari TK atau lebih dalam satu bulan "
        "ditandai untuk diperiksa Kepala UPT (10 hari kerja berturut-turut tanpa keterangan "
        "adalah alasan pemberhentian PNS; jumlah bulanan tidak menunjukkan berturut-turut "
        "atau tidak).",
        "- Tangga sanksi dan rumusannya mengikuti status kepegawaian pada bulan terakhir "
        "orang itu; rumusan PNS tidak pernah dipakai untuk PPPK atau Non ASN.",
        "",
    ]
    for status, steps in config.ladders.items():
        lines += [f"### {status}", ""]
        lines += [f"- {step.days} hari — {step.level}: {step.sanction}" for step in steps]
        lines.append("")
    return lines


def _anomalies(config: Config) -> list[str]:
    def names(ids) -> str:
        return ", ".join(BY_ID[i].name_id for i in ids) or "tidak ada"

    minimum = "; ".join(
        f"{BY_ID[i].name_id} {format_number(v)}" for i, v in config.anomaly_min_base.items()
    )
    changes = "; ".join(
        f"{BY_ID[i].name_id} {format_value(BY_ID[i], v)}"
        for i, v in config.anomaly_min_change.items()
    )
    return [
        "## Anomali dan daftar perlu perhatian",
        "",
        "Anomali menandai nilai satu UPT yang jauh dari riwayatnya sendiri (bulanan):",
        "",
        "- z robust = |nilai − median| ÷ (1,4826 × MAD) atas riwayat UPT itu, paling banyak "
        f"{config.anomaly_history_months} bulan terakhir sampai akhir periode; ditandai "
        f"bila lebih dari {format_number(config.anomaly_z, 1)} dan riwayatnya paling sedikit "
        f"{config.anomaly_min_history} bulan.",
        "- Tidak ditandai: nilai yang bertumpu pada terlalu sedikit hal (paling sedikit: "
        f"{minimum or 'tidak ada'}) — nilai itu juga tidak masuk riwayat; nilai yang sudah "
        "merah menurut statusnya; perubahan yang lebih kecil dari yang layak diperiksa (3 poin "
        "persen, 3 poin indeks, 3 hari, seperempat median untuk rasio, "
        f"{format_number(config.anomaly_min_count_change)} untuk jumlah; khusus: "
        f"{changes or 'tidak ada'}); kabar baik yang masih hijau, kecuali z-nya dua kali "
        "batas; keterisian yang masih dalam rentang hijau; indikator yang digerakkan cuti "
        f"({names(config.anomaly_seasonal)}) pada bulan Lebaran (Idul Fitri dan cuti "
        "bersamanya, dari pustaka holidays).",
        "- Perubahan yang masih dalam galat samplingnya tidak ditandai: IKM bila selisihnya "
        f"tidak lebih dari {format_number(config.anomaly_sampling_z, 1)} × galat baku surveinya "
        "bulan itu (25 × simpangan baku skor rata-rata responden ÷ √n); persentase bila tidak "
        f"lebih dari {format_number(config.anomaly_sampling_z, 1)} × √(p(1 − p) ÷ penyebut) "
        "pada p = median.",
        f"- Uji tren: {config.anomaly_trend_months} nilai terakhir setiap UPT diuji dengan uji "
        "Mann-Kendall; penurunan (ke arah buruk) dengan |Z| paling sedikit "
        f"{format_number(config.anomaly_trend_z, 1)}, yang besarnya (kemiringan Theil-Sen × "
        "panjang jendela) layak diperiksa dan paling sedikit tiga kali sebaran di sekitar "
        "garisnya, ditandai sekali pada bulan terakhir. Indikator netral, rentang target dan "
        "jumlah tidak diuji tren.",
        "- Indeks komposit tidak dinilai; komponennya yang dinilai.",
        "",
        "Daftar *perlu perhatian* di Ringkasan memuat untuk periode yang dipilih: laporan yang "
        "belum masuk atau terlambat, indikator merah, tanda integritas U4, pegawai yang "
        "mencapai ambang disiplin baru atau TK banyak dalam sebulan (jumlahnya saja), "
        "pengaduan yang lewat tenggat, survei yang respondennya kurang dari tabel "
        "Krejcie-Morgan, dan anomali.",
        "",
    ]


def main(argv: list[str] | None = None) -> int:
    """Write the document, or with ``--check`` report whether it is up to date."""
    argv = sys.argv[1:] if argv is None else argv
    return write_or_check(
        DOC_PATH, render(load_config()), argv, "python -m upt_dashboard.indicators.docs"
    )


if __name__ == "__main__":
    sys.exit(main())
