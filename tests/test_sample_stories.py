"""The sample's planted problems (sample_data/stories.csv) are what the dashboard shows.

Every planted story must be flagged as an anomaly or listed as needing attention
(the Ringkasan list) for its unit in one of its months, and at most a quarter of
all anomaly flags may fall outside the planted stories: flags are worth reading.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import polars as pl
import pytest

from upt_dashboard import paths
from upt_dashboard.indicators.anomalies import flag_anomalies
from upt_dashboard.indicators.complaints import backlog_counts, complaint_list, known_until
from upt_dashboard.indicators.config import DEFAULT_PATH, load_config
from upt_dashboard.indicators.early_warning import threshold_crossings
from upt_dashboard.indicators.engine import compute
from upt_dashboard.indicators.keys import scorecard_indicators
from upt_dashboard.indicators.survey import ikm_standard_errors, u4_signals
from upt_dashboard.intake.bulk import load_sample_data
from upt_dashboard.months import Month
from upt_dashboard.sample.stories import MONTHS
from upt_dashboard.sample.writing import read_stories
from upt_dashboard.storage.bootstrap import init_db
from upt_dashboard.storage.db import get_engine
from upt_dashboard.storage.facts import load_facts
from upt_dashboard.storage.scope import EVERYTHING
from upt_dashboard.views.attention import attention_signals, unit_attention
from upt_dashboard.views.completeness import report_calendar
from upt_dashboard.views.i18n import set_language

CONFIG = replace(load_config(DEFAULT_PATH), today=date(2026, 11, 28))
START, END = MONTHS[0], MONTHS[-1]
PLANTED = read_stories(paths.ROOT / "sample_data" / "stories.csv")


@pytest.fixture(scope="module")
def facts(tmp_path_factory):
    engine = init_db(get_engine(f"sqlite:///{tmp_path_factory.mktemp('stories') / 's.db'}"))
    load_sample_data(engine)
    return load_facts(engine, EVERYTHING)


@pytest.fixture(scope="module")
def flags(facts):
    history = compute(facts, start=START, end=END, grain="month", level="unit", config=CONFIG)
    sampling = ikm_standard_errors(facts, config=CONFIG)
    return history, flag_anomalies(history, CONFIG, sampling=sampling)


@pytest.fixture(scope="module")
def entries(facts, flags):
    set_language("id")
    history, anomalies = flags
    codes = facts.units["code"].to_list()
    calendar = report_calendar(facts.submissions, codes, list(MONTHS), today=CONFIG.today)
    complaints = complaint_list(facts.pengaduan)
    signals = attention_signals(
        history,
        calendar,
        anomalies,
        scorecard_indicators(CONFIG),
        integrity=u4_signals(facts, charging_units=CONFIG.charging_units, config=CONFIG),
        crossings=threshold_crossings(facts, start=START, end=END, config=CONFIG),
        backlog=backlog_counts(
            complaints, known_until(facts.submissions), [m.first_day for m in MONTHS]
        ),
    )
    # What the leader reads: one row per unit, each reason carrying the signals merged into it.
    units = unit_attention(signals, {}, CONFIG, several_months=True)
    return pl.DataFrame(
        [
            (u.unit_code, s.indicator, s.period)
            for u in units
            for reason in u.reasons
            for s in reason.signals
        ],
        schema={"unit_code": pl.String, "indicator": pl.String, "period": pl.Date},
        orient="row",
    )


def _in_story(unit: str, indicator: str, period: date) -> bool:
    month = Month.of(period)
    return any(p.unit == unit and p.indicator == indicator and month in p.months for p in PLANTED)


@pytest.mark.parametrize("story", PLANTED, ids=lambda p: f"{p.unit}-{p.indicator}")
def test_every_planted_story_is_flagged_or_listed(story, entries):
    shown = entries.filter(
        pl.col("unit_code") == story.unit,
        pl.col("indicator") == story.indicator,
        pl.col("period").is_in([m.first_day for m in story.months]),
    )
    assert shown.height, f"{story.story}: nothing shown for {story.unit} {story.indicator}"


def test_flags_are_mostly_the_planted_stories(flags):
    _, anomalies = flags
    assert anomalies.height > 0
    outside = [
        (r["unit_code"], r["indicator_id"], r["period"])
        for r in anomalies.iter_rows(named=True)
        if not _in_story(r["unit_code"], r["indicator_id"], r["period_start"])
    ]
    assert len(outside) <= anomalies.height / 4, outside


def test_the_slide_is_caught_by_the_trend_test_and_lebaran_is_not_news(flags):
    _, anomalies = flags
    slide = anomalies.filter(pl.col("kind") == "trend", pl.col("indicator_id") == "ikm")
    assert slide["unit_code"].to_list() == ["PSTW-BWI"]
    # Staff availability falls every Lebaran; it is no anomaly.
    assert anomalies.filter(pl.col("indicator_id") == "ketersediaan_pegawai").is_empty()


def test_the_flags_need_no_composite_in_the_history(facts, flags):
    """The dashboard computes the history of the judged indicators only (composites are
    not judged): the flags are the same as on the whole history."""
    from upt_dashboard.indicators.anomalies import JUDGED_INDICATORS

    history, anomalies = flags
    judged = compute(
        facts,
        start=START,
        end=END,
        grain="month",
        level="unit",
        indicators=JUDGED_INDICATORS,
        config=CONFIG,
    )
    assert judged.height < history.height
    sampling = ikm_standard_errors(facts, config=CONFIG)
    assert flag_anomalies(judged, CONFIG, sampling=sampling).equals(anomalies)
    assert anomalies.height > 0
