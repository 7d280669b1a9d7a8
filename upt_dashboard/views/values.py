"""One indicator value of a ``compute`` row as text, with what the number rests on.

Every place that shows a single value (cards, the scorecard, the profile
table, rankings) calls :func:`value_text`, so an IKM always carries its
grade and a composite index always says how many of its components it
used — or, when it is empty, why ("— (tanpa laporan)").
"""

from __future__ import annotations

from collections.abc import Mapping

from upt_dashboard.indicators.catalogue import BY_ID, Indicator, Method
from upt_dashboard.indicators.composite import components
from upt_dashboard.indicators.config import Config
from upt_dashboard.views import format as fmt
from upt_dashboard.views.i18n import t


def value_text(row: Mapping | None, indicator: Indicator, config: Config) -> str:
    """``"87,28 (B)"``, ``"64,1 (3/5 komponen)"``, ``"— (tanpa laporan)"``, ``"95,3%"``, ``"—"``.

    ``row``: one ``compute`` row of ``indicator`` (None: no row at all).
    """
    value = row["value"] if row else None
    shown = fmt.value(value, indicator.unit.value, indicator.decimals)
    if row is None:
        return shown
    if indicator.method is Method.COMPOSITE:
        note = coverage_note(row, indicator, config)
        return f"{shown} ({note})" if note else shown
    if row.get("grade"):
        return f"{shown} ({row['grade']})"
    return shown


def coverage_note(row: Mapping, indicator: Indicator, config: Config) -> str:
    """Components used (``"3/5 komponen"``) or why the index is empty; "" if no composite."""
    if indicator.method is not Method.COMPOSITE or indicator.id not in config.composites:
        return ""
    total = len(components(indicator.id, config))
    n = row.get("n") or 0
    reason = row.get("reason")
    if reason:
        return t(f"composite.reason.{reason}", n=n, total=total)
    return t("composite.used", n=n, total=total)


def formatter(indicator_id: str):
    """``value -> text`` in the indicator's display form (for labels such as reference lines)."""
    ind = BY_ID[indicator_id]
    return lambda value: fmt.value(value, ind.unit.value, ind.decimals)
