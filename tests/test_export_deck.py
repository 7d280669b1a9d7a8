"""The meeting deck: slides, native charts holding the engine's values, captions, notes."""

from __future__ import annotations

import io
import re
from datetime import date

import polars as pl
import pytest
from export_facts import fixed_config, synthetic_facts
from facts_builder import FactsBuilder
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from upt_dashboard.exports.deck import build_deck
from upt_dashboard.exports.pack import CHART_INDICATORS, COMPOSITES, ExportScope, build_pack
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
    attention = sum(_title(s).startswith("Perlu perhatian") for s in prs.slides)
    assert attention >= 1
    # title, summary, key indicators, attention, one per charted indicator, IKM, scorecard,
    # reports
    assert len(prs.slides) == 3 + attention + len(charted) + 1 + 1 + 1
    assert prs.slide_width * 9 == prs.slide_height * 16
    for indicator_id in charted:
        charts = _charts(_slide(prs, BY_ID[indicator_id].name_id))
        # python-pptx reads a line chart whose target series has no markers as LINE; a
        # composite has no target line (its 100 is the end of its scale)
        line = XL_CHART_TYPE.LINE_MARKERS if indicator_id in COMPOSITES else XL_CHART_TYPE.LINE
        assert [c.chart_type for c in charts] == [line, XL_CHART_TYPE.BAR_CLUSTERED]
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
        if indicator_id == "indeks_disiplin":  # 100 ends its scale; it is no goal
            assert "Target" not in _series(trend)
        else:
            assert set(_series(trend)["Target"]) == {config.band(indicator_id).target}


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
    key = _slide(prs, "Indikator utama, November 2025 – Oktober 2026")
    table = next(s.table for s in key.shapes if s.has_table)
    values = [table.cell(r, 1).text for r in range(1, len(table.rows))]
    number = r"\d{1,3}(\.\d{3})*,\d+%?( \(\d/\d komponen\))?"
    assert all(re.fullmatch(number, v) for v in values), values
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
    tables = [
        next(s.table for s in slide.shapes if s.has_table)
        for slide in prs.slides
        if _title(slide).startswith("Kartu skor UPT")
    ]
    # every page first states the bands the glyphs are read against
    assert all(t.cell(1, 0).text == "Ambang status" for t in tables)
    assert sum(len(t.rows) - 2 for t in tables) == 31


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


@pytest.fixture(scope="module")
def october(facts, config):
    """The meeting deck of one focus month."""
    return _deck_of(facts, config, END, END)


def _deck_of(facts, config, first, last, **scope):
    pack = build_pack(
        facts, ExportScope(first, last, **scope), config=config, made_on=date(2026, 11, 28)
    )
    return pack, Presentation(io.BytesIO(build_deck(pack)))


def test_a_month_deck_opens_with_the_paragraph_and_the_two_indices(october):
    pack, prs = october
    summary = _slide(prs, "Ringkasan Oktober 2026")
    paragraph = next(s for s in summary.shapes if s.name == "Ringkasan bulan ini")
    assert paragraph.text_frame.text == pack.summary_text
    assert pack.summary_text.startswith("Oktober 2026, Provinsi Jawa Timur: ")
    text = " ".join(s.text_frame.text for s in summary.shapes if s.has_text_frame)
    assert "Indeks Disiplin" in text and "dibanding September 2026" in text


def test_a_month_deck_has_a_twelve_month_trend_not_one_dot(october, facts, config):
    _, prs = october
    trend = _charts(_slide(prs, BY_ID["kehadiran"].name_id))[0]
    assert list(trend.plots[0].categories) == [month_short(m) for m in Month.range(START, END)]
    monthly = compute(
        facts, start=START, end=END, grain="month", level="province", config=config
    ).filter(pl.col("indicator_id") == "kehadiran")
    assert _series(trend)[PROVINCE] == tuple(monthly.sort("period_start")["value"].to_list())
    # the ranking is of the month alone
    ranking = _charts(_slide(prs, BY_ID["kehadiran"].name_id))[1]
    month = compute(
        facts, start=END, end=END, grain="month", level="unit", indicators=["kehadiran"],
        config=config,
    )  # fmt: skip
    assert sorted(v for _, v in _bars(ranking))[:-1] != []
    assert {v for c, v in _bars(ranking) if c != PROVINCE} == set(month["value"].drop_nulls())


def test_the_key_indicators_show_the_change_from_the_month_before(october, facts, config):
    _, prs = october
    table = next(
        s.table for s in _slide(prs, "Indikator utama, Oktober 2026").shapes if s.has_table
    )
    header = [table.cell(0, c).text for c in range(len(table.columns))]
    assert header == [
        "Indikator", "Nilai", "Perubahan dari Sep 2026", "Status", "Ambang status", "Dasar"
    ]  # fmt: skip
    rows = {table.cell(r, 0).text: r for r in range(1, len(table.rows))}
    values = {}
    for month in (END, END - 1):
        frame = compute(
            facts, start=month, end=month, grain="month", level="province",
            indicators=["tanpa_keterangan"], config=config,
        )  # fmt: skip
        values[month] = frame["value"][0]
    change = (values[END] - values[END - 1]) * 100
    r = rows["Tidak Masuk Tanpa Keterangan"]
    expected = f"{change:+.2f} poin".replace(".", ",") if round(change, 2) else "0,00 poin"
    assert table.cell(r, 2).text == expected
    assert table.cell(r, 4).text == "Baik ≤ 0,50% · Waspada ≤ 1,00% · Perlu perhatian > 1,00%"


def test_the_attention_slide_has_one_row_per_unit_with_its_reasons(october):
    pack, prs = october
    slides_ = [s for s in prs.slides if _title(s).startswith("Perlu perhatian")]
    assert _title(slides_[0]) == f"Perlu perhatian ({len(pack.attention)} UPT)"
    rows = [
        [table.cell(r, c).text for c in range(3)]
        for slide in slides_
        for table in [next(s.table for s in slide.shapes if s.has_table)]
        for r in range(1, len(table.rows))
    ]
    assert [r[0] for r in rows] == [u.label for u in pack.attention]  # most urgent first
    for row, unit in zip(rows, pack.attention):
        assert row[2] == "\n".join(reason.text for reason in unit.reasons)


def test_a_month_without_anything_to_flag_says_so(config):
    builder = FactsBuilder().unit("A").unit("B")
    for unit in ("A", "B"):
        builder.report(unit, "2026-09").report(unit, "2026-10")
    pack, prs = _deck_of(builder.build(), config, END, END)
    assert pack.attention == ()
    slide = next(s for s in prs.slides if _title(s).startswith("Perlu perhatian"))
    assert _title(slide) == "Perlu perhatian (0 UPT)"
    text = " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
    assert "Tidak ada UPT yang perlu perhatian pada Oktober 2026." in text
