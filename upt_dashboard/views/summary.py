"""The month in one paragraph, written from the numbers: what opens Ringkasan and every export.

    "Oktober 2026, Provinsi Jawa Timur: 27 dari 30 UPT mengirim laporan tepat
    waktu (tenggat 10 November 2026); 1 terlambat dan 2 belum masuk. IKM 84,12,
    mutu B (Baik), naik 0,85 poin dari September 2026. 2 UPT perlu perhatian:
    RSBL Pasuruan (1 pengaduan lewat jatuh tempo, tertua 50 hari kerja) dan PSBR
    Blitar (laporan Oktober 2026 belum masuk); 1 UPT waspada."

:func:`period_numbers` collects the few numbers the paragraph needs from
what the page or the export pack already computed (the report calendar,
the scope's ``compute`` rows of the period and the one before, the
attention list); :func:`summary_text` writes them in the interface
language; :func:`gather` does both from ``Facts`` (exports, tests).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import polars as pl

from upt_dashboard.indicators.complaints import backlog_counts, complaint_list, known_until
from upt_dashboard.indicators.config import Config
from upt_dashboard.indicators.early_warning import threshold_crossings
from upt_dashboard.indicators.engine import compute
from upt_dashboard.indicators.keys import scorecard_indicators
from upt_dashboard.indicators.survey import u4_signals
from upt_dashboard.months import Month
from upt_dashboard.rounding import round_half_up
from upt_dashboard.storage.facts import Facts
from upt_dashboard.views import format as fmt
from upt_dashboard.views.attention import (
    UnitAttention,
    attention_signals,
    unit_attention,
)
from upt_dashboard.views.completeness import report_calendar
from upt_dashboard.views.i18n import t, t_count
from upt_dashboard.views.names import unit_labels
from upt_dashboard.views.scope import scope_name

NAMED_UNITS = 3  # units named in the paragraph; the rest are counted


@dataclass(frozen=True)
class PeriodNumbers:
    """What the paragraph says, as numbers.

    ``reports``: unit-months of the months already due per state (``on_time``,
    ``late``, ``missing``); ``waiting``: of the months still running, the
    reports already sent and the reports expected;
    ``ikm``/``ikm_before``: the scope's IKM and its grade letter, now and in
    the period compared with (None: no survey); ``attention``: the merged
    list, most severe first.
    """

    name: str  # "Oktober 2026", "Triwulan IV 2026", "November 2025 – Oktober 2026"
    months: int
    scope: str
    units: int
    reports: dict[str, int]
    waiting: tuple[int, int]
    deadline: date  # of the newest month due, else of the first month still running
    ikm: float | None
    ikm_grade: str | None
    ikm_before: float | None
    before_name: str | None
    attention: tuple[UnitAttention, ...]


def period_numbers(
    *,
    name: str,
    months: Sequence[Month],
    scope: str,
    units: int,
    calendar: pl.DataFrame,
    current: pl.DataFrame,
    previous: pl.DataFrame | None,
    before_name: str | None,
    attention: Sequence[UnitAttention],
    deadline_day: int,
) -> PeriodNumbers:
    """Collect the paragraph's numbers.

    ``calendar``: the report calendar of the scope's units and ``months``;
    ``current``/``previous``: the scope's total ``compute`` rows of the
    period and of the period compared with (only the IKM row is read).
    """
    now = _ikm_row(current)
    before = _ikm_row(previous) if previous is not None else None
    # A month is due once its deadline passed for everyone: then no unit is "not_due".
    running = list(set(calendar.filter(pl.col("state") == "not_due")["period"]))
    due = calendar.filter(~pl.col("period").is_in(running))
    early = calendar.filter(pl.col("period").is_in(running))
    after = months[-1] + 1
    return PeriodNumbers(
        name=name,
        months=len(months),
        scope=scope,
        units=units,
        reports={
            s: due.filter(pl.col("state") == s).height for s in ("on_time", "late", "missing")
        },
        waiting=(early.filter(pl.col("state") == "on_time").height, early.height),
        deadline=(
            due["deadline"].max()
            if due.height
            else early["deadline"].min()
            if early.height
            else date(after.year, after.month, deadline_day)
        ),
        ikm=now["value"] if now else None,
        ikm_grade=now.get("grade") if now else None,
        ikm_before=before["value"] if before else None,
        before_name=before_name,
        attention=tuple(attention),
    )


def _ikm_row(rows: pl.DataFrame) -> dict | None:
    found = rows.filter(pl.col("indicator_id") == "ikm", pl.col("value").is_not_null())
    return found.row(0, named=True) if found.height else None


def summary_text(numbers: PeriodNumbers) -> str:
    """The paragraph in the interface language: reports, IKM, who needs attention and why."""
    opening = t("summary.opening", period=numbers.name, scope=numbers.scope)
    return " ".join([opening, _reports(numbers), _ikm(numbers), _attention(numbers)])


def _reports(n: PeriodNumbers) -> str:
    counts = n.reports
    due = counts["on_time"] + counts["late"] + counts["missing"]
    per = "unit" if n.months == 1 else "unit_months"
    if not due:
        sent, total = n.waiting
        return t(
            f"summary.not_due_{per}",
            deadline=fmt.day(n.deadline),
            sent=fmt.number(sent),
            total=fmt.number(total),
        )
    deadline = fmt.day(n.deadline)
    if counts["on_time"] == due:
        return t(f"summary.all_on_time_{per}", n=fmt.number(due), deadline=deadline)
    head = t(
        f"summary.on_time_{per}",
        on_time=fmt.number(counts["on_time"]),
        due=fmt.number(due),
        deadline=deadline,
    )
    late, missing = counts["late"], counts["missing"]
    if late and missing:
        tail = t("summary.late_and_missing", late=fmt.number(late), missing=fmt.number(missing))
    elif late:
        tail = t("summary.late_only", late=fmt.number(late))
    else:
        tail = t("summary.missing_only", missing=fmt.number(missing))
    return f"{head}; {tail}."


def _ikm(n: PeriodNumbers) -> str:
    if n.ikm is None:
        return t("summary.ikm_none")
    value = fmt.value(n.ikm, "index", 2)
    grade = t("summary.ikm_grade", grade=n.ikm_grade, label=t(f"ikm.grade_{n.ikm_grade}"))
    if n.ikm_before is None or not n.before_name:
        return t("summary.ikm", value=value, grade=grade)
    change = round_half_up(n.ikm, 2) - round_half_up(n.ikm_before, 2)
    if abs(change) < 0.005:
        moved = t("summary.ikm_same", before=n.before_name)
    else:
        moved = t(
            "summary.ikm_up" if change > 0 else "summary.ikm_down",
            change=fmt.number(abs(change), 2),
            before=n.before_name,
        )
    return t("summary.ikm_change", value=value, grade=grade, moved=moved)


def _attention(n: PeriodNumbers) -> str:
    urgent = [u for u in n.attention if u.severity == "merah"]
    watch = [u for u in n.attention if u.severity != "merah"]
    if not urgent and not watch:
        return t("summary.attention_none")
    if urgent:
        text = t_count("summary.attention", len(urgent), n=fmt.number(len(urgent)))
        text += _named(urgent)
        if watch:
            text += t("summary.watch_also", n=fmt.number(len(watch)))
        return text + "."
    return t("summary.watch_only", n=fmt.number(len(watch))) + _named(watch) + "."


def _named(units: Sequence[UnitAttention]) -> str:
    """``RSBL Pasuruan (2 pengaduan …), PSBR Blitar (…) dan 3 UPT lain``."""
    shown = [f"{u.label} ({u.reasons[0].headline})" for u in units[:NAMED_UNITS]]
    rest = len(units) - len(shown)
    if rest:
        shown.append(t("summary.others", n=fmt.number(rest)))
    if len(shown) == 1:
        return shown[0]
    return f"{', '.join(shown[:-1])} {t('summary.and')} {shown[-1]}"


# --- from Facts (exports, tests) ----------------------------------------------------


@dataclass(frozen=True)
class Gathered:
    """Everything :func:`gather` computed: the paragraph's numbers and their sources."""

    numbers: PeriodNumbers
    rows: pl.DataFrame  # unit-level compute rows of the period (grain "all")
    current: pl.DataFrame  # the scope's total of the period
    previous: pl.DataFrame  # the scope's total of the period before (same length)
    calendar: pl.DataFrame


