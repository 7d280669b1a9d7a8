"""Command-line twin of app.py (``python cli.py``, installed as ``upt-dashboard``).

    python cli.py import FILE...            validate and store monthly reports
    python cli.py submissions [--unit CODE] [--period YYYY-MM]
    python cli.py units
    python cli.py template --unit CODE --period YYYY-MM -o FILE
    python cli.py sample [--out DIR]        regenerate sample_data/
    python cli.py indicators ...            indicator values (see --help)
    python cli.py early-warning --as-of YYYY-MM [--unit CODE] [--format csv|json]
    python cli.py export ...                slide deck, Excel summary, chart images
    python cli.py db upgrade|current        schema migrations (see --help)
    python cli.py sums rebuild [--all]      store the indicator sums anew (after a weight change)
    python cli.py backup -o FILE            consistent backup; restore FILE --db URL
    python cli.py users add|list|set-role|disable|enable|reset-password   accounts
    python cli.py audit list|verify         the audit log and its hash chain

Every command takes ``--db URL`` (default: $DATABASE_URL or the embedded
SQLite file). Each module of this package registers its own sub-commands.
"""

from __future__ import annotations

import argparse
import sys

from upt_dashboard.cli import audit, database, early_warning, exports, indicators, reports, users
from upt_dashboard.cli.args import add_db_option
from upt_dashboard.sample import cli as sample_cli


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cli.py", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    reports.add_parsers(sub)
    database.add_parsers(sub)
    users.add_parsers(sub)
    audit.add_parsers(sub)
    for module in (sample_cli, indicators, early_warning, exports):
        p = module.add_parser(sub)
        if not any(a.dest == "db" for a in p._actions):
            add_db_option(p)
        p.set_defaults(handler=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one sub-command; a database problem is one clear line and exit code 3."""
    from sqlalchemy.exc import DBAPIError

    from upt_dashboard.cli.text import safe
    from upt_dashboard.storage.backup import BackupError
    from upt_dashboard.storage.errors import StorageUnavailable, describe
    from upt_dashboard.storage.schema import SchemaMismatch

    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except (StorageUnavailable, SchemaMismatch, BackupError) as exc:
        print(safe(exc), file=sys.stderr)
        return 3
    except (DBAPIError, OSError) as exc:
        message = describe(exc)
        if message is None:
            raise
        print(message, file=sys.stderr)
        return 3
