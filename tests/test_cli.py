"""The command line, run as a user would: ``python cli.py ...`` in a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from data_loaders.template import workbook_bytes
from tests.workbooks import build_workbook, valid_report_data
from upt_dashboard import paths

ROOT = paths.ROOT
SAMPLES = ROOT / "sample_data"


def cli(*args: str, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "cli.py", *args, "--db", f"sqlite:///{db}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "cli.db"


def test_import_accepts_then_reports_unchanged_and_lists_the_submission(db):
    files = [str(SAMPLES / "PSTW-JBG_2026-09.xlsx"), str(SAMPLES / "PSTW-JBG_2026-10.xlsx")]
    first = cli("import", *files, db=db)
    assert first.returncode == 0, first.stderr
    accepted = [line for line in first.stdout.splitlines() if not line.startswith("  ")]
    assert accepted == [
        "PSTW-JBG_2026-09.xlsx: diterima (versi 1, 0 peringatan)",
        "PSTW-JBG_2026-10.xlsx: diterima (versi 1, 0 peringatan)",
        "Selesai: 2 diterima, 0 tidak berubah, 0 ditolak, 0 gagal (2 dari 2 berkas).",
    ]
    again = cli("import", files[1], db=db)
    assert again.returncode == 0
    assert "tidak berubah" in again.stdout

    listing = cli("submissions", "--unit", "PSTW-JBG", "--period", "2026-10", db=db)
    lines = listing.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("PSTW-JBG   2026-10 v1 terkini")


def test_import_exits_non_zero_and_prints_every_finding_of_a_refused_file(db):
    good = str(SAMPLES / "PSTW-JBG_2026-10.xlsx")
    bad = str(SAMPLES / "with_errors" / "hari_kerja_tidak_sesuai.xlsx")
    result = cli("import", good, bad, db=db)
    assert result.returncode == 1
    assert "hari_kerja_tidak_sesuai.xlsx: ditolak (1 kesalahan)" in result.stdout
    assert "KESALAHAN  Kehadiran Pegawai!D6" in result.stdout
    # the good file of the same run is stored, the bad one is not
    assert len(cli("submissions", db=db).stdout.splitlines()) == 1


def test_import_of_many_files_uses_workers_and_matches_the_sequential_result(db, tmp_path):
    """More than a few files go through the worker processes; the continuity
    warning (PM Awal vs last month's PM Akhir) must still see the batch."""
    months = [(2026, m) for m in (1, 2, 3, 4, 5)]
    paths = []
    for year, month in months:
        data = valid_report_data("PSTW-JBG", year, month)
        if month == 4:  # PM Awal 120 differs from March's PM Akhir 121
            data["Penerima Manfaat"].update(
                pm_awal_bulan=121,
                pm_akhir_bulan=122,
                pm_perempuan_akhir_bulan=62,
                pm_terpenuhi_kebutuhan_dasar=126,
            )
        path = tmp_path / f"laporan_PSTW-JBG_{year}-{month:02d}.xlsx"
        path.write_bytes(workbook_bytes(build_workbook(data, "PSTW-JBG", year, month)))
        paths.append(str(path))
    result = cli("import", *paths, db=db)
    assert result.returncode == 0, result.stdout + result.stderr
    continuity = [line for line in result.stdout.splitlines() if "Penerima Manfaat!B3" in line]
    # Every month starts at 120 and ends at 121, except April (121 -> 122): so February,
    # March and May differ from the month before; April matches March's 121.
    assert len(continuity) == 3
    assert "laporan April 2026 (122)" in continuity[2]
    assert not any("Maret 2026" in line for line in continuity)


def test_units_lists_the_registry(db):
    out = cli("units", db=db).stdout.splitlines()
    assert len(out) == 13
    assert any(line.startswith("RSBL-KDR") and "Kediri" in line for line in out)


def test_template_writes_a_workbook_for_a_known_unit_only(db, tmp_path):
    target = tmp_path / "t.xlsx"
    ok = cli("template", "--unit", "RSBL-KDR", "--period", "2026-11", "-o", str(target), db=db)
    assert ok.returncode == 0
    identitas = load_workbook(target)["Identitas"]
    assert identitas["B2"].value == "RSBL-KDR" and identitas["B5"].value == "November"

    unknown = cli("template", "--unit", "XXX", "--period", "2026-11", "-o", str(target), db=db)
    assert unknown.returncode == 2 and "tidak dikenal" in unknown.stderr


def test_template_prefill_carries_the_last_stored_report(db, tmp_path):
    stored = cli("import", str(SAMPLES / "PSTW-JBG_2026-10.xlsx"), db=db)
    assert stored.returncode == 0, stored.stderr
    target = tmp_path / "t.xlsx"
    args = ("template", "--unit", "PSTW-JBG", "--period", "2026-11", "-o", str(target))
    done = cli(*args, "--prefill", db=db)
    assert done.returncode == 0 and "terisi" in done.stdout, done.stderr
    october = load_workbook(SAMPLES / "PSTW-JBG_2026-10.xlsx")
    november = load_workbook(target)
    closing = october["Penerima Manfaat"]["B9"].value  # PM Akhir Bulan
    assert november["Penerima Manfaat"]["B3"].value == closing  # PM Awal Bulan
    names = [c.value for c in october["Kehadiran Pegawai"]["B"][3:] if c.value]
    assert [c.value for c in november["Kehadiran Pegawai"]["B"][3:] if c.value] == names
    blank = cli(*args, db=db)
    assert blank.returncode == 0
    assert load_workbook(target)["Kehadiran Pegawai"]["B4"].value is None


def test_a_malformed_period_is_a_usage_error(db):
    result = cli("submissions", "--period", "2026-13", db=db)
    assert result.returncode == 2 and "tidak dikenali" in result.stderr
