"""The report calendar: which unit sent which month's report, and when (plain polars).

Builds on ``indicators.reporting`` (the deadline rule and the first
upload of each unit-month) and adds what the Kelengkapan page and the
overview need: a state for *every* unit-month, including months whose
deadline is still running, and the list of units still owing a report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import polars as pl

from upt_dashboard.indicators.reporting import report_grid
from upt_dashboard.months import Month
from upt_dashboard.views import format as fmt
from upt_dashboard.views.i18n import t

STATES: tuple[str, ...] = ("on_time", "late", "missing", "not_due")
_next = pl.col("period").dt.offset_by("1mo")


def report_calendar(
    submissions: pl.DataFrame,
    unit_codes: Sequence[str],
    months: Sequence[Month],
    *,
    today: date,
    deadline_day: int = 10,
    timezone: str = "Asia/Jakarta",
) -> pl.DataFrame:
    """One row per unit and month: ``unit_code, period, deadline, state``.

    ``state`` is ``on_time``/``late``/``missing`` once the month's deadline
    has passed (as ``indicators.reporting`` judges it), else ``not_due`` —
    or ``on_time`` when a report already came early.
    """
    submissions = submissions.filter(  # the calendar's cells only, not every month's uploads
        pl.col("period").is_in([m.first_day for m in months]),
        pl.col("unit_code").is_in(list(unit_codes)),
    )
    due = report_grid(
        submissions, unit_codes, months, today=today, deadline_day=deadline_day, timezone=timezone
    )
    sent = submissions.select("unit_code", "period").unique().with_columns(sent=pl.lit(True))
    everything = pl.DataFrame(
        {"unit_code": list(unit_codes)}, schema={"unit_code": pl.String}
    ).join(
        pl.DataFrame({"period": [m.first_day for m in months]}, schema={"period": pl.Date}),
        how="cross",
    )
    return (
        everything.join(due, on=["unit_code", "period"], how="left")
        .join(sent, on=["unit_code", "period"], how="left")
        .select(
            "unit_code",
            "period",
            deadline=pl.date(_next.dt.year(), _next.dt.month(), deadline_day),
            state=pl.when(pl.col("reported").is_null())
            .then(pl.when(pl.col("sent")).then(pl.lit("on_time")).otherwise(pl.lit("not_due")))
            .when(pl.col("on_time"))
            .then(pl.lit("on_time"))
            .when(pl.col("reported"))
            .then(pl.lit("late"))
            .otherwise(pl.lit("missing")),
        )
    )


def owing(calendar: pl.DataFrame, month: Month, today: date) -> pl.DataFrame:
    """Units with no report for ``month`` although its deadline has passed.

    Out: ``unit_code, period, deadline, days_overdue`` (whole days after the
    deadline day), most overdue first — all rows share the month, so that
    is registry order.
    """
    return (
        calendar.filter(pl.col("period") == month.first_day, pl.col("state") == "missing")
        .with_columns(days_overdue=(pl.lit(today) - pl.col("deadline")).dt.total_days())
        .select("unit_code", "period", "deadline", "days_overdue")
    )


def state_counts(calendar: pl.DataFrame) -> dict[str, int]:
    """Unit-months per state (every state present, zero when none)."""
    counts = dict(calendar.group_by("state").len().iter_rows())
    return {s: int(counts.get(s, 0)) for s in STATES}


def owing_table(owed: pl.DataFrame, labels: Mapping[str, str]) -> pl.DataFrame:
    """:func:`owing` rows for display: unit, deadline, days overdue."""
    return pl.DataFrame(
        {
            t("col.unit"): [labels[c] for c in owed["unit_code"]],
            t("col.deadline"): [fmt.day(d) for d in owed["deadline"]],
            t("col.days_overdue"): [fmt.number(d) for d in owed["days_overdue"]],
        }
    )


def calendar_metrics(counts: dict[str, int]) -> list[tuple[str, str]]:
    """(message key, shown value) of the four figures above the calendar."""
    due = counts["on_time"] + counts["late"] + counts["missing"]
    return [
        ("completeness.metric_completeness",
         fmt.percent((counts["on_time"] + counts["late"]) / due) if due else "—"),
        ("completeness.metric_timeliness", fmt.percent(counts["on_time"] / due) if due else "—"),
        ("completeness.metric_late", fmt.number(counts["late"])),
        ("completeness.metric_missing", fmt.number(counts["missing"])),
    ]  # fmt: skip


def state_names() -> dict[str, str]:
    """Report state -> its word in the interface language."""
    return {s: t(f"report_state.{s}") for s in STATES}


def labelled(calendar: pl.DataFrame, labels: Mapping[str, str]) -> pl.DataFrame:
    """The calendar with each unit's label (the chart's rows)."""
    return calendar.with_columns(label=pl.col("unit_code").replace_strict(dict(labels)))


def with_review(calendar: pl.DataFrame, listing: pl.DataFrame) -> pl.DataFrame:
    """The calendar with ``unverified``: True where the current report is not verified yet.

    ``listing``: ``storage.submissions.list_submissions`` (with ``review_state``).
    """
    current = listing.filter(pl.col("is_current")).select(
        "unit_code",
        period=pl.date(pl.col("year"), pl.col("month"), 1),
        unverified=pl.col("review_state") != "diverifikasi",
    )
    return calendar.join(current, on=["unit_code", "period"], how="left").with_columns(
        pl.col("unverified").fill_null(False)
    )


def calendar_export(calendar: pl.DataFrame) -> pl.DataFrame:
    """The calendar as its CSV shows it: states in words."""
    return calendar.with_columns(state=pl.col("state").replace_strict(state_names()))


def month_ticks(months: Sequence[Month]) -> dict[date, str]:
    """Month key (first day) -> short label, for the calendar's columns."""
    return {m.first_day: fmt.month_short(m) for m in months}
