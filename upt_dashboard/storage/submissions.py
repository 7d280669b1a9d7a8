"""Storing accepted reports as versioned submissions.

A submission and all its facts are written in one transaction: a refused
file or a failure half-way leaves nothing behind. The newest accepted file
of a unit-month is its current version; earlier ones stay, with their
original bytes, marked superseded.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache

import polars as pl
from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy.exc import DBAPIError

from data_loaders.schema import SHEETS, Layout, Severity
from upt_dashboard.months import Month
from upt_dashboard.storage import audit, errors
from upt_dashboard.storage.audit import Actor
from upt_dashboard.storage.db import SQLITE_BEGIN, fact_tables, submissions, unit_month_parts
from upt_dashboard.storage.scope import DataScope
from upt_dashboard.storage.text import printable

ACCEPTED = "accepted"
UNCHANGED = "unchanged"
# Verification states of a stored report (storage.review changes them).
UPLOADED, VERIFIED, RETURNED = "diunggah", "diverifikasi", "dikembalikan"
REVIEW_STATES = (UPLOADED, VERIFIED, RETURNED)
# Who the sample data counts as uploaded by (the banner and the demo sign-ins key on it).
SAMPLE_UPLOADER = "data contoh"


class NotStorable(ValueError):
    """A report with errors was passed to :func:`store_report` (a program bug)."""


@dataclass(frozen=True)
class StoreResult:
    status: str  # ACCEPTED or UNCHANGED
    version: int
    submission_id: int


def store_report(
    engine: Engine,
    report,
    data: bytes,
    filename: str,
    uploaded_by: str,
    uploaded_at: datetime | None = None,
    parts: StoredParts | None = None,
    actor: Actor | None = None,
) -> StoreResult:
    """Store a validated report as the new current version of its unit-month.

    ``parts`` (the indicator engine's per-unit-month sums of this report)
    are written in the same transaction, so they never disagree with the
    facts they come from; so is the audit row (``upload.accepted`` or
    ``upload.unchanged``, by ``actor``, else by ``uploaded_by``). A new
    version starts *diunggah*, whatever the state of the one it replaces.

    ``report`` is a ``data_loaders.report.Report`` without errors. A file
    byte-identical to the current version is not stored again (status
    UNCHANGED). Safe when many processes store the same unit-month at once:
    version numbers are allocated under a per-unit-month lock, a conflict
    with another writer is retried a few times, and what is left becomes
    StorageUnavailable with a message for the user, as does a read-only,
    full or unreachable database. Raises NotStorable for a report with errors.
    """
    if not report.ok or report.period is None or report.unit_code is None:
        raise NotStorable("a report with errors cannot be stored")
    uploaded_at = uploaded_at or datetime.now(UTC)
    for attempt in range(1, STORE_ATTEMPTS + 1):
        try:
            return _store_once(
                engine,
                report,
                data,
                printable(filename),
                printable(uploaded_by),
                uploaded_at,
                parts,
                actor or Actor(printable(uploaded_by)),
            )
        except DBAPIError as exc:
            if attempt < STORE_ATTEMPTS and errors.is_retryable(exc):
                time.sleep(random.uniform(0.02, 0.1) * attempt)  # let the other writer finish
                continue
            if message := errors.describe(exc):
                raise errors.StorageUnavailable(message) from exc
            raise
        except OSError as exc:
            if message := errors.describe(exc):
                raise errors.StorageUnavailable(message) from exc
            raise
    raise AssertionError("unreachable")  # the loop returns or raises


STORE_ATTEMPTS = 5


def _store_once(
    engine: Engine,
    report,
    data: bytes,
    filename: str,
    uploaded_by: str,
    uploaded_at: datetime,
    parts: StoredParts | None,
    actor: Actor,
) -> StoreResult:
    key = (
        (submissions.c.unit_code == report.unit_code)
        & (submissions.c.year == report.period.year)
        & (submissions.c.month == report.period.month)
    )
    with engine.connect() as conn:
        conn.execution_options(**{SQLITE_BEGIN: "BEGIN IMMEDIATE"})
        with conn.begin():
            _lock_unit_month(conn, report.unit_code, report.period)
            current = conn.execute(
                select(submissions.c.id, submissions.c.version, submissions.c.sha256).where(
                    key & submissions.c.is_current
                )
            ).first()
            where = {"unit": report.unit_code, "period": str(report.period)}
            if current is not None and current.sha256 == report.sha256:
                audit.record(
                    conn,
                    actor,
                    "upload.unchanged",
                    obj=f"submission:{current.id}",
                    details={"filename": filename, "version": current.version},
                    **where,
                )
                return StoreResult(UNCHANGED, current.version, current.id)
            version = (
                conn.execute(select(func.max(submissions.c.version)).where(key)).scalar() or 0
            ) + 1
            # Submissions commit in the order of their ids: readers bring held data up
            # to date with "id above the newest held" (``refresh_facts``), which would
            # miss an id committed after a higher one. The log's lock, taken here rather
            # than at the end, orders the writers of every unit-month as SQLite does.
            audit.lock_chain(conn)
            conn.execute(update(submissions).where(key).values(is_current=False))
            warnings = [f.as_dict() for f in report.findings if f.severity is Severity.WARNING]
            submission_id = conn.execute(
                insert(submissions).values(
                    unit_code=report.unit_code,
                    year=report.period.year,
                    month=report.period.month,
                    version=version,
                    sha256=report.sha256,
                    filename=filename,
                    uploaded_at=uploaded_at,
                    uploaded_by=uploaded_by,
                    is_current=True,
                    n_warnings=len(warnings),
                    warnings_json=json.dumps(warnings, ensure_ascii=False, default=str),
                    file_bytes=data,
                    review_state=UPLOADED,
                )
            ).inserted_primary_key[0]
            _insert_facts(conn, submission_id, report.frames)
            if parts is not None:
                conn.execute(
                    insert(unit_month_parts).values(
                        submission_id=submission_id,
                        definition=parts.definition,
                        part_values=parts.values_json,
                    )
                )
            audit.record(
                conn,
                actor,
                "upload.accepted",
                obj=f"submission:{submission_id}",
                details={
                    "filename": filename,
                    "version": version,
                    "sha256": report.sha256,
                    "warnings": len(warnings),
                },
                **where,
            )
    return StoreResult(ACCEPTED, version, submission_id)


@dataclass(frozen=True)
class StoredParts:
    """One report's per-unit-month sums as stored: the definition and its values (JSON)."""

    definition: str
    values_json: str


def _lock_unit_month(conn: Connection, unit: str, month: Month) -> None:
    """Serialise writers of one unit-month until the transaction ends.

    PostgreSQL: a transaction-scoped advisory lock (``FOR UPDATE`` locks
    nothing while the unit-month has no row yet). SQLite: the transaction
    already holds the database's write lock (``BEGIN IMMEDIATE``).
    """
    if conn.dialect.name == "postgresql":
        digest = hashlib.sha256(f"{unit}/{month}".encode()).digest()
        conn.execute(
            select(func.pg_advisory_xact_lock(int.from_bytes(digest[:8], "big", signed=True)))
        )


def _insert_facts(conn: Connection, submission_id: int, frames: dict[str, pl.DataFrame]) -> None:
    for sheet in SHEETS:
        frame = frames[sheet.name]
        if frame.is_empty():
            continue
        # Column lists, not frame.select(): a polars query waits on its thread
        # pool, which costs milliseconds while import workers hold the cores.
        values = {"submission_id": [submission_id] * frame.height}
        if sheet.layout is Layout.TABLE:
            values["row_no"] = frame.get_column("_row").to_list()
        values |= {name: frame.get_column(name).to_list() for name in sheet.names}
        sql, order = _compiled_insert(conn.dialect, sheet.table, tuple(values))
        if conn.dialect.positional:
            rows = list(zip(*(values[c] for c in order)))
        else:
            rows = [dict(zip(values, row)) for row in zip(*values.values())]
        # Straight to the driver: SQLAlchemy's per-row parameter processing
        # cost more than the insert itself for a few hundred rows.
        conn.exec_driver_sql(sql, rows)


@lru_cache(maxsize=64)
def _compiled_insert(dialect, table_name: str, columns: tuple[str, ...]):
    table = next(t for t in fact_tables.values() if t.name == table_name)
    compiled = insert(table).values({c: None for c in columns}).compile(dialect=dialect)
    order = list(compiled.positiontup) if dialect.positional else list(columns)
    return str(compiled), order


_LISTING_COLUMNS = (
    submissions.c.id,
    submissions.c.unit_code,
    submissions.c.year,
    submissions.c.month,
    submissions.c.version,
    submissions.c.is_current,
    submissions.c.uploaded_at,
    submissions.c.uploaded_by,
    submissions.c.filename,
    submissions.c.sha256,
    submissions.c.n_warnings,
    submissions.c.review_state,
    submissions.c.reviewed_by,
    submissions.c.reviewed_at,
    submissions.c.review_comment,
)
_LISTING_SCHEMA = {
    "id": pl.Int64,
    "unit_code": pl.String,
    "year": pl.Int64,
    "month": pl.Int64,
    "version": pl.Int64,
    "is_current": pl.Boolean,
    "uploaded_at": pl.Datetime("us", "UTC"),
    "uploaded_by": pl.String,
    "filename": pl.String,
    "sha256": pl.String,
    "n_warnings": pl.Int64,
    "review_state": pl.String,
    "reviewed_by": pl.String,
    "reviewed_at": pl.Datetime("us", "UTC"),
    "review_comment": pl.String,
}


def units_stored_since(engine: Engine, since: int) -> list[str]:
    """Units with a submission stored after id ``since`` (what changed since a data version)."""
    with engine.connect() as conn:
        query = select(submissions.c.unit_code).where(submissions.c.id > since).distinct()
        return sorted(conn.scalars(query))


def list_submissions(
    engine: Engine,
    scope: DataScope,
    unit: str | list[str] | None = None,
    period: Month | None = None,
) -> pl.DataFrame:
    """Stored submissions ``scope`` may see, newest period first, versions newest first.

    ``unit`` narrows the listing to one unit or a list of units; ``period``
    to one month. Columns include the verification state (``review_state``,
    ``reviewed_by``, ``reviewed_at``, ``review_comment``).
    """
    query = select(*_LISTING_COLUMNS).where(scope.unit_clause(submissions.c.unit_code))
    if isinstance(unit, str):
        query = query.where(submissions.c.unit_code == unit)
    elif unit is not None:
        query = query.where(submissions.c.unit_code.in_(unit))
    if period is not None:
        query = query.where(
            (submissions.c.year == period.year) & (submissions.c.month == period.month)
        )
    query = query.order_by(
        submissions.c.year.desc(),
        submissions.c.month.desc(),
        submissions.c.unit_code,
        submissions.c.version.desc(),
    )
    with engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(query).mappings()]
    for row in rows:
        row["uploaded_at"] = _as_utc(row["uploaded_at"])
        row["reviewed_at"] = row["reviewed_at"] and _as_utc(row["reviewed_at"])
    return pl.DataFrame(rows, schema=_LISTING_SCHEMA)


