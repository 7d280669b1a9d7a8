"""``cli.py indicators``: indicator values in the terminal (CSV, JSON or a table).

    python cli.py indicators [--unit CODE]... [--type TYPE]... --from YYYY-MM --to YYYY-MM
        [--by month|quarter|year|all] [--level unit|type|province]
        [--indicator ID]... [--format csv|json|table] [--db URL] [--config FILE]

CSV and JSON carry the machine columns ``indicator_id, unit_code, period,
value, numerator, denominator, n, status, grade, reason`` (ratios as fractions,
IKM 25–100; ``value`` rounded half up to the digits the app shows, the same
rounding that judged the status; ``reason`` says why a composite index is
empty: ``no_report`` or ``too_few_components``); the table shows the values
as the app does.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from typing import TextIO

import polars as pl

from upt_dashboard.cli.args import add_db_option, cli_scope, month_arg, open_db
from upt_dashboard.indicators.catalogue import BY_ID
from upt_dashboard.indicators.config import load_config
from upt_dashboard.indicators.engine import LEVELS, compute
from upt_dashboard.indicators.errors import IndicatorError
from upt_dashboard.indicators.formatting import format_value
from upt_dashboard.indicators.periods import ENGINE_GRAINS, partial_label
from upt_dashboard.indicators.status import shown_value_expr
from upt_dashboard.views.scope import scope_name, series_names

EXPORT_COLUMNS = (
    "indicator_id",
    "unit_code",
    "period",
    "value",
    "numerator",
    "denominator",
    "n",
    "status",
    "grade",
    "reason",
)
FORMATS = ("csv", "json", "table")


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Add the ``indicators`` sub-command to an argparse sub-parser collection."""
    p = subparsers.add_parser(
        "indicators",
        help="indicator values for a scope and period",
        description=__doc__.splitlines()[0],
    )
    p.add_argument(
        "--unit",
        dest="units",
        action="append",
        metavar="CODE",
        help="unit code (repeatable); default all units",
    )
    p.add_argument(
        "--type",
        dest="types",
        action="append",
        metavar="TYPE",
        help="unit type code, e.g. PSTW (repeatable)",
    )
    p.add_argument("--from", dest="start", required=True, type=month_arg, metavar="YYYY-MM")
    p.add_argument("--to", dest="end", required=True, type=month_arg, metavar="YYYY-MM")
    p.add_argument("--by", dest="grain", choices=ENGINE_GRAINS, default="month")
    p.add_argument("--level", choices=LEVELS, default="unit")
    p.add_argument(
        "--indicator",
        dest="indicators",
        action="append",
        metavar="ID",
        choices=sorted(BY_ID),
        help="indicator id (repeatable); default all",
    )
    p.add_argument("--format", choices=FORMATS, default="table")
    add_db_option(p)
    p.add_argument(
        "--config",
        help="indicator configuration file "
        "(default: $DASHBOARD_INDICATOR_CONFIG or config/indicators.toml)",
    )
    return p


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Load the facts, compute, print. 0 on success, 2 on a request the engine refuses."""
    from upt_dashboard.storage.facts import load_facts

    out = out or sys.stdout
    try:
        config = load_config(args.config)
        # No end limit: a complaint's state comes from the newest report listing it.
        facts = load_facts(open_db(args), cli_scope(), units=args.units, start=args.start)
        result = compute(
            facts,
            units=args.units,
            types=args.types,
            start=args.start,
            end=args.end,
            grain=args.grain,
            level=args.level,
            indicators=args.indicators,
            config=config,
        )
    except IndicatorError as exc:
        print(f"Kesalahan: {exc}", file=sys.stderr)
        return 2
    covered = scope_name(facts.units, args.units, args.types, lang="id")
    periods = {
        (p, s): partial_label(args.grain, p, s, args.start, args.end)
        for p, s in result.select("period", "period_start").unique().iter_rows()
    }
    write_result(result, args.format, out, names=series_names({}, covered), periods=periods)
    return 0


def write_result(
    result: pl.DataFrame,
    fmt: str,
    out: TextIO,
    names: Mapping[str, str] | None = None,
    periods: Mapping[tuple, str] | None = None,
) -> None:
    """Write a compute result as ``csv``, ``json`` (list of records) or ``table``.

    CSV and JSON keep the machine codes (``PROVINSI`` only for the whole
    province, ``CAKUPAN`` for a narrower scope); the table names the total by
    ``names`` ("Jenis PSTW (7 UPT)", "Provinsi Jawa Timur") and a quarter or
    year cut by the range by ``periods`` ("2026-Q4 (2026-10)").
    """
    names, periods = names or {}, periods or {}
    machine = result.with_columns(value=shown_value_expr()).select(EXPORT_COLUMNS)
    if fmt == "csv":
        out.write(machine.write_csv())
    elif fmt == "json":
        json.dump(machine.to_dicts(), out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        shown = [
            (
                BY_ID[r["indicator_id"]].name_id,
                names.get(r["unit_code"], r["unit_code"]),
                periods.get((r["period"], r["period_start"]), r["period"]),
                format_value(BY_ID[r["indicator_id"]], r["value"]),
                r["status"] or "",
                r["grade"] or "",
                r["n"],
            )
            for r in result.iter_rows(named=True)
        ]
        table = pl.DataFrame(
            shown,
            orient="row",
            schema=["Indikator", "UPT / cakupan", "Periode", "Nilai", "Status", "Mutu", "n"],
        )
        with pl.Config(
            tbl_rows=-1,
            tbl_cols=-1,
            tbl_hide_dataframe_shape=True,
            tbl_hide_column_data_types=True,
            fmt_str_lengths=60,
            tbl_width_chars=160,
        ):
            out.write(f"{table}\n")
