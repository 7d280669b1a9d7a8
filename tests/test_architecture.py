"""The house rules a check enforces: no import cycles, settings read in one place.

Layer contracts (domain packages never import Streamlit or the UI; each
layer imports only the ones below) live in ``[tool.importlinter]`` of
pyproject.toml and run here too, so ``pytest`` fails when a layer reaches up.
"""

from __future__ import annotations

import ast
import subprocess
import sys

import grimp

from upt_dashboard import paths

PACKAGES = ("upt_dashboard", "data_loaders")


def _cycles(graph) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = iter(range(1_000_000))

    def visit(module: str) -> None:
        index[module] = low[module] = next(counter)
        stack.append(module)
        on_stack.add(module)
        for other in graph.find_modules_directly_imported_by(module):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                group.append(other)
                if other == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_no_import_cycles():
    # Imports under TYPE_CHECKING only name types; they never run.
    graph = grimp.build_graph(*PACKAGES, exclude_type_checking_imports=True)
    assert _cycles(graph) == []


def test_layer_contracts_hold():
    result = subprocess.run(
        [sys.executable, "-m", "importlinter.cli", "--no-cache"],
        cwd=paths.ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_environment_is_read_only_through_settings():
    offenders = []
    for path in [*paths.ROOT.glob("upt_dashboard/**/*.py"), *paths.ROOT.glob("data_loaders/*.py")]:
        if path.name == "settings.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            reads = (
                isinstance(node, ast.Attribute)
                and node.attr in {"environ", "getenv"}
                and getattr(node.value, "id", None) == "os"
            )
            if reads:
                offenders.append(f"{path.relative_to(paths.ROOT)}:{node.lineno}")
    assert offenders == []


ALLOWED_IN_PAGES = ("streamlit", "upt_dashboard.ui", "upt_dashboard.views")


def _imported_modules(path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module != "__future__":
            found.append(node.module or "")
    return found


def test_pages_and_the_router_import_only_the_adapter_and_the_presentation_layer():
    offenders = [
        f"{path.relative_to(paths.ROOT)}: {module}"
        for path in [paths.APP, *sorted(paths.PAGES_DIR.glob("*.py"))]
        for module in _imported_modules(path)
        if not module.startswith(ALLOWED_IN_PAGES)
    ]
    assert offenders == []
