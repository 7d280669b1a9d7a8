"""Streamlit caching around the plain modules: the data every page reads.

Cached data is keyed by ``data_version()`` — the newest submission id and
the latest verification — so an upload or a verdict shows on every page at
once without clearing caches by hand —
and by the signed-in account's scope (``scope()``): every function here
reads through ``storage`` with that scope, so two accounts never share a
cached answer they may not both see. Totals of the province and of unit
types (``compute`` at those levels) are the one thing computed from every
unit for a unit-bound account, and only totals come out.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, TypeVar

import polars as pl
import streamlit as st
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import DBAPIError
from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

from upt_dashboard import access, settings
from upt_dashboard.access import setup
from upt_dashboard.intake.bulk import sample_data_in_use
from upt_dashboard.months import Month
from upt_dashboard.storage.bootstrap import SchemaMismatch, init_db
from upt_dashboard.storage.db import get_engine
from upt_dashboard.storage.db import submissions as submissions_table
from upt_dashboard.storage.errors import describe
from upt_dashboard.storage.scope import DataScope
from upt_dashboard.ui import refresh_ahead
from upt_dashboard.ui.refresh_ahead import replayed

VERIFIED_ONLY_KEY = "filter_verified_only"
T = TypeVar("T")
log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from upt_dashboard.storage.facts import Facts


@st.cache_resource(show_spinner=False)
def engine() -> Engine:
    """One engine per process (``ui.first_start`` fills an empty one with the sample data).

    Raises SchemaMismatch (run ``cli.py db upgrade``) or a database error;
    ``startup_problem`` turns those into a message.
    """
    eng = init_db(get_engine())
    setup.issue_code(eng)  # no administrator yet: a one-time code in the server log
    _prepare_holidays()
    refresh_ahead.watch(_read_version, settings.number("DASHBOARD_REFRESH_AHEAD_S"))
    return eng


def _prepare_holidays() -> None:
    """Build the holiday calendars complaints are judged with in the background: the
    ``holidays`` library takes about 0.3 s for the ten years a national history spans,
    which the first view would otherwise wait for."""
    from upt_dashboard.indicators.complaints import prepare_holidays
    from upt_dashboard.indicators.config import load_config

    this_year = date.today().year

    def prepare() -> None:
        try:  # the file itself: the cached reader belongs to script runs
            categories = load_config(settings.indicator_config_path()).holiday_categories
            prepare_holidays(range(this_year - 10, this_year + 2), categories)
        except Exception:  # a broken configuration: the pages that read it say so
            log.debug("holiday calendars not prepared", exc_info=True)

    threading.Thread(target=prepare, name="prepare-holidays", daemon=True).start()


def viewer():
    """The signed-in account of this session (``ui.auth`` checked it this run), or None."""
    return st.session_state.get("auth_viewer")


def verified_only() -> bool:
    """True when this session shows verified reports only (the sidebar switch)."""
    return bool(st.session_state.get(VERIFIED_ONLY_KEY, settings.flag("DASHBOARD_VERIFIED_ONLY")))


def scope() -> DataScope:
    """What this session may read (nothing before sign-in)."""
    return access.data_scope(viewer(), verified_only())


def _scope_key() -> tuple:
    return scope().key()


def startup_problem() -> str | None:
    """Why the app cannot open its database, in Bahasa Indonesia; None when it can.

    A failed start is not cached, so the next rerun tries again.
    """
    try:
        engine()
    except SchemaMismatch as exc:
        return str(exc)
    except (DBAPIError, OSError) as exc:
        if (message := describe(exc)) is None:
            raise
        return message
    return None


# The last version read from the database: served while the database is unreachable.
@dataclass(frozen=True, order=True)
class DataVersion:
    """What the stored data is at: the newest submission id and the latest verdict.

    A new submission is read incrementally (``storage.facts.refresh_facts``);
    a verdict changes what a verified-only view holds, so it is read anew.
    """

    submission: int = 0
    reviewed: str = ""


_last_version = DataVersion()
_RUN_VERSION = "_data_version_of_this_run"


def new_run() -> None:
    """Start a script run (``app.py``, every run): its requests share one data version.

    A page asks for the version with every cached request (thirty on
    Ringkasan, some side by side); one read per run keeps them consistent —
    an upload landing mid-run shows in full at the next run, not in half the
    page — and spares the database a query per request. Saving an upload or
    a verdict reruns the page.
    """
    st.session_state[_RUN_VERSION] = None


def data_version() -> DataVersion:
    """Changes whenever a submission is stored or verified: the key for derived data.

    Read from the database once per script run started by :func:`new_run`
    (else on every call), not kept in process memory, so an upload through
    another app process shows here at the next rerun. While the database
    cannot be reached, the last version read is kept: the pages go on
    showing the data already loaded.
    """
    once = (
        get_script_run_ctx(suppress_warning=True) is not None and _RUN_VERSION in st.session_state
    )
    if once and (held := st.session_state[_RUN_VERSION]) is not None:
        return held
    version = _read_version()
    if once:
        st.session_state[_RUN_VERSION] = version
    return version


def data_stored() -> None:
    """A report or a verdict was just stored here: remake what the pages asked for now
    (``refresh_ahead``), not at the watcher's next look."""
    refresh_ahead.poke()


