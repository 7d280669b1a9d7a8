"""Download buttons under a chart: PNG, SVG and PDF images, and the CSV of its data.

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
    """PNG/SVG/PDF buttons for ``fig`` (and CSV of ``data`` if given) in one row.

    ``name`` becomes the file name (``kehadiran_tren`` → ``kehadiran_tren.png``);
    ``key`` prefixes the widget keys and must be unique on the page.
    """
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_") or "grafik"
    columns = st.columns(4, gap="small")
    if images.images_available():
        for column, fmt in zip(columns, images.FORMATS):
            column.download_button(
                t(f"export.download_{fmt}"),
                data=lambda fmt=fmt: images.render(fig, fmt),
                file_name=f"{stem}.{fmt}",
                mime=images.FORMATS[fmt],
                key=f"{key}_{fmt}",
                on_click="ignore",
                icon=":material/image:",
                help=t("export.download_help", format=fmt.upper()),
            )
    else:
        try:
            images.browser_path()
        except ExportError as exc:
            columns[0].caption(user_message(exc, language()))
    if data is not None:
        columns[3].download_button(
            t("export.download_csv"),
            data=lambda: csv_bytes(data),
            file_name=f"{stem}.csv",
            mime="text/csv",
            key=f"{key}_csv",
            on_click="ignore",
            icon=":material/download:",
        )
