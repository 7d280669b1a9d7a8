"""The shared filters: period (month, quarter, year), unit types, units, one unit.

Every page that filters calls these functions, so the widgets, their keys
and their place (the sidebar) are the same everywhere, and a period picked
on Ringkasan is still picked on Tren. The choices are also in the URL
(``ui.url``): a reload or a shared link opens the same view.

Streamlit ties a widget's state to the page that draws it (the same key
on two pages is two widgets), so each choice is also remembered under a
plain session key: an ``on_change`` callback stores it, and every page
seeds its widget from it before drawing. Options change with the data, so
a remembered value that is no longer offered is mapped to the nearest
sensible one first.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

import polars as pl
import streamlit as st

from upt_dashboard.indicators.config import Config
from upt_dashboard.months import GRAINS, Month, Span, month_of
from upt_dashboard.storage.facts import Facts
from upt_dashboard.ui import url
from upt_dashboard.views.i18n import t, t_count
from upt_dashboard.views.names import type_names, unit_labels
from upt_dashboard.views.selection import Scope, default_period, period_name, period_options

GRAIN_KEY = "filter_grain"
PERIOD_KEY = "filter_period"
TYPES_KEY = "filter_types"
UNITS_KEY = "filter_units"
UNIT_KEY = "filter_unit"
# The month the reader is looking at, kept while the grain changes: Bulan →
# Tahun → Bulan returns to October, not to January.
ANCHOR_KEY = "filter_anchor"
PERIOD_GRAIN_KEY = "filter_period_grain"  # the grain the remembered period is at


def _remembered(key: str) -> str:
    return f"{key}__remembered"


def remember(key: str) -> None:
    """``on_change`` of a shared widget: keep its new value for every page."""
    st.session_state[_remembered(key)] = st.session_state[key]


def seed(key: str, value) -> None:
    """Give the widget ``key`` this value on this page and remember it (before drawing it)."""
    st.session_state[key] = value
    st.session_state[_remembered(key)] = value


def remembered(key: str, default=None):
    """The value last chosen in the shared widget ``key`` (on any page)."""
    return st.session_state.get(_remembered(key), default)


def load_url_once() -> None:
    """Seed the remembered choices and the language from the URL on a session's first run."""

    def from_url(key: str, value) -> None:
        st.session_state[_remembered(key)] = value
        if key == PERIOD_KEY:
            st.session_state[_remembered(ANCHOR_KEY)] = value
        if key == GRAIN_KEY:
            st.session_state[_remembered(PERIOD_GRAIN_KEY)] = value

    url.load_once(from_url)


def keep_month(
    grain: str, options: Sequence[Month], chosen: Month | None, anchor: Month | None
) -> Month | None:
    """The period to show at ``grain``: the one holding ``anchor`` (the month being
    looked at) when offered, else the one holding ``chosen``; None when neither is."""
    for month in (anchor, chosen):
        if isinstance(month, Month) and month.start_of(grain) in options:
            return month.start_of(grain)
    return None


def anchor_in(span: Span, anchor: Month | None, months: Sequence[Month]) -> Month:
    """The month to keep for ``span``: ``anchor`` if inside, else the span's newest month
    with data (else its first month)."""
    if isinstance(anchor, Month) and span.contains(anchor):
        return anchor
    inside = [m for m in months if span.contains(m)]
    return max(inside) if inside else span.first


def period_picker(months: Sequence[Month], today: date, deadline_day: int = 10) -> Span | None:
    """Grain and period in the sidebar; None when there is no data at all.

    ``months``: months holding current reports. The first visit opens on
    the period holding the latest month whose report deadline has passed.
    """
    if not months:
        return None
    st.sidebar.subheader(t("filters.header"))
    seed(GRAIN_KEY, remembered(GRAIN_KEY, "month"))
    grain = st.sidebar.segmented_control(
        t("filters.grain"),
        GRAINS,
        key=GRAIN_KEY,
        required=True,
        on_change=remember,
        args=(GRAIN_KEY,),
        format_func=lambda g: t(f"grain.{g}"),
    )
    options = period_options(grain, months)
    chosen = remembered(PERIOD_KEY)
    anchor = remembered(ANCHOR_KEY)
    if chosen not in options or remembered(PERIOD_GRAIN_KEY, grain) != grain:
        # The grain changed (or the data did): keep the month being looked at.
        chosen = keep_month(grain, options, chosen, anchor) or default_period(
            grain, months, today, deadline_day
        )
    seed(PERIOD_KEY, chosen)
    st.session_state[_remembered(PERIOD_GRAIN_KEY)] = grain
    start = st.sidebar.selectbox(
        t("filters.period"),
        options,
        key=PERIOD_KEY,
        on_change=remember,
        args=(PERIOD_KEY,),
        # "(Okt)" when partial; month_of: tests and old sessions may hand a date
        format_func=lambda m: period_name(Span(grain, month_of(m)), months),
    )
    span = Span(grain, start)
    st.session_state[_remembered(ANCHOR_KEY)] = anchor_in(span, anchor, months)
    url.put(GRAIN_KEY, grain)
    url.put(PERIOD_KEY, start)
    return span


