"""Settings, declared once as data and read from environment variables.

Each setting has a name, a default and a help text; tests check that each
is documented in the README.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from upt_dashboard import paths


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
    Setting(
        "BROWSER_PATH",
        "",
        "Chromium used for chart images (PNG/SVG/PDF); empty means chromium on PATH.",
    ),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def default(name: str) -> str:
    """The setting's default, whatever the environment says (generated docs use it)."""
    return _BY_NAME[name].default


def get(name: str) -> str:
    """The setting's value from the environment, else its default."""
    return os.environ.get(name, _BY_NAME[name].default)


def flag(name: str) -> bool:
    return get(name).strip().lower() in {"1", "true", "yes", "ya", "on"}


def indicator_config_path() -> Path:
    """The indicator configuration file in use."""
    return Path(get("DASHBOARD_INDICATOR_CONFIG") or paths.INDICATOR_CONFIG)


def max_upload_bytes() -> int:
    return int(float(get("DASHBOARD_MAX_UPLOAD_MB")) * 1024 * 1024)


@contextmanager
def child_environment(**values: str) -> Iterator[None]:
    """Set environment variables for processes started inside the block, then restore them."""
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
