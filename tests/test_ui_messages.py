"""Every message key the pages and UI modules use exists, in both languages."""

import ast
import string
from pathlib import Path

import pytest

from upt_dashboard import paths
from upt_dashboard.indicators.catalogue import Direction, Unit
from upt_dashboard.indicators.status import STATUSES
from upt_dashboard.months import GRAINS
from upt_dashboard.views.completeness import STATES
from upt_dashboard.views.definitions import DOMAINS, FIELDS
from upt_dashboard.views.messages import MESSAGES
from upt_dashboard.views.profile import EXITS

ROOT = paths.ROOT
SOURCES = sorted(
    [
        ROOT / "app.py",
        *(ROOT / "pages").glob("*.py"),
        *(ROOT / "upt_dashboard" / "ui").glob("*.py"),
        *(ROOT / "upt_dashboard" / "views").glob("*.py"),
    ]
)


def _keys_used(path: Path) -> set[str]:
    """Keys passed to t(): literals, and names looping over a tuple/list of literals."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    keys = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t" and node.args:
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                keys.add(arg.value)
        if isinstance(node, (ast.ListComp, ast.GeneratorExp, ast.SetComp, ast.DictComp, ast.For)):
            generators = node.generators if hasattr(node, "generators") else [node]
            for gen in generators:
                if not isinstance(gen.iter, (ast.Tuple, ast.List)):
                    continue
                uses = {
                    n.args[0].id
                    for n in ast.walk(node)
                    if isinstance(n, ast.Call)
                    and getattr(n.func, "id", None) == "t"
                    and n.args
                    and isinstance(n.args[0], ast.Name)
                }
                if getattr(gen.target, "id", None) in uses:
                    keys |= {
                        e.value
                        for e in gen.iter.elts
                        if isinstance(e, ast.Constant) and isinstance(e.value, str)
                    }
    return keys


DYNAMIC = {
    *(f"status.{s}" for s in (*STATUSES, "none")),
    *(f"grain.{g}" for g in GRAINS),
    *(f"axis.{g}" for g in GRAINS),
    *(f"level.{v}" for v in ("unit", "type", "province")),
    *(f"unit.{u.value}" for u in Unit),
    *(f"direction.{d.value}" for d in Direction),
    *(f"domain.{d}" for d in DOMAINS),
    *(f"report_state.{s}" for s in STATES),
    *(f"ikm.u{i}" for i in range(1, 10)),
    *(f"attention.reason.{s}" for s in ("missing", "late")),
    *(
        f"summary.{k}_{per}"
        for k in ("on_time", "all_on_time", "not_due")
        for per in ("unit", "unit_months")
    ),
    *(f"ikm.grade_{g}" for g in "ABCD"),
    *(f"profile.{c}" for c in ("pm_masuk", *EXITS)),
    *(f"completeness.metric_{k}" for k in ("completeness", "timeliness", "late", "missing")),
    *FIELDS.values(),
}


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_literal_keys_exist(path):
    missing = sorted(_keys_used(path) - MESSAGES.keys())
    assert not missing, f"{path.name} uses unknown message keys {missing}"


def test_dynamic_key_families_exist():
    assert not sorted(DYNAMIC - MESSAGES.keys())


def test_the_scan_finds_literal_and_looped_keys():
    assert "overview.title" in _keys_used(ROOT / "pages" / "ringkasan.py")
    assert {"col.unit", "col.reasons"} <= _keys_used(
        ROOT / "upt_dashboard" / "views" / "attention.py"
    )


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_both_languages_with_the_same_placeholders():
    untranslated = [k for k, e in MESSAGES.items() if not (e.get("id") and e.get("en"))]
    # The quarter is a Roman numeral in Indonesian and a digit in English.
    differing = [
        k
        for k, e in MESSAGES.items()
        if k != "period.quarter" and e.get("en") and _fields(e["id"]) != _fields(e["en"])
    ]
    assert not untranslated and not differing, (untranslated, differing)
