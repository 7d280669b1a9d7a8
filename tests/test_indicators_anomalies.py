"""Anomaly flags worth reading: robust outliers with the no-news rules, and steady slides.

Each expected number is worked out by hand in the comments.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import polars as pl
import pytest
from facts_builder import FactsBuilder

from upt_dashboard.indicators.anomalies import (
    flag_anomalies,
    lebaran_months,
    mann_kendall_z,
    theil_sen,
    trend_statistics,
)
from upt_dashboard.indicators.config import DEFAULT_PATH, config_from_dict, load_config
from upt_dashboard.indicators.engine import RESULT_SCHEMA
from upt_dashboard.indicators.errors import IndicatorError
from upt_dashboard.indicators.survey import ikm_standard_errors
from upt_dashboard.months import Month

CONFIG = load_config(DEFAULT_PATH)


def _series(indicator_id, values, unit="PSTW-A", n=40, denominator=40.0, status=None, first=1):
    """Monthly rows from January 2025 (``first``: the first month's number)."""
    months = [(Month(2025, 1) + (first - 1 + i)).first_day for i in range(len(values))]
    return pl.DataFrame(
        {
            "indicator_id": indicator_id,
            "unit_code": unit,
            "period": [f"{d:%Y-%m}" for d in months],
            "period_start": months,
            "value": values,
            "n": n,
            "denominator": denominator,
            "status": status,
        },
        schema_overrides={k: v for k, v in RESULT_SCHEMA.items() if k not in ("period_start",)},
    ).select(
        [
            pl.col(c)
            if c
            in (
                "indicator_id",
                "unit_code",
                "period",
                "period_start",
                "value",
                "n",
                "denominator",
                "status",
            )
            else pl.lit(None, RESULT_SCHEMA[c]).alias(c)
            for c in RESULT_SCHEMA.names()
        ]
    )


# --- outliers --------------------------------------------------------------------------


def test_a_spike_is_flagged_with_a_reason():
    # median 0.95, deviations 0, .01, .01, .02, .02, 0, .15 → MAD 0.01
    frame = _series("tepat_waktu_masuk", [0.95, 0.94, 0.96, 0.93, 0.97, 0.95, 0.80])
    flags = flag_anomalies(frame, CONFIG)
    assert flags["period"].to_list() == ["2025-07"]
    row = flags.row(0, named=True)
    assert row["robust_z"] == pytest.approx(0.15 / (1.4826 * 0.01))
    assert row["kind"] == "outlier"
    assert row["reason"].startswith(
        "Tepat Waktu Masuk 80,0% jauh di bawah riwayat UPT ini (median 95,0%; z robust"
    )


def test_a_value_already_red_is_not_flagged_again():
    frame = _series("tepat_waktu_masuk", [0.95, 0.94, 0.96, 0.93, 0.97, 0.95, 0.80])
    red = frame.with_columns(status=pl.when(pl.col("value") < 0.9).then(pl.lit("merah")))
    assert flag_anomalies(red, CONFIG).is_empty()


def test_mad_zero_falls_back_to_mean_absolute_deviation():
    # incidents 0 six times then 3: MAD 0; mean |x − 0| = 3/7
    flags = flag_anomalies(_series("insiden_medsos", [0, 0, 0, 0, 0, 0, 3]), CONFIG)
    assert flags["robust_z"].to_list() == [pytest.approx(3 / (1.2533 * 3 / 7))]
    assert "jauh di atas" in flags["reason"][0]


def test_constant_series_and_short_history_are_not_flagged():
    assert flag_anomalies(_series("insiden_medsos", [1] * 8), CONFIG).is_empty()
    short = _series("tepat_waktu_masuk", [0.9, 0.9, 0.9, 0.9, 0.1])
    assert flag_anomalies(short, CONFIG).is_empty()


def test_each_unit_is_judged_on_its_own_history():
    low = _series("tepat_waktu_masuk", [0.50, 0.52, 0.49, 0.51, 0.50, 0.50], unit="A")
    high = _series("tepat_waktu_masuk", [0.95, 0.96, 0.94, 0.95, 0.95, 0.95], unit="B")
    assert flag_anomalies(pl.concat([low, high]), CONFIG).is_empty()


@pytest.mark.parametrize(
    "values, flagged",
    [
        ([0, 0, 0, 0, 0, 0, 1], False),  # one incident: a status matter, not a data error
        ([0, 0, 0, 0, 0, 0, 2], False),
        ([0, 0, 0, 0, 0, 0, 3], True),  # |3 - 0| reaches anomaly_min_count_change = 3
    ],
)
def test_count_indicators_need_a_minimum_change(values, flagged):
    assert (flag_anomalies(_series("insiden_medsos", values), CONFIG).height == 1) is flagged


def test_values_resting_on_one_or_two_complaints_are_not_judged():
    # Complaints falling due: 6 a month at 100%, then one month 0 of 2 (n = 2 < 5).
    values = [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0]
    few = _series("penyelesaian_pengaduan", values).with_columns(
        n=pl.when(pl.col("value") == 0).then(2).otherwise(6)
    )
    assert flag_anomalies(few, CONFIG).is_empty()
    # The same drop over 6 complaints (0 of 6) is judged, and flagged.
    assert flag_anomalies(few.with_columns(n=pl.lit(6)), CONFIG).height == 1


def test_lebaran_months_come_from_the_holiday_calendar():
    # Idul Fitri 31 Mar - 1 Apr 2025 with cuti bersama into April; 20-24 Mar 2026
    assert lebaran_months([2025, 2026]) == {date(2025, 3, 1), date(2025, 4, 1), date(2026, 3, 1)}


def test_leave_driven_indicators_are_not_flagged_in_lebaran_months():
    # availability 95% all year, 85% in March 2025 (Lebaran leave): no flag; the same
    # drop in July is flagged.
    values = [0.95, 0.95, 0.85, 0.95, 0.95, 0.96, 0.94, 0.95]
    lebaran = _series("ketersediaan_pegawai", values, denominator=1000.0)  # staff-days
    assert flag_anomalies(lebaran, CONFIG).is_empty()
    july = _series(
        "ketersediaan_pegawai", [0.95, 0.95, 0.95, 0.95, 0.95, 0.96, 0.85, 0.94], denominator=1000.0
    )
    assert flag_anomalies(july, CONFIG)["period"].to_list() == ["2025-07"]


def test_an_ikm_move_within_its_sampling_error_is_not_flagged():
    # median 85.0; MAD 0.2 → a move of 4.0 has a robust z of 13, but the month's own
    # survey has a standard error of 1.5: 4.0 is within 3 × 1.5 = 4.5.
    values = [85.0, 85.2, 84.8, 85.1, 84.9, 85.0, 81.0]
    frame = _series("ikm", values)
    assert flag_anomalies(frame, CONFIG).height == 1  # without the sampling error
    sampling = frame.select("unit_code", "period_start", ikm_se=pl.lit(1.5))
    assert flag_anomalies(frame, CONFIG, sampling=sampling).is_empty()
    # A larger sample (standard error 1.0): 4.0 > 3.0 → flagged
    tight = sampling.with_columns(ikm_se=pl.lit(1.0))
    assert flag_anomalies(frame, CONFIG, sampling=tight).height == 1


def test_a_share_is_judged_against_the_binomial_error_of_its_denominator():
    # Coaching at 85% after months around 92%, yellow: 4 of 27 staff missing is within
    # chance (√(0.92 × 0.08 ÷ 27) = 0.052; 3 × 0.052 = 0.157 > 0.07); of 1,000 it is not.
    values = [0.92, 0.93, 0.91, 0.92, 0.92, 0.93, 0.85]
    small = _series("partisipasi_pembinaan", values, denominator=27.0, status="kuning")
    assert flag_anomalies(small, CONFIG).is_empty()
    large = _series("partisipasi_pembinaan", values, denominator=1000.0, status="kuning")
    assert flag_anomalies(large, CONFIG).height == 1


def test_small_moves_and_good_news_are_not_flagged():
    # Basic needs 100% every month, then 99%: one resident short — z is huge (MAD 0) but
    # the move (1 point) is below 3 points of a percentage.
    needs = _series("kebutuhan_dasar", [1.0] * 6 + [0.99])
    assert flag_anomalies(needs, CONFIG).is_empty()
    assert (
        flag_anomalies(
            needs.with_columns(value=pl.lit(1.0)).with_columns(
                value=pl.when(pl.col("period") == "2025-07").then(0.96).otherwise(1.0)
            ),
            CONFIG,
        ).height
        == 1
    )  # 4 points: flagged
    # Coaching at 100% after months around 90%, green: good news, z 7 is below 2 × 3.5
    coaching = _series("partisipasi_pembinaan", [0.90, 0.91, 0.89, 0.90, 0.92, 0.88, 1.0])
    coaching = coaching.with_columns(status=pl.lit("hijau"))
    assert flag_anomalies(coaching, CONFIG).is_empty()
    # Occupancy moving inside its green range is fine
    occupancy = _series("keterisian", [0.95, 0.95, 0.96, 0.94, 0.95, 0.95, 0.88])
    assert flag_anomalies(occupancy.with_columns(status=pl.lit("hijau")), CONFIG).is_empty()
    # A ratio needs a quarter of its median: 2.54 → 2.66 is 5%
    ratio = _series("rasio_pm_pegawai", [2.54, 2.55, 2.53, 2.54, 2.54, 2.55, 2.66])
    assert flag_anomalies(ratio, CONFIG).is_empty()


def test_ikm_standard_error_by_hand():
    b = FactsBuilder().unit("PSTW-A")
    # respondent means 4.0, 3.0, 2.0 (all nine elements alike): sd 1.0, n 3
    b.report("PSTW-A", "2026-03", survei=[{f"u{i}": s for i in range(1, 10)} for s in (4, 3, 2)])
    se = ikm_standard_errors(b.build())
    assert se["ikm_se"].to_list() == [pytest.approx(25 * 1.0 / 3**0.5)]


# --- slides ----------------------------------------------------------------------------


def test_mann_kendall_and_theil_sen_by_hand():
    # 1, 2, 3, 4: S = 6 (every pair rises), Var = 4·3·13/18 = 8.667, Z = (6 − 1)/√8.667
    assert mann_kendall_z([1, 2, 3, 4]) == pytest.approx(5 / (4 * 3 * 13 / 18) ** 0.5)
    assert mann_kendall_z([2, 2, 2, 2]) == 0.0
    assert theil_sen([10, 8, 6, 4]) == (-2.0, 10.0)


@pytest.mark.parametrize("window", [1, 2, 3, 4, 7, 12, 13])
def test_the_statistics_of_all_series_at_once_equal_the_loops_to_the_last_bit(window):
    import random

    import numpy as np

    from upt_dashboard.indicators.anomalies import _median

    draw = random.Random(window)
    series = [
        # ties (rounded shares, whole counts) and plain floats, rising, falling and flat
        [round(draw.uniform(0.5, 1.0), draw.choice([1, 2, 6])) for _ in range(window)]
        for _ in range(300)
    ] + [[float(i) for i in range(window)], [3.0] * window, [-0.0, 0.0] * (window // 2)]
    series = [s for s in series if len(s) == window]
    z, slope, intercept, scatter = trend_statistics(np.array(series, dtype=np.float64))
    for i, ys in enumerate(series):
        expected_slope, expected_intercept = theil_sen(ys)
        assert z[i] == mann_kendall_z(ys)
        assert (slope[i], intercept[i]) == (expected_slope, expected_intercept)
        line = [abs(y - (expected_intercept + expected_slope * k)) for k, y in enumerate(ys)]
        assert scatter[i] == _median(line)


def test_a_steady_slide_is_flagged_once_at_its_last_month():
    # IKM losing about 0.6 a month for 12 months, never an outlier on its own
    values = [85.0 - 0.6 * i + (0.2 if i % 2 else -0.2) for i in range(12)]
    flags = flag_anomalies(_series("ikm", values), CONFIG)
    assert flags.select("kind", "period").rows() == [("trend", "2025-12")]
    reason = flags["reason"][0]
    assert reason.startswith("Indeks Kepuasan Masyarakat (IKM) memburuk terus selama 12 bulan")
    assert "dari 84,80 ke 78,60" in reason


def test_a_rise_or_noise_is_not_a_slide():
    rising = [70.0 + 0.6 * i for i in range(12)]  # better every month: not flagged
    assert flag_anomalies(_series("ikm", rising), CONFIG).is_empty()
    noise = [85.0, 84.2, 85.9, 84.8, 85.3, 84.1, 85.6, 84.9, 85.2, 84.6, 85.4, 84.7]
    assert flag_anomalies(_series("ikm", noise), CONFIG).is_empty()
    # lower is better: a rising TK share is a slide
    worse = [0.001 * (i + 1) for i in range(12)]
    flags = flag_anomalies(_series("tanpa_keterangan", worse), CONFIG)
    assert flags["kind"].to_list() == ["trend"]


def test_anomaly_settings_are_checked():
    assert CONFIG.anomaly_min_base["penyelesaian_pengaduan"] == 5
    assert CONFIG.anomaly_seasonal == ("ketersediaan_pegawai", "realisasi_layanan")
    for bad in (
        {"anomaly_min_base": {"nope": 3}},
        {"anomaly_seasonal": ["nope"]},
        {"anomaly_trend_months": 3},
    ):
        with pytest.raises(IndicatorError):
            config_from_dict({"general": bad})
    assert replace(CONFIG, anomaly_trend_z=9).anomaly_trend_z == 9


def test_the_history_judged_is_bounded_by_anomaly_history_months():
    from dataclasses import replace

    from upt_dashboard.indicators.anomalies import history_start
    from upt_dashboard.indicators.config import load_config
    from upt_dashboard.months import Month

    config = replace(load_config(), anomaly_history_months=36)
    # Ten years of national history: the baseline is the last 36 months up to the end.
    assert history_start(Month(2016, 11), Month(2026, 10), config) == Month(2023, 11)
    # A shorter history is judged whole.
    assert history_start(Month(2024, 11), Month(2026, 10), config) == Month(2024, 11)
