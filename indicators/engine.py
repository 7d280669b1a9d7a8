"""The indicator engine: facts in, one tidy frame of indicator values out.

Flow: scope units → per unit-month sums (``sums.py``) → one group-by to the
grain and level → value per indicator (ratio, sum, IKM, median, composite)
→ long format with status and grade. Only sums travel through the
group-by, so every ratio is Σ numerator ÷ Σ denominator over the units and
months in scope, never a mean of ratios; the median is taken from the
complaint list itself at every grain and level.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import polars as pl

from indicators import ikm as ikm_mod
from indicators.catalogue import BY_ID, INDICATORS, Indicator, Method
from indicators.composite import components, composite_exprs
from indicators.config import Config, load_config
from indicators.errors import IndicatorError
from indicators.periods import check_grain, month_range, period_label_expr, period_start_expr
from indicators.status import status_expr
from indicators.sums import col, scoped_complaints, unit_month_sums
from storage.facts import Facts

LEVELS = ("unit", "type", "province")
PROVINCE = "PROVINSI"
COLUMNS = ("indicator_id", "unit_code", "period", "period_start", "value", "numerator",
           "denominator", "n", "status", "grade", "sample_required")
RESULT_SCHEMA = pl.Schema({
    "indicator_id": pl.String(), "unit_code": pl.String(), "period": pl.String(),
    "period_start": pl.Date(), "value": pl.Float64(), "numerator": pl.Float64(),
    "denominator": pl.Float64(), "n": pl.Int64(), "status": pl.String(),
    "grade": pl.String(), "sample_required": pl.Int64(),
})


def compute(facts: Facts, *, units: Sequence[str] | None = None,
            types: Sequence[str] | None = None, start: date, end: date,
            grain: str = "month", level: str = "unit",
            indicators: Sequence[str] | None = None,
            config: Config | None = None) -> pl.DataFrame:
    """Indicator values for a scope, grain and level.

    In: ``facts``; ``units`` (codes) and/or ``types`` narrow the registry
    units (both: the intersection); ``start``/``end`` months, inclusive;
    ``grain`` month|quarter|year|all; ``level`` unit|type|province;
    ``indicators`` ids (None: all); ``config`` (None: :func:`load_config`).

    Out: :data:`RESULT_SCHEMA`, sorted by catalogue order, unit, period.
    ``unit_code`` is the unit code, the type code or ``PROVINSI``. Ratios
    are fractions, IKM 25–100, counts counts, durations days. ``value`` is
    null where there is no data; units (or types) an indicator does not
    apply to have no rows for it. ``sample_required`` (IKM rows) is the
    Krejcie–Morgan minimum for the people served: compare it with ``n``.

    Raises :class:`IndicatorError` for an unknown unit, type, indicator,
    grain or level, an empty scope, or start after end.
    """
    config = config or load_config()
    check_grain(grain)
    if level not in LEVELS:
        raise IndicatorError(f"Tingkat '{level}' tidak dikenal; pilih {', '.join(LEVELS)}.")
    wanted = _resolve(indicators)
    if not wanted:
        return pl.DataFrame(schema=RESULT_SCHEMA)
    needed = _with_components(wanted, config)
    scope = _scope(facts, units, types)
    months = month_range(start, end)
    complaints = scoped_complaints(facts, scope["code"].to_list(), months, config)
    base = unit_month_sums(facts, scope, months, needed, config, complaints)

    level_code = {"unit": pl.col("unit_code"), "type": pl.col("type"),
                  "province": pl.lit(PROVINCE)}[level]
    keys = ["unit_code", "period_start"]
    wide = _aggregate(base, needed, period_start_expr(grain, start), level_code)
    if BY_ID["waktu_penyelesaian_pengaduan"] in needed:
        wide = wide.join(_median_days(complaints, scope, period_start_expr(grain, start),
                                      level_code), on=keys, how="left")
    # Sorting the small wide frame once and stacking indicators in catalogue
    # order gives the result order without sorting the long frame.
    wide = (wide.lazy().with_columns(_values(needed, config))
            .with_columns(_composite_values(needed, config)).sort(keys).collect())
    label = period_label_expr(grain, months[0], months[-1])
    return pl.concat([_long(wide, ind, config, level, grain, label) for ind in wanted],
                     how="vertical").collect()


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


def _scope(facts: Facts, units: Sequence[str] | None,
           types: Sequence[str] | None) -> pl.DataFrame:
    """Registry units in scope: ``code, type``."""
    registry = facts.units.select("code", "type")
    for values, column, known, what in ((units, "code", facts.units["code"], "UPT"),
                                        (types, "type", facts.unit_types["type"], "jenis UPT")):
        if values is None:
            continue
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise IndicatorError(f"Kode {what} tidak dikenal: {', '.join(unknown)}. "
                                 "Periksa daftar UPT.")
        registry = registry.filter(pl.col(column).is_in(list(values)))
    if registry.is_empty():
        raise IndicatorError("Tidak ada UPT dalam cakupan; pilih UPT atau jenis UPT lain.")
    return registry


def _aggregate(base: pl.DataFrame, needed: list[Indicator], period_start: pl.Expr,
               level_code: pl.Expr) -> pl.DataFrame:
    """Group-by sum of all parts to (level code, period start)."""
    frame = base.lazy().with_columns(period_start=period_start, level_code=level_code)
    parts = [c for c in base.columns if ":" in c and not c.endswith(":app")]
    aggs = [pl.col(parts).sum(), pl.col("^.*:app$").any()]
    if any(ind.method is Method.IKM for ind in needed):
        # People served over a period: residents at the start of each unit's
        # first reported month plus everyone admitted during the period.
        awal = pl.col(col("ikm", "pm_awal"))
        first_month = pl.col("period").filter(awal.is_not_null()).min().over(
            "unit_code", "period_start")
        frame = frame.with_columns(pl.when(pl.col("period") == first_month).then(awal)
                                   .alias(col("ikm", "pm_awal")))
        aggs.append(pl.col(col("ikm", "pm_awal")).count().alias(col("ikm", "reports")))
    return (frame.group_by("level_code", "period_start").agg(aggs)
            .rename({"level_code": "unit_code"}).collect())


def _median_days(complaints: pl.DataFrame, scope: pl.DataFrame, period_start: pl.Expr,
                 level_code: pl.Expr) -> pl.DataFrame:
    """Median calendar days to resolution of the resolved complaints, per group."""
    ind = "waktu_penyelesaian_pengaduan"
    return (complaints.lazy().filter(pl.col("resolved"))
            .join(scope.lazy().select(unit_code="code", type="type"), on="unit_code")
            .with_columns(period_start=period_start, level_code=level_code)
            .group_by("level_code", "period_start")
            .agg(pl.col("days").median().alias(col(ind, "value")),
                 pl.len().cast(pl.Int64).alias(col(ind, "n")))
            .rename({"level_code": "unit_code"}).collect())


def _values(needed: list[Indicator], config: Config) -> list[pl.Expr]:
    """``<id>:value/numerator/denominator/n`` of the non-composite indicators."""
    exprs = []
    for ind in needed:
        def c(part: str, indicator_id: str = ind.id) -> pl.Expr:
            return pl.col(col(indicator_id, part))

        if ind.method in (Method.RATIO, Method.SUM):
            has = c("n") > 0
            num = pl.when(has).then(c("num").cast(pl.Float64))
            den = (pl.when(has).then(c("den").cast(pl.Float64))
                   if ind.method is Method.RATIO else pl.lit(None, pl.Float64))
            value = pl.when(den > 0).then(num / den) if ind.method is Method.RATIO else num
            exprs += [value.alias(col(ind.id, "value")), num.alias(col(ind.id, "numerator")),
                      den.alias(col(ind.id, "denominator"))]
        elif ind.method is Method.IKM:
            respondents = c("respondents")
            population = pl.when(c("reports") > 0).then(c("pm_awal") + c("pm_masuk"))
            exprs += [
                ikm_mod.ikm_expr([c(e) for e in ikm_mod.ELEMENTS], respondents,
                                 config.ikm_element_weight).alias(col("ikm", "value")),
                respondents.alias(col("ikm", "n")),
                ikm_mod.required_sample_expr(population).alias(col("ikm", "sample_required")),
            ]
    return exprs


def _composite_values(needed: list[Indicator], config: Config) -> list[pl.Expr]:
    """``<id>:value/n`` of the composites, from their components' values."""
    exprs = []
    for ind in needed:
        if ind.method is Method.COMPOSITE:
            value, n = composite_exprs(ind.id, config, lambda i: pl.col(col(i, "value")))
            exprs += [value.alias(col(ind.id, "value")), n.alias(col(ind.id, "n"))]
    return exprs


