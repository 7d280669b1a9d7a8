"""Small pieces every page shows the same way."""

from __future__ import annotations

import streamlit as st

from upt_dashboard.ui import cache
from upt_dashboard.views.i18n import t


def sample_banner() -> None:
    """Say clearly, on every page, when the figures are sample data."""
    if cache.is_sample_data(cache.data_version()):
        st.info(t("app.sample_banner"), icon=":material/science:")
