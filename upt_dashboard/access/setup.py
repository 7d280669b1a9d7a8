"""The first start: a one-time setup code in the server log creates the first administrator.

While the database has no account, every app process that starts writes a
new code to its log (the README says where to look) and keeps its hash in
the database, so whichever process the visitor reaches accepts it. The
first visitor who enters a code creates the first administrator; every
code is spent with it.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from datetime import UTC, datetime

from sqlalchemy import Engine, exists, insert, select, update

from upt_dashboard.access.accounts import AccountError, _insert_account, account_count
from upt_dashboard.access.passwords import hash_password, weakness
from upt_dashboard.access.roles import load_roles
from upt_dashboard.storage import audit
from upt_dashboard.storage.audit import Actor
from upt_dashboard.storage.db import accounts, setup_codes

log = logging.getLogger(__name__)
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read from a log by a person


def _digest(code: str) -> str:
    normalised = code.strip().upper().replace("-", "").replace(" ", "")
    return hashlib.sha256(normalised.encode()).hexdigest()


def needs_setup(engine: Engine) -> bool:
    """True while no administrator account exists (demo accounts do not count)."""
    managers = [r.id for r in load_roles().values() if r.manage]
    with engine.connect() as conn:
        return not conn.execute(
            select(exists().where(accounts.c.role.in_(managers) & ~accounts.c.demo))
        ).scalar()


def issue_code(engine: Engine) -> str | None:
    """On a database without accounts: a new code, written to the log; else None."""
    if account_count(engine) and not needs_setup(engine):
        return None
    code = "-".join(
        "".join(secrets.choice(_ALPHABET) for _ in range(4)) for _ in range(3)
    )  # 60 bits
    with engine.begin() as conn:
        conn.execute(
            insert(setup_codes).values(code_hash=_digest(code), created_at=datetime.now(UTC))
        )
    log.warning(
        "Belum ada administrator. Kode penyiapan sekali pakai: %s "
        "(masukkan di halaman masuk untuk membuat akun administrator pertama).",
        code,
    )
    return code


def claim(
    engine: Engine,
    code: str,
    username: str,
    password: str,
    name: str | None = None,
    email: str | None = None,
    client: str | None = None,
) -> int:
    """Create the first administrator with a valid unused code; the account id back.

    Raises AccountError (``setup.bad_code`` for a wrong, spent or late code, or
    the account rules).
    """
    username = username.strip().lower()
    if problem := weakness(password, username):
        raise AccountError(problem)
    password_hash = hash_password(password)
    admin_role = next(r.id for r in load_roles().values() if r.manage)
    actor = Actor(username, client)
    now = datetime.now(UTC)
    with audit.write_transaction(engine) as conn:
        stored = [
            r.code_hash
            for r in conn.execute(
                select(setup_codes.c.code_hash).where(setup_codes.c.used_at.is_(None))
            )
        ]
        given = _digest(code)
        if not any(hmac.compare_digest(given, h) for h in stored) or not needs_setup_on(conn):
            raise AccountError("setup.bad_code")
        account_id = _insert_account(
            conn, actor, username, admin_role, password_hash, unit=None, name=name, email=email,
            must_change_password=False, now=now, action="setup.admin_created",
        )  # fmt: skip
        conn.execute(update(setup_codes).where(setup_codes.c.used_at.is_(None)).values(used_at=now))
    return account_id


def needs_setup_on(conn) -> bool:
    managers = [r.id for r in load_roles().values() if r.manage]
    return not conn.execute(
        select(exists().where(accounts.c.role.in_(managers) & ~accounts.c.demo))
    ).scalar()
