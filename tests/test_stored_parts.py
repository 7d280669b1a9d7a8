"""The sums stored with each report give the same numbers as the rows they came from.

Loading the facts at national scale does not read every staff and survey
row: the engine takes the per-unit-month sums stored with each report
(``unit_month_parts``). These tests load the sample reports into a real
database and compare every indicator, both ways, at every level — and
check that sums stored under another definition, or missing, fall back to
the rows.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace

import polars as pl
import pytest
from polars.testing import assert_frame_equal
from sqlalchemy import delete, select

from bench.national_data import build
from upt_dashboard import paths
from upt_dashboard.indicators.config import load_config
from upt_dashboard.indicators.engine import compute
from upt_dashboard.indicators.stored_sums import rebuild_stored_sums
from upt_dashboard.indicators.sums import fact_sums, parts_definition
from upt_dashboard.indicators.survey import ikm_standard_errors, nrr_by_element, u4_signals
from upt_dashboard.intake.bulk import load_sample_data
from upt_dashboard.months import Month
from upt_dashboard.storage.bootstrap import init_db
from upt_dashboard.storage.db import get_engine, submissions, unit_month_parts
from upt_dashboard.storage.facts import SHEET_ATTRS, Facts, load_facts
from upt_dashboard.storage.scope import EVERYTHING

CONFIG = load_config()
START, END = Month(2025, 1), Month(2026, 12)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    engine = init_db(get_engine(f"sqlite:///{tmp_path_factory.mktemp('parts') / 'p.db'}"))
    load_sample_data(engine)
    return engine


def _from_rows(facts: Facts) -> Facts:
    """The same facts held in memory, with no stored sums: the engine sums the rows."""
    sheets = {attr: facts.sheet(attr) for attr in SHEET_ATTRS}
    registry = {"units": facts.units, "unit_types": facts.unit_types}
    return Facts.of(**registry, submissions=facts.submissions, **sheets)


def _sorted(frame: pl.DataFrame, *key: str) -> pl.DataFrame:
    return frame.select(sorted(frame.columns)).sort(*key)


def _same_numbers(stored: Facts, rows: Facts, config=CONFIG) -> None:
    for level in ("unit", "type", "province"):
        for grain in ("month", "quarter", "all"):
            args = {"start": START, "end": END, "grain": grain, "level": level, "config": config}
            assert_frame_equal(
                _sorted(compute(stored, **args), "indicator_id", "unit_code", "period_start"),
                _sorted(compute(rows, **args), "indicator_id", "unit_code", "period_start"),
                check_exact=False,
                rel_tol=1e-12,
            )


def test_every_current_report_has_its_sums_stored(engine):
    with engine.connect() as conn:
        current = set(conn.scalars(select(submissions.c.id).where(submissions.c.is_current)))
        stored = set(conn.scalars(select(unit_month_parts.c.submission_id)))
    assert current and current <= stored


def test_stored_sums_give_the_numbers_the_rows_give(engine):
    stored = load_facts(engine, EVERYTHING)
    assert stored.stored_parts is not None and stored.stored_parts.height > 0
    rows = _from_rows(load_facts(engine, EVERYTHING))
    key = ("unit_code", "period")
    assert_frame_equal(
        _sorted(fact_sums(stored, CONFIG).parts, *key),
        _sorted(fact_sums(rows, CONFIG).parts, *key),
        check_exact=False,
        rel_tol=1e-12,
    )
    _same_numbers(stored, rows)


def test_survey_views_agree_both_ways(engine):
    stored, rows = load_facts(engine, EVERYTHING), _from_rows(load_facts(engine, EVERYTHING))
    for view in (nrr_by_element, ikm_standard_errors):
        assert_frame_equal(view(stored, config=CONFIG), view(rows, config=CONFIG), rel_tol=1e-12)
    assert_frame_equal(
        u4_signals(stored, charging_units=CONFIG.charging_units, config=CONFIG),
        u4_signals(rows, charging_units=CONFIG.charging_units, config=CONFIG),
    )


def test_sums_of_another_definition_are_not_used(engine):
    """Halved weights change what is summed: the stored sums no longer apply."""
    lighter = replace(CONFIG, late_weights=(0.5, 0.5, 0.5, 0.5))
    assert parts_definition(lighter).digest != parts_definition(CONFIG).digest
    stored = load_facts(engine, EVERYTHING)
    _same_numbers(stored, _from_rows(load_facts(engine, EVERYTHING)), config=lighter)
    late = compute(stored, start=START, end=END, grain="all", level="province", config=lighter)
    usual = compute(stored, start=START, end=END, grain="all", level="province", config=CONFIG)
    pick = pl.col("indicator_id") == "tepat_waktu_masuk"
    assert late.filter(pick)["value"].item() != usual.filter(pick)["value"].item()


def test_reports_without_stored_sums_are_summed_from_their_rows(tmp_path):
    """A database from before the sums were stored: nothing is missed."""
    engine = init_db(get_engine(f"sqlite:///{tmp_path / 'old.db'}"))
    load_sample_data(engine)
    with engine.begin() as conn:
        some = conn.scalars(select(unit_month_parts.c.submission_id).limit(40)).all()
        conn.execute(delete(unit_month_parts).where(unit_month_parts.c.submission_id.in_(some)))
    partial = load_facts(engine, EVERYTHING)
    assert partial.stored_parts.height < partial.submissions.filter("is_current").height
    _same_numbers(partial, _from_rows(load_facts(engine, EVERYTHING)))


def _definitions(engine) -> dict[int, str]:
    return {i: definition for i, (definition, _) in _stored(engine).items()}


def _stored(engine) -> dict[int, tuple[str, str]]:
    """submission id -> (definition, JSON values) as stored."""
    with engine.connect() as conn:
        rows = conn.execute(select(unit_month_parts)).all()
    return {row.submission_id: (row.definition, row.part_values) for row in rows}


def test_rebuild_after_a_weight_change_stores_the_new_definition(tmp_path):
    """An administrator halves the late weights, then runs ``cli.py sums rebuild``."""
    url = f"sqlite:///{tmp_path / 'w.db'}"
    engine = init_db(get_engine(url))
    load_sample_data(engine)
    lighter_file = tmp_path / "indicators.toml"
    text = paths.INDICATOR_CONFIG.read_text(encoding="utf-8")
    lighter_file.write_text(
        text.replace("late_weights = [1.0, 1.0, 1.0, 1.0]", "late_weights = [0.5, 0.5, 0.5, 0.5]"),
        encoding="utf-8",
    )
    lighter = load_config(lighter_file)
    assert lighter.late_weights == (0.5, 0.5, 0.5, 0.5)
    assert set(_definitions(engine).values()) == {parts_definition(CONFIG).digest}

    result = subprocess.run(
        [sys.executable, "cli.py", "sums", "rebuild", "--db", url, "--config", str(lighter_file)],
        cwd=paths.ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    stored = _definitions(engine)
    assert set(stored.values()) == {parts_definition(lighter).digest}
    assert f"{len(stored):,} laporan" in result.stdout
    _same_numbers(
        load_facts(engine, EVERYTHING), _from_rows(load_facts(engine, EVERYTHING)), config=lighter
    )
    # Nothing stale is left: a second run has nothing to do.
    assert rebuild_stored_sums(engine, lighter) == 0
    assert rebuild_stored_sums(engine, lighter, everything=True) == len(stored)


def test_rebuild_fills_in_reports_without_sums(tmp_path):
    engine = init_db(get_engine(f"sqlite:///{tmp_path / 'gap.db'}"))
    load_sample_data(engine)
    complete = _stored(engine)
    with engine.begin() as conn:
        conn.execute(delete(unit_month_parts).where(unit_month_parts.c.submission_id % 3 == 0))
    missing = len(complete) - len(_stored(engine))
    assert missing > 0
    assert rebuild_stored_sums(engine, CONFIG) == missing
    rebuilt = _stored(engine)
    assert rebuilt.keys() == complete.keys()
    for submission_id, (definition, values) in complete.items():  # the sums stored at upload
        assert rebuilt[submission_id][0] == definition
        assert json.loads(rebuilt[submission_id][1]) == pytest.approx(json.loads(values))
    _same_numbers(load_facts(engine, EVERYTHING), _from_rows(load_facts(engine, EVERYTHING)))


def test_stored_sums_of_synthetic_national_data_agree_with_the_rows(tmp_path):
    """The national benchmark's random reports (other values, other shapes than the
    sample): rebuilt sums, then every indicator both ways."""
    engine = init_db(get_engine(f"sqlite:///{tmp_path / 'synthetic.db'}"))
    counts = build(engine, n_units=8, n_months=5, seed=7)
    assert rebuild_stored_sums(engine, CONFIG) == counts["submissions"] == 40
    stored = load_facts(engine, EVERYTHING)
    assert stored.stored_parts.height == 40
    _same_numbers(stored, _from_rows(load_facts(engine, EVERYTHING)))
