"""Definisi Indikator: every indicator with its formula, unit, direction, scope,
target, bands and standard — generated from the catalogue and the configuration."""

import streamlit as st

from upt_dashboard.ui import cache, widgets
from upt_dashboard.ui.router import through_router
from upt_dashboard.views.definitions import (
    DOMAINS,
    components_table,
    composite_formula_text,
    definition_markdown,
    definitions,
    definitions_table,
    ikm_bands_markdown,
)
from upt_dashboard.views.i18n import t

through_router(__file__)

st.title(t("definitions.title"))
st.caption(t("definitions.intro"))

config = cache.indicator_config()
records = definitions(config, cache.facts().unit_types)
widgets.download_csv(definitions_table(records), key="definisi_all", filename="definisi_indikator")

st.subheader(t("definitions.rules"))
st.markdown(
    t("definitions.rules_text", day=config.report_deadline_day, days=config.complaint_working_days)
)

for domain in DOMAINS:
    st.subheader(t(f"domain.{domain}"))
    for record in (r for r in records if r["domain"] == domain):
        with st.container(border=True):
            st.markdown(f"#### {record['name']}")
            st.markdown(definition_markdown(record))
            if domain == "komposit":
                st.markdown(composite_formula_text(record["id"], config))
                widgets.table(
                    components_table(config, record["id"]),
                    key=f"definisi_components_{record['id']}",
                    filename=f"komponen_{record['id']}",
                )

st.subheader(t("definitions.ikm_bands"))
st.markdown(ikm_bands_markdown())
