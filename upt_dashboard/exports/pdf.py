"""The month on one A4 page (PDF), for a leader to forward in a messaging group.

From top to bottom: the office and the month; the paragraph that opens
Ringkasan; the two composite indices and the key indicators as cards
(value, status word in its colour, change from the month before); the two
indices' 12-month trends (the dashboard's own charts, drawn by kaleido as
PNG); the units that need attention, most urgent first; the source line.
Everything in Bahasa Indonesia, from the same :class:`~exports.pack.Pack`
as the deck and the workbook.

Written with ReportLab's canvas; the text font is Bitstream Vera, which
ReportLab ships (no system font needed; it has ≥, ≤, – and ·). Raises
``ExportError`` when the charts cannot be drawn (no Chromium), as the
chart images do.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from upt_dashboard.exports import images, text
from upt_dashboard.exports.figures import trend
from upt_dashboard.exports.pack import COMPOSITES, KEY_INDICATORS, Pack
from upt_dashboard.exports.text import msg
from upt_dashboard.indicators.catalogue import BY_ID
from upt_dashboard.views.i18n import speaking
from upt_dashboard.views.palette import NEUTRAL_COLOUR, STATUS_COLOURS, STATUS_TINTS

WIDTH, HEIGHT = A4  # points: 595 × 842
MARGIN = 36
INNER = WIDTH - 2 * MARGIN
FONT, BOLD = "Vera", "VeraBd"
INK, MUTED, PANEL = HexColor("#222222"), HexColor("#595959"), HexColor("#F2F2F2")
ACCENT = HexColor("#332288")  # the deck's title colour
CARD_COLUMNS, CARD_HEIGHT, GAP = 4, 54, 6
CHART_HEIGHT = 178
CHART_PIXELS = (600, 410)  # layout size of each chart; drawn at twice that for sharpness
CARDS: tuple[str, ...] = COMPOSITES + KEY_INDICATORS


def build_pdf(pack: Pack) -> bytes:
    """The one-page A4 brief of ``pack`` as PDF bytes."""
    _register_fonts()
    width, height = CHART_PIXELS
    with speaking("id"):  # the charts' words, as the rest of the page
        figures = [trend(pack, c) for c in COMPOSITES]  # built while Chromium may still start
    with images.warm_browser():
        charts = [images.render(f, "png", width=width, height=height) for f in figures]
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
    canvas.setTitle(f"{msg('export.deck_title')} — {pack.period_name()}")
    canvas.setAuthor(msg("export.office"))
    canvas.setSubject(pack.summary_text)
    top = HEIGHT - MARGIN
    top = _header(canvas, pack, top)
    top = _paragraph(canvas, pack.summary_text, top - 8)
    top = _cards(canvas, pack, top - 10)
    top = _charts(canvas, charts, top - 10)
    _attention(canvas, pack, top - 12, MARGIN + 22)
    _footer(canvas, pack)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _register_fonts() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, "Vera.ttf"))
        pdfmetrics.registerFont(TTFont(BOLD, "VeraBd.ttf"))


def _header(canvas: Canvas, pack: Pack, top: float) -> float:
    canvas.setFillColor(MUTED)
    canvas.setFont(FONT, 8.5)
    canvas.drawString(MARGIN, top - 9, msg("export.office"))
    canvas.setFillColor(ACCENT)
    canvas.setFont(BOLD, 17)
    canvas.drawString(MARGIN, top - 30, f"{msg('export.deck_title')} — {pack.period_name()}")
    canvas.setFillColor(MUTED)
    canvas.setFont(FONT, 8.5)
    canvas.drawString(
        MARGIN,
        top - 44,
        f"{pack.scope_label()} · {msg('export.brief_subtitle')} · "
        f"{msg('export.made_on', date=text.day(pack.made_on))}",
    )
    return top - 50


def _paragraph(canvas: Canvas, words: str, top: float) -> float:
    style = ParagraphStyle("summary", fontName=FONT, fontSize=9.6, leading=13, textColor=INK)
    paragraph = Paragraph(_escape(words), style)
    _, height = paragraph.wrap(INNER - 16, 400)
    canvas.setFillColor(PANEL)
    canvas.rect(MARGIN, top - height - 12, INNER, height + 12, stroke=0, fill=1)
    paragraph.drawOn(canvas, MARGIN + 8, top - height - 6)
    return top - height - 12


@dataclass(frozen=True)
class _Card:
    name: str
    value: str
    status: str | None
    change: str


def _card_data(pack: Pack) -> list[_Card]:
    cards = []
    for indicator_id in CARDS:
        row = pack.row(pack.summary, indicator_id)
        if row is None:
            continue
        indicator = BY_ID[indicator_id]
        value = text.value(indicator, row["value"])
        if row.get("grade"):
            value = f"{value} ({row['grade']})"
        before = (pack.row(pack.previous, indicator_id) or {}).get("value")
        change = text.change(indicator, row["value"], before)
        cards.append(_Card(indicator.name_id, value, row["status"], change))
    return cards


def _cards(canvas: Canvas, pack: Pack, top: float) -> float:
    """The indices and key indicators, four to a row: name, value, status word, change."""
    width = (INNER - GAP * (CARD_COLUMNS - 1)) / CARD_COLUMNS
    cards = _card_data(pack)
    for i, card in enumerate(cards):
        row, column = divmod(i, CARD_COLUMNS)
        x = MARGIN + column * (width + GAP)
        y = top - (row + 1) * CARD_HEIGHT - row * GAP
        colour = STATUS_COLOURS.get(card.status, NEUTRAL_COLOUR)
        canvas.setFillColor(PANEL)
        canvas.rect(x, y, width, CARD_HEIGHT, stroke=0, fill=1)
        canvas.setFillColor(HexColor(colour))
        canvas.rect(x, y, 3.5, CARD_HEIGHT, stroke=0, fill=1)
        canvas.setFillColor(INK)
        canvas.setFont(BOLD, 6.8)
        for n, line in enumerate(simpleSplit(card.name, BOLD, 6.8, width - 12)[:2]):
            canvas.drawString(x + 8, y + CARD_HEIGHT - 10 - n * 8, line)
        canvas.setFont(BOLD, 14)
        canvas.drawString(x + 8, y + 19, card.value)
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, 6.8)
        canvas.drawRightString(x + width - 5, y + 19, card.change)
        status = text.status(card.status)
        canvas.setFillColor(HexColor(STATUS_TINTS.get(card.status, STATUS_TINTS[None])))
        badge = pdfmetrics.stringWidth(status, BOLD, 6.5) + 6
        canvas.roundRect(x + 8, y + 5, badge, 10, 2, stroke=0, fill=1)
        canvas.setFillColor(INK)
        canvas.setFont(BOLD, 6.5)
        canvas.drawString(x + 11, y + 8, status)
    rows = -(-len(cards) // CARD_COLUMNS)
    bottom = top - rows * CARD_HEIGHT - (rows - 1) * GAP
    canvas.setFillColor(MUTED)
    canvas.setFont(FONT, 6.5)
    canvas.drawRightString(
        WIDTH - MARGIN, bottom - 8, msg("export.brief_change_note", before=pack.before_name())
    )
    return bottom - 8


def _charts(canvas: Canvas, charts: Sequence[bytes], top: float) -> float:
    """The two indices' trends side by side, as PNG (the dashboard's own charts)."""
    width = (INNER - 10) / 2
    height = min(CHART_HEIGHT, width * CHART_PIXELS[1] / CHART_PIXELS[0])
    for i, png in enumerate(charts):
        canvas.drawImage(
            ImageReader(io.BytesIO(png)),
            MARGIN + i * (width + 10),
            top - height,
            width,
            height,
            preserveAspectRatio=True,
        )
    return top - height


def _attention(canvas: Canvas, pack: Pack, top: float, bottom: float) -> None:
    """The units that need attention, one line each, as many as the page holds."""
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, 10.5)
    canvas.drawString(MARGIN, top - 10, msg("export.attention_title", n=len(pack.attention)))
    y = top - 26
    if not pack.attention:
        canvas.setFont(FONT, 8.5)
        canvas.drawString(MARGIN, y, msg("export.attention_none", period=pack.period_name()))
        return
    line = 11.5
    fits = int((y - bottom) // line) + 1
    shown = pack.attention if len(pack.attention) <= fits else pack.attention[: fits - 1]
    for unit in shown:
        canvas.setFillColor(HexColor(STATUS_COLOURS[unit.severity]))
        canvas.circle(MARGIN + 3, y + 2.5, 2.6, stroke=0, fill=1)
        canvas.setFillColor(INK)
        canvas.setFont(BOLD, 8)
        canvas.drawString(MARGIN + 10, y, unit.label)
        label = pdfmetrics.stringWidth(unit.label, BOLD, 8)
        reasons = "; ".join(r.text for r in unit.reasons)
        canvas.setFont(FONT, 8)
        room = INNER - 10 - label - 8
        canvas.drawString(MARGIN + 18 + label, y, _fit(reasons, FONT, 8, room))
        y -= line
    if len(shown) < len(pack.attention):
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, 8)
        canvas.drawString(
            MARGIN + 10, y, msg("export.brief_more", n=len(pack.attention) - len(shown))
        )


def _footer(canvas: Canvas, pack: Pack) -> None:
    canvas.setStrokeColor(HexColor("#D9D9D9"))
    canvas.line(MARGIN, MARGIN + 12, WIDTH - MARGIN, MARGIN + 12)
    canvas.setFillColor(MUTED)
    canvas.setFont(FONT, 6.5)
    for i, line in enumerate(simpleSplit(pack.source(), FONT, 6.5, INNER)[:2]):
        canvas.drawString(MARGIN, MARGIN + 3 - i * 8, line)


def _fit(words: str, font: str, size: float, room: float) -> str:
    """``words`` cut with an ellipsis to fit ``room`` points (a binary search on the length)."""
    if pdfmetrics.stringWidth(words, font, size) <= room:
        return words
    low, high = 0, len(words)
    while low < high:
        middle = (low + high + 1) // 2
        if pdfmetrics.stringWidth(words[:middle] + "…", font, size) <= room:
            low = middle
        else:
            high = middle - 1
    return words[:low].rstrip(" ;,") + "…"


def _escape(words: str) -> str:
    """Plain text for a ReportLab Paragraph (which reads a little XML)."""
    return words.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
