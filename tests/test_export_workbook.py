"""The Excel summary: sheets, engine values, formats, native charts, inert text, personal data."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date

import polars as pl
import pytest
from export_facts import fixed_config, synthetic_facts
from openpyxl import Workbook, load_workbook

from upt_dashboard import access
from upt_dashboard.exports import pack as pack_module
from upt_dashboard.exports.cells import csv_bytes, csv_text, put
from upt_dashboard.exports.pack import ExportScope, build_pack
from upt_dashboard.exports.workbook import FIRST_ROW, build_workbook
from upt_dashboard.indicators.catalogue import INDICATORS
from upt_dashboard.indicators.early_warning import early_warning, tk_threshold_counts
from upt_dashboard.indicators.engine import compute as engine_compute
from upt_dashboard.indicators.status import shown_value_expr
from upt_dashboard.months import Month

START, END = Month(2025, 11), Month(2026, 10)
NASTY = (
    '=HYPERLINK("http://contoh.invalid/x","klik di sini")',
    "+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "=cmd|' /C calc'!A0",
    "Antrean makan siang lama",
)
SHEETS = [
    "Ringkasan",
    "Perlu Perhatian",
    "Orientasi Pelayanan",
    "Disiplin",
    "Integritas",
    "IKM per Unsur",
    "Kelengkapan Laporan",
    "Pengaduan",
    "Definisi",
]


def compute(*args, **kwargs):
    """The engine's values as exports carry them: rounded half up to the digits shown."""
    return engine_compute(*args, **kwargs).with_columns(value=shown_value_expr())


@pytest.fixture(scope="module")
def facts():
    return synthetic_facts(n_units=6, months=12, summaries=NASTY)


@pytest.fixture(scope="module")
def config():
    return fixed_config()


def _build(facts, config, **scope) -> tuple[pack_module.Pack, bytes]:
    pack = build_pack(
        facts, ExportScope(START, END, **scope), config=config, made_on=date(2026, 11, 28)
    )
    return pack, build_workbook(pack)


@pytest.fixture(scope="module")
def built(facts, config):
    return _build(facts, config)


@pytest.fixture(scope="module")
def wb(built):
    return load_workbook(io.BytesIO(built[1]))


def _table(ws, header_row: int = FIRST_ROW) -> list[dict]:
    """Rows under a header row until the first empty row, as dicts by header."""
    header = [c.value for c in ws[header_row]]
    rows = []
    for r in range(header_row + 1, ws.max_row + 1):
        values = [c.value for c in ws[r]]
        if all(v is None for v in values):
            break
        rows.append(dict(zip(header, values)))
    return rows


def test_sheets_in_order_and_no_personal_sheet_by_default(wb):
    assert wb.sheetnames == SHEETS


@pytest.mark.parametrize(
    "sheet, indicator_id",
    [
        ("Disiplin", "kehadiran"),
        ("Disiplin", "indeks_disiplin"),
        ("Orientasi Pelayanan", "ikm"),
        ("Orientasi Pelayanan", "reintegrasi"),
        ("Integritas", "unggahan_informasi"),
    ],
)
def test_unit_values_are_the_engine_values(wb, facts, config, sheet, indicator_id):
    by_unit = compute(
        facts,
        start=START,
        end=END,
        grain="all",
        level="unit",
        indicators=[indicator_id],
        config=config,
    )
    total = compute(
        facts,
        start=START,
        end=END,
        grain="all",
        level="province",
        indicators=[indicator_id],
        config=config,
    )
    name = next(i.name_id for i in INDICATORS if i.id == indicator_id)
    rows = _table(wb[sheet])
    shown = {r["Kode UPT"]: r[name] for r in rows if r["Kode UPT"]}
    expected = dict(zip(by_unit["unit_code"], by_unit["value"]))
    # approx: a composite computed alone sums its components in another order
    assert {k: v for k, v in shown.items() if v is not None} == pytest.approx(
        {k: v for k, v in expected.items() if v is not None}, rel=1e-12
    )
    scope_row = next(r[name] for r in rows if r["UPT"] == "Provinsi Jawa Timur (gabungan)")
    assert scope_row == pytest.approx(total["value"][0], rel=1e-12)


def test_monthly_trend_is_the_engine_values(wb, facts, config):
    ws = wb["Disiplin"]
    header = next(r for r in range(FIRST_ROW + 1, ws.max_row) if ws.cell(r, 1).value == "Bulan")
    rows = _table(ws, header)
    monthly = compute(
        facts,
        start=START,
        end=END,
        grain="month",
        level="province",
        indicators=["kehadiran"],
        config=config,
    ).sort("period_start")
    assert [r["Bulan"] for r in rows][:2] == ["Nov 2025", "Des 2025"]
    assert [r["Kehadiran Pegawai"] for r in rows] == monthly["value"].to_list()


