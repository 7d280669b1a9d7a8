"""``cli.py indicators``: arguments, output formats, and a run on a real (empty) database."""

from __future__ import annotations

import argparse
import io
import json
from dataclasses import replace
from datetime import date

import pytest
from facts_builder import FactsBuilder

from upt_dashboard.cli import indicators as cli
from upt_dashboard.indicators.config import DEFAULT_PATH, load_config
from upt_dashboard.indicators.engine import compute
from upt_dashboard.months import Month

HEADER = "indicator_id,unit_code,period,value,numerator,denominator,n,status,grade,reason"


def _parse(argv):
    parser = argparse.ArgumentParser()
    cli.add_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["indicators", *argv])


def _result():
    b = FactsBuilder().unit("PSTW-A")
    b.report(
        "PSTW-A",
        "2026-03",
        pm=dict(pm_awal_bulan=10, pm_terpenuhi_kebutuhan_dasar=9),
        survei=[{f"u{i}": 4 for i in range(1, 10)}],
    )
    return compute(
        b.build(),
        start=Month(2026, 3),
        end=Month(2026, 3),
        indicators=["ikm", "kebutuhan_dasar"],
        config=replace(load_config(DEFAULT_PATH), today=date(2026, 12, 1)),
    )


def test_arguments():
    args = _parse(
        [
            "--unit",
            "A",
            "--unit",
            "B",
            "--type",
            "PSTW",
            "--from",
            "2026-01",
            "--to",
            "2026-03",
            "--by",
            "quarter",
            "--level",
            "type",
            "--format",
            "csv",
        ]
    )
    assert args.units == ["A", "B"] and args.types == ["PSTW"]
    assert (args.start, args.end) == (Month(2026, 1), Month(2026, 3))
    assert (args.grain, args.level, args.format) == ("quarter", "type", "csv")


def test_bad_month_is_a_usage_error():
    with pytest.raises(SystemExit):
        _parse(["--from", "2026/01", "--to", "2026-03"])


def test_csv_has_exactly_the_contract_columns():
    out = io.StringIO()
    cli.write_result(_result(), "csv", out)
    lines = out.getvalue().splitlines()
    assert lines[0] == HEADER
    assert lines[1] == "ikm,PSTW-A,2026-03,100.0,,,1,hijau,A,"
    assert lines[2] == "kebutuhan_dasar,PSTW-A,2026-03,0.9,9.0,10.0,1,merah,,"


def test_json_records():
    out = io.StringIO()
    cli.write_result(_result(), "json", out)
    records = json.loads(out.getvalue())
    assert list(records[0]) == HEADER.split(",")
    assert records[1]["value"] == 0.9


def test_table_shows_display_values():
    out = io.StringIO()
    cli.write_result(_result(), "table", out)
    assert "90,0%" in out.getvalue() and "Pemenuhan Kebutuhan Dasar PM" in out.getvalue()


def test_run_on_a_database(tmp_path):
    out = io.StringIO()
    args = _parse(
        [
            "--unit",
            "PSTW-JBG",
            "--from",
            "2020-01",
            "--to",
            "2020-01",
            "--indicator",
            "kelengkapan_laporan",
            "--format",
            "csv",
            "--db",
            f"sqlite:///{tmp_path / 'x.db'}",
        ]
    )
    assert cli.run(args, out) == 0
    assert out.getvalue().splitlines() == [
        HEADER,
        "kelengkapan_laporan,PSTW-JBG,2020-01,0.0,0.0,1.0,1,merah,,",
    ]


def test_run_reports_a_refused_request(tmp_path, capsys):
    args = _parse(
        [
            "--unit",
            "NOPE",
            "--from",
            "2020-01",
            "--to",
            "2020-01",
            "--db",
            f"sqlite:///{tmp_path / 'x.db'}",
        ]
    )
    assert cli.run(args, io.StringIO()) == 2
    assert "NOPE" in capsys.readouterr().err


def test_a_narrowed_total_is_never_called_the_province(tmp_path):
    from upt_dashboard.storage.bootstrap import init_db
    from upt_dashboard.storage.db import get_engine
    from upt_dashboard.storage.registry import list_units

    db = f"sqlite:///{tmp_path / 'x.db'}"
    n_pstw = list_units(init_db(get_engine(db))).filter(type="PSTW").height
    common = ["--from", "2020-01", "--to", "2020-01", "--level", "province", "--db", db]
    common += ["--indicator", "kelengkapan_laporan"]
    out = io.StringIO()
    assert cli.run(_parse([*common, "--type", "PSTW", "--format", "csv"]), out) == 0
    assert out.getvalue().splitlines()[1].startswith("kelengkapan_laporan,CAKUPAN,")
    out = io.StringIO()
    assert cli.run(_parse([*common, "--type", "PSTW", "--format", "table"]), out) == 0
    assert f"Jenis PSTW ({n_pstw} UPT)" in out.getvalue() and "PROVINSI" not in out.getvalue()
    out = io.StringIO()
    assert cli.run(_parse([*common, "--format", "table"]), out) == 0
    assert "Provinsi Jawa Timur" in out.getvalue()


def test_a_quarter_cut_by_the_range_names_its_months(tmp_path):
    db = f"sqlite:///{tmp_path / 'x.db'}"
    argv = ["--unit", "PSTW-JBG", "--from", "2020-02", "--to", "2020-04", "--by", "quarter"]
    argv += ["--indicator", "kelengkapan_laporan", "--format", "table", "--db", db]
    out = io.StringIO()
    assert cli.run(_parse(argv), out) == 0
    # Q1 holds February and March of the range, Q2 only April
    assert "2020-Q1 (2020-02..2020-03)" in out.getvalue()
    assert "2020-Q2 (2020-04)" in out.getvalue()


def test_partial_label_rules():
    from datetime import date

    from upt_dashboard.indicators.periods import partial_label

    start, end = Month(2024, 11), Month(2026, 10)
    assert partial_label("quarter", "2026-Q3", date(2026, 7, 1), start, end) == "2026-Q3"
    assert partial_label("year", "2026", date(2026, 1, 1), start, end) == (
        "2026 (2026-01..2026-10)"
    )
    assert partial_label("month", "2026-10", date(2026, 10, 1), start, end) == "2026-10"
