"""Entry point: page config, session defaults, navigation. Nothing else."""

import streamlit as st

from ui import cache
from ui.i18n import set_language, t
from ui.layout import sample_banner

st.set_page_config(page_title="Dasbor Kualitas Layanan UPT", page_icon=":material/monitoring:",
                   layout="wide")
st.session_state.setdefault("lang", "id")
with st.sidebar:
    st.segmented_control(t("app.language"), ["id", "en"], key="lang",
                         format_func=lambda code: {"id": "Indonesia", "en": "English"}[code])
set_language(st.session_state.lang or "id")

with st.spinner(t("app.sample_loading")):
    cache.engine()
sample_banner()

pages = [
    st.Page("pages/unggah_laporan.py", title=t("nav.upload"), icon=":material/upload_file:"),
    st.Page("pages/riwayat_unggahan.py", title=t("nav.history"), icon=":material/history:"),
]
st.navigation(pages).run()
