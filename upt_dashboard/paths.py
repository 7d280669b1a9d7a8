"""Where the project's files live: the one place that knows the repository layout.

Dependency-free on purpose (only ``pathlib``), so any module may import it
without pulling anything else in. No other module computes a root.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
PAGES_DIR = ROOT / "pages"
CONFIG_DIR = ROOT / "config"
DATA_DIR = ROOT / "data"  # git-ignored: the embedded database, generated secrets
DOCS_DIR = ROOT / "docs"
SAMPLE_DIR = ROOT / "sample_data"
README = ROOT / "README.md"

UNITS_CSV = CONFIG_DIR / "units.csv"
UNIT_TYPES_CSV = CONFIG_DIR / "unit_types.csv"
INDICATOR_CONFIG = CONFIG_DIR / "indicators.toml"
ROLES_CONFIG = CONFIG_DIR / "roles.toml"
SECRET_KEY_FILE = DATA_DIR / "secret_key"
DEFAULT_SQLITE_PATH = DATA_DIR / "dashboard.db"
# Served by Streamlit itself: a material icon as page_icon is fetched from the internet.
FAVICON = ROOT / "upt_dashboard" / "ui" / "favicon.png"