def test_formats_frozen_headers_and_traffic_lights(wb):
    ws = wb["Disiplin"]
    header = [c.value for c in ws[FIRST_ROW]]
    column = header.index("Kehadiran Pegawai") + 1
    assert ws.cell(FIRST_ROW + 1, column).number_format == "0.0%"
    assert isinstance(ws.cell(FIRST_ROW + 1, column).value, float)
    assert ws.freeze_panes == f"D{FIRST_ROW + 1}"
    rules = [rule for cf in ws.conditional_formatting for rule in cf.rules]
    assert rules and all(rule.type == "expression" for rule in rules)
    assert any("ROUND(" in rule.formula[0] and ">=0.995" in rule.formula[0] for rule in rules)
    ikm = wb["IKM per Unsur"]
    assert ikm.cell(FIRST_ROW + 1, 3).number_format == "0.00"
    assert wb["Pengaduan"].freeze_panes == f"A{FIRST_ROW + 1}"


def test_native_excel_charts(built):
    with zipfile.ZipFile(io.BytesIO(built[1])) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 2 * 3 + 1  # bar + line per domain sheet, IKM elements
    assert sum("<barChart>" in c for c in charts) == 4
    assert sum("<lineChart>" in c for c in charts) == 3


def test_complaints_listed_with_summaries(wb, built):
    pack = built[0]
    rows = _table(wb["Pengaduan"])
    assert len(rows) == pack.complaints.height > 0
    assert {r["Ringkasan"] for r in rows} <= set(NASTY)


def test_formula_like_text_stays_text(wb, built):
    ws = wb["Pengaduan"]
    column = [c.value for c in ws[FIRST_ROW]].index("Ringkasan") + 1
    cells = [ws.cell(r, column) for r in range(FIRST_ROW + 1, ws.max_row + 1)]
    seen = {c.value for c in cells}
    assert set(NASTY) <= seen  # every summary written exactly as uploaded
    for cell in cells:
        assert cell.data_type == "s"
        assert cell.quotePrefix == cell.value.startswith(("=", "+", "-", "@", "\t"))
    with zipfile.ZipFile(io.BytesIO(built[1])) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert not any(re.search(r"<f[ >]", x) for x in sheets)  # no formula anywhere


@pytest.mark.parametrize(
    "text, quoted",
    [
        ("=1+1", True),
        ("+62 812", True),
        ("-", True),
        ("@x", True),
        ("\rA", True),
        ("biasa", False),
        ("1=1", False),
    ],
)
def test_put_marks_formula_like_text(text, quoted):
    ws = Workbook().active
    cell = put(ws, 1, 1, text)
    assert (cell.value, cell.data_type, bool(cell.quotePrefix)) == (text, "s", quoted)
    assert csv_text(text) == ("'" + text if quoted else text)


def test_csv_of_chart_data_is_inert_too():
    frame = pl.DataFrame({"ringkasan": ['=HYPERLINK("x")', "biasa", None], "n": [1, 2, 3]})
    assert csv_bytes(frame).decode("utf-8-sig").splitlines() == [
        "ringkasan,n",
        '"\'=HYPERLINK(""x"")",1',
        "biasa,2",
        ",3",
    ]


def test_definitions_come_from_the_catalogue(wb):
    rows = _table(wb["Definisi"])
    assert [r["ID"] for r in rows] == [i.id for i in INDICATORS]
    kehadiran = next(r for r in rows if r["ID"] == "kehadiran")
    assert kehadiran["Rumus"] == "Σ (Hadir + Dinas Luar) ÷ Σ (Hadir + Dinas Luar + TK)"
    assert kehadiran["Ambang hijau"] == "99,5%"


def test_no_employee_rows_unless_asked(built, facts):
    names = set(facts.kehadiran_pegawai["nama"]) | set(facts.kehadiran_pegawai["nip"])
    with zipfile.ZipFile(io.BytesIO(built[1])) as z:
        xml = " ".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xml"))
    assert not any(name in xml for name in names)


def test_employee_rows_when_asked_and_only_for_allowed_units(facts, config, monkeypatch):
    allowed = {"PSTW-01", "RSBL-02"}
    monkeypatch.setattr(access, "can_see_personal_data", lambda code, viewer=None: code in allowed)
    pack, data = _build(facts, config, include_personal_data=True)
    ws = load_workbook(io.BytesIO(data))["Data Pegawai"]
    assert ws.cell(FIRST_ROW - 1, 1).value.startswith("DATA PRIBADI")
    rows = _table(ws)
    assert {r["Kode UPT"] for r in rows} == allowed
    assert all(isinstance(r["NIP"], str) and len(r["NIP"]) == 18 for r in rows)
    tk = (
        facts.kehadiran_pegawai.filter(pl.col("unit_code").is_in(allowed))
        .group_by("nip")
        .agg(pl.col("tk").sum())
    )
    assert {r["NIP"]: r["TK"] for r in rows} == dict(zip(tk["nip"], tk["tk"]))
    assert set(pack.withheld_units) == set(pack.units["code"]) - allowed
    note = ws.cell(FIRST_ROW + len(rows) + 2, 1).value
    assert "PSBR-03" in note
    warning_header = next(
        r
        for r in range(FIRST_ROW + len(rows) + 1, ws.max_row + 1)
        if ws.cell(r, 1).value == "Kode UPT"
    )
    warned = _table(ws, warning_header)
    expected = early_warning(facts, units=sorted(allowed), as_of=END, config=config)
    assert [(r["NIP"], r["TK tahun berjalan"], r["Total hari"]) for r in warned] == list(
        zip(expected["nip"], expected["tk_days"], expected["total_days"])
    )


