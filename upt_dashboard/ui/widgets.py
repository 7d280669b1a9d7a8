"""Rendering helpers every dashboard page uses the same way (Streamlit).

A chart always comes with the CSV of its data, a table with its CSV, an
empty state with what to do next, and a status with its label and icon.
"""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go
import polars as pl
import streamlit as st

from upt_dashboard.exports.cells import csv_bytes
from upt_dashboard.ui.downloads import chart_downloads
from upt_dashboard.views.i18n import language, speaking, t
from upt_dashboard.views.names import status_label
from upt_dashboard.views.overview import Card
from upt_dashboard.views.palette import STATUS_BADGES, STATUS_ICONS
from upt_dashboard.views.styles import status_styler

_PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["select2d", "lasso2d"]}


Later = pl.DataFrame | Callable[[], pl.DataFrame]  # a frame, or how to make it at the click


def download_csv(data: Later, *, key: str, filename: str) -> None:
    """A button that downloads ``data`` as CSV (formula-safe text, no rerun on click).

    ``data`` may be a function making the frame: it is made only when the
    button is clicked (a national scorecard of every unit takes a tenth of
    a second that no view should wait for), in the language of the page.
    """
    st.download_button(
        t("common.download_csv"),
        data=csv_at_click(data, language()),
        file_name=f"{filename}.csv",
        mime="text/csv",
        key=f"{key}_csv",
        on_click="ignore",
        icon=":material/download:",
    )


def csv_at_click(data: Later, lang: str) -> Callable[[], bytes]:
    """The CSV bytes of ``data``, made when called. Streamlit calls it in a thread of its
    own at the click, where the page's language is not set: the texts are made in
    ``lang``."""

    def make() -> bytes:
        with speaking(lang):
            return csv_bytes(data() if callable(data) else data)

    return make


def chart(fig: go.Figure, data: pl.DataFrame, *, key: str, filename: str) -> None:
    """A plotly figure with PNG/SVG/PDF downloads of it and the CSV of its data."""
    st.plotly_chart(fig, key=key, width="stretch", config=_PLOTLY_CONFIG)
    chart_downloads(fig, filename, key, data)


def table(
    frame: pl.DataFrame,
    *,
    key: str,
    filename: str,
    status: pl.DataFrame | None = None,
    height: int | str = "auto",
    download: Later | None = None,
) -> None:
    """A read-only table (tinted by ``status`` when given) and its CSV download
    (``download`` when the table shows only part of it; see :func:`download_csv`)."""
    shown = status_styler(frame, status) if status is not None else frame
    st.dataframe(shown, hide_index=True, width="stretch", key=key, height=height)
    download_csv(frame if download is None else download, key=key, filename=filename)


def status_badge(status: str | None) -> str:
    """Markdown badge of a status: coloured, with an icon and the word."""
    return (
        f":{STATUS_BADGES.get(status, 'gray')}-badge[{STATUS_ICONS.get(status, '')} "
        f"{status_label(status)}]"
    )


def metric(card: Card, previous: str) -> None:
    """One indicator card: name and status badge, value, change against ``previous``, sparkline.

    The name sits in its own line above the metric so long indicator names
    wrap instead of being cut (and the badge never falls off the end).
    """
    with st.container(border=True):
        st.markdown(f"**{card.label}**  \n{status_badge(card.status)}", help=card.help)
        st.metric(
            card.label,
            card.value,
            delta=card.delta,
            delta_color=card.delta_color,
            delta_arrow="off" if card.delta_is_zero else "auto",
            delta_description=t("card.vs", period=previous) if card.delta else None,
            label_visibility="collapsed",
            chart_data=card.spark or None,
            chart_type="line",
        )
        if card.bands:  # the status is read against its bands, not against a target
            st.caption(card.bands)
        if card.reference:
            st.caption(card.reference)


def empty(message: str) -> None:
    """An empty state: say what is missing and what to do, instead of a blank."""
    st.info(message, icon=":material/info:")
