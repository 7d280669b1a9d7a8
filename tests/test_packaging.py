"""The package is installable and its two dependency lists agree."""

from __future__ import annotations

import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from upt_dashboard import paths


def _pyproject() -> dict:
    return tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _pins() -> dict[str, Requirement]:
    """requirements.txt: the exact pins the README's install uses (``-e .`` left out)."""
    lines = (paths.ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    wanted = [line.split("#")[0].strip() for line in lines]
    requirements = [Requirement(line) for line in wanted if line and not line.startswith("-")]
    return {canonicalize_name(r.name): r for r in requirements}


def test_requirements_txt_pins_exactly_what_pyproject_declares():
    declared = {
        canonicalize_name(r.name): r
        for r in map(Requirement, _pyproject()["project"]["dependencies"])
    }
    pins = _pins()
    assert set(pins) == set(declared)
    for name, pin in pins.items():
        (spec,) = pin.specifier
        assert spec.operator == "==", f"{name}: requirements.txt pins exact versions"
        assert declared[name].specifier.contains(spec.version), (
            f"{name} {spec.version} is outside pyproject's {declared[name].specifier}"
        )
        assert pin.extras == declared[name].extras, name


def test_requirements_txt_installs_the_package_itself():
    lines = (paths.ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert "-e ." in [line.strip() for line in lines]


def test_the_cli_is_an_installed_command_and_python_is_declared():
    project = _pyproject()["project"]
    assert project["scripts"]["upt-dashboard"] == "upt_dashboard.cli:main"
    assert project["requires-python"] == ">=3.11"


def test_the_root_holds_only_entry_points_and_the_design_card_folders():
    allowed_files = {"app.py", "cli.py", "requirements.txt", "pyproject.toml", "README.md"}
    allowed_dirs = {
        "pages", "data_loaders", "sample_data", "tests", "upt_dashboard",
        "bench", "config", "docs", "scripts",
    }  # fmt: skip
    python_files = {p.name for p in paths.ROOT.glob("*.py")}
    assert python_files <= allowed_files
    packages = {p.parent.name for p in paths.ROOT.glob("*/__init__.py")}
    assert packages <= allowed_dirs
