"""Accounts: create, list, change role, disable, reset a password, sign in.

Every change and every sign-in attempt writes its audit row in the same
transaction as the change itself. Problems a person can fix come back as
:class:`AccountError` carrying a message key of ``views.messages`` (the UI
and the CLI word it); this module never words anything itself.

Lock-out: ``DASHBOARD_LOCKOUT_ATTEMPTS`` wrong passwords in a row lock an
account for ``DASHBOARD_LOCKOUT_MINUTES``. An unknown username is counted
the same way (from the audit log), so the lock message — and the time a
wrong answer takes — never tell whether a username exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import polars as pl
from sqlalchemy import Connection, Engine, exists, func, insert, select, update

from upt_dashboard import settings
from upt_dashboard.access import Viewer
from upt_dashboard.access.passwords import (
    hash_password,
    needs_rehash,
    verify_password,
    weakness,
)
from upt_dashboard.access.roles import load_roles
from upt_dashboard.storage import audit
from upt_dashboard.storage.audit import Actor
from upt_dashboard.storage.db import accounts, audit_log, sessions, submissions, units
from upt_dashboard.storage.submissions import SAMPLE_UPLOADER
from upt_dashboard.storage.text import printable

USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{2,63}")
NO_PASSWORD = "!"  # demo accounts: no password opens them


class AccountError(ValueError):
    """A request about accounts that cannot be done; ``key`` is a ``views.messages`` key."""

    def __init__(self, key: str, **values) -> None:
        super().__init__(key)
        self.key, self.values = key, values


@dataclass(frozen=True)
class SignIn:
    """The outcome of a sign-in attempt: ``viewer`` when it worked, else ``problem`` (a key)."""

    viewer: Viewer | None = None
    account_id: int | None = None
    must_change_password: bool = False
    problem: str | None = None  # "signin.invalid" or "signin.locked"


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC)


def _aware(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def lockout_attempts() -> int:
    return max(1, int(settings.number("DASHBOARD_LOCKOUT_ATTEMPTS")))


def lockout_period() -> timedelta:
    return timedelta(minutes=settings.number("DASHBOARD_LOCKOUT_MINUTES"))


def viewer_of(row, client: str | None = None) -> Viewer:
    return Viewer(
        name=row.username,
        role=row.role,
        unit=row.unit_code,
        display_name=row.display_name,
        client=client,
        demo=bool(row.demo),
        must_change_password=bool(row.must_change_password),
    )


# --- changes by an administrator (or the CLI) ------------------------------------------


def _check_role_and_unit(conn: Connection, role: str, unit: str | None) -> str | None:
    roles = load_roles()
    if role not in roles:
        raise AccountError("account.unknown_role", role=role, roles=", ".join(roles))
    if roles[role].all_units:
        return None  # a unit means nothing to a role that sees every unit
    if not unit:
        raise AccountError("account.unit_required", role=role)
    if conn.execute(select(units.c.code).where(units.c.code == unit)).first() is None:
        raise AccountError("account.unknown_unit", unit=unit)
    return unit


def create_account(
    engine: Engine,
    actor: Actor,
    username: str,
    role: str,
    password: str,
    *,
    unit: str | None = None,
    name: str | None = None,
    email: str | None = None,
    must_change_password: bool = False,
    now: datetime | None = None,
) -> int:
    """Create an account; its id back. Raises AccountError (bad name, role, unit, password)."""
    username = username.strip().lower()
    if not USERNAME.fullmatch(username):
        raise AccountError("account.bad_username")
    if problem := weakness(password, username):
        raise AccountError(problem)
    password_hash = hash_password(password)  # slow: outside the transaction
    with audit.write_transaction(engine) as conn:
        return _insert_account(
            conn,
            actor,
            username,
            role,
            password_hash,
            unit=unit,
            name=name,
            email=email,
            must_change_password=must_change_password,
            now=_now(now),
        )


def _insert_account(
    conn: Connection,
    actor: Actor,
    username: str,
    role: str,
    password_hash: str,
    *,
    unit: str | None,
    name: str | None,
    email: str | None,
    must_change_password: bool,
    now: datetime,
    demo: bool = False,
    action: str = "account.created",
) -> int:
    if not USERNAME.fullmatch(username):
        raise AccountError("account.bad_username")
    unit = _check_role_and_unit(conn, role, unit)
    if conn.execute(select(accounts.c.id).where(accounts.c.username == username)).first():
        raise AccountError("account.exists", username=username)
    account_id = conn.execute(
        insert(accounts).values(
            username=username,
            display_name=printable((name or username).strip())[:200],
            role=role,
            unit_code=unit,
            email=(email or "").strip() or None,
            password_hash=password_hash,
            active=True,
            demo=demo,
            failed_attempts=0,
            locked_until=None,
            must_change_password=must_change_password,
            created_at=now,
        )
    ).inserted_primary_key[0]
    audit.record(
        conn,
        actor,
        action,
        unit=unit,
        obj=f"account:{username}",
        details={"role": role, "email": email or "", "demo": demo},
        at=now,
    )
    return account_id


def _account(conn: Connection, username: str):
    row = conn.execute(select(accounts).where(accounts.c.username == username)).first()
    if row is None:
        raise AccountError("account.unknown", username=username)
    return row


def set_role(
    engine: Engine, actor: Actor, username: str, role: str, unit: str | None = None
) -> None:
    """Give ``username`` another role (and unit). Raises AccountError."""
    with audit.write_transaction(engine) as conn:
        row = _account(conn, username)
        unit = _check_role_and_unit(conn, role, unit)
        conn.execute(
            update(accounts).where(accounts.c.id == row.id).values(role=role, unit_code=unit)
        )
        _end_sessions(conn, row.id)  # the next page view signs in again with the new rights
        audit.record(
            conn,
            actor,
            "account.role",
            unit=unit,
            obj=f"account:{username}",
            details={"before": [row.role, row.unit_code], "after": [role, unit]},
        )


def set_active(engine: Engine, actor: Actor, username: str, active: bool) -> None:
    """Disable (ending its sessions) or enable an account. Raises AccountError."""
    with audit.write_transaction(engine) as conn:
        row = _account(conn, username)
        if not active and row.username == actor.username:
            raise AccountError("account.not_yourself")
        conn.execute(update(accounts).where(accounts.c.id == row.id).values(active=active))
        if not active:
            _end_sessions(conn, row.id)
        audit.record(
            conn,
            actor,
            "account.enabled" if active else "account.disabled",
            unit=row.unit_code,
            obj=f"account:{username}",
        )


def reset_password(engine: Engine, actor: Actor, username: str, password: str) -> None:
    """Set a temporary password that must be changed at the next sign-in; unlocks the account."""
    if problem := weakness(password, username):
        raise AccountError(problem)
    password_hash = hash_password(password)
    with audit.write_transaction(engine) as conn:
        row = _account(conn, username)
        conn.execute(
            update(accounts)
            .where(accounts.c.id == row.id)
            .values(
                password_hash=password_hash,
                must_change_password=True,
                failed_attempts=0,
                locked_until=None,
            )
        )
        _end_sessions(conn, row.id)
        audit.record(
            conn, actor, "account.password_reset", unit=row.unit_code, obj=f"account:{username}"
        )


def change_password(engine: Engine, actor: Actor, username: str, current: str, new: str) -> None:
    """The account's own change: the current password, then a new one that passes the rules."""
    with engine.connect() as conn:
        row = _account(conn, username)
    if not verify_password(row.password_hash, current):
        raise AccountError("password.current_wrong")
    if problem := weakness(new, username):
        raise AccountError(problem)
    if verify_password(row.password_hash, new):
        raise AccountError("password.same")
    password_hash = hash_password(new)
    with audit.write_transaction(engine) as conn:
        conn.execute(
            update(accounts)
            .where(accounts.c.id == row.id)
            .values(password_hash=password_hash, must_change_password=False)
        )
        audit.record(
            conn, actor, "account.password_changed", unit=row.unit_code, obj=f"account:{username}"
        )