def _as_utc(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes; everything is stored in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def submission_file(
    engine: Engine, submission_id: int, scope: DataScope
) -> tuple[str, bytes] | None:
    """The original uploaded file (name, bytes) of a submission, or None.

    The workbook holds every employee's name, NIP and attendance: only a
    scope with personal-data rights on its unit gets it (None otherwise, as
    for an unknown id; the query itself asks only for those units).
    """
    allowed = submissions.c.unit_code
    query = select(submissions.c.filename, submissions.c.file_bytes).where(
        (submissions.c.id == submission_id) & scope.unit_clause(allowed)
    )
    if scope.personal_units is not None:
        query = query.where(allowed.in_(sorted(scope.personal_units)))
    with engine.connect() as conn:
        row = conn.execute(query).first()
    return (row.filename, bytes(row.file_bytes)) if row else None


# NIP-like runs of digits in a message (a finding quotes the value it found).
_NIP_LIKE = re.compile(r"\d{9,}")


def submission_warnings(
    engine: Engine, scope: DataScope, unit: str | list[str] | None = None
) -> pl.DataFrame:
    """Warnings stored with current submissions ``scope`` may see, one row per warning.

    Messages of units without personal-data rights have NIP-like numbers masked.
    """
    query = select(
        submissions.c.id,
        submissions.c.unit_code,
        submissions.c.year,
        submissions.c.month,
        submissions.c.version,
        submissions.c.warnings_json,
    ).where(
        submissions.c.is_current
        & (submissions.c.n_warnings > 0)
        & scope.unit_clause(submissions.c.unit_code)
    )
    if isinstance(unit, str):
        query = query.where(submissions.c.unit_code == unit)
    elif unit is not None:
        query = query.where(submissions.c.unit_code.in_(unit))
    rows = []
    with engine.connect() as conn:
        for r in conn.execute(query):
            personal = scope.sees_personal(r.unit_code)
            for w in json.loads(r.warnings_json):
                if not personal:
                    w = {**w, "message": _NIP_LIKE.sub("…", w["message"])}
                    w.pop("text", None)  # its values may quote the NIP too
                rows.append(
                    {
                        "submission_id": r.id,
                        "unit_code": r.unit_code,
                        "year": r.year,
                        "month": r.month,
                        "version": r.version,
                        "location": w["location"],
                        "message": w["message"],
                        "rule": w["rule"],
                        # key and values of the message (to show it in English); older rows: None
                        "text": json.dumps(w["text"]) if "text" in w else None,
                    }
                )
    return pl.DataFrame(
        rows,
        schema={
            "submission_id": pl.Int64,
            "unit_code": pl.String,
            "year": pl.Int64,
            "month": pl.Int64,
            "version": pl.Int64,
            "location": pl.String,
            "message": pl.String,
            "rule": pl.String,
            "text": pl.String,
        },
    )


def previous_pm_akhir(engine: Engine, unit: str, month: Month) -> int | None:
    """PM Akhir Bulan of the current version for (unit, month), if stored."""
    table = fact_tables["Penerima Manfaat"]
    query = (
        select(table.c.pm_akhir_bulan)
        .join(submissions, submissions.c.id == table.c.submission_id)
        .where(
            submissions.c.is_current
            & (submissions.c.unit_code == unit)
            & (submissions.c.year == month.year)
            & (submissions.c.month == month.month)
        )
    )
    with engine.connect() as conn:
        return conn.execute(query).scalar()


def reports_needing_parts(engine: Engine, definition: str, *, everything: bool = False):
    """(submission id, unit code) of the current reports whose stored sums are missing or
    of another ``definition`` (``everything``: of every current report), by unit."""
    query = (
        select(submissions.c.id, submissions.c.unit_code)
        .select_from(
            submissions.outerjoin(
                unit_month_parts, unit_month_parts.c.submission_id == submissions.c.id
            )
        )
        .where(submissions.c.is_current)
        .order_by(submissions.c.unit_code, submissions.c.id)
    )
    if not everything:
        query = query.where(
            (unit_month_parts.c.definition.is_(None))
            | (unit_month_parts.c.definition != definition)
        )
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(query)]


def replace_parts(engine: Engine, parts: dict[int, StoredParts]) -> int:
    """Store ``parts`` (by submission id) in place of what those reports had; one transaction.

    A report deleted meanwhile is skipped (its sums would have nothing to
    belong to). Returns how many were written.
    """
    if not parts:
        return 0
    with engine.begin() as conn:
        existing = set(
            conn.scalars(select(submissions.c.id).where(submissions.c.id.in_(list(parts))))
        )
        conn.execute(delete(unit_month_parts).where(unit_month_parts.c.submission_id.in_(existing)))
        rows = [
            {"submission_id": i, "definition": p.definition, "part_values": p.values_json}
            for i, p in parts.items()
            if i in existing
        ]
        if rows:
            conn.execute(insert(unit_month_parts), rows)
    return len(rows)
