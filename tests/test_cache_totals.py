"""A page's month-grain totals are cut from one request of every stored month.

Ringkasan asks the province total of the focus month, of the month before
and of every month for the trend; ``ui.cache.compute`` answers all three
from one computation. That is sound only because a total's month does not
depend on the months asked beside it: checked here against the engine
itself, month by month and range by range, at both total levels.
"""

from __future__ import annotations

import pytest
import streamlit as st
from polars.testing import assert_frame_equal

from upt_dashboard.indicators import engine as engine_module
from upt_dashboard.indicators.config import load_config
from upt_dashboard.intake.bulk import load_sample_data
from upt_dashboard.months import Month
from upt_dashboard.storage.bootstrap import init_db
from upt_dashboard.storage.db import get_engine
from upt_dashboard.storage.facts import load_facts
from upt_dashboard.storage.scope import EVERYTHING

CARDS = ["ikm", "kehadiran", "penyelesaian_pengaduan", "indeks_orientasi_pelayanan"]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    engine = init_db(get_engine(f"sqlite:///{tmp_path_factory.mktemp('totals') / 't.db'}"))
    load_sample_data(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def cache(engine, monkeypatch):
    from upt_dashboard.ui import cache

    monkeypatch.setenv("DATABASE_URL", str(engine.url))
    monkeypatch.setenv("DASHBOARD_LOAD_SAMPLE_DATA", "0")
    monkeypatch.setattr(cache, "scope", lambda: EVERYTHING)  # an administrator's session
    st.cache_resource.clear()
    st.cache_data.clear()
    yield cache
    st.cache_resource.clear()
    st.cache_data.clear()


REQUESTS = [
    (Month(2026, 10), Month(2026, 10), "province", None, CARDS),
    (Month(2026, 9), Month(2026, 9), "province", None, CARDS),
    (Month(2025, 1), Month(2026, 10), "province", None, CARDS),
    (Month(2026, 1), Month(2026, 3), "type", None, None),
    (Month(2026, 10), Month(2026, 10), "province", ["PSTW"], None),
]


def test_month_totals_equal_the_engine_asked_for_those_months_alone(engine, cache):
    facts, config = load_facts(engine, EVERYTHING), load_config()
    for start, end, level, types, indicators in REQUESTS:
        alone = engine_module.compute(
            facts,
            start=start,
            end=end,
            level=level,
            types=types,
            indicators=indicators,
            config=config,
        )
        cut = cache.compute(start=start, end=end, level=level, types=types, indicators=indicators)
        assert alone.height > 0
        assert_frame_equal(cut, alone, check_exact=True)


def test_the_cards_their_comparison_and_the_trend_share_one_computation(cache, monkeypatch):
    real, asked = engine_module.compute, []
    spy = lambda *a, **k: asked.append((k["start"], k["end"])) or real(*a, **k)  # noqa: E731
    monkeypatch.setattr(engine_module, "compute", spy)
    stored = cache.months_with_data()
    for start, end in ((stored[-1], stored[-1]), (stored[-2], stored[-2]), (stored[0], stored[-1])):
        cache.compute(start=start, end=end, level="province", indicators=CARDS)
    assert asked == [(stored[0], stored[-1])]
    # a unit's rows are asked for as they are: every month of every unit would be many
    cache.compute(start=stored[-1], end=stored[-1], level="unit", indicators=CARDS)
    assert asked[-1] == (stored[-1], stored[-1])
