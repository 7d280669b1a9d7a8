"""Plotly figure builders on hand-made frames (ui/charts.py)."""

from datetime import date

import polars as pl
import pytest

from upt_dashboard.indicators.status import HIJAU, KUNING, MERAH
from upt_dashboard.views import charts
from upt_dashboard.views.i18n import set_language
from upt_dashboard.views.palette import NEUTRAL_COLOUR, STATUS_COLOURS

LABELS = charts.Labels("Judul", "Periode: Okt 2026<br>Sumber: uji", "Nilai (%)", "Bulan")


@pytest.fixture(autouse=True)
def indonesian():
    set_language("id")


@pytest.mark.parametrize(
    "direction, green, yellow, zones",
    [
        ("higher", 0.95, 0.85, [(0.0, 0.85, MERAH), (0.85, 0.95, KUNING), (0.95, 1.0, HIJAU)]),
        ("lower", 0.005, 0.01, [(0.0, 0.005, HIJAU), (0.005, 0.01, KUNING), (0.01, 1.0, MERAH)]),
        (
            "target_range",
            (0.85, 1.0),
            (0.7, 1.05),
            [
                (0.0, 0.7, MERAH),
                (0.7, 0.85, KUNING),
                (0.85, 1.0, HIJAU),
                (1.0, 1.05, KUNING),
                (1.05, 1.2, MERAH),
            ],
        ),
        ("neutral", None, None, []),
        ("higher", None, None, []),
    ],
)
def test_status_zones(direction, green, yellow, zones):
    high = 1.2 if direction == "target_range" else 1.0
    assert charts.status_zones(direction, green, yellow, 0.0, high) == zones


def test_status_zones_are_clipped_to_the_axis():
    assert charts.status_zones("higher", 0.95, 0.85, 0.9, 1.0) == [
        (0.9, 0.95, KUNING),
        (0.95, 1.0, HIJAU),
    ]


def test_value_range_covers_data_and_marks_and_respects_the_floor():
    low, high = charts.value_range([0.9, 0.95], 1.0, floor=0.0)
    assert low < 0.9 and high > 1.0
    assert charts.value_range([0.01, 0.02], 0.0, floor=0.0)[0] == 0.0
    assert charts.value_range([None]) == (0.0, 1.0)


@pytest.mark.parametrize(
    "low, high, step", [(0, 1, 1), (0, 4, 1), (0, 40, 5), (385, 425, 5), (0, 420, 100), (0, 0, 1)]
)
def test_count_dtick_is_a_round_whole_number(low, high, step):
    assert charts.count_dtick(low, high) == step


def _trend() -> pl.DataFrame:
    months = [date(2026, m, 1) for m in range(1, 7)]
    return pl.DataFrame(
        {
            "series": ["PSTW"] * 6 + ["Provinsi"] * 6,
            "period_start": months * 2,
            "value": [0.9, 0.92, None, 0.95, 0.96, 0.97, 0.93, 0.93, 0.94, 0.94, 0.95, 0.96],
        }
    )


def test_trend_figure_lines_target_zones_caption():
    zones = charts.status_zones("higher", 0.95, 0.85, 0.8, 1.0)
    fig = charts.trend_figure(
        _trend(),
        LABELS,
        charts.Scale.for_unit("percent", 1),
        colours={"Provinsi": "#222222"},
        dashed=["Provinsi"],
        target=1.0,
        target_label="Target",
        zones=zones,
        y_range=(0.8, 1.0),
    )
    # the target's label is a legend entry, never text on the plot
    assert [tr.name for tr in fig.data] == ["PSTW", "Provinsi", "Target"]
    assert not fig.layout.annotations
    assert fig.data[1].line.dash == "dash" and fig.data[0].line.dash == "solid"
    assert fig.data[0].y[2] is None  # a missing month stays a gap
    shapes = fig.layout.shapes
    assert len(shapes) == 3 + 1  # three shaded bands and the target line
    assert {s.fillcolor for s in shapes[:3]} == {STATUS_COLOURS[s] for s in (HIJAU, KUNING, MERAH)}
    assert fig.layout.title.text == "Judul"
    assert "Sumber: uji" in fig.layout.title.subtitle.text
    assert fig.layout.yaxis.title.text == "Nilai (%)" and fig.layout.yaxis.tickformat == ".0%"
    assert fig.layout.separators == ",."
    assert list(fig.layout.xaxis.ticktext)[:2] == ["Jan 2026", "Feb 2026"]


def test_trend_figure_with_many_series_moves_the_legend_right():
    months = [date(2026, 1, 1)]
    frame = pl.DataFrame({"series": list("ABCDEF"), "period_start": months * 6, "value": [1.0] * 6})
    fig = charts.trend_figure(frame, LABELS, charts.Scale())
    assert fig.layout.legend.orientation == "v"


