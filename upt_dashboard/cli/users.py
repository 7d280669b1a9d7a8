"""``cli.py users``: accounts from the terminal (the server's administrator).

    python cli.py users add USERNAME --role ROLE [--unit CODE] [--name TEXT]
        [--email ADDR] --password-stdin
    python cli.py users list
    python cli.py users set-role USERNAME ROLE [--unit CODE]
    python cli.py users disable USERNAME      (users enable USERNAME undoes it)
    python cli.py users reset-password USERNAME --password-stdin   (changed at next sign-in)

Passwords are read from standard input (first line), never from the command
line (which other users of the machine can see) and never printed. Every
change is in the audit log as ``cli:<system user>``. Exit status 0 when
done, 2 when refused (the message says why).
"""

from __future__ import annotations

import argparse
import sys

from upt_dashboard.cli.args import add_db_option, cli_viewer, open_db
from upt_dashboard.cli.text import safe
from upt_dashboard.views.i18n import t


def _password(args) -> str:
    if not args.password_stdin:
        raise SystemExit("Kata sandi dibaca dari masukan standar: tambahkan --password-stdin.")
    return sys.stdin.readline().rstrip("\r\n")


def _run(change) -> int:
    from upt_dashboard.access.accounts import AccountError

    try:
        message = change()
    except AccountError as exc:
        print(t(exc.key, lang="id", **exc.values), file=sys.stderr)
        return 2
    print(message)
    return 0


def cmd_add(args) -> int:
    from upt_dashboard.access.accounts import create_account

    password = _password(args)
    return _run(
        lambda: (
            create_account(
                open_db(args),
                cli_viewer().actor,
                args.username,
                args.role,
                password,
                unit=args.unit,
                name=args.name,
                email=args.email,
            )
            and f"Akun {args.username.lower()} ({args.role}) dibuat."
        )
    )


def cmd_list(args) -> int:
    from upt_dashboard.access.accounts import list_accounts

    listing = list_accounts(open_db(args))
    if listing.is_empty():
        print("Belum ada akun.")
    for row in listing.iter_rows(named=True):
        flags = [] if row["active"] else ["nonaktif"]
        flags += ["demo"] if row["demo"] else []
        flags += ["harus ganti sandi"] if row["must_change_password"] else []
        last = f"{row['last_login_at']:%Y-%m-%d %H:%M} UTC" if row["last_login_at"] else "-"
        print(
            f"{safe(row['username']):24} {row['role']:12} {row['unit_code'] or '-':10} "
            f"{last:20} {safe(row['display_name'])}" + (f"  [{', '.join(flags)}]" if flags else "")
        )
    return 0


def cmd_set_role(args) -> int:
    from upt_dashboard.access.accounts import set_role

    def change():
        set_role(open_db(args), cli_viewer().actor, args.username, args.role, args.unit)
        return f"Peran {args.username} sekarang {args.role}."

    return _run(change)


def cmd_active(args, active: bool) -> int:
    from upt_dashboard.access.accounts import set_active

    def change():
        set_active(open_db(args), cli_viewer().actor, args.username, active)
        return f"Akun {args.username} {'diaktifkan' if active else 'dinonaktifkan'}."

    return _run(change)


def cmd_reset(args) -> int:
    from upt_dashboard.access.accounts import reset_password

    password = _password(args)

    def change():
        reset_password(open_db(args), cli_viewer().actor, args.username, password)
        return f"Kata sandi {args.username} diatur ulang; harus diganti saat masuk berikutnya."

    return _run(change)


def add_parsers(sub) -> None:
    """Register ``users`` and its actions."""
    users = sub.add_parser("users", help="accounts: add, list, set-role, disable, reset-password")
    actions = users.add_subparsers(dest="action", required=True)

    def add(name: str, handler, help: str) -> argparse.ArgumentParser:
        p = actions.add_parser(name, help=help)
        add_db_option(p)
        p.set_defaults(handler=handler)
        return p

    p = add("add", cmd_add, "create an account (password from standard input)")
    p.add_argument("username")
    p.add_argument("--role", required=True)
    p.add_argument("--unit", metavar="CODE", help="the unit of an operator")
    p.add_argument("--name", metavar="TEXT")
    p.add_argument("--email", metavar="ADDR")
    p.add_argument("--password-stdin", action="store_true")

    add("list", cmd_list, "list the accounts")

    p = add("set-role", cmd_set_role, "give an account another role (and unit)")
    p.add_argument("username")
    p.add_argument("role")
    p.add_argument("--unit", metavar="CODE")

    p = add("disable", lambda a: cmd_active(a, False), "disable an account (ends its sessions)")
    p.add_argument("username")
    p = add("enable", lambda a: cmd_active(a, True), "enable a disabled account")
    p.add_argument("username")

    p = add("reset-password", cmd_reset, "set a temporary password (changed at next sign-in)")
    p.add_argument("username")
    p.add_argument("--password-stdin", action="store_true")
