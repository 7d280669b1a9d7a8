"""Argument types and options every sub-command shares."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date

from sqlalchemy import Engine

from upt_dashboard.months import Month


def month_arg(text: str) -> Month:
    """argparse type for ``YYYY-MM``; a usage error (in Indonesian) otherwise."""
    try:
        return Month.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def date_arg(text: str) -> date:
    """argparse type for ``YYYY-MM-DD``."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"tanggal tidak valid: {text!r} (format YYYY-MM-DD)"
        ) from None


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="database URL (default: $DATABASE_URL or SQLite)")


def open_db(args: argparse.Namespace) -> Engine:
    """The database named by ``--db`` (or the default), ready to use."""
    from upt_dashboard.storage.bootstrap import init_db
    from upt_dashboard.storage.db import get_engine

    return init_db(get_engine(args.db))


def cli_viewer():
    """The account the terminal acts as: an administrator named after the system user
    (whoever can run cli.py on the server can read the database anyway); recorded in the
    audit log as ``cli:<user>``."""
    import os
    import pwd

    from upt_dashboard.access import CLI_OPERATOR

    try:
        user = pwd.getpwuid(os.getuid()).pw_name
    except KeyError:
        user = str(os.getuid())
    return replace(CLI_OPERATOR, name=f"cli:{user}")


def cli_scope():
    """What the terminal may read: everything (see :func:`cli_viewer`)."""
    from upt_dashboard.access import data_scope

    return data_scope(cli_viewer())
