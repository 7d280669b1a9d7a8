"""``cli.py early-warning`` on a real SQLite database filled through the importer."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from data_loaders.template import workbook_bytes
from tests.workbooks import build_workbook, valid_report_data
from upt_dashboard.cli import build_parser
from upt_dashboard.intake.ingest import ingest_file
from upt_dashboard.storage.bootstrap import init_db
from upt_dashboard.storage.db import get_engine

MOVER = "198001011990011000"  # "Pegawai 1" (PNS) of tests.workbooks, NIP made unique


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('ew') / 'ew.db'}"
    engine = init_db(get_engine(url))
    # January, PSTW Jombang: 6 TK; TL1 2 + TL2 1 and PSW1 1 without minutes (version 1):
    # at least 2 × 1 + 31 + 1 = 34 minutes.
    january = valid_report_data("PSTW-JBG", 2026, 1)
    january["Kehadiran Pegawai"][0].update(nip=MOVER, hadir=12, tk=6)
    # February, moved to RSBL Kediri: 6 TK; version 2 with 400 + 50 minutes measured.
    february = valid_report_data("RSBL-KDR", 2026, 2)
    february["Identitas"]["versi_format"] = "2"
    february["Kehadiran Pegawai"][0].update(
        nip=MOVER, hadir=12, tk=6, menit_terlambat=400, menit_pulang_cepat=50
    )
    for unit, month, data in (("PSTW-JBG", 1, january), ("RSBL-KDR", 2, february)):
        stored = ingest_file(
            engine,
            workbook_bytes(build_workbook(data, unit, 2026, month)),
            f"{unit}_{month}.xlsx",
            "tester",
            today=date(2026, 3, 20),
        )
        assert stored.status == "accepted", stored.findings
    return url


def _run(db, *argv):
    from upt_dashboard.cli import early_warning

    args = build_parser().parse_args(["early-warning", *argv, "--db", db])
    out = io.StringIO()
    return early_warning.run(args, out), out.getvalue()


def test_csv_has_the_columns_and_one_row_for_the_mover(db):
    code, text = _run(db, "--as-of", "2026-02", "--unit", "RSBL-KDR")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0])[:10] == [
        "nip",
        "name",
        "status",
        "units",
        "tk_days",
        "late_days",
        "total_days",
        "next_threshold",
        "days_left",
        "sanction",
    ]
    (mover,) = rows  # the other employees have 0 TK and 68 minutes: far from any step
    # 6 + 6 TK; (34 + 450) minutes ÷ 450 = 1.0756 → 1.08; 12 + 1.0756 = 13.08 → step 11
    assert (mover["nip"], mover["units"], mover["tk_days"]) == (MOVER, "PSTW-JBG, RSBL-KDR", "12")
    assert (mover["late_days"], mover["total_days"]) == ("1.08", "13.08")
    assert (mover["next_threshold"], mover["days_left"]) == ("14", "0.92")
    assert "pemotongan tunjangan kinerja 25% selama 6 bulan" in mover["sanction"]
    assert mover["late_days_estimated"] == "true"  # January had bands only


def test_json_and_as_of(db):
    code, text = _run(db, "--as-of", "2026-01", "--format", "json")
    assert code == 0
    (january,) = json.loads(text)
    # January alone: 6 TK + 34 minutes = 6.08 days, in PSTW-JBG only; next step 7
    assert (january["units"], january["total_days"], january["next_threshold"]) == (
        "PSTW-JBG",
        6.08,
        7,
    )


def test_unknown_unit_is_refused(db, capsys):
    code, text = _run(db, "--as-of", "2026-02", "--unit", "NOPE")
    assert code == 2 and text == ""
    assert "NOPE" in capsys.readouterr().err


def test_as_of_is_required():
    with pytest.raises(SystemExit):
        build_parser().parse_args(["early-warning"])


def test_the_list_goes_through_access(db, monkeypatch):
    from upt_dashboard import access
    from upt_dashboard.cli import early_warning

    seen = []

    def only_kediri(unit_code, viewer=None):
        seen.append((unit_code, viewer))
        return unit_code == "RSBL-KDR"

    monkeypatch.setattr(access, "can_see_personal_data", only_kediri)
    code, text = _run(db, "--as-of", "2026-02")
    assert code == 0 and ("RSBL-KDR", access.CLI_OPERATOR) in seen
    assert [r["units"] for r in csv.DictReader(io.StringIO(text))] == ["PSTW-JBG, RSBL-KDR"]
    code, _ = _run(db, "--as-of", "2026-02", "--unit", "PSTW-JBG")
    assert code == 2  # the operator may see no unit asked for
    assert early_warning.COLUMNS[0] == "nip"
