"""Signed-in sessions that survive a page reload and end for real.

The browser keeps a random token in a cookie signed with the secret key
(``access.secret``); the database keeps only the token's SHA-256 with the
account and the last time it was seen. A reload finds the session again
through the cookie; "Keluar" ends it in the database (a copied cookie is
then worth nothing), and so does ``DASHBOARD_IDLE_MINUTES`` without a page
view. The cookie has no expiry, so closing the browser forgets it.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, insert, select, update

from upt_dashboard import settings
from upt_dashboard.access import Viewer
from upt_dashboard.access.accounts import demo_available, viewer_of
from upt_dashboard.access.roles import load_roles
from upt_dashboard.storage import audit
from upt_dashboard.storage.audit import Actor
from upt_dashboard.storage.db import accounts, sessions

# A page view refreshes last_seen at most this often (fewer writes, same idle rule).
_TOUCH_EVERY = timedelta(seconds=60)


def idle_timeout() -> timedelta:
    return timedelta(minutes=settings.number("DASHBOARD_IDLE_MINUTES"))


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def start(
    engine: Engine, account_id: int, client: str | None = None, now: datetime | None = None
) -> str:
    """A new session for ``account_id``; the token for the browser's cookie."""
    token = secrets.token_urlsafe(32)
    now = now or datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(
            insert(sessions).values(
                token_hash=_digest(token),
                account_id=account_id,
                created_at=now,
                last_seen=now,
                client=client,
            )
        )
    return token


def resume(
    engine: Engine, token: str, client: str | None = None, now: datetime | None = None
) -> Viewer | None:
    """The account of a live session, or None (unknown, ended, idle too long, account
    disabled or its role gone, a demo after demos ended). An idle session is ended
    and recorded."""
    now = now or datetime.now(UTC)
    query = (
        select(sessions.c.token_hash, sessions.c.last_seen, sessions.c.ended_at, accounts)
        .join(accounts, accounts.c.id == sessions.c.account_id)
        .where(sessions.c.token_hash == _digest(token))
    )
    with engine.connect() as conn:
        row = conn.execute(query).first()
    if row is None or row.ended_at is not None:
        return None
    if not row.active or row.role not in load_roles() or (row.demo and not demo_available(engine)):
        return None
    last_seen = _aware(row.last_seen)
    if now - last_seen > idle_timeout():
        with audit.write_transaction(engine) as conn:
            ended = conn.execute(
                update(sessions)
                .where((sessions.c.token_hash == row.token_hash) & sessions.c.ended_at.is_(None))
                .values(ended_at=now)
            ).rowcount
            if ended:  # two processes may find it idle at once: one record
                audit.record(conn, Actor(row.username, client), "session.expired", at=now)
        return None
    if now - last_seen > _TOUCH_EVERY:
        with engine.begin() as conn:
            conn.execute(
                update(sessions)
                .where(sessions.c.token_hash == row.token_hash)
                .values(last_seen=now)
            )
    return viewer_of(row, client)


def end(engine: Engine, token: str, actor: Actor, now: datetime | None = None) -> None:
    """End the session of ``token`` ("Keluar") and record it."""
    now = now or datetime.now(UTC)
    with audit.write_transaction(engine) as conn:
        ended = conn.execute(
            update(sessions)
            .where((sessions.c.token_hash == _digest(token)) & sessions.c.ended_at.is_(None))
            .values(ended_at=now)
        ).rowcount
        if ended:
            audit.record(conn, actor, "signout", at=now)
