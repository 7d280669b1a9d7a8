"""Hostile workbooks from the deadline-day probe: each is refused clearly and cheaply.

The importing process (app or CLI) never parses a workbook itself: a worker
process with a memory and a time limit does. These tests measure the
importing process's peak memory and check that a worker's death is a
refusal, not a crash.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from data_loaders.isolation import Job, ReaderPool, unknown_previous
from data_loaders.limits import ReadLimits
from data_loaders.report import ValidationContext, load_report
from data_loaders.template import workbook_bytes
from tests.hostile import SHEET_HEAD, SHEET_TAIL, lying_zip, rows_xml, with_sheet_xml
from tests.workbooks import (
    TODAY,
    UNITS,
    at,
    build_workbook,
    context,
    replace_sheet,
    table_rows,
)
from upt_dashboard import paths

KP = "Kehadiran Pegawai"
# A1 and Z1048576: calamine allocates the dense grid between them (~1.6 GB).
FAR_CORNERS = (
    b'<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="Z1048576"><v>1</v></c></row>'
)


@pytest.fixture(scope="module")
def valid() -> bytes:
    return workbook_bytes(build_workbook())


def import_in_subprocess(files: list[Path], db: Path, env: dict | None = None) -> dict:
    """``cli.py import`` in a fresh process; its exit code, output and peak RSS (MB)."""
    script = (
        "import io, json, sys\n"
        "from contextlib import redirect_stdout\n"
        "from upt_dashboard.cli import main\n"
        "out = io.StringIO()\n"
        "with redirect_stdout(out):\n"
        "    code = main(sys.argv[1:])\n"
        # VmHWM: this process image's peak (ru_maxrss would include the forking parent's)
        "status = open('/proc/self/status').read()\n"
        "peak = int(status.split('VmHWM:')[1].split()[0]) / 1024\n"
        "print(json.dumps({'code': code, 'out': out.getvalue(), 'peak_mb': peak}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, "import", *map(str, files), "--db", f"sqlite:///{db}"],
        cwd=paths.ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_lying_zip_headers_are_refused_by_what_actually_inflates(valid, tmp_path):
    """The probe's file: 1.6 GB of XML behind headers declaring 200 bytes."""
    hostile = lying_zip(valid, KP, inflated_mb=1600)
    assert len(hostile) < 5 * 1024 * 1024
    declared = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(hostile)).infolist())
    assert declared < 1024 * 1024  # the headers look harmless

    report = load_report(hostile, "laporan.xlsx", context())
    assert [f.rule for f in report.findings] == ["berkas_mencurigakan"]
    assert "mengembang melebihi batas" in report.findings[0].message

    path = tmp_path / "laporan_PSTW-JBG_2026-10.xlsx"
    path.write_bytes(hostile)
    run = import_in_subprocess([path], tmp_path / "db.sqlite")
    assert run["code"] == 1
    assert "ditolak (1 kesalahan)" in run["out"] and "mencurigakan" in run["out"]
    assert run["peak_mb"] < 500, run["peak_mb"]


def test_lying_header_within_budget_is_refused_as_damaged(valid):
    hostile = lying_zip(valid, KP, inflated_mb=5)
    report = load_report(hostile, "laporan.xlsx", context())
    assert [f.rule for f in report.findings] == ["berkas_rusak"]
    assert "tidak sesuai dengan ukuran atau CRC" in report.findings[0].message


def test_million_row_sheet_is_refused_before_parsing_with_bounded_memory(valid, tmp_path):
    hostile = with_sheet_xml(valid, KP, rows_xml(1_048_576))
    assert len(hostile) < 20 * 1024 * 1024  # within the upload limit
    path = tmp_path / "sejuta_baris.xlsx"
    path.write_bytes(hostile)
    run = import_in_subprocess([path], tmp_path / "db.sqlite")
    assert run["code"] == 1
    lines = [line for line in run["out"].splitlines() if "KESALAHAN" in line]
    assert len(lines) == 1, run["out"][:2000]
    assert "1.048.576 baris; batasnya 20.000 baris" in lines[0]
    assert run["peak_mb"] < 500, run["peak_mb"]


def test_a_value_in_the_last_column_is_refused_not_allocated(valid):
    xml = SHEET_HEAD + b'<row r="1"><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>'
    report = load_report(with_sheet_xml(valid, KP, xml + SHEET_TAIL), "laporan.xlsx", context())
    assert [(f.rule, f.sheet) for f in report.findings if f.is_error] == [
        ("lembar_terlalu_besar", KP)
    ]
    assert "16.384 kolom; batasnya 200 kolom" in report.findings[0].message


def test_formatting_only_cells_far_away_do_not_count(valid):
    """Self-closed cells carry only a style: Excel writes them for formatted blank areas."""
    from data_loaders.reader import sheet_extent

    xml = SHEET_HEAD + b'<row r="2"><c r="B2" t="s"><v>0</v></c><c r="XFD900000" s="3"/></row>'
    assert sheet_extent(xml + SHEET_TAIL) == (2, 2)
    no_refs = SHEET_HEAD + b"<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>"
    assert sheet_extent(no_refs + SHEET_TAIL) == (2, 2)


