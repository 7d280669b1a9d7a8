"""The meeting deck (.pptx): what goes on which slide, from a :class:`~exports.pack.Pack`.

Slides, in order: title; the month in one paragraph with the two composite
indices; the key indicators with their change from the month before and the
bands that give their status; the units that need attention; one slide per
charted indicator with its 12-month trend and the units ranked beside the
province value (native, editable charts); IKM by unit and by element; the
unit scorecard; missing and late reports. Indicators with no value in the
scope (e.g. complaint resolution where no complaint came in) get no slide.
Long tables continue on further slides rather than shrinking their text.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence

import polars as pl
from pptx import Presentation
from pptx.util import Inches

from upt_dashboard.exports import slides, text
from upt_dashboard.exports.pack import CHART_INDICATORS, COMPOSITES, KEY_INDICATORS, Pack
from upt_dashboard.exports.slides import CONTENT, Axis, Box, Series
from upt_dashboard.exports.text import msg
from upt_dashboard.indicators.catalogue import BY_ID, Direction, Method, Unit
from upt_dashboard.indicators.composite import composite_formula
from upt_dashboard.indicators.engine import PROVINCE
from upt_dashboard.indicators.ikm import grade_label
from upt_dashboard.indicators.status import MERAH
from upt_dashboard.views.names import STATUS_GLYPHS
from upt_dashboard.views.palette import (
    NEUTRAL_COLOUR,
    PROVINCE_COLOUR,
    STATUS_COLOURS,
    STATUS_TINTS,
    TARGET_COLOUR,
    unit_type_colours,
)

SCORECARD_ROWS = 13
REPORT_ROWS = 10
ATTENTION_LINES = 24  # text lines of reasons per attention slide
LINE_CHARS = 115  # characters of a reason per line at 11 pt in the reasons column
SCOPE_COLOUR = "#332288"  # the deck's accent: the chosen scope against the province


def build_deck(pack: Pack) -> bytes:
    """The deck of ``pack`` as .pptx bytes."""
    prs = slides.new_presentation()
    source = pack.source()
    _title_slide(prs, pack, source)
    _summary_slide(prs, pack, source)
    _key_slide(prs, pack, source)
    _attention_slides(prs, pack, source)
    for indicator_id in CHART_INDICATORS:
        if pack.has_value(indicator_id):
            _indicator_slide(prs, pack, indicator_id, source)
    if pack.has_value("ikm"):
        _ikm_slide(prs, pack, source)
    _scorecard_slides(prs, pack, source)
    _report_slides(prs, pack, source)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def _title_slide(prs: Presentation, pack: Pack, source: str) -> None:
    slide = slides.add_slide(prs, "", "", source)
    period = pack.period_name()
    slides.text(
        slide,
        Box(slides.MARGIN, Inches(2.0), CONTENT.width, Inches(0.5)),
        msg("export.office"),
        size=20,
        colour=slides.MUTED,
    )
    slides.text(
        slide,
        Box(slides.MARGIN, Inches(2.6), CONTENT.width, Inches(1.1)),
        msg("export.deck_title"),
        size=44,
        bold=True,
        colour=slides.ACCENT,
    )
    slides.text(
        slide,
        Box(slides.MARGIN, Inches(3.7), CONTENT.width, Inches(1.6)),
        [
            msg("export.deck_subtitle"),
            f"{period} · {pack.scope_label()}",
            msg("export.made_on", date=text.day(pack.made_on)),
        ],
        size=18,
    )


def _summary_slide(prs: Presentation, pack: Pack, source: str) -> None:
    """The month in one paragraph (the one that opens Ringkasan), the two indices below."""
    notes = [msg("export.summary_notes"), *(composite_formula(c, pack.config) for c in COMPOSITES)]
    slide = slides.add_slide(
        prs,
        msg("export.summary_title", period=pack.period_name()),
        pack.scope_label(),
        source,
        "\n".join(notes),
    )
    cards = Box(
        CONTENT.left, CONTENT.top + CONTENT.height - Inches(1.85), CONTENT.width, Inches(1.85)
    )
    slides.text(
        slide,
        Box(CONTENT.left, CONTENT.top, CONTENT.width, cards.top - CONTENT.top - Inches(0.2)),
        pack.summary_text,
        size=17,
    ).name = "Ringkasan bulan ini"
    for box, composite_id in zip(cards.split(2), COMPOSITES):
        row = pack.row(pack.summary, composite_id) or {}
        indicator = BY_ID[composite_id]
        before = (pack.row(pack.previous, composite_id) or {}).get("value")
        detail = [
            msg(
                "export.card_change",
                change=text.change(indicator, row.get("value"), before),
                before=pack.before_name(),
            ),
            text.bands(indicator, pack.config),
            text.coverage(indicator, row, pack.config),  # "5/5 komponen" or why it is empty
        ]
        if not pack.scope.whole_province:
            province = (pack.row(pack.province, composite_id) or {}).get("value")
            detail.insert(0, msg("export.card_province", value=text.value(indicator, province)))
        slides.card(
            slide,
            box,
            indicator.name_id,
            text.value(indicator, row.get("value")),
            text.status_text(row.get("status")),
            STATUS_COLOURS.get(row.get("status"), NEUTRAL_COLOUR),
            [d for d in detail if d],
        )


def _key_slide(prs: Presentation, pack: Pack, source: str) -> None:
    """The composites and key indicators: value, change, status and the bands behind it."""
    slide = slides.add_slide(
        prs,
        msg("export.key_title", period=pack.period_name()),
        _subtitle(pack),
        source,
        msg("export.key_notes"),
    )
    header = [
        msg("export.col_indicator"),
        msg("export.col_value"),
        msg("export.col_change", before=text.span_short(*pack.scope.before)),
        msg("export.col_status"),
        msg("export.col_bands"),
        msg("export.col_basis"),
    ]
    rows, fills = [], []
    for indicator_id in (*COMPOSITES, *KEY_INDICATORS):
        row = pack.row(pack.summary, indicator_id)
        if row is None:
            continue
        indicator = BY_ID[indicator_id]
        before = (pack.row(pack.previous, indicator_id) or {}).get("value")
        rows.append(
            [
                indicator.name_id,
                text.row_value(indicator, row, pack.config),
                text.change(indicator, row["value"], before),
                text.status_text(row["status"]),
                text.bands(indicator, pack.config),
                msg("export.basis", n=text.number(row["n"]), label=indicator.n_label),
            ]
        )
        fills.append([None, None, None, STATUS_TINTS.get(row["status"]), None, None])
    slides.table(
        slide,
        CONTENT,
        header,
        rows,
        widths=[2.7, 1.9, 1.2, 1.5, 3.2, 1.6],
        fills=fills,
        size=11,
        header_size=10,
    )


def _attention_slides(prs: Presentation, pack: Pack, source: str) -> None:
    """One row per unit that needs attention, most urgent first, reasons with thresholds."""
    title = msg("export.attention_title", n=len(pack.attention))
    notes = msg(
        "export.attention_notes",
        days=pack.config.complaint_working_days,
        tk=pack.config.monthly_tk_flag,
    )
    lines = [
        (
            [u.label, text.status_text(u.severity), "\n".join(r.text for r in u.reasons)],
            sum(-(-len(r.text) // LINE_CHARS) for r in u.reasons),
            u.severity,
        )
        for u in pack.attention
    ]
    header = [msg("export.col_unit"), msg("export.col_status"), msg("export.col_reasons")]
    box = Box(CONTENT.left, CONTENT.top, CONTENT.width, CONTENT.height - Inches(0.4))
    for page, chunk in enumerate(_pages_by_lines(lines, ATTENTION_LINES) or [[]]):
        slide = slides.add_slide(
            prs,
            title if page == 0 else msg("export.continued", title=title),
            _subtitle(pack),
            source,
            notes,
        )
        if chunk:
            slides.table(
                slide,
                box,
                header,
                [cells for cells, _, _ in chunk],
                widths=[1.7, 1.5, 8.1],
                fills=[[None, STATUS_TINTS[severity], None] for _, _, severity in chunk],
                size=11,
            )
        else:
            slides.text(
                slide, box, msg("export.attention_none", period=pack.period_name()), size=18
            )
        slides.text(
            slide,
            Box(
                CONTENT.left, CONTENT.top + CONTENT.height - Inches(0.3), CONTENT.width, Inches(0.3)
            ),
            msg("export.attention_legend"),
            size=10,
            colour=slides.MUTED,
        )


def _pages_by_lines(items: Sequence[tuple], most: int) -> list[list[tuple]]:
    """Rows ``(cells, lines, …)`` in pages of at most ``most`` text lines (a row never split)."""
    pages: list[list[tuple]] = []
    used = most
    for item in items:
        if used + item[1] > most and (not pages or pages[-1]):
            pages.append([])
            used = 0
        pages[-1].append(item)
        used += item[1]
    return pages


def _indicator_slide(prs: Presentation, pack: Pack, indicator_id: str, source: str) -> None:
    indicator = BY_ID[indicator_id]
    notes = [
        msg(
            "export.indicator_notes",
            formula=indicator.formula,
            standard=indicator.standard,
            description=indicator.description,
        ),
        msg("export.ranking_notes"),
    ]
    slide = slides.add_slide(
        prs, indicator.name_id, _indicator_subtitle(pack, indicator_id), source, "\n".join(notes)
    )
    left, right = CONTENT.split(2)
    _trend_chart(slide, left, pack, indicator_id)
    categories, series = _ranking(pack, indicator_id, lambda r: r["label"])
    slides.bar_chart(
        slide,
        right,
        msg("export.ranking_chart", period=pack.period_name()),
        categories,
        series,
        text.excel_format(indicator),
        label_size=_label_size(len(categories)),
    )


def _trend_chart(slide, box: Box, pack: Pack, indicator_id: str) -> None:
    """Scope (and province, when the scope is narrower) per month, with the target."""
    indicator = BY_ID[indicator_id]
    series = []
    if not pack.scope.whole_province:
        series.append(
            Series(pack.scope_label(), pack.monthly(pack.trend, indicator_id), SCOPE_COLOUR)
        )
    series.append(
        Series(
            msg("export.series_province"),
            pack.monthly(pack.province_trend, indicator_id),
            PROVINCE_COLOUR,
        )
    )
    bands = pack.config.band(indicator_id)
    targets = (
        [
            ("export.series_target_min", bands.target_min),
            ("export.series_target_max", bands.target_max),
        ]
        if indicator.direction is Direction.TARGET_RANGE
        else []  # a composite's 100 is the end of its scale, not a goal (views.series)
        if indicator.method is Method.COMPOSITE
        else [("export.series_target", bands.target)]
    )
    for key, target in targets:
        if target is not None:
            series.append(
                Series(
                    msg(key), [target] * len(pack.months), TARGET_COLOUR, dashed=True, markers=False
                )
            )
    axis = Axis.around(
        [v for s in series for v in s.values], percent=indicator.unit is Unit.PERCENT
    )
    slides.line_chart(
        slide,
        box,
        msg("export.trend_chart"),
        [text.month_short(m) for m in pack.months],
        series,
        text.excel_format(indicator),
        axis,
    )


def _ranking(pack: Pack, indicator_id: str, label) -> tuple[list[str], list[Series]]:
    """Units best first with the province between them; one series per unit type.

    One series per type (overlapping fully, so each bar sits on its own
    category) gives the bars the dashboard's type colours and a legend;
    the province is its own dark series.
    """
    province = pack.row(pack.province, indicator_id) or {}
    rows = pack.ranked(indicator_id).to_dicts()
    if province.get("value") is not None:
        higher = BY_ID[indicator_id].direction is not Direction.LOWER
        position = next(
            (
                i
                for i, r in enumerate(rows)
                if (r["value"] < province["value"]) == higher and r["value"] != province["value"]
            ),
            len(rows),
        )
        rows.insert(
            position,
            {
                **province,
                "label": msg("export.series_province"),
                "type": PROVINCE,
                "grade": province.get("grade"),
            },
        )
    colours = unit_type_colours(pack.unit_types["type"])
    colours[PROVINCE] = PROVINCE_COLOUR
    groups = sorted({r["type"] for r in rows if r["type"] != PROVINCE})
    if province.get("value") is not None:
        groups.append(PROVINCE)  # last in the legend
    series = [
        Series(
            msg("export.series_province") if g == PROVINCE else g,
            [r["value"] if r["type"] == g else None for r in rows],
            colours[g],
        )
        for g in groups
    ]
    return [label(r) for r in rows], series


def _ikm_slide(prs: Presentation, pack: Pack, source: str) -> None:
    row = pack.row(pack.summary, "ikm")
    subtitle = msg(
        "export.ikm_subtitle",
        scope=pack.scope_label(),
        value=text.value(BY_ID["ikm"], row["value"]),
        grade=row["grade"] or "—",
        label=grade_label(row["grade"]) if row["grade"] else "—",
        n=text.number(row["n"]),
        required=text.number(row["sample_required"]),
    )
    slide = slides.add_slide(
        prs, msg("export.ikm_title"), subtitle, source, msg("export.ikm_notes")
    )
    left, right = CONTENT.split(2)
    trend_box, elements_box = left.stack(2)
    _trend_chart(slide, trend_box, pack, "ikm")
    elements = pack.ikm_elements.filter(pl.col("nrr").is_not_null())
    weakest = elements.sort("nrr").row(0, named=True)
    slides.bar_chart(
        slide,
        elements_box,
        msg("export.ikm_elements_chart", element=weakest["element"].upper()),
        [f"{e.upper()} {n}" for e, n in zip(elements["element"], elements["name"])],
        [
            Series(
                "NRR",
                elements["nrr"].to_list(),
                NEUTRAL_COLOUR,
                colours=[
                    STATUS_COLOURS[MERAH] if e == weakest["element"] else NEUTRAL_COLOUR
                    for e in elements["element"]
                ],
            )
        ],
        "0.00",
        label_size=9,
    )
    categories, series = _ranking(pack, "ikm", lambda r: f"{r['label']} · {r['grade'] or '—'}")
    slides.bar_chart(
        slide,
        right,
        msg("export.ikm_units_chart"),
        categories,
        series,
        "0.00",
        label_size=_label_size(len(categories)),
    )


def _scorecard_slides(prs: Presentation, pack: Pack, source: str) -> None:
    columns = [c for c in (*COMPOSITES, *KEY_INDICATORS) if pack.has_value(c)]
    header = [msg("export.col_unit"), *(BY_ID[c].name_id for c in columns)]
    lines = [(msg("export.total_row", scope=pack.scope_label()), PROVINCE)] + list(
        zip(pack.units["label"], pack.units["code"])
    )
    rule = [msg("export.bands_row"), *(text.glyph_bands(BY_ID[c], pack.config) for c in columns)]
    for page, chunk in enumerate(_pages(lines, SCORECARD_ROWS)):
        title = msg("export.scorecard_title")
        slide = slides.add_slide(
            prs,
            title if page == 0 else msg("export.continued", title=title),
            _subtitle(pack),
            source,
            msg("export.status_legend"),
        )
        rows, fills = [rule], [[None] * len(rule)]  # each page says the bands first
        for label, code in chunk:
            frame = pack.summary if code == PROVINCE else pack.by_unit
            cells = [pack.row(frame, c, code) or {} for c in columns]
            rows.append([label, *(_scored(pack, c, cell) for c, cell in zip(columns, cells))])
            fills.append(
                [
                    None,
                    *(
                        STATUS_TINTS.get(cell.get("status")) if cell.get("status") else None
                        for cell in cells
                    ),
                ]
            )
        box = Box(CONTENT.left, CONTENT.top, CONTENT.width, CONTENT.height - Inches(0.4))
        slides.table(
            slide,
            box,
            header,
            rows,
            widths=[1.7] + [1.0] * len(columns),
            fills=fills,
            size=10,
            header_size=8,
            bold_rows=[1] if page == 0 else [],
        )
        slides.text(
            slide,
            Box(
                CONTENT.left, CONTENT.top + CONTENT.height - Inches(0.3), CONTENT.width, Inches(0.3)
            ),
            msg("export.status_legend"),
            size=10,
            colour=slides.MUTED,
        )


def _report_slides(prs: Presentation, pack: Pack, source: str) -> None:
    reports = pack.reports
    missing = reports.filter(~pl.col("reported"))
    late = reports.filter(pl.col("reported") & ~pl.col("on_time"))
    complete = pack.row(pack.summary, "kelengkapan_laporan") or {}
    timely = pack.row(pack.summary, "ketepatan_laporan") or {}
    summary = msg(
        "export.reports_summary",
        complete=text.value(BY_ID["kelengkapan_laporan"], complete.get("value")),
        timely=text.value(BY_ID["ketepatan_laporan"], timely.get("value")),
        missing=text.number(missing.height),
        late=text.number(late.height),
    )
    notes = msg("export.reports_deadline", day=pack.config.report_deadline_day)
    lines = []
    for code, label in zip(pack.units["code"], pack.units["label"]):
        gone = missing.filter(pl.col("unit_code") == code)["period"]
        slow = late.filter(pl.col("unit_code") == code)
        if gone.len() or slow.height:
            lines.append(
                [
                    label,
                    ", ".join(text.month_short(m) for m in gone) or "—",
                    ", ".join(
                        f"{text.month_short(m)} ({text.day_month(d)})"
                        for m, d in zip(slow["period"], slow["first_upload"])
                    )
                    or "—",
                ]
            )
    title = msg("export.reports_title")
    header = [msg("export.col_unit"), msg("export.col_missing"), msg("export.col_late")]
    for page, chunk in enumerate(_pages(lines, REPORT_ROWS) if lines else [[]]):
        slide = slides.add_slide(
            prs,
            title if page == 0 else msg("export.continued", title=title),
            summary,
            source,
            f"{notes}\n{BY_ID['ketepatan_laporan'].description}",
        )
        box = Box(CONTENT.left, CONTENT.top, CONTENT.width, CONTENT.height - Inches(0.4))
        if chunk:
            slides.table(slide, box, header, chunk, widths=[1.6, 3.2, 4.2], size=11)
        else:
            slides.text(slide, box, msg("export.reports_none"), size=18)
        slides.text(
            slide,
            Box(
                CONTENT.left, CONTENT.top + CONTENT.height - Inches(0.3), CONTENT.width, Inches(0.3)
            ),
            notes,
            size=10,
            colour=slides.MUTED,
        )


def _subtitle(pack: Pack) -> str:
    return f"{pack.scope_label()} · {pack.period_name()}"


def _indicator_subtitle(pack: Pack, indicator_id: str) -> str:
    indicator = BY_ID[indicator_id]
    row = pack.row(pack.summary, indicator_id) or {}
    before = (pack.row(pack.previous, indicator_id) or {}).get("value")
    return msg(
        "export.indicator_subtitle",
        scope=pack.scope_label(),
        period=pack.period_name(),
        value=text.value(indicator, row.get("value")),
        change=text.change(indicator, row.get("value"), before),
        status=text.status(row.get("status")),
        bands=text.bands(indicator, pack.config),
    )


def _scored(pack: Pack, indicator_id: str, row: dict) -> str:
    value = text.row_value(BY_ID[indicator_id], row, pack.config)
    glyph = STATUS_GLYPHS.get(row.get("status"), "")
    return f"{value} {glyph}".strip()


def _label_size(count: int) -> int:
    """Smaller bar labels when many units share the chart height."""
    return 10 if count <= 14 else 9 if count <= 22 else 8


def _pages(items: Sequence, most: int) -> Iterator[Sequence]:
    """Chunks of at most ``most`` items, balanced so no page holds a lone straggler."""
    count = -(-len(items) // most)
    size = -(-len(items) // count)
    for start in range(0, len(items), size):
        yield items[start : start + size]
