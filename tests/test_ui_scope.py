"""What a number covers: scope names, the engine's total codes, the province beside a scope."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import polars as pl
import pytest
from facts_builder import FactsBuilder

from upt_dashboard.indicators.config import DEFAULT_PATH, load_config
from upt_dashboard.indicators.engine import PROVINCE, SCOPE, compute, total_code
from upt_dashboard.months import Month
from upt_dashboard.views.i18n import set_language
from upt_dashboard.views.scope import province_reference, scope_name, scope_trend, series_names
from upt_dashboard.views.selection import Scope

MARCH = Month(2026, 3)
CONFIG = replace(load_config(DEFAULT_PATH), today=date(2026, 12, 1))


@pytest.fixture(autouse=True)
def indonesian():
    set_language("id")


def _facts():
    b = FactsBuilder().unit("PSTW-A", "PSTW").unit("PSTW-B", "PSTW").unit("RSBL-C", "RSBL")
    for code, hadir in (("PSTW-A", 18), ("PSTW-B", 20), ("RSBL-C", 10)):
        b.report(code, "2026-03", pegawai=[dict(hari_kerja=20, hadir=hadir, sakit=20 - hadir)])
    return b.build()


FACTS = _facts()


@pytest.mark.parametrize(
    "codes, types, kind, label",
    [
        (None, None, "province", "Provinsi Jawa Timur"),
        (None, ["PSTW", "RSBL"], "province", "Provinsi Jawa Timur"),  # every unit is the province
        (None, ["PSTW"], "type", "Jenis PSTW (2 UPT)"),
        (["PSTW-A"], None, "unit", "PSTW Kota (PSTW-A)"),  # two PSTW in "Kota": code added
        (["PSTW-A", "RSBL-C"], None, "selection", "Pilihan (2 UPT)"),
        (["PSTW-A", "PSTW-B"], None, "selection", "Pilihan (2 UPT)"),  # chosen one by one
    ],
)
def test_scope_names(codes, types, kind, label):
    name = scope_name(FACTS.units, codes, types)
    assert (name.kind, name.label, name.narrowed) == (kind, label, kind != "province")


def test_english_names_and_the_page_scope():
    set_language("en")
    assert scope_name(FACTS.units, None, ["PSTW"]).label == "Type PSTW (2 units)"
    set_language("id")
    assert Scope(types=("PSTW",)).name(FACTS.units).label == "Jenis PSTW (2 UPT)"


def test_the_engine_calls_only_the_whole_province_province():
    def total(**scope):
        result = compute(
            FACTS,
            start=MARCH,
            end=MARCH,
            level="province",
            indicators=["ketersediaan_pegawai"],
            config=CONFIG,
            **scope,
        )
        return result.row(0, named=True)

    everything = total()
    pstw = total(types=["PSTW"])
    assert everything["unit_code"] == PROVINCE == total_code(FACTS, None, None)
    assert pstw["unit_code"] == SCOPE == total_code(FACTS, None, ["PSTW"])
    # PSTW: (18 + 20) ÷ 40; the province: (18 + 20 + 10) ÷ 60
    assert (pstw["numerator"], pstw["denominator"]) == (38, 40)
    assert (everything["numerator"], everything["denominator"]) == (48, 60)
    assert total(types=["PSTW", "RSBL"])["unit_code"] == PROVINCE


def test_reference_lines_and_trend_series_name_the_scope_and_add_the_province():
    pstw = scope_name(FACTS.units, None, ["PSTW"])
    refs = province_reference(pstw, 0.95, 0.8, lambda v: f"{v:.2f}")
    assert refs == {
        "reference": 0.95,
        "reference_label": "Jenis PSTW (2 UPT) 0.95",
        "province": 0.8,
        "province_label": "Provinsi Jawa Timur 0.80",
    }
    whole = scope_name(FACTS.units)
    assert province_reference(whole, 0.8, 0.8, str) == {
        "reference": 0.8,
        "reference_label": "Provinsi Jawa Timur 0.8",
    }
    rows = pl.DataFrame({"period_start": [MARCH.first_day], "value": [0.95]})
    frame = scope_trend(rows, pstw, rows.with_columns(value=pl.lit(0.8)))
    assert frame.rows() == [
        ("Jenis PSTW (2 UPT)", MARCH.first_day, 0.95),
        ("Provinsi Jawa Timur", MARCH.first_day, 0.8),
    ]
    assert scope_trend(rows, whole, rows)["series"].to_list() == ["Provinsi Jawa Timur"]
    assert series_names({"A": "a"}, pstw) == {
        "A": "a",
        PROVINCE: "Provinsi Jawa Timur",
        SCOPE: "Jenis PSTW (2 UPT)",
    }
