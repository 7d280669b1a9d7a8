"""Settings, declared once as data and read from environment variables.

Each setting has a name, a default and a help text; tests check that each
is documented in the README.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "DATABASE_URL",
        "",
        "Database URL; empty means the embedded SQLite file data/dashboard.db. "
        "Example: postgresql://user:pass@localhost/dashboard",
    ),
    Setting(
        "DASHBOARD_LOAD_SAMPLE_DATA",
        "1",
        "1: load sample_data/ into an empty database when the app starts; 0: never.",
    ),
    Setting("DASHBOARD_MAX_UPLOAD_MB", "20", "Largest workbook accepted, in megabytes."),
    Setting(
        "DASHBOARD_INDICATOR_CONFIG",
        "",
        "Path of the indicator configuration (targets, bands, weights); "
        "empty means config/indicators.toml.",
    ),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> str:
    """The setting's value from the environment, else its default."""
    return os.environ.get(name, _BY_NAME[name].default)


def flag(name: str) -> bool:
    return get(name).strip().lower() in {"1", "true", "yes", "ya", "on"}


def max_upload_bytes() -> int:
    return int(float(get("DASHBOARD_MAX_UPLOAD_MB")) * 1024 * 1024)
