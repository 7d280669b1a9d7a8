"""The template that fills itself: carried-over values, number checks, protection,
and a prefilled template filled in by hand and saved by LibreOffice is accepted."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date

import pytest
from openpyxl import load_workbook

from data_loaders.schema import KEHADIRAN_PEGAWAI, SHEETS, Kind, Layout
from data_loaders.template import (
    INSTRUCTIONS_SHEET,
    KV_FIRST_ROW,
    TABLE_FIRST_DATA_ROW,
    TABLE_HEADER_ROW,
    fill_template,
    template_bytes,
    workbook_bytes,
)
from tests.workbooks import UNIT, build_workbook, valid_report_data
from upt_dashboard.intake.ingest import check_file, ingest_file
from upt_dashboard.intake.templates import UnknownUnit, prefilled_template
from upt_dashboard.months import Month
from upt_dashboard.storage.scope import EVERYTHING

TODAY = date(2026, 4, 8)
MARCH = Month(2026, 3)


@pytest.fixture
def stored_february(engine):
    """February stored, on SQLite and on PostgreSQL."""
    data = valid_report_data(UNIT, 2026, 2)
    wb = build_workbook(data, UNIT, 2026, 2)
    result = ingest_file(engine, workbook_bytes(wb), "feb.xlsx", "test", today=TODAY)
    assert result.status == "accepted", result.findings
    return engine, data


def _open(data: bytes):
    return load_workbook(io.BytesIO(data))


def _kv(ws, sheet, name: str):
    return ws.cell(KV_FIRST_ROW + sheet.names.index(name), 2).value


def test_a_prefilled_template_carries_staff_services_capacity_and_residents(stored_february):
    engine, february = stored_february
    wb = _open(prefilled_template(engine, UNIT, MARCH, EVERYTHING))
    pm_sheet = SHEETS[1]
    assert _kv(wb["Penerima Manfaat"], pm_sheet, "daya_tampung") == 140  # the registry
    assert _kv(wb["Penerima Manfaat"], pm_sheet, "pm_awal_bulan") == 121  # February's closing
    assert _kv(wb["Penerima Manfaat"], pm_sheet, "pm_masuk") is None  # this month's: to type
    assert _kv(wb["Identitas"], SHEETS[0], "bulan") == "Maret"
    assert _kv(wb["Identitas"], SHEETS[0], "nama_kepala_upt") == "Drs. Budi Santoso, M.Si"
    staff = wb["Kehadiran Pegawai"]
    rows = [
        [staff.cell(r, c).value for c in (1, 2, 3)]
        for r in range(
            TABLE_FIRST_DATA_ROW, TABLE_FIRST_DATA_ROW + len(february[KEHADIRAN_PEGAWAI.name])
        )
    ]
    assert rows == [[e["nip"], e["nama"], e["status"]] for e in february["Kehadiran Pegawai"]]
    assert staff.cell(TABLE_FIRST_DATA_ROW, 4).value is None  # Hari Kerja left for the clerk
    services = wb["Layanan"]
    assert [services.cell(TABLE_FIRST_DATA_ROW + i, 1).value for i in range(3)] == [
        "Bimbingan Fisik",
        "Bimbingan Mental Spiritual",
        None,
    ]


def test_without_a_stored_report_only_identity_and_capacity_are_filled(sqlite_engine):
    wb = _open(prefilled_template(sqlite_engine, UNIT, MARCH, EVERYTHING))
    assert _kv(wb["Penerima Manfaat"], SHEETS[1], "daya_tampung") == 140
    assert _kv(wb["Penerima Manfaat"], SHEETS[1], "pm_awal_bulan") is None
    assert wb["Kehadiran Pegawai"].cell(TABLE_FIRST_DATA_ROW, 2).value is None


def test_an_unknown_unit_is_refused(sqlite_engine):
    with pytest.raises(UnknownUnit):
        prefilled_template(sqlite_engine, "TIDAK-ADA", MARCH, EVERYTHING)


def _value_cells(ws, sheet):
    if sheet.layout is Layout.KEY_VALUE:
        return {f.name: [f"B{KV_FIRST_ROW + i}"] for i, f in enumerate(sheet.fields)}
    from openpyxl.utils import get_column_letter

    return {
        f.name: [f"{get_column_letter(c)}{TABLE_FIRST_DATA_ROW}", f"{get_column_letter(c)}50"]
        for c, f in enumerate(sheet.fields, start=1)
    }


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda s: s.name)
def test_every_number_cell_is_checked_and_headers_are_protected(sheet):
    wb = _open(template_bytes(UNIT, "UPT", MARCH))
    ws = wb[sheet.name]
    assert ws.protection.sheet and not ws.protection.password  # protected, no password
    assert not ws.protection.insertRows and not ws.protection.deleteRows  # rows still free
    cells = _value_cells(ws, sheet)
    for f in sheet.fields:
        for ref in cells[f.name]:
            cell = ws[ref]
            # A cell without a style of its own takes its column's (openpyxl does not apply it).
            style = cell if cell.has_style else ws.column_dimensions[cell.column_letter]
            assert not style.protection.locked, (sheet.name, f.label, ref)
        if f.kind in (Kind.COUNT, Kind.INT):
            checks = [
                dv for dv in ws.data_validations.dataValidation if cells[f.name][0] in dv.sqref
            ]
            assert [dv.type for dv in checks] == ["whole"], (sheet.name, f.label)
            assert "bilangan bulat" in checks[0].error and checks[0].showErrorMessage
    header = ws["A1"] if sheet.layout is Layout.KEY_VALUE else ws.cell(TABLE_HEADER_ROW, 1)
    assert header.protection.locked
    label = ws[f"A{KV_FIRST_ROW}"] if sheet.layout is Layout.KEY_VALUE else header
    assert label.protection.locked


def test_the_nip_note_does_not_contradict_itself():
    wb = _open(template_bytes(UNIT, "UPT", MARCH))
    notes = [
        row[1].value
        for row in wb[INSTRUCTIONS_SHEET].iter_rows()
        if row[0].value == "Kehadiran Pegawai — NIP"
    ]
    assert notes == [
        "NIP 18 digit, kolom berformat Teks. "
        "(wajib untuk PNS dan PPPK, boleh kosong untuk Non ASN)."
    ]


def _fill_by_hand(template: bytes) -> bytes:
    """What a clerk types into the prefilled template (numbers of the month only)."""
    data = valid_report_data(UNIT, 2026, 3)
    pm = data["Penerima Manfaat"]
    del pm["daya_tampung"], pm["pm_awal_bulan"]  # already there
    pm["pm_masuk"] = 4  # 121 + 4 - 4 = 121 at the end of the month
    numbers = [
        {k: v for k, v in e.items() if k not in ("nip", "nama", "status")}
        for e in data["Kehadiran Pegawai"]
    ]
    wb = _open(template)
    fill_template(
        wb,
        {
            "Identitas": {"tanggal_laporan": data["Identitas"]["tanggal_laporan"]},
            "Penerima Manfaat": pm,
            "Layanan": data["Layanan"],
            "Kehadiran Pegawai": numbers,
            "Pengaduan": data["Pengaduan"],
            "Survei Kepuasan": data["Survei Kepuasan"],
            "Pembinaan": data["Pembinaan"],
            "Integritas": data["Integritas"],
        },
    )
    return workbook_bytes(wb)


SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice not installed (scripts/test.sh installs it)"
)
def test_a_prefilled_template_filled_by_hand_and_saved_by_libreoffice_is_accepted(
    stored_february, tmp_path
):
    engine, february = stored_february
    filled = tmp_path / "in" / "laporan.xlsx"
    filled.parent.mkdir()
    filled.write_bytes(_fill_by_hand(prefilled_template(engine, UNIT, MARCH, EVERYTHING)))
    out = tmp_path / "out"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            str(filled),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    saved = (out / "laporan.xlsx").read_bytes()
    report = check_file(engine, saved, "laporan.xlsx", today=TODAY)
    assert report.ok, [f.message for f in report.findings]
    assert not report.findings  # PM Awal Bulan matches February's closing: no warning either
    names = report.frames["Kehadiran Pegawai"]["nama"].to_list()
    assert names == [e["nama"] for e in february["Kehadiran Pegawai"]]
    # LibreOffice keeps the protection and the number checks.
    wb = _open(saved)
    assert wb["Penerima Manfaat"].protection.sheet
    assert any(dv.type == "whole" for dv in wb["Integritas"].data_validations.dataValidation)


def test_the_stored_version_and_its_numbers_for_a_replacement(stored_february):
    from upt_dashboard.storage.versions import current_version, stored_frames

    engine, february = stored_february
    stored = current_version(engine, UNIT, Month(2026, 2), EVERYTHING)
    assert stored["version"] == 1 and stored["uploaded_by"] == "test"
    assert current_version(engine, UNIT, MARCH, EVERYTHING) is None
    frames = stored_frames(engine, stored["id"], EVERYTHING)
    assert frames["Penerima Manfaat"]["pm_akhir_bulan"].to_list() == [121]
    assert frames["Kehadiran Pegawai"]["nama"].to_list() == [
        e["nama"] for e in february["Kehadiran Pegawai"]
    ]
