"""After an upload only its unit-month is read again, and nothing differs from a new read.

``refresh_facts`` reads the submissions stored since the facts were read
and splices their unit-months into the frames it holds (and into the staff
rows already read); the engine patches its per-unit-month sums for those
unit-months only. Every frame and every indicator must equal what a new
``load_facts`` gives — checked here on the sample reports with new
unit-months and new versions of a stored one, through the storage API and
through the app's process-wide cache.
"""

from __future__ import annotations

import polars as pl
import pytest
from polars.testing import assert_frame_equal
from sqlalchemy import func, select

from upt_dashboard import paths
from upt_dashboard.indicators import sums
from upt_dashboard.indicators.config import load_config
from upt_dashboard.indicators.engine import compute
from upt_dashboard.intake.bulk import load_sample_data, sample_files
from upt_dashboard.intake.ingest import ACCEPTED, ingest_file
from upt_dashboard.months import Month
from upt_dashboard.storage.bootstrap import init_db
from upt_dashboard.storage.db import get_engine, submissions
from upt_dashboard.storage.facts import load_facts, refresh_facts
from upt_dashboard.storage.scope import EVERYTHING, DataScope

CONFIG = load_config()
HELD_BACK = ("PSTW-JBG_2026-10.xlsx", "PRS-SDA_2026-10.xlsx")
# PSTW-JBG 2026-03 again, each with different numbers (sample_data/with_warnings/README.md).
NEW_VERSIONS = ("melebihi_daya_tampung.xlsx", "sesi_melebihi_rencana.xlsx")
STAFF_MONTHS = {"start": Month(2026, 1), "end": Month(2026, 10)}


@pytest.fixture
def engine(tmp_path):
    engine = init_db(get_engine(f"sqlite:///{tmp_path / 'refresh.db'}"))
    load_sample_data(engine, files=[p for p in sample_files() if p.name not in HELD_BACK])
    yield engine
    engine.dispose()


def _latest(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.max(submissions.c.id))).scalar()


def _upload_more(engine) -> None:
    load_sample_data(engine, files=[paths.SAMPLE_DIR / name for name in HELD_BACK])
    for name in NEW_VERSIONS:
        data = (paths.SAMPLE_DIR / "with_warnings" / name).read_bytes()
        assert ingest_file(engine, data, name, "uji").status == ACCEPTED


