"""Anomaly flags worth reading: values far from the unit's own history, and steady slides.

Outliers. For each (indicator, unit) series of monthly values the robust
z-score of a value is ``|x − median| ÷ (1.4826 × MAD)`` (MAD = median absolute
deviation; 1.4826 makes it comparable to a standard deviation for normal
data). Median and MAD suit small counts and are not pulled by the outlier
itself. When MAD is 0 (more than half the values equal, common for counts)
the scale falls back to ``1.2533 × mean absolute deviation`` (Iglewicz &
Hoaglin); when that is 0 too nothing is flagged. A value is flagged when its
z exceeds ``anomaly_z`` and none of these says it is no news:

- the series holds fewer than ``anomaly_min_history`` values;
- the value rests on too little: its base (complaints falling due, incidents,
  people leaving, … — the indicator's ``n`` where it counts things, else its
  denominator) is below ``anomaly_min_base`` (no flag on 1–2 complaints);
  such values are also left out of the history;
- it is already red by its own status: the status says it, louder;
- it moves less than a change worth a look (``anomaly_min_change`` per
  indicator, else by unit: 3 points of a percentage, 3 points of an index,
  3 days, a quarter of the median of a ratio, ``anomaly_min_count_change``
  of a count): one more resident short of 100% is a status matter;
- it is good news: on the better side of the median and within its
  green band (or without bands), unless its z is twice the limit — a value
  that far off is more likely a typing error than a good month;
- it is a target-range indicator (occupancy) still inside its green range;
- it is a leave-driven indicator (``anomaly_seasonal``) in a Lebaran month
  (Idul Fitri and its cuti bersama, from the ``holidays`` library): leave
  peaks there every year;
- its move from the median is within ``anomaly_sampling_z`` standard
  errors of its own sampling error: an IKM against its survey's (from the
  spread of the respondents' scores), a percentage against the binomial
  error of its denominator (√(p(1−p)/n) at the median p: 4 of 27 staff
  missing a session is chance, 40 of 1,000 is not) — a different sample,
  not a different service.

Slides. A value can move a little every month and never be an outlier. For
each series the last ``anomaly_trend_months`` values are tested with the
Mann–Kendall trend test; a slide in the bad direction with |Z| of at least
``anomaly_trend_z`` whose Theil–Sen change over the window is at least three
times the scatter around that line is flagged once, at the window's last
month. Neutral, target-range and count indicators are not trend-tested.

Composite indices are skipped: their components are flagged instead.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date

import holidays
import numpy as np
import polars as pl

from upt_dashboard.indicators.catalogue import BY_ID, Direction, Method, Unit
from upt_dashboard.indicators.config import Config, load_config
from upt_dashboard.indicators.formatting import format_number, format_value
from upt_dashboard.indicators.status import HIJAU, MERAH
from upt_dashboard.months import Month

# The smallest move worth a look, by unit (ratios: a share of the median; counts:
# anomaly_min_count_change); anomaly_min_change in the configuration overrides per indicator.
MIN_CHANGE = {Unit.PERCENT: 0.03, Unit.INDEX: 3.0, Unit.DAYS: 3.0}
RATIO_MIN_CHANGE = 0.25
MAD_SCALE = 1.4826
MEAN_AD_SCALE = 1.2533
OUTLIER, TREND = "outlier", "trend"

ANOMALY_SCHEMA = pl.Schema(
    {
        "indicator_id": pl.String(),
        "unit_code": pl.String(),
        "period": pl.String(),
        "period_start": pl.Date(),
        "value": pl.Float64(),
        "median": pl.Float64(),
        "robust_z": pl.Float64(),  # outliers: robust z; trends: the Mann–Kendall Z
        "kind": pl.String(),  # outlier | trend
        "reason": pl.String(),
    }
)
SAMPLING_SCHEMA = pl.Schema(
    {"unit_code": pl.String(), "period_start": pl.Date(), "ikm_se": pl.Float64()}
)


# What is judged: composites are not (their components are), so a history for the
# flags need not compute them.
JUDGED_INDICATORS = tuple(i for i, ind in BY_ID.items() if ind.method is not Method.COMPOSITE)


def flag_anomalies(
    frame: pl.DataFrame, config: Config | None = None, *, sampling: pl.DataFrame | None = None
) -> pl.DataFrame:
    """Values of a :func:`~indicators.engine.compute` result worth a second look.

    In: a compute result at level ``unit``, grain ``month``, over a long
    range (each (indicator, unit_code) is one series, judged on all of it);
    ``sampling``: :data:`SAMPLING_SCHEMA` (``ikm.ikm_standard_errors``), the
    standard error of each unit-month's IKM (without it an IKM is judged on
    its z alone). Out: :data:`ANOMALY_SCHEMA`, flagged rows only, with the
    reason in Bahasa Indonesia, largest z first.
    """
    config = config or load_config()
    values = _judged_values(frame, config)
    outliers = _outliers(values, config, sampling)
    trends = _trends(values, config)
    flagged = pl.concat([outliers, trends])
    reasons = [_reason(row, config) for row in flagged.iter_rows(named=True)]
    return ordered(
        flagged.with_columns(reason=pl.Series(reasons, dtype=pl.String))
        .select(ANOMALY_SCHEMA.names())
        .cast(dict(ANOMALY_SCHEMA))
    )


def ordered(flags: pl.DataFrame) -> pl.DataFrame:
    """Largest z first; ties in a fixed order, so flags judged in parts line up the same."""
    return flags.sort(
        ["robust_z", "indicator_id", "unit_code", "period_start", "kind"],
        descending=[True, False, False, False, False],
    )


def history_start(start: Month, end: Month, config: Config) -> Month:
    """The first month of the history judged for a period ending ``end``: ``start``, or
    ``anomaly_history_months`` before ``end`` when that is later (a bounded baseline)."""
    return max(start, end + (1 - config.anomaly_history_months))


def lebaran_months(years: Iterable[int]) -> set[date]:
    """First days of the months holding Idul Fitri or its cuti bersama (Indonesia)."""
    days = holidays.country_holidays(
        "ID", years=list(years), categories=("public", "government"), language="en_US"
    )
    return {d.replace(day=1) for d, name in days.items() if "Eid al-Fitr" in name}


def _judged_values(frame: pl.DataFrame, config: Config) -> pl.DataFrame:
    """Rows that can be judged: a value, not a composite, resting on enough (see module)."""
    counted = [
        i
        for i, ind in BY_ID.items()
        if ind.n is not None or ind.method in (Method.COMPLAINT, Method.MEDIAN_DAYS)
    ]
    base = pl.when(pl.col("indicator_id").is_in(counted)).then(pl.col("n").cast(pl.Float64))
    base = base.otherwise(pl.col("denominator"))
    minimum = pl.col("indicator_id").replace_strict(
        dict(config.anomaly_min_base), default=0, return_dtype=pl.Float64
    )
    return frame.filter(
        pl.col("value").is_not_null(),
        pl.col("indicator_id").is_in(JUDGED_INDICATORS),
        base.fill_null(0) >= minimum,
    )


def _outliers(values: pl.DataFrame, config: Config, sampling: pl.DataFrame | None) -> pl.DataFrame:
    series = ["indicator_id", "unit_code"]
    deviation = (pl.col("value") - pl.col("median")).abs()
    scored = (
        values.with_columns(
            median=pl.col("value").median().over(series), count=pl.len().over(series)
        )
        .with_columns(mad=deviation.median().over(series), mean_ad=deviation.mean().over(series))
        .with_columns(
            scale=pl.when(pl.col("mad") > 0)
            .then(pl.col("mad") * MAD_SCALE)
            .otherwise(pl.col("mean_ad") * MEAN_AD_SCALE)
        )
        .with_columns(robust_z=pl.when(pl.col("scale") > 0).then(deviation / pl.col("scale")))
    )
    years = values["period_start"].dt.year().drop_nulls().unique().to_list()
    seasonal = pl.col("indicator_id").is_in(list(config.anomaly_seasonal)) & pl.col(
        "period_start"
    ).is_in(sorted(lebaran_months(years)))
    if sampling is not None:
        scored = scored.join(
            sampling.select(SAMPLING_SCHEMA.names()), on=["unit_code", "period_start"], how="left"
        )
    else:
        scored = scored.with_columns(ikm_se=pl.lit(None, dtype=pl.Float64))
    shares = [
        i
        for i, ind in BY_ID.items()
        if ind.unit is Unit.PERCENT and (ind.denominator or ind.method is Method.COMPLAINT)
    ]
    p = pl.col("median").clip(0, 1)
    binomial_se = (p * (1 - p) / pl.col("denominator")).sqrt()
    standard_error = (
        pl.when(pl.col("indicator_id") == "ikm")
        .then(pl.col("ikm_se"))
        .when(pl.col("indicator_id").is_in(shares) & (pl.col("denominator") > 0))
        .then(binomial_se)
    )
    within_sampling_error = (deviation <= config.anomaly_sampling_z * standard_error).fill_null(
        False
    )
    better = _better_side()
    green_or_none = pl.col("status").is_null() | (pl.col("status") == HIJAU)
    ranged = [i for i, ind in BY_ID.items() if ind.direction is Direction.TARGET_RANGE]
    return scored.filter(
        pl.col("count") >= config.anomaly_min_history,
        pl.col("robust_z") > config.anomaly_z,
        deviation >= _min_change(config),
        pl.col("status").fill_null("") != MERAH,
        ~(better & green_or_none) | (pl.col("robust_z") > 2 * config.anomaly_z),
        ~(pl.col("indicator_id").is_in(ranged) & (pl.col("status") == HIJAU)),
        ~seasonal,
        ~within_sampling_error,
    ).select(
        *ANOMALY_SCHEMA.names()[:7], kind=pl.lit(OUTLIER), start=pl.lit(None, dtype=pl.Float64)
    )


def _trends(values: pl.DataFrame, config: Config) -> pl.DataFrame:
    """One flag per series whose last ``anomaly_trend_months`` values slide the bad way."""
    rows = []
    window = config.anomaly_trend_months
    tested = [
        i
        for i, ind in BY_ID.items()
        if ind.direction in (Direction.HIGHER, Direction.LOWER) and ind.unit is not Unit.COUNT
    ]
    # Each series' last window as a list, in one pass (slicing a frame per series was
    # most of the cost at a thousand units).
    series = (
        values.filter(pl.col("indicator_id").is_in(tested))
        .sort("period_start")
        .group_by(["indicator_id", "unit_code"], maintain_order=True)
        .agg(
            ys=pl.col("value").tail(window),
            median=pl.col("value").median(),
            period=pl.col("period").last(),
            period_start=pl.col("period_start").last(),
        )
        .filter(pl.col("ys").list.len() >= window)
    )
    # The statistics of every series at once (a Python loop over 12.000 series of a
    # thousand units took 0,6 s); the few series trending enough are judged one by one.
    windows = np.array(series["ys"].to_list(), dtype=np.float64).reshape(series.height, window)
    z, slope, _, scatter = trend_statistics(windows)
    candidates = np.flatnonzero(np.abs(z) >= config.anomaly_trend_z)
    for i, (indicator_id, unit_code, ys, median, period, period_start) in zip(
        candidates, series[candidates.tolist()].iter_rows(), strict=True
    ):
        change = float(slope[i]) * (len(ys) - 1)
        worse = change < 0 if BY_ID[indicator_id].direction is Direction.HIGHER else change > 0
        material = abs(change) >= _min_change_of(indicator_id, _median(ys), config)
        steady = abs(change) >= 3 * float(scatter[i]) * MAD_SCALE
        if worse and material and steady:
            rows.append(
                {
                    "indicator_id": indicator_id,
                    "unit_code": unit_code,
                    "period": period,
                    "period_start": period_start,
                    "value": ys[-1],
                    "median": median,
                    "robust_z": abs(float(z[i])),
                    "kind": TREND,
                    "start": ys[0],  # where the window began: the reason says "from … to …"
                }
            )
    schema = {k: v for k, v in ANOMALY_SCHEMA.items() if k != "reason"} | {"start": pl.Float64()}
    return pl.DataFrame(rows, schema=schema)


def _min_change_of(indicator_id: str, median: float, config: Config) -> float:
    """The smallest move worth a look for one indicator (see the module docstring)."""
    if indicator_id in config.anomaly_min_change:
        return config.anomaly_min_change[indicator_id]
    unit = BY_ID[indicator_id].unit
    if unit is Unit.RATIO:
        return RATIO_MIN_CHANGE * abs(median)
    if unit is Unit.COUNT:
        return config.anomaly_min_count_change
    return MIN_CHANGE[unit]


def _min_change(config: Config) -> pl.Expr:
    """:func:`_min_change_of` as an expression over ``indicator_id`` and ``median``."""
    by_unit = {i: MIN_CHANGE.get(ind.unit, 0.0) for i, ind in BY_ID.items()}
    by_unit |= {
        i: config.anomaly_min_count_change for i, ind in BY_ID.items() if ind.unit is Unit.COUNT
    }
    by_unit |= dict(config.anomaly_min_change)
    ratios = [
        i
        for i, ind in BY_ID.items()
        if ind.unit is Unit.RATIO and i not in config.anomaly_min_change
    ]
    fixed = pl.col("indicator_id").replace_strict(by_unit, default=0.0, return_dtype=pl.Float64)
    return (
        pl.when(pl.col("indicator_id").is_in(ratios))
        .then(RATIO_MIN_CHANGE * pl.col("median").abs())
        .otherwise(fixed)
    )


def _better_side() -> pl.Expr:
    """True where the value lies on the better side of its median (higher/lower is better)."""
    higher = [i for i, ind in BY_ID.items() if ind.direction is Direction.HIGHER]
    lower = [i for i, ind in BY_ID.items() if ind.direction is Direction.LOWER]
    return (pl.col("indicator_id").is_in(higher) & (pl.col("value") > pl.col("median"))) | (
        pl.col("indicator_id").is_in(lower) & (pl.col("value") < pl.col("median"))
    )


def mann_kendall_z(values: list[float]) -> float:
    """The Mann–Kendall trend statistic Z (normal approximation, ties corrected).

    S = Σ sign(x_j − x_i) over i < j; Var(S) = [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] ÷ 18
    for tie groups of size t; Z = (S − sign(S)) ÷ √Var(S). |Z| ≥ 3 means a monotone
    trend at p < 0.003. Fewer than 3 values: 0.
    """
    n = len(values)
    if n < 3:
        return 0.0
    s = sum(
        (values[j] > values[i]) - (values[j] < values[i]) for i in range(n) for j in range(i + 1, n)
    )
    ties: dict[float, int] = {}
    for v in values:
        ties[v] = ties.get(v, 0) + 1
    variance = (
        n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5) for t in ties.values())
    ) / 18
    if variance <= 0 or s == 0:
        return 0.0
    return (s - (1 if s > 0 else -1)) / math.sqrt(variance)


def trend_statistics(
    windows: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """:func:`mann_kendall_z`, :func:`theil_sen` (slope, intercept) and the median
    distance from that line of every row of ``windows`` (series × values) at once,
    with the same operations in the same order: equal to the last bit."""
    count, n = windows.shape
    first, second = np.triu_indices(n, 1)  # every pair i < j, i first: as the loops go
    later, earlier = windows[:, second], windows[:, first]
    z = np.zeros(count)
    if n >= 3:
        s = ((later > earlier).astype(np.int64) - (later < earlier).astype(np.int64)).sum(1)
        tied = (windows[:, :, None] == windows[:, None, :]).sum(axis=2)  # each one's tie group
        ties = ((tied - 1) * (2 * tied + 5)).sum(axis=1)  # Σ over groups of t(t−1)(2t+5)
        variance = (n * (n - 1) * (2 * n + 5) - ties) / 18
        moving = (variance > 0) & (s != 0)
        z[moving] = (s[moving] - np.sign(s[moving])) / np.sqrt(variance[moving])
    steps = np.arange(n)
    slope = _row_medians((later - earlier) / (second - first)) if n > 1 else np.zeros(count)
    intercept = _row_medians(windows - slope[:, None] * steps)
    scatter = _row_medians(np.abs(windows - (intercept[:, None] + slope[:, None] * steps)))
    return z, slope, intercept, scatter


def _row_medians(values: np.ndarray) -> np.ndarray:
    """:func:`_median` of every row."""
    ordered = np.sort(values, axis=1)
    mid = ordered.shape[1] // 2
    if ordered.shape[1] % 2:
        return ordered[:, mid]
    return (ordered[:, mid - 1] + ordered[:, mid]) / 2


def theil_sen(values: list[float]) -> tuple[float, float]:
    """(slope per step, intercept): the median of the pairwise slopes, robust to outliers."""
    n = len(values)
    slopes = [(values[j] - values[i]) / (j - i) for i in range(n) for j in range(i + 1, n)]
    slope = _median(slopes) if slopes else 0.0
    intercept = _median([v - slope * i for i, v in enumerate(values)])
    return slope, intercept


def _median(xs: list[float]) -> float:
    ordered = sorted(xs)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def _reason(row: dict, config: Config) -> str:
    indicator = BY_ID[row["indicator_id"]]
    value, median = row["value"], row["median"]
    if row["kind"] == TREND:
        return (
            f"{indicator.name_id} memburuk terus selama {config.anomaly_trend_months} bulan, "
            f"dari {format_value(indicator, row['start'])} ke {format_value(indicator, value)} "
            f"(uji Mann-Kendall, Z {format_number(row['robust_z'], 1)}). Cari penyebabnya "
            "sebelum menjadi merah."
        )
    side = "di atas" if value > median else "di bawah"
    return (
        f"{indicator.name_id} {format_value(indicator, value)} jauh {side} riwayat UPT "
        f"ini (median {format_value(indicator, median)}; z robust "
        f"{format_number(row['robust_z'], 1)} > {format_number(config.anomaly_z, 1)}). "
        "Periksa kembali isian laporan bulan ini."
    )
