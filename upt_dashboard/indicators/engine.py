"""The indicator engine: facts in, one tidy frame of indicator values out.

Flow: scope units → per unit-month sums (``sums.py``, cached per ``Facts``)
→ one group-by to each grain and level → value per indicator (ratio, sum,
IKM, complaint, median, composite) → long format with status and grade.
Only sums travel through the group-by, so every ratio is Σ numerator ÷ Σ
denominator over the units and months in scope, never a mean of ratios.
Complaint indicators (resolved by the period's end, on time, the median)
are not additive over months, so they are taken from the complaint list
itself at every grain and level, still as Σ ÷ Σ over the complaints in scope.
:func:`compute_all` does every level and grain in one pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import polars as pl

from upt_dashboard.indicators import ikm as ikm_mod
from upt_dashboard.indicators.catalogue import BY_ID, INDICATORS, Indicator, Method
from upt_dashboard.indicators.composite import components, composite_exprs
from upt_dashboard.indicators.config import Config, load_config
from upt_dashboard.indicators.errors import IndicatorError
from upt_dashboard.indicators.periods import (
    ALL,
    ENGINE_GRAINS,
    check_grain,
    month_dates,
    period_label_expr,
    period_start_expr,
)
from upt_dashboard.indicators.status import has_status, status_expr
from upt_dashboard.indicators.sums import REPORTED, col, complaints_in_scope, unit_month_sums
from upt_dashboard.months import MONTHS_PER_GRAIN, Month
from upt_dashboard.storage.facts import Facts

LEVELS = ("unit", "type", "province")
# Indicators computed from the complaint list rather than from unit-month sums.
_FROM_COMPLAINTS = (Method.COMPLAINT, Method.MEDIAN_DAYS)
PROVINCE = "PROVINSI"  # level "province" over every registry unit: the whole province
SCOPE = "CAKUPAN"  # level "province" over a narrower scope: the scope's own total


def total_code(facts: Facts, units: Sequence[str] | None, types: Sequence[str] | None) -> str:
    """``unit_code`` of the level-"province" rows for this scope: PROVINSI only when whole.

    A type or a selection of units is not the province: its total says so.
    Raises IndicatorError like :func:`compute` for an unknown code or an empty scope.
    """
    return PROVINCE if _scope(facts, units, types).height == facts.units.height else SCOPE


COLUMNS = (
    "indicator_id",
    "unit_code",
    "period",
    "period_start",
    "value",
    "numerator",
    "denominator",
    "n",
    "status",
    "grade",
    "sample_required",
    "reason",
)
RESULT_SCHEMA = pl.Schema(
    {
        "indicator_id": pl.String(),
        "unit_code": pl.String(),
        "period": pl.String(),
        "period_start": pl.Date(),
        "value": pl.Float64(),
        "numerator": pl.Float64(),
        "denominator": pl.Float64(),
        "n": pl.Int64(),
        "status": pl.String(),
        "grade": pl.String(),
        "sample_required": pl.Int64(),
        "reason": pl.String(),
    }
)
ALL_SCHEMA = pl.Schema({"level": pl.String(), "grain": pl.String(), **RESULT_SCHEMA})


def compute(
    facts: Facts,
    *,
    units: Sequence[str] | None = None,
    types: Sequence[str] | None = None,
    start: Month,
    end: Month,
    grain: str = "month",
    level: str = "unit",
    indicators: Sequence[str] | None = None,
    config: Config | None = None,
) -> pl.DataFrame:
    """Indicator values for a scope, grain and level.

    In: ``facts``; ``units`` (codes) and/or ``types`` narrow the registry
    units (both: the intersection); ``start``/``end`` months, inclusive;
    ``grain`` month|quarter|year|all; ``level`` unit|type|province;
    ``indicators`` ids (None: all); ``config`` (None: :func:`load_config`).

    Out: :data:`RESULT_SCHEMA`, sorted by catalogue order, unit, period.
    ``unit_code`` is the unit code, the type code, or at level ``province``
    ``PROVINSI`` when the scope is every registry unit and ``CAKUPAN`` when
    ``units``/``types`` narrow it (see :func:`total_code`). Ratios
    are fractions, IKM 25–100, counts counts, durations days. ``value`` is
    null where there is no data; units (or types) an indicator does not
    apply to have no rows for it. ``sample_required`` (IKM rows) is the
    Krejcie–Morgan minimum for the people served: compare it with ``n``.
    Composite rows: ``n`` is the number of components used and ``reason``
    says why the index is empty (``no_report``, ``too_few_components``;
    see :mod:`~indicators.composite`); other rows have no reason.

    Raises :class:`IndicatorError` for an unknown unit, type, indicator,
    grain or level, an empty scope, or start after end.

    The per unit-month sums of ``facts`` are computed on the first call and
    cached with the object (see :func:`indicators.sums.fact_sums`).
    """
    config = config or load_config()
    _check(level, grain)
    request = _request(facts, units, types, start, end, indicators, config)
    if request is None:
        return pl.DataFrame(schema=RESULT_SCHEMA)
    return _result(request, [(level, grain)]).drop("level", "grain")


def compute_all(
    facts: Facts,
    *,
    units: Sequence[str] | None = None,
    types: Sequence[str] | None = None,
    start: Month,
    end: Month,
    levels: Sequence[str] = LEVELS,
    grains: Sequence[str] = ENGINE_GRAINS,
    indicators: Sequence[str] | None = None,
    config: Config | None = None,
) -> pl.DataFrame:
    """:func:`compute` for every level in ``levels`` × grain in ``grains``, as one frame.

    Out: ``level, grain`` + :data:`RESULT_SCHEMA`, sorted by catalogue
    order, then level and grain in the order given, unit, period: the rows
    of one level and grain are :func:`compute`'s, in its order. (Sums of
    fractional terms, e.g. with fractional late weights, may differ in the
    last bit, as between two ``compute`` calls: polars adds them in parallel.)
    Cheaper than separate calls: the scope is resolved once and the values,
    statuses and rows of all combinations are derived together.
    """
    config = config or load_config()
    combos = [(level, grain) for level in levels for grain in grains]
    for level, grain in combos:
        _check(level, grain)
    request = _request(facts, units, types, start, end, indicators, config)
    if request is None or not combos:
        return pl.DataFrame(schema=ALL_SCHEMA)
    return _result(request, combos)


@dataclass(frozen=True)
class _Request:
    """What every level and grain of one scope shares."""

    wanted: list[Indicator]
    needed: list[Indicator]  # wanted + composite components
    config: Config
    start: Month
    end: Month
    months: list[date]  # first days of start … end: the month keys of the frames
    base: pl.DataFrame  # unit_month_sums of the scope
    total: str  # unit_code of level-province rows: PROVINCE or SCOPE
    complaints: pl.DataFrame | None  # complaints falling due in scope, when needed


def _check(level: str, grain: str) -> None:
    check_grain(grain)
    if level not in LEVELS:
        raise IndicatorError(f"Tingkat '{level}' tidak dikenal; pilih {', '.join(LEVELS)}.")


def _request(
    facts: Facts,
    units: Sequence[str] | None,
    types: Sequence[str] | None,
    start: Month,
    end: Month,
    indicators: Sequence[str] | None,
    config: Config,
) -> _Request | None:
    """The resolved scope and its unit-month sums; None when no indicator is wanted."""
    wanted = _resolve(indicators)
    if not wanted:
        return None
    needed = _with_components(wanted, config)
    scope = _scope(facts, units, types)
    months = month_dates(start, end)
    complaints = (
        complaints_in_scope(facts, scope, months, config)
        if any(ind.method in _FROM_COMPLAINTS for ind in needed)
        else None
    )
    return _Request(
        wanted,
        needed,
        config,
        start,
        end,
        months,
        unit_month_sums(facts, scope, months, needed, config),
        PROVINCE if scope.height == facts.units.height else SCOPE,
        complaints,
    )


def _result(request: _Request, combos: list[tuple[str, str]]) -> pl.DataFrame:
    """:data:`ALL_SCHEMA` rows of every (level, grain) in ``combos``.

    The sums of each combination are grouped separately (in parallel); one
    frame stacking them all then gets the values, composites and statuses,
    and is turned into one row per indicator.
    """
    grains = list(dict.fromkeys(grain for _, grain in combos))
    at_grain = dict(zip(grains, pl.collect_all([_at_grain(request, g) for g in grains])))
    stacked = pl.concat(
        pl.collect_all(
            [
                _grouped(request, at_grain[grain], i, level, grain)
                for i, (level, grain) in enumerate(combos)
            ]
        )
    )
    # Lazy, as before: the eager engine evaluates some formulas (integer ÷
    # integer in the IKM) differently in the last bit.
    wide = stacked.lazy().with_columns(_values(request.needed, request.config)).collect()
    composites = _composite_values(request.needed, request.config)
    if composites:
        # Polars divides a one-row column by a constant exactly and a longer
        # one via the reciprocal: score each combination on its own frame, so
        # compute_all matches compute to the last bit.
        wide = pl.concat(
            pl.collect_all(
                [part.lazy().with_columns(composites) for part in wide.partition_by("combo")]
            )
        )
    return _long(wide, request.wanted, request.config, combos)


def _at_grain(request: _Request, grain: str) -> pl.LazyFrame:
    """The unit-month sums with the start of each month's period at ``grain``.

    People served over a period (for the IKM sample) are the residents at
    the start of each unit's first reported month plus everyone admitted
    during the period, so ``ikm:pm_awal`` is kept in that first month only.
    """
    frame = request.base.lazy().with_columns(period_start=period_start_expr(grain, request.start))
    # A month is its own period: the first-month rule would change nothing.
    if grain != "month" and any(ind.method is Method.IKM for ind in request.needed):
        awal = pl.col(col("ikm", "pm_awal"))
        first_month = (
            pl.col("period").filter(awal.is_not_null()).min().over("unit_code", "period_start")
        )
        frame = frame.with_columns(
            pl.when(pl.col("period") == first_month).then(awal).alias(col("ikm", "pm_awal"))
        )
    return frame


def _grouped(
    request: _Request, at_grain: pl.DataFrame, combo: int, level: str, grain: str
) -> pl.LazyFrame:
    """Summed parts per (level code, period start) of one combination, sorted.

    Adds ``level``, ``grain``, ``combo`` (its index) and the ``period`` label.
    """
    level_code = {
        "unit": pl.col("unit_code"),
        "type": pl.col("type"),
        "province": pl.lit(request.total),
    }[level]
    keys = ["unit_code", "period_start"]
    grouped = _aggregate(at_grain, request.needed, level_code)
    if request.complaints is not None:
        grouped = grouped.join(_complaint_values(request, grain, level_code), on=keys, how="left")
    return grouped.sort(keys).with_columns(
        level=pl.lit(level),
        grain=pl.lit(grain),
        combo=pl.lit(combo),
        period=period_label_expr(grain, request.start, request.end),
    )


def _resolve(ids: Sequence[str] | None) -> list[Indicator]:
    if ids is None:
        return list(INDICATORS)
    unknown = [i for i in ids if i not in BY_ID]
    if unknown:
        raise IndicatorError(f"Indikator tidak dikenal: {', '.join(unknown)}.")
    return [ind for ind in INDICATORS if ind.id in set(ids)]


def _with_components(wanted: list[Indicator], config: Config) -> list[Indicator]:
    """The wanted indicators plus the components their composites need."""
    ids = {ind.id for ind in wanted}
    for ind in wanted:
        if ind.method is Method.COMPOSITE:
            ids |= {c.indicator_id for c in components(ind.id, config)}
    return [ind for ind in INDICATORS if ind.id in ids]


def _scope(facts: Facts, units: Sequence[str] | None, types: Sequence[str] | None) -> pl.DataFrame:
    """Registry units in scope: ``code, type``."""
    registry = facts.units.select("code", "type")
    for values, column, known, what in (
        (units, "code", facts.units["code"], "UPT"),
        (types, "type", facts.unit_types["type"], "jenis UPT"),
    ):
        if values is None:
            continue
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise IndicatorError(
                f"Kode {what} tidak dikenal: {', '.join(unknown)}. Periksa daftar UPT."
            )
        registry = registry.filter(pl.col(column).is_in(list(values)))
    if registry.is_empty():
        raise IndicatorError("Tidak ada UPT dalam cakupan; pilih UPT atau jenis UPT lain.")
    return registry


def _aggregate(
    at_grain: pl.DataFrame, needed: list[Indicator], level_code: pl.Expr
) -> pl.LazyFrame:
    """Group-by sum of all parts of :func:`_at_grain` to (level code, period start)."""
    parts = [c for c in at_grain.columns if ":" in c and not c.endswith(":app")]
    aggs = [pl.col(parts).sum(), pl.col("^.*:app$").any(), pl.col(REPORTED).sum()]
    if any(ind.method is Method.IKM for ind in needed):
        aggs.append(pl.col(col("ikm", "pm_awal")).count().alias(col("ikm", "reports")))
    return (
        at_grain.lazy()
        .with_columns(level_code=level_code)
        .group_by("level_code", "period_start")
        .agg(aggs)
        .rename({"level_code": "unit_code"})
    )


def _complaint_values(request: _Request, grain: str, level_code: pl.Expr) -> pl.LazyFrame:
    """Complaint indicators per group, from the complaints falling due in each period.

    A complaint belongs to the period holding its due date; "resolved by the
    period's end" compares Tanggal Selesai with the last day of that period
    (at most the last requested month), so a quarter counts a complaint due
    in January and resolved in March as resolved and the month of January
    does not. Ratios are Σ ÷ Σ over the complaints of the group.
    """
    assert request.complaints is not None
    period_start = period_start_expr(grain, request.start, column="due_period")
    last_day = pl.lit(request.end.last_day, dtype=pl.Date)
    if grain == ALL:
        period_end = last_day
    else:
        months = MONTHS_PER_GRAIN[grain]
        period_end = pl.min_horizontal(
            pl.col("period_start").dt.offset_by(f"{months}mo").dt.offset_by("-1d"), last_day
        )
    by_end = pl.col("resolved") & (pl.col("tanggal_selesai") <= pl.col("period_end"))
    due = pl.len().cast(pl.Int64)
    wanted = {ind.id for ind in request.needed}
    aggs: list[pl.Expr] = []
    for ind, numerator in (
        ("penyelesaian_pengaduan", by_end.sum()),
        ("pengaduan_tepat_waktu", pl.col("on_time").sum()),
    ):
        if ind in wanted:
            aggs += [
                numerator.cast(pl.Float64).alias(col(ind, "numerator")),
                due.cast(pl.Float64).alias(col(ind, "denominator")),
                (numerator.cast(pl.Float64) / due).alias(col(ind, "value")),
                due.alias(col(ind, "n")),
            ]
    if "waktu_penyelesaian_pengaduan" in wanted:
        ind = "waktu_penyelesaian_pengaduan"
        aggs += [
            pl.col("days").filter(by_end).median().alias(col(ind, "value")),
            by_end.sum().cast(pl.Int64).alias(col(ind, "n")),
        ]
    return (
        request.complaints.lazy()
        .with_columns(period_start=period_start, level_code=level_code)
        .with_columns(period_end=period_end)
        .group_by("level_code", "period_start")
        .agg(aggs)
        .rename({"level_code": "unit_code"})
    )


def _values(needed: list[Indicator], config: Config) -> list[pl.Expr]:
    """``<id>:value/numerator/denominator/n`` of the non-composite indicators."""
    exprs = []
    for ind in needed:

        def c(part: str, indicator_id: str = ind.id) -> pl.Expr:
            return pl.col(col(indicator_id, part))

        if ind.method in (Method.RATIO, Method.SUM):
            has = c("n") > 0
            num = pl.when(has).then(c("num").cast(pl.Float64))
            den = (
                pl.when(has).then(c("den").cast(pl.Float64))
                if ind.method is Method.RATIO
                else pl.lit(None, pl.Float64)
            )
            value = pl.when(den > 0).then(num / den) if ind.method is Method.RATIO else num
            exprs += [
                value.alias(col(ind.id, "value")),
                num.alias(col(ind.id, "numerator")),
                den.alias(col(ind.id, "denominator")),
            ]
        elif ind.method is Method.IKM:
            respondents = c("respondents")
            population = pl.when(c("reports") > 0).then(c("pm_awal") + c("pm_masuk"))
            exprs += [
                ikm_mod.ikm_expr(
                    [c(e) for e in ikm_mod.ELEMENTS], respondents, config.ikm_element_weight
                ).alias(col("ikm", "value")),
                respondents.alias(col("ikm", "n")),
                ikm_mod.required_sample_expr(population).alias(col("ikm", "sample_required")),
            ]
    return exprs


def _composite_values(needed: list[Indicator], config: Config) -> list[pl.Expr]:
    """``<id>:value/n/reason`` of the composites, from their components' values."""
    exprs = []
    for ind in needed:
        if ind.method is Method.COMPOSITE:
            value, n, reason = composite_exprs(
                ind.id, config, lambda i: pl.col(col(i, "value")), reported=pl.col(REPORTED)
            )
            exprs += [
                value.alias(col(ind.id, "value")),
                n.alias(col(ind.id, "n")),
                reason.alias(col(ind.id, "reason")),
            ]
    return exprs