def _sorted(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.sort(frame.columns)


def _same(first: pl.DataFrame, second: pl.DataFrame) -> None:
    assert_frame_equal(_sorted(first), _sorted(second))


def test_a_refresh_reads_only_the_new_unit_months_and_equals_a_new_read(engine, monkeypatch):
    held = load_facts(engine, EVERYTHING)
    since = _latest(engine)
    before = sums.fact_sums(held, CONFIG)
    held.rows("kehadiran_pegawai", **STAFF_MONTHS)  # a page has read a year of staff rows
    _upload_more(engine)

    refreshed = refresh_facts(engine, held, since)
    fresh = load_facts(engine, EVERYTHING)
    for attr in ("submissions", "penerima_manfaat", "pengaduan", "stored_parts"):
        _same(getattr(refreshed, attr), getattr(fresh, attr))
    changed = refreshed.earlier.changed
    assert set(changed.iter_rows()) == {
        ("PSTW-JBG", Month(2026, 10).first_day),
        ("PRS-SDA", Month(2026, 10).first_day),
        ("PSTW-JBG", Month(2026, 3).first_day),
    }

    # The staff rows already read are carried over with the new unit-months spliced in.
    reads = []
    monkeypatch.setattr(type(refreshed.source), "_read", lambda *a: reads.append(a))
    staff = refreshed.rows("kehadiran_pegawai", **STAFF_MONTHS)
    assert reads == []
    monkeypatch.undo()
    _same(staff, fresh.rows("kehadiran_pegawai", **STAFF_MONTHS))

    # The sums are patched from those of the held facts, not built anew.
    monkeypatch.setattr(sums, "_build", lambda *a: pytest.fail("summed everything again"))
    patched = sums.fact_sums(refreshed, CONFIG)
    monkeypatch.undo()
    assert patched is not before
    full = sums.fact_sums(fresh, CONFIG)
    _same(patched.parts, full.parts)
    _same(patched.first_uploads, full.first_uploads)
    for shared in ("listed", "known", "complaints"):
        _same(getattr(patched, shared), getattr(full, shared))
    for level in ("unit", "province"):
        args = {"start": Month(2026, 1), "end": Month(2026, 10), "level": level, "config": CONFIG}
        assert_frame_equal(
            _sorted(compute(refreshed, **args)), _sorted(compute(fresh, **args)), check_exact=True
        )


def test_nothing_new_keeps_the_facts_held(engine):
    held = load_facts(engine, EVERYTHING)
    assert refresh_facts(engine, held, _latest(engine)) is held


def test_the_app_holds_one_facts_and_refreshes_it_after_an_upload(engine, monkeypatch):
    import streamlit as st

    from upt_dashboard.ui import cache

    monkeypatch.setenv("DATABASE_URL", str(engine.url))
    monkeypatch.setenv("DASHBOARD_LOAD_SAMPLE_DATA", "0")
    monkeypatch.setattr(cache, "scope", lambda: EVERYTHING)  # an administrator's session
    st.cache_resource.clear()
    first = cache.facts()
    assert cache.facts() is first  # no new submission: the same object, nothing read
    _upload_more(engine)
    second = cache.facts()
    assert second.earlier is not None and second is not first
    _same(second.submissions, load_facts(engine, EVERYTHING).submissions)
    st.cache_resource.clear()


def test_after_an_upload_only_the_changed_units_are_judged_for_anomalies(engine, monkeypatch):
    import streamlit as st

    from upt_dashboard.indicators import engine as indicator_engine
    from upt_dashboard.ui import cache

    monkeypatch.setenv("DATABASE_URL", str(engine.url))
    monkeypatch.setenv("DASHBOARD_LOAD_SAMPLE_DATA", "0")
    monkeypatch.setattr(cache, "scope", lambda: EVERYTHING)  # an administrator's session
    st.cache_resource.clear()
    window = {"start": Month(2024, 11), "end": Month(2026, 10)}
    cache.anomalies(**window)
    _upload_more(engine)

    asked = []
    real = indicator_engine.compute
    monkeypatch.setattr(
        indicator_engine, "compute", lambda *a, **k: asked.append(k["units"]) or real(*a, **k)
    )
    patched = cache.anomalies(**window)
    assert asked == [["PRS-SDA", "PSTW-JBG"]]
    monkeypatch.undo()
    monkeypatch.setenv("DATABASE_URL", str(engine.url))
    monkeypatch.setattr(cache, "scope", lambda: EVERYTHING)
    st.cache_resource.clear()
    assert_frame_equal(patched, cache.anomalies(**window))  # judged whole, from nothing held
    st.cache_resource.clear()


@pytest.mark.parametrize(
    "scope",
    [
        DataScope.of(["PSTW-JBG"], ["PSTW-JBG"]),  # an operator: one unit, its names
        DataScope.of(None, []),  # a leader: every unit, no names or NIPs
        DataScope(verified_only=True),  # verified reports only
    ],
    ids=["operator", "no-personal-data", "verified-only"],
)
def test_a_refresh_keeps_to_the_scope_it_was_read_for(engine, scope):
    held = load_facts(engine, scope)
    since = _latest(engine)
    held.rows("kehadiran_pegawai", **STAFF_MONTHS)
    _upload_more(engine)
    refreshed, fresh = refresh_facts(engine, held, since), load_facts(engine, scope)
    for attr in ("submissions", "penerima_manfaat", "pengaduan", "stored_parts"):
        _same(getattr(refreshed, attr), getattr(fresh, attr))
    staff = refreshed.rows("kehadiran_pegawai", **STAFF_MONTHS)
    _same(staff, fresh.rows("kehadiran_pegawai", **STAFF_MONTHS))
    if scope.units is not None:
        assert set(staff["unit_code"]) <= scope.units
    if scope.personal_units is not None:  # names only of the units the scope may name
        hidden = staff.filter(~pl.col("unit_code").is_in(sorted(scope.personal_units)))
        assert hidden["nama"].str.starts_with("anon-").all()
        shown = staff.filter(pl.col("unit_code").is_in(sorted(scope.personal_units)))
        assert not shown["nama"].str.starts_with("anon-").any()


def test_a_verdict_is_a_new_data_version_and_a_verified_only_view_sees_it(engine, monkeypatch):
    import streamlit as st

    from upt_dashboard.storage import review
    from upt_dashboard.storage.audit import Actor
    from upt_dashboard.storage.submissions import VERIFIED
    from upt_dashboard.ui import cache

    monkeypatch.setenv("DATABASE_URL", str(engine.url))
    monkeypatch.setenv("DASHBOARD_LOAD_SAMPLE_DATA", "0")
    monkeypatch.setattr(cache, "scope", lambda: DataScope(verified_only=True))
    st.cache_resource.clear()
    before, version = cache.facts(), cache.data_version()
    assert before.penerima_manfaat.is_empty()  # nothing verified yet
    review.review(engine, _latest(engine), VERIFIED, Actor("verifikator"), EVERYTHING)
    assert cache.data_version() != version
    after = cache.facts()
    assert after.penerima_manfaat.height == 1  # read anew: the verified report is in
    st.cache_resource.clear()


def _absent_twelve_days(path) -> bytes:
    """The workbook with its first employee absent without explanation 12 days: a new
    PP 94/2021 step, and a flagged month."""
    import io

    import openpyxl

    book = openpyxl.load_workbook(path)
    sheet = book["Kehadiran Pegawai"]
    header = [cell.value for cell in sheet[3]]
    row = {name: sheet.cell(4, header.index(name) + 1) for name in ("Hadir", "TK", "Apel Hadir")}
    row["TK"].value, row["Hadir"].value = 12, row["Hadir"].value - 12
    row["Apel Hadir"].value = min(row["Apel Hadir"].value, row["Hadir"].value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_after_an_upload_only_the_people_of_the_changed_units_are_counted_for_crossings(
    engine, monkeypatch
):
    import importlib

    import streamlit as st

    from upt_dashboard.ui import cache

    # the module (the package re-exports a function of the same name)
    early_warning = importlib.import_module("upt_dashboard.indicators.early_warning")

    monkeypatch.setenv("DATABASE_URL", str(engine.url))
    monkeypatch.setenv("DASHBOARD_LOAD_SAMPLE_DATA", "0")
    monkeypatch.setattr(cache, "scope", lambda: EVERYTHING)  # an administrator's session
    st.cache_resource.clear()
    window = (None, Month(2026, 1), Month(2026, 10))
    before = cache.threshold_crossings(*window)
    _upload_more(engine)
    absent = _absent_twelve_days(paths.SAMPLE_DIR / "PSTW-JBG_2026-10.xlsx")
    assert ingest_file(engine, absent, "PSTW-JBG_2026-10.xlsx", "uji").status == ACCEPTED

    asked = []
    real = early_warning.crossings
    monkeypatch.setattr(
        early_warning, "crossings", lambda *a, **k: asked.append(k.get("people")) or real(*a, **k)
    )
    carried = cache.threshold_crossings(*window)
    monkeypatch.undo()
    (people,) = asked
    assert people is not None and 0 < people.len() < 200  # the two units' staff, not everyone
    assert set(people.str.extract(r"@(.+)$").drop_nulls()) <= {"PRS-SDA", "PSTW-JBG"}

    monkeypatch.setenv("DATABASE_URL", str(engine.url))
    monkeypatch.setattr(cache, "scope", lambda: EVERYTHING)
    st.cache_resource.clear()
    whole = cache.threshold_crossings(*window)  # counted whole, from nothing held
    assert not carried.equals(before)  # the new reports changed the counts
    assert_frame_equal(carried, whole)
    st.cache_resource.clear()


def test_crossings_of_the_people_of_changed_units_update_those_of_everyone(engine):
    """A mover's events come from every unit they reported in: updating the people of
    the changed units must give what counting everyone again gives."""
    from upt_dashboard.indicators.early_warning import crossing_roster, crossings

    window = {"start": Month(2025, 1), "end": Month(2026, 10), "config": CONFIG}
    held = crossings(load_facts(engine, EVERYTHING), **window)
    movers = held.roster.group_by("year", "person").agg(pl.len()).filter(pl.col("len") > 1)
    assert movers.height > 0  # the sample has people who changed units
    _upload_more(engine)
    facts = load_facts(engine, EVERYTHING)
    changed = ["PRS-SDA", "PSTW-JBG"]
    people = held.people_in(
        crossing_roster(facts, start=window["start"], end=window["end"], units=changed), changed
    )
    updated = held.updated(crossings(facts, **window, people=people), people)
    whole = crossings(facts, **window)
    assert_frame_equal(updated.counts, whole.counts)
    _same(updated.events, whole.events)
    _same(updated.roster, whole.roster)


CHANGED = ["PRS-SDA", "PSTW-JBG"]  # the units _upload_more sends reports of
CARRIED = {
    "overdue backlog": (
        lambda cache: cache.overdue_backlog(None, Month(2026, 10).last_day),
        ("complaints", "overdue_backlog"),
        CHANGED,
    ),
    "backlog counts": (
        lambda cache: cache.backlog_counts(
            ["PSTW-JBG", "PRS-SDA", "RSBL-TMG"], [Month(2026, m) for m in (3, 9, 10)]
        ),
        ("complaints", "backlog_counts"),
        CHANGED,
    ),
    # PSTW units only: PRS-SDA is outside, neither judged nor asked for (an empty scope).
    "anomalies of one type": (
        lambda cache: cache.anomalies(start=Month(2025, 1), end=Month(2026, 10), types=["PSTW"]),
        ("engine", "compute"),
        ["PSTW-JBG"],
    ),
}


@pytest.mark.parametrize(("ask", "made_by", "units"), CARRIED.values(), ids=CARRIED.keys())
def test_results_carried_across_an_upload_equal_those_made_anew(
    engine, monkeypatch, ask, made_by, units
):
    import importlib

    import streamlit as st

    from upt_dashboard.ui import cache

    monkeypatch.setenv("DATABASE_URL", str(engine.url))
    monkeypatch.setenv("DASHBOARD_LOAD_SAMPLE_DATA", "0")
    monkeypatch.setattr(cache, "scope", lambda: EVERYTHING)  # an administrator's session
    st.cache_resource.clear()
    ask(cache)
    _upload_more(engine)

    module = importlib.import_module(f"upt_dashboard.indicators.{made_by[0]}")
    real, asked = getattr(module, made_by[1]), []
    spy = lambda *a, **k: asked.append(list(k["units"])) or real(*a, **k)  # noqa: E731
    monkeypatch.setattr(module, made_by[1], spy)
    carried = ask(cache)
    monkeypatch.setattr(module, made_by[1], real)
    assert asked == [units]  # only the changed units in scope, made again

    st.cache_resource.clear()
    assert_frame_equal(carried, ask(cache))  # made whole, from nothing held
    st.cache_resource.clear()


def test_a_cold_load_reads_the_newest_staff_year_and_builds_holidays_in_the_background(
    engine, monkeypatch
):
    """What the first view would wait for is started off its thread: a year of staff rows
    (the PP 94/2021 counts) and the holiday calendars (complaint due dates)."""
    import time

    import streamlit as st

    from upt_dashboard.indicators.complaints import _holiday_dates
    from upt_dashboard.indicators.early_warning import year_rows
    from upt_dashboard.ui import cache

    monkeypatch.setenv("DATABASE_URL", str(engine.url))
    monkeypatch.setenv("DASHBOARD_LOAD_SAMPLE_DATA", "0")
    monkeypatch.setattr(cache, "scope", lambda: EVERYTHING)
    st.cache_resource.clear()
    _holiday_dates.cache_clear()
    facts = cache.facts()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (
        len(facts.source._kept) == 0 or _holiday_dates.cache_info().currsize < 12
    ):
        time.sleep(0.1)
    assert _holiday_dates.cache_info().currsize >= 12  # ten years back and the next
    reads = []
    monkeypatch.setattr(type(facts.source), "_read", lambda *a: reads.append(a))
    assert year_rows(facts, 2026).height > 0  # already read: no new query
    assert reads == []
    st.cache_resource.clear()


def test_a_failed_read_held_by_the_facts_is_read_again_not_carried(engine):
    """A background read that fails while a refresh copies what the facts hold (the
    database was gone for a moment) must not make the refresh fail: the refreshed facts
    read those rows when asked."""
    from concurrent.futures import Future

    held = load_facts(engine, EVERYTHING)
    since = _latest(engine)
    failed = Future()  # as the refresh finds it: in the middle of failing
    failed.set_exception(OSError("server closed the connection unexpectedly"))
    key = ("kehadiran_pegawai", None, STAFF_MONTHS["start"], STAFF_MONTHS["end"], None)
    held.source._kept[key] = failed
    _upload_more(engine)
    refreshed = refresh_facts(engine, held, since)
    staff = refreshed.rows("kehadiran_pegawai", **STAFF_MONTHS)
    _same(staff, load_facts(engine, EVERYTHING).rows("kehadiran_pegawai", **STAFF_MONTHS))


def test_a_read_still_under_way_at_a_refresh_is_waited_for_and_spliced(engine, monkeypatch):
    """The refresh does not wait for the rows it holds: they are spliced in the background
    once the earlier read (a prefetch still running) is done, and not read whole again."""
    import threading
    from concurrent.futures import Future

    held = load_facts(engine, EVERYTHING)
    since = _latest(engine)
    key = ("kehadiran_pegawai", None, STAFF_MONTHS["start"], STAFF_MONTHS["end"], None)
    under_way = Future()
    held.source._kept[key] = under_way
    _upload_more(engine)
    done = []
    refreshing = threading.Thread(
        target=lambda: done.append(refresh_facts(engine, held, since)), daemon=True
    )
    refreshing.start()
    refreshing.join(30)
    assert done, "the refresh waited for the read under way"
    refreshed = done[0]
    reads = []
    original = type(refreshed.source)._read
    monkeypatch.setattr(
        type(refreshed.source), "_read", lambda self, *a: reads.append(a[1]) or original(self, *a)
    )
    asked = []
    reader = threading.Thread(
        target=lambda: asked.append(refreshed.rows("kehadiran_pegawai", **STAFF_MONTHS))
    )
    reader.start()
    reader.join(0.2)
    assert reader.is_alive()  # waits for the earlier read
    under_way.set_result(
        original(held.source, "kehadiran_pegawai", None, *STAFF_MONTHS.values(), None)
    )
    reader.join(30)
    assert reads == [("PRS-SDA", "PSTW-JBG")]  # only the changed units read again
    _same(asked[0], load_facts(engine, EVERYTHING).rows("kehadiran_pegawai", **STAFF_MONTHS))


def test_a_splice_whose_read_fails_is_not_kept(engine, monkeypatch):
    held = load_facts(engine, EVERYTHING)
    since = _latest(engine)
    held.rows("kehadiran_pegawai", **STAFF_MONTHS)
    _upload_more(engine)
    original = type(held.source)._read

    def gone(self, *args):
        raise OSError("server closed the connection unexpectedly")

    monkeypatch.setattr(type(held.source), "_read", gone)
    refreshed = refresh_facts(engine, held, since)
    with pytest.raises(OSError):
        refreshed.rows("kehadiran_pegawai", **STAFF_MONTHS)
    monkeypatch.setattr(type(held.source), "_read", original)
    staff = refreshed.rows("kehadiran_pegawai", **STAFF_MONTHS)  # read again, whole
    _same(staff, load_facts(engine, EVERYTHING).rows("kehadiran_pegawai", **STAFF_MONTHS))
