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
from upt_dashboard.indicators.status import KUNING, MERAH
from upt_dashboard.views import format as fmt
from upt_dashboard.views.i18n import t
from upt_dashboard.views.names import (
    STATUS_GLYPHS,
    band_text,
    composite_formula_text,
    glyph_rule,
    indicator_formula,
    indicator_name,
    n_label,
)
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
    bands: str = ""  # the rule behind the status: "Baik ≥ 80,0 · Waspada ≥ 60,0 · …"


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
                    bands=band_text(ind, config.band(indicator_id)),
                    n=fmt.number(now["n"] if now else 0),
                    n_label=n_label(ind),
                ),
                spark=spark,
                bands=band_text(ind, config.band(indicator_id)) if now and now["status"] else "",
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


# More units than this are not read on one screen: the scorecard shows the units
# most in need first and the ranking its two ends (the downloads keep every unit).
SHOWN_UNITS = 60


def most_in_need(
    rows: pl.DataFrame, unit_codes: Sequence[str], ids: Sequence[str], limit: int = SHOWN_UNITS
) -> list[str]:
    """``unit_codes``, or when there are more than ``limit`` the ``limit`` units with the
    most red, then the most yellow statuses among ``ids`` (ties in the given order)."""
    if len(unit_codes) <= limit:
        return list(unit_codes)
    status = pl.col("status")
    counts = (
        rows.filter(pl.col("indicator_id").is_in(list(ids)))
        .group_by("unit_code")
        .agg(red=(status == MERAH).sum(), yellow=(status == KUNING).sum())
    )
    order = pl.DataFrame({"unit_code": list(unit_codes)}).with_row_index("given")
    ranked = order.join(counts, on="unit_code", how="left").fill_null(0)
    ranked = ranked.sort(["red", "yellow", "given"], descending=[True, True, False])
    return ranked["unit_code"].head(limit).to_list()


def ranking_ends(
    ranked: pl.DataFrame, higher_first: bool, limit: int = SHOWN_UNITS
) -> pl.DataFrame:
    """A ranking frame, or when it has more than ``limit`` rows its best and worst
    ``limit // 2`` by value (units without a value are left out then)."""
    if ranked.height <= limit:
        return ranked
    valued = ranked.filter(pl.col("value").is_not_null()).sort("value", descending=higher_first)
    half = limit // 2
    return pl.concat([valued.head(half), valued.tail(half)]).unique(maintain_order=True)


def scorecard(
    rows: pl.DataFrame,
    unit_codes: Sequence[str],
    labels: dict[str, str],
    ids: Sequence[str],
    config: Config,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Units × indicators for one period: (text frame, status frame) of the same shape.

    ``rows``: unit-level ``compute`` rows of one period. The first row states
    each column's status rule ("✓ ≥ 80,0 · ! ≥ 60,0"), so a glyph is read
    against its bands. Text cells hold the value and a status glyph (✓ ! ✕)
    — a composite also the components it used, or why it is empty; "—"
    means no data, an empty cell means the indicator does not apply to the
    unit's type. The status frame holds ``hijau``/``kuning``/``merah`` or
    null, for colouring.
    """
    unit_col = t("col.unit")
    lookup = {
        (r["unit_code"], r["indicator_id"]): r
        for r in rows.filter(pl.col("indicator_id").is_in(list(ids))).iter_rows(named=True)
    }
    headers = [indicator_name(i) for i in ids]
    text: dict[str, list] = {
        unit_col: [t("overview.scorecard_rule")] + [labels.get(c, c) for c in unit_codes]
    }
    status: dict[str, list] = {unit_col: [None] * (len(unit_codes) + 1)}
    for indicator_id, header in zip(ids, headers):
        ind = BY_ID[indicator_id]
        cells, states = [glyph_rule(ind, config.band(indicator_id))], [None]
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