def _read_version() -> DataVersion:
    global _last_version
    try:
        with engine().connect() as conn:
            newest, reviewed = conn.execute(
                select(
                    func.coalesce(func.max(submissions_table.c.id), 0),
                    func.max(submissions_table.c.reviewed_at),
                )
            ).one()
        _last_version = DataVersion(newest, str(reviewed or ""))
    except DBAPIError as exc:
        if describe(exc) is None:
            raise
    return _last_version


def database_problem() -> str | None:
    """The message to show when the database cannot be reached now, else None."""
    try:
        with engine().connect() as conn:
            conn.execute(select(1))
    except DBAPIError as exc:
        if (message := describe(exc)) is None:
            raise
        return message + " Halaman menampilkan data terakhir yang sempat terbaca."
    return None


@replayed
@st.cache_data(show_spinner=False, max_entries=8)
def is_sample_data(version: DataVersion) -> bool:
    return sample_data_in_use(engine())


@replayed
@st.cache_data(show_spinner=False, max_entries=8)
def _units(version: DataVersion):
    from upt_dashboard.storage.registry import list_units

    return list_units(engine())


def units_table():
    """The registry units this session may see (code, name, type, city, capacity,
    type_name, rehabilitation)."""
    return _visible_units(data_version(), _scope_key())


def _visible_units(version: DataVersion, scope_key: tuple) -> pl.DataFrame:
    """The registry units the scope may see: with the version and scope as arguments,
    so a request remade outside a script run (``refresh_ahead``) reads them too."""
    units, visible = _units(version), DataScope.from_key(scope_key).units
    return units if visible is None else units.filter(pl.col("code").is_in(sorted(visible)))


def unit_label(code: str) -> str:
    """``PSTW-JBG — UPT …``: from the registry (public; labels only, no figures)."""
    units = _units(data_version())
    name = units.filter(units["code"] == code)["name"]
    return f"{code} — {name[0]}" if len(name) else code


def today() -> date:
    """Today's date, as every page reckons deadlines with it."""
    return date.today()


def recent_periods(count: int = 24) -> list[Month]:
    """The current month and the ones before it, newest first."""
    this_month = Month.of(date.today())
    return [this_month - i for i in range(count)]


@st.cache_data(show_spinner=False)
def template(unit: str, month: Month) -> bytes:
    from data_loaders.template import template_bytes

    units = _units(data_version())  # the registry: a blank template holds no data
    name = units.filter(units["code"] == unit)["name"][0]
    return template_bytes(unit, name, month)


@replayed
@st.cache_data(show_spinner=False, max_entries=16)
def _submissions(version: DataVersion, scope_key: tuple):
    from upt_dashboard.storage.submissions import list_submissions

    return list_submissions(engine(), DataScope.from_key(scope_key))


def submissions():
    """Stored submissions this session may see (every version, with its review state)."""
    return _submissions(data_version(), _scope_key())


def submission_file(submission_id: int) -> tuple[str, bytes] | None:
    """The original workbook, or None when this session may not have it (not cached:
    it is read when asked for, and each download is recorded)."""
    from upt_dashboard.storage.submissions import submission_file as fetch

    return fetch(engine(), submission_id, scope())


