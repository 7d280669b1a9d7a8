"""Per (unit, month) sums: the one pass over the facts that all indicators share.

Every additive quantity behind an indicator (numerator, denominator, the
count ``n``, the nine IKM score sums …) is summed once per unit-month from
its source frame. Rolling up to a quarter, a year, a unit type or the
province is then a group-by sum over this small frame, which is what makes
Σ numerator ÷ Σ denominator exact at every level and fast.

The pass over the raw rows does not depend on the scope, so it is done once
per ``Facts`` object (and per setting that shapes the sums) and cached;
each :func:`unit_month_sums` call only joins the cached sums to its scope.

Column names are ``"<indicator_id>:<part>"``. A unit-month contributes to a
ratio only when both numerator and denominator are present and the
indicator applies to the unit's type; otherwise all its parts are null.
"""

from __future__ import annotations

import threading
import weakref
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date

import polars as pl

from upt_dashboard.indicators.catalogue import INDICATORS, Indicator, Method, applicable_types
from upt_dashboard.indicators.complaints import complaint_list, judged, known_until
from upt_dashboard.indicators.config import Config
from upt_dashboard.indicators.ikm import ELEMENTS
from upt_dashboard.indicators.reporting import expected_reports, first_uploads
from upt_dashboard.storage.facts import Facts

KEY = ["unit_code", "period"]
# Which reports are expected depends on the months in scope and today, so
# the ``reports`` source is built per call (from the cached first uploads).
REPORTS = "reports"
# Current reports of a unit-month (0 or 1): a composite needs one in its period.
REPORTED = "_reported"
# Settings read per call only; every other setting (a new one too) keys the cache.
_PER_CALL_SETTINGS = frozenset(
    {
        "bands",
        "composites",
        "today",
        "composite_min_weight",
        "anomaly_z",
        "anomaly_min_history",
        "anomaly_min_count_change",
        "anomaly_min_base",
        "anomaly_seasonal",
        "anomaly_min_change",
        "anomaly_sampling_z",
        "anomaly_trend_months",
        "anomaly_trend_z",
        "charging_units",
        "minutes_per_day",
        "monthly_tk_flag",
        "ladders",
    }
)


def col(indicator_id: str, part: str) -> str:
    return f"{indicator_id}:{part}"


@dataclass(frozen=True)
class FactSums:
    """What every computation on one ``Facts`` shares.

    ``parts``: ``unit_code, period`` + the unmasked parts of every indicator
    whose source is a sheet, for the unit-months with rows, and ``reported``
    (1: a current report exists). ``first_uploads``: see
    :func:`~indicators.reporting.first_uploads`. ``complaints``: the
    complaints the data can judge (:func:`~indicators.complaints.judged`).
    """

    parts: pl.DataFrame
    first_uploads: pl.DataFrame
    complaints: pl.DataFrame


