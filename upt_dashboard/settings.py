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
    Setting(
        "DASHBOARD_MAX_UPLOAD_MB",
        "20",
        "Largest workbook accepted, in megabytes (.streamlit/config.toml's "
        "server.maxUploadSize must say the same).",
    ),
    Setting("DASHBOARD_MAX_SHEETS", "30", "Most sheets a workbook may have."),
    Setting("DASHBOARD_MAX_ROWS", "20000", "Most rows a contract sheet may use."),
    Setting("DASHBOARD_MAX_COLUMNS", "200", "Most columns a contract sheet may use."),
    Setting("DASHBOARD_MAX_CELL_CHARS", "5000", "Longest text accepted in one cell."),
    Setting(
        "DASHBOARD_FINDINGS_PER_RULE",
        "50",
        "Findings listed per rule; the rest are counted in one line.",
    ),
    Setting(
        "DASHBOARD_READER_MEMORY_MB",
        "1024",
        "Memory (data segment) a workbook-reading process may use; past it the file is refused.",
    ),
    Setting(
        "DASHBOARD_READER_TIMEOUT_S",
        "60",
        "Seconds a workbook may take to read and check; past it the file is refused.",
    ),
    Setting(
        "DASHBOARD_READER_WORKERS",
        "2",
        "Warm workbook-reading processes per app or CLI process.",
    ),
    Setting(
        "DASHBOARD_INDICATOR_CONFIG",
        "",
        "Path of the indicator configuration (targets, bands, weights); "
        "empty means config/indicators.toml.",
    ),
    Setting(
        "DASHBOARD_SECRET_KEY",
        "",
        "Secret that signs the sign-in cookie; empty means one generated into "
        "data/secret_key on first start (several app processes must share one).",
    ),
    Setting(
        "DASHBOARD_ROLES",
        "",
        "Path of the roles file (pages and rights of each role); empty means config/roles.toml.",
    ),
    Setting(
        "DASHBOARD_IDLE_MINUTES",
        "30",
        "Minutes without activity after which a signed-in session ends.",
    ),
    Setting(
        "DASHBOARD_LOCKOUT_ATTEMPTS",
        "5",
        "Wrong passwords in a row that lock an account.",
    ),
    Setting(
        "DASHBOARD_LOCKOUT_MINUTES",
        "15",
        "Minutes a locked account stays locked.",
    ),
    Setting(
        "DASHBOARD_VERIFIED_ONLY",
        "0",
        "1: dashboards and exports start on verified reports only (a sidebar switch changes it).",
    ),
    Setting(
        "DASHBOARD_REFRESH_AHEAD_S",
        "1",
        "Seconds between looks for reports stored through another process; what the pages "
        "asked for is then remade in the background before the next view. 0: never.",
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


def roles_path() -> Path:
    """The roles file in use."""
    return Path(get("DASHBOARD_ROLES") or paths.ROLES_CONFIG)


def indicator_config_path() -> Path:
    """The indicator configuration file in use."""
    return Path(get("DASHBOARD_INDICATOR_CONFIG") or paths.INDICATOR_CONFIG)


def max_upload_bytes() -> int:
    return int(float(get("DASHBOARD_MAX_UPLOAD_MB")) * 1024 * 1024)


def number(name: str) -> float:
    """A numeric setting; a value that is not a number falls back to the default."""
    try:
        return float(get(name))
    except ValueError:
        return float(default(name))


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


def environment_for_child(**values: str) -> dict[str, str]:
    """This process's environment plus ``values``: for a child process started with ``env=``."""
    return {**os.environ, **values}


def pythonpath() -> str:
    """$PYTHONPATH as this process has it (child processes extend it)."""
    return os.environ.get("PYTHONPATH", "")
