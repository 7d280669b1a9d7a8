"""Early warning on days absent without explanation, year to date (PP No. 94/2021).

What counts (per person, January of the ``as_of`` year up to ``as_of``):

- ``tk_days``: days absent without explanation (TK), summed over every unit the
  person reported in. A person is the NIP; staff without one are the
  normalised name within their unit. Someone who moves keeps their count.
- ``late_days``: accumulated late arrival and early departure converted to
  days, cumulative minutes ÷ ``minutes_per_day`` (450: 7½ hours = 1 day,
  elucidation of PP 94/2021 Art. 4). Exact minutes (Menit Terlambat / Menit
  Pulang Cepat, contract version 2) are used where filled; otherwise each
  TL/PSW day counts the lower bound of its band (1, 31, 61, 91 minutes) and
  the row says ``minimum_estimate`` ("perkiraan minimal").
- ``total_days`` = ``tk_days`` + ``late_days``, rounded half up to 2 decimals;
  the thresholds are met on it.

The ladder and its wording depend on the employment status in the person's
latest month (``Config.ladders``: PNS per PP 94/2021, PPPK and Non ASN from
configuration; PNS wording never reaches another status). A month with
``monthly_tk_flag`` (10) or more TK days is flagged: ten consecutive working
days absent is grounds for dismissal of a PNS, and monthly totals cannot show
consecutiveness, so the UPT head checks.

Personal data (UU No. 27/2022): :func:`early_warning` lists names only for
the units it is given (the caller asks ``upt_dashboard.access`` which those
are); :func:`tk_threshold_counts` returns counts only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from data_loaders.schema import BAND_LOWER_MINUTES
from upt_dashboard.indicators.config import Config, Step, load_config
from upt_dashboard.indicators.engine import PROVINCE, SCOPE
from upt_dashboard.indicators.errors import IndicatorError
from upt_dashboard.months import Month
from upt_dashboard.rounding import round_expr
from upt_dashboard.storage.facts import Facts

# The thresholds the indicator list counts (first step of each level + dismissal).
COUNTED_THRESHOLDS = (3, 11, 21, 28)

YTD_SCHEMA = pl.Schema(
    {
        "person": pl.String(),  # "nip:<NIP>" or "nama:<normalised name>@<unit>"
        "nip": pl.String(),
        "nama": pl.String(),
        "status": pl.String(),
        "unit_code": pl.String(),  # the unit of the person's latest month
        "units": pl.String(),  # every unit reported in this year, in order, comma-separated
        "tk_days": pl.Int64(),
        "late_minutes": pl.Int64(),
        "early_minutes": pl.Int64(),
        "late_days": pl.Float64(),
        "total_days": pl.Float64(),
        "minimum_estimate": pl.Boolean(),
        "tk_month_max": pl.Int64(),
        "tk_month_max_period": pl.Date(),
    }
)
WARNING_SCHEMA = pl.Schema(
    {
        **YTD_SCHEMA,
        "reached_threshold": pl.Int64(),
        "reached_sanction": pl.String(),
        "reached_sanction_en": pl.String(),
        "next_threshold": pl.Int64(),
        "next_sanction": pl.String(),
        "next_sanction_en": pl.String(),
        "days_left": pl.Float64(),
        "month_flag": pl.Boolean(),
    }
)


_LEVELS_EN = {"ringan": "light", "sedang": "medium", "berat": "heavy"}


def sanction_text(step: Step, lang: str = "id") -> str:
    """``"hukuman disiplin ringan: teguran lisan (3 hari)"``; in English (``lang="en"``)
    ``"light disciplinary penalty: oral warning (3 days)"``."""
    if lang == "en":
        level = _LEVELS_EN.get(step.level, step.level)
        return (
            f"{level} disciplinary penalty: {step.sanction_en or step.sanction} ({step.days} days)"
        )
    return f"hukuman disiplin {step.level}: {step.sanction} ({step.days} hari)"


# What the PP 94/2021 counts read of the staff rows: one calendar year at a time.
_YEAR_COLUMNS = (
    "nip",
    "nama",
    "status",
    "tk",
    *(f"tl{i}" for i in range(1, 5)),
    *(f"psw{i}" for i in range(1, 5)),
    "menit_terlambat",
    "menit_pulang_cepat",
)


def year_rows(facts: Facts, year: int) -> pl.DataFrame:
    """Every unit's staff rows of ``year``, the columns the counts need (read once per facts).

    A person's year runs across every unit they reported in, so the rows of
    all units are read, but only these columns: at national scale that is
    about 720.000 narrow rows, not 7 million wide ones.
    """
    return facts.rows(
        "kehadiran_pegawai", start=Month(year, 1), end=Month(year, 12), columns=_YEAR_COLUMNS
    )


def _identity() -> pl.Expr:
    """A person: ``nip:<NIP>``, or ``nama:<normalised name>@<unit>`` for staff without one."""
    nip = pl.col("nip").str.strip_chars()
    name_key = pl.col("nama").str.to_lowercase().str.replace_all(r"\s+", " ").str.strip_chars()
    return (
        pl.when(nip.is_not_null() & (nip != ""))
        .then(pl.lit("nip:") + nip)
        .otherwise(pl.lit("nama:") + name_key + pl.lit("@") + pl.col("unit_code"))
    )


def _identified(rows: pl.DataFrame, people: pl.Series | None = None) -> pl.DataFrame:
    """``rows`` with the ``identity`` column, of ``people`` only when given.

    The rows of a few people are found by NIP and unit before any identity is
    built: normalising every name of a year (720.000 rows nationally) would
    cost more than the counts themselves.
    """
    if people is None:  # a row with neither NIP nor name is no one to count
        return rows.with_columns(identity=_identity()).filter(pl.col("identity").is_not_null())
    listed = people.drop_nulls().to_list()
    nips = [p.removeprefix("nip:") for p in listed if p.startswith("nip:")]
    units = {p.rpartition("@")[2] for p in listed if p.startswith("nama:")}
    near = rows.filter(
        pl.col("nip").str.strip_chars().is_in(nips) | pl.col("unit_code").is_in(sorted(units))
    )
    return near.with_columns(identity=_identity()).filter(pl.col("identity").is_in(listed))


def year_to_date(
    facts: Facts, *, as_of: Month, config: Config | None = None, units: Sequence[str] | None = None
) -> pl.DataFrame:
    """Days absent per person from January of ``as_of``'s year to ``as_of``: :data:`YTD_SCHEMA`.

    ``units`` keeps the people who reported in at least one of those units
    this year; their days still come from every unit (None: everyone).
    """
    rows = _identified(year_rows(facts, as_of.year))
    return _year_to_date(rows, as_of, config or load_config(), units)


def _year_to_date(
    rows: pl.DataFrame, as_of: Month, config: Config, units: Sequence[str] | None
) -> pl.DataFrame:
    """:func:`year_to_date` of identified staff rows of ``as_of``'s year (all of a person's)."""
    late_bound, early_bound = (_band_minutes(prefix) for prefix in ("tl", "psw"))
    estimated = (pl.col("menit_terlambat").is_null() & (late_bound > 0)) | (
        pl.col("menit_pulang_cepat").is_null() & (early_bound > 0)
    )
    people = (
        rows.lazy()
        .filter(pl.col("period") <= as_of.first_day)
        .with_columns(
            late=pl.coalesce(pl.col("menit_terlambat"), late_bound),
            early=pl.coalesce(pl.col("menit_pulang_cepat"), early_bound),
            estimated=estimated,
        )
        # Two reports of one month (a move mid-month): the later-stored one is the
        # latest, whatever order the rows were read or spliced in.
        .sort("period", "submission_id", maintain_order=True)
        .group_by(person=pl.col("identity"))
        .agg(
            pl.col("nip", "nama", "status", "unit_code").last(),
            units=pl.col("unit_code").unique(maintain_order=True).str.join(", "),
            tk_days=pl.col("tk").sum(),
            late_minutes=pl.col("late").sum(),
            early_minutes=pl.col("early").sum(),
            minimum_estimate=pl.col("estimated").any(),
            tk_month_max=pl.col("tk").max(),
            tk_month_max_period=pl.col("period").sort_by("tk", descending=True).first(),
            seen=pl.col("unit_code").unique(),
        )
    )
    if units is not None:
        people = people.filter(pl.col("seen").list.set_intersection(list(units)).list.len() > 0)
    late_days = (pl.col("late_minutes") + pl.col("early_minutes")) / config.minutes_per_day
    return (
        people.with_columns(late_days=round_expr(late_days, 2))
        .with_columns(total_days=round_expr(pl.col("tk_days") + late_days, 2))
        .select(YTD_SCHEMA.names())
        .collect()
        .cast(dict(YTD_SCHEMA))
    )


def early_warning(
    facts: Facts, *, units: Sequence[str], as_of: Month, config: Config | None = None
) -> pl.DataFrame:
    """People at or near a threshold of their status's ladder, year to date.

    In: ``units`` — the unit codes whose staff the viewer may see (required,
    non-empty: ask ``upt_dashboard.access``); ``as_of`` — the last month
    included. Out: :data:`WARNING_SCHEMA`, one row per person whose total is
    at least one day short of their ladder's first step, or who had a month
    with ``monthly_tk_flag`` TK days or more; highest total first. The
    reached step (null if none yet), the next one (null past the last) and
    the days left to it. Raises IndicatorError for an empty unit list.
    """
    if not units:
        raise IndicatorError(
            "Daftar UPT wajib diisi: peringatan dini memuat data pribadi "
            "pegawai dan hanya untuk UPT yang boleh Anda lihat."
        )
    config = config or load_config()
    ytd = year_to_date(facts, as_of=as_of, config=config, units=units)
    steps = _ladder_frame(config)
    total = pl.col("total_days")
    reached = (
        ytd.join(steps, on="status", how="left")
        .filter(pl.col("days") <= total)
        .group_by("person")
        .agg(
            reached_threshold=pl.col("days").max(),
            reached_sanction=pl.col("text").sort_by("days").last(),
            reached_sanction_en=pl.col("text_en").sort_by("days").last(),
        )
    )
    upcoming = (
        ytd.join(steps, on="status", how="left")
        .filter(pl.col("days") > total)
        .group_by("person")
        .agg(
            next_threshold=pl.col("days").min(),
            next_sanction=pl.col("text").sort_by("days").first(),
            next_sanction_en=pl.col("text_en").sort_by("days").first(),
        )
    )
    first_step = steps.group_by("status").agg(first_step=pl.col("days").min())
    return (
        ytd.join(reached, on="person", how="left")
        .join(upcoming, on="person", how="left")
        .join(first_step, on="status", how="left")
        .with_columns(
            days_left=round_expr(pl.col("next_threshold") - total, 2),
            month_flag=pl.col("tk_month_max") >= config.monthly_tk_flag,
        )
        .filter((total >= pl.col("first_step") - 1) | pl.col("month_flag"))
        .sort(["total_days", "unit_code", "nama"], descending=[True, False, False])
        .select(WARNING_SCHEMA.names())
        .cast(dict(WARNING_SCHEMA))
    )


def tk_threshold_counts(
    facts: Facts,
    *,
    as_of: Month,
    units: Sequence[str] | None = None,
    level: str = "unit",
    thresholds: Sequence[int] = COUNTED_THRESHOLDS,
    config: Config | None = None,
) -> pl.DataFrame:
    """People whose year-to-date total days (TK + converted lateness) reached each threshold.

    Counts only, no names. A person counts in the unit of their latest month.
    Out: ``unit_code`` (unit code, type code, or ``PROVINSI`` — ``CAKUPAN``
    when ``units`` narrow the registry — by ``level``),
    ``threshold``, ``employees`` — every (group, threshold) pair, zeros
    included, for the units in ``facts.units`` (narrowed by ``units``).
    """
    registry = facts.units.select(unit_code="code", type="type")
    if units is not None:
        registry = registry.filter(pl.col("unit_code").is_in(list(units)))
    whole = registry.height == facts.units.height
    key = {
        "unit": pl.col("unit_code"),
        "type": pl.col("type"),
        "province": pl.lit(PROVINCE if whole else SCOPE),
    }
    if level not in key:
        raise IndicatorError(f"Tingkat '{level}' tidak dikenal.")
    ytd = year_to_date(facts, as_of=as_of, config=config)
    groups = registry.select(unit_code=key[level]).unique()
    grid = groups.join(
        pl.DataFrame({"threshold": list(thresholds)}, schema={"threshold": pl.Int64}), how="cross"
    )
    counts = (
        ytd.join(registry, on="unit_code")
        .with_columns(unit_code=key[level])
        .join(grid, on="unit_code")
        .filter(pl.col("total_days") >= pl.col("threshold"))
        .group_by("unit_code", "threshold")
        .agg(employees=pl.len().cast(pl.Int64))
    )
    return (
        grid.join(counts, on=["unit_code", "threshold"], how="left")
        .with_columns(pl.col("employees").fill_null(0))
        .sort("unit_code", "threshold")
    )


def _band_minutes(prefix: str) -> pl.Expr:
    """The fewest minutes the TL/PSW days of a row can mean: Σ days × band lower bound."""
    return pl.sum_horizontal(
        pl.col(f"{prefix}{i}") * low for i, low in enumerate(BAND_LOWER_MINUTES, start=1)
    )


def _ladder_frame(config: Config) -> pl.DataFrame:
    """``status, days, text, text_en`` of every configured step."""
    return pl.DataFrame(
        [
            (status, step.days, sanction_text(step), sanction_text(step, "en"))
            for status, steps in config.ladders.items()
            for step in steps
        ],
        schema={"status": pl.String, "days": pl.Int64, "text": pl.String, "text_en": pl.String},
        orient="row",
    )


CROSSINGS_SCHEMA = pl.Schema(
    {
        "unit_code": pl.String(),
        "period": pl.Date(),
        "crossed": pl.Int64(),  # people whose total reached a new step of their ladder
        "flagged": pl.Int64(),  # people with monthly_tk_flag or more TK days that month
    }
)


EVENTS_SCHEMA = pl.Schema(
    {"person": pl.String(), "unit_code": pl.String(), "period": pl.Date(), "kind": pl.String()}
)
ROSTER_SCHEMA = pl.Schema({"year": pl.Int32(), "person": pl.String(), "unit_code": pl.String()})


def threshold_crossings(
    facts: Facts,
    *,
    start: Month,
    end: Month,
    units: Sequence[str] | None = None,
    config: Config | None = None,
) -> pl.DataFrame:
    """Per unit and month: how many people reached a new step, and how many had a month
    of ``monthly_tk_flag`` TK days or more — counts only, for the leadership's attention list.

    A person counts in the unit of their latest month (a mover in the new one).
    Out: :data:`CROSSINGS_SCHEMA`, unit-months with at least one of either.
    """
    return crossings(facts, start=start, end=end, units=units, config=config).counts


@dataclass(frozen=True)
class Crossings:
    """What :func:`threshold_crossings` counts, kept so an upload can update it.

    ``events`` (:data:`EVENTS_SCHEMA`), one row per event: "crossed", the
    person reached a new step that month (in the unit of their latest month);
    "flagged", one staff row of that month with ``monthly_tk_flag`` TK days
    or more (in the row's unit). ``roster`` (:data:`ROSTER_SCHEMA`): who
    reported where in the years counted. ``counts``: :data:`CROSSINGS_SCHEMA`.
    """

    events: pl.DataFrame
    roster: pl.DataFrame
    counts: pl.DataFrame

    def people_in(self, fresh_roster: pl.DataFrame, units: Sequence[str]) -> pl.Series:
        """The people whose events reports of ``units`` can change: on the roster of those
        units before (``self``) or after (``fresh_roster``, :func:`crossing_roster`)."""
        mine = pl.col("unit_code").is_in(list(units))
        return pl.concat([self.roster.filter(mine), fresh_roster])["person"].unique()

    def updated(self, fresh: Crossings, people: pl.Series) -> Crossings:
        """These crossings with the events and roster of ``people`` taken from ``fresh``."""
        others = ~pl.col("person").is_in(people.implode())
        events = pl.concat([self.events.filter(others), fresh.events])
        return Crossings(
            events, pl.concat([self.roster.filter(others), fresh.roster]), _counted(events)
        )


def crossings(
    facts: Facts,
    *,
    start: Month,
    end: Month,
    units: Sequence[str] | None = None,
    config: Config | None = None,
    people: pl.Series | None = None,
) -> Crossings:
    """The :class:`Crossings` of ``start``..``end``; of ``people`` (identities) only when
    given — a person's events depend on their own rows alone."""
    config = config or load_config()
    by_year = {
        year: _identified(year_rows(facts, year), people)
        for year in range(start.year, end.year + 1)
    }
    frames = [pl.DataFrame(schema=EVENTS_SCHEMA)]
    for month in Month.range(start, end):
        rows = by_year[month.year]
        now = _month_steps(rows, month, config, units)
        crossed = now.filter(pl.col("step") > pl.col("before_step").fill_null(0))
        flagged = rows.filter(
            pl.col("period") == month.first_day, pl.col("tk") >= config.monthly_tk_flag
        )
        if units is not None:
            flagged = flagged.filter(pl.col("unit_code").is_in(list(units)))
        period = pl.lit(month.first_day, dtype=pl.Date)
        frames += [
            crossed.select("person", "unit_code", period=period, kind=pl.lit("crossed")),
            flagged.select("unit_code", person="identity", period=period, kind=pl.lit("flagged")),
        ]
    events = pl.concat([f.select(EVENTS_SCHEMA.names()).cast(dict(EVENTS_SCHEMA)) for f in frames])
    roster = pl.concat(
        [pl.DataFrame(schema=ROSTER_SCHEMA)]
        + [_roster(rows, year) for year, rows in by_year.items()]
    )
    return Crossings(events, roster, _counted(events))


def crossing_roster(
    facts: Facts, *, start: Month, end: Month, units: Sequence[str]
) -> pl.DataFrame:
    """Who reported in ``units`` in the years of ``start``..``end``: :data:`ROSTER_SCHEMA`."""
    frames = [pl.DataFrame(schema=ROSTER_SCHEMA)]
    for year in range(start.year, end.year + 1):
        rows = year_rows(facts, year).filter(pl.col("unit_code").is_in(list(units)))
        frames.append(_roster(_identified(rows), year))
    return pl.concat(frames)


def _roster(identified: pl.DataFrame, year: int) -> pl.DataFrame:
    return (
        identified.select(
            year=pl.lit(year, dtype=pl.Int32), person="identity", unit_code="unit_code"
        )
        .unique()
        .cast(dict(ROSTER_SCHEMA))
    )


def _counted(events: pl.DataFrame) -> pl.DataFrame:
    return (
        events.group_by("unit_code", "period")
        .agg(
            crossed=(pl.col("kind") == "crossed").sum().cast(pl.Int64),
            flagged=(pl.col("kind") == "flagged").sum().cast(pl.Int64),
        )
        .select(CROSSINGS_SCHEMA.names())
        .cast(dict(CROSSINGS_SCHEMA))
        .sort("unit_code", "period")
    )


def _month_steps(
    rows: pl.DataFrame, month: Month, config: Config, units: Sequence[str] | None
) -> pl.DataFrame:
    """``person, unit_code, step, before_step``: the step of each person's ladder reached
    by ``month`` and by the month before (null: no rows before ``month`` this year), of
    the people who reported in ``units`` this year up to ``month`` (None: everyone).

    The totals of :func:`year_to_date` (same sums, same rounding, the latest
    month's status and unit), with only what the steps need: each person's rows
    before ``month`` and of ``month`` summed apart, in one pass, then added.
    The counts of a national year (720.000 rows) are made for every month of
    a period.
    """
    first = month.first_day
    late_bound, early_bound = (_band_minutes(prefix) for prefix in ("tl", "psw"))
    # Of two reports of one month the later-stored; of two rows of one person in one
    # report (no NIP, the same name) the later row, as year_to_date takes it.
    latest = ("period", "submission_id")
    parts = (
        rows.lazy()
        .filter(pl.col("period") <= first)
        .with_columns(
            late=pl.coalesce(pl.col("menit_terlambat"), late_bound),
            early=pl.coalesce(pl.col("menit_pulang_cepat"), early_bound),
        )
        .group_by(person=pl.col("identity"), now=pl.col("period") == first)
        .agg(
            pl.col("status", "unit_code").sort_by(latest, maintain_order=True).last(),
            pl.col("tk", "late", "early").sum(),
            mine=pl.lit(True) if units is None else pl.col("unit_code").is_in(list(units)).any(),
        )
        .collect()
    )
    sums = ("tk", "late", "early")
    before = parts.filter(~pl.col("now")).drop("now")
    people = (
        before.join(parts.filter("now").drop("now"), on="person", how="full", suffix="_month")
        .with_columns(in_month=pl.col("person_month").is_not_null())
        .select(
            person=pl.coalesce("person", "person_month"),
            # the latest month's, even empty (a status left blank has no ladder)
            status=pl.when("in_month").then("status_month").otherwise("status"),
            unit_code=pl.when("in_month").then("unit_code_month").otherwise("unit_code"),
            mine=pl.col("mine").fill_null(False) | pl.col("mine_month").fill_null(False),
            **{c: pl.col(c).fill_null(0) + pl.col(f"{c}_month").fill_null(0) for c in sums},
        )
        .filter("mine")
    )

    def with_total(frame: pl.DataFrame) -> pl.DataFrame:
        late_days = round_expr((pl.col("late") + pl.col("early")) / config.minutes_per_day, 2)
        return frame.with_columns(
            total_days=round_expr(pl.col("tk") + late_days, 2).cast(pl.Float64)
        )

    reached_before = _steps(with_total(before), config).select("person", before_step="step")
    return _steps(with_total(people), config).join(reached_before, on="person", how="left")


def _steps(ytd: pl.DataFrame, config: Config) -> pl.DataFrame:
    """``person, unit_code, step``: the highest step of each person's ladder reached (0: none)."""
    reached = (
        ytd.join(_ladder_frame(config), on="status", how="left")
        .filter(pl.col("days") <= pl.col("total_days"))
        .group_by("person")
        .agg(step=pl.col("days").max())
    )
    return (
        ytd.select("person", "unit_code")
        .join(reached, on="person", how="left")
        .with_columns(pl.col("step").fill_null(0))
    )
