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

The same sums of one report are stored with it (:func:`report_parts`, in
``unit_month_parts``), so loading the facts does not mean reading every
staff and survey row: :func:`fact_sums` takes the stored parts of the
current definition (:func:`parts_definition`) and computes only what is
missing from the rows. Both ways give the same numbers (a test compares).
"""

from __future__ import annotations

import hashlib
import json
import threading
import weakref
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import date

import polars as pl

from upt_dashboard.indicators.catalogue import INDICATORS, Indicator, Method, applicable_types
from upt_dashboard.indicators.complaints import complaint_list, judged, known_until
from upt_dashboard.indicators.config import Config
from upt_dashboard.indicators.ikm import ELEMENTS
from upt_dashboard.indicators.reporting import expected_reports, first_uploads
from upt_dashboard.storage.facts import SHEET_ATTRS, Facts, sheet_schema, without
from upt_dashboard.storage.submissions import StoredParts

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


# Sums of the survey answers beyond the IKM's own, for the views that read
# answers (NRR per element, the U4 integrity signal, the IKM's standard error).
_SCORE = pl.mean_horizontal(*(pl.col(e).cast(pl.Float64) for e in ELEMENTS))
SURVEY_PARTS: tuple[tuple[str, pl.Expr], ...] = (
    ("survei_kepuasan", (pl.col("u4") < 4).sum().cast(pl.Int64).alias(col("survey", "u4_below"))),
    ("survei_kepuasan", pl.col("u4").min().cast(pl.Int64).alias(col("survey", "u4_min"))),
    ("survei_kepuasan", _SCORE.sum().alias(col("survey", "score_sum"))),
    ("survei_kepuasan", (_SCORE * _SCORE).sum().alias(col("survey", "score_sq"))),
)


def part_aggregations(config: Config) -> list[tuple[str, pl.Expr]]:
    """(sheet attribute, aggregate expression) of every per-unit-month part, in a fixed order."""
    return _held(config)[1]


def _held(config: Config) -> tuple[Config, list[tuple[str, pl.Expr]], dict]:
    held = _by_config.get(id(config))
    if held is None or held[0] is not config:  # built once per configuration object
        held = (config, _part_aggregations(config), {})
        _by_config.clear()  # one configuration in use at a time
        _by_config[id(config)] = held
    return held


# id(config) -> (config, its part aggregations, derived values): a report's parts are
# computed for every stored file, and building the expressions costs more than using them.
_by_config: dict[int, tuple[Config, list[tuple[str, pl.Expr]], dict]] = {}


def _part_aggregations(config: Config) -> list[tuple[str, pl.Expr]]:
    pairs = [
        pair
        for indicator in INDICATORS
        for pair in _aggregations(indicator, config)
        if pair[0] != REPORTS
    ]
    return [*pairs, *SURVEY_PARTS]


@dataclass(frozen=True)
class PartsDefinition:
    """The parts of one configuration: their names in order, and a digest naming the set."""

    names: tuple[str, ...]
    digest: str


def parts_definition(config: Config) -> PartsDefinition:
    """What stored parts must match to be used: a digest of every part's expression."""
    _, pairs, derived = _held(config)
    if "definition" not in derived:
        derived["definition"] = _definition(pairs)
    return derived["definition"]


def _definition(pairs: list[tuple[str, pl.Expr]]) -> PartsDefinition:
    text = "\n".join(f"{source}|{expr.meta.output_name()}|{expr}" for source, expr in pairs)
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    return PartsDefinition(tuple(expr.meta.output_name() for _, expr in pairs), digest)


def report_parts(frames: dict[str, pl.DataFrame], unit_code: str, config: Config) -> StoredParts:
    """The parts of one report, to store with it.

    ``frames``: the report's sheet frames by ``Facts`` attribute (the
    schema's field names). A sheet with no rows gives null parts, exactly
    as a unit-month without rows of that sheet does in :func:`fact_sums`.
    """
    by_source: dict[str, list[pl.Expr]] = defaultdict(list)
    for source, expr in part_aggregations(config):
        by_source[source].append(expr)
    values: dict[str, object] = {}
    for source, exprs in by_source.items():
        frame = frames[source].with_columns(unit_code=pl.lit(unit_code))
        if frame.is_empty():
            values |= {e.meta.output_name(): None for e in exprs}
            continue
        values |= frame.select(exprs).row(0, named=True)
    return encode_parts(values, parts_definition(config))


