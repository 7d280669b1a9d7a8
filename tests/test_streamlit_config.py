"""The production settings in .streamlit/config.toml, as Streamlit itself reads them."""

from __future__ import annotations

import subprocess
import sys
import tomllib

from upt_dashboard import paths, settings

CONFIG = paths.ROOT / ".streamlit" / "config.toml"


def effective_options() -> dict[str, str]:
    """``name = value`` lines of ``streamlit config show`` run from the repository root."""
    shown = subprocess.run(
        [sys.executable, "-m", "streamlit", "config", "show"],
        cwd=paths.ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    section, options = "", {}
    for line in shown.splitlines():
        if line.startswith("[") and line.endswith("]"):
            section = line.strip("[]")
        elif " = " in line and not line.startswith("#"):
            name, value = line.split(" = ", 1)
            options[f"{section}.{name}"] = value
    return options


def test_upload_limit_of_the_uploader_equals_the_apps_limit():
    config = tomllib.loads(CONFIG.read_text())
    assert config["server"]["maxUploadSize"] == int(settings.default("DASHBOARD_MAX_UPLOAD_MB"))


def test_streamlit_runs_with_the_production_settings():
    options = effective_options()
    expected = {
        "client.toolbarMode": '"viewer"',
        "client.showErrorDetails": '"none"',
        "client.disableDataExport": "true",
        "server.address": '"127.0.0.1"',
        "server.maxUploadSize": settings.default("DASHBOARD_MAX_UPLOAD_MB"),
        "server.enableXsrfProtection": "true",
        "browser.gatherUsageStats": "false",
    }
    assert {name: options.get(name) for name in expected} == expected