@st.cache_data(show_spinner=False, max_entries=32)
def _version_diff(old_id: int, new_id: int, scope_key: tuple):
    from upt_dashboard.storage.versions import compare_versions

    return compare_versions(engine(), old_id, new_id, DataScope.from_key(scope_key))


def version_diff(old_id: int, new_id: int):
    """What changed between two versions, as this session may see it."""
    return _version_diff(old_id, new_id, _scope_key())


def side_by_side(*requests: Callable[[], T]) -> list[T]:
    """The results of ``requests`` (calls of this module's functions), made at once.

    Each runs in its own thread carrying this script run's context (the
    session's scope, the caches), so the independent reads of a page — the
    totals, the units' rows, the attention list's signals — share the
    cores instead of waiting in line. An error is raised here, as if the
    request had been made in the page itself.
    """
    return [pending.result() for pending in under_way(*requests)]


def under_way(*requests: Callable[[], T]) -> list[Future[T]]:
    """``requests`` started in threads carrying this script run's context, as futures.

    A page draws what it already has while they run — the cards and charts
    while the attention list's signals are still being counted — and asks
    for each result (``result()``, which raises a request's error) where it
    draws it.
    """
    context = get_script_run_ctx()

    def run(request: Callable[[], T], future: Future[T]) -> None:
        add_script_run_ctx(threading.current_thread(), context)
        try:
            future.set_result(request())
        except BaseException as exc:  # handed to whoever asks for the result
            future.set_exception(exc)

    futures: list[Future[T]] = []
    for request in requests:
        futures.append(future := Future())
        future.set_running_or_notify_cancel()
        threading.Thread(target=run, args=(request, future), name="page", daemon=True).start()
    return futures


# --- facts and indicators for the dashboard pages ----------------------------


@dataclass
class _Held:
    """The facts of one scope this process holds, and the data version they are at."""

    version: DataVersion = DataVersion(-1)
    facts: Facts | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


@dataclass
class _Holders:
    by_scope: dict[tuple, _Held] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


# cache_resource, not cache_data: Facts is large and read-only, and the engine
# keys its per-Facts work on object identity; a pickled copy per call would
# cost time and defeat that. Held per scope, shared by every session of it.
@st.cache_resource(show_spinner=False)
def _holders() -> _Holders:
    return _Holders()


HELD_SCOPES = 8


def _facts(version: DataVersion, scope_key: tuple, read_ahead: bool = False):
    """The facts of ``scope_key`` at ``version``.

    After an upload — here or through another app process — only the
    submissions newer than the version held are read, and the sums built
    on the held facts are patched for their unit-months (``refresh_facts``):
    the first view after an upload costs little more than a warm one. A
    verdict, or a database whose ids went back (a restore), reads anew.
    """
    from upt_dashboard.storage.facts import load_facts, refresh_facts

    holders = _holders()
    with holders.lock:
        if refresh_ahead.remaking():  # brought forward only if held, and left in its place
            held = holders.by_scope.get(scope_key)
            if held is None or held.facts is None:
                raise refresh_ahead.NotHeld(scope_key)
        else:
            held = holders.by_scope.pop(scope_key, None) or _Held()
            holders.by_scope[scope_key] = held  # most recent last
            while len(holders.by_scope) > HELD_SCOPES:
                holders.by_scope.pop(next(iter(holders.by_scope)))
    with held.lock:  # one read per scope at a time; other sessions wait, then share it
        behind = held.facts is not None and version.submission < held.version.submission
        # A run behind another session's (its version read before that session's upload
        # was refreshed in): the held facts are newer and the database agrees.
        if behind and _read_version().submission >= held.version.submission:
            return held.facts
        if (
            held.facts is None
            or version.reviewed != held.version.reviewed
            or version.submission < held.version.submission
        ):
            held.facts = load_facts(engine(), DataScope.from_key(scope_key))
            if read_ahead:  # the session's own scope (not a totals or export scope)
                _prefetch_staff_year(held.facts)
        elif version.submission > held.version.submission:
            held.facts = refresh_facts(engine(), held.facts, held.version.submission)
        held.version = version
        return held.facts