def gather(
    facts: Facts,
    first: Month,
    last: Month,
    config: Config,
    *,
    name: str | None = None,
    before_name: str | None = None,
    units: Sequence[str] | None = None,
    types: Sequence[str] | None = None,
) -> Gathered:
    """The numbers of ``first``..``last`` for the scope (every unit when neither given).

    The period before has the same length and ends the month before
    ``first``; ``name``/``before_name`` default to "Oktober 2026" or
    "Nov 2025 – Okt 2026". Anomalies are judged on every month stored up
    to ``last``.
    Raises ``IndicatorError`` for an unknown unit or type.
    """
    scope = {"units": units, "types": types}
    rows = compute(facts, start=first, end=last, grain="all", level="unit", config=config, **scope)
    current = compute(
        facts, start=first, end=last, grain="all", level="province", config=config, **scope
    )
    length = len(Month.range(first, last))
    previous = compute(
        facts,
        start=first - length,
        end=first - 1,
        grain="all",
        level="province",
        config=config,
        **scope,
    )
    registry = _in_scope(facts.units, units, types)
    codes = registry["code"].to_list()
    months = Month.range(first, last)
    calendar = report_calendar(
        facts.submissions,
        codes,
        months,
        today=config.today_or_now(),
        deadline_day=config.report_deadline_day,
        timezone=config.timezone,
    )
    attention = unit_attention(
        facts_signals(facts, rows, calendar, first, last, codes, config),
        unit_labels(registry),
        config,
        several_months=length > 1,
    )
    numbers = period_numbers(
        name=name or fmt.span_text(first, last),
        months=months,
        scope=scope_name(facts.units, units, types).label,
        units=len(codes),
        calendar=calendar,
        current=current,
        previous=previous,
        before_name=before_name or fmt.span_text(first - length, first - 1),
        attention=attention,
        deadline_day=config.report_deadline_day,
    )
    return Gathered(numbers, rows, current, previous, calendar)


