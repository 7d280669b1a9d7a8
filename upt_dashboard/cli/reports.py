"""Sub-commands about stored reports: import, submissions, units, template.

python cli.py import FILE...            validate and store monthly reports
python cli.py submissions [--unit CODE] [--period YYYY-MM]
python cli.py units
python cli.py template --unit CODE --period YYYY-MM -o FILE [--prefill]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from upt_dashboard.cli.args import add_db_option, month_arg, open_db


def cmd_import(args) -> int:
    from upt_dashboard.intake.bulk import default_workers, import_paths

    results = import_paths(
        open_db(args),
        [Path(p) for p in args.files],
        uploaded_by=args.user,
        workers=default_workers(),
    )
    refused = 0
    for result in results:
        print(f"{result.filename}: {result.message}")
        for finding in result.findings:  # warnings too: they don't block but need a look
            label = "KESALAHAN" if finding.is_error else "peringatan"
            print(f"  {label:10} {finding.location}: {finding.message}")
        refused += result.status == "refused"
    return 1 if refused else 0


def cmd_submissions(args) -> int:
    from upt_dashboard.storage.submissions import list_submissions

    listing = list_submissions(open_db(args), unit=args.unit, period=args.period)
    if listing.is_empty():
        print("Belum ada laporan tersimpan.")
    for row in listing.iter_rows(named=True):
        state = "terkini" if row["is_current"] else "lama"
        print(
            f"{row['unit_code']:10} {row['year']}-{row['month']:02d} v{row['version']} "
            f"{state:7} {row['uploaded_at']:%Y-%m-%d %H:%M} UTC  {row['uploaded_by']:14} "
            f"{row['sha256'][:12]}  {row['filename']}"
        )
    return 0


def cmd_units(args) -> int:
    from upt_dashboard.storage.registry import list_units

    for row in list_units(open_db(args)).iter_rows(named=True):
        print(
            f"{row['code']:10} {row['type']:5} {row['capacity']:5}  {row['city']:12} {row['name']}"
        )
    return 0


def cmd_template(args) -> int:
    from data_loaders.template import template_bytes
    from upt_dashboard.intake.templates import prefilled_template
    from upt_dashboard.storage.registry import list_units

    engine = open_db(args)
    units = list_units(engine)
    match = units.filter(units["code"] == args.unit)
    if match.is_empty():
        print(f"Kode UPT {args.unit!r} tidak dikenal. Lihat: python cli.py units", file=sys.stderr)
        return 2
    if args.prefill:
        data = prefilled_template(engine, args.unit, args.period)
    else:
        data = template_bytes(args.unit, match["name"][0], args.period)
    Path(args.output).write_bytes(data)
    filled = " (terisi dari laporan tersimpan)" if args.prefill else ""
    print(f"Templat{filled} ditulis ke {args.output}")
    return 0


def add_parsers(sub) -> None:
    """Register this module's sub-commands on an argparse sub-parser collection."""

    def add(name: str, handler, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help)
        add_db_option(p)
        p.set_defaults(handler=handler)
        return p

    p = add("import", cmd_import, "validate and store monthly report workbooks")
    p.add_argument("files", nargs="+")
    p.add_argument("--user", default="cli", help="recorded as the uploader")

    p = add("submissions", cmd_submissions, "list stored submissions")
    p.add_argument("--unit")
    p.add_argument("--period", type=month_arg, metavar="YYYY-MM")

    add("units", cmd_units, "list the unit registry")

    p = add("template", cmd_template, "write a report workbook (blank, or --prefill)")
    p.add_argument("--unit", required=True)
    p.add_argument("--period", required=True, type=month_arg, metavar="YYYY-MM")
    p.add_argument("-o", "--output", required=True)
    p.add_argument(
        "--prefill",
        action="store_true",
        help="fill staff list, services, capacity and opening residents from stored reports",
    )
