"""Display names for indicators, units, unit types and statuses (plain, no Streamlit)."""

from __future__ import annotations

import polars as pl

from upt_dashboard.indicators.catalogue import BY_ID, Indicator
from upt_dashboard.indicators.english import INDICATORS_EN, N_LABELS_EN, STANDARDS_EN
from upt_dashboard.views.i18n import language, t


def indicator_name(indicator: Indicator | str) -> str:
    """The indicator's name in the interface language (from the catalogue)."""
    ind = BY_ID[indicator] if isinstance(indicator, str) else indicator
    return ind.name_en if language() == "en" else ind.name_id


def _english() -> bool:
    return language() == "en"


def indicator_formula(indicator: Indicator) -> str:
    """The formula in the interface language (workbook column names as the contract has them)."""
    return INDICATORS_EN[indicator.id].formula if _english() else indicator.formula


def indicator_description(indicator: Indicator) -> str:
    return INDICATORS_EN[indicator.id].description if _english() else indicator.description


def indicator_standard(indicator: Indicator) -> str:
    return (
        STANDARDS_EN.get(indicator.standard, indicator.standard)
        if _english()
        else (indicator.standard)
    )


def n_label(indicator: Indicator) -> str:
    """What a value's ``n`` counts: "laporan UPT-bulan" / "unit-month reports"."""
    return (
        N_LABELS_EN.get(indicator.n_label, indicator.n_label) if _english() else (indicator.n_label)
    )


def composite_formula_text(composite_id: str, config) -> str:
    """A composite index's configured formula in the interface language.

    ``config`` is ``indicators.config.Config``; components, weights, floors
    and targets are the configured ones.
    """
    from upt_dashboard.indicators.composite import components, composite_formula
    from upt_dashboard.views import format as fmt

    if not _english():
        return composite_formula(composite_id, config)
    parts = components(composite_id, config)
    total = sum(c.weight for c in parts)
    terms = []
    for c in parts:
        ind = BY_ID[c.indicator_id]
        target = config.band(c.indicator_id).target
        terms.append(
            f"{fmt.number(c.weight / total, 2)} × score of {ind.name_en} "
            f"(0 at {fmt.value(c.floor, ind.unit.value, ind.decimals)}, "
            f"100 at {fmt.value(target, ind.unit.value, ind.decimals)})"
        )
    return f"{BY_ID[composite_id].name_en} = " + " + ".join(terms)


def unit_labels(units: pl.DataFrame) -> dict[str, str]:
    """Unit code -> short label for charts and tables: "PSTW Jombang".

    Full registry names ("UPT Pelayanan Sosial Tresna Werdha Jombang") do
    not fit a bar label; type plus city does, and the code is added only
    where two units would share a label.
    """
    short = {c: f"{ty} {city}" for c, ty, city in zip(units["code"], units["type"], units["city"])}
    seen: dict[str, int] = {}
    for label in short.values():
        seen[label] = seen.get(label, 0) + 1
    return {c: (f"{label} ({c})" if seen[label] > 1 else label) for c, label in short.items()}


def type_names(unit_types: pl.DataFrame) -> dict[str, str]:
    """Type code -> "PSTW — Pelayanan Sosial Tresna Werdha" in the interface language."""
    column = "name_en" if language() == "en" else "name"
    return {code: f"{code} — {name}" for code, name in zip(unit_types["type"], unit_types[column])}


def status_label(status: str | None) -> str:
    """ "hijau" -> "Baik"/"Good"; None -> "Tanpa status"."""
    return t(f"status.{status or 'none'}")


# A glyph per status so a cell never relies on colour alone.
STATUS_GLYPHS: dict[str | None, str] = {"hijau": "✓", "kuning": "!", "merah": "✕", None: ""}


def target_text(indicator: Indicator, bands) -> str:
    """The configured target in display form: "≥ 95,0%", "85,0%–100,0%", "≤ 0,50%".

    ``bands`` is ``indicators.config.Bands``; "—" when nothing is configured.
    """
    from upt_dashboard.indicators.catalogue import Direction
    from upt_dashboard.views import format as fmt

    def shown(v: float | None) -> str:
        return fmt.value(v, indicator.unit.value, indicator.decimals)

    if indicator.direction is Direction.TARGET_RANGE and bands.target_min is not None:
        return f"{shown(bands.target_min)}–{shown(bands.target_max)}"
    if bands.target is None:
        return "—"
    sign = {Direction.HIGHER: "≥ ", Direction.LOWER: "≤ "}.get(indicator.direction, "")
    return sign + shown(bands.target)


def indicator_ids() -> list[str]:
    """Every indicator id in catalogue order (the pickers' options)."""
    return list(BY_ID)


def unit_info(units: pl.DataFrame, code: str) -> dict:
    """The registry row of one unit (code, name, type, city, capacity, type_name, …)."""
    return units.filter(pl.col("code") == code).row(0, named=True)