def _prefetch_staff_year(facts: Facts) -> None:
    """Start reading the newest year's staff rows in the background.

    Ringkasan's PP 94/2021 counts need a year of staff rows (720.000 at
    national scale, about a second to read); read now, they arrive while the
    sums are being built instead of after. A failed read is read again by
    the page that needs it (``DatabaseSource.rows``).
    """
    from upt_dashboard.indicators.early_warning import year_rows

    newest = facts.submissions["period"].max()
    if newest is None:
        return

    def read() -> None:
        try:
            year_rows(facts, newest.year)
        except Exception:  # the page reading them again reports it
            log.debug("prefetch of the staff rows failed", exc_info=True)

    threading.Thread(target=read, name="prefetch-staff-year", daemon=True).start()


def facts():
    """Current-version facts this session may see (``storage.facts.Facts``)."""
    return _facts(data_version(), _scope_key(), read_ahead=True)


def export_facts():
    """What an export of this session reads (``exports.build.reading_scope``): every unit,
    for the province and type totals beside the units it may export."""
    from upt_dashboard.exports.build import reading_scope

    reader = viewer()
    if reader is None:
        return _facts(data_version(), _scope_key())
    return _facts(data_version(), reading_scope(reader, verified_only()).key())


def _totals_key(scope_key: tuple) -> tuple:
    """The scope the province and type totals are computed from: every unit when the
    account is bound to some (only totals come out), names and NIPs of none."""
    units, _, verified = scope_key
    return scope_key if units is None else (None, (), verified)


def _config_stamp() -> tuple[str, float]:
    """(path, modification time) of the indicator configuration: an edit reloads it."""

    path = settings.indicator_config_path()
    return str(path), path.stat().st_mtime if path.exists() else 0.0


@st.cache_resource(show_spinner=False, max_entries=2)
def _config(path: str, mtime: float):
    from upt_dashboard.indicators.config import load_config

    return load_config(path)


# (database, file, path, modification time) already compared with the audit log here
_noted_configuration: set[tuple] = set()


def note_configuration() -> None:
    """Record an edited indicator or roles file in the audit log (``config.changed``).

    The files are edited outside the app, so the app notices instead: each
    version of a file (its modification time) is compared once per process
    with the SHA-256 last recorded, and a new content gets a row. Several
    processes seeing the same edit record it once (``audit.note_configuration``).
    """
    from upt_dashboard.storage import audit

    eng = engine()
    for name, path in (
        ("indicators.toml", settings.indicator_config_path()),
        ("roles.toml", settings.roles_path()),
    ):
        try:
            stamp = (str(eng.url), name, str(path), path.stat().st_mtime)
            if stamp in _noted_configuration:
                continue
            audit.note_configuration(eng, audit.SYSTEM, name, path.read_bytes())
        except OSError:  # no such file: the page that reads it says so
            continue
        except DBAPIError as exc:  # read-only or unreachable: noted at a later read
            if describe(exc) is None:
                raise
            continue
        _noted_configuration.add(stamp)


def indicator_config():
    """The indicator configuration (targets, bands, weights, deadline)."""
    note_configuration()
    return _config(*_config_stamp())


def _key(values) -> tuple | None:
    return None if values is None else tuple(values)


@replayed
@st.cache_data(show_spinner=False, max_entries=256)
def _compute(
    version: DataVersion,
    scope_key,
    stamp: tuple,
    today,
    units,
    types,
    start,
    end,
    grain,
    level,
    indicators,
):
    from upt_dashboard.indicators.engine import compute as engine_compute

    source = scope_key if level == "unit" else _totals_key(scope_key)
    return engine_compute(
        _facts(version, source),
        units=units,
        types=types,
        start=start,
        end=end,
        grain=grain,
        level=level,
        indicators=indicators,
        config=indicator_config(),
    )


def compute(
    *,
    start,
    end,
    grain: str = "month",
    level: str = "unit",
    units=None,
    types=None,
    indicators=None,
):
    """``indicators.engine.compute`` on the current facts, cached per data version.

    Today's date is part of the key: report timeliness depends on it. A
    total's month does not depend on the months asked beside it, so every
    month of a province or type total within the stored months is cut from
    one request of them all: a page's cards, their comparison and its trend
    share one computation (after an upload too).
    """
    key = (data_version(), _scope_key(), _config_stamp(), date.today(), _key(units), _key(types))
    stored = months_with_data()
    if grain == "month" and level != "unit" and stored and stored[0] <= start <= end <= stored[-1]:
        every = _compute(*key, stored[0], stored[-1], grain, level, _key(indicators))
        return every.filter(pl.col("period_start").is_between(start.first_day, end.first_day))
    return _compute(*key, start, end, grain, level, _key(indicators))


