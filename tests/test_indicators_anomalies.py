"""Anomaly flags: robust z from the unit's own median and MAD."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from upt_dashboard.indicators.anomalies import flag_anomalies
from upt_dashboard.indicators.config import DEFAULT_PATH, load_config

CONFIG = load_config(DEFAULT_PATH)


def _series(indicator_id, values, unit="PSTW-A"):
    months = [date(2026, m, 1) for m in range(1, len(values) + 1)]
    return pl.DataFrame(
        {
            "indicator_id": indicator_id,
            "unit_code": unit,
            "period": [f"{d:%Y-%m}" for d in months],
            "period_start": months,
            "value": values,
        },
        schema_overrides={"value": pl.Float64},
    )


def test_a_spike_is_flagged_with_a_reason():
    # median 0.95, deviations 0,0.01,0.01,0.02,0.02,0.01,0.45 → MAD 0.01
    frame = _series("kehadiran", [0.95, 0.94, 0.96, 0.93, 0.97, 0.95, 0.50])
    flags = flag_anomalies(frame, CONFIG)
    assert flags["period"].to_list() == ["2026-07"]
    row = flags.row(0, named=True)
    assert row["robust_z"] == pytest.approx(0.45 / (1.4826 * 0.01))
    assert row["reason"].startswith(
        "Kehadiran Pegawai 50,0% jauh di bawah riwayat UPT ini (median 95,0%; z robust"
    )


def test_mad_zero_falls_back_to_mean_absolute_deviation():
    # incidents 0 six times then 3: MAD 0; mean |x − 0| = 3/7
    flags = flag_anomalies(_series("insiden_medsos", [0, 0, 0, 0, 0, 0, 3]), CONFIG)
    assert flags["robust_z"].to_list() == [pytest.approx(3 / (1.2533 * 3 / 7))]
    assert "jauh di atas" in flags["reason"][0]


def test_constant_series_and_short_history_are_not_flagged():
    assert flag_anomalies(_series("insiden_medsos", [1] * 8), CONFIG).is_empty()
    assert flag_anomalies(_series("kehadiran", [0.9, 0.9, 0.9, 0.9, 0.1]), CONFIG).is_empty()


def test_each_unit_is_judged_on_its_own_history():
    low = _series("kehadiran", [0.50, 0.52, 0.49, 0.51, 0.50, 0.50], unit="A")
    high = _series("kehadiran", [0.95, 0.96, 0.94, 0.95, 0.95, 0.95], unit="B")
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
