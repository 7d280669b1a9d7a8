"""Table colouring by traffic-light status (pandas Styler; plain, no Streamlit)."""

from __future__ import annotations

import polars as pl

from upt_dashboard.views.palette import STATUS_TINTS


def status_styler(text: pl.DataFrame, status: pl.DataFrame):
    """``text`` as a pandas Styler, each cell tinted by the status in the same place of ``status``.

    Both frames have the same columns and rows (see ``ui.overview.scorecard``);
    a null status leaves the cell plain. The cell text carries a glyph too,
    so the colour is never the only cue.
    """
    frame = text.to_pandas()
    states = status.to_pandas()

    def paint(column):
        return [
            f"background-color: {STATUS_TINTS[s]}; color: #1A1A1A"
            if isinstance(s, str) and s in STATUS_TINTS
            else ""
            for s in states[column.name]
        ]

    return frame.style.apply(paint, axis=0)
