"""Ekspor: the monthly meeting pack (deck, Excel summary, A4 brief, chart images) for a
focus month — or a range of months — and a scope."""

import streamlit as st

from upt_dashboard.ui import cache, exporting, filters, widgets
from upt_dashboard.ui.router import through_router
from upt_dashboard.views import format as fmt
from upt_dashboard.views.i18n import t
from upt_dashboard.views.selection import reporting_month

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

config = cache.indicator_config()
mode = st.segmented_control(
    t("export.mode"),
    ["month", "range"],
    default="month",
    required=True,
    format_func=lambda m: t(f"export.mode_{m}"),
    key="ekspor_mode",
)
if mode == "month":
    focus = reporting_month(cache.today(), config.report_deadline_day)
    newest_first = months[::-1]
    start = end = st.selectbox(
        t("export.month"),
        newest_first,
        index=newest_first.index(focus) if focus in months else 0,
        format_func=fmt.period_label,
        key="ekspor_month",
        help=t("export.month_help"),
    )
else:
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
wanted: str | None = None
buttons = [  # format, button key, label, icon, why it cannot be built here
    ("pack", "ekspor_pack", "export.build_pack", ":material/folder_zip:", no_images),
    ("pptx", "ekspor_deck", "export.build_deck", ":material/slideshow:", None),
    ("xlsx", "ekspor_xlsx", "export.build_workbook", ":material/table_view:", None),
    ("pdf", "ekspor_pdf", "export.build_pdf", ":material/picture_as_pdf:", no_images),
]
for column, (fmt_id, key, label, icon, blocked) in zip(st.columns(len(buttons)), buttons):
    if column.button(
        t(label),
        key=key,
        icon=icon,
        width="stretch",
        type="primary" if fmt_id == "pack" else "secondary",
        disabled=blocked is not None,
    ):
        wanted = fmt_id
images_col, _ = st.columns([1, 2])
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