def _long(wide: pl.DataFrame, ind: Indicator, config: Config, level: str, grain: str,
          label: pl.Expr) -> pl.LazyFrame:
    """The rows of one indicator in :data:`RESULT_SCHEMA`."""
    def part(name: str, dtype: pl.DataType) -> pl.Expr:
        column = col(ind.id, name)
        return (pl.col(column) if column in wide.columns else pl.lit(None)).cast(dtype)

    frame = wide.lazy()
    if col(ind.id, "app") in wide.columns:
        frame = frame.filter(pl.col(col(ind.id, "app")))
    value = part("value", pl.Float64)
    grade = (ikm_mod.grade_expr(value) if ind.method is Method.IKM
             else pl.lit(None, dtype=pl.String))
    return frame.select(
        indicator_id=pl.lit(ind.id),
        unit_code=pl.col("unit_code"),
        period=label,
        period_start=pl.col("period_start"),
        value=value,
        numerator=part("numerator", pl.Float64),
        denominator=part("denominator", pl.Float64),
        n=part("n", pl.Int64).fill_null(0),
        status=status_expr(ind, config.band(ind.id), value, level=level, grain=grain),
        grade=grade,
        sample_required=part("sample_required", pl.Int64),
    ).cast(dict(RESULT_SCHEMA))
