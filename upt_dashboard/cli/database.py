"""Sub-commands about the database itself: schema upgrades, backup and restore.

python cli.py db upgrade                bring the schema to this release (after a backup)
python cli.py db current                the schema revision of the database and of this code
python cli.py db revision -m MESSAGE    start a new migration file (developers)
python cli.py sums rebuild [--all]      store the indicator sums anew (after a weight change)
python cli.py backup -o FILE            consistent backup while the app runs
python cli.py restore FILE --db URL     restore into an empty database
"""

from __future__ import annotations

import argparse
from pathlib import Path

from upt_dashboard.cli.args import add_db_option


def _engine(args):
    from upt_dashboard.storage.db import get_engine

    return get_engine(args.db)


def cmd_db_upgrade(args) -> int:
    from upt_dashboard.storage import schema
    from upt_dashboard.storage.registry import load_registry_if_empty

    engine = _engine(args)
    found, _ = schema.state(engine)
    if found is schema.State.EMPTY:
        schema.create_if_empty(engine, then=load_registry_if_empty)
        print(f"Basis data kosong dibuat dengan skema terbaru ({schema.head()}).")
        return 0
    before, after = schema.upgrade(engine)
    if before == after:
        print(f"Skema sudah terbaru ({after}); tidak ada yang diubah.")
    else:
        print(f"Skema diperbarui: {before} → {after}.")
    _rebuild_sums(engine, None, everything=False)  # reports from before sums were stored
    return 0


def cmd_sums_rebuild(args) -> int:
    _rebuild_sums(_engine(args), args.config, everything=args.all)
    return 0


def _rebuild_sums(engine, config_path: str | None, *, everything: bool) -> None:
    from upt_dashboard.indicators.config import load_config
    from upt_dashboard.indicators.stored_sums import rebuild_stored_sums

    def progress(done: int, total: int) -> None:
        print(f"\r  jumlah indikator: {done:,}/{total:,} laporan", end="", flush=True)

    written = rebuild_stored_sums(
        engine, load_config(config_path), everything=everything, progress=progress
    )
    if written:
        print()
    print(f"Jumlah indikator tersimpan diperbarui untuk {written:,} laporan.")


def cmd_db_current(args) -> int:
    from upt_dashboard.storage import schema

    found, revision = schema.state(_engine(args))
    print(f"basis data: {revision or '-'} ({found.value}); kode ini: {schema.head()}")
    return 0 if found is schema.State.CURRENT else 1


def cmd_db_revision(args) -> int:
    """A new, empty migration file after the current head (edit it, then test it)."""
    from alembic import command

    from upt_dashboard.storage import schema

    script = command.revision(schema.config(), message=args.message)
    print(f"Migrasi baru: {script.path}")
    return 0


def cmd_backup(args) -> int:
    from upt_dashboard.storage.backup import backup

    target = Path(args.output)
    fmt = backup(_engine(args), target, args.format)
    print(f"Cadangan ({fmt}) ditulis ke {target} ({target.stat().st_size:,} byte).")
    return 0


def cmd_restore(args) -> int:
    from upt_dashboard.storage import schema
    from upt_dashboard.storage.backup import restore

    engine = _engine(args)
    revision = restore(Path(args.file), engine)
    print(f"Cadangan {args.file} dipulihkan (revisi skema {revision}).")
    if revision != schema.head():
        print("Skema cadangan lebih lama dari aplikasi ini; jalankan: python cli.py db upgrade")
    return 0


def add_parsers(sub) -> None:
    """Register this module's sub-commands on an argparse sub-parser collection."""
    db = sub.add_parser("db", help="database schema: upgrade, current, revision")
    actions = db.add_subparsers(dest="action", required=True)

    def add(parent, name: str, handler, help: str) -> argparse.ArgumentParser:
        p = parent.add_parser(name, help=help)
        add_db_option(p)
        p.set_defaults(handler=handler)
        return p

    add(actions, "upgrade", cmd_db_upgrade, "bring the schema to this release")
    add(actions, "current", cmd_db_current, "show the schema revision")
    p = add(actions, "revision", cmd_db_revision, "start a new migration file")
    p.add_argument("-m", "--message", required=True)

    sums = sub.add_parser("sums", help="the indicator sums stored with each report")
    sums_actions = sums.add_subparsers(dest="action", required=True)
    p = add(sums_actions, "rebuild", cmd_sums_rebuild, "store the sums of the current definition")
    p.add_argument("--all", action="store_true", help="every current report, not only stale ones")
    p.add_argument(
        "--config",
        help="indicator configuration file "
        "(default: $DASHBOARD_INDICATOR_CONFIG or config/indicators.toml)",
    )

    p = add(sub, "backup", cmd_backup, "write a consistent backup of the database")
    p.add_argument("-o", "--output", required=True)
    p.add_argument(
        "--format",
        choices=["sqlite", "pg_dump"],
        help="sqlite: a SQLite file (restores into either backend); pg_dump: PostgreSQL's "
        "custom format (default for PostgreSQL when pg_dump is installed)",
    )

    p = sub.add_parser("restore", help="restore a backup into an empty database")
    p.add_argument("file")
    p.add_argument("--db", required=True, help="the empty database to restore into")
    p.set_defaults(handler=cmd_restore)
