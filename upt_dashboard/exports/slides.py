"""Slide building blocks: a 16:9 page with title, caption and notes; native charts; tables.

``exports.deck`` decides what goes on which slide; this module decides how
it looks, so every slide shares the same grid, fonts and colours (the
dashboard's palettes from ``ui.palette``). Charts are native PowerPoint
charts (``CategoryChartData`` + ``add_chart``): the reader can restyle them
and edit their data in PowerPoint.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.presentation import Presentation as Deck
from pptx.slide import Slide
from pptx.util import Emu, Inches, Length, Pt

WIDTH, HEIGHT = Emu(12192000), Emu(6858000)  # 16:9, as PowerPoint makes it
MARGIN = Inches(0.5)
CONTENT_TOP = Inches(1.45)
CONTENT_BOTTOM = Inches(6.75)
FONT = "Calibri"
INK = RGBColor(0x22, 0x22, 0x22)
MUTED = RGBColor(0x59, 0x59, 0x59)
ACCENT = RGBColor(0x33, 0x22, 0x88)  # first colour of the unit-type palette
GRID = RGBColor(0xD9, 0xD9, 0xD9)
HEADER_FILL = RGBColor(0xF2, 0xF2, 0xF2)
_BLANK_LAYOUT = 6


def rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide, in EMU."""

    left: int
    top: int
    width: int
    height: int

    def emu(self) -> tuple[Length, Length, Length, Length]:
        """left, top, width, height as python-pptx takes them."""
        return Emu(self.left), Emu(self.top), Emu(self.width), Emu(self.height)

    def split(self, parts: int, gap: int = Inches(0.3)) -> list[Box]:
        """Side-by-side boxes of equal width."""
        width = (self.width - gap * (parts - 1)) // parts
        return [
            Box(self.left + i * (width + gap), self.top, width, self.height) for i in range(parts)
        ]

    def stack(self, parts: int, gap: int = Inches(0.2)) -> list[Box]:
        """Boxes of equal height, one above the other."""
        height = (self.height - gap * (parts - 1)) // parts
        return [
            Box(self.left, self.top + i * (height + gap), self.width, height) for i in range(parts)
        ]


CONTENT = Box(MARGIN, CONTENT_TOP, WIDTH - 2 * MARGIN, CONTENT_BOTTOM - CONTENT_TOP)


def new_presentation() -> Deck:
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    return prs


def add_slide(prs: Deck, title: str, subtitle: str, source: str, notes: str = "") -> Slide:
    """A blank 16:9 slide with its title, subtitle, the source caption and notes.

    The source line goes both in a caption at the foot of the slide and at
    the top of the speaker notes, so a slide copied into another deck still
    says where its numbers come from.
    """
    slide = prs.slides.add_slide(prs.slide_layouts[_BLANK_LAYOUT])
    text(
        slide,
        Box(MARGIN, Inches(0.35), CONTENT.width, Inches(0.6)),
        title,
        size=26,
        bold=True,
        colour=INK,
    )
    if subtitle:
        text(
            slide,
            Box(MARGIN, Inches(0.92), CONTENT.width, Inches(0.4)),
            subtitle,
            size=14,
            colour=MUTED,
        )
    if title:
        rule = slide.shapes.add_shape(
            MSO_SHAPE.RECTANGLE, MARGIN, Inches(1.32), Inches(1.2), Emu(Pt(3))
        )
        _fill(rule, ACCENT)
    number = len(prs.slides)
    caption = text(
        slide,
        Box(MARGIN, Inches(6.95), CONTENT.width - Inches(0.6), Inches(0.35)),
        source,
        size=10,
        colour=MUTED,
    )
    caption.name = "Sumber"
    text(
        slide,
        Box(WIDTH - MARGIN - Inches(0.6), Inches(6.95), Inches(0.6), Inches(0.35)),
        str(number),
        size=10,
        colour=MUTED,
        align=PP_ALIGN.RIGHT,
    )
    slide.notes_slide.notes_text_frame.text = "\n\n".join(p for p in (source, notes) if p)
    return slide


def text(
    slide: Slide,
    box: Box,
    content: str | Sequence[str],
    *,
    size: int = 14,
    bold: bool = False,
    colour: RGBColor = INK,
    align=PP_ALIGN.LEFT,
    anchor=MSO_ANCHOR.TOP,
):
    """A text box; a sequence gives one paragraph per item."""
    shape = slide.shapes.add_textbox(*box.emu())
    frame = shape.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    frame.margin_left = frame.margin_right = 0
    lines = [content] if isinstance(content, str) else list(content)
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = align
        run = paragraph.add_run()
        run.text = line
        _font(run.font, size, bold, colour)
    return shape


