"""The audit log: an append-only, hash-chained record of who did what.

Each row is written by :func:`record` on the connection of the action it
records, so the row and the action commit (or roll back) together. Rows are
numbered 1, 2, 3… without gaps and each carries the SHA-256 of the previous
row and of its own content: :func:`verify` recomputes the chain and names
the first row that was edited, deleted or inserted out of turn. (Removing
the newest rows leaves a shorter, valid chain: ``verify`` prints the head
hash so it can be noted elsewhere and compared later.)

Writers are serialised so two actions never chain onto the same row:
PostgreSQL takes a transaction-scoped advisory lock, and every SQLite
writer here opens its transaction with ``BEGIN IMMEDIATE``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import polars as pl
from sqlalchemy import Connection, Engine, func, insert, select

from upt_dashboard.storage.db import SQLITE_BEGIN, audit_log
from upt_dashboard.storage.text import printable

GENESIS = "0" * 64
_AUDIT_LOCK_KEY = 0x55505444_A0D1

# Every action the log knows (the Log Audit page filters on these).
ACTIONS = (
    "signin.success",
    "signin.failure",
    "signin.locked",
    "signout",
    "session.expired",
    "upload.accepted",
    "upload.refused",
    "upload.unchanged",
    "review.verified",
    "review.returned",
    "export",
    "personal.view",
    "file.download",
    "account.created",
    "account.role",
    "account.disabled",
    "account.enabled",
    "account.password_reset",
    "account.password_changed",
    "setup.admin_created",
    "config.changed",
)


@dataclass(frozen=True)
class Actor:
    """Who acts, for the record: the account's username and the client address if known."""

    username: str
    client: str | None = None


SYSTEM = Actor("sistem")


@dataclass(frozen=True)
class Problem:
    """The first place the chain breaks."""

    row_id: int
    reason: str  # in Bahasa Indonesia

    def __str__(self) -> str:
        return f"baris {self.row_id}: {self.reason}"


def record(
    conn: Connection,
    actor: Actor,
    action: str,
    *,
    unit: str | None = None,
    period: str | None = None,
    obj: str | None = None,
    details: dict | None = None,
    at: datetime | None = None,
) -> int:
    """Append one row on ``conn`` (inside the caller's transaction); its id back.

    Raises ValueError for an unknown action (a program bug).
    """
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    lock_chain(conn)
    last = conn.execute(
        select(audit_log.c.id, audit_log.c.row_hash).order_by(audit_log.c.id.desc()).limit(1)
    ).first()

    def kept(text: str | None) -> str | None:  # names and file names come from outside
        return None if text is None else printable(text)

    row = {
        "id": (last.id + 1) if last else 1,
        "at": _utc(at or datetime.now(UTC)),
        "username": printable(actor.username),
        "action": action,
        "unit_code": kept(unit),
        "period": kept(period),
        "object": kept(obj),
        # JSON escapes control characters itself
        "details": json.dumps(details or {}, ensure_ascii=False, sort_keys=True, default=str),
        "client": kept(actor.client),
        "prev_hash": last.row_hash if last else GENESIS,
    }
    row["row_hash"] = row_hash(row)
    conn.execute(insert(audit_log).values(**row))
    return row["id"]


def record_alone(engine: Engine, actor: Actor, action: str, **values) -> int:
    """:func:`record` in a transaction of its own (an action that changes nothing else)."""
    with write_transaction(engine) as conn:
        return record(conn, actor, action, **values)


