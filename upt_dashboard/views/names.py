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
    The Definisi page lists it; everywhere a status is shown the rule behind
    the status (:func:`band_text`) stands beside it instead.
    """
    from upt_dashboard.indicators.catalogue import Direction

    if indicator.direction is Direction.TARGET_RANGE and bands.target_min is not None:
        return f"{_shown(indicator, bands.target_min)}–{_shown(indicator, bands.target_max)}"
    if bands.target is None:
        return "—"
    sign = {Direction.HIGHER: "≥ ", Direction.LOWER: "≤ "}.get(indicator.direction, "")
    return sign + _shown(indicator, bands.target)


def _shown(indicator: Indicator, value: float | None) -> str:
    from upt_dashboard.views import format as fmt

    return fmt.value(value, indicator.unit.value, indicator.decimals)


def _rule(indicator: Indicator, threshold, *, red: bool = False) -> str:
    """ "≥ 80,0", "≤ 0,50%", "85,0%–100,0%", "= 100,0%" (a full share is the only good one);
    with ``red`` the complement: "< 60,0", "> 1,00%", "outside 70,0%–105,0%"."""
    from upt_dashboard.indicators.catalogue import Direction, Unit

    if isinstance(threshold, tuple):
        span = f"{_shown(indicator, threshold[0])}–{_shown(indicator, threshold[1])}"
        return t("band.outside", span=span) if red else span
    shown = _shown(indicator, threshold)
    higher = indicator.direction is not Direction.LOWER
    if red:
        return ("< " if higher else "> ") + shown
    if higher and indicator.unit is Unit.PERCENT and threshold >= 1.0:
        return "= " + shown
    return ("≥ " if higher else "≤ ") + shown


def band_text(indicator: Indicator, bands) -> str:
    """The rule that gives the status: "Baik ≥ 80,0 · Waspada ≥ 60,0 · Perlu perhatian < 60,0".

    The status word and colour on every card, table and export come from
    these bands, so this — not the target — is what stands beside a value.
    "—" for an indicator without bands (it gets no status).
    """
    if bands.green is None:
        return "—"
    parts = [f"{status_label('hijau')} {_rule(indicator, bands.green)}"]
    if bands.yellow != bands.green:
        parts.append(f"{status_label('kuning')} {_rule(indicator, bands.yellow)}")
    parts.append(f"{status_label('merah')} {_rule(indicator, bands.yellow, red=True)}")
    return " · ".join(parts)


def glyph_rule(indicator: Indicator, bands) -> str:
    """The bands in a table cell: "✓ ≥ 80,0 · ! ≥ 60,0" ("" without bands)."""
    if bands.green is None:
        return ""
    parts = [f"{STATUS_GLYPHS['hijau']} {_rule(indicator, bands.green)}"]
    if bands.yellow != bands.green:
        parts.append(f"{STATUS_GLYPHS['kuning']} {_rule(indicator, bands.yellow)}")
    return " · ".join(parts)


def red_rule(indicator: Indicator, bands) -> str:
    """When a value is red, in words: "perlu perhatian di bawah 99,0%"."""
    from upt_dashboard.indicators.catalogue import Direction

    if isinstance(bands.yellow, tuple):
        low, high = (_shown(indicator, v) for v in bands.yellow)
        return t("band.red_outside", low=low, high=high)
    key = "band.red_above" if indicator.direction is Direction.LOWER else "band.red_below"
    return t(key, value=_shown(indicator, bands.yellow))


def indicator_ids() -> list[str]:
    """Every indicator id in catalogue order (the pickers' options)."""
    return list(BY_ID)


def unit_info(units: pl.DataFrame, code: str) -> dict:
    """The registry row of one unit (code, name, type, city, capacity, type_name, …)."""
    return units.filter(pl.col("code") == code).row(0, named=True)
