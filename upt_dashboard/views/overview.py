"""The overview's building blocks: indicator cards, the scorecard, the attention list.

Plain polars over ``indicators.compute`` results (no Streamlit): the
Ringkasan page picks the period and scope, this module shapes what it
shows. Frames meant for display have headings in the interface language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import polars as pl

from upt_dashboard.indicators.catalogue import BY_ID, Direction, Method
from upt_dashboard.indicators.composite import composite_formula
from upt_dashboard.indicators.config import Config
from upt_dashboard.indicators.status import MERAH
from upt_dashboard.views import format as fmt
from upt_dashboard.views.i18n import t
from upt_dashboard.views.names import STATUS_GLYPHS, indicator_name, target_text
from upt_dashboard.views.values import value_text

CARDS_PER_ROW = 3


@dataclass(frozen=True)
class Card:
    """What one ``st.metric`` shows."""

    indicator_id: str
    label: str
    value: str
    status: str | None
    delta: str | None
    delta_color: str  # "normal", "inverse" or "off", as st.metric takes it
    delta_is_zero: bool
    help: str
    spark: list[float] = field(default_factory=list)
    reference: str | None = None  # the whole province's value beside a narrowed scope


def _row(frame: pl.DataFrame, indicator_id: str) -> dict | None:
    rows = frame.filter(pl.col("indicator_id") == indicator_id)
    return rows.row(0, named=True) if rows.height else None


def cards(
    current: pl.DataFrame,
    previous: pl.DataFrame,
    trend: pl.DataFrame,
    ids: Sequence[str],
    config: Config,
    reference: pl.DataFrame | None = None,
) -> list[Card]:
    """One card per indicator id: value, status, change against the previous period.

    ``current``/``previous``: level-province ``compute`` rows (the scope's
    total) of the chosen and the preceding period; ``trend``: the same
    monthly, for the sparkline (oldest first); ``reference``: the whole
    province's rows of the chosen period, given when the scope is narrower,
    shown on each card as "Provinsi Jawa Timur: …". Indicators without a
    row in ``current`` get a card with a dash, so the layout never jumps.
    """
    result = []
    for indicator_id in ids:
        ind = BY_ID[indicator_id]
        now, before = _row(current, indicator_id), _row(previous, indicator_id)
        value = now["value"] if now else None
        prior = before["value"] if before else None
        change = value - prior if value is not None and prior is not None else None
        shown = value_text(now, ind, config)
        colour = {Direction.HIGHER: "normal", Direction.LOWER: "inverse"}.get(ind.direction, "off")
        delta = fmt.delta(change, ind.unit.value, ind.decimals)
        zero = delta is not None and not delta.startswith(("+", "-"))
        spark = (
            trend.filter(pl.col("indicator_id") == indicator_id)
            .sort("period_start")["value"]
            .drop_nulls()
            .to_list()
        )
        # A composite's help spells out its components and weights, as configured.
        formula = (
            composite_formula(indicator_id, config)
            if ind.method is Method.COMPOSITE
            else ind.formula
        )
        result.append(
            Card(
                indicator_id=indicator_id,
                label=indicator_name(ind),
                value=shown,
                status=now["status"] if now else None,
                delta=delta,
                delta_color="off" if zero else colour,
                delta_is_zero=zero,
                help=t(
                    "card.help",
                    formula=formula,
                    target=target_text(ind, config.band(indicator_id)),
                    n=fmt.number(now["n"] if now else 0),
                    n_label=ind.n_label,
                ),
                spark=spark,
                reference=(
                    t(
                        "scope.reference_value",
                        province=t("scope.province"),
                        value=value_text(_row(reference, indicator_id), ind, config),
                    )
                    if reference is not None
                    else None
                ),
            )
        )
    return result


def scorecard(
    rows: pl.DataFrame,
    unit_codes: Sequence[str],
    labels: dict[str, str],
    ids: Sequence[str],
    config: Config,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Units × indicators for one period: (text frame, status frame) of the same shape.

    ``rows``: unit-level ``compute`` rows of one period. Text cells hold the
    value and a status glyph (✓ ! ✕) — a composite also the components it
    used, or why it is empty; "—" means no data, an empty cell means the
    indicator does not apply to the unit's type. The status
    frame holds ``hijau``/``kuning``/``merah`` or null, for colouring.
    """
    unit_col = t("col.unit")
    lookup = {
        (r["unit_code"], r["indicator_id"]): r
        for r in rows.filter(pl.col("indicator_id").is_in(list(ids))).iter_rows(named=True)
    }
    headers = [indicator_name(i) for i in ids]
    text: dict[str, list] = {unit_col: [labels.get(c, c) for c in unit_codes]}
    status: dict[str, list] = {unit_col: [None] * len(unit_codes)}
    for indicator_id, header in zip(ids, headers):
        ind = BY_ID[indicator_id]
        cells, states = [], []
        for code in unit_codes:
            row = lookup.get((code, indicator_id))
            if row is None:
                cells.append("")
                states.append(None)
                continue
            glyph = STATUS_GLYPHS[row["status"]]
            cells.append(f"{value_text(row, ind, config)} {glyph}".strip())
            states.append(row["status"])
        text[header], status[header] = cells, states
    schema = {unit_col: pl.String, **{h: pl.String for h in headers}}
    return pl.DataFrame(text, schema=schema), pl.DataFrame(status, schema=schema)


