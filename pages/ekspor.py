"""Ekspor: build the meeting pack (deck, Excel summary, chart images) for a period and scope."""

import streamlit as st

from upt_dashboard.ui import cache, exporting, filters, widgets
from upt_dashboard.ui.router import through_router
from upt_dashboard.views import format as fmt
from upt_dashboard.views.i18n import t

through_router(__file__)

st.title(t("export.title"))
st.caption(t("export.intro"))

units = cache.units_table()
facts = cache.facts()
months = cache.months_with_data()
scope = filters.scope_picker(units, facts.unit_types)
if not months:
    widgets.empty(t("export.no_data"))
    st.stop()

first_col, last_col = st.columns(2)
default_first = months[max(0, len(months) - 12)]
start = first_col.selectbox(
    t("export.from"),
    months,
    index=months.index(default_first),
    format_func=fmt.period_label,
    key="ekspor_from",
)
end = last_col.selectbox(
    t("export.to"), months, index=len(months) - 1, format_func=fmt.period_label, key="ekspor_to"
)
personal = st.checkbox(t("export.personal"), help=t("export.personal_help"), key="ekspor_personal")
st.caption(filters.describe(None, scope, units) + f" · {fmt.span_text(start, end)}")

no_images = exporting.images_unavailable()
deck_col, workbook_col, images_col = st.columns(3)
wanted: str | None = None
if deck_col.button(
    t("export.build_deck"), key="ekspor_deck", icon=":material/slideshow:", width="stretch"
):
    wanted = "pptx"
if workbook_col.button(
    t("export.build_workbook"), key="ekspor_xlsx", icon=":material/table_view:", width="stretch"
):
    wanted = "xlsx"
with images_col:
    image_format = st.segmented_control(
        t("export.image_format"),
        exporting.IMAGE_FORMATS,
        default="png",
        key="ekspor_image_format",
        required=True,
        format_func=str.upper,
    )
    if st.button(
        t("export.build_images"),
        key="ekspor_images",
        icon=":material/image:",
        width="stretch",
        disabled=no_images is not None,
    ):
        wanted = image_format
if no_images:
    st.warning(no_images, icon=":material/hide_image:")

if wanted and start > end:
    st.error(t("export.bad_range"), icon=":material/error:")
elif wanted:
    with st.spinner(t("export.building")):
        built = exporting.build(wanted, start, end, scope, personal=personal)
    if isinstance(built, str):
        st.error(built, icon=":material/error:")
    else:
        st.session_state["ekspor_result"] = built

result = st.session_state.get("ekspor_result")
if result:
    st.success(
        t("export.ready", name=result.name, size=f"{fmt.number(len(result.data) / 1024)} KB"),
        icon=":material/task_alt:",
    )
    if result.withheld_units:
        st.info(t("export.personal_withheld", units=", ".join(result.withheld_units)))
    st.download_button(
        t("export.download", name=result.name),
        data=result.data,
        file_name=result.name,
        mime=result.mime,
        key="ekspor_download",
        on_click="ignore",
        type="primary",
        icon=":material/download:",
    )