def test_findings_are_capped_per_rule_with_a_count_of_the_rest():
    wb = build_workbook()
    records = [{"nip": "12345", "nama": f"Pegawai {i}"} for i in range(3000)]
    replace_sheet(wb, KP, table_rows(KP, records))
    report = load_report(workbook_bytes(wb), "laporan.xlsx", context())
    by_rule: dict[str, int] = {}
    for f in report.findings:
        by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
    assert max(by_rule.values()) == 51  # 50 listed + the line counting the rest
    summaries = [f for f in report.findings if f.message.startswith("…dan ")]
    assert summaries and all("temuan serupa lainnya" in f.message for f in summaries)
    assert any(f.message.startswith("…dan 2.950 temuan serupa") for f in summaries)
    assert len(report.findings) < 1000


def test_a_huge_cell_is_refused_not_stored():
    wb = build_workbook()
    wb[KP][at(KP, "nama").split("!")[1]] = "x" * 1_000_000
    report = load_report(workbook_bytes(wb), "laporan.xlsx", context())
    long = [f for f in report.findings if f.rule == "isi_sel_terlalu_panjang"]
    # calamine hands over at most Excel's 32,767 characters of a cell
    assert long and "(32.767 karakter; batasnya 5.000)" in long[0].message
    assert not report.ok


def test_too_many_sheets_is_one_file_finding():
    wb = build_workbook()
    for i in range(31):
        wb.create_sheet(f"Ekstra {i}")
    report = load_report(workbook_bytes(wb), "laporan.xlsx", context())
    assert [f.rule for f in report.findings] == ["lembar_terlalu_banyak"]


# --- the worker process: a crash or an overrun is a refusal ------------------------------


def _job(data: bytes, limits: ReadLimits | None = None) -> Job:
    ctx = ValidationContext(dict(UNITS), TODAY, unknown_previous)
    return Job(data, "laporan.xlsx", ctx, limits or ReadLimits.from_settings())


def test_a_reader_that_runs_out_of_memory_refuses_the_file_and_the_pool_recovers(valid):
    """Values in A1 and Z1048576 make calamine ask for ~1.6 GB: the worker dies, not us."""
    xml = SHEET_HEAD + FAR_CORNERS + SHEET_TAIL
    hostile = with_sheet_xml(valid, KP, xml)
    unlimited = ReadLimits.from_settings()
    unlimited = ReadLimits(unlimited.max_bytes, unlimited.max_uncompressed, max_rows=2_000_000)
    pool = ReaderPool(1, memory_mb=400, timeout_s=60)
    try:
        refused = pool.read(_job(hostile, unlimited))
        assert [f.rule for f in refused.findings] == ["berkas_gagal_dibaca"]
        assert "batas memori pembaca 400 MB" in refused.findings[0].message
        assert pool.read(_job(valid)).ok  # a new worker took over
    finally:
        pool.close()


def test_a_reader_past_its_time_is_stopped_and_the_file_refused(valid):
    pool = ReaderPool(1, memory_mb=1024, timeout_s=0.01)
    try:
        report = pool.read(_job(valid))
        assert [f.rule for f in report.findings] == ["berkas_terlalu_lama"]
        assert "lebih dari 0.01 detik" in report.findings[0].message
    finally:
        pool.close()
    pool = ReaderPool(1, memory_mb=1024, timeout_s=60)
    try:
        assert pool.read(_job(valid)).ok
    finally:
        pool.close()


def test_server_survives_a_reader_crash_and_accepts_the_next_upload(monkeypatch, tmp_path, valid):
    """AppTest runs the app in this very process: if the parser crashed here, so would pytest."""
    from tests.conftest import open_app_page

    monkeypatch.setenv("DASHBOARD_MAX_ROWS", "2000000")
    monkeypatch.setenv("DASHBOARD_READER_MEMORY_MB", "400")
    xml = SHEET_HEAD + FAR_CORNERS + SHEET_TAIL
    hostile = with_sheet_xml(valid, KP, xml)
    at = open_app_page(f"sqlite:///{tmp_path / 'app.db'}", "pages/unggah_laporan.py", monkeypatch)
    mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    at.file_uploader[0].upload("bom.xlsx", hostile, mime).run()
    assert not at.exception
    assert "batas memori pembaca 400 MB" in "\n".join(m.value for m in at.markdown)
    good = workbook_bytes(build_workbook(unit_code="PSTW-JBG"))
    at.file_uploader[0].upload("laporan.xlsx", good, mime).run()
    assert not at.exception and not at.error
    at.button(key="upload_confirm").click().run()
    assert any("versi 1" in s.value for s in at.success)