def facts_signals(
    facts: Facts,
    rows: pl.DataFrame,
    calendar: pl.DataFrame,
    first: Month,
    last: Month,
    codes: Sequence[str],
    config: Config,
):
    """:func:`~views.attention.attention_signals` of the period, every source read from ``Facts``.

    ``rows``: unit-level compute rows of the period. Anomalies are flagged on
    the unit-month history up to ``last`` (as the pages judge it:
    ``anomalies.history_start``).
    """
    from upt_dashboard.indicators.anomalies import flag_anomalies, history_start
    from upt_dashboard.indicators.survey import ikm_standard_errors

    stored = facts.submissions["period"]
    start = history_start(
        min(Month.of(stored.min()) if stored.len() else first, first), last, config
    )
    history = compute(
        facts, start=start, end=last, grain="month", level="unit", units=codes, config=config
    )
    anomalies = flag_anomalies(
        history,
        config,
        sampling=ikm_standard_errors(facts, units=codes, start=start, end=last, config=config),
    ).filter(pl.col("period_start").is_between(first.first_day, last.first_day))
    complaints = complaint_list(
        facts.pengaduan,
        working_day_limit=config.complaint_working_days,
        holiday_categories=config.holiday_categories,
    )
    return attention_signals(
        rows,
        calendar,
        anomalies,
        scorecard_indicators(config),
        integrity=u4_signals(
            facts,
            units=codes,
            charging_units=config.charging_units,
            start=first,
            end=last,
            config=config,
        ),
        crossings=threshold_crossings(facts, start=first, end=last, units=codes, config=config),
        backlog=backlog_counts(
            complaints,
            known_until(facts.submissions),
            [last.first_day],
            units=codes,
            working_day_limit=config.complaint_working_days,
            holiday_categories=config.holiday_categories,
        ),
    )


def _in_scope(
    registry: pl.DataFrame, units: Sequence[str] | None, types: Sequence[str] | None
) -> pl.DataFrame:
    if units:
        registry = registry.filter(pl.col("code").is_in(list(units)))
    if types:
        registry = registry.filter(pl.col("type").is_in(list(types)))
    return registry
