"""The Excel summary (.xlsx) of a :class:`~exports.pack.Pack`, written with openpyxl.

Sheets: Ringkasan (the month's paragraph, then every indicator with its
value, the value of the month before, the change, the status and the bands
that give it); Perlu Perhatian (one row per unit); one sheet per domain
(orientasi pelayanan, disiplin, integritas) with the values per unit, the
scope and province rows, the 12-month trend, traffic-light conditional
formatting and native Excel charts; IKM per element; missing and late
reports; the complaints with their summaries; the definitions from the
catalogue; and, only when asked for and allowed, the per-employee sheet.

Every sheet prints on A4 landscape, fitted to the page width, its table
header repeated on each page. Every text cell goes through
``exports.cells.put`` so nothing from an uploaded workbook can run as a
formula in the reader's Excel.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl
from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from data_loaders.schema import KEHADIRAN_PEGAWAI
from upt_dashboard.exports import text
from upt_dashboard.exports.cells import put
from upt_dashboard.exports.pack import Pack
from upt_dashboard.exports.text import msg
from upt_dashboard.indicators.catalogue import BY_ID, INDICATORS, Direction, Domain, Indicator, Unit
from upt_dashboard.indicators.engine import PROVINCE
from upt_dashboard.indicators.ikm import ELEMENTS
from upt_dashboard.indicators.status import HIJAU, KUNING, MERAH, comparison_decimals
from upt_dashboard.views.palette import STATUS_TINTS

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
MUTED = Font(italic=True, color="595959")
WARNING = Font(bold=True, color="C00000")
HEADER_FILL = PatternFill("solid", fgColor="F2F2F2")
WRAP = Alignment(wrap_text=True, vertical="top")
FIRST_ROW = 5  # header row of each sheet's main table; rows 1-3 say what and whence


@dataclass(frozen=True)
class DomainSheet:
    """A domain sheet: its indicators, and which of them its two charts show."""

    domain: Domain
    composite: str | None
    bar: str  # per-unit bar chart
    lines: tuple[str, ...]  # monthly line chart (same unit, so one axis)


DOMAIN_SHEETS: tuple[DomainSheet, ...] = (
    DomainSheet(
        Domain.ORIENTASI_PELAYANAN,
        "indeks_orientasi_pelayanan",
        "ikm",
        ("kebutuhan_dasar", "realisasi_layanan", "penyelesaian_pengaduan", "pengaduan_tepat_waktu"),
    ),
    DomainSheet(
        Domain.DISIPLIN,
        "indeks_disiplin",
        "kehadiran",
        ("kehadiran", "tepat_waktu_masuk", "tepat_waktu_pulang", "kehadiran_apel"),
    ),
    DomainSheet(
        Domain.INTEGRITAS,
        None,
        "unggahan_informasi",
        ("insiden_medsos", "hukuman_disiplin", "unggahan_informasi"),
    ),
)


def build_workbook(pack: Pack) -> bytes:
    """The workbook of ``pack`` as .xlsx bytes."""
    wb = Workbook()
    _summary_sheet(wb.active, pack)
    _attention_sheet(wb.create_sheet(msg("export.sheet_attention")), pack)
    for spec in DOMAIN_SHEETS:
        _domain_sheet(wb.create_sheet(), pack, spec)
    _ikm_sheet(wb.create_sheet(msg("export.sheet_ikm")), pack)
    _reports_sheet(wb.create_sheet(msg("export.sheet_reports")), pack)
    _complaints_sheet(wb.create_sheet(msg("export.sheet_complaints")), pack)
    _definitions_sheet(wb.create_sheet(msg("export.sheet_definitions")), pack)
    if pack.employees is not None:
        _employees_sheet(wb.create_sheet(msg("export.sheet_employees")), pack)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


# --- sheets ------------------------------------------------------------------


def _summary_sheet(ws: Worksheet, pack: Pack) -> None:
    """The paragraph, then every indicator: value, the period before, change, status, bands.

    The whole province's column appears only beside a narrower scope (for
    the whole province it would repeat the value column).
    """
    ws.title = msg("export.sheet_summary")
    _heading(ws, pack, f"{msg('export.deck_title')} — {pack.period_name()}")
    paragraph = put(ws, FIRST_ROW, 1, pack.summary_text)
    paragraph.alignment = WRAP
    header_row = FIRST_ROW + 2
    header = [
        msg("export.col_indicator"),
        msg("export.col_domain"),
        msg("export.col_value_of", period=text.span_short(pack.scope.start, pack.scope.end)),
        text.span_short(*pack.scope.before),
        msg("export.col_change_plain"),
        msg("export.col_status"),
        msg("export.col_bands"),
        msg("export.col_basis"),
    ]
    widths = [40, 20, 13, 13, 12, 18, 44, 26]
    if not pack.scope.whole_province:
        header.append(msg("export.province_row"))
        widths.append(16)
    ws.merge_cells(start_row=FIRST_ROW, start_column=1, end_row=FIRST_ROW, end_column=len(header))
    # A merged cell is never fitted to its text: about 180 characters a line at this width.
    ws.row_dimensions[FIRST_ROW].height = 15 * (len(pack.summary_text) // 180 + 2)
    _header(ws, header_row, header)
    for r, indicator in enumerate(INDICATORS, start=header_row + 1):
        row = pack.row(pack.summary, indicator.id) or {}
        before = (pack.row(pack.previous, indicator.id) or {}).get("value")
        fmt = text.excel_format(indicator)
        put(ws, r, 1, indicator.name_id)
        put(ws, r, 2, msg(f"export.domain.{indicator.domain.value}"))
        put(ws, r, 3, row.get("value"), fmt)
        put(ws, r, 4, before, fmt)
        put(ws, r, 5, text.change(indicator, row.get("value"), before))
        status = put(ws, r, 6, text.status_text(row["status"]) if row.get("status") else None)
        if row.get("status"):
            status.fill = _tint(row["status"])
        put(ws, r, 7, text.bands(indicator, pack.config) if row.get("status") else None)
        basis = text.coverage(indicator, row, pack.config) or (
            msg("export.basis", n=text.number(row.get("n")), label=indicator.n_label)
            if row
            else None
        )
        put(ws, r, 8, basis)
        if not pack.scope.whole_province:
            put(ws, r, 9, (pack.row(pack.province, indicator.id) or {}).get("value"), fmt)
    _widths(ws, widths)
    ws.freeze_panes = ws.cell(header_row + 1, 2)
    _print_setup(ws, header_row)


def _attention_sheet(ws: Worksheet, pack: Pack) -> None:
    """One row per unit that needs attention, most urgent first, one reason per line."""
    _heading(ws, pack, msg("export.attention_title", n=len(pack.attention)))
    put(ws, FIRST_ROW - 1, 1, msg("export.attention_legend")).font = MUTED
    _header(
        ws,
        FIRST_ROW,
        [msg("export.col_unit_code"), msg("export.col_unit"), msg("export.col_status"),
         msg("export.col_reasons")],
    )  # fmt: skip
    for r, unit in enumerate(pack.attention, start=FIRST_ROW + 1):
        put(ws, r, 1, unit.unit_code)
        put(ws, r, 2, unit.label)
        put(ws, r, 3, text.status_text(unit.severity)).fill = _tint(unit.severity)
        # No row height: Excel and LibreOffice fit a wrapped row to its text when opened.
        put(ws, r, 4, "\n".join(reason.text for reason in unit.reasons)).alignment = WRAP
    if not pack.attention:
        put(ws, FIRST_ROW + 1, 1, msg("export.attention_none", period=pack.period_name()))
    _widths(ws, [12, 24, 18, 110])
    ws.freeze_panes = ws.cell(FIRST_ROW + 1, 1)
    _print_setup(ws, FIRST_ROW)


def _domain_sheet(ws: Worksheet, pack: Pack, spec: DomainSheet) -> None:
    ws.title = msg(f"export.domain.{spec.domain.value}")
    _heading(ws, pack, msg(f"export.domain.{spec.domain.value}"))
    ids = ([spec.composite] if spec.composite else []) + [
        i.id for i in INDICATORS if i.domain is spec.domain
    ]
    indicators = [BY_ID[i] for i in ids]
    # Table 1: units × indicators, then the scope total and the province.
    put(ws, FIRST_ROW - 1, 1, msg("export.per_unit", period=pack.period_name())).font = BOLD
    _header(
        ws,
        FIRST_ROW,
        [
            msg("export.col_unit_code"),
            msg("export.col_unit"),
            msg("export.col_type"),
            *(i.name_id for i in indicators),
        ],
    )
    lines = [
        (code, label, unit_type, pack.by_unit)
        for code, label, unit_type in zip(
            pack.units["code"], pack.units["label"], pack.units["type"]
        )
    ]
    lines.append((PROVINCE, msg("export.total_row", scope=pack.scope_label()), None, pack.summary))
    if not pack.scope.whole_province:
        lines.append((PROVINCE, msg("export.province_row"), None, pack.province))
    first = FIRST_ROW + 1
    for r, (code, label, unit_type, frame) in enumerate(lines, start=first):
        put(ws, r, 1, None if code == PROVINCE else code)
        put(ws, r, 2, label).font = BOLD if code == PROVINCE else Font()
        put(ws, r, 3, unit_type)
        for c, indicator in enumerate(indicators, start=4):
            put(
                ws,
                r,
                c,
                (pack.row(frame, indicator.id, code) or {}).get("value"),
                text.excel_format(indicator),
            )
    last_unit = first + pack.units.height - 1
    last = first + len(lines) - 1
    for c, indicator in enumerate(indicators, start=4):
        _traffic_lights(ws, pack, indicator, c, first, last)
    # Table 2: the scope per month.
    trend_top = last + 3
    put(ws, trend_top - 1, 1, msg("export.per_month")).font = BOLD
    _header(ws, trend_top, [msg("export.col_month"), "", "", *(i.name_id for i in indicators)])
    for r, month in enumerate(pack.months, start=trend_top + 1):
        put(ws, r, 1, text.month_short(month))
    for c, indicator in enumerate(indicators, start=4):
        for r, value in enumerate(pack.monthly(pack.trend, indicator.id), start=trend_top + 1):
            put(ws, r, c, value, text.excel_format(indicator))
        _traffic_lights(ws, pack, indicator, c, trend_top + 1, trend_top + len(pack.months))
    if spec.domain is Domain.DISIPLIN:
        _tk_counts_table(ws, pack, trend_top + len(pack.months) + 3)
    _widths(ws, [12, 26, 8, *([16] * len(indicators))])
    ws.freeze_panes = ws.cell(first, 4)
    ws.auto_filter.ref = f"A{FIRST_ROW}:{get_column_letter(3 + len(indicators))}{last_unit}"
    # The charts go below the tables: beside them they would make the printed page wide.
    below = trend_top + len(pack.months) + 3
    if spec.domain is Domain.DISIPLIN:
        below += pack.units.height + 3
    bar_col = 4 + ids.index(spec.bar)
    ws.add_chart(_bar(ws, BY_ID[spec.bar], bar_col, first, last_unit), f"B{below}")
    line_cols = [4 + ids.index(i) for i in spec.lines]
    ws.add_chart(
        _line(ws, BY_ID[spec.lines[0]], line_cols, trend_top, trend_top + len(pack.months)),
        f"I{below}",
    )
    _print_setup(ws, FIRST_ROW)


def _tk_counts_table(ws: Worksheet, pack: Pack, top: int) -> None:
    """Employees at each PP 94/2021 TK threshold per unit: counts, never names."""
    put(ws, top - 1, 1, msg("export.tk_counts", month=text.month(pack.scope.end))).font = BOLD
    thresholds = sorted(set(pack.tk_counts["threshold"]))
    _header(
        ws,
        top,
        [
            msg("export.col_unit_code"),
            msg("export.col_unit"),
            "",
            *(msg("export.tk_threshold", days=d) for d in thresholds),
        ],
    )
    counts = {
        (u, d): n
        for u, d, n in pack.tk_counts.select("unit_code", "threshold", "employees").iter_rows()
    }
    for r, (code, label) in enumerate(zip(pack.units["code"], pack.units["label"]), start=top + 1):
        put(ws, r, 1, code)
        put(ws, r, 2, label)
        for c, days in enumerate(thresholds, start=4):
            put(ws, r, c, counts.get((code, days), 0), "#,##0")


def _ikm_sheet(ws: Worksheet, pack: Pack) -> None:
    _heading(ws, pack, msg("export.sheet_ikm"))
    elements = pack.ikm_elements
    header = [
        msg("export.col_unit_code"),
        msg("export.col_unit"),
        *(e.upper() for e in ELEMENTS),
        "IKM",
        msg("export.col_grade"),
        msg("export.col_respondents"),
        msg("export.col_required"),
    ]
    _header(ws, FIRST_ROW, header)
    nrr = {
        (u, e): v
        for u, e, v in pack.ikm_elements_by_unit.select("unit_code", "element", "nrr").iter_rows()
    }
    nrr.update({(PROVINCE, e): v for e, v in zip(elements["element"], elements["nrr"])})
    lines = [
        *zip(pack.units["code"], pack.units["label"]),
        (PROVINCE, msg("export.total_row", scope=pack.scope_label())),
    ]
    first = FIRST_ROW + 1
    for r, (code, label) in enumerate(lines, start=first):
        frame = pack.summary if code == PROVINCE else pack.by_unit
        row = pack.row(frame, "ikm", code) or {}
        put(ws, r, 1, None if code == PROVINCE else code)
        put(ws, r, 2, label).font = BOLD if code == PROVINCE else Font()
        for c, element in enumerate(ELEMENTS, start=3):
            put(ws, r, c, nrr.get((code, element)), "0.00")
        put(ws, r, 12, row.get("value"), "0.00")
        put(ws, r, 13, row.get("grade"))
        put(ws, r, 14, row.get("n"), "#,##0")
        put(ws, r, 15, row.get("sample_required"), "#,##0")
    last = first + len(lines) - 1
    _traffic_lights(ws, pack, BY_ID["ikm"], 12, first, last)
    # The pooled NRR per element, and its chart.
    top = last + 3
    put(ws, top - 1, 1, msg("export.col_element")).font = BOLD
    _header(ws, top, [msg("export.col_element"), msg("export.col_indicator"), "NRR"])
    for r, (element, name, value) in enumerate(
        elements.select("element", "name", "nrr").iter_rows(), start=top + 1
    ):
        put(ws, r, 1, element.upper())
        put(ws, r, 2, name)
        put(ws, r, 3, value, "0.00")
    chart = BarChart()
    chart.type = "bar"
    chart.title = msg("export.ikm_elements_chart", element=_weakest(elements))
    chart.add_data(Reference(ws, min_col=3, min_row=top, max_row=top + 9), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=2, min_row=top + 1, max_row=top + 9))
    chart.y_axis.scaling.min, chart.y_axis.scaling.max = 1, 4
    chart.x_axis.scaling.orientation = "maxMin"  # U1 at the top
    chart.legend = None
    chart.width, chart.height = 18, 9
    ws.add_chart(chart, f"E{top}")
    _widths(ws, [12, 30, *([7] * 9), 9, 7, 12, 18])
    ws.freeze_panes = ws.cell(first, 3)
    _print_setup(ws, FIRST_ROW)


def _reports_sheet(ws: Worksheet, pack: Pack) -> None:
    _heading(ws, pack, msg("export.reports_title"))
    _header(
        ws,
        FIRST_ROW,
        [
            msg("export.col_unit_code"),
            msg("export.col_unit"),
            msg("export.col_month"),
            msg("export.col_state"),
            msg("export.col_first_upload"),
        ],
    )
    labels = dict(zip(pack.units["code"], pack.units["label"]))
    for r, row in enumerate(pack.reports.iter_rows(named=True), start=FIRST_ROW + 1):
        put(ws, r, 1, row["unit_code"])
        put(ws, r, 2, labels.get(row["unit_code"]))
        put(ws, r, 3, text.month(row["period"]))
        state = "export.state_late" if row["reported"] else "export.state_missing"
        put(ws, r, 4, msg(state)).fill = _tint(KUNING if row["reported"] else MERAH)
        put(ws, r, 5, row["first_upload"])
    put(
        ws, FIRST_ROW - 1, 1, msg("export.reports_deadline", day=pack.config.report_deadline_day)
    ).font = MUTED
    _widths(ws, [12, 26, 18, 16, 18])
    ws.freeze_panes = ws.cell(FIRST_ROW + 1, 1)
    ws.auto_filter.ref = f"A{FIRST_ROW}:E{FIRST_ROW + max(pack.reports.height, 1)}"
    _print_setup(ws, FIRST_ROW)


def _complaints_sheet(ws: Worksheet, pack: Pack) -> None:
    _heading(ws, pack, msg("export.sheet_complaints"))
    columns = [
        ("unit_code", "export.col_unit_code", 12),
        ("label", "export.col_unit", 22),
        ("nomor", "export.col_number", 18),
        ("tanggal_masuk", "export.col_received", 14),
        ("saluran", "export.col_channel", 14),
        ("kategori", "export.col_category", 18),
        ("ringkasan", "export.col_summary", 50),
        ("status", "export.col_status", 10),
        ("tanggal_selesai", "export.col_resolved", 14),
        ("days", "export.col_days", 8),
        ("working_days", "export.col_working_days", 10),
        ("on_time", "export.col_on_time", 11),
    ]
    _header(ws, FIRST_ROW, [msg(key) for _, key, _ in columns])
    rows = pack.complaints.join(
        pack.units.select(unit_code="code", label="label"), on="unit_code", how="left"
    ).sort("unit_code", "tanggal_masuk", "nomor")
    summary_column = [name for name, _, _ in columns].index("ringkasan") + 1
    for r, row in enumerate(rows.iter_rows(named=True), start=FIRST_ROW + 1):
        for c, (name, _, _) in enumerate(columns, start=1):
            value = row[name]
            if name == "on_time" and not row["resolved"]:
                value = None  # still open: neither on time nor late yet
            put(ws, r, c, value, "#,##0" if name in ("days", "working_days") else None)
        ws.cell(r, summary_column).alignment = WRAP
    _widths(ws, [w for _, _, w in columns])
    ws.freeze_panes = ws.cell(FIRST_ROW + 1, 1)
    ws.auto_filter.ref = (
        f"A{FIRST_ROW}:{get_column_letter(len(columns))}{FIRST_ROW + max(rows.height, 1)}"
    )
    _print_setup(ws, FIRST_ROW)


def _definitions_sheet(ws: Worksheet, pack: Pack) -> None:
    _heading(ws, pack, msg("export.sheet_definitions"))
    header = [
        "export.col_id",
        "export.col_indicator",
        "export.col_domain",
        "export.col_unit_of",
        "export.col_direction",
        "export.col_formula",
        "export.col_standard",
        "export.col_target",
        "export.col_green",
        "export.col_yellow",
        "export.col_description",
    ]
    _header(ws, FIRST_ROW, [msg(k) for k in header])
    for r, indicator in enumerate(INDICATORS, start=FIRST_ROW + 1):
        bands = pack.config.band(indicator.id)
        values = [
            indicator.id,
            indicator.name_id,
            msg(f"export.domain.{indicator.domain.value}"),
            msg(f"export.unit.{indicator.unit.value}"),
            msg(f"export.direction.{indicator.direction.value}"),
            indicator.formula,
            indicator.standard,
            text.target(indicator, bands),
            _threshold(indicator, bands.green),
            _threshold(indicator, bands.yellow),
            indicator.description,
        ]
        for c, value in enumerate(values, start=1):
            put(ws, r, c, value).alignment = WRAP
    _widths(ws, [26, 32, 20, 10, 22, 50, 26, 16, 16, 16, 60])
    ws.freeze_panes = ws.cell(FIRST_ROW + 1, 3)
    _print_setup(ws, FIRST_ROW)


def _employees_sheet(ws: Worksheet, pack: Pack) -> None:
    _heading(ws, pack, msg("export.sheet_employees"))
    put(ws, FIRST_ROW - 1, 1, msg("export.personal_warning")).font = WARNING
    columns = [
        ("unit_code", "export.col_unit_code"),
        ("nip", "export.col_nip"),
        ("nama", "export.col_name"),
        ("status", "export.col_status"),
        ("bulan", "export.col_months"),
    ]
    counts = [
        "hari_kerja",
        "hadir",
        "dinas_luar",
        "sakit",
        "izin",
        "cuti",
        "tk",
        "terlambat",
        "pulang_cepat",
        "apel_wajib",
        "apel_hadir",
    ]
    _header(ws, FIRST_ROW, [*(msg(k) for _, k in columns), *(_count_label(c) for c in counts)])
    for r, row in enumerate(pack.employees.iter_rows(named=True), start=FIRST_ROW + 1):
        for c, name in enumerate([n for n, _ in columns] + counts, start=1):
            # NIPs are 18-digit identifiers, not numbers: text keeps every digit.
            put(ws, r, c, row[name], "#,##0" if name in counts or name == "bulan" else None)
    below = FIRST_ROW + pack.employees.height + 2
    if pack.withheld_units:
        put(
            ws, below, 1, msg("export.personal_withheld", units=", ".join(pack.withheld_units))
        ).font = MUTED
        below += 2
    if pack.early_warning is not None:
        _early_warning_table(ws, pack.early_warning, below + 1)
    _widths(ws, [12, 22, 28, 10, 10, *([11] * len(counts))])
    ws.freeze_panes = ws.cell(FIRST_ROW + 1, 4)
    _print_setup(ws, FIRST_ROW)


def _early_warning_table(ws: Worksheet, warnings: pl.DataFrame, top: int) -> None:
    """Employees at or one day from a TK threshold, year to date (personal data)."""
    put(ws, top - 1, 1, msg("export.early_warning")).font = BOLD
    columns = [
        ("unit_code", "export.col_unit_code", None),
        ("units", "export.col_units", None),
        ("nip", "export.col_nip", None),
        ("nama", "export.col_name", None),
        ("status", "export.col_status", None),
        ("tk_days", "export.col_tk_ytd", "#,##0"),
        ("late_days", "export.col_late_days", "0.00"),
        ("minimum_estimate", "export.col_minimum_estimate", None),
        ("total_days", "export.col_total_days", "0.00"),
        ("reached_sanction", "export.col_reached", None),
        ("next_sanction", "export.col_next", None),
        ("days_left", "export.col_days_left", "0.00"),
        ("month_flag", "export.col_month_flag", None),
    ]
    _header(ws, top, [msg(k) for _, k, _ in columns])
    for r, row in enumerate(warnings.iter_rows(named=True), start=top + 1):
        for c, (name, _, number_format) in enumerate(columns, start=1):
            put(ws, r, c, row[name], number_format)


# --- shared pieces -------------------------------------------------------------


def _heading(ws: Worksheet, pack: Pack, title: str) -> None:
    """Rows 1-3: what the sheet is, the scope and period, and the source."""
    put(ws, 1, 1, title).font = TITLE
    put(
        ws,
        2,
        1,
        f"{msg('export.office')} · {pack.scope_label()} · {pack.period_name()} · "
        f"{msg('export.made_on', date=text.day(pack.made_on))}",
    )
    put(ws, 3, 1, pack.source()).font = MUTED


def _print_setup(ws: Worksheet, header_row: int) -> None:
    """A4 landscape, every column on the page width, the table header on every page."""
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.oddFooter.left.text = f"{msg('export.office')} · &A"  # &A: the sheet's name
    ws.oddFooter.left.size = 8
    ws.oddFooter.right.text = "&P / &N"
    ws.oddFooter.right.size = 8


def _header(ws: Worksheet, row: int, labels: Sequence[str]) -> None:
    for c, label in enumerate(labels, start=1):
        cell = put(ws, row, c, label or None)
        cell.font, cell.fill = BOLD, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def _widths(ws: Worksheet, widths: Sequence[float]) -> None:
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width


def _tint(status: str) -> PatternFill:
    return PatternFill("solid", fgColor=STATUS_TINTS[status].lstrip("#"))


def _traffic_lights(
    ws: Worksheet, pack: Pack, indicator: Indicator, column: int, first: int, last: int
) -> None:
    """Conditional fills that follow the engine's status rule for this indicator.

    Like ``indicators.status`` the value is compared after rounding to the
    shown decimals; neutral and count indicators (whose bands hold per unit
    per month only) get no colours.
    """
    bands = pack.config.band(indicator.id)
    if (
        bands.green is None
        or indicator.direction is Direction.NEUTRAL
        or indicator.unit is Unit.COUNT
    ):
        return
    letter = get_column_letter(column)
    cell = f"{letter}{first}"
    shown = f"ROUND({cell},{comparison_decimals(indicator)})"
    if indicator.direction is Direction.TARGET_RANGE:
        (g_lo, g_hi), (y_lo, y_hi) = bands.green, bands.yellow
        rules = [
            (HIJAU, f"AND({shown}>={g_lo},{shown}<={g_hi})"),
            (KUNING, f"AND({shown}>={y_lo},{shown}<={y_hi})"),
        ]
    else:
        op = ">=" if indicator.direction is Direction.HIGHER else "<="
        rules = [(HIJAU, f"{shown}{op}{bands.green}"), (KUNING, f"{shown}{op}{bands.yellow}")]
    rules.append((MERAH, "TRUE"))
    target = f"{letter}{first}:{letter}{last}"
    for status, condition in rules:
        ws.conditional_formatting.add(
            target,
            FormulaRule(
                formula=[f"AND(ISNUMBER({cell}),{condition})"], fill=_tint(status), stopIfTrue=True
            ),
        )


def _bar(ws: Worksheet, indicator: Indicator, column: int, first: int, last: int) -> BarChart:
    """Per-unit values of one indicator as horizontal bars, in table order."""
    chart = BarChart()
    chart.type = "bar"
    chart.title = indicator.name_id
    chart.add_data(
        Reference(ws, min_col=column, min_row=first - 1, max_row=last), titles_from_data=True
    )
    chart.set_categories(Reference(ws, min_col=2, min_row=first, max_row=last))
    chart.x_axis.scaling.orientation = "maxMin"  # first unit at the top
    chart.y_axis.number_format = _axis_format(indicator)
    chart.y_axis.majorGridlines = None
    chart.legend = None
    chart.width, chart.height = 18, max(7.5, 0.5 * (last - first + 1) + 2)
    return chart


def _line(
    ws: Worksheet, indicator: Indicator, columns: Sequence[int], header: int, last: int
) -> LineChart:
    """Monthly lines of several indicators sharing one unit."""
    chart = LineChart()
    chart.title = msg("export.per_month")
    for column in columns:
        chart.add_data(
            Reference(ws, min_col=column, min_row=header, max_row=last), titles_from_data=True
        )
    chart.set_categories(Reference(ws, min_col=1, min_row=header + 1, max_row=last))
    for series in chart.series:
        series.smooth = False  # a smoothed line invents values between the months
    chart.y_axis.number_format = _axis_format(indicator)
    chart.legend.position = "b"
    chart.width, chart.height = 18, 9
    return chart


def _axis_format(indicator: Indicator) -> str:
    return "0%" if indicator.unit is Unit.PERCENT else "#,##0"


def _threshold(indicator: Indicator, value) -> str | None:
    if value is None:
        return None
    if isinstance(value, tuple):
        return msg(
            "export.target_range",
            low=text.value(indicator, value[0]),
            high=text.value(indicator, value[1]),
        )
    return text.value(indicator, value)


def _weakest(elements: pl.DataFrame) -> str:
    rated = elements.filter(pl.col("nrr").is_not_null())
    return rated.sort("nrr")["element"][0].upper() if rated.height else text.DASH


def _count_label(column: str) -> str:
    """Field labels of the Kehadiran Pegawai sheet, from the workbook schema."""
    names = {"terlambat": "TL1–TL4", "pulang_cepat": "PSW1–PSW4"}
    return names.get(column) or KEHADIRAN_PEGAWAI.field(column).label