def note_configuration(engine: Engine, actor: Actor, name: str, content: bytes) -> bool:
    """Record ``config.changed`` when the file ``name`` differs from its last recorded
    SHA-256 (the first sighting too); True if it recorded. Configuration is edited as
    files, outside the app: the app notices when it reads them."""
    digest = hashlib.sha256(content).hexdigest()
    with write_transaction(engine) as conn:
        last = conn.execute(
            select(audit_log.c.details)
            .where((audit_log.c.action == "config.changed") & (audit_log.c.object == name))
            .order_by(audit_log.c.id.desc())
            .limit(1)
        ).scalar()
        if last is not None and json.loads(last).get("sha256") == digest:
            return False
        record(conn, actor, "config.changed", obj=name, details={"sha256": digest})
    return True


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that may append to the log (``BEGIN IMMEDIATE`` on SQLite)."""
    with engine.connect() as conn:
        conn.execution_options(**{SQLITE_BEGIN: "BEGIN IMMEDIATE"})
        with conn.begin():
            yield conn


def lock_chain(conn: Connection) -> None:
    """Hold the log's write lock until the transaction ends (PostgreSQL; SQLite's
    ``BEGIN IMMEDIATE`` already holds the database's). Taken again by :func:`record`."""
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(_AUDIT_LOCK_KEY)))


def _utc(moment: datetime) -> datetime:
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


_CONTENT = ("id", "at", "username", "action", "unit_code", "period", "object", "details", "client")


def row_hash(row: dict) -> str:
    """SHA-256 of the previous row's hash and this row's content (canonical JSON)."""
    content = {name: row[name] for name in _CONTENT}
    content["at"] = _utc(row["at"]).isoformat(timespec="microseconds")
    payload = json.dumps([row["prev_hash"], content], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()


def verify(engine: Engine) -> tuple[list[Problem], int, str]:
    """(problems, rows checked, head hash); no problems means the chain is whole."""
    problems: list[Problem] = []
    expected_prev, expected_id, count = GENESIS, 1, 0
    with engine.connect() as conn:
        for row in conn.execute(select(audit_log).order_by(audit_log.c.id)).mappings():
            row = dict(row)
            count += 1
            if row["id"] != expected_id:
                problems.append(
                    Problem(row["id"], f"baris {expected_id} sampai {row['id'] - 1} hilang")
                )
            if row["prev_hash"] != expected_prev:
                problems.append(Problem(row["id"], "tidak menyambung ke baris sebelumnya"))
            if row_hash(row) != row["row_hash"]:
                problems.append(Problem(row["id"], "isinya diubah setelah dicatat"))
            expected_prev, expected_id = row["row_hash"], row["id"] + 1
    return problems, count, expected_prev


LIST_COLUMNS = ("time", "username", "action", "unit_code", "period", "details")
_SCHEMA = {
    "id": pl.Int64,
    "time": pl.Datetime("us", "UTC"),
    "username": pl.String,
    "action": pl.String,
    "unit_code": pl.String,
    "period": pl.String,
    "object": pl.String,
    "details": pl.String,
    "client": pl.String,
}


def list_entries(
    engine: Engine,
    *,
    since: date | None = None,
    until: date | None = None,
    username: str | None = None,
    action: str | None = None,
    unit: str | None = None,
    limit: int | None = None,
) -> pl.DataFrame:
    """Rows of the log, oldest first (newest ``limit`` when given), filtered in the query.

    ``since``/``until`` are days in WIB (inclusive)."""
    query = select(
        audit_log.c.id,
        audit_log.c.at.label("time"),
        audit_log.c.username,
        audit_log.c.action,
        audit_log.c.unit_code,
        audit_log.c.period,
        audit_log.c.object,
        audit_log.c.details,
        audit_log.c.client,
    )
    if since is not None:
        query = query.where(audit_log.c.at >= _day_start(since))
    if until is not None:
        query = query.where(audit_log.c.at < _day_start(until) + timedelta(days=1))
    if username:
        query = query.where(audit_log.c.username == username)
    if action:
        query = query.where(audit_log.c.action == action)
    if unit:
        query = query.where(audit_log.c.unit_code == unit)
    if limit is not None:
        query = query.order_by(audit_log.c.id.desc()).limit(limit)
    with engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(query).mappings()]
    for row in rows:
        row["time"] = _utc(row["time"])
    return pl.DataFrame(rows, schema=_SCHEMA).sort("id")


# Dates are read as the office reads them: days in Western Indonesia Time.
WIB = ZoneInfo("Asia/Jakarta")


def _day_start(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=WIB).astimezone(UTC)