def scope_picker(units: pl.DataFrame, unit_types: pl.DataFrame) -> Scope:
    """Unit types and units in the sidebar (empty = all); units narrow to the chosen types."""
    names = type_names(unit_types)
    present = [ty for ty in unit_types["type"] if ty in set(units["type"])]
    seed(TYPES_KEY, [c for c in remembered(TYPES_KEY, []) if c in present])
    types = st.sidebar.multiselect(
        t("filters.types"),
        present,
        key=TYPES_KEY,
        on_change=remember,
        args=(TYPES_KEY,),
        format_func=names.get,
        placeholder=t("filters.all_types"),
    )
    offered = Scope(tuple(types)).unit_codes(units)
    labels = unit_labels(units)
    seed(UNITS_KEY, [c for c in remembered(UNITS_KEY, []) if c in offered])
    chosen = st.sidebar.multiselect(
        t("filters.units"),
        offered,
        key=UNITS_KEY,
        on_change=remember,
        args=(UNITS_KEY,),
        format_func=labels.get,
        placeholder=t("filters.all_units"),
    )
    url.put(TYPES_KEY, types)
    url.put(UNITS_KEY, chosen)
    return Scope(tuple(types), tuple(chosen))


def unit_picker(units: pl.DataFrame, scope: Scope) -> str | None:
    """One unit (Profil UPT), among the units in scope; remembered across pages."""
    offered = scope.unit_codes(units)
    if not offered:
        return None
    # A link to this page naming a unit (Ringkasan's attention rows) wins over the memory.
    linked = url.arrived(UNIT_KEY)
    chosen = linked if linked in offered else remembered(UNIT_KEY)
    seed(UNIT_KEY, chosen if chosen in offered else offered[0])
    labels = unit_labels(units)
    unit = st.selectbox(
        t("filters.unit"),
        offered,
        key=UNIT_KEY,
        on_change=remember,
        args=(UNIT_KEY,),
        format_func=labels.get,
    )
    url.put(UNIT_KEY, unit)
    return unit


def describe(
    period: Span | None, scope: Scope, units: pl.DataFrame, months: Sequence[Month] = ()
) -> str:
    """One line saying what the page shows: "Triwulan IV 2026 (Okt) · PSTW (7 UPT)".

    ``months`` (those holding reports) make a partial quarter or year say so.
    """
    parts = [period_name(period, months)] if period else []
    codes = scope.unit_codes(units)
    if scope.units:
        parts.append(t_count("filters.n_units", len(codes), n=len(codes)))
    elif scope.types:
        parts.append(
            t_count("filters.types_units", len(codes), types=", ".join(scope.types), n=len(codes))
        )
    else:
        parts.append(t("filters.all_units_n", n=len(codes)))
    return " · ".join(parts)


def verified_only_switch() -> bool:
    """The sidebar switch: dashboards and exports on verified reports only (default: the
    ``DASHBOARD_VERIFIED_ONLY`` setting). Kept for the session, on every page."""
    from upt_dashboard import settings
    from upt_dashboard.ui.cache import VERIFIED_ONLY_KEY

    seed(VERIFIED_ONLY_KEY, remembered(VERIFIED_ONLY_KEY, settings.flag("DASHBOARD_VERIFIED_ONLY")))
    return st.sidebar.toggle(
        t("review.verified_only"),
        key=VERIFIED_ONLY_KEY,
        help=t("review.verified_only_help"),
        on_change=remember,
        args=(VERIFIED_ONLY_KEY,),
    )


class PageData(NamedTuple):
    """What every analysis page starts from: the registry, the facts, the
    indicator configuration, the months holding reports and the chosen filters."""

    units: pl.DataFrame
    facts: Facts
    config: Config
    months: list[Month]
    period: Span
    scope: Scope


def page_data(today: date | None = None, *, caption: bool = True) -> PageData:
    """Draw the shared sidebar filters and return the page's data.

    Stops the page with an empty state saying what to do when nothing has
    been stored yet. ``caption`` adds the line saying what the page shows.
    """
    from upt_dashboard.ui import (  # both draw on the page; imported late to avoid a cycle
        cache,
        widgets,
    )

    units, facts = cache.units_table(), cache.facts()
    config, months = cache.indicator_config(), cache.months_with_data()
    period = period_picker(months, today or date.today(), config.report_deadline_day)
    scope = scope_picker(units, facts.unit_types)
    if period is None:
        widgets.empty(t("common.no_data"))
        st.stop()
    if caption:
        st.caption(describe(period, scope, units, months))
    return PageData(units, facts, config, months, period, scope)
