"""The definitions page content is generated from the catalogue (ui/definitions.py)."""

import polars as pl
import pytest
from facts_builder import UNIT_TYPES_CSV

from upt_dashboard.indicators.catalogue import INDICATORS
from upt_dashboard.indicators.config import load_config
from upt_dashboard.storage.facts import UNIT_TYPES_SCHEMA
from upt_dashboard.views.definitions import (
    DOMAINS,
    FIELDS,
    components_table,
    definition_markdown,
    definitions,
    definitions_table,
)
from upt_dashboard.views.i18n import set_language

CONFIG = load_config()
TYPES = pl.read_csv(UNIT_TYPES_CSV, schema=UNIT_TYPES_SCHEMA)


@pytest.fixture(autouse=True)
def indonesian():
    set_language("id")


def test_every_indicator_once_with_every_field():
    records = definitions(CONFIG, TYPES)
    assert [r["id"] for r in records] == [i.id for i in INDICATORS]
    assert {r["domain"] for r in records} == set(DOMAINS)
    assert all(r[f] for r in records for f in FIELDS)
    by_id = {r["id"]: r for r in records}
    assert by_id["reintegrasi"]["applies_to"] == "PRS, RSBL, RSBN"
    assert by_id["kehadiran"]["applies_to"] == "semua jenis"
    assert by_id["keterisian"]["green"] == "85,0%–100,0%"
    assert by_id["rasio_pm_pegawai"]["green"] == "—"


def test_table_and_markdown_follow_the_language():
    set_language("en")
    records = definitions(CONFIG, TYPES, "disiplin")
    table = definitions_table(records)
    assert table.columns == [
        "Indicator",
        "Formula",
        "Unit",
        "Direction",
        "Applies to",
        "Target",
        "Green threshold",
        "Yellow threshold",
        "Standard",
        "Description",
    ]
    assert table["Indicator"][0] == "Attendance"
    text = definition_markdown(records[0])
    assert "**Formula:** Σ (Hadir + Dinas Luar) ÷ Σ (Hadir + Dinas Luar + TK)" in text
    assert "higher is better" in text and "PP No. 94/2021" in text
    set_language("id")


@pytest.mark.parametrize("composite", ["indeks_orientasi_pelayanan", "indeks_disiplin"])
def test_components_weights_sum_to_the_whole(composite):
    table = components_table(CONFIG, composite)
    shares = [float(w.rstrip("%")) for w in table["Bobot"]]
    assert table.height == len(CONFIG.composites[composite])
    assert sum(shares) == pytest.approx(100, abs=len(shares))  # each share rounded to 1%