@replayed
@st.cache_data(show_spinner=False, max_entries=16)
def _months(version: DataVersion, scope_key: tuple) -> list[Month]:
    frame = _facts(version, _totals_key(scope_key)).submissions
    days = frame.filter(frame["is_current"])["period"].unique().to_list()
    return sorted(Month.of(day) for day in days)


def months_with_data() -> list[Month]:
    """The months holding at least one current report, oldest first."""
    return _months(data_version(), _scope_key())


@replayed
@st.cache_data(show_spinner=False, max_entries=64)
def _calendar(
    version: DataVersion, scope_key: tuple, stamp: tuple, unit_codes: tuple, months: tuple, today
):
    from upt_dashboard.views.completeness import report_calendar

    config = indicator_config()
    return report_calendar(
        _facts(version, scope_key).submissions,
        unit_codes,
        months,
        today=today,
        deadline_day=config.report_deadline_day,
        timezone=config.timezone,
    )


def report_calendar(unit_codes, months, today):
    """``ui.completeness.report_calendar`` for these units and months, cached."""
    return _calendar(
        data_version(), _scope_key(), _config_stamp(), tuple(unit_codes), tuple(months), today
    )


@replayed
@st.cache_data(show_spinner=False, max_entries=64)
def _nrr(version: DataVersion, scope_key: tuple, units: tuple, start, end):
    from upt_dashboard.indicators.survey import nrr_by_element

    return nrr_by_element(
        _facts(version, scope_key), units=units, start=start, end=end, config=indicator_config()
    )


def nrr_by_element(units, start, end):
    """NRR of the nine IKM elements over the units and months given, pooled."""
    return _nrr(data_version(), _scope_key(), tuple(units), start, end)


def _listed(version: DataVersion, scope_key: tuple, stamp: tuple):
    """(complaints, known_until) of the held facts: listed with the sums, so after an
    upload only the changed units' complaints are listed again."""
    from upt_dashboard.indicators.sums import listed_complaints

    return listed_complaints(_facts(version, scope_key), indicator_config())


def complaints():
    """Every complaint in its newest state, with durations (``complaint_list``)."""
    return _listed(data_version(), _scope_key(), _config_stamp())[0]


def backlog_counts(units, months):
    """Overdue complaints per unit at the end of each of ``months`` (counts, for attention)."""
    from upt_dashboard.indicators.complaints import backlog_counts as counts

    ends = tuple(m.first_day for m in months)
    return _backlog("backlog_counts", counts, ends, units, _by_unit_and_period)


def _backlog(kind: str, function, when, units, order):
    return _backlog_at(
        data_version(), _scope_key(), _config_stamp(), kind, function, when, _key(units), order
    )


@replayed
def _backlog_at(version: DataVersion, scope_key, stamp, kind: str, function, when, units, order):
    """``function(complaints, known, when, units=…)`` of ``indicators.complaints``, carried
    across uploads per unit (a unit's backlog is judged on its own reports)."""
    config = indicator_config()

    def make(some):
        return function(
            *_listed(version, scope_key, stamp),
            when,
            units=some,
            working_day_limit=config.complaint_working_days,
            holiday_categories=config.holiday_categories,
        )

    key = (scope_key, stamp, units, when)
    return _carried(kind, key, version, scope_key, units, None, make, order)


