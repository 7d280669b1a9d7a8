"""The held grid of unit-month sums gives every request exactly what joining the sums gives.

``unit_month_sums`` selects a request's units, months and columns from one
grid of every registry unit × stored month, held with the sums; after an
upload only the changed units' rows of it are made again. These tests
compare it, request by request and after an upload, with the grid joined
for the request alone (``sums._dense``), row for row and bit for bit.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import polars as pl
import pytest
from polars.testing import assert_frame_equal
from sqlalchemy import func, select

from upt_dashboard import paths
from upt_dashboard.indicators import sums
from upt_dashboard.indicators.catalogue import BY_ID, INDICATORS
from upt_dashboard.indicators.config import load_config
from upt_dashboard.indicators.periods import month_dates
from upt_dashboard.intake.bulk import load_sample_data, sample_files
from upt_dashboard.intake.ingest import ACCEPTED, ingest_file
from upt_dashboard.months import Month
from upt_dashboard.storage.bootstrap import init_db
from upt_dashboard.storage.db import get_engine, submissions
from upt_dashboard.storage.facts import load_facts, refresh_facts
from upt_dashboard.storage.scope import EVERYTHING

CONFIG = replace(load_config(), today=date(2026, 11, 28))
HELD_BACK = ("PSTW-JBG_2026-10.xlsx", "PRS-SDA_2026-10.xlsx")


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    engine = init_db(get_engine(f"sqlite:///{tmp_path_factory.mktemp('grid') / 'g.db'}"))
    load_sample_data(engine, files=[p for p in sample_files() if p.name not in HELD_BACK])
    yield engine
    engine.dispose()


def _joined(facts, scope, months, indicators, config=CONFIG) -> pl.DataFrame:
    return sums._dense(facts, sums.fact_sums(facts, config), scope, months, indicators, config)


def _requests(facts):
    """Scopes, month ranges and indicator sets a page asks for."""
    registry = facts.units.select("code", "type")
    last = Month.of(facts.submissions["period"].max())
    first = Month.of(facts.submissions["period"].min())
    some = [BY_ID[i] for i in ("kehadiran", "ikm", "ketepatan_laporan", "keterisian")]
    return [
        (registry, month_dates(first, last), INDICATORS),
        (registry, month_dates(last, last), INDICATORS),
        (registry, month_dates(last - 2, last), some),
        (registry.filter(pl.col("type") == "PSTW"), month_dates(first, last), some),
        (registry.filter(pl.col("code").is_in(["PRS-SDA", "PSTW-JBG"])), [last.first_day], some),
        # months the grid does not hold: joined for the request
        (registry, month_dates(first - 3, first), INDICATORS),
    ]


def test_every_request_selects_from_the_grid_what_joining_gives(engine):
    facts = load_facts(engine, EVERYTHING)
    for scope, months, indicators in _requests(facts):
        assert_frame_equal(
            sums.unit_month_sums(facts, scope, months, indicators, CONFIG),
            _joined(facts, scope, months, indicators),
            check_exact=True,
            check_column_order=False,  # the grid's order; the engine reads columns by name
        )
    grid = sums.fact_sums(facts, CONFIG).grids[CONFIG.today]
    assert grid.frame.height == facts.units.height * len(grid.months)


def test_after_an_upload_the_grid_is_patched_for_the_changed_units_only(engine, monkeypatch):
    facts = load_facts(engine, EVERYTHING)
    registry = facts.units.select("code", "type")
    last = Month.of(facts.submissions["period"].max())
    sums.unit_month_sums(facts, registry, [last.first_day], INDICATORS, CONFIG)  # grid made
    with engine.connect() as conn:
        since = conn.execute(select(func.max(submissions.c.id))).scalar()
    load_sample_data(engine, files=[paths.SAMPLE_DIR / name for name in HELD_BACK])
    data = (paths.SAMPLE_DIR / "with_warnings" / "melebihi_daya_tampung.xlsx").read_bytes()
    assert ingest_file(engine, data, "melebihi_daya_tampung.xlsx", "uji").status == ACCEPTED

    refreshed = refresh_facts(engine, facts, since)
    made = []
    dense = sums._dense
    monkeypatch.setattr(
        sums, "_dense", lambda f, c, scope, *a: made.append(scope) or dense(f, c, scope, *a)
    )
    patched = sums.fact_sums(refreshed, CONFIG).grids[CONFIG.today]
    monkeypatch.undo()
    assert [sorted(scope["code"]) for scope in made] == [["PRS-SDA", "PSTW-JBG"]]

    fresh = load_facts(engine, EVERYTHING)
    anew = sums.fact_sums(fresh, CONFIG)
    sums.unit_month_sums(fresh, registry, [last.first_day], INDICATORS, CONFIG)
    assert_frame_equal(patched.frame, anew.grids[CONFIG.today].frame, check_exact=True)
    for scope, months, indicators in _requests(fresh):
        assert_frame_equal(
            sums.unit_month_sums(refreshed, scope, months, indicators, CONFIG),
            _joined(fresh, scope, months, indicators),
            check_exact=True,
            check_column_order=False,
        )


def test_a_new_day_makes_a_new_grid_with_the_reports_expected_by_then(engine):
    facts = load_facts(engine, EVERYTHING)
    registry = facts.units.select("code", "type")
    months = month_dates(Month(2026, 9), Month(2026, 10))
    timely = [BY_ID["ketepatan_laporan"]]
    before = replace(CONFIG, today=date(2026, 11, 5))  # October's deadline still running
    earlier = sums.unit_month_sums(facts, registry, months, timely, before)
    later = sums.unit_month_sums(facts, registry, months, timely, CONFIG)
    assert_frame_equal(earlier, _joined(facts, registry, months, timely, before), check_exact=True)
    assert_frame_equal(later, _joined(facts, registry, months, timely), check_exact=True)
    october = pl.col("period") == Month(2026, 10).first_day
    assert earlier.filter(october)["ketepatan_laporan:den"].is_null().all()
    assert later.filter(october)["ketepatan_laporan:den"].sum() > 0
    assert list(sums.fact_sums(facts, CONFIG).grids) == [CONFIG.today]  # yesterday's let go
