"""The demonstration files: reports validation must refuse, or accept with one warning.

Each :class:`Case` starts from one real sample report (``BASE_UNIT`` in
``BASE_MONTH``, checked by :func:`base_report` to have the rows the cases
edit) and changes exactly one thing, so the file triggers exactly one
finding: ``ERROR_CASES`` fill ``sample_data/with_errors/``,
``WARNING_CASES`` fill ``sample_data/with_warnings/``, and
:func:`write_cases_readme` lists them with the sheet, cell and rule the
finding must name. The tests load every file and check that finding.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from data_loaders.schema import (
    IDENTITAS,
    INTEGRITAS,
    KEHADIRAN_PEGAWAI,
    LAYANAN,
    PEMBINAAN,
    PENERIMA_MANFAAT,
    PENGADUAN,
    SURVEI_KEPUASAN,
    Sheet,
)
from data_loaders.template import (
    KV_FIRST_ROW,
    TABLE_FIRST_DATA_ROW,
    TABLE_HEADER_ROW,
)
from upt_dashboard.months import Month
from upt_dashboard.sample.simulation import MonthReport, UnitHistory
from upt_dashboard.sample.writing import (
    build_workbook,
    report_bytes,
    stable_bytes,
)


@dataclass(frozen=True)
class Case:
    """One demonstration file: what is wrong and what validation must say."""

    file: str
    sheet: str  # "" = the file itself
    cell: str | Callable[[MonthReport], str]  # "B9"; "" = the whole sheet or file
    rule: str  # the finding's rule id
    says: str  # what the message tells the operator (Bahasa Indonesia)
    change: Callable[[MonthReport], MonthReport | bytes]  # returns the changed report or raw bytes
    # Cell-level edits after filling (a formula, a number where text belongs…).
    after: Callable[[Workbook, MonthReport], None] | None = None

    def where(self, base: MonthReport) -> str:
        """The cell the finding names, for the report the case starts from."""
        return self.cell(base) if callable(self.cell) else self.cell


def _kv_cell(sheet: Sheet, name: str) -> str:
    return f"B{KV_FIRST_ROW + sheet.names.index(name)}"


def _col(sheet: Sheet, name: str) -> str:
    return get_column_letter(sheet.names.index(name) + 1)


def _row(index: int) -> int:
    return TABLE_FIRST_DATA_ROW + index


def _cell(sheet: Sheet, name: str, index: int) -> str:
    return f"{_col(sheet, name)}{_row(index)}"


def _edit(sheet: Sheet, changes: Callable[[dict | list], None]):
    """A ``Case.change`` that edits one sheet's values."""

    def change(base: MonthReport) -> MonthReport:
        data = {
            k: (dict(v) if isinstance(v, dict) else [dict(r) for r in v])
            for k, v in base.data.items()
        }
        changes(data[sheet.name])
        return MonthReport(base.unit, base.period, data, True)

    return change


def _same(base: MonthReport) -> MonthReport:
    return base


def _set_cell(sheet: Sheet, ref: str, value, number_format: str | None = None):
    def after(wb: Workbook, report: MonthReport) -> None:
        wb[sheet.name][ref].value = value
        if number_format:
            wb[sheet.name][ref].number_format = number_format

    return after


def _to_2099(base: MonthReport) -> MonthReport:
    """The same report for the same month of 2099, with every date moved along."""

    def move(v):
        return v.replace(year=2099 + (v.year - base.period.year)) if isinstance(v, date) else v

    data = {
        k: (
            {f: move(x) for f, x in v.items()}
            if isinstance(v, dict)
            else [{f: move(x) for f, x in r.items()} for r in v]
        )
        for k, v in base.data.items()
    }
    return MonthReport(base.unit, Month(2099, base.period.month), data, True)


