"""Per (unit, month) sums: the one pass over the facts that all indicators share.

Every additive quantity behind an indicator (numerator, denominator, the
count ``n``, the nine IKM score sums …) is summed once per unit-month from
its source frame. Rolling up to a quarter, a year, a unit type or the
province is then a group-by sum over this small frame, which is what makes
Σ numerator ÷ Σ denominator exact at every level and fast.

Column names are ``"<indicator_id>:<part>"``. A unit-month contributes to a
ratio only when both numerator and denominator are present and the
indicator applies to the unit's type; otherwise all its parts are null.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

import polars as pl

from indicators.catalogue import Indicator, Method, applicable_types
from indicators.complaints import complaint_list
from indicators.config import Config
from indicators.ikm import ELEMENTS
from indicators.reporting import report_grid
from storage.facts import Facts

KEY = ["unit_code", "period"]


def col(indicator_id: str, part: str) -> str:
    return f"{indicator_id}:{part}"


def scoped_complaints(facts: Facts, unit_codes: Sequence[str], months: Sequence[date],
                      config: Config) -> pl.DataFrame:
    """Complaints of the scope units received in the scope months."""
    complaints = complaint_list(facts.pengaduan, working_day_limit=config.complaint_working_days,
                                holiday_categories=config.holiday_categories)
    return complaints.filter(pl.col("unit_code").is_in(list(unit_codes)),
                             pl.col("period").is_between(months[0], months[-1]))


def unit_month_sums(facts: Facts, scope: pl.DataFrame, months: Sequence[date],
                    indicators: Sequence[Indicator], config: Config,
                    complaints: pl.DataFrame) -> pl.DataFrame:
    """Dense grid (every scope unit × month) with the parts of ``indicators``.

    In: ``scope`` (code, type) of registry units, the months in scope, the
    complaints of :func:`scoped_complaints`. Out: ``unit_code, type,
    period`` + ``<id>:num``/``:den``/``:n`` for ratio and sum indicators,
    ``ikm:<part>`` for IKM and ``<id>:app`` (applicability) where an
    indicator is limited to some unit types.
    """
    codes = scope["code"].to_list()
    grid = scope.select(unit_code="code", type="type").join(
        pl.DataFrame({"period": list(months)}, schema={"period": pl.Date}), how="cross")
    sources = {
        "complaints": complaints.lazy(),
        "reports": report_grid(facts.submissions, codes, months,
                               today=config.today_or_now(),
                               deadline_day=config.report_deadline_day,
                               timezone=config.timezone).lazy(),
    }
    aggregations: dict[str, list[pl.Expr]] = defaultdict(list)
    for indicator in indicators:
        for source, expr in _aggregations(indicator, config):
            aggregations[source].append(expr)
    in_scope = [pl.col("unit_code").is_in(codes), pl.col("period").is_between(months[0], months[-1])]
    lazies = [
        (sources[name] if name in sources else facts.sheet(name).lazy())
        .filter(*in_scope).group_by(KEY).agg(exprs)
        for name, exprs in aggregations.items()
    ]
    frame = grid
    for part in pl.collect_all(lazies):
        frame = frame.join(part, on=KEY, how="left")
    return frame.with_columns(_masks(indicators, facts.unit_types))


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
    return [(term.source, term.build(config).sum().alias(col(indicator.id, part)))
            for part, term in parts if term is not None]


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
        exprs += [pl.when(ok).then(num).alias(col(indicator.id, "num")),
                  pl.when(ok).then(n).alias(col(indicator.id, "n"))]
        if types is not None:
            exprs.append(applies.alias(col(indicator.id, "app")))
    return exprs
