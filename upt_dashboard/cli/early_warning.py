"""``cli.py early-warning``: the PP 94/2021 early-warning list in the terminal (CSV or JSON).

    python cli.py early-warning --as-of YYYY-MM [--unit CODE]... [--format csv|json]
        [--db URL] [--config FILE]

One row per person at or one day from a step of their ladder (or with 10+
TK days in one month), year to date up to ``--as-of``, over every unit they
reported in. Columns: ``nip, name, status, units, tk_days, late_days,
total_days, next_threshold, days_left, sanction`` (the sanction of the step
reached, empty if none yet), then ``late_days_estimated`` (true: only the
TL/PSW bands were known, so late_days is a minimum) and ``month_flag``
(``YYYY-MM`` of a month with many TK days, to check).

Personal data: the list holds only the units ``upt_dashboard.access``
allows the operator (today an administrator: every unit).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

import polars as pl

from upt_dashboard.access import CLI_OPERATOR, Viewer, personal_data_units
from upt_dashboard.cli.args import add_db_option, cli_viewer, month_arg, open_db
from upt_dashboard.indicators.config import load_config
from upt_dashboard.indicators.early_warning import early_warning
from upt_dashboard.indicators.errors import IndicatorError
from upt_dashboard.months import Month
from upt_dashboard.storage.facts import Facts

COLUMNS = (
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
    "late_days_estimated",
    "month_flag",
)
FORMATS = ("csv", "json")


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Add the ``early-warning`` sub-command to an argparse sub-parser collection."""
    p = subparsers.add_parser(
        "early-warning",
        help="peringatan dini disiplin PP 94/2021 (data pribadi)",
        description=__doc__.splitlines()[0],
    )
    p.add_argument("--as-of", dest="as_of", required=True, type=month_arg, metavar="YYYY-MM")
    p.add_argument(
        "--unit",
        dest="units",
        action="append",
        metavar="CODE",
        help="unit code (repeatable); default every unit the operator may see",
    )
    p.add_argument("--format", choices=FORMATS, default="csv")
    add_db_option(p)
    p.add_argument("--config", help="indicator configuration file")
    return p


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Load the facts, list, print. 0 on success, 2 for a request that cannot be served."""
    from upt_dashboard.access import data_scope
    from upt_dashboard.storage import audit
    from upt_dashboard.storage.facts import load_facts

    out = out or sys.stdout
    viewer = cli_viewer()
    try:
        config = load_config(args.config)
        engine = open_db(args)
        start = args.as_of.start_of("year")
        facts = load_facts(engine, data_scope(viewer), start=start, end=args.as_of)
        rows = warning_rows(facts, args.as_of, args.units, config=config)
    except IndicatorError as exc:
        print(f"Kesalahan: {exc}", file=sys.stderr)
        return 2
    write_rows(rows, args.format, out)
    audit.record_alone(  # names and NIPs were printed: a view of personal data
        engine,
        viewer.actor,
        "personal.view",
        period=str(args.as_of),
        obj="early_warning",
        details={"units": args.units or "semua", "rows": rows.height},
    )
    return 0


def warning_rows(
    facts: Facts,
    as_of: Month,
    units: list[str] | None = None,
    *,
    viewer: Viewer = CLI_OPERATOR,
    config=None,
) -> pl.DataFrame:
    """The list in :data:`COLUMNS` for the units ``viewer`` may see (narrowed by ``units``).

    Raises IndicatorError for an unknown unit code or when the viewer may see
    none of the units asked for.
    """
    known = facts.units["code"].to_list()
    unknown = sorted(set(units or []) - set(known))
    if unknown:
        raise IndicatorError(f"Kode UPT tidak dikenal: {', '.join(unknown)}. Periksa daftar UPT.")
    allowed = personal_data_units(units or known, viewer)
    if not allowed:
        raise IndicatorError("Anda tidak berhak melihat data pribadi pegawai UPT ini.")
    rows = early_warning(facts, units=allowed, as_of=as_of, config=config)
    return rows.select(
        "nip",
        name="nama",
        status="status",
        units="units",
        tk_days="tk_days",
        late_days="late_days",
        total_days="total_days",
        next_threshold="next_threshold",
        days_left="days_left",
        sanction=pl.col("reached_sanction").fill_null(""),
        late_days_estimated="minimum_estimate",
        month_flag=pl.when("month_flag").then(pl.col("tk_month_max_period").dt.strftime("%Y-%m")),
    )


def write_rows(rows: pl.DataFrame, fmt: str, out: TextIO) -> None:
    """CSV (header + rows) or JSON (a list of records)."""
    if fmt == "json":
        json.dump(rows.to_dicts(), out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        out.write(rows.write_csv())
