"""The overview's building blocks: indicator cards, the scorecard, the attention list.

Plain polars over ``indicators.compute`` results (no Streamlit): the
Ringkasan page picks the period and scope, this module shapes what it
shows. Frames meant for display have headings in the interface language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import polars as pl

from upt_dashboard.indicators.catalogue import BY_ID, Direction, Method
from upt_dashboard.indicators.config import Config
from upt_dashboard.indicators.keys import COMPOSITES, KEY_INDICATORS, scorecard_indicators
from upt_dashboard.indicators.status import MERAH
from upt_dashboard.views import format as fmt
from upt_dashboard.views.i18n import t
from upt_dashboard.views.names import (
    STATUS_GLYPHS,
    composite_formula_text,
    indicator_formula,
    indicator_name,
    n_label,
    target_text,
)
from upt_dashboard.views.quality import anomaly_reason
from upt_dashboard.views.values import value_text

CARDS_PER_ROW = 3


@dataclass(frozen=True)
class OverviewIndicators:
    """What Ringkasan shows: the composites, the cards, the scorecard's columns."""

    composites: tuple[str, ...]
    cards: list[str]
    scorecard: list[str]


def overview_indicators(config: Config) -> OverviewIndicators:
    return OverviewIndicators(
        COMPOSITES, [*COMPOSITES, *KEY_INDICATORS], scorecard_indicators(config)
    )


def card_rows(all_cards: Sequence[Card]) -> list[list[Card]]:
    """The composites on a row of their own, then the key indicators three to a row."""
    first, rest = list(all_cards[: len(COMPOSITES)]), list(all_cards[len(COMPOSITES) :])
    return [first, *(rest[i : i + CARDS_PER_ROW] for i in range(0, len(rest), CARDS_PER_ROW))]


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
            composite_formula_text(indicator_id, config)
            if ind.method is Method.COMPOSITE
            else indicator_formula(ind)
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
                    n_label=n_label(ind),
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


ATTENTION_ORDER = (
    "missing",
    "red",
    "late",
    "integrity",
    "early_warning",
    "backlog",
    "sample",
    "anomaly",
)
# What each kind of entry is about, as the sample's stories.csv names it.
SIGNALS = {
    "missing": "kelengkapan_laporan",
    "late": "ketepatan_laporan",
    "integrity": "integritas_u4",
    "early_warning": "peringatan_dini",
    "backlog": "tunggakan_pengaduan",
    "sample": "ikm_sampel",
}
ENTRY_SCHEMA = pl.Schema(
    {
        "kind": pl.String(),
        "unit_code": pl.String(),
        "period": pl.Date(),
        "indicator": pl.String(),  # an indicator id, or the signal of SIGNALS
        "item": pl.String(),
        "detail": pl.String(),
    }
)


