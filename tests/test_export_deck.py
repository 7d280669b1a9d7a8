"""The meeting deck: slides, native charts holding the engine's values, captions, notes."""

from __future__ import annotations

import io
import re
from datetime import date

import polars as pl
import pytest
from export_facts import fixed_config, synthetic_facts
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from upt_dashboard.exports.deck import build_deck
from upt_dashboard.exports.pack import CHART_INDICATORS, ExportScope, build_pack
from upt_dashboard.exports.text import month_short
from upt_dashboard.indicators.catalogue import BY_ID
from upt_dashboard.indicators.engine import compute as engine_compute
from upt_dashboard.indicators.status import shown_value_expr
from upt_dashboard.indicators.survey import nrr_by_element
from upt_dashboard.months import Month

START, END = Month(2025, 11), Month(2026, 10)
SOURCE = (
    "Sumber: laporan bulanan UPT, diolah Dasbor Kualitas Layanan; "
    "periode November 2025 – Oktober 2026"
)
PROVINCE = "Provinsi Jawa Timur"


def compute(*args, **kwargs):
    """The engine's values as exports carry them: rounded half up to the digits shown."""
    return engine_compute(*args, **kwargs).with_columns(value=shown_value_expr())


@pytest.fixture(scope="module")
def facts():
    return synthetic_facts(n_units=8, months=12)


@pytest.fixture(scope="module")
def config():
    return fixed_config()


def _deck(facts, config, **scope):
    pack = build_pack(
        facts, ExportScope(START, END, **scope), config=config, made_on=date(2026, 11, 28)
    )
    return pack, Presentation(io.BytesIO(build_deck(pack)))


@pytest.fixture(scope="module")
def whole(facts, config):
    return _deck(facts, config)


def _title(slide) -> str:
    return next(s.text_frame.text for s in slide.shapes if s.has_text_frame and s.text_frame.text)


def _charts(slide):
    return [s.chart for s in slide.shapes if s.has_chart]


def _slide(prs, title: str):
    return next(s for s in prs.slides if _title(s) == title)


def _series(chart) -> dict[str, tuple]:
    return {s.name: s.values for s in chart.plots[0].series}


def _bars(chart) -> list[tuple[str, float]]:
    """(category, value) of a ranking: each category holds a value in one series only."""
    categories = list(chart.plots[0].categories)
    columns = [s.values for s in chart.plots[0].series]
    return [(c, next(v[i] for v in columns if v[i] is not None)) for i, c in enumerate(categories)]


def test_slides_and_native_charts(whole):
    pack, prs = whole
    charted = [i for i in CHART_INDICATORS if pack.has_value(i)]
    # title, summary, one per charted indicator, IKM, scorecard, reports
    assert len(prs.slides) == 2 + len(charted) + 1 + 1 + 1
    assert prs.slide_width * 9 == prs.slide_height * 16
    for indicator_id in charted:
        charts = _charts(_slide(prs, BY_ID[indicator_id].name_id))
        # python-pptx reads a line chart whose target series has no markers as LINE
        assert [c.chart_type for c in charts] == [XL_CHART_TYPE.LINE, XL_CHART_TYPE.BAR_CLUSTERED]
    assert len(_charts(_slide(prs, "IKM per UPT dan per unsur"))) == 3
    assert sum(len(_charts(s)) for s in prs.slides) == 2 * len(charted) + 3
    assert not any(s.shape_type == 13 for slide in prs.slides for s in slide.shapes)  # pictures


def test_trend_series_are_the_engine_values(whole, facts, config):
    _, prs = whole
    monthly = compute(facts, start=START, end=END, grain="month", level="province", config=config)
    for indicator_id in ("indeks_disiplin", "kehadiran", "kebutuhan_dasar"):
        trend = _charts(_slide(prs, BY_ID[indicator_id].name_id))[0]
        expected = monthly.filter(pl.col("indicator_id") == indicator_id).sort("period_start")
        assert trend.plots[0].categories[0] == "Nov 2025"
        assert _series(trend)[PROVINCE] == tuple(expected["value"].to_list())
        target = config.band(indicator_id).target
        assert set(_series(trend)["Target"]) == {target}


def test_ranking_is_the_engine_values_best_first_with_province(whole, facts, config):
    pack, prs = whole
    by_unit = compute(facts, start=START, end=END, grain="all", level="unit", config=config)
    province = compute(facts, start=START, end=END, grain="all", level="province", config=config)
    labels = dict(zip(pack.units["code"], pack.units["label"]))
    for indicator_id in ("kehadiran", "tanpa_keterangan", "indeks_orientasi_pelayanan"):
        ranking = _charts(_slide(prs, BY_ID[indicator_id].name_id))[1]
        rows = by_unit.filter(pl.col("indicator_id") == indicator_id, pl.col("value").is_not_null())
        expected = {labels[c]: v for c, v in zip(rows["unit_code"], rows["value"])}
        expected[PROVINCE] = province.filter(pl.col("indicator_id") == indicator_id)["value"][0]
        bars = _bars(ranking)
        assert dict(bars) == expected
        values = [v for _, v in bars]
        lower_is_better = indicator_id == "tanpa_keterangan"
        assert values == sorted(values, reverse=not lower_is_better)


