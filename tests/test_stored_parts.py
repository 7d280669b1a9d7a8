"""The sums stored with each report give the same numbers as the rows they came from.

Loading the facts at national scale does not read every staff and survey
row: the engine takes the per-unit-month sums stored with each report
(``unit_month_parts``). These tests load the sample reports into a real
database and compare every indicator, both ways, at every level — and
check that sums stored under another definition, or missing, fall back to
the rows.
"""

from __future__ import annotations

from dataclasses import replace

import polars as pl
import pytest
from polars.testing import assert_frame_equal
from sqlalchemy import delete, select

from upt_dashboard.indicators.config import load_config
from upt_dashboard.indicators.engine import compute
from upt_dashboard.indicators.sums import fact_sums, parts_definition
from upt_dashboard.indicators.survey import ikm_standard_errors, nrr_by_element, u4_signals
from upt_dashboard.intake.bulk import load_sample_data
from upt_dashboard.months import Month
from upt_dashboard.storage.bootstrap import init_db
from upt_dashboard.storage.db import get_engine, submissions, unit_month_parts
from upt_dashboard.storage.facts import SHEET_ATTRS, Facts, load_facts

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
    stored = load_facts(engine)
    assert stored.stored_parts is not None and stored.stored_parts.height > 0
    rows = _from_rows(load_facts(engine))
    key = ("unit_code", "period")
    assert_frame_equal(
        _sorted(fact_sums(stored, CONFIG).parts, *key),
        _sorted(fact_sums(rows, CONFIG).parts, *key),
        check_exact=False,
        rel_tol=1e-12,
    )
    _same_numbers(stored, rows)


def test_survey_views_agree_both_ways(engine):
    stored, rows = load_facts(engine), _from_rows(load_facts(engine))
    for view in (nrr_by_element, ikm_standard_errors):
        assert_frame_equal(view(stored, config=CONFIG), view(rows, config=CONFIG), rel_tol=1e-12)
    assert_frame_equal(
        u4_signals(stored, charging_units=CONFIG.charging_units, config=CONFIG),
        u4_signals(rows, charging_units=CONFIG.charging_units, config=CONFIG),
    )


def test_sums_of_another_definition_are_not_used(engine):
    """Changed weights change what is summed: the stored sums no longer apply."""
    heavier = replace(CONFIG, late_weights=tuple(w * 2 for w in CONFIG.late_weights))
    assert parts_definition(heavier).digest != parts_definition(CONFIG).digest
    stored = load_facts(engine)
    _same_numbers(stored, _from_rows(load_facts(engine)), config=heavier)
    late = compute(stored, start=START, end=END, grain="all", level="province", config=heavier)
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
    partial = load_facts(engine)
    assert partial.stored_parts.height < partial.submissions.filter("is_current").height
    _same_numbers(partial, _from_rows(load_facts(engine)))
