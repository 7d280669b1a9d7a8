"""What a number covers: the scope's name, and the province beside a narrower scope.

The engine calls the total of a scope ``PROVINSI`` only when it is every
unit (``CAKUPAN`` otherwise); this module gives that total its words —
"Provinsi Jawa Timur", "Jenis PSTW (7 UPT)", "PSTW Jombang", "Pilihan
(3 UPT)" — for titles, legends, cards, exports and the CLI, and the true
province value to draw beside a narrowed scope as a reference.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import polars as pl

from upt_dashboard.indicators.engine import PROVINCE, SCOPE
from upt_dashboard.views.i18n import t, t_count
from upt_dashboard.views.names import unit_labels


@dataclass(frozen=True)
class ScopeName:
    """The scope as words: its ``kind`` (province, type, unit, selection), label and size."""

    kind: str
    label: str
    n_units: int

    @property
    def narrowed(self) -> bool:
        """True when the scope is not the whole province (a reference is then drawn)."""
        return self.kind != "province"


def scope_name(
    units: pl.DataFrame,
    codes: Sequence[str] | None = None,
    types: Sequence[str] | None = None,
    lang: str | None = None,
) -> ScopeName:
    """Name the scope ``codes``/``types`` select from the registry frame ``units``.

    Units win over types, as in the engine (both given: the units of those
    types). Every unit → the province; one unit → its short label; all units
    of the chosen types → "Jenis …"; any other set → "Pilihan (n UPT)".
    """
    chosen = units
    if types:
        chosen = chosen.filter(pl.col("type").is_in(list(types)))
    if codes:
        chosen = chosen.filter(pl.col("code").is_in(list(codes)))
    n = chosen.height
    if n == units.height:
        return ScopeName("province", t("scope.province", lang=lang), n)
    if n == 1:
        code = chosen["code"][0]
        return ScopeName("unit", unit_labels(units)[code], 1)
    if types and not codes:
        name = t_count("scope.types", n, lang=lang, types=", ".join(types), n=n)
        return ScopeName("type", name, n)
    return ScopeName("selection", t_count("scope.selection", n, lang=lang, n=n), n)


def series_names(names: Mapping[str, str], scope: ScopeName) -> dict[str, str]:
    """``names`` plus the words of the engine's total codes for this scope."""
    return {**names, PROVINCE: t("scope.province"), SCOPE: scope.label}


def province_reference(
    scope: ScopeName, scope_value: float | None, province_value: float | None, shown
) -> dict:
    """Keyword arguments of ``charts.ranking_figure`` for the reference lines.

    The scope's own total is the main line, labelled with the scope's name
    and ``shown(value)``; when the scope is narrower than the province, the
    true province value is drawn too, as a second, dotted line.
    """
    references = {
        "reference": scope_value,
        "reference_label": f"{scope.label} {shown(scope_value)}",
    }
    if scope.narrowed:
        references.update(
            province=province_value,
            province_label=f"{t('scope.province')} {shown(province_value)}",
        )
    return references


def scope_trend(
    rows: pl.DataFrame, scope: ScopeName, province: pl.DataFrame | None = None
) -> pl.DataFrame:
    """One indicator's monthly total of the scope as a trend series named after the scope,
    plus the whole province as a second series when the scope is narrower.

    ``rows``/``province``: level-province ``compute`` rows of one indicator.
    Out: ``series, period_start, value`` for ``charts.trend_figure``.
    """
    frames = [rows.select(series=pl.lit(scope.label), period_start="period_start", value="value")]
    if scope.narrowed and province is not None:
        frames.append(
            province.select(
                series=pl.lit(t("scope.province")), period_start="period_start", value="value"
            )
        )
    return pl.concat(frames)
