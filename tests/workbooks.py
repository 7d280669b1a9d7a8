"""Test workbooks: a complete valid report, and helpers to break one thing.

Every rule test starts from ``valid_report_data`` written through the real
template (``data_loaders.template``), changes one value or cell, and checks
the one finding it expects.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from data_loaders.report import Report, ValidationContext, load_report
from data_loaders.schema import SHEETS_BY_NAME, Layout
from data_loaders.template import (
    KV_FIRST_ROW,
    TABLE_FIRST_DATA_ROW,
    fill_template,
    workbook_bytes,
    write_template,
)
from upt_dashboard.months import Month

UNIT = "PSTW-JBG"
UNIT_NAME = "UPT Pelayanan Sosial Tresna Werdha Jombang"
YEAR, MONTH = 2026, 3
TODAY = date(2026, 4, 8)
UNITS = {UNIT: UNIT_NAME, "RSBL-KDR": "UPT Rehabilitasi Sosial Bina Laras Kediri"}


def valid_report_data(
    unit_code: str = UNIT,
    year: int = YEAR,
    month: int = MONTH,
    *,
    staff: int = 4,
    respondents: int = 6,
    complaints: int = 3,
) -> dict[str, dict | list[dict]]:
    """A complete, consistent report (no findings) by sheet name and field name."""
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    return {
        "Identitas": {
            "kode_upt": unit_code,
            "nama_upt": UNITS.get(unit_code, UNIT_NAME),
            "tahun": year,
            "bulan": month,
            "nama_kepala_upt": "Drs. Budi Santoso, M.Si",
            "tanggal_laporan": last + timedelta(days=3),
            "versi_format": "1",
        },
        "Penerima Manfaat": {
            "daya_tampung": 140,
            "pm_awal_bulan": 120,
            "pm_masuk": 5,
            "pm_keluar_reintegrasi": 2,
            "pm_keluar_rujukan": 1,
            "pm_keluar_meninggal": 1,
            "pm_keluar_lainnya": 0,
            "pm_akhir_bulan": 121,
            "pm_laki_laki_akhir_bulan": 60,
            "pm_perempuan_akhir_bulan": 61,
            "pm_terpenuhi_kebutuhan_dasar": 125,
        },
        "Layanan": [
            {
                "jenis_layanan": "Bimbingan Fisik",
                "sesi_direncanakan": 20,
                "sesi_terlaksana": 20,
                "jumlah_peserta": 1800,
            },
            {
                "jenis_layanan": "Bimbingan Mental Spiritual",
                "sesi_direncanakan": 12,
                "sesi_terlaksana": 10,
                "jumlah_peserta": 900,
            },
        ],
        "Kehadiran Pegawai": [_employee(i) for i in range(staff)],
        "Pengaduan": [_complaint(i, first, last) for i in range(complaints)],
        "Survei Kepuasan": [_respondent(i, first) for i in range(respondents)],
        "Pembinaan": [
            {
                "tanggal": first + timedelta(days=9),
                "tema": "Integritas",
                "peserta_wajib": 30,
                "peserta_hadir": 28,
            },
        ],
        "Integritas": {
            "insiden_etika_media_sosial": 1,
            "insiden_ditindaklanjuti": 1,
            "unggahan_informasi_layanan": 12,
            "hukuman_disiplin_ringan": 0,
            "hukuman_disiplin_sedang": 0,
            "hukuman_disiplin_berat": 0,
        },
    }


def _employee(i: int) -> dict:
    status = ("PNS", "PPPK", "Non ASN")[i % 3]
    return {
        "nip": None if status == "Non ASN" else f"19800101200501{1000 + i:04d}",
        "nama": f"Pegawai {i + 1}",
        "status": status,
        "hari_kerja": 21,
        "hadir": 18,
        "dinas_luar": 1,
        "sakit": 1,
        "izin": 0,
        "cuti": 1,
        "tk": 0,
        "tl1": 2,
        "tl2": 1,
        "tl3": 0,
        "tl4": 0,
        "psw1": 1,
        "psw2": 0,
        "psw3": 0,
        "psw4": 0,
        "apel_wajib": 20,
        "apel_hadir": 19,
    }


def _complaint(i: int, first: date, last: date) -> dict:
    done = i % 2 == 0
    return {
        "nomor": f"ADU-{first:%Y%m}-{i + 1:03d}",
        "tanggal_masuk": first + timedelta(days=i),
        "saluran": "WhatsApp",
        "kategori": "Pelayanan",
        "ringkasan": "Antrean makan siang lama",
        "tanggal_selesai": first + timedelta(days=i + 3) if done else None,
        "status": "Selesai" if done else "Proses",
    }


def _respondent(i: int, first: date) -> dict:
    return {
        "tanggal": first + timedelta(days=i % 28),
        "jenis_kelamin": "LP"[i % 2],
        "usia": 25 + i % 50,
        "pendidikan": "SMA",
        "responden": "Keluarga",
        **{f"u{k}": 3 + (i + k) % 2 for k in range(1, 10)},
    }


def build_workbook(
    data: dict | None = None, unit_code: str = UNIT, year: int = YEAR, month: int = MONTH
) -> Workbook:
    """The template filled with ``data`` (default: a valid report)."""
    wb = write_template(unit_code, UNITS.get(unit_code, UNIT_NAME), Month(year, month))
    return fill_template(
        wb, data if data is not None else valid_report_data(unit_code, year, month)
    )


def context(today: date = TODAY, previous: int | None = None) -> ValidationContext:
    """Context with the test registry; ``previous`` is last month's PM Akhir Bulan."""
    return ValidationContext(
        units=dict(UNITS), today=today, previous_pm_akhir=lambda unit, month: previous
    )


