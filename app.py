"""Entry point: page config, session defaults, sign-in, navigation. Nothing else."""

import streamlit as st

from upt_dashboard.ui import auth, cache, filters, first_start, navigation, router
from upt_dashboard.ui.layout import language_switch, page_config, sample_banner

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
viewer = auth.gate()  # anonymous: the sign-in form only, and the run stops there
filters.verified_only_switch()
sample_banner()
router.run(navigation.pages_for(viewer))
