"""Entry point: page config, session defaults, sign-in, navigation. Nothing else."""

import streamlit as st

from upt_dashboard.ui import auth, cache, filters, first_start, navigation, router
from upt_dashboard.ui.layout import language_switch, page_config, sample_banner

page_config()
cache.new_run()  # one data version for the whole run
router.mark_routed()
filters.load_url_once()
language_switch()

problem = cache.startup_problem()
if problem:  # read-only folder, unreachable PostgreSQL, schema to upgrade: say so, no traceback
    st.error(problem, icon=":material/database:")
    st.stop()
sample = first_start.begin(cache.engine())  # an empty database: the sample data, in the background
if problem := cache.database_problem():  # lost after start: keep serving what was read
    st.warning(problem, icon=":material/cloud_off:")
viewer = auth.gate(sample)  # anonymous: the sign-in form only, and the run stops there
first_start.wait(sample)  # signed in during the first start: the pages wait for the data
filters.verified_only_switch()
sample_banner()
router.run(navigation.pages_for(viewer))
