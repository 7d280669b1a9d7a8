"""Entry point: page config, session defaults, navigation. Nothing else."""

import streamlit as st

from upt_dashboard.ui import cache, filters, first_start, router
from upt_dashboard.ui.layout import language_switch, page_config, sample_banner
from upt_dashboard.views.i18n import t

page_config()
router.mark_routed()
filters.load_url_once()
language_switch()

problem = cache.startup_problem()
if problem:  # read-only folder, unreachable PostgreSQL, schema to upgrade: say so, no traceback
    st.error(problem, icon=":material/database:")
    st.stop()
first_start.load_sample_data(cache.engine())
if problem := cache.database_problem():  # lost after start: keep serving what was read
    st.warning(problem, icon=":material/cloud_off:")
sample_banner()

pages = [
    st.Page(
        "pages/ringkasan.py", title=t("nav.overview"), icon=":material/dashboard:", default=True
    ),
    st.Page("pages/tren.py", title=t("nav.trend"), icon=":material/show_chart:"),
    st.Page("pages/perbandingan_upt.py", title=t("nav.compare"), icon=":material/leaderboard:"),
    st.Page("pages/profil_upt.py", title=t("nav.profile"), icon=":material/home_work:"),
    st.Page(
        "pages/kelengkapan_laporan.py",
        title=t("nav.completeness"),
        icon=":material/event_available:",
    ),
    st.Page("pages/kualitas_data.py", title=t("nav.quality"), icon=":material/rule:"),
    st.Page("pages/unggah_laporan.py", title=t("nav.upload"), icon=":material/upload_file:"),
    st.Page("pages/riwayat_unggahan.py", title=t("nav.history"), icon=":material/history:"),
    st.Page("pages/ekspor.py", title=t("nav.export"), icon=":material/ios_share:"),
    st.Page("pages/definisi_indikator.py", title=t("nav.definitions"), icon=":material/menu_book:"),
]
router.run(pages)