def card(
    slide: Slide, box: Box, label: str, value: str, status: str, colour: str, detail: Sequence[str]
) -> None:
    """A headline number: label, big value and status (word and colour) on the left,
    detail lines (what the number is made of) on the right."""
    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, *box.emu())
    _fill(shape, HEADER_FILL)
    band = slide.shapes.add_shape(
        MSO_SHAPE.RECTANGLE, Emu(box.left), Emu(box.top), Inches(0.12), Emu(box.height)
    )
    _fill(band, rgb(colour))
    inner = Box(
        box.left + Inches(0.35),
        box.top + Inches(0.15),
        box.width - Inches(0.55),
        box.height - Inches(0.3),
    )
    text(slide, Box(inner.left, inner.top, inner.width, Inches(0.4)), label, size=15, bold=True)
    body = Box(inner.left, inner.top + Inches(0.4), inner.width, inner.height - Inches(0.4))
    left, right = body.split(2, gap=Inches(0.25))
    text(
        slide,
        Box(left.left, left.top, left.width, Inches(0.8)),
        value,
        size=40,
        bold=True,
        colour=ACCENT,
    )
    text(
        slide,
        Box(left.left, left.top + Inches(0.8), left.width, Inches(0.4)),
        status,
        size=14,
        bold=True,
        colour=rgb(colour),
    )
    text(slide, right, detail, size=10, colour=MUTED, anchor=MSO_ANCHOR.MIDDLE)


@dataclass(frozen=True)
class Axis:
    """A value axis with round bounds and step, and the format of its tick labels."""

    low: float
    high: float
    step: float
    number_format: str

    @classmethod
    def around(cls, values: Sequence[float | None], percent: bool) -> Axis:
        """Round bounds around ``values`` (and any marks among them), about 5 steps.

        Like the dashboard's trend charts the axis hugs the data instead of
        starting at zero, so a move from 92% to 95% stays visible; it never
        goes below zero for data that cannot.
        """
        points = [v for v in values if v is not None] or [0.0, 1.0]
        low, high = min(points), max(points)
        pad = (high - low) * 0.08 or abs(high) * 0.05 or 1.0
        raw = (high - low + 2 * pad) / 5
        magnitude = 10 ** math.floor(math.log10(raw))
        step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
        bottom = math.floor((low - pad) / step) * step
        if low >= 0:
            bottom = max(bottom, 0.0)
        top = math.ceil((high + pad) / step) * step
        shown = step * (100 if percent else 1)
        decimals = next(d for d in range(5) if abs(round(shown, d) - shown) < 1e-9)
        zeros = "." + "0" * decimals if decimals else ""
        return cls(bottom, top, step, f"0{zeros}%" if percent else f"#,##0{zeros}")


@dataclass(frozen=True)
class Series:
    """One series of a native chart; ``colours`` (per point) override ``colour``."""

    name: str
    values: Sequence[float | None]
    colour: str
    dashed: bool = False
    markers: bool = True
    colours: Sequence[str] | None = None


def line_chart(
    slide: Slide,
    box: Box,
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    number_format: str,
    axis: Axis,
):
    """A native line chart (one line per series); gaps where a value is None.

    ``number_format`` is the values' own format (kept with the chart data);
    ``axis`` sets the value axis.
    """
    chart = _chart(slide, box, XL_CHART_TYPE.LINE_MARKERS, title, categories, series, number_format)
    value_axis = chart.value_axis
    value_axis.minimum_scale, value_axis.maximum_scale = axis.low, axis.high
    value_axis.major_unit = axis.step
    value_axis.tick_labels.number_format = axis.number_format
    for plot_series, spec in zip(chart.plots[0].series, series):
        plot_series.smooth = False
        line = plot_series.format.line
        line.color.rgb = rgb(spec.colour)
        line.width = Pt(1.5 if spec.dashed else 2.5)
        if spec.dashed:
            line.dash_style = MSO_LINE_DASH_STYLE.DASH
        marker = plot_series.marker
        marker.style = XL_MARKER_STYLE.CIRCLE if spec.markers else XL_MARKER_STYLE.NONE
        if spec.markers:
            marker.size = 5
            _fill(marker.format, rgb(spec.colour))
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(10)
    chart.value_axis.has_major_gridlines = True
    chart.value_axis.major_gridlines.format.line.color.rgb = GRID
    chart.value_axis.format.line.fill.background()
    chart.category_axis.format.line.color.rgb = GRID
    return chart


