"""The secret that signs the sign-in cookie, and the signing itself.

``DASHBOARD_SECRET_KEY`` when set (production: in the environment file of
every app process, or at the top of ``.streamlit/secrets.toml``, whose
top-level values Streamlit puts in the environment; never in the
repository); otherwise a key generated
once into the git-ignored data folder (``data/secret_key``, readable by its
owner only), with a log line saying so.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
from functools import lru_cache
from pathlib import Path

from upt_dashboard import paths, settings

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def secret_key(folder_file: Path = paths.SECRET_KEY_FILE) -> bytes:
    """The signing key (at least 32 bytes of entropy when generated here)."""
    if configured := settings.get("DASHBOARD_SECRET_KEY"):
        return configured.encode()
    try:
        return folder_file.read_bytes().strip()
    except FileNotFoundError:
        pass
    folder_file.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48).encode()
    try:  # O_EXCL: when two processes start at once, one writes and both read its key
        fd = os.open(folder_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return folder_file.read_bytes().strip()
    with os.fdopen(fd, "wb") as handle:
        handle.write(key)
    log.warning(
        "DASHBOARD_SECRET_KEY tidak diatur: kunci penandatangan baru dibuat di %s "
        "(aturlah DASHBOARD_SECRET_KEY yang sama untuk setiap proses aplikasi).",
        folder_file,
    )
    return key


def sign(token: str, key: bytes | None = None) -> str:
    """``token.signature`` for the cookie."""
    mac = hmac.new(key or secret_key(), token.encode(), hashlib.sha256).hexdigest()
    return f"{token}.{mac}"


def unsign(value: str | None, key: bytes | None = None) -> str | None:
    """The token of a signed cookie value, or None when the signature does not match."""
    if not value or "." not in value:
        return None
    token, _, mac = value.rpartition(".")
    expected = hmac.new(key or secret_key(), token.encode(), hashlib.sha256).hexdigest()
    return token if hmac.compare_digest(mac, expected) else None