def _long(
    wide: pl.DataFrame, wanted: list[Indicator], config: Config, combos: list[tuple[str, str]]
) -> pl.DataFrame:
    """One row per wide row and wanted indicator, in :data:`ALL_SCHEMA`.

    Each indicator's fields are built as a struct on the (few) wide rows;
    unpivoting the structs stacks them indicator by indicator, in catalogue
    order, which gives the result order without sorting the long frame.
    """
    index = ["level", "grain", "unit_code", "period", "period_start"]
    rows = wide.select(
        *index, *(_row(ind, wide.columns, config, combos).alias(ind.id) for ind in wanted)
    )
    return (
        rows.unpivot(
            index=index,
            on=[ind.id for ind in wanted],
            variable_name="indicator_id",
            value_name="row",
        )
        .unnest("row")
        .filter("applies")
        .select(ALL_SCHEMA.names())
    )


def _row(
    ind: Indicator, columns: list[str], config: Config, combos: list[tuple[str, str]]
) -> pl.Expr:
    """Struct of one indicator's result fields, plus whether it applies to the row."""

    def part(name: str, dtype: pl.DataType) -> pl.Expr:
        column = col(ind.id, name)
        return (pl.col(column) if column in columns else pl.lit(None)).cast(dtype)

    value = part("value", pl.Float64)
    bands = config.band(ind.id)
    status = status_expr(ind, bands, value, level="unit", grain="month")
    with_status = [
        i
        for i, (level, grain) in enumerate(combos)
        if has_status(ind, bands, level=level, grain=grain)
    ]
    if len(with_status) < len(combos):  # e.g. counts get a status per unit and month only
        status = pl.when(pl.col("combo").is_in(with_status)).then(status)
    grade = ikm_mod.grade_expr(value) if ind.method is Method.IKM else pl.lit(None, dtype=pl.String)
    applies = col(ind.id, "app")
    return pl.struct(
        value=value,
        numerator=part("numerator", pl.Float64),
        denominator=part("denominator", pl.Float64),
        n=part("n", pl.Int64).fill_null(0),
        status=status,
        grade=grade,
        sample_required=part("sample_required", pl.Int64),
        reason=part("reason", pl.String),
        applies=pl.col(applies) if applies in columns else pl.lit(True),
    )
