"""Command-line twin of app.py.

    python cli.py import FILE...            validate and store monthly reports
    python cli.py submissions [--unit CODE] [--period YYYY-MM]
    python cli.py units
    python cli.py template --unit CODE --period YYYY-MM -o FILE
    python cli.py sample [--out DIR]        regenerate sample_data/
    python cli.py indicators ...            indicator values (see --help)
    python cli.py export ...                slide deck, Excel summary, chart images

Every command takes ``--db URL`` (default: $DATABASE_URL or the embedded
SQLite file).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from upt_dashboard.exports import cli as exports_cli
from upt_dashboard.indicators import cli as indicators_cli
from upt_dashboard.sample import cli as sample_cli


def parse_period(text: str) -> tuple[int, int]:
    """``YYYY-MM`` -> (year, month); argparse turns ValueError into a usage error."""
    try:
        year, month = (int(p) for p in text.split("-"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"periode harus berbentuk YYYY-MM, bukan {text!r}"
        ) from None
    if not 1 <= month <= 12:
        raise argparse.ArgumentTypeError(f"bulan tidak valid dalam {text!r}")
    return year, month


def _engine(args):
    from upt_dashboard.storage.db import get_engine

    return get_engine(args.db)


def cmd_import(args) -> int:
    from upt_dashboard.intake.bulk import default_workers, import_paths

    results = import_paths(
        _engine(args),
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

    year, month = args.period or (None, None)
    listing = list_submissions(_engine(args), unit=args.unit, year=year, month=month)
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

    for row in list_units(_engine(args)).iter_rows(named=True):
        print(
            f"{row['code']:10} {row['type']:5} {row['capacity']:5}  {row['city']:12} {row['name']}"
        )
    return 0


def cmd_template(args) -> int:
    from data_loaders.template import template_bytes
    from upt_dashboard.storage.registry import list_units

    units = list_units(_engine(args))
    match = units.filter(units["code"] == args.unit)
    if match.is_empty():
        print(f"Kode UPT {args.unit!r} tidak dikenal. Lihat: python cli.py units", file=sys.stderr)
        return 2
    year, month = args.period
    Path(args.output).write_bytes(template_bytes(args.unit, match["name"][0], year, month))
    print(f"Templat ditulis ke {args.output}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cli.py", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, handler, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help)
        p.add_argument("--db", help="database URL (default: $DATABASE_URL or SQLite)")
        p.set_defaults(handler=handler)
        return p

    p = add("import", cmd_import, "validate and store monthly report workbooks")
    p.add_argument("files", nargs="+")
    p.add_argument("--user", default="cli", help="recorded as the uploader")

    p = add("submissions", cmd_submissions, "list stored submissions")
    p.add_argument("--unit")
    p.add_argument("--period", type=parse_period)

    add("units", cmd_units, "list the unit registry")

    p = add("template", cmd_template, "write a blank report workbook")
    p.add_argument("--unit", required=True)
    p.add_argument("--period", required=True, type=parse_period)
    p.add_argument("-o", "--output", required=True)

    # Commands that live beside their code: each module gives add_parser/run.
    for module in (sample_cli, indicators_cli, exports_cli):
        p = module.add_parser(sub)
        if not any(a.dest == "db" for a in p._actions):
            p.add_argument("--db", help="database URL (default: $DATABASE_URL or SQLite)")
        p.set_defaults(handler=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
