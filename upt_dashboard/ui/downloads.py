"""The download menu under a chart: PNG, SVG and PDF images, and the CSV of its data.

The images are drawn only when a button is clicked (Streamlit runs the
callable then, on its own thread), by the one warm Chromium of
``exports.images``; without Chromium the buttons give way to a message
saying why, and the CSV still works.
"""

from __future__ import annotations

import re

import plotly.graph_objects as go
import polars as pl
import streamlit as st

from upt_dashboard.exports import images
from upt_dashboard.exports.cells import csv_bytes
from upt_dashboard.exports.errors import ExportError, user_message
from upt_dashboard.views.i18n import language, t


def chart_downloads(fig: go.Figure, name: str, key: str, data: pl.DataFrame | None = None) -> None:
    """One "Unduh" menu under ``fig`` holding PNG, SVG, PDF and (given ``data``) CSV.

    One menu per chart instead of a row of buttons: a page of charts keeps
    a readable label per download, also on a phone. ``name`` becomes the
    file name (``kehadiran_tren`` → ``kehadiran_tren.png``); ``key``
    prefixes the widget keys and must be unique on the page.
    """
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_") or "grafik"
    with st.popover(t("export.download_menu"), icon=":material/download:", key=f"{key}_menu"):
        if images.images_available():
            for fmt in images.FORMATS:
                st.download_button(
                    t(f"export.download_{fmt}"),
                    data=lambda fmt=fmt: images.render(fig, fmt),
                    file_name=f"{stem}.{fmt}",
                    mime=images.FORMATS[fmt],
                    key=f"{key}_{fmt}",
                    on_click="ignore",
                    icon=":material/image:",
                    help=t("export.download_help", format=fmt.upper()),
                    width="stretch",
                )
        else:
            try:
                images.browser_path()
            except ExportError as exc:
                st.caption(user_message(exc, language()))
        if data is not None:
            st.download_button(
                t("export.download_csv"),
                data=lambda: csv_bytes(data),
                file_name=f"{stem}.csv",
                mime="text/csv",
                key=f"{key}_csv",
                on_click="ignore",
                icon=":material/table:",
                width="stretch",
            )
