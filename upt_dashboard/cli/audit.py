"""``cli.py audit``: the audit log in the terminal, and a check of its hash chain.

    python cli.py audit list [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--user NAME]
        [--action ACTION] [--unit CODE] [--format table|csv]
    python cli.py audit verify

CSV columns: ``time, username, action, unit_code, period, details`` (time in
UTC, ISO 8601; dates given are days in WIB). ``verify`` recomputes every
row's SHA-256: exit 0 and the head hash when the chain is whole (note the
hash elsewhere: comparing it later also shows rows cut off the end), 1 and
the first broken row when a row was edited, deleted or inserted.
"""

from __future__ import annotations

import sys

from upt_dashboard.cli.args import add_db_option, date_arg, open_db
from upt_dashboard.cli.text import safe


def cmd_list(args) -> int:
    from upt_dashboard.storage.audit import list_entries
    from upt_dashboard.views.admin import audit_csv_frame

    entries = list_entries(
        open_db(args),
        since=args.since,
        until=args.until,
        username=args.user,
        action=args.action,
        unit=args.unit,
    )
    if args.format == "csv":
        sys.stdout.write(audit_csv_frame(entries).write_csv())
        return 0
    for row in entries.iter_rows(named=True):
        print(
            f"{row['time']:%Y-%m-%d %H:%M:%S} UTC  {safe(row['username']):20} "
            f"{row['action']:24} {row['unit_code'] or '-':10} {row['period'] or '-':17} "
            f"{safe(row['details'])}"
        )
    return 0


def cmd_verify(args) -> int:
    from upt_dashboard.storage.audit import verify

    problems, count, head = verify(open_db(args))
    if problems:
        for problem in problems:
            print(f"RUSAK: {problem}", file=sys.stderr)
        print(f"Rantai hash log audit rusak ({len(problems)} masalah, {count} baris).")
        return 1
    print(f"Rantai hash utuh: {count} baris. Hash terakhir: {head}")
    return 0


def add_parsers(sub) -> None:
    """Register ``audit list`` and ``audit verify``."""
    parser = sub.add_parser("audit", help="the audit log: list, verify its hash chain")
    actions = parser.add_subparsers(dest="action_name", required=True)
    p = actions.add_parser("list", help="print the audit log")
    add_db_option(p)
    p.add_argument("--since", type=date_arg, metavar="YYYY-MM-DD")
    p.add_argument("--until", type=date_arg, metavar="YYYY-MM-DD")
    p.add_argument("--user", metavar="NAME")
    p.add_argument("--action", metavar="ACTION")
    p.add_argument("--unit", metavar="CODE")
    p.add_argument("--format", choices=["table", "csv"], default="table")
    p.set_defaults(handler=cmd_list)
    p = actions.add_parser("verify", help="check that no row was edited or deleted")
    add_db_option(p)
    p.set_defaults(handler=cmd_verify)
