"""One unit's picture for the Profil UPT page (plain polars, no Streamlit).

Indicator table, IKM elements, resident flows and complaints of a single
unit, from ``Facts`` and ``indicators.compute`` rows. No per-employee
rows here: the early-warning list comes from ``indicators.early_warning``
and the page shows it only through ``ui.access``.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from upt_dashboard.indicators.catalogue import BY_ID, INDICATORS
from upt_dashboard.indicators.config import Config
from upt_dashboard.months import Month
from upt_dashboard.views import format as fmt
from upt_dashboard.views.complaints import complaint_state
from upt_dashboard.views.i18n import language, t
from upt_dashboard.views.names import (
    STATUS_GLYPHS,
    band_text,
    indicator_name,
    n_label,
    status_label,
)
from upt_dashboard.views.values import value_text

EXITS: tuple[str, ...] = (
    "pm_keluar_reintegrasi",
    "pm_keluar_rujukan",
    "pm_keluar_meninggal",
    "pm_keluar_lainnya",
)
FLOW_COLUMNS: tuple[str, ...] = ("pm_masuk", *EXITS, "pm_akhir_bulan", "daya_tampung")
# Availability beside attendance: a leave peak shows without reading as indiscipline.
DISCIPLINE_TREND: tuple[str, ...] = (
    "kehadiran",
    "ketersediaan_pegawai",
    "tepat_waktu_masuk",
    "tepat_waktu_pulang",
    "kehadiran_apel",
)


def indicator_table(
    current: pl.DataFrame, previous: pl.DataFrame, config: Config, overdue: int | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Every indicator that applies to the unit: (text frame, status frame).

    ``current``/``previous``: the unit's ``compute`` rows for the period and
    the one before (the engine leaves out indicators that do not apply);
    ``overdue``: open complaints past due at the period's end, shown beside
    the median resolution time (which only the resolved ones have).
    Columns: indicator, value, status, the bands that give the status (never a bare
    target it could contradict), previous value, change, n.
    """
    before = {r["indicator_id"]: r["value"] for r in previous.iter_rows(named=True)}
    order = {ind.id: i for i, ind in enumerate(INDICATORS)}
    headers = [
        t(k)
        for k in (
            "col.indicator",
            "col.value",
            "col.status",
            "col.bands",
            "col.previous",
            "col.change",
            "col.n",
        )
    ]
    text, states = [], []
    for r in sorted(current.iter_rows(named=True), key=lambda r: order[r["indicator_id"]]):
        ind = BY_ID[r["indicator_id"]]
        prior = before.get(ind.id)
        change = r["value"] - prior if r["value"] is not None and prior is not None else None
        value = value_text(r, ind, config)
        text.append(
            (
                indicator_name(ind),
                value,
                f"{STATUS_GLYPHS[r['status']]} {status_label(r['status'])}".strip()
                if r["status"]
                else "",
                band_text(ind, config.band(ind.id)),
                fmt.value(prior, ind.unit.value, ind.decimals),
                fmt.delta(change, ind.unit.value, ind.decimals) or "—",
                _basis(r, ind, overdue),
            )
        )
        states.append((None, r["status"], r["status"], None, None, None, None))
    schema = {h: pl.String for h in headers}
    return (
        pl.DataFrame(text, schema=schema, orient="row"),
        pl.DataFrame(states, schema=schema, orient="row"),
    )


def _basis(row: dict, ind, overdue: int | None) -> str:
    """What a value rests on: "4 pengaduan selesai", plus the overdue ones beside the median."""
    basis = f"{fmt.number(row['n'])} {n_label(ind)}"
    if ind.id == "waktu_penyelesaian_pengaduan" and overdue is not None:
        basis += " · " + t("profile.overdue_beside", n=fmt.number(overdue))
    return basis


def ikm_elements(nrr: pl.DataFrame) -> pl.DataFrame:
    """``indicators.ikm.nrr_by_element`` output with display names and the weakest flagged.

    Out: ``element, name, nrr, respondents, weakest`` (U1 first). Ties for
    the weakest all stand out; no respondents means no weakest.
    """
    lowest = nrr["nrr"].min()
    return nrr.select(
        "element",
        name=pl.format(
            "{} {}",
            pl.col("element").str.to_uppercase(),
            pl.Series([t(f"ikm.{e}") for e in nrr["element"]]),
        ),
        nrr="nrr",
        respondents="respondents",
        weakest=(pl.col("nrr") == lowest).fill_null(False) if lowest is not None else pl.lit(False),
    )


def resident_flows(
    penerima_manfaat: pl.DataFrame, unit_code: str, months: Sequence[Month]
) -> pl.DataFrame:
    """Admissions, exits by reason, residents and capacity per month of one unit.

    Months without a report stay as rows with nulls, so charts show a gap
    rather than joining across a missing month.
    """
    grid = pl.DataFrame({"period": [m.first_day for m in months]}, schema={"period": pl.Date})
    rows = penerima_manfaat.filter(pl.col("unit_code") == unit_code).select("period", *FLOW_COLUMNS)
    return grid.join(rows, on="period", how="left").sort("period")


def occupancy_series(flows: pl.DataFrame) -> pl.DataFrame:
    """Long frame (series, period_start, value) of residents and capacity, for a trend chart."""
    names = {"pm_akhir_bulan": t("profile.residents"), "daya_tampung": t("profile.capacity")}
    return pl.concat(
        [
            flows.select(
                series=pl.lit(name), period_start="period", value=pl.col(column).cast(pl.Float64)
            )
            for column, name in names.items()
        ]
    )