def test_narrow_scope_shows_scope_and_province(facts, config):
    _, prs = _deck(facts, config, types=("PSTW",))
    trend = _series(_charts(_slide(prs, BY_ID["kehadiran"].name_id))[0])
    scope = compute(
        facts,
        types=["PSTW"],
        start=START,
        end=END,
        grain="month",
        level="province",
        indicators=["kehadiran"],
        config=config,
    )
    everywhere = compute(
        facts,
        start=START,
        end=END,
        grain="month",
        level="province",
        indicators=["kehadiran"],
        config=config,
    )
    n_pstw = facts.units.filter(pl.col("type") == "PSTW").height
    label = f"Jenis PSTW ({n_pstw} UPT)"  # the scope's own name, never "Provinsi"
    assert trend[label] == tuple(scope["value"].to_list())
    assert trend[PROVINCE] == tuple(everywhere["value"].to_list())
    assert any(label in s.text_frame.text for s in prs.slides[0].shapes if s.has_text_frame)


def test_ikm_slide_values(whole, facts, config):
    pack, prs = whole
    _trend, elements, units = _charts(_slide(prs, "IKM per UPT dan per unsur"))
    pooled = nrr_by_element(facts, start=START, end=END, config=config)
    assert elements.plots[0].series[0].values == tuple(pooled["nrr"].to_list())
    assert elements.plots[0].categories[0] == "U1 Persyaratan"
    by_unit = compute(
        facts, start=START, end=END, grain="all", level="unit", indicators=["ikm"], config=config
    )
    labels = dict(zip(pack.units["code"], pack.units["label"]))
    bars = dict(_bars(units))
    for code, value, grade in by_unit.select("unit_code", "value", "grade").iter_rows():
        assert bars[f"{labels[code]} · {grade}"] == value


def test_every_slide_names_source_and_period_in_caption_and_notes(whole):
    _, prs = whole
    for slide in prs.slides:
        captions = [s.text_frame.text for s in slide.shapes if s.name == "Sumber"]
        assert captions == [SOURCE]
        assert slide.notes_slide.notes_text_frame.text.startswith(SOURCE)


def test_sample_data_is_marked_on_every_slide(facts, config):
    _, prs = _deck(facts, config, sample_data=True)
    for slide in prs.slides:
        caption = next(s.text_frame.text for s in slide.shapes if s.name == "Sumber")
        assert caption.startswith("Sumber: DATA CONTOH")


def test_numbers_are_written_the_indonesian_way(whole):
    _, prs = whole
    summary = _slide(prs, "Ringkasan")
    table = next(s.table for s in summary.shapes if s.has_table)
    values = [table.cell(r, 1).text for r in range(1, len(table.rows))]
    assert all(re.fullmatch(r"\d{1,3}(\.\d{3})*,\d+%?", v) for v in values), values
    title_text = " ".join(s.text_frame.text for s in prs.slides[0].shapes if s.has_text_frame)
    assert "November 2025 – Oktober 2026" in title_text
    assert "Dibuat 28 November 2026" in title_text
    assert "Dinas Sosial Provinsi Jawa Timur" in title_text


def test_reports_slide_lists_missing_and_late_months(whole):
    pack, prs = whole
    slide = _slide(prs, "Laporan belum masuk dan terlambat")
    table = next(s.table for s in slide.shapes if s.has_table)
    listed = " ".join(table.cell(r, c).text for r in range(1, len(table.rows)) for c in (1, 2))
    missing = pack.reports.filter(~pl.col("reported"))
    assert missing.height > 0
    for period in missing["period"]:
        assert month_short(period) in listed


def test_scorecard_pages_continue_for_many_units(config):
    facts = synthetic_facts(n_units=30, months=3, start=Month(2026, 6))
    pack = build_pack(facts, ExportScope(Month(2026, 6), Month(2026, 8)), config=config)
    prs = Presentation(io.BytesIO(build_deck(pack)))
    titles = [_title(s) for s in prs.slides]
    assert titles.count("Kartu skor UPT") == 1
    assert titles.count("Kartu skor UPT (lanjutan)") == 2  # 31 rows: 11 + 10 + 10
    rows = sum(
        len(next(s.table for s in slide.shapes if s.has_table).rows) - 1
        for slide in prs.slides
        if _title(slide).startswith("Kartu skor UPT")
    )
    assert rows == 31


def test_deck_holds_no_per_employee_rows(facts, config):
    _, prs = _deck(facts, config, include_personal_data=True)
    names = set(facts.kehadiran_pegawai["nama"]) | set(facts.kehadiran_pegawai["nip"])
    texts = [s.text_frame.text for slide in prs.slides for s in slide.shapes if s.has_text_frame]
    texts += [
        c.text
        for slide in prs.slides
        for s in slide.shapes
        if s.has_table
        for row in s.table.rows
        for c in row.cells
    ]
    assert not any(name in t for t in texts for name in names)