def encode_parts(values: dict[str, object], definition: PartsDefinition) -> StoredParts:
    """One unit-month's parts (by name) as stored: a JSON list in the definition's order."""
    return StoredParts(definition.digest, json.dumps([values[n] for n in definition.names]))


@dataclass(frozen=True)
class FactSums:
    """What every computation on one ``Facts`` shares.

    ``parts``: ``unit_code, period`` + the unmasked parts of every indicator
    whose source is a sheet, for the unit-months with rows, and ``reported``
    (1: a current report exists). ``first_uploads``: see
    :func:`~indicators.reporting.first_uploads`. ``listed``: every complaint
    in its newest state (:func:`~indicators.complaints.complaint_list`);
    ``known``: how far each unit's reports reach
    (:func:`~indicators.complaints.known_until`); ``complaints``: the listed
    ones the data can judge (:func:`~indicators.complaints.judged`).
    ``grids``: the :class:`Grid` of the day they were made for (which
    reports are expected depends on today), made on first use.
    """

    parts: pl.DataFrame
    first_uploads: pl.DataFrame
    listed: pl.DataFrame
    known: pl.DataFrame
    complaints: pl.DataFrame
    grids: dict[date, Grid] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Grid:
    """Every registry unit × every month from the first stored month to the last, with
    the masked parts of every indicator, in :func:`unit_month_sums`' row order (unit
    by unit, then month): a request selects its units, months and columns from it,
    and after an upload only the changed units' rows are made again."""

    months: list[date]
    frame: pl.DataFrame


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
            by_config[key] = _patched(facts, config, key) or _build(facts, config)
        return by_config[key]


def _patched(facts: Facts, config: Config, key: tuple) -> FactSums | None:
    """The sums of refreshed facts from those of the facts they were made from: only the
    changed unit-months are summed again. None when there is nothing to start from."""
    earlier = facts.earlier
    before = None
    if earlier is not None and earlier.facts is not None:
        before = _cache.get(earlier.facts, {}).get(key)
    if earlier is None or before is None:
        return None
    earlier.facts = None  # patched once; the old facts may go
    changed = earlier.changed
    kept = without(before.parts, changed)
    fresh = _parts(facts, config, changed)
    parts = pl.concat([kept, fresh.select(kept.columns).cast(kept.schema)])
    # A unit's complaints are judged on its own reports: only the changed units' again.
    units = changed["unit_code"].unique().implode()
    mine = pl.col("unit_code").is_in(units)
    changed_units = changed.select("unit_code").unique()
    first = first_uploads(facts.submissions.filter(mine), config.timezone)
    fresh_list, fresh_known, fresh_judged = _complaints(facts, config, units)
    sums = FactSums(
        parts,
        *(
            pl.concat([without(held, changed_units), new])
            for held, new in (
                (before.first_uploads, first),
                (before.listed, fresh_list),
                (before.known, fresh_known),
                (before.complaints, fresh_judged),
            )
        ),
    )
    today = config.today_or_now()
    grid = before.grids.get(today)
    patched = None if grid is None else _patched_grid(facts, sums, grid, units.explode(), config)
    if patched is not None:
        sums.grids[today] = patched
    return sums


def _build(facts: Facts, config: Config) -> FactSums:
    return FactSums(
        _parts(facts, config),
        first_uploads(facts.submissions, config.timezone),
        *_complaints(facts, config),
    )