def complaints_table(
    pengaduan: pl.DataFrame,
    complaints: pl.DataFrame,
    unit_code: str,
    start: Month,
    end: Month,
    overdue: set[str] | frozenset[str] = frozenset(),
) -> pl.DataFrame:
    """The unit's complaints received in the period, newest state, for display.

    ``complaints``: ``indicators.complaints.complaint_list`` (newest state,
    due date and durations); ``pengaduan``: ``Facts.pengaduan`` for channel
    and category; ``overdue``: Nomor of the unit's open complaints past due
    (the backlog), so an open one reads "lewat tenggat" or "belum jatuh
    tempo". The free-text summary is left out: it may name people.
    """
    scope = complaints.filter(
        pl.col("unit_code") == unit_code,
        pl.col("period").is_between(start.first_day, end.first_day),
    )
    details = (
        pengaduan.filter(pl.col("unit_code") == unit_code)
        .sort("period")
        .unique(["nomor"], keep="last")
        .select("nomor", "saluran", "kategori")
    )
    rows = scope.join(details, on="nomor", how="left").sort("tanggal_masuk", "nomor")
    yes, no = t("common.yes"), t("common.no")
    return pl.DataFrame(
        {
            t("col.number"): rows["nomor"],
            t("col.received"): [fmt.day(d) for d in rows["tanggal_masuk"]],
            t("col.channel"): rows["saluran"],
            t("col.category"): rows["kategori"],
            t("col.due"): [fmt.day(d) for d in rows["due"]],
            t("col.status"): [
                complaint_state(r, n, set(overdue)) for r, n in zip(rows["resolved"], rows["nomor"])
            ],
            t("col.resolved_on"): [fmt.day(d) for d in rows["tanggal_selesai"]],
            t("col.days"): [fmt.number(d) if d is not None else "—" for d in rows["days"]],
            t("col.on_time"): [
                (yes if ok else no) if r else "—"
                for r, ok in zip(rows["resolved"], rows["on_time"])
            ],
        },
        schema={
            h: pl.String
            for h in (
                t("col.number"),
                t("col.received"),
                t("col.channel"),
                t("col.category"),
                t("col.due"),
                t("col.status"),
                t("col.resolved_on"),
                t("col.days"),
                t("col.on_time"),
            )
        },
    )


EARLY_WARNING_COLUMNS = (
    "col.nip",
    "col.name",
    "col.staff_status",
    "col.units",
    "col.tk_days",
    "col.late_days",
    "col.total_days",
    "col.reached",
    "col.next",
    "col.days_left",
    "col.note",
)


def early_warning_table(rows: pl.DataFrame) -> pl.DataFrame:
    """``indicators.early_warning.early_warning`` rows for display (personal data).

    Days absent, days from lateness and early departure ("perkiraan minimal"
    when only the TL/PSW bands were known), their total, the reached and the
    next step of the person's ladder, and a note for a month with many TK
    days. Only shown through ``upt_dashboard.access``.
    """
    dash = "—"
    suffix = "_en" if language() == "en" else ""  # the ladder's own words in each language
    shown = []
    for r in rows.iter_rows(named=True):
        late = fmt.number(r["late_days"], 2)
        if r["minimum_estimate"]:
            late = t("early.minimum", value=late)
        note = (
            t(
                "early.month_flag",
                days=r["tk_month_max"],
                month=fmt.period_label(r["tk_month_max_period"]),
            )
            if r["month_flag"]
            else ""
        )
        shown.append(
            (
                r["nip"] or dash,
                r["nama"],
                r["status"],
                r["units"],
                fmt.number(r["tk_days"]),
                late,
                fmt.number(r["total_days"], 2),
                r[f"reached_sanction{suffix}"] or dash,
                r[f"next_sanction{suffix}"] or dash,
                fmt.number(r["days_left"], 2) if r["days_left"] is not None else dash,
                note,
            )
        )
    headers = [t(k) for k in EARLY_WARNING_COLUMNS]
    return pl.DataFrame(shown, schema={h: pl.String for h in headers}, orient="row")


def tk_counts_table(counts: pl.DataFrame) -> pl.DataFrame:
    """Employees at each PP 94/2021 threshold (counts only, for viewers without access)."""
    return pl.DataFrame(
        {
            t("col.threshold"): [t("profile.tk_threshold", days=d) for d in counts["threshold"]],
            t("col.employees"): [fmt.number(v) for v in counts["employees"]],
        },
        schema={t("col.threshold"): pl.String, t("col.employees"): pl.String},
    )


def discipline_series(discipline: pl.DataFrame) -> pl.DataFrame:
    """The discipline trend rows as ``series, period_start, value`` lines named by indicator."""
    names = {i: indicator_name(i) for i in DISCIPLINE_TREND}
    return discipline.select(
        series=pl.col("indicator_id").replace_strict(names),
        period_start="period_start",
        value="value",
    )


def sample_too_small(ikm: dict | None) -> bool:
    """Whether the IKM row rests on fewer respondents than Krejcie–Morgan asks for."""
    return bool(ikm and ikm["sample_required"] is not None and ikm["n"] < ikm["sample_required"])