def bar_chart(
    slide: Slide,
    box: Box,
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    number_format: str,
    *,
    label_size: int = 9,
):
    """A native horizontal bar chart, first category at the top, values on the bars.

    Several series overlap fully: give each category a value in one series
    only (None elsewhere) to colour bars by group and get a legend.
    """
    chart = _chart(
        slide, box, XL_CHART_TYPE.BAR_CLUSTERED, title, categories, series, number_format
    )
    plot = chart.plots[0]
    plot.gap_width = 40
    plot.overlap = 100
    plot.vary_by_categories = False
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = number_format
    labels.number_format_is_linked = False
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    labels.font.size = Pt(label_size)
    for bars, spec in zip(plot.series, series):
        _fill(bars.format, rgb(spec.colour))
        for i, colour in enumerate(spec.colours or ()):
            if colour != spec.colour:
                _fill(bars.points[i].format, rgb(colour))
    chart.has_legend = len(series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(10)
    chart.category_axis.reverse_order = True  # PowerPoint draws the first category last
    _label_every_category(chart)
    chart.category_axis.tick_labels.font.size = Pt(label_size)
    chart.category_axis.format.line.color.rgb = GRID
    chart.value_axis.visible = False  # the labels carry the values
    chart.value_axis.has_major_gridlines = False
    return chart


def table(
    slide: Slide,
    box: Box,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    widths: Sequence[float] | None = None,
    fills: Sequence[Sequence[str | None]] = (),
    size: int = 11,
    header_size: int | None = None,
    bold_rows: Sequence[int] = (),
):
    """A table with a grey header row; ``fills`` gives optional cell colours per row.

    ``widths`` are relative column widths. Text sizes are fixed (no
    autofit), so callers page long tables instead of shrinking them.
    """
    left, top, width, _ = box.emu()
    shape = slide.shapes.add_table(
        len(rows) + 1, len(header), left, top, width, Emu(Inches(0.3) * (len(rows) + 1))
    )
    grid = shape.table
    grid.first_row = True
    weights = list(widths or [1] * len(header))
    for i, weight in enumerate(weights):
        grid.columns[i].width = Emu(int(box.width * weight / sum(weights)))
    for c, label in enumerate(header):
        _cell(grid.cell(0, c), label, header_size or size, True, HEADER_FILL)
    for r, row in enumerate(rows, start=1):
        row_fills = fills[r - 1] if r - 1 < len(fills) else ()
        for c, value in enumerate(row):
            fill = row_fills[c] if c < len(row_fills) else None
            _cell(
                grid.cell(r, c),
                value,
                size,
                r - 1 in bold_rows,
                rgb(fill) if fill else RGBColor(0xFF, 0xFF, 0xFF),
            )
    return shape


def _chart(
    slide: Slide,
    box: Box,
    kind,
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    number_format: str,
):
    data = CategoryChartData(number_format=number_format)
    data.categories = list(categories)
    for spec in series:
        data.add_series(spec.name, list(spec.values))
    frame = slide.shapes.add_chart(kind, *box.emu(), data)  # type: ignore[arg-type]
    chart = frame.chart  # type: ignore[attr-defined]  # stubs type add_chart as the Chart
    chart.font.size = Pt(10)
    chart.font.name = FONT
    chart.has_title = True
    chart.chart_title.text_frame.text = title
    _font(chart.chart_title.text_frame.paragraphs[0].runs[0].font, 13, True, INK)
    axis = chart.value_axis.tick_labels
    axis.number_format = number_format
    axis.number_format_is_linked = False
    return chart


def _label_every_category(chart) -> None:
    """Name every bar: viewers otherwise skip labels when bars are close together."""
    axis = chart.category_axis._element
    skip = axis.find(qn("c:tickLblSkip"))
    if skip is None:
        skip = OxmlElement("c:tickLblSkip")
        axis.insert_element_before(skip, "c:tickMarkSkip", "c:noMultiLvlLbl", "c:extLst")
    skip.set("val", "1")


def _cell(cell, value: str, size: int, bold: bool, fill: RGBColor) -> None:
    cell.fill.solid()
    cell.fill.fore_color.rgb = fill
    cell.margin_left = cell.margin_right = Inches(0.06)
    cell.margin_top = cell.margin_bottom = Inches(0.03)
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    frame = cell.text_frame
    frame.word_wrap = True
    frame.text = value
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            _font(run.font, size, bold, INK)


def _font(font, size: int, bold: bool, colour: RGBColor) -> None:
    font.size = Pt(size)
    font.bold = bold
    font.name = FONT
    font.color.rgb = colour


def _fill(owner, colour: RGBColor) -> None:
    """Solid fill and no outline; ``owner`` is an autoshape or a chart ``.format``."""
    owner.fill.solid()
    owner.fill.fore_color.rgb = colour
    owner.line.fill.background()
    style = owner._element.find(qn("p:style")) if hasattr(owner, "shadow") else None
    if style is not None:
        # An autoshape's theme style adds a drop shadow that some viewers draw
        # even when told not to; fill and line are explicit, so drop the style.
        owner._element.remove(style)
