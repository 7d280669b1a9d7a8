"""Backup and restore, consistent while the app keeps taking uploads.

Two backup formats:

- ``sqlite``: a SQLite database file holding every table. From SQLite it
  is SQLite's online backup API (a consistent snapshot even with writers:
  copying the live file misses what is still in the WAL); from PostgreSQL
  every table is copied inside one REPEATABLE READ transaction. It restores
  into either backend, so it is also the way to move between them.
- ``pg_dump``: PostgreSQL's custom format (``pg_dump -Fc``), the default for
  PostgreSQL when ``pg_dump`` is installed; restores into PostgreSQL with
  ``pg_restore``.

A restore goes into an empty database only: the schema is created at the
backup's revision (Alembic), then every row is copied; a backup from an
older release is then brought up to date with ``python cli.py db upgrade``.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from alembic import command
from sqlalchemy import Engine, MetaData, create_engine, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.types import DateTime

from upt_dashboard import settings
from upt_dashboard.storage import schema
from upt_dashboard.storage.schema import SchemaMismatch, State

SQLITE = "sqlite"
PG_DUMP = "pg_dump"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_PG_DUMP_MAGIC = b"PGDMP"
_BATCH = 200


class BackupError(Exception):
    """Backup or restore could not be done; ``str(exc)`` says why, in Bahasa Indonesia."""


def backup(engine: Engine, target: Path, fmt: str | None = None) -> str:
    """Write a backup of the database to ``target``; returns the format used.

    ``fmt`` None: ``pg_dump`` for PostgreSQL when the tool is installed,
    else ``sqlite``. The file appears only when complete (written beside
    ``target``, then renamed).
    """
    postgres = engine.dialect.name == "postgresql"
    fmt = fmt or (PG_DUMP if postgres and shutil.which("pg_dump") else SQLITE)
    if fmt == PG_DUMP and not postgres:
        raise BackupError(
            "Format pg_dump hanya untuk basis data PostgreSQL; pakai --format sqlite."
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        if fmt == PG_DUMP:
            _pg_dump(engine, partial)
        elif postgres:
            _copy_into_new_sqlite(engine, partial)
        else:
            _sqlite_online_backup(engine, partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return fmt


def backup_format(path: Path) -> str:
    """The format of a backup file (by its first bytes)."""
    with path.open("rb") as handle:
        head = handle.read(16)
    if head.startswith(_SQLITE_MAGIC):
        return SQLITE
    if head.startswith(_PG_DUMP_MAGIC):
        return PG_DUMP
    raise BackupError(f"{path} bukan berkas cadangan (SQLite atau pg_dump).")


def restore(source: Path, engine: Engine) -> str:
    """Restore the backup file ``source`` into the EMPTY database of ``engine``.

    Returns the schema revision restored. Raises BackupError when the
    target is not empty, or a pg_dump backup is restored into SQLite.
    """
    fmt = backup_format(source)
    found, _ = schema.state(engine)
    if found is not State.EMPTY:
        raise BackupError(
            "Basis data tujuan tidak kosong: pemulihan hanya ke basis data baru yang kosong."
        )
    if fmt == PG_DUMP:
        if engine.dialect.name != "postgresql":
            raise BackupError(
                "Cadangan pg_dump hanya bisa dipulihkan ke PostgreSQL. Untuk SQLite, buat "
                "cadangan dengan: python cli.py backup --format sqlite"
            )
        _pg_restore(source, engine)
        return schema.revision_of(engine) or schema.BASELINE
    backup_engine = create_engine(f"sqlite:///{source}")
    try:
        return copy_database(backup_engine, engine)
    finally:
        backup_engine.dispose()


def copy_database(source: Engine, target: Engine) -> str:
    """Create ``target``'s schema at ``source``'s revision and copy every row; the revision.

    Raises SchemaMismatch when ``source`` was migrated by a newer release.
    """
    found, revision = schema.state(source)
    if found is State.NEWER:
        raise SchemaMismatch(schema.mismatch_message(found, revision))
    revision = revision or schema.BASELINE
    with schema.schema_lock(target):
        with target.begin() as conn:
            command.upgrade(schema.config(conn), revision)
        with source.connect() as read:
            # One snapshot for every table: rows added meanwhile are all in or all out
            # (SQLite: one read transaction is one snapshot of the WAL).
            if source.dialect.name == "postgresql":
                read = read.execution_options(isolation_level="REPEATABLE READ")
            with read.begin():
                _copy_rows(read, target)
    return revision


def _copy_rows(read, target: Engine) -> None:
    source_tables = MetaData()
    source_tables.reflect(read)
    target_tables = MetaData()
    target_tables.reflect(target)
    with target.begin() as write:
        for table in target_tables.sorted_tables:
            if table.name == "alembic_version" or table.name not in source_tables.tables:
                continue
            origin = source_tables.tables[table.name]
            columns = [c.name for c in table.columns if c.name in origin.columns]
            aware = {c.name for c in table.columns if isinstance(c.type, DateTime)}
            result = read.execute(select(*(origin.c[name] for name in columns)))
            while rows := result.fetchmany(_BATCH):
                write.execute(insert(table), [_row(dict(zip(columns, row)), aware) for row in rows])
        if target.dialect.name == "postgresql":
            _reset_sequences(write, target_tables)


def _row(values: dict, datetimes: set[str]) -> dict:
    # SQLite keeps no time zone; every stored time is UTC.
    for name in datetimes:
        moment = values.get(name)
        if isinstance(moment, datetime) and moment.tzinfo is None:
            values[name] = moment.replace(tzinfo=UTC)
    return values


def _reset_sequences(write, tables: MetaData) -> None:
    """After rows were copied with their ids, new ids must continue after them."""
    for table in tables.sorted_tables:
        for column in table.primary_key.columns:
            sequence = write.execute(
                text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": column.name}
            ).scalar()
            if sequence:
                write.execute(
                    text(
                        f"SELECT setval('{sequence}', "
                        f"COALESCE((SELECT MAX({column.name}) FROM {table.name}), 0) + 1, false)"
                    )
                )


def _sqlite_online_backup(engine: Engine, target: Path) -> None:
    raw = engine.raw_connection()
    try:
        destination = sqlite3.connect(target)
        try:
            raw.driver_connection.backup(destination)
            # A standalone file: no -wal beside it to lose when it is copied.
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
    finally:
        raw.close()


def _copy_into_new_sqlite(engine: Engine, target: Path) -> None:
    destination = create_engine(f"sqlite:///{target}")
    try:
        copy_database(engine, destination)
    finally:
        destination.dispose()


def _libpq(engine: Engine) -> tuple[str, dict[str, str]]:
    """A libpq URL without the password, and the environment carrying it."""
    url = make_url(engine.url)
    user = quote(url.username or "", safe="")
    where = f"{url.host or ''}" + (f":{url.port}" if url.port else "")
    env = settings.environment_for_child(PGPASSWORD=str(url.password or ""))
    return f"postgresql://{user}@{where}/{quote(url.database or '', safe='')}", env


def _pg_dump(engine: Engine, target: Path) -> None:
    url, env = _libpq(engine)
    _run(
        ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "-f", str(target), url],
        env,
    )


def _pg_restore(source: Path, engine: Engine) -> None:
    url, env = _libpq(engine)
    _run(
        [
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            "-d",
            url,
            str(source),
        ],
        env,
    )


def _run(args: list[str], env: dict[str, str]) -> None:
    try:
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=3600)
    except FileNotFoundError as exc:
        raise BackupError(f"Program {args[0]} tidak terpasang.") from exc
    if done.returncode != 0:
        raise BackupError(f"{args[0]} gagal: {done.stderr.strip()[:500]}")