def attention_entries(
    rows: pl.DataFrame,
    calendar: pl.DataFrame,
    anomalies: pl.DataFrame,
    ids: Sequence[str],
    config: Config,
    *,
    integrity: pl.DataFrame | None = None,
    crossings: pl.DataFrame | None = None,
    backlog: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Everything that needs attention, one row per unit, period and matter: :data:`ENTRY_SCHEMA`.

    In: unit-level ``compute`` rows (red statuses among ``ids``; IKM rows
    with fewer respondents than the Krejcie–Morgan table asks); the report
    calendar (``missing``/``late`` states); the anomaly flags; and, when
    given, the U4 integrity signals (``ikm.u4_signals``), the PP 94/2021
    crossings (``early_warning.threshold_crossings``: counts only, never
    names) and the overdue backlog counts (``complaints.backlog_counts``).
    Most urgent first.
    """
    entries: list[tuple] = []
    for r in rows.filter(
        pl.col("indicator_id").is_in(list(ids)), pl.col("status") == MERAH
    ).iter_rows(named=True):
        ind = BY_ID[r["indicator_id"]]
        detail = t(
            "attention.red_detail",
            value=fmt.value(r["value"], ind.unit.value, ind.decimals),
            target=target_text(ind, config.band(ind.id)),
        )
        entries.append(
            ("red", r["unit_code"], r["period_start"], ind.id, indicator_name(ind), detail)
        )
    short = rows.filter(
        pl.col("indicator_id") == "ikm",
        pl.col("sample_required").is_not_null(),
        pl.col("n") < pl.col("sample_required"),
    )
    for r in short.iter_rows(named=True):
        detail = t("attention.sample_detail", n=r["n"], required=r["sample_required"])
        entries.append(
            (
                "sample",
                r["unit_code"],
                r["period_start"],
                SIGNALS["sample"],
                t("attention.sample"),
                detail,
            )
        )
    for r in calendar.filter(pl.col("state").is_in(["missing", "late"])).iter_rows(named=True):
        detail = t(f"attention.{r['state']}_detail", deadline=fmt.day(r["deadline"]))
        entries.append(
            (
                r["state"],
                r["unit_code"],
                r["period"],
                SIGNALS[r["state"]],
                t(f"attention.{r['state']}"),
                detail,
            )
        )
    for r in anomalies.iter_rows(named=True):
        ind = BY_ID.get(r["indicator_id"])
        item = indicator_name(ind) if ind else r["indicator_id"]
        entries.append(
            (
                "anomaly",
                r["unit_code"],
                r["period_start"],
                r["indicator_id"],
                item,
                anomaly_reason(r, config.anomaly_z),
            )
        )
    for r in (integrity if integrity is not None else _none()).iter_rows(named=True):
        detail = t("attention.integrity_detail", below=r["below_four"], n=r["respondents"])
        entries.append(
            (
                "integrity",
                r["unit_code"],
                r["period"],
                SIGNALS["integrity"],
                t("attention.integrity"),
                detail,
            )
        )
    for r in (crossings if crossings is not None else _none()).iter_rows(named=True):
        parts = []
        if r["crossed"]:
            parts.append(t("attention.crossed_detail", n=r["crossed"]))
        if r["flagged"]:
            parts.append(t("attention.flagged_detail", n=r["flagged"], days=config.monthly_tk_flag))
        entries.append(
            (
                "early_warning",
                r["unit_code"],
                r["period"],
                SIGNALS["early_warning"],
                t("attention.early_warning"),
                " ".join(parts),
            )
        )
    for r in (backlog if backlog is not None else _none()).iter_rows(named=True):
        detail = t("attention.backlog_detail", n=r["overdue"], age=r["oldest_working_days"])
        entries.append(
            (
                "backlog",
                r["unit_code"],
                r["period"],
                SIGNALS["backlog"],
                t("attention.backlog"),
                detail,
            )
        )
    rank = {kind: i for i, kind in enumerate(ATTENTION_ORDER)}
    entries.sort(key=lambda e: (rank[e[0]], e[1], e[2], e[4]))
    return pl.DataFrame(entries, schema=ENTRY_SCHEMA, orient="row")


def _none() -> pl.DataFrame:
    return pl.DataFrame()


def attention_list(
    rows: pl.DataFrame,
    calendar: pl.DataFrame,
    anomalies: pl.DataFrame,
    labels: dict[str, str],
    ids: Sequence[str],
    config: Config,
    grain: str,
    **sources: pl.DataFrame | None,
) -> pl.DataFrame:
    """:func:`attention_entries` for display: kind, unit, period, item, detail.

    ``sources``: ``integrity``, ``crossings``, ``backlog`` as
    :func:`attention_entries` takes them. Red and sample entries are of the
    chosen period (``grain``); the others of a month.
    """
    entries = attention_entries(rows, calendar, anomalies, ids, config, **sources)
    entries = entries.with_columns(
        label=pl.col("unit_code").replace_strict(labels, default=pl.col("unit_code"))
    )
    rank = {kind: i for i, kind in enumerate(ATTENTION_ORDER)}
    ordered = sorted(
        entries.iter_rows(named=True),
        key=lambda e: (rank[e["kind"]], e["label"], e["period"], e["item"]),
    )
    headers = [t(k) for k in ("col.kind", "col.unit", "col.period", "col.item", "col.detail")]
    return pl.DataFrame(
        [
            (
                t(f"attention.kind_{e['kind']}"),
                e["label"],
                fmt.period_text(grain if e["kind"] in ("red", "sample") else "month", e["period"]),
                e["item"],
                e["detail"],
            )
            for e in ordered
        ],
        schema={h: pl.String for h in headers},
        orient="row",
    )