def _end_sessions(conn: Connection, account_id: int) -> None:
    conn.execute(
        update(sessions)
        .where((sessions.c.account_id == account_id) & sessions.c.ended_at.is_(None))
        .values(ended_at=datetime.now(UTC))
    )


_LIST_SCHEMA = {
    "username": pl.String,
    "display_name": pl.String,
    "role": pl.String,
    "unit_code": pl.String,
    "email": pl.String,
    "active": pl.Boolean,
    "demo": pl.Boolean,
    "failed_attempts": pl.Int64,
    "locked_until": pl.Datetime("us", "UTC"),
    "must_change_password": pl.Boolean,
    "created_at": pl.Datetime("us", "UTC"),
    "last_login_at": pl.Datetime("us", "UTC"),
}


def list_accounts(engine: Engine) -> pl.DataFrame:
    """Every account without its password hash, by username."""
    query = select(*(accounts.c[c] for c in _LIST_SCHEMA)).order_by(accounts.c.username)
    with engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(query).mappings()]
    for row in rows:
        for column in ("locked_until", "created_at", "last_login_at"):
            row[column] = _aware(row[column])
    return pl.DataFrame(rows, schema=_LIST_SCHEMA)


def account_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(accounts)).scalar() or 0


# --- signing in -------------------------------------------------------------------------


