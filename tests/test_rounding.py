"""One rounding everywhere: half away from zero on the written digits, as Excel's ROUND.

76.605 and 88.305 are the band edges of the IKM that Python's round() (and
Babel, and polars' default) would round down; every place that rounds must
give 76.61 / 88.31 and judge the band, the colour and the text alike.
"""

from __future__ import annotations

import io
import json
from dataclasses import replace
from decimal import Decimal

import polars as pl
import pytest

from upt_dashboard.exports import text
from upt_dashboard.exports.cells import csv_bytes
from upt_dashboard.indicators.catalogue import BY_ID
from upt_dashboard.indicators.config import DEFAULT_PATH, load_config
from upt_dashboard.indicators.formatting import format_number, format_value
from upt_dashboard.indicators.ikm import grade, grade_expr
from upt_dashboard.indicators.status import shown_value_expr, status_expr
from upt_dashboard.rounding import round_expr, round_half_up, to_decimal
from upt_dashboard.views import format as fmt

CASES = [
    # value, decimals, Excel's ROUND(value, decimals)
    (76.605, 2, 76.61),
    (88.305, 2, 88.31),
    (76.6049, 2, 76.6),
    (-76.605, 2, -76.61),
    (-0.125, 2, -0.13),
    (0.125, 2, 0.13),
    (2.5, 0, 3.0),
    (-2.5, 0, -3.0),
    (1.005, 2, 1.01),  # binary 1.00499999999999989…: Python's round gives 1.0
    (0.9745, 3, 0.975),
    (0.99995, 4, 1.0),
    (0.0, 2, 0.0),
    (12345.6785, 3, 12345.679),
]


@pytest.mark.parametrize("value, decimals, expected", CASES)
def test_half_up_as_excel(value, decimals, expected):
    assert round_half_up(value, decimals) == expected


@pytest.mark.parametrize("value, decimals, expected", CASES)
def test_the_polars_rule_is_the_same(value, decimals, expected):
    frame = pl.DataFrame({"x": [value, value]})  # two rows: polars divides differently
    assert frame.select(round_expr(pl.col("x"), decimals))["x"].to_list() == [expected] * 2


def test_python_round_would_disagree():
    # Why the module exists: these are the numbers a reviewer's Excel rounds up.
    assert round(1.005, 2) == 1.0 and round(2.5) == 2


def test_none_and_special_values():
    assert round_half_up(None) is None
    assert round_half_up(float("inf")) == float("inf")
    nan = round_half_up(float("nan"))
    assert nan != nan
    frame = pl.DataFrame({"x": [None, 1.005]}, schema={"x": pl.Float64})
    assert frame.select(round_expr(pl.col("x"), 2))["x"].to_list() == [None, 1.01]


def test_exact_decimal_for_formatting():
    assert to_decimal(76.605, 2) == Decimal("76.61")
    assert to_decimal(0.76605, 4) == Decimal("0.7661")


def test_ikm_grade_at_the_band_edges():
    assert grade(76.605) == "B"  # shown 76,61: band B starts there
    assert grade(76.6049) == "C"
    assert grade(88.305) == "A"
    grades = pl.DataFrame({"v": [76.605, 76.6049, 88.305, 88.3049, 64.995]}).select(
        grade_expr(pl.col("v")).alias("v")
    )
    assert grades["v"].to_list() == ["B", "C", "A", "B", "C"]


def test_screen_exports_and_engine_text_show_the_same_digits():
    assert fmt.number(76.605, 2) == "76,61"
    assert fmt.value(88.305, "index", 2) == "88,31"
    assert fmt.percent(0.76605, 2) == "76,61%"
    assert text.number(76.605, 2) == "76,61"
    assert text.percent(0.9745, 1) == "97,5%"
    assert format_number(76.605, 2) == "76,61"
    assert format_value(BY_ID["ikm"], 88.305) == "88,31"
    assert format_value(BY_ID["kehadiran"], 0.9745) == "97,5%"
    assert format_number(-0.125, 2) == "-0,13"


def test_status_is_judged_on_the_shown_value():
    # kehadiran shows one decimal of a percent: 0.9795 is shown 98,0% (half up); with
    # a green edge at 98,0% it must be green, while 0.97949 (97,9%) is yellow.
    bands = replace(load_config(DEFAULT_PATH).band("kehadiran"), green=0.98, yellow=0.95)
    frame = pl.DataFrame({"v": [0.9795, 0.97949]})
    status = frame.select(status_expr(BY_ID["kehadiran"], bands, pl.col("v")).alias("v"))["v"]
    assert status.to_list() == ["hijau", "kuning"]


def test_shown_value_follows_each_indicator():
    frame = pl.DataFrame(
        {
            "indicator_id": ["ikm", "kehadiran", "tanpa_keterangan", "insiden_medsos"],
            "value": [76.605, 0.97995, 0.012345, 2.0],
        }
    )
    shown = frame.select(shown_value_expr())["value"].to_list()
    assert shown == [76.61, 0.98, 0.0123, 2.0]


def test_csv_downloads_round_indicator_values_and_other_numbers():
    frame = pl.DataFrame(
        {"indicator_id": ["ikm"], "value": [88.305], "numerator": [1.23456]},
    )
    lines = csv_bytes(frame).decode("utf-8-sig").splitlines()
    assert lines == ["indicator_id,value,numerator", "ikm,88.31,1.2346"]
    plain = pl.DataFrame({"value": [0.953449999], "n": [3]})
    assert csv_bytes(plain).decode("utf-8-sig").splitlines()[1] == "0.9534,3"


def test_cli_csv_and_json_carry_the_shown_value():
    from upt_dashboard.cli.indicators import write_result
    from upt_dashboard.indicators.engine import RESULT_SCHEMA

    row = {name: None for name in RESULT_SCHEMA.names()}
    row.update(indicator_id="ikm", unit_code="X", period="2026-03", value=76.605, n=1)
    result = pl.DataFrame([row], schema=RESULT_SCHEMA)
    out = io.StringIO()
    write_result(result, "json", out)
    assert json.loads(out.getvalue())[0]["value"] == 76.61
    out = io.StringIO()
    write_result(result, "table", out)
    assert "76,61" in out.getvalue()
