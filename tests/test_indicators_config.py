"""The administrator's configuration file: defaults, options, and clear refusals."""

from __future__ import annotations

import pytest

from upt_dashboard.indicators.config import DEFAULT_PATH, config_from_dict, load_config
from upt_dashboard.indicators.errors import IndicatorError


def test_default_file_loads():
    config = load_config(DEFAULT_PATH)
    assert config.report_deadline_day == 10
    assert config.complaint_working_days == 5
    assert config.ikm_element_weight == pytest.approx(1 / 9)
    assert config.band("keterisian").green == (0.85, 1.0)
    assert {c.indicator_id for c in config.composites["indeks_disiplin"]} >= {"kehadiran"}


def test_environment_variable_selects_the_file(tmp_path, monkeypatch):
    path = tmp_path / "x.toml"
    path.write_text('[general]\nreport_deadline_day = 5\nikm_weight = "truncated"\n')
    monkeypatch.setenv("DASHBOARD_INDICATOR_CONFIG", str(path))
    config = load_config()
    assert config.report_deadline_day == 5
    assert config.ikm_element_weight == 0.111


@pytest.mark.parametrize(
    "raw, message",
    [
        ({"general": {"report_deadline_day": 31}}, "1-28"),
        ({"general": {"ikm_weight": "0.11"}}, "ikm_weight"),
        ({"general": {"late_weights": [1, 1]}}, "late_weights"),
        ({"general": {"holiday_categories": ["bank"]}}, "holiday_categories"),
        ({"general": {"typo": 1}}, "typo"),
        ({"indicators": {"nope": {"target": 1}}}, "nope"),
        ({"indicators": {"kehadiran": {"green": 0.9}}}, "green dan yellow"),
        ({"indicators": {"keterisian": {"green": 0.9, "yellow": 0.8}}}, r"\[min, max\]"),
        ({"indicators": {"rasio_pm_pegawai": {"green": 1, "yellow": 2}}}, "netral"),
        ({"indicators": {"kehadiran": {"target": 1, "goal": 2}}}, "goal"),
        ({"composites": {"indeks_disiplin": {"components": {}}}}, "tidak punya komponen"),
        (
            {
                "composites": {
                    "kehadiran": {"components": {"kehadiran_apel": {"weight": 1, "floor": 0.5}}}
                }
            },
            "bukan indeks",
        ),
        (
            {
                "indicators": {"indeks_disiplin": {"target": 100}},
                "composites": {
                    "indeks_disiplin": {"components": {"keterisian": {"weight": 1, "floor": 0}}}
                },
            },
            "keterisian",
        ),
        (
            {
                "indicators": {"indeks_disiplin": {"target": 100}},
                "composites": {
                    "indeks_disiplin": {"components": {"kehadiran": {"weight": 1, "floor": 0.8}}}
                },
            },
            "target",
        ),
    ],
)
def test_bad_configuration_is_refused_with_a_reason(raw, message):
    with pytest.raises(IndicatorError, match=message):
        config_from_dict(raw)


def test_missing_or_broken_file(tmp_path):
    with pytest.raises(IndicatorError, match="tidak ditemukan"):
        load_config(tmp_path / "none.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("[general\n")
    with pytest.raises(IndicatorError, match="tidak valid"):
        load_config(broken)


def test_ikm_colours_follow_the_grades_and_cannot_be_configured_apart():
    bands = load_config(DEFAULT_PATH).band("ikm")
    assert (bands.target, bands.green, bands.yellow) == (88.31, 76.61, 65.0)
    with pytest.raises(IndicatorError, match="PermenPAN"):
        config_from_dict({"indicators": {"ikm": {"target": 88.31, "green": 80, "yellow": 70}}})


def test_charging_units_are_read():
    assert config_from_dict({"general": {"charging_units": ["PSTW-X"]}}).charging_units == (
        "PSTW-X",
    )