def authenticate(
    engine: Engine,
    username: str,
    password: str,
    client: str | None = None,
    now: datetime | None = None,
) -> SignIn:
    """Check a username and password, counting failures and locking as configured.

    Never raises for a wrong answer: the outcome says ``signin.invalid``
    (wrong username or password, which it never distinguishes) or
    ``signin.locked`` (too many failures: wait). Every attempt is recorded.
    """
    now = _now(now)
    username = printable(username.strip().lower())[:64]
    with engine.connect() as conn:
        row = conn.execute(select(accounts).where(accounts.c.username == username)).first()
    usable = row is not None and row.active and not row.demo and row.role in load_roles()
    matches = verify_password(row.password_hash if usable else None, password)
    actor = Actor(username or "(kosong)", client)
    with audit.write_transaction(engine) as conn:
        if row is None or not usable:
            failures = _recent_failures(conn, username, now) + 1
            locked = failures > lockout_attempts()
            action = "signin.locked" if failures >= lockout_attempts() else "signin.failure"
            audit.record(conn, actor, action, details={"reason": "unknown"}, at=now)
            return SignIn(problem="signin.locked" if locked else "signin.invalid")
        row = _account(conn, username)  # again, inside the write lock
        locked_until = _aware(row.locked_until)
        if locked_until is not None and locked_until > now:
            audit.record(conn, actor, "signin.locked", unit=row.unit_code, at=now,
                         details={"until": locked_until.isoformat()})  # fmt: skip
            return SignIn(problem="signin.locked")
        if not matches:
            failures = row.failed_attempts + 1
            values: dict = {"failed_attempts": failures}
            action = "signin.failure"
            if failures >= lockout_attempts():
                values = {"failed_attempts": 0, "locked_until": now + lockout_period()}
                action = "signin.locked"
            conn.execute(update(accounts).where(accounts.c.id == row.id).values(**values))
            audit.record(conn, actor, action, unit=row.unit_code, at=now,
                         details={"failures": failures})  # fmt: skip
            return SignIn(problem="signin.invalid")
        values = {"failed_attempts": 0, "locked_until": None, "last_login_at": now}
        if needs_rehash(row.password_hash):
            values["password_hash"] = hash_password(password)
        conn.execute(update(accounts).where(accounts.c.id == row.id).values(**values))
        audit.record(conn, actor, "signin.success", unit=row.unit_code, at=now)
    return SignIn(viewer_of(row, client), row.id, bool(row.must_change_password))


def _recent_failures(conn: Connection, username: str, now: datetime) -> int:
    """Failed attempts for an unknown username within the lock-out period (from the log)."""
    query = select(func.count()).where(
        (audit_log.c.username == username)
        & audit_log.c.action.in_(("signin.failure", "signin.locked"))
        & (audit_log.c.at > now - lockout_period())
    )
    return conn.execute(query).scalar() or 0


# --- demo sign-ins ------------------------------------------------------------------------

DEMO_ACCOUNTS = {
    "demo-pimpinan": ("pimpinan", None, "Pimpinan (demo)"),
    "demo-operator": ("operator", "PRS-SDA", "Operator PRS-SDA (demo)"),
}


def demo_available(engine: Engine) -> bool:
    """True while the database holds only sample data and no administrator account exists."""
    managers = [r.id for r in load_roles().values() if r.manage]
    with engine.connect() as conn:
        sample = conn.execute(
            select(exists().where(submissions.c.uploaded_by == SAMPLE_UPLOADER))
        ).scalar()
        real = conn.execute(
            select(exists().where(submissions.c.uploaded_by != SAMPLE_UPLOADER))
        ).scalar()
        admin = conn.execute(
            select(exists().where(accounts.c.role.in_(managers) & ~accounts.c.demo))
        ).scalar()
    return bool(sample) and not real and not admin


def demo_sign_in(
    engine: Engine, username: str, client: str | None = None, now: datetime | None = None
) -> SignIn:
    """Sign in as a demo account (created on first use) while demos are offered."""
    if username not in DEMO_ACCOUNTS or not demo_available(engine):
        return SignIn(problem="signin.invalid")
    role, unit, name = DEMO_ACCOUNTS[username]
    now = _now(now)
    actor = Actor(username, client)
    with audit.write_transaction(engine) as conn:
        row = conn.execute(select(accounts).where(accounts.c.username == username)).first()
        if row is None:
            _insert_account(conn, actor, username, role, NO_PASSWORD, unit=unit, name=name,
                            email=None, must_change_password=False, now=now, demo=True)  # fmt: skip
            row = _account(conn, username)
        conn.execute(update(accounts).where(accounts.c.id == row.id).values(last_login_at=now))
        audit.record(conn, actor, "signin.success", unit=row.unit_code, at=now,
                     details={"demo": True})  # fmt: skip
    return SignIn(viewer_of(row, client), row.id)