def _by_unit_and_period(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.sort("unit_code", "period")


@replayed
@st.cache_data(show_spinner=False, max_entries=32)
def _u4_signals(version: DataVersion, scope_key: tuple, stamp: tuple, units, start, end):
    from upt_dashboard.indicators.survey import u4_signals as signals

    config = indicator_config()
    return signals(
        _facts(version, scope_key),
        units=units,
        charging_units=config.charging_units,
        start=start,
        end=end,
        config=config,
    )


def u4_signals(units, start, end):
    """U4 (cost/tariff) answers below 4 in units that charge nothing: integrity signals."""
    return _u4_signals(data_version(), _scope_key(), _config_stamp(), _key(units), start, end)


@dataclass
class _Entry:
    """One request's result and the data version it was made at."""

    version: DataVersion | None = None
    result: object = None
    lock: threading.Lock = field(default_factory=threading.Lock)


@dataclass
class _Carried:
    """Results held per request, so that after an upload only the part the new reports
    touch is made again. One lock per request: a slow one keeps no other waiting."""

    by_key: dict = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def entry(self, key) -> _Entry:
        with self.lock:
            if refresh_ahead.remaking() and key not in self.by_key:  # given up: not remade
                raise refresh_ahead.NotHeld(key)
            entry = self.by_key.pop(key, None) or _Entry()
            self.by_key[key] = entry  # most recent last
            while len(self.by_key) > HELD_REQUESTS:
                self.by_key.pop(next(iter(self.by_key)))
            return entry


HELD_REQUESTS = 16


@st.cache_resource(show_spinner=False)
def _held(kind: str) -> _Carried:
    """The results of one kind this process holds, per request."""
    return _Carried()


def _ahead(judged_at: DataVersion | None, version: DataVersion) -> bool:
    """A held result newer than the caller's version (same verdicts, later submissions):
    another session's run carried it further while this run, whose version was read
    at its start, went on. It is kept and handed over, as the held facts are, not made
    anew at the older version."""
    return (
        judged_at is not None
        and judged_at.reviewed == version.reviewed
        and judged_at.submission > version.submission
    )


def _carried_since(judged_at: DataVersion | None, version: DataVersion) -> list[str] | None:
    """The units with submissions since ``judged_at`` when a held result can be carried to
    ``version`` (same verdicts, newer submissions), else None: make it anew."""
    if (
        judged_at is None
        or judged_at.reviewed != version.reviewed
        or judged_at.submission > version.submission
    ):
        return None
    return _units_stored_since(str(engine().url), judged_at.submission, version.submission)


@st.cache_data(show_spinner=False, max_entries=64)
def _units_stored_since(database: str, since: int, upto: int) -> list[str]:
    """Units with submissions after ``since``: one query per version step for every kind
    carried (``upto`` keys the answer; later submissions only add units judged again)."""
    from upt_dashboard.storage.submissions import units_stored_since

    return units_stored_since(engine(), since)


def _carried(
    kind: str, key: tuple, version: DataVersion, scope_key: tuple, units, types, make, order
):
    """A per-unit result (a frame with ``unit_code``) carried across uploads.

    ``make(units)`` makes it for those units (None: all in scope) and
    ``order`` sorts the pieces back together. Each unit's rows depend on that
    unit's own reports only, so after an upload only the units that sent
    something — and are in ``units`` and ``types`` — are made again.
    """
    entry = _held(kind).entry(key)
    with entry.lock:
        if entry.version == version or _ahead(entry.version, version):
            return entry.result
        changed = _carried_since(entry.version, version)
        if changed is None:
            entry.result = order(make(_key(units)))
        else:
            changed = [u for u in changed if u in _scope_units(version, scope_key, units, types)]
            if changed:
                kept = entry.result.filter(~pl.col("unit_code").is_in(changed))
                entry.result = order(pl.concat([kept, make(changed)]))
        entry.version = version
        return entry.result


def _scope_units(version: DataVersion, scope_key: tuple, units, types) -> set[str]:
    """The registry units of ``units`` and ``types`` (None: any) the scope may see."""
    registry = _visible_units(version, scope_key)
    if types is not None:
        registry = registry.filter(pl.col("type").is_in(list(types)))
    if units is not None:
        registry = registry.filter(pl.col("code").is_in(list(units)))
    return set(registry["code"].to_list())


def threshold_crossings(units, start, end):
    """People reaching a new PP 94/2021 step, per unit and month (counts only).

    After an upload only the people on the roster of the units that sent
    something — before or after it — are counted again; the rest are kept
    (``early_warning.Crossings``).
    """
    return _crossings(data_version(), _scope_key(), _config_stamp(), _key(units), start, end)


@replayed
def _crossings(version: DataVersion, scope_key: tuple, stamp: tuple, units, start, end):
    from upt_dashboard.indicators.early_warning import crossing_roster, crossings

    entry = _held("crossings").entry((scope_key, stamp, units, start, end))
    with entry.lock:
        if entry.version == version or _ahead(entry.version, version):
            return entry.result.counts
        changed = _carried_since(entry.version, version)
        facts = _facts(version, scope_key)
        args = {"start": start, "end": end, "units": units, "config": indicator_config()}
        if changed is None:
            entry.result = crossings(facts, **args)
        elif changed:
            people = entry.result.people_in(
                crossing_roster(facts, start=start, end=end, units=changed), changed
            )
            entry.result = entry.result.updated(crossings(facts, **args, people=people), people)
        entry.version = version
        return entry.result.counts


def overdue_backlog(units, as_of):
    """Open complaints past due on ``as_of`` (each unit judged on its newest report)."""
    from upt_dashboard.indicators.complaints import overdue_backlog as backlog

    return _backlog("overdue_backlog", backlog, as_of, units, _oldest_first)


def _oldest_first(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.sort(["age_working_days", "unit_code", "nomor"], descending=[True, False, False])


@replayed
@st.cache_data(show_spinner=False, max_entries=16)
def _warnings(version: DataVersion, scope_key: tuple):
    from upt_dashboard.storage.submissions import submission_warnings

    return submission_warnings(engine(), DataScope.from_key(scope_key))


def upload_warnings():
    """Warnings stored with the current submissions, one row per warning."""
    return _warnings(data_version(), _scope_key())


def _flags(version: DataVersion, scope_key: tuple, units, types, start, end):
    from upt_dashboard.indicators.anomalies import JUDGED_INDICATORS, flag_anomalies
    from upt_dashboard.indicators.engine import compute as engine_compute
    from upt_dashboard.indicators.survey import ikm_standard_errors

    config, facts = indicator_config(), _facts(version, scope_key)
    history = engine_compute(
        facts,
        units=units,
        types=types,
        start=start,
        end=end,
        level="unit",
        indicators=JUDGED_INDICATORS,
        config=config,
    )
    sampling = ikm_standard_errors(facts, units=units, start=start, end=end, config=config)
    return flag_anomalies(history, config, sampling=sampling)


def anomalies(*, start, end, units=None, types=None):
    """Anomaly flags of unit-months from ``start`` to ``end``, judged on that history (at
    most ``anomaly_history_months`` of it).

    A unit's flags depend on its own series only, so after an upload only
    the units with new submissions are judged again; the rest are kept.
    """
    from upt_dashboard.indicators.anomalies import history_start

    start = history_start(start, end, indicator_config())
    return _anomalies(
        data_version(),
        _scope_key(),
        _config_stamp(),
        date.today(),
        _key(units),
        _key(types),
        start,
        end,
    )


@replayed
def _anomalies(
    version: DataVersion, scope_key: tuple, stamp: tuple, today, units, types, start, end
):
    from upt_dashboard.indicators.anomalies import ordered

    def judge(some):
        return _flags(version, scope_key, some, types, start, end)

    key = (scope_key, stamp, today, units, types, start, end)
    return _carried("anomalies", key, version, scope_key, units, types, judge, ordered)


@replayed
@st.cache_data(show_spinner=False, max_entries=16)
def _early_warning(version: DataVersion, scope_key: tuple, stamp: tuple, unit: str, as_of):
    from upt_dashboard.indicators.early_warning import early_warning

    return early_warning(
        _facts(version, scope_key), units=[unit], as_of=as_of, config=indicator_config()
    )


def early_warning(unit: str, as_of):
    """PP 94/2021 early-warning rows of one unit (personal data: callers check access)."""
    return _early_warning(data_version(), _scope_key(), _config_stamp(), unit, as_of)


@replayed
@st.cache_data(show_spinner=False, max_entries=16)
def _tk_counts(version: DataVersion, scope_key: tuple, stamp: tuple, unit: str, as_of):
    from upt_dashboard.indicators.early_warning import tk_threshold_counts

    return tk_threshold_counts(
        _facts(version, scope_key), as_of=as_of, units=[unit], config=indicator_config()
    )


def tk_threshold_counts(unit: str, as_of):
    """Employees of a unit at each PP 94/2021 threshold, counts only."""
    return _tk_counts(data_version(), _scope_key(), _config_stamp(), unit, as_of)
