"""Ekspor: build the meeting pack (deck, Excel summary, chart images) for a period and scope."""

from datetime import date

import streamlit as st

from upt_dashboard.exports import images
from upt_dashboard.exports.build import IMAGE_FORMATS, MIME, export_bytes, file_name
from upt_dashboard.exports.errors import ExportError, user_message
from upt_dashboard.exports.pack import ExportScope, build_pack
from upt_dashboard.indicators.errors import IndicatorError
from upt_dashboard.ui import cache, filters, widgets
from upt_dashboard.ui.router import through_router
from upt_dashboard.views import format as fmt
from upt_dashboard.views.i18n import language, t

through_router()

st.title(t("export.title"))
st.caption(t("export.intro"))

units = cache.units_table()
facts = cache.facts()
months = sorted(cache.months_with_data())
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

can_draw = images.images_available()
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
        IMAGE_FORMATS,
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
        disabled=not can_draw,
    ):
        wanted = image_format
if not can_draw:
    try:
        images.browser_path()
    except ExportError as exc:
        st.warning(user_message(exc, language()), icon=":material/hide_image:")

if wanted and start > end:
    st.error(t("export.bad_range"), icon=":material/error:")
elif wanted:
    request = ExportScope(
        start,
        end,
        units=scope.units,
        types=() if scope.units else scope.types,
        include_personal_data=personal,
        sample_data=cache.is_sample_data(cache.data_version()),
    )
    try:
        with st.spinner(t("export.building")):
            pack = build_pack(facts, request, config=cache.indicator_config(), made_on=date.today())
            data = export_bytes(pack, wanted)
    except (ExportError, IndicatorError) as exc:
        st.error(user_message(exc, language()), icon=":material/error:")
    else:
        name = file_name(pack, wanted)
        st.session_state["ekspor_result"] = (
            name,
            MIME.get(wanted, MIME["zip"]),
            data,
            pack.withheld_units,
        )

result = st.session_state.get("ekspor_result")
if result:
    name, mime, data, withheld = result
    st.success(
        t("export.ready", name=name, size=f"{fmt.number(len(data) / 1024)} KB"),
        icon=":material/task_alt:",
    )
    if withheld:
        st.info(t("export.personal_withheld", units=", ".join(withheld)))
    st.download_button(
        t("export.download", name=name),
        data=data,
        file_name=name,
        mime=mime,
        key="ekspor_download",
        on_click="ignore",
        type="primary",
        icon=":material/download:",
    )