def report_of(
    wb: Workbook, ctx: ValidationContext | None = None, filename: str = "laporan.xlsx"
) -> Report:
    return load_report(workbook_bytes(wb), filename, ctx or context())


def report_with(
    change: Callable[[dict], None] | None = None,
    edit: Callable[[Workbook], None] | None = None,
    ctx: ValidationContext | None = None,
) -> Report:
    """Report of a valid workbook after ``change`` (on the data) and ``edit`` (on cells)."""
    data = valid_report_data()
    if change:
        change(data)
    wb = build_workbook(data)
    if edit:
        edit(wb)
    return report_of(wb, ctx)


def located(report: Report) -> set[tuple[str, str]]:
    """(rule, location) of every finding, for compact assertions."""
    return {(f.rule, f.location) for f in report.findings}


def at(sheet_name: str, field_name: str, index: int = 0) -> str:
    """Location of a field in a template-built workbook (record ``index`` of a table)."""
    sheet = SHEETS_BY_NAME[sheet_name]
    column = get_column_letter(sheet.names.index(field_name) + 1)
    if sheet.layout is Layout.KEY_VALUE:
        return f"{sheet_name}!B{KV_FIRST_ROW + sheet.names.index(field_name)}"
    return f"{sheet_name}!{column}{TABLE_FIRST_DATA_ROW + index}"


def table_rows(sheet_name: str, records: list[dict], order: list[str] | None = None) -> list[list]:
    """Header (labels) + one list of values per record, columns in ``order``."""
    sheet = SHEETS_BY_NAME[sheet_name]
    order = order or sheet.names
    header = [sheet.field(n).label for n in order]
    return [header] + [[r.get(n) for n in order] for r in records]


def replace_sheet(
    wb: Workbook, sheet_name: str, rows: list[list], title: str | None = None
) -> Worksheet:
    """Swap a sheet for one holding ``rows`` from A1 (``[]`` is an empty row)."""
    index = wb.sheetnames.index(sheet_name)
    del wb[sheet_name]
    ws = wb.create_sheet(title or sheet_name, index)
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            if value is not None:
                ws.cell(r, c, value)
    return ws
