"""Plotly figure builders shared by the pages and the exports (no Streamlit).

Every figure carries a title, axis titles with their unit, and a caption
under the plot naming the period and the data source, so a chart copied
into a slide still says what it shows. Colours come from ``ui.palette``
only. Input frames are tidy polars frames; column names are given by the
caller where they vary.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import plotly.graph_objects as go
import polars as pl

from upt_dashboard.indicators.catalogue import Direction
from upt_dashboard.indicators.status import HIJAU, KUNING, MERAH
from upt_dashboard.views import format as fmt
from upt_dashboard.views.palette import (
    NEUTRAL_COLOUR,
    PROVINCE_COLOUR,
    SCOPE_COLOUR,
    STATUS_COLOURS,
    TARGET_COLOUR,
    UNIT_TYPE_PALETTE,
)

FONT = "Source Sans Pro, Arial, sans-serif"
MAX_TICKS = 8
ZONE_OPACITY = 0.10
# Up to this many lines each get a colour of their own; beyond it colours
# repeat with another dash pattern, so no two lines look alike.
MAX_COLOURED_SERIES = 8
DASHES = ("solid", "dash", "dot", "dashdot")
VALUE_LABEL_CHARS_PX = 7.5  # width of a value label's character at the chart font size


@dataclass(frozen=True)
class Labels:
    """The words on a figure, already in the interface language."""

    title: str
    caption: str  # period and data source; "<br>" breaks the line
    value_title: str = ""  # the value axis, with its unit
    category_title: str = ""  # the other axis


@dataclass(frozen=True)
class Scale:
    """How an indicator's values appear on an axis and in hover text.

    ``tickformat``/``hoverformat`` are d3 formats: percentages are stored as
    fractions and shown with ``%``; plotly applies the language's decimal
    mark through ``layout.separators``.
    """

    tickformat: str = ""
    hoverformat: str = ",.1f"

    @classmethod
    def for_unit(cls, unit: str, decimals: int) -> Scale:
        if unit == "percent":
            return cls(".0%", f".{decimals}%")
        if unit == "count":
            return cls(",d", ",d")
        return cls("", f",.{decimals}f")


def status_zones(
    direction: Direction | str, green, yellow, low: float, high: float
) -> list[tuple[float, float, str]]:
    """Value ranges of each traffic light between ``low`` and ``high``, for shading.

    ``green``/``yellow`` are the configured thresholds: single numbers for
    higher/lower-is-better, (min, max) pairs for a target range. Returns
    ``(from, to, status)`` in ascending order, clipped to [low, high], empty
    ranges dropped; no thresholds or a neutral indicator give no zones.
    """
    direction = Direction(direction)
    if green is None or yellow is None or direction is Direction.NEUTRAL:
        return []
    if direction is Direction.HIGHER:
        cuts = [(low, yellow, MERAH), (yellow, green, KUNING), (green, high, HIJAU)]
    elif direction is Direction.LOWER:
        cuts = [(low, green, HIJAU), (green, yellow, KUNING), (yellow, high, MERAH)]
    else:
        (g_lo, g_hi), (y_lo, y_hi) = green, yellow
        cuts = [
            (low, y_lo, MERAH),
            (y_lo, g_lo, KUNING),
            (g_lo, g_hi, HIJAU),
            (g_hi, y_hi, KUNING),
            (y_hi, high, MERAH),
        ]
    zones = []
    for start, end, status in cuts:
        start, end = max(start, low), min(end, high)
        if end > start:
            zones.append((start, end, status))
    return zones


def zero_range(values: Sequence[float | None], *marks: float | None) -> tuple[float, float]:
    """An axis from 0 to just above the data: for counts of people, where a zoomed
    axis (390–420) would make a change of three residents look like a collapse."""
    points = [v for v in (*values, *marks) if v is not None]
    high = max(points, default=0.0)
    return 0.0, (high * 1.08) or 1.0


def series_styles(names: Sequence[str], colours: Mapping[str, str]) -> dict[str, tuple[str, str]]:
    """Colour and dash of each line: the given colours, then the palette; past
    :data:`MAX_COLOURED_SERIES` lines the palette repeats with the next dash pattern."""
    spare = [n for n in names if n not in colours]
    palette = UNIT_TYPE_PALETTE[:MAX_COLOURED_SERIES]
    styles = {n: (colours[n], "solid") for n in names if n in colours}
    for i, name in enumerate(spare):
        styles[name] = (palette[i % len(palette)], DASHES[(i // len(palette)) % len(DASHES)])
    return styles


def _legend_line(fig: go.Figure, name: str, colour: str, dash: str, width: float) -> None:
    """A legend entry for a reference line: its label sits in the legend, never on the plot
    where it would cover values or ticks."""
    fig.add_trace(
        go.Scatter(
            x=[None],
            y=[None],
            mode="lines",
            name=name,
            line={"color": colour, "dash": dash, "width": width},
            hoverinfo="skip",
        )
    )


def value_range(
    values: Sequence[float | None], *marks: float | None, floor: float | None = None
) -> tuple[float, float]:
    """An axis range around the data and any reference marks, padded by 8%."""
    points = [v for v in (*values, *marks) if v is not None]
    if not points:
        return (0.0, 1.0)
    low, high = min(points), max(points)
    pad = (high - low) * 0.08 or abs(high) * 0.05 or 1.0
    low, high = low - pad, high + pad
    if floor is not None:
        low = max(low, floor)
    return low, high


def _finish(
    fig: go.Figure, labels: Labels, *, height: int, legend: str | None = "top"
) -> go.Figure:
    """Title with the caption under it, fonts, separators, legend and margins.

    The caption (period and source) is the title's subtitle so it never
    collides with tick labels, whatever the axis holds. ``legend``: "top"
    for a few series, "right" for many (unit types, units), None for none.
    """
    places = {
        "top": {"orientation": "h", "x": 0, "y": 1.0, "xanchor": "left", "yanchor": "bottom"},
        "right": {"orientation": "v", "x": 1.02, "y": 1.0, "xanchor": "left", "yanchor": "top"},
    }
    fig.update_layout(
        template="plotly_white",
        title={
            "text": labels.title,
            "x": 0,
            "xanchor": "left",
            "subtitle": {"text": labels.caption, "font": {"size": 12, "color": "#555555"}},
        },
        font={"family": FONT, "size": 13},
        separators=fmt.plotly_separators(),
        height=height,
        margin={"l": 10, "r": 10, "t": 140 if legend == "top" else 100, "b": 40},
        showlegend=legend is not None,
        legend={**places.get(legend or "top"), "title": {"text": ""}},
        hovermode="closest",
    )
    return fig


def count_dtick(low: float, high: float, ticks: int = 8) -> int:
    """A round whole-number tick step (1, 2, 5, 10, 20, …) for a count axis from low to high.

    ",d" alone labels fractional ticks as repeated integers (1, 1, 2, 2).
    """
    raw = max((high - low) / ticks, 1.0)
    magnitude = 1
    while True:
        for step in (1, 2, 5):
            if step * magnitude >= raw:
                return step * magnitude
        magnitude *= 10


def _month_ticks(periods: Sequence[date], grain: str) -> tuple[list[date], list[str]]:
    """At most MAX_TICKS evenly spaced period ticks with language-aware labels."""
    ordered = sorted(set(periods))
    step = max(1, -(-len(ordered) // MAX_TICKS))
    ticks = ordered[::step]
    text = [fmt.month_short(p) if grain == "month" else fmt.period_text(grain, p) for p in ticks]
    return ticks, text


def trend_figure(
    frame: pl.DataFrame,
    labels: Labels,
    scale: Scale,
    *,
    series: str = "series",
    x: str = "period_start",
    y: str = "value",
    grain: str = "month",
    colours: Mapping[str, str] | None = None,
    dashed: Sequence[str] = (),
    target: float | None = None,
    target_label: str = "",
    zones: Sequence[tuple[float, float, str]] = (),
    y_range: tuple[float, float] | None = None,
) -> go.Figure:
    """Lines over time, one per value of ``series``, with target line and band shading.

    ``frame``: one row per series and period (``x`` a date, ``y`` a number,
    nulls leave gaps). ``zones`` from :func:`status_zones` are shaded behind
    the lines; ``target`` is drawn as a dashed line. Series without a colour
    in ``colours`` take the qualitative palette in order; names in
    ``dashed`` are drawn dashed (e.g. the province reference).
    """
    fig = go.Figure()
    names = list(dict.fromkeys(frame[series].to_list())) if frame.height else []
    styles = series_styles(names, dict(colours or {}))
    for name in names:
        rows = frame.filter(pl.col(series) == name).sort(x)
        colour, dash = styles[name]
        fig.add_trace(
            go.Scatter(
                x=rows[x].to_list(),
                y=rows[y].to_list(),
                name=str(name),
                mode="lines+markers",
                line={"color": colour, "width": 2.5, "dash": "dash" if name in dashed else dash},
                marker={"size": 5},
                connectgaps=False,
                hovertemplate=f"%{{x|%Y-%m}}<br>{name}: %{{y:{scale.hoverformat}}}<extra></extra>",
            )
        )
    for start, end, status in zones:
        fig.add_hrect(
            y0=start,
            y1=end,
            fillcolor=STATUS_COLOURS[status],
            opacity=ZONE_OPACITY,
            line_width=0,
            layer="below",
        )
    if target is not None:
        fig.add_hline(y=target, line={"color": TARGET_COLOUR, "dash": "dash", "width": 1.5})
        _legend_line(fig, target_label, TARGET_COLOUR, "dash", 1.5)
    ticks, text = _month_ticks(frame[x].to_list() if frame.height else [], grain)
    fig.update_xaxes(
        title_text=labels.category_title, tickvals=ticks, ticktext=text, showgrid=False
    )
    fig.update_yaxes(
        title_text=labels.value_title,
        tickformat=scale.tickformat,
        hoverformat=scale.hoverformat,
        range=list(y_range) if y_range else None,
        zeroline=False,
        dtick=count_dtick(*(y_range or value_range(frame[y].to_list())))
        if scale.tickformat == ",d"
        else None,
    )
    return _finish(fig, labels, height=440, legend="top" if len(names) <= 4 else "right")


def ranking_figure(
    frame: pl.DataFrame,
    labels: Labels,
    scale: Scale,
    *,
    category: str = "label",
    value: str = "value",
    group: str = "type",
    group_names: Mapping[str, str] | None = None,
    colours: Mapping[str, str] | None = None,
    text: str | None = "text",
    higher_is_better: bool = True,
    reference: float | None = None,
    reference_label: str = "",
    province: float | None = None,
    province_label: str = "",
    target: float | None = None,
    target_label: str = "",
    floor: float = 0.0,
) -> go.Figure:
    """Horizontal bars, best at the top, coloured by ``group`` (the unit type).

    ``reference`` (the total of the scope shown) is a solid line — dark for
    the whole province; when the scope is narrower, ``province`` (the true
    province value) is a dotted dark line beside the scope's own coloured
    one. ``target`` is dashed. Their labels are legend entries, so no label
    sits on a tick or under a line. The value labels (``text``) stand in a
    column right of the plot, where no line crosses them. Rows with a null
    value are left out: the caller says so. ``floor`` is where the value
    axis starts: 0, or the bottom of a scale that has one (IKM starts at 25).
    """
    rows = frame.filter(pl.col(value).is_not_null()).sort(value, descending=not higher_is_better)
    order = rows[category].to_list()  # plotly draws the first category at the bottom
    fig = go.Figure()
    colours, group_names = dict(colours or {}), dict(group_names or {})
    for key in list(dict.fromkeys(rows[group].to_list())):
        part = rows.filter(pl.col(group) == key)
        fig.add_trace(
            go.Bar(
                x=part[value].to_list(),
                y=part[category].to_list(),
                orientation="h",
                # Every bar's label starts with its type code ("PSTW Jombang"), so the
                # types need no legend: on a phone it would cover the title. The full
                # type name is in the hover.
                name=str(key),
                showlegend=False,
                marker={"color": colours.get(key, NEUTRAL_COLOUR)},
                hovertemplate=f"%{{y}}: %{{x:{scale.hoverformat}}}"
                f"<extra>{group_names.get(key, key)}</extra>",
            )
        )
    labels_width = 0
    if text:
        # All at once: add_annotation re-validates every earlier one (a minute for 1.000 units).
        fig.update_layout(
            annotations=[
                {
                    "x": 1.0,
                    "xref": "paper",
                    "xanchor": "left",
                    "xshift": 6,
                    "y": category,
                    "yref": "y",
                    "text": label,
                    "showarrow": False,
                    "font": {"size": 12},
                }
                for category, label in zip(order, rows[text].to_list())
            ]
        )
        labels_width = int(
            max((len(v) for v in rows[text].to_list()), default=0) * VALUE_LABEL_CHARS_PX
        )
    if reference is not None:
        colour = PROVINCE_COLOUR if province is None else SCOPE_COLOUR
        fig.add_vline(x=reference, line={"color": colour, "width": 2})
        _legend_line(fig, reference_label, colour, "solid", 2)
    if province is not None:
        fig.add_vline(x=province, line={"color": PROVINCE_COLOUR, "dash": "dot", "width": 2})
        _legend_line(fig, province_label, PROVINCE_COLOUR, "dot", 2)
    if target is not None:
        fig.add_vline(x=target, line={"color": TARGET_COLOUR, "dash": "dash", "width": 1.5})
        _legend_line(fig, target_label, TARGET_COLOUR, "dash", 1.5)
    fig.update_yaxes(
        title_text=labels.category_title,
        categoryorder="array",
        categoryarray=order,
        automargin=True,
    )
    values = rows[value].to_list()
    high = max([v for v in (*values, reference, province, target) if v is not None], default=1.0)
    fig.update_xaxes(
        title_text=labels.value_title,
        tickformat=scale.tickformat,
        hoverformat=scale.hoverformat,
        range=[floor, high * 1.04 or 1.0],
        dtick=count_dtick(floor, high) if scale.tickformat == ",d" else None,
    )
    # Province and target are named under the chart, across its whole width: a side
    # legend takes half a phone's width, one above the bars runs into the title.
    _finish(fig, labels, height=max(340, 28 * len(order) + 170), legend="top")
    fig.update_layout(
        margin={"r": 16 + labels_width, "t": 100, "b": 90},
        legend={
            "xref": "container",
            "x": 0.01,
            "yref": "container",
            "y": 0.0,
            "xanchor": "left",
            "yanchor": "bottom",
        },
    )
    return fig


def elements_figure(
    frame: pl.DataFrame,
    labels: Labels,
    *,
    name: str = "name",
    value: str = "nrr",
    weakest: str = "weakest",
    weakest_label: str = "",
) -> go.Figure:
    """IKM elements as horizontal bars on the 1–4 scale; the weakest stands out.

    ``frame`` rows in display order (U1 first); ``weakest`` is a boolean
    column. The weakest element is drawn in the red traffic-light colour
    and labelled, the others in neutral grey.
    """
    rows = frame.filter(pl.col(value).is_not_null())
    weak = rows[weakest].to_list()
    fig = go.Figure(
        go.Bar(
            x=rows[value].to_list(),
            y=rows[name].to_list(),
            orientation="h",
            marker={"color": [STATUS_COLOURS[MERAH] if w else NEUTRAL_COLOUR for w in weak]},
            text=[
                f"{fmt.number(v, 2)}{'  ← ' + weakest_label if w else ''}"
                for v, w in zip(rows[value].to_list(), weak)
            ],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x:.2f}<extra></extra>",
        )
    )
    fig.update_yaxes(title_text=labels.category_title, autorange="reversed", automargin=True)
    fig.update_xaxes(title_text=labels.value_title, range=[1, 4.6], tickvals=[1, 2, 3, 4])
    return _finish(fig, labels, height=max(320, 34 * rows.height + 150), legend=None)


def flows_figure(
    frame: pl.DataFrame,
    labels: Labels,
    *,
    inflow: str,
    outflows: Sequence[str],
    names: Mapping[str, str],
    x: str = "period",
    grain: str = "month",
) -> go.Figure:
    """Admissions up, exits by reason down, one bar group per period."""
    fig = go.Figure()
    rows = frame.sort(x)
    colours = iter(UNIT_TYPE_PALETTE)
    for column, sign in [(inflow, 1), *((c, -1) for c in outflows)]:
        fig.add_trace(
            go.Bar(
                x=rows[x].to_list(),
                y=[None if v is None else sign * v for v in rows[column]],
                name=names[column],
                marker={"color": next(colours)},
                customdata=rows[column].to_list(),
                hovertemplate=f"%{{x|%Y-%m}}<br>{names[column]}: %{{customdata:,d}}<extra></extra>",
            )
        )
    ticks, text = _month_ticks(rows[x].to_list(), grain)
    fig.update_layout(barmode="relative")
    fig.update_xaxes(title_text=labels.category_title, tickvals=ticks, ticktext=text)
    fig.update_yaxes(title_text=labels.value_title, tickformat=",d")
    fig.add_hline(y=0, line={"color": "#444444", "width": 1})
    return _finish(fig, labels, height=440, legend="right")


def grid_figure(
    frame: pl.DataFrame,
    labels: Labels,
    *,
    row: str,
    column: str,
    state: str,
    colours: Mapping[str, str],
    names: Mapping[str, str],
    column_text: Mapping[date, str],
    symbols: Mapping[str, str] | None = None,
    marked: str | None = None,
    marked_name: str = "",
) -> go.Figure:
    """A rows × columns grid of marks, one legend entry per state.

    Used for the report calendar (units × months: on time, late, missing).
    ``colours``/``names``/``symbols`` map each state to its colour, label and
    marker shape (square by default); the shape and the hover label make
    the state readable without the colour. ``marked`` names a boolean column:
    those cells get a ring on top, with its own legend entry ``marked_name``
    (reports not verified yet).
    """
    fig = go.Figure()
    row_order = list(dict.fromkeys(frame[row].to_list()))
    columns = sorted(set(frame[column].to_list()))
    for key, colour in colours.items():
        part = frame.filter(pl.col(state) == key)
        if part.is_empty():
            continue
        fig.add_trace(
            go.Scatter(
                x=[column_text[c] for c in part[column]],
                y=part[row].to_list(),
                mode="markers",
                name=names[key],
                marker={
                    "symbol": (symbols or {}).get(key, "square"),
                    "size": 18,
                    "color": colour,
                    "line": {"width": 1, "color": "white"},
                },
                hovertemplate=f"%{{y}} · %{{x}}: {names[key]}<extra></extra>",
            )
        )
    ringed = frame.filter(pl.col(marked)) if marked else frame.clear()
    if not ringed.is_empty():
        fig.add_trace(
            go.Scatter(
                x=[column_text[c] for c in ringed[column]],
                y=ringed[row].to_list(),
                mode="markers",
                name=marked_name,
                marker={"symbol": "circle-open", "size": 9, "color": "white", "line": {"width": 2}},
                hovertemplate=f"%{{y}} · %{{x}}: {marked_name}<extra></extra>",
            )
        )
    fig.update_xaxes(
        title_text=labels.category_title,
        type="category",
        categoryorder="array",
        categoryarray=[column_text[c] for c in columns],
        showgrid=False,
    )
    fig.update_yaxes(
        title_text=labels.value_title,
        type="category",
        categoryorder="array",
        categoryarray=row_order[::-1],
        showgrid=False,
        automargin=True,
    )
    return _finish(fig, labels, height=max(300, 26 * len(row_order) + 180), legend="top")


def stacked_bars(
    frame: pl.DataFrame, labels: Labels, *, category: str, stacks: Mapping[str, str]
) -> go.Figure:
    """Horizontal stacked bars of counts, one stack per column in ``stacks`` (column -> name).

    Rows keep the frame's order from the top.
    """
    fig = go.Figure()
    colours = iter(UNIT_TYPE_PALETTE)
    for column, name in stacks.items():
        fig.add_trace(
            go.Bar(
                x=frame[column].to_list(),
                y=frame[category].to_list(),
                orientation="h",
                name=name,
                marker={"color": next(colours)},
                hovertemplate=f"%{{y}} · {name}: %{{x:,d}}<extra></extra>",
            )
        )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(
        title_text=labels.category_title,
        categoryorder="array",
        categoryarray=frame[category].to_list()[::-1],
        automargin=True,
    )
    totals = [sum(v or 0 for v in row) for row in frame.select(list(stacks)).iter_rows()]
    fig.update_xaxes(
        title_text=labels.value_title, tickformat=",d", dtick=count_dtick(0, max(totals, default=0))
    )
    return _finish(fig, labels, height=max(300, 28 * frame.height + 180), legend="top")