ATTENTION_ORDER = ("missing", "red", "late", "anomaly")


def attention_list(
    rows: pl.DataFrame,
    calendar: pl.DataFrame,
    anomalies: pl.DataFrame,
    labels: dict[str, str],
    ids: Sequence[str],
    config: Config,
    grain: str,
) -> pl.DataFrame:
    """What needs attention in the period, most urgent first.

    In: unit-level ``compute`` rows of the period (red statuses among
    ``ids``); the report calendar of the period's months (states
    ``missing``/``late`` from ``ui.completeness.report_calendar``); the
    anomaly flags of the period (``indicators.anomalies.flag_anomalies``:
    ``unit_code, period_start, indicator_id, reason``, …). Out: display
    columns kind, unit, period, item, detail.
    """
    entries: list[tuple[str, str, date, str, str]] = []
    for r in rows.filter(
        pl.col("indicator_id").is_in(list(ids)), pl.col("status") == MERAH
    ).iter_rows(named=True):
        ind = BY_ID[r["indicator_id"]]
        entries.append(
            (
                "red",
                r["unit_code"],
                r["period_start"],
                indicator_name(ind),
                t(
                    "attention.red_detail",
                    value=fmt.value(r["value"], ind.unit.value, ind.decimals),
                    target=target_text(ind, config.band(ind.id)),
                ),
            )
        )
    for r in calendar.filter(pl.col("state").is_in(["missing", "late"])).iter_rows(named=True):
        entries.append(
            (
                r["state"],
                r["unit_code"],
                r["period"],
                t(f"attention.{r['state']}"),
                t(f"attention.{r['state']}_detail", deadline=fmt.day(r["deadline"])),
            )
        )
    for r in anomalies.iter_rows(named=True):
        ind = BY_ID.get(r["indicator_id"])
        item = indicator_name(ind) if ind else r["indicator_id"]
        entries.append(("anomaly", r["unit_code"], r["period_start"], item, r["reason"]))
    rank = {kind: i for i, kind in enumerate(ATTENTION_ORDER)}
    entries.sort(key=lambda e: (rank[e[0]], labels.get(e[1], e[1]), e[2], e[3]))
    headers = [t(k) for k in ("col.kind", "col.unit", "col.period", "col.item", "col.detail")]
    return pl.DataFrame(
        [
            (
                t(f"attention.kind_{kind}"),
                labels.get(unit, unit),
                fmt.period_text("month" if kind != "red" else grain, period),
                item,
                detail,
            )
            for kind, unit, period, item, detail in entries
        ],
        schema={h: pl.String for h in headers},
        orient="row",
    )
