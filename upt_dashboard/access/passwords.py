"""Passwords: argon2id hashes, and the rules a new password must pass.

argon2id with 64 MiB of memory and 2 passes: one verification takes about
0.1 s on this office's 2-core server (``bench/bench_access.py`` prints it),
slow for a guesser, quick for a person. A hash made with other parameters
still verifies and is re-hashed at the next sign-in.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_LENGTH = 10
HASHER = PasswordHasher(time_cost=2, memory_cost=64 * 1024, parallelism=1, type=Type.ID)
_COMMON = Path(__file__).with_name("common_passwords.txt")
# Verified against when the username is unknown, so a wrong username costs as much time
# as a wrong password (the answer's timing does not tell which accounts exist).
_DUMMY_HASH = HASHER.hash("tidak-ada-akun-dengan-nama-ini")


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    lines = _COMMON.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line and not line.startswith("#"))


def weakness(password: str, username: str = "") -> str | None:
    """Why ``password`` may not be used (a message key of ``views.messages``), or None.

    At least MIN_LENGTH characters, not on the list of common passwords, and
    not containing the username.
    """
    if len(password) < MIN_LENGTH:
        return "password.too_short"
    if password.strip().lower() in common_passwords():
        return "password.common"
    if username and username.lower() in password.lower():
        return "password.has_username"
    return None


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """True if ``password`` matches ``stored_hash`` (None or a non-hash: a dummy check, False)."""
    try:
        return HASHER.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    try:
        return HASHER.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return False