_cache: weakref.WeakKeyDictionary[Facts, dict[tuple, FactSums]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def fact_sums(facts: Facts, config: Config) -> FactSums:
    """The :class:`FactSums` of ``facts``, built on first use.

    Cached by object identity (``Facts`` is frozen; a new object, e.g. after
    a database read, gets its own entry, dropped with the object).
    """
    key = tuple(
        (f.name, getattr(config, f.name))
        for f in fields(config)
        if f.name not in _PER_CALL_SETTINGS
    )
    with _lock:  # one build per Facts even when several sessions ask at once
        by_config = _cache.setdefault(facts, {})
        if key not in by_config:
            by_config[key] = _build(facts, config)
        return by_config[key]


def _build(facts: Facts, config: Config) -> FactSums:
    complaints = complaint_list(
        facts.pengaduan,
        working_day_limit=config.complaint_working_days,
        holiday_categories=config.holiday_categories,
    )
    aggregations: dict[str, list[pl.Expr]] = defaultdict(list)
    for indicator in INDICATORS:
        for source, expr in _aggregations(indicator, config):
            if source != REPORTS:
                aggregations[source].append(expr)
    lazies = [
        facts.sheet(name).lazy().group_by(KEY).agg(exprs) for name, exprs in aggregations.items()
    ]
    lazies.append(
        facts.submissions.lazy()
        .filter(pl.col("is_current"))
        .group_by(KEY)
        .agg(pl.len().cast(pl.Int64).alias(REPORTED))
    )
    per_source = pl.collect_all(lazies)
    parts = pl.concat([p.select(KEY) for p in per_source]).unique()
    for part in per_source:
        parts = parts.join(part, on=KEY, how="left")
    return FactSums(
        parts=parts,
        first_uploads=first_uploads(facts.submissions, config.timezone),
        complaints=judged(complaints, known_until(facts.submissions)).select(
            "unit_code", "due", "due_period", "tanggal_selesai", "resolved", "on_time", "days"
        ),
    )


def unit_month_sums(
    facts: Facts,
    scope: pl.DataFrame,
    months: Sequence[date],
    indicators: Sequence[Indicator],
    config: Config,
) -> pl.DataFrame:
    """Dense grid (every scope unit × month) with the parts of ``indicators``.

    In: ``scope`` (code, type) of registry units, the months in scope. Out:
    ``unit_code, type, period`` + ``<id>:num``/``:den``/``:n`` for ratio and
    sum indicators, ``ikm:<part>`` for IKM and ``<id>:app`` (applicability)
    where an indicator is limited to some unit types.
    """
    aggregations = [pair for ind in indicators for pair in _aggregations(ind, config)]
    cached = fact_sums(facts, config)
    frame = scope.select(unit_code="code", type="type").join(
        pl.DataFrame({"period": list(months)}, schema={"period": pl.Date}), how="cross"
    )
    frame = frame.join(
        cached.parts.select(
            *KEY,
            REPORTED,
            *(expr.meta.output_name() for source, expr in aggregations if source != REPORTS),
        ),
        on=KEY,
        how="left",
    ).with_columns(pl.col(REPORTED).fill_null(0))
    report_exprs = [expr for source, expr in aggregations if source == REPORTS]
    if report_exprs:
        reports = expected_reports(
            cached.first_uploads,
            scope["code"].to_list(),
            months,
            today=config.today_or_now(),
            deadline_day=config.report_deadline_day,
        )
        frame = frame.join(reports.group_by(KEY).agg(report_exprs), on=KEY, how="left")
    return frame.with_columns(_masks(indicators, facts.unit_types))


def complaints_in_scope(
    facts: Facts, scope: pl.DataFrame, months: Sequence[date], config: Config
) -> pl.DataFrame:
    """The judged complaints of the scope units falling due in ``months``.

    Out: ``unit_code, type, due, due_period, tanggal_selesai, resolved,
    on_time, days`` (see :mod:`~indicators.complaints`).
    """
    return (
        fact_sums(facts, config)
        .complaints.lazy()
        .filter(pl.col("due_period").is_between(months[0], months[-1]))
        .join(scope.lazy().select(unit_code="code", type="type"), on="unit_code")
        .collect()
    )


def _aggregations(indicator: Indicator, config: Config) -> list[tuple[str, pl.Expr]]:
    """(source, aggregate expression) pairs that ``indicator`` needs per unit-month."""
    if indicator.method is Method.IKM:
        return [
            *(("survei_kepuasan", pl.col(e).sum().alias(col("ikm", e))) for e in ELEMENTS),
            ("survei_kepuasan", pl.len().cast(pl.Int64).alias(col("ikm", "respondents"))),
            ("penerima_manfaat", pl.col("pm_awal_bulan").sum().alias(col("ikm", "pm_awal"))),
            ("penerima_manfaat", pl.col("pm_masuk").sum().alias(col("ikm", "pm_masuk"))),
        ]
    if indicator.method not in (Method.RATIO, Method.SUM):
        return []
    parts = (("num", indicator.numerator), ("den", indicator.denominator), ("n", indicator.n))
    return [
        (term.source, term.build(config).sum().alias(col(indicator.id, part)))
        for part, term in parts
        if term is not None
    ]


def _masks(indicators: Sequence[Indicator], unit_types: pl.DataFrame) -> list[pl.Expr]:
    """Null a unit-month's parts unless it fully contributes; add ``:app`` flags."""
    exprs = []
    for indicator in indicators:
        if indicator.method not in (Method.RATIO, Method.SUM):
            continue
        types = applicable_types(indicator, unit_types)
        applies = pl.lit(True) if types is None else pl.col("type").is_in(sorted(types))
        num = pl.col(col(indicator.id, "num"))
        ok = num.is_not_null() & applies
        if indicator.denominator is not None:
            den = pl.col(col(indicator.id, "den"))
            ok = ok & den.is_not_null()
            exprs.append(pl.when(ok).then(den).alias(col(indicator.id, "den")))
        n = pl.col(col(indicator.id, "n")) if indicator.n is not None else pl.lit(1, pl.Int64)
        exprs += [
            pl.when(ok).then(num).alias(col(indicator.id, "num")),
            pl.when(ok).then(n).alias(col(indicator.id, "n")),
        ]
        if types is not None:
            exprs.append(applies.alias(col(indicator.id, "app")))
    return exprs
