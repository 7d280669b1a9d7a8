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


def _imported_top_level_modules() -> set[str]:
    """Top-level modules the app's own code imports (not the tests, not the benchmarks)."""
    import ast
    import sys

    files = [paths.ROOT / "app.py", paths.ROOT / "cli.py"]
    for folder in ("upt_dashboard", "data_loaders", "pages"):
        files += sorted((paths.ROOT / folder).rglob("*.py"))
    names = set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    own = {"upt_dashboard", "data_loaders"}
    return {name for name in names if name not in sys.stdlib_module_names and name not in own}


def test_every_library_the_code_imports_is_declared():
    """A library installed by hand on a developer's machine passes there and fails in CI."""
    from importlib.metadata import packages_distributions

    declared = {
        canonicalize_name(Requirement(r).name) for r in _pyproject()["project"]["dependencies"]
    }
    distributions = packages_distributions()
    undeclared = {
        module: distributions.get(module)
        for module in _imported_top_level_modules()
        if not {canonicalize_name(d) for d in distributions.get(module, [module])} & declared
    }
    assert not undeclared, undeclared
