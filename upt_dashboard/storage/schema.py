"""The schema's version, owned by Alembic (``storage/migrations``).

A database is in one of five states: EMPTY (nothing created yet), LEGACY
(created by the code from before migrations: every table, no
``alembic_version``; it is the baseline revision), OLDER (an earlier
revision), CURRENT (the newest revision this code knows) or NEWER (a
revision this code does not know: a newer release migrated it). Creating
and upgrading happen under a lock shared by every process on the database
(PostgreSQL: an advisory lock; SQLite: a lock file beside the database), so
four processes starting on an empty database create it once.
"""

from __future__ import annotations

import enum
import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, func, inspect, select

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BASELINE = "0001_baseline"
# Any fixed number: the key of the PostgreSQL advisory lock guarding schema changes.
_SCHEMA_LOCK_KEY = 0x55505444_4201


class State(enum.Enum):
    EMPTY = "empty"
    LEGACY = "legacy"
    OLDER = "older"
    CURRENT = "current"
    NEWER = "newer"


class SchemaMismatch(Exception):
    """The database's schema does not fit this code; ``str(exc)`` says what to run."""


def config(connection: Connection | None = None) -> Config:
    """An Alembic configuration for ``storage/migrations`` (no alembic.ini needed)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    """The newest revision this code knows."""
    return ScriptDirectory.from_config(config()).get_current_head()


def revision_of(engine: Engine) -> str | None:
    """The revision stamped in the database (None: not stamped)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def state(engine: Engine) -> tuple[State, str | None]:
    """(state, stamped revision) of the database behind ``engine``."""
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        current = MigrationContext.configure(conn).get_current_revision()
    if current is None:
        return (State.LEGACY if "submissions" in tables else State.EMPTY), None
    scripts = ScriptDirectory.from_config(config())
    if current == scripts.get_current_head():
        return State.CURRENT, current
    known = {s.revision for s in scripts.walk_revisions()}
    return (State.OLDER if current in known else State.NEWER), current


def mismatch_message(found: State, revision: str | None) -> str:
    """What to tell the person starting the app or CLI on a database that does not fit."""
    if found is State.NEWER:
        return (
            f"Basis data sudah diperbarui oleh versi aplikasi yang lebih baru (revisi skema "
            f"{revision}; versi ini mengenal sampai {head()}). Jalankan versi aplikasi yang "
            "sesuai; versi ini tidak akan mengubah apa pun."
        )
    return (
        f"Skema basis data perlu diperbarui (revisi {revision or 'awal, sebelum migrasi'} → "
        f"{head()}). Cadangkan dulu (python cli.py backup -o cadangan.dump), lalu jalankan: "
        "python cli.py db upgrade"
    )


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Bring the database to the newest revision, under the schema lock.

    A LEGACY database is stamped as the baseline first (its tables are the
    baseline's), then upgraded. Returns (revision before, revision after).
    Raises SchemaMismatch on a NEWER database.
    """
    with schema_lock(engine):
        found, before = state(engine)
        if found is State.NEWER:
            raise SchemaMismatch(mismatch_message(found, before))
        with engine.begin() as conn:
            cfg = config(conn)
            if found is State.LEGACY:
                command.stamp(cfg, BASELINE)
                before = BASELINE
            command.upgrade(cfg, "head")
    return before, head()


def create_if_empty(engine: Engine, then=None) -> bool:
    """Create the schema (and run ``then(engine)``) if the database is EMPTY; True if it did.

    Under the schema lock, so only the first of several starting processes creates.
    """
    with schema_lock(engine):
        if state(engine)[0] is not State.EMPTY:
            return False
        with engine.begin() as conn:
            command.upgrade(config(conn), "head")
        if then is not None:
            then(engine)
        return True


@contextmanager
def schema_lock(engine: Engine) -> Iterator[None]:
    """Held by one process at a time per database, across processes."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(select(func.pg_advisory_lock(_SCHEMA_LOCK_KEY)))
            conn.commit()
            try:
                yield
            finally:
                conn.execute(select(func.pg_advisory_unlock(_SCHEMA_LOCK_KEY)))
                conn.commit()
        return
    database = engine.url.database
    if not database or database == ":memory:":
        yield  # one process only
        return
    with open(f"{database}.schema-lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
