"""Every setting is documented in the README and read from the environment."""

import pytest

from upt_dashboard import paths, settings

README = paths.README.read_text()


@pytest.mark.parametrize("setting", settings.SETTINGS, ids=lambda s: s.name)
def test_setting_is_documented_in_the_readme(setting):
    assert f"`{setting.name}`" in README


def test_environment_overrides_the_default(monkeypatch):
    monkeypatch.setenv("DASHBOARD_MAX_UPLOAD_MB", "2")
    assert settings.max_upload_bytes() == 2 * 1024 * 1024
    monkeypatch.setenv("DASHBOARD_LOAD_SAMPLE_DATA", "0")
    assert settings.flag("DASHBOARD_LOAD_SAMPLE_DATA") is False
    monkeypatch.delenv("DASHBOARD_LOAD_SAMPLE_DATA")
    assert settings.flag("DASHBOARD_LOAD_SAMPLE_DATA") is True


def test_upload_limit_setting_reaches_the_reader(monkeypatch, sqlite_engine):
    from tests.workbooks import TODAY
    from upt_dashboard.intake.ingest import check_file

    monkeypatch.setenv("DASHBOARD_MAX_UPLOAD_MB", "0.001")  # about 1 KB
    report = check_file(sqlite_engine, b"x" * 5000, "besar.xlsx", today=TODAY)
    assert not report.ok
    assert any("MB" in f.message or "ukuran" in f.message.lower() for f in report.findings)
