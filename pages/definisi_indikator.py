"""Definisi Indikator: every indicator with its formula, unit, direction, scope,
target, bands and standard — generated from the catalogue and the configuration."""

import streamlit as st

from indicators.composite import composite_formula
from indicators.ikm import BANDS
from ui import cache, widgets
from ui import format as fmt
from ui.definitions import (DOMAINS, components_table, definition_markdown, definitions,
                            definitions_table)
from ui.i18n import t
from ui.router import through_router

through_router()

st.title(t("definitions.title"))
st.caption(t("definitions.intro"))

config = cache.indicator_config()
records = definitions(config, cache.facts().unit_types)
widgets.download_csv(definitions_table(records), key="definisi_all", filename="definisi_indikator")

st.subheader(t("definitions.rules"))
st.markdown(t("definitions.rules_text", day=config.report_deadline_day,
              days=config.complaint_working_days))

for domain in DOMAINS:
    st.subheader(t(f"domain.{domain}"))
    for record in (r for r in records if r["domain"] == domain):
        with st.container(border=True):
            st.markdown(f"#### {record['name']}")
            st.markdown(definition_markdown(record))
            if domain == "komposit":
                st.markdown(composite_formula(record["id"], config))
                widgets.table(components_table(config, record["id"]),
                              key=f"definisi_components_{record['id']}",
                              filename=f"komponen_{record['id']}")

st.subheader(t("definitions.ikm_bands"))
st.markdown("\n".join(f"- **{letter}** {label}: ≥ {fmt.number(low, 2)}"
                      for low, letter, label in BANDS))