def test_threshold_counts_have_no_names(wb, facts):
    ws = wb["Disiplin"]
    title = next(
        r
        for r in range(1, ws.max_row + 1)
        if str(ws.cell(r, 1).value).startswith("Pegawai yang mencapai ambang TK")
    )
    rows = _table(ws, title + 1)
    counts = tk_threshold_counts(facts, as_of=END)
    for row in rows:
        for days in (3, 11, 21, 28):
            expected = counts.filter(
                pl.col("unit_code") == row["Kode UPT"], pl.col("threshold") == days
            )["employees"][0]
            assert row[f"TK ≥ {days} hari"] == expected


@pytest.fixture(scope="module")
def october(facts, config):
    """The meeting pack of one focus month."""
    pack = build_pack(facts, ExportScope(END, END), config=config, made_on=date(2026, 11, 28))
    return pack, load_workbook(io.BytesIO(build_workbook(pack)))


def _summary_header_row(ws) -> int:
    return next(r for r in range(1, 20) if ws.cell(r, 1).value == "Indikator")


def test_the_summary_of_a_month_opens_with_its_paragraph_and_compares_with_the_month_before(
    october, facts, config
):
    pack, wb = october
    ws = wb["Ringkasan"]
    assert ws.cell(FIRST_ROW, 1).value == pack.summary_text
    assert pack.summary_text.startswith("Oktober 2026, Provinsi Jawa Timur: ")
    header_row = _summary_header_row(ws)
    header = [c.value for c in ws[header_row] if c.value]
    # no "Provinsi" column repeating the value column for the whole province
    assert header == [
        "Indikator",
        "Domain",
        "Nilai Okt 2026",
        "Sep 2026",
        "Perubahan",
        "Status",
        "Ambang status",
        "Dasar",
    ]
    rows = {r["Indikator"]: r for r in _table(ws, header_row)}
    now = compute(facts, start=END, end=END, grain="month", level="province", config=config)
    before = compute(
        facts, start=END - 1, end=END - 1, grain="month", level="province", config=config
    )
    value = now.filter(pl.col("indicator_id") == "kehadiran")["value"][0]
    prior = before.filter(pl.col("indicator_id") == "kehadiran")["value"][0]
    attendance = rows["Kehadiran Pegawai"]
    assert (attendance["Nilai Okt 2026"], attendance["Sep 2026"]) == (value, prior)
    points = round((value - prior) * 100, 1)
    assert attendance["Perubahan"] == f"{points:+.1f} poin".replace(".", ",")
    # the status is read against its bands, not against a target
    composite = rows["Indeks Disiplin"]
    assert composite["Ambang status"] == "Baik ≥ 80,0 · Waspada ≥ 60,0 · Perlu perhatian < 60,0"


def test_a_narrowed_scope_keeps_the_province_beside_it(facts, config):
    pack = build_pack(facts, ExportScope(END, END, types=("PSTW",)), config=config)
    ws = load_workbook(io.BytesIO(build_workbook(pack)))["Ringkasan"]
    header = [c.value for c in ws[_summary_header_row(ws)] if c.value]
    assert header[-1] == "Provinsi Jawa Timur"


def test_every_sheet_prints_on_a4_landscape_fitted_to_width_with_its_header_repeated(october):
    _, wb = october
    for ws in wb.worksheets:
        setup = ws.page_setup
        assert setup.orientation == "landscape", ws.title
        assert str(setup.paperSize) == ws.PAPERSIZE_A4, ws.title
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        header = _summary_header_row(ws) if ws.title == "Ringkasan" else FIRST_ROW
        assert ws.print_title_rows == f"${header}:${header}", ws.title
    # no chart beside a table (it would make the printed page wide): all start in column B or I
    for ws in wb.worksheets:
        for chart in ws._charts:
            assert chart.anchor._from.col in (1, 4, 8), ws.title


def test_the_attention_sheet_lists_one_row_per_unit(october):
    pack, wb = october
    rows = _table(wb["Perlu Perhatian"])
    assert [r["Kode UPT"] for r in rows] == [u.unit_code for u in pack.attention]
    assert len({r["Kode UPT"] for r in rows}) == len(rows)
    for row, unit in zip(rows, pack.attention):
        assert row["Alasan"] == "\n".join(r.text for r in unit.reasons)
        assert row["Status"].endswith(("Perlu perhatian", "Waspada"))
