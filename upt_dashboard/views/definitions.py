"""The indicator definitions page, generated from the catalogue and the configuration.

Plain Python (no Streamlit): one record per indicator, shown on the page as
a block of Markdown and downloadable as one table.
"""

from __future__ import annotations

import polars as pl

from upt_dashboard.indicators.catalogue import (
    BY_ID,
    INDICATORS,
    Direction,
    Indicator,
    applicable_types,
)
from upt_dashboard.indicators.config import Config
from upt_dashboard.indicators.ikm import BANDS
from upt_dashboard.views import format as fmt
from upt_dashboard.views import names
from upt_dashboard.views.i18n import t
from upt_dashboard.views.names import (
    indicator_description,
    indicator_formula,
    indicator_name,
    indicator_standard,
    target_text,
)

DOMAINS: tuple[str, ...] = ("komposit", "orientasi_pelayanan", "disiplin", "integritas")
DIRECTIONS: tuple[str, ...] = tuple(d.value for d in Direction)
# Record field -> message key of its heading, in display order.
FIELDS: dict[str, str] = {
    "name": "col.indicator",
    "formula": "col.formula",
    "unit": "col.unit_measure",
    "direction": "col.direction",
    "applies_to": "col.applies_to",
    "target": "col.target",
    "green": "col.green_from",
    "yellow": "col.yellow_from",
    "standard": "col.standard",
    "description": "col.description",
}


def _threshold(ind: Indicator, value) -> str:
    if value is None:
        return "—"
    if isinstance(value, tuple):
        return "–".join(fmt.value(v, ind.unit.value, ind.decimals) for v in value)
    return fmt.value(value, ind.unit.value, ind.decimals)


def _applies(ind: Indicator, unit_types: pl.DataFrame) -> str:
    types = applicable_types(ind, unit_types)
    return t("definitions.all_types") if types is None else ", ".join(sorted(types))


def definitions(
    config: Config, unit_types: pl.DataFrame, domain: str | None = None
) -> list[dict[str, str]]:
    """One record per indicator (of ``domain``, or all), fields as in :data:`FIELDS`.

    Everything follows the interface language (English texts from
    ``indicators.english``).
    """
    records = []
    for ind in INDICATORS:
        if domain is not None and ind.domain.value != domain:
            continue
        bands = config.band(ind.id)
        records.append(
            {
                "id": ind.id,
                "domain": ind.domain.value,
                "name": indicator_name(ind),
                "formula": indicator_formula(ind),
                "unit": t(f"unit.{ind.unit.value}"),
                "direction": t(f"direction.{ind.direction.value}"),
                "applies_to": _applies(ind, unit_types),
                "target": target_text(ind, bands),
                "green": _threshold(ind, bands.green),
                "yellow": _threshold(ind, bands.yellow),
                "standard": indicator_standard(ind),
                "description": indicator_description(ind),
            }
        )
    return records


def definitions_table(records: list[dict[str, str]]) -> pl.DataFrame:
    """The records as a table with headings in the interface language (for CSV)."""
    headers = {field: t(key) for field, key in FIELDS.items()}
    return pl.DataFrame(
        [{headers[f]: r[f] for f in FIELDS} for r in records],
        schema={h: pl.String for h in headers.values()},
    )


def definition_markdown(record: dict[str, str]) -> str:
    """One indicator as Markdown: formula, then the facts on one line, then the description."""
    facts = " · ".join(
        f"**{t(FIELDS[f])}:** {record[f]}"
        for f in ("unit", "direction", "applies_to", "target", "green", "yellow")
    )
    return (
        f"**{t('col.formula')}:** {record['formula']}  \n{facts}  \n"
        f"{record['description']} _({record['standard']})_"
    )


def components_table(config: Config, composite_id: str) -> pl.DataFrame:
    """The components of a composite index: indicator, weight share, floor, target."""
    parts = config.composites.get(composite_id, ())
    total = sum(c.weight for c in parts) or 1.0
    headers = [t(k) for k in ("col.indicator", "col.weight", "col.floor", "col.target")]
    rows = []
    for c in parts:
        ind = BY_ID[c.indicator_id]
        rows.append(
            (
                indicator_name(ind),
                fmt.percent(c.weight / total, 0),
                fmt.value(c.floor, ind.unit.value, ind.decimals),
                target_text(ind, config.band(ind.id)),
            )
        )
    return pl.DataFrame(rows, schema={h: pl.String for h in headers}, orient="row")


def composite_formula_text(composite_id: str, config: Config) -> str:
    """The configured formula of a composite, as the page shows it (interface language)."""
    return names.composite_formula_text(composite_id, config)


def ikm_bands_markdown() -> str:
    """The IKM quality bands as a Markdown list: "- **A** Sangat Baik: ≥ 88,31"."""
    return "\n".join(
        f"- **{letter}** {t(f'ikm.grade_{letter}')}: ≥ {fmt.number(low, 2)}"
        for low, letter, _ in BANDS
    )