def test_ranking_figure_best_on_top_coloured_by_type_with_reference():
    frame = pl.DataFrame(
        {
            "label": ["A", "B", "C"],
            "type": ["PSTW", "RSBL", "PSTW"],
            "value": [0.7, 0.9, None],
            "text": ["70%", "90%", "—"],
        }
    )
    fig = charts.ranking_figure(
        frame,
        LABELS,
        charts.Scale.for_unit("percent", 1),
        colours={"PSTW": "#111111", "RSBL": "#222222"},
        group_names={"PSTW": "Werdha", "RSBL": "Laras"},
        reference=0.8,
        reference_label="Provinsi",
        target=0.95,
    )
    # plotly draws the first category at the bottom: best last in the array
    assert list(fig.layout.yaxis.categoryarray) == ["A", "B"]
    bars = [tr for tr in fig.data if tr.type == "bar"]
    assert {tr.name: tr.marker.color for tr in bars} == {"PSTW": "#111111", "RSBL": "#222222"}
    assert "<extra>Werdha</extra>" in bars[0].hovertemplate  # the full name on hover
    assert [s.x0 for s in fig.layout.shapes] == [0.8, 0.95]
    # Province and target are named in the legend, not written over ticks.
    assert [tr.name for tr in fig.data if tr.type == "scatter"] == ["Provinsi", ""]
    # Value labels stand right of the plot (paper x = 1), where no line crosses them.
    assert [(a.text, a.y, a.xref, a.x) for a in fig.layout.annotations] == [
        ("70%", "A", "paper", 1.0),
        ("90%", "B", "paper", 1.0),
    ]
    assert not any(tr.text for tr in bars)
    assert fig.layout.margin.r >= 3 * charts.VALUE_LABEL_CHARS_PX
    assert fig.layout.legend.orientation == "h"  # above the bars, also on a phone
    lower_better = charts.ranking_figure(frame, LABELS, charts.Scale(), higher_is_better=False)
    assert list(lower_better.layout.yaxis.categoryarray) == ["B", "A"]


def test_elements_figure_marks_the_weakest():
    frame = pl.DataFrame(
        {"name": ["U1", "U2", "U3"], "nrr": [3.2, 2.8, 3.5], "weakest": [False, True, False]}
    )
    fig = charts.elements_figure(frame, LABELS, weakest_label="terlemah")
    assert list(fig.data[0].marker.color) == [NEUTRAL_COLOUR, STATUS_COLOURS[MERAH], NEUTRAL_COLOUR]
    assert "terlemah" in fig.data[0].text[1] and "terlemah" not in fig.data[0].text[0]


def test_flows_figure_draws_exits_below_zero():
    frame = pl.DataFrame(
        {"period": [date(2026, 1, 1), date(2026, 2, 1)], "in": [5, 3], "out": [2, None]}
    )
    fig = charts.flows_figure(
        frame, LABELS, inflow="in", outflows=["out"], names={"in": "Masuk", "out": "Keluar"}
    )
    assert list(fig.data[0].y) == [5, 3]
    assert list(fig.data[1].y) == [-2, None]
    assert fig.layout.barmode == "relative"


def test_grid_figure_one_legend_entry_per_state_present():
    months = [date(2026, 1, 1), date(2026, 2, 1)]
    frame = pl.DataFrame(
        {
            "unit": ["A", "A", "B", "B"],
            "period": months * 2,
            "state": ["on_time", "late", "on_time", "missing"],
        }
    )
    fig = charts.grid_figure(
        frame,
        LABELS,
        row="unit",
        column="period",
        state="state",
        colours={
            "on_time": "#000000",
            "late": "#111111",
            "missing": "#222222",
            "not_due": "#333333",
        },
        names={
            "on_time": "Tepat",
            "late": "Telat",
            "missing": "Belum",
            "not_due": "Belum jatuh tempo",
        },
        column_text={m: f"{m:%m}" for m in months},
    )
    assert [tr.name for tr in fig.data] == ["Tepat", "Telat", "Belum"]
    assert list(fig.layout.xaxis.categoryarray) == ["01", "02"]


def test_stacked_bars_keep_the_frame_order_from_the_top():
    frame = pl.DataFrame({"label": ["A", "B"], "x": [3, 1], "y": [1, 0]})
    fig = charts.stacked_bars(frame, LABELS, category="label", stacks={"x": "X", "y": "Y"})
    assert [tr.name for tr in fig.data] == ["X", "Y"]
    assert list(fig.layout.yaxis.categoryarray) == ["B", "A"]
    assert fig.layout.xaxis.dtick == 1


def test_more_than_eight_lines_never_share_colour_and_dash():
    names = [f"UPT {i}" for i in range(13)]
    frame = pl.DataFrame(
        {"series": names, "period_start": [date(2026, 1, 1)] * 13, "value": [1.0] * 13}
    )
    fig = charts.trend_figure(frame, LABELS, charts.Scale(), colours={"UPT 0": "#000000"})
    looks = [(tr.line.color, tr.line.dash) for tr in fig.data]
    assert len(set(looks)) == 13
    assert looks[0] == ("#000000", "solid")
    assert len({colour for colour, _ in looks[1:]}) == charts.MAX_COLOURED_SERIES


def test_a_count_of_people_starts_at_zero():
    assert charts.zero_range([395, 410, 402], 420) == (0.0, 420 * 1.08)
    assert charts.zero_range([None]) == (0.0, 1.0)