def _truncated(base: MonthReport) -> bytes:
    data = report_bytes(base)
    return data[: len(data) // 2]


def _csv_text(base: MonthReport) -> bytes:
    rows = base.data[KEHADIRAN_PEGAWAI.name]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    fields = KEHADIRAN_PEGAWAI.fields_in("1")  # the demonstration files are version 1
    writer.writerow([f.label for f in fields])
    for r in rows[:5]:
        writer.writerow(["" if r.get(f.name) is None else r[f.name] for f in fields])
    return out.getvalue().encode("utf-8")


def _delete_column(sheet: Sheet, name: str):
    def after(wb: Workbook, report: MonthReport) -> None:
        wb[sheet.name].delete_cols(sheet.names.index(name) + 1)

    return after


def _nip_as_number(wb: Workbook, report: MonthReport) -> None:
    """The NIP typed into a General cell: Excel keeps 15 significant digits."""
    nip = report.data[KP.name][_K]["nip"]
    _set_cell(KP, _cell(KP, "nip", _K), float(f"{int(nip):.15g}"), "General")(wb, report)


def _delete_sheet(sheet: Sheet):
    def after(wb: Workbook, report: MonthReport) -> None:
        del wb[sheet.name]

    return after


# The base report for every demonstration file; its rows are chosen so each
# change below breaks exactly one rule (see ``base_report``).
BASE_UNIT, BASE_MONTH = "PSTW-JBG", Month(2026, 3)
# Row indices used below, fixed by ``base_report``'s checks.
_K = 2  # Kehadiran Pegawai row: a PNS with a NIP, present most days
_P = 0  # Pengaduan row: finished within the month
_S = 3  # Survei Kepuasan row
_B = 0  # Pembinaan row
_L = 1  # Layanan row
KP, PG, SV, PB, LY, PMF, ID, IG = (
    KEHADIRAN_PEGAWAI,
    PENGADUAN,
    SURVEI_KEPUASAN,
    PEMBINAAN,
    LAYANAN,
    PENERIMA_MANFAAT,
    IDENTITAS,
    INTEGRITAS,
)


def _k(**values):
    return _edit(KP, lambda rows: rows[_K].update(values))


def _kf(fn):
    return _edit(KP, lambda rows: rows[_K].update(fn(rows[_K])))


def _pg(fn):
    return _edit(PG, lambda rows: rows[_P].update(fn(rows[_P])))


def _pm(fn):
    return _edit(PMF, lambda v: v.update(fn(v)))


def _add_service(rows: list[dict]) -> None:
    rows.append(dict(rows[0]))


ERROR_CASES: tuple[Case, ...] = (
    # The file itself
    Case(
        "bukan_excel.xlsx",
        "",
        "",
        "bukan_xlsx",
        "Isi berkas adalah teks/CSV, bukan workbook Excel; simpan sebagai .xlsx.",
        _csv_text,
    ),
    Case(
        "berkas_rusak.xlsx",
        "",
        "",
        "berkas_rusak",
        "Berkas rusak atau tidak lengkap; simpan ulang di Excel lalu unggah lagi.",
        _truncated,
    ),
    Case(
        "berkas_kosong.xlsx", "", "", "berkas_kosong", "Berkas kosong (0 byte).", lambda base: b""
    ),
    # Structure
    Case(
        "lembar_hilang.xlsx",
        INTEGRITAS.name,
        "",
        "lembar_tidak_ada",
        "Lembar 'Integritas' tidak ada; gunakan templat resmi.",
        _same,
        _delete_sheet(INTEGRITAS),
    ),
    Case(
        "kolom_hilang.xlsx",
        KP.name,
        "",
        "judul_kolom_tidak_ditemukan",
        "Baris judul kolom tidak lengkap: kolom TK tidak ada.",
        _same,
        _delete_column(KP, "tk"),
    ),
    # Identitas
    Case(
        "kode_upt_tidak_dikenal.xlsx",
        ID.name,
        _kv_cell(ID, "kode_upt"),
        "kode_upt_tidak_dikenal",
        "Kode UPT 'PSTW-JMB' tidak dikenal dalam daftar UPT.",
        _same,
        _set_cell(ID, _kv_cell(ID, "kode_upt"), "PSTW-JMB"),
    ),
    Case(
        "periode_masa_depan.xlsx",
        ID.name,
        _kv_cell(ID, "tahun"),
        "di_luar_rentang",
        "Tahun 2099 di luar rentang (2015 sampai tahun ini): periode di masa depan.",
        _to_2099,
    ),
    Case(
        "versi_format_lain.xlsx",
        ID.name,
        _kv_cell(ID, "versi_format"),
        "versi_format_tidak_didukung",
        "Versi Format '3' tidak didukung; gunakan templat versi 1 atau 2.",
        _same,
        _set_cell(ID, _kv_cell(ID, "versi_format"), "3"),
    ),
    Case(
        "nama_kepala_kosong.xlsx",
        ID.name,
        _kv_cell(ID, "nama_kepala_upt"),
        "nilai_wajib",
        "Nama Kepala UPT wajib diisi.",
        _edit(ID, lambda v: v.update(nama_kepala_upt=None)),
    ),
    Case(
        "bulan_tidak_dikenal.xlsx",
        ID.name,
        _kv_cell(ID, "bulan"),
        "bulan_tidak_valid",
        "Bulan '13' bukan bulan; isi 1–12 atau nama bulan.",
        _same,
        _set_cell(ID, _kv_cell(ID, "bulan"), 13),
    ),
    # Penerima Manfaat
    Case(
        "neraca_pm_tidak_seimbang.xlsx",
        PMF.name,
        _kv_cell(PMF, "pm_akhir_bulan"),
        "neraca_pm",
        "PM Awal + Masuk − semua Keluar harus sama dengan PM Akhir Bulan.",
        _pm(lambda v: {"pm_keluar_meninggal": v["pm_keluar_meninggal"] + 2}),
    ),
    Case(
        "laki_perempuan_tidak_sama.xlsx",
        PMF.name,
        _kv_cell(PMF, "pm_laki_laki_akhir_bulan"),
        "jenis_kelamin_pm",
        "PM Laki-laki + PM Perempuan harus sama dengan PM Akhir Bulan.",
        _pm(lambda v: {"pm_laki_laki_akhir_bulan": v["pm_laki_laki_akhir_bulan"] + 1}),
    ),
    Case(
        "kebutuhan_dasar_melebihi.xlsx",
        PMF.name,
        _kv_cell(PMF, "pm_terpenuhi_kebutuhan_dasar"),
        "kebutuhan_dasar_maksimum",
        "PM Terpenuhi Kebutuhan Dasar tidak boleh melebihi PM Awal Bulan + PM Masuk.",
        _pm(lambda v: {"pm_terpenuhi_kebutuhan_dasar": v["pm_awal_bulan"] + v["pm_masuk"] + 5}),
    ),
    Case(
        "rumus_tanpa_nilai.xlsx",
        PMF.name,
        _kv_cell(PMF, "pm_akhir_bulan"),
        "rumus_tanpa_nilai",
        "PM Akhir Bulan berisi rumus tanpa nilai tersimpan; buka dan "
        "simpan berkas di Excel/LibreOffice.",
        _same,
        _set_cell(PMF, _kv_cell(PMF, "pm_akhir_bulan"), "=B3+B4-B5-B6-B7-B8"),
    ),
    Case(
        "bukan_angka.xlsx",
        PMF.name,
        _kv_cell(PMF, "daya_tampung"),
        "angka_tidak_valid",
        "Daya Tampung 'seratus empat puluh' bukan angka.",
        _pm(lambda v: {"daya_tampung": "seratus empat puluh"}),
    ),
    # Layanan
    Case(
        "pilihan_tidak_dikenal.xlsx",
        LY.name,
        _cell(LY, "jenis_layanan", _L),
        "pilihan_tidak_valid",
        "Jenis Layanan 'Terapi Musik' tidak dikenal; pilih dari daftar.",
        _edit(LY, lambda rows: rows[_L].update(jenis_layanan="Terapi Musik")),
    ),
    Case(
        "layanan_ganda.xlsx",
        LY.name,
        lambda b: _cell(LY, "jenis_layanan", len(b.data[LY.name])),
        "nilai_ganda",
        "Jenis Layanan yang sama tercantum dua kali (baris terakhir mengulang baris pertama).",
        _edit(LY, _add_service),
    ),
    Case(
        "jumlah_tidak_bulat.xlsx",
        LY.name,
        _cell(LY, "jumlah_peserta", _L),
        "bukan_bilangan_bulat",
        "Jumlah Peserta '12,5' bukan bilangan bulat.",
        _edit(LY, lambda rows: rows[_L].update(jumlah_peserta="12,5")),
    ),
    Case(
        "angka_negatif.xlsx",
        IG.name,
        _kv_cell(IG, "unggahan_informasi_layanan"),
        "di_luar_rentang",
        "Unggahan Informasi Layanan -2 di luar rentang; isi bilangan bulat 0 atau lebih.",
        _edit(IG, lambda v: v.update(unggahan_informasi_layanan=-2)),
    ),
    # Kehadiran Pegawai
    Case(
        "nip_sebagai_angka.xlsx",
        KP.name,
        _cell(KP, "nip", _K),
        "nip_berformat_angka",
        "NIP tersimpan sebagai angka (1.97…E+17); format kolom NIP sebagai Teks dan ketik ulang.",
        _same,
        _nip_as_number,
    ),
    Case(
        "nip_panjang_salah.xlsx",
        KP.name,
        _cell(KP, "nip", _K),
        "nip_tidak_valid",
        "NIP harus 18 digit angka (di sini 17 digit).",
        _kf(lambda r: {"nip": r["nip"][:-1]}),
    ),
    Case(
        "nip_ganda.xlsx",
        KP.name,
        _cell(KP, "nip", _K + 1),
        "nilai_ganda",
        "NIP yang sama dipakai dua pegawai.",
        _edit(KP, lambda rows: rows[_K + 1].update(nip=rows[_K]["nip"])),
    ),
    Case(
        "nip_kosong_asn.xlsx",
        KP.name,
        _cell(KP, "nip", _K),
        "nip_wajib_asn",
        "NIP wajib diisi untuk pegawai berstatus PNS.",
        _k(nip=None),
    ),
    Case(
        "hari_kerja_tidak_sesuai.xlsx",
        KP.name,
        _cell(KP, "hari_kerja", _K),
        "jumlah_hari_kerja",
        "Hadir + Dinas Luar + Sakit + Izin + Cuti + TK harus sama dengan Hari Kerja.",
        _kf(lambda r: {"sakit": r["sakit"] + 1}),
    ),
    Case(
        "hari_kerja_di_luar_batas.xlsx",
        KP.name,
        _cell(KP, "hari_kerja", _K),
        "di_luar_rentang",
        "Hari Kerja 32 di luar rentang 0–31 (tidak ada bulan dengan 32 hari).",
        _kf(
            lambda r: {
                "hari_kerja": 32,
                "hadir": r["hadir"] + 32 - r["hari_kerja"],
                "apel_wajib": r["apel_wajib"] + 32 - r["hari_kerja"],
            }
        ),
    ),
    Case(
        "terlambat_melebihi_hadir.xlsx",
        KP.name,
        _cell(KP, "tl1", _K),
        "terlambat_maksimum",
        "Jumlah TL1–TL4 tidak boleh melebihi Hadir.",
        _kf(lambda r: {"tl1": r["hadir"] - r["tl2"] - r["tl3"] - r["tl4"] + 1}),
    ),
    Case(
        "pulang_cepat_melebihi_hadir.xlsx",
        KP.name,
        _cell(KP, "psw1", _K),
        "pulang_cepat_maksimum",
        "Jumlah PSW1–PSW4 tidak boleh melebihi Hadir.",
        _kf(lambda r: {"psw1": r["hadir"] - r["psw2"] - r["psw3"] - r["psw4"] + 1}),
    ),
    Case(
        "apel_melebihi_wajib.xlsx",
        KP.name,
        _cell(KP, "apel_hadir", _K),
        "apel_maksimum",
        "Apel Hadir tidak boleh melebihi Apel Wajib.",
        _kf(lambda r: {"apel_hadir": r["apel_wajib"] + 2}),
    ),
    Case(
        "status_pegawai_kosong.xlsx",
        KP.name,
        _cell(KP, "status", _K),
        "nilai_wajib",
        "Status wajib diisi.",
        _k(status=None),
    ),
    # Pengaduan
    Case(
        "tanggal_pengaduan_setelah_periode.xlsx",
        PG.name,
        _cell(PG, "tanggal_masuk", _P),
        "tanggal_masuk_dalam_periode",
        "Tanggal Masuk sesudah akhir periode laporan.",
        _pg(
            lambda r: {
                "tanggal_masuk": date(2026, 4, 6),
                "tanggal_selesai": None,
                "status": "Proses",
            }
        ),
    ),
    Case(
        "tanggal_selesai_sebelum_masuk.xlsx",
        PG.name,
        _cell(PG, "tanggal_selesai", _P),
        "tanggal_selesai_setelah_masuk",
        "Tanggal Selesai sebelum Tanggal Masuk.",
        _pg(lambda r: {"tanggal_selesai": r["tanggal_masuk"] - timedelta(2)}),
    ),
    Case(
        "tanggal_selesai_setelah_periode.xlsx",
        PG.name,
        _cell(PG, "tanggal_selesai", _P),
        "tanggal_selesai_dalam_periode",
        "Tanggal Selesai sesudah akhir periode laporan.",
        _pg(lambda r: {"tanggal_selesai": date(2026, 4, 7)}),
    ),
    Case(
        "status_pengaduan_tidak_sesuai.xlsx",
        PG.name,
        _cell(PG, "status", _P),
        "status_sesuai_tanggal_selesai",
        "Status Selesai jika dan hanya jika Tanggal Selesai diisi.",
        _pg(lambda r: {"tanggal_selesai": None}),
    ),
    Case(
        "nomor_pengaduan_ganda.xlsx",
        PG.name,
        _cell(PG, "nomor", _P + 1),
        "nilai_ganda",
        "Nomor pengaduan yang sama tercantum dua kali.",
        _edit(PG, lambda rows: rows[_P + 1].update(nomor=rows[_P]["nomor"])),
    ),
    Case(
        "tanggal_tidak_terbaca.xlsx",
        PG.name,
        _cell(PG, "tanggal_masuk", _P),
        "tanggal_tidak_valid",
        "Tanggal Masuk '31/02/2026' bukan tanggal; isi dd/mm/yyyy.",
        _pg(lambda r: {"tanggal_masuk": "31/02/2026"}),
    ),
    # Survei Kepuasan
    Case(
        "nilai_survei_di_luar_skala.xlsx",
        SV.name,
        _cell(SV, "u3", _S),
        "di_luar_rentang",
        "U3 bernilai 5, di luar skala 1–4.",
        _edit(SV, lambda rows: rows[_S].update(u3=5)),
    ),
    Case(
        "tanggal_survei_di_luar_periode.xlsx",
        SV.name,
        _cell(SV, "tanggal", _S),
        "tanggal_survei_dalam_periode",
        "Tanggal survei di luar periode laporan.",
        _edit(SV, lambda rows: rows[_S].update(tanggal=date(2026, 2, 27))),
    ),
    Case(
        "jenis_kelamin_tidak_dikenal.xlsx",
        SV.name,
        _cell(SV, "jenis_kelamin", _S),
        "pilihan_tidak_valid",
        "Jenis Kelamin 'Laki-laki' tidak dikenal; isi L atau P.",
        _edit(SV, lambda rows: rows[_S].update(jenis_kelamin="Laki-laki")),
    ),
    # Pembinaan
    Case(
        "peserta_hadir_melebihi_wajib.xlsx",
        PB.name,
        _cell(PB, "peserta_hadir", _B),
        "peserta_hadir_maksimum",
        "Peserta Hadir tidak boleh melebihi Peserta Wajib.",
        _edit(PB, lambda rows: rows[_B].update(peserta_hadir=rows[_B]["peserta_wajib"] + 3)),
    ),
    Case(
        "tanggal_pembinaan_di_luar_periode.xlsx",
        PB.name,
        _cell(PB, "tanggal", _B),
        "tanggal_pembinaan_dalam_periode",
        "Tanggal pembinaan di luar periode laporan.",
        _edit(PB, lambda rows: rows[_B].update(tanggal=date(2026, 4, 2))),
    ),
    # Integritas
    Case(
        "insiden_ditindaklanjuti_melebihi.xlsx",
        IG.name,
        _kv_cell(IG, "insiden_ditindaklanjuti"),
        "tindak_lanjut_maksimum",
        "Insiden Ditindaklanjuti tidak boleh melebihi Insiden Etika Media Sosial.",
        _edit(IG, lambda v: v.update(insiden_etika_media_sosial=1, insiden_ditindaklanjuti=2)),
    ),
)


def _extra_sheet(wb: Workbook, report: MonthReport) -> None:
    ws = wb.create_sheet("Catatan")
    ws["A1"] = "Catatan operator: laporan dikirim setelah rapat evaluasi."


def _unknown_column(wb: Workbook, report: MonthReport) -> None:
    ws = wb[KP.name]
    col = len(KP.fields_in("1")) + 1
    ws.cell(TABLE_HEADER_ROW, col, "Keterangan")
    ws.cell(_row(0), col, "Koordinator")


def _totals_row(wb: Workbook, report: MonthReport) -> None:
    rows = report.data[LY.name]
    r = _row(len(rows))
    ws = wb[LY.name]
    ws.cell(r, 1, "JUMLAH")
    for c, name in enumerate(LY.names[1:], start=2):
        ws.cell(r, c, sum(row[name] for row in rows))


WARNING_CASES: tuple[Case, ...] = (
    Case(
        "lembar_tambahan.xlsx",
        "Catatan",
        "",
        "lembar_tambahan",
        "Lembar 'Catatan' bukan bagian dari format laporan dan diabaikan.",
        _same,
        _extra_sheet,
    ),
    Case(
        "kolom_tidak_dikenal.xlsx",
        KP.name,
        f"{get_column_letter(len(KP.fields_in('1')) + 1)}{TABLE_HEADER_ROW}",
        "kolom_tidak_dikenal",
        "Kolom 'Keterangan' tidak dikenal dan diabaikan.",
        _same,
        _unknown_column,
    ),
    Case(
        "baris_jumlah.xlsx",
        LY.name,
        lambda b: f"A{_row(len(b.data[LY.name]))}",
        "baris_jumlah",
        "Baris JUMLAH diabaikan; dashboard menghitung jumlahnya sendiri.",
        _same,
        _totals_row,
    ),
    Case(
        "melebihi_daya_tampung.xlsx",
        PMF.name,
        _kv_cell(PMF, "pm_akhir_bulan"),
        "melebihi_daya_tampung",
        "PM Akhir Bulan melebihi Daya Tampung.",
        _pm(lambda v: {"daya_tampung": v["pm_akhir_bulan"] - 3}),
    ),
    Case(
        "sesi_melebihi_rencana.xlsx",
        LY.name,
        _cell(LY, "sesi_terlaksana", _L),
        "sesi_melebihi_rencana",
        "Sesi Terlaksana melebihi Sesi Direncanakan.",
        _edit(LY, lambda rows: rows[_L].update(sesi_terlaksana=rows[_L]["sesi_direncanakan"] + 2)),
    ),
    Case(
        "tanggal_laporan_sebelum_akhir_periode.xlsx",
        ID.name,
        _kv_cell(ID, "tanggal_laporan"),
        "tanggal_laporan_sebelum_akhir_periode",
        "Tanggal Laporan sebelum hari terakhir periode; periksa tanggalnya.",
        _edit(ID, lambda v: v.update(tanggal_laporan=date(2026, 3, 20))),
    ),
    Case(
        "nama_upt_berbeda.xlsx",
        ID.name,
        _kv_cell(ID, "nama_upt"),
        "nama_upt_berbeda",
        "Nama UPT berbeda dengan nama terdaftar; laporan dicatat dengan nama terdaftar.",
        _same,
        _set_cell(ID, _kv_cell(ID, "nama_upt"), "UPT PSTW Jombang"),
    ),
    Case(
        "versi_format_kosong.xlsx",
        ID.name,
        _kv_cell(ID, "versi_format"),
        "versi_format_diasumsikan",
        "Versi Format tidak diisi; dianggap versi 1.",
        _same,
        _set_cell(ID, _kv_cell(ID, "versi_format"), None),
    ),
)


def base_report(history: UnitHistory) -> MonthReport:
    """The report every demonstration file starts from, checked to have the
    rows the cases edit (so each case breaks exactly one rule)."""
    base = next(m for m in history.months if m.period == BASE_MONTH)
    kp, pg = base.data[KP.name], base.data[PG.name]
    sv, pb, ly = base.data[SV.name], base.data[PB.name], base.data[LY.name]
    assert kp[_K]["status"] == "PNS" and kp[_K]["nip"] and kp[_K]["hadir"] >= 5
    assert kp[_K + 1]["nip"] and kp[_K]["apel_wajib"] <= 21
    assert len(pg) >= 2 and pg[_P]["status"] == "Selesai" and pg[_P]["tanggal_masuk"].day > 2
    assert len(sv) > _S and len(pb) > _B and len(ly) > _L
    return base


def build_case(case: Case, base: MonthReport) -> bytes:
    """The bytes of ``case``'s file: ``base`` changed, built on the template, then
    edited cell by cell; or the raw bytes the change returns (not a workbook at all)."""
    changed = case.change(base)
    if isinstance(changed, bytes):
        return changed
    wb = build_workbook(changed.unit, changed.period, changed.data)
    if case.after:
        case.after(wb, changed)
    return stable_bytes(wb)


def write_cases_readme(
    path: Path, cases: tuple[Case, ...], outcome: str, base: MonthReport
) -> None:
    """The README of a demonstration folder: one table row per case, with the sheet, cell
    and rule its finding must name (``outcome``: "ditolak" or "diterima dengan peringatan")."""
    lines = [
        f"# Berkas contoh yang {outcome}",
        "",
        f"Setiap berkas adalah laporan {base.unit.code} {base.period} dari data "
        "contoh dengan satu perubahan. Kolom *aturan* adalah `rule` pada temuan validasi; "
        "*sel* adalah tempat yang disebut temuan (kosong = seluruh berkas/lembar).",
        "",
        "| Berkas | Lembar | Sel | Aturan | Yang harus dikatakan validasi |",
        "|---|---|---|---|---|",
    ]
    for c in cases:
        lines.append(
            f"| `{c.file}` | {c.sheet or '(berkas)'} | {c.where(base) or '—'} | "
            f"`{c.rule}` | {c.says} |"
        )
    lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
