"""Roles as data: config/roles.toml says what each role may open and do.

A role is a section of the file (``[operator]``): its pages, whether it sees
every unit, how much personal data, and whether it may upload, verify,
manage accounts or read the audit log. Editing the file and restarting
adjusts a role; nothing in code names what a role may do.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from upt_dashboard import settings

PERSONAL_LEVELS = ("none", "own_unit", "all")


class RolesError(ValueError):
    """The roles file is missing, unreadable or inconsistent; ``str(exc)`` says where."""


@dataclass(frozen=True)
class Role:
    id: str
    name: str
    name_en: str
    pages: tuple[str, ...]
    all_units: bool
    personal_data: str  # one of PERSONAL_LEVELS
    upload: bool
    verify: bool
    manage: bool
    audit: bool

    def label(self, lang: str = "id") -> str:
        return self.name_en if lang == "en" else self.name


def parse_roles(text: str, source: str = "roles.toml") -> dict[str, Role]:
    """The roles declared in ``text`` (TOML), by id. Raises RolesError."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RolesError(f"{source}: {exc}") from None
    roles = {}
    for role_id, raw in data.items():
        try:
            role = Role(
                id=role_id,
                name=str(raw["name"]),
                name_en=str(raw.get("name_en", raw["name"])),
                pages=tuple(str(p) for p in raw["pages"]),
                all_units=bool(raw["all_units"]),
                personal_data=str(raw["personal_data"]),
                upload=bool(raw.get("upload", False)),
                verify=bool(raw.get("verify", False)),
                manage=bool(raw.get("manage", False)),
                audit=bool(raw.get("audit", False)),
            )
        except (KeyError, TypeError) as exc:
            raise RolesError(f"{source}: peran [{role_id}] tidak lengkap ({exc})") from None
        if role.personal_data not in PERSONAL_LEVELS:
            raise RolesError(
                f"{source}: [{role_id}] personal_data harus salah satu dari {PERSONAL_LEVELS}"
            )
        roles[role_id] = role
    if not any(r.manage for r in roles.values()):
        raise RolesError(f"{source}: tidak ada peran yang boleh mengelola akun (manage = true)")
    return roles


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> dict[str, Role]:
    return parse_roles(Path(path).read_text(encoding="utf-8"), path)


def load_roles(path: Path | None = None) -> dict[str, Role]:
    """The roles of ``path`` (default: the ``DASHBOARD_ROLES`` file), re-read when it changes."""
    path = path or settings.roles_path()
    try:
        return _load(str(path), path.stat().st_mtime)
    except OSError as exc:
        raise RolesError(f"{path}: {exc.strerror}") from None


def role(role_id: str) -> Role | None:
    """The role ``role_id``, or None when the file has no such role."""
    return load_roles().get(role_id)
