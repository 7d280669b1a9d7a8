"""Database engine and tables.

SQLite (an embedded file, WAL mode) by default; ``DATABASE_URL`` or an
explicit URL selects PostgreSQL through psycopg 3. The fact tables are
generated from the sheet schemas, so a new column in the contract is a new
column here without a second list.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Engine,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
)

from data_loaders.schema import SHEETS, Kind, Layout
from upt_dashboard import paths, settings

metadata = MetaData()

unit_types = Table(
    "unit_types",
    metadata,
    Column("type", String(20), primary_key=True),
    Column("name", Text, nullable=False),
    Column("name_en", Text, nullable=False),
    Column("rehabilitation", Boolean, nullable=False),
)

units = Table(
    "units",
    metadata,
    Column("code", String(40), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(20), ForeignKey("unit_types.type"), nullable=False),
    Column("city", Text, nullable=False),
    Column("capacity", Integer, nullable=False),
)

submissions = Table(
    "submissions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("unit_code", String(40), ForeignKey("units.code"), nullable=False),
    Column("year", Integer, nullable=False),
    Column("month", Integer, nullable=False),
    Column("version", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("filename", Text, nullable=False),
    Column("uploaded_at", DateTime(timezone=True), nullable=False),
    Column("uploaded_by", Text, nullable=False),
    Column("is_current", Boolean, nullable=False),
    Column("n_warnings", Integer, nullable=False),
    Column("warnings_json", Text, nullable=False),
    Column("file_bytes", LargeBinary, nullable=False),
    # Verification (storage.review): diunggah → diverifikasi | dikembalikan, by whom, when, why.
    Column("review_state", String(20), nullable=False, server_default="diunggah"),
    Column("reviewed_by", Text, nullable=True),
    Column("reviewed_at", DateTime(timezone=True), nullable=True),
    Column("review_comment", Text, nullable=True),
    UniqueConstraint("unit_code", "year", "month", "version"),
    Index("ix_submissions_current", "is_current", "year", "month"),
    # The data version reads the latest verdict on every page view.
    Index("ix_submissions_reviewed_at", "reviewed_at"),
)

# The per-unit-month sums the indicator engine adds up, written with each
# report so a cold start reads one small row per report instead of its
# staff and survey rows. ``definition`` names the set of sums (a digest of
# their expressions): rows of an older definition are recomputed by
# ``python cli.py sums rebuild`` and, until then, computed from the rows.
unit_month_parts = Table(
    "unit_month_parts",
    metadata,
    Column(
        "submission_id",
        Integer,
        ForeignKey("submissions.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("definition", String(16), nullable=False),
    Column("part_values", Text, nullable=False),  # JSON list, in the definition's order
)

# Accounts (upt_dashboard.access): one role each, operators bound to one unit.
accounts = Table(
    "accounts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("display_name", Text, nullable=False),
    Column("role", String(32), nullable=False),
    Column("unit_code", String(40), ForeignKey("units.code"), nullable=True),
    Column("email", Text, nullable=True),
    Column("password_hash", Text, nullable=False),  # argon2id; "!" for demo accounts
    Column("active", Boolean, nullable=False),
    Column("demo", Boolean, nullable=False),
    Column("failed_attempts", Integer, nullable=False),
    Column("locked_until", DateTime(timezone=True), nullable=True),
    Column("must_change_password", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_login_at", DateTime(timezone=True), nullable=True),
)

# Signed-in sessions: the browser holds a random token, the table its SHA-256.
sessions = Table(
    "sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("account_id", Integer, ForeignKey("accounts.id"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_seen", DateTime(timezone=True), nullable=False),
    Column("ended_at", DateTime(timezone=True), nullable=True),
    Column("client", Text, nullable=True),
)

# The one-time code that lets the first visitor create the first administrator.
setup_codes = Table(
    "setup_codes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("code_hash", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True), nullable=True),
)

# Append-only, hash-chained record of who did what (storage.audit).
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("username", Text, nullable=False),
    Column("action", String(40), nullable=False),
    Column("unit_code", String(40), nullable=True),  # no foreign key: the record outlives it
    Column("period", String(16), nullable=True),  # 2026-10, or 2026-01..2026-10 (exports)
    Column("object", Text, nullable=True),
    Column("details", Text, nullable=False),  # JSON
    Column("client", Text, nullable=True),
    Column("prev_hash", String(64), nullable=False),
    Column("row_hash", String(64), nullable=False),
    Index("ix_audit_log_at", "at"),
)

_SQL_TYPES = {
    Kind.TEXT: Text,
    Kind.CHOICE: Text,
    Kind.NIP: String(18),
    Kind.COUNT: Integer,
    Kind.INT: Integer,
    Kind.MONTH: Integer,
    Kind.DATE: Date,
}


def _fact_table(sheet) -> Table:
    columns = [
        Column(
            "submission_id",
            Integer,
            ForeignKey("submissions.id", ondelete="CASCADE"),
            nullable=False,
        ),
    ]
    if sheet.layout is Layout.TABLE:
        columns.append(Column("row_no", Integer, nullable=False))
    columns += [Column(f.name, _SQL_TYPES[f.kind], nullable=True) for f in sheet.fields]
    return Table(
        sheet.table, metadata, *columns, Index(f"ix_{sheet.table}_submission", "submission_id")
    )


fact_tables: dict[str, Table] = {s.name: _fact_table(s) for s in SHEETS}


def database_url(url: str | None = None) -> str:
    """The URL to use: explicit, else $DATABASE_URL, else the embedded SQLite file."""
    if url:
        return url
    if configured := settings.get("DATABASE_URL"):
        return configured
    paths.DEFAULT_SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{paths.DEFAULT_SQLITE_PATH}"


def get_engine(url: str | None = None) -> Engine:
    """An engine for ``url`` (see :func:`database_url`).

    Only connects: creating tables and loading the registry is
    :func:`upt_dashboard.storage.bootstrap.init_db`, called once at start-up.
    """
    url = database_url(url)
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if url.startswith("postgresql"):
        # An unreachable server answers within seconds, and a restarted one is
        # reconnected to instead of failing the next page view.
        engine = create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 5})
    else:
        engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


# Execution option naming the statement that opens a SQLite transaction.
SQLITE_BEGIN = "sqlite_begin"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # The driver's own implicit BEGIN starts a transaction only at the first
    # write, after the reads; _sqlite_begin opens it explicitly instead.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # WAL lets the dashboard read while an upload writes; FKs are off by default.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # Wait this long for another process's write lock before "database is locked".
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _sqlite_begin(conn) -> None:
    """Open the transaction: ``BEGIN`` or, for a writer that reads first, ``BEGIN IMMEDIATE``.

    ``BEGIN IMMEDIATE`` takes the write lock before the reads, so two
    uploads of one unit-month cannot both read "version 3 is the last".
    """
    conn.exec_driver_sql(conn.get_execution_options().get(SQLITE_BEGIN, "BEGIN"))