def _complaints(
    facts: Facts, config: Config, units: pl.Series | None = None
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(listed, known, judged) complaints of ``units`` (imploded codes), else of all units."""
    rows, reports = facts.pengaduan, facts.submissions
    if units is not None:
        rows = rows.filter(pl.col("unit_code").is_in(units))
        reports = reports.filter(pl.col("unit_code").is_in(units))
    listed = complaint_list(
        rows,
        working_day_limit=config.complaint_working_days,
        holiday_categories=config.holiday_categories,
    )
    known = known_until(reports)
    judged_ones = judged(listed, known).select(
        "unit_code", "due", "due_period", "tanggal_selesai", "resolved", "on_time", "days"
    )
    return listed, known, judged_ones


def listed_complaints(facts: Facts, config: Config) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Every complaint in its newest state and how far each unit's reports reach
    (``complaint_list``, ``known_until``), shared with the sums: after an upload only
    the changed units are listed again."""
    sums = fact_sums(facts, config)
    return sums.listed, sums.known


def _parts(facts: Facts, config: Config, only: pl.DataFrame | None = None) -> pl.DataFrame:
    """``unit_code, period``, ``REPORTED`` + every part: stored ones where their definition
    is current, the rest computed from the rows of the reports lacking them. ``only``:
    these unit-months (``unit_code, period``), else all."""
    current = facts.submissions.filter(pl.col("is_current"))
    stored = facts.stored_parts
    if only is not None:
        # Their units' rows first: a join would copy the held frames, pieces after
        # uploads, into one (a national year of stored sums is 60 MB).
        mine = pl.col("unit_code").is_in(only["unit_code"].unique().implode())
        current = current.filter(mine).join(only, on=KEY, how="semi")
        stored = None if stored is None else stored.filter(mine).join(only, on=KEY, how="semi")
    reported = current.group_by(KEY).agg(pl.len().cast(pl.Int64).alias(REPORTED))
    definition = parts_definition(config)
    if stored is None:
        parts = parts_from_rows(facts, config, None if only is None else current)
    else:
        usable = stored.filter(pl.col("definition") == definition.digest)
        parts = _decode(usable, definition, _part_schema(config))
        missing = current.filter(~pl.col("id").is_in(usable["submission_id"].implode()))
        if not missing.is_empty():
            computed = parts_from_rows(facts, config, missing)
            parts = pl.concat([parts, computed], how="diagonal_relaxed")
    return reported.join(parts, on=KEY, how="full", coalesce=True).with_columns(
        pl.col(REPORTED).fill_null(0)
    )


def _decode(
    stored: pl.DataFrame, definition: PartsDefinition, schema: dict[str, pl.DataType]
) -> pl.DataFrame:
    """Stored lists of values -> one column per part, typed as the rows give them."""
    columns = [
        pl.col("part_values").list.get(i).cast(schema[name]).alias(name)
        for i, name in enumerate(definition.names)
    ]
    return stored.select(*KEY, *columns)


def _part_schema(config: Config) -> dict[str, pl.DataType]:
    """The dtype of every part as computed from the rows (counts stay integers)."""
    schema: dict[str, pl.DataType] = {}
    by_source: dict[str, list[pl.Expr]] = defaultdict(list)
    for source, expr in part_aggregations(config):
        by_source[source].append(expr)
    for source, exprs in by_source.items():
        empty = pl.LazyFrame(schema=sheet_schema(SHEET_ATTRS[source]))
        schema |= dict(empty.group_by(KEY).agg(exprs).collect_schema())
    return schema


def parts_from_rows(facts: Facts, config: Config, only: pl.DataFrame | None) -> pl.DataFrame:
    """Parts of the current reports computed from their sheet rows (``only``: of these)."""
    aggregations: dict[str, list[pl.Expr]] = defaultdict(list)
    for source, expr in part_aggregations(config):
        aggregations[source].append(expr)
    units = None if only is None else only["unit_code"].unique().to_list()
    ids = None if only is None else only["id"]
    lazies = []
    for name, exprs in aggregations.items():
        rows = facts.sheet(name) if units is None else facts.rows(name, units=units)
        if ids is not None:
            rows = rows.filter(pl.col("submission_id").is_in(ids.implode()))
        lazies.append(rows.lazy().group_by(KEY).agg(exprs))
    per_source = pl.collect_all(lazies)
    parts = pl.concat([p.select(KEY) for p in per_source]).unique()
    for part in per_source:
        parts = parts.join(part, on=KEY, how="left")
    return parts


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
    where an indicator is limited to some unit types; rows unit by unit (in
    ``scope`` order), then month; columns in no promised order.

    Selected from the held :class:`Grid` when it covers the months (made
    from the sums here otherwise): ten years of a thousand units are a
    selection, not a join of a hundred thousand rows.
    """
    cached = fact_sums(facts, config)
    grid = _grid(facts, cached, config)
    if grid is None or not set(months) <= set(grid.months):
        return _dense(facts, cached, scope, months, indicators, config)
    frame = grid.frame
    if list(months) != grid.months:
        frame = frame.filter(pl.col("period").is_in(list(months)))
    if scope.height != facts.units.height:
        frame = frame.filter(pl.col("unit_code").is_in(scope["code"].implode()))
    ids = {indicator.id for indicator in indicators}
    return frame.select(c for c in frame.columns if ":" not in c or c.split(":")[0] in ids)


def _grid(facts: Facts, sums: FactSums, config: Config) -> Grid | None:
    """The :class:`Grid` of today, made on first use; None when nothing is stored."""
    today = config.today_or_now()
    with _lock:
        if (grid := sums.grids.get(today)) is None:
            months = _stored_months(facts)
            if not months:
                return None
            registry = facts.units.select("code", "type")
            grid = Grid(months, _dense(facts, sums, registry, months, INDICATORS, config))
            sums.grids.clear()  # yesterday's is not asked for again
            sums.grids[today] = grid
        return grid


def _stored_months(facts: Facts) -> list[date]:
    """First days of every month from the first stored report's to the last one's."""
    periods = facts.submissions["period"]
    if periods.is_empty():
        return []
    first, last = periods.min(), periods.max()
    return pl.date_range(first, last, "1mo", eager=True).to_list()


def _patched_grid(
    facts: Facts, sums: FactSums, grid: Grid, units: pl.Series, config: Config
) -> Grid | None:
    """``grid`` with the rows of ``units`` made again from ``sums``; None when the months
    or the registry changed (made anew on first use)."""
    if _stored_months(facts) != grid.months or facts.units.height * len(grid.months) != (
        grid.frame.height
    ):
        return None
    registry = facts.units.select("code", "type").with_row_index("position")
    changed = registry.filter(pl.col("code").is_in(units.implode()))
    fresh = _dense(facts, sums, changed.drop("position"), grid.months, INDICATORS, config)
    size, pieces, taken = len(grid.months), [], 0
    for i, position in enumerate(changed["position"].to_list()):
        pieces += [
            grid.frame.slice(taken, position * size - taken),
            fresh.slice(i * size, size).select(grid.frame.columns).cast(grid.frame.schema),
        ]
        taken = (position + 1) * size
    frame = pl.concat([*pieces, grid.frame.slice(taken)])
    if frame.n_chunks() > MAX_GRID_CHUNKS:  # many uploads: one chunk again
        frame = frame.rechunk()
    return Grid(grid.months, frame)


MAX_GRID_CHUNKS = 64


def _dense(
    facts: Facts,
    cached: FactSums,
    scope: pl.DataFrame,
    months: Sequence[date],
    indicators: Sequence[Indicator],
    config: Config,
) -> pl.DataFrame:
    """:func:`unit_month_sums` made from the sums: the grid joined to the parts and the
    expected reports, masked."""
    aggregations = [pair for ind in indicators for pair in _aggregations(ind, config)]
    frame = scope.select(unit_code="code", type="type").join(
        pl.DataFrame({"period": list(months)}, schema={"period": pl.Date}), how="cross"
    )
    # The units and months asked for first: a month's view joins a thousand rows, not
    # every month's, and a unit's history its own.
    wanted = pl.col("period").is_in(list(months)) & pl.col("unit_code").is_in(
        scope["code"].implode()
    )
    frame = frame.join(
        cached.parts.filter(wanted).select(
            *KEY,
            REPORTED,
            *(expr.meta.output_name() for source, expr in aggregations if source != REPORTS),
        ),
        on=KEY,
        how="left",
        maintain_order="left",  # unit by unit, then month: the Grid is sliced by it
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
        frame = frame.join(
            reports.group_by(KEY).agg(report_exprs), on=KEY, how="left", maintain_order="left"
        )
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
