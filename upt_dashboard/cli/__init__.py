"""Command-line twin of app.py (``python cli.py``, installed as ``upt-dashboard``).

    python cli.py import FILE...            validate and store monthly reports
    python cli.py submissions [--unit CODE] [--period YYYY-MM]
    python cli.py units
    python cli.py template --unit CODE --period YYYY-MM -o FILE
    python cli.py sample [--out DIR]        regenerate sample_data/
    python cli.py indicators ...            indicator values (see --help)
    python cli.py early-warning --as-of YYYY-MM [--unit CODE] [--format csv|json]
    python cli.py export ...                slide deck, Excel summary, chart images

Every command takes ``--db URL`` (default: $DATABASE_URL or the embedded
SQLite file). Each module of this package registers its own sub-commands.
"""

from __future__ import annotations

import argparse

from upt_dashboard.cli import early_warning, exports, indicators, reports
from upt_dashboard.cli.args import add_db_option
from upt_dashboard.sample import cli as sample_cli


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cli.py", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    reports.add_parsers(sub)
    for module in (sample_cli, indicators, early_warning, exports):
        p = module.add_parser(sub)
        if not any(a.dest == "db" for a in p._actions):
            add_db_option(p)
        p.set_defaults(handler=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)
