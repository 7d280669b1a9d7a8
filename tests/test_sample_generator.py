"""The sample data generator: deterministic, consistent month to month, believable,
and every file says to validation what it is meant to say."""

from __future__ import annotations

import statistics
from collections import defaultdict
from datetime import date

import pytest

from data_loaders.schema import (
    KEHADIRAN_PEGAWAI,
    PENERIMA_MANFAAT,
    PENGADUAN,
    SURVEI_KEPUASAN,
)
from upt_dashboard import paths
from upt_dashboard.indicators.ikm import required_sample
from upt_dashboard.months import Month
from upt_dashboard.sample import (
    generate,
    refusals,
    registry,
    simulation,
    stories,
    workdays,
    writing,
)

ROOT = paths.ROOT
SAMPLE_DIR = ROOT / "sample_data"
UNITS = registry.read_units()
KP, PM, PG, SV = (
    KEHADIRAN_PEGAWAI.name,
    PENERIMA_MANFAAT.name,
    PENGADUAN.name,
    SURVEI_KEPUASAN.name,
)


@pytest.fixture(scope="module")
def histories() -> dict[str, simulation.UnitHistory]:
    return {u.code: simulation.simulate_unit(u) for u in UNITS}


def _submitted(history: simulation.UnitHistory) -> list[simulation.MonthReport]:
    return [m for m in history.months if m.submitted]


# --- Determinism ------------------------------------------------------------------------


def test_two_runs_give_identical_bytes(tmp_path):
    subset = {"units": ["PSTW-JBG", "PSAA-TLA"], "months": ["2025-03", "2026-10"]}
    first = generate(tmp_path / "a", **subset, demos=False)
    second = generate(tmp_path / "b", **subset, demos=False)
    assert [p.name for p in first] == [p.name for p in second]
    assert len([p for p in first if p.suffix == ".xlsx"]) == 4
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_committed_samples_match_the_generator(tmp_path):
    """sample_data/ is what the generator and the current template write.
    If this fails, run ``python cli.py sample`` and commit sample_data/."""
    picks = [("PSTW-BWI", "2026-10"), ("PRS-SDA", "2026-03"), ("PSBR-BLT", "2024-11")]
    for unit, month in picks:
        written = generate(tmp_path, units=[unit], months=[month], demos=False)
        name = f"{unit}_{month}.xlsx"
        fresh = next(p for p in written if p.name == name)
        assert (SAMPLE_DIR / name).read_bytes() == fresh.read_bytes(), name
    demo = generate(tmp_path / "demo", units=[], months=[])
    for folder in ("with_errors", "with_warnings"):
        fresh = {p.name: p for p in demo if p.parent.name == folder}
        # Every committed file is still generated (README.md included), and no more.
        assert set(fresh) == {p.name for p in (SAMPLE_DIR / folder).iterdir()}, folder
        for name, path in fresh.items():
            committed = SAMPLE_DIR / folder / name
            assert committed.read_bytes() == path.read_bytes(), committed


def test_committed_files_of_every_unit_match_the_simulation(histories):
    """One committed workbook of every unit, each from a different month, byte for byte
    (the full set takes ~30 s to write; every unit's streams are covered this way)."""
    for i, h in enumerate(histories.values()):
        submitted = _submitted(h)
        report = submitted[i * 5 % len(submitted)]
        committed = SAMPLE_DIR / report.filename
        assert committed.read_bytes() == writing.report_bytes(report), report.filename


def test_committed_uploads_csv_and_readme_match_the_simulation(histories, tmp_path):
    """uploads.csv (every upload of the full run) and the README, byte for byte."""
    reports = [m for h in histories.values() for m in _submitted(h)]
    writing.write_uploads(tmp_path / "uploads.csv", reports)
    writing.write_readme(tmp_path / "README.md", list(histories.values()))
    for name in ("uploads.csv", "README.md"):
        assert (SAMPLE_DIR / name).read_bytes() == (tmp_path / name).read_bytes(), name


def test_full_set_is_listed_in_uploads_csv():
    uploads = writing.read_uploads(SAMPLE_DIR / "uploads.csv")
    files = {p.name for p in SAMPLE_DIR.glob("*.xlsx")}
    assert set(uploads) == files
    expected = sum(
        1
        for u in UNITS
        for p in stories.MONTHS
        if not (u.code == stories.MISSING_UNIT and p in stories.MISSING_MONTHS)
    )
    assert len(files) == expected


def test_unknown_unit_or_month_is_refused(tmp_path):
    with pytest.raises(ValueError):
        generate(tmp_path, units=["XXX"], demos=False)
    with pytest.raises(ValueError):
        generate(tmp_path, months=["2030-01"], demos=False)


# --- Residents --------------------------------------------------------------------------


def test_resident_flows_are_consistent(histories):
    for code, h in histories.items():
        previous = None
        for m in h.months:
            pm = m.data[PM]
            keluar = sum(
                pm[k]
                for k in (
                    "pm_keluar_reintegrasi",
                    "pm_keluar_rujukan",
                    "pm_keluar_meninggal",
                    "pm_keluar_lainnya",
                )
            )
            where = f"{code} {m.period}"
            assert min(pm.values()) >= 0, where
            assert pm["pm_awal_bulan"] + pm["pm_masuk"] - keluar == pm["pm_akhir_bulan"], where
            assert (
                pm["pm_laki_laki_akhir_bulan"] + pm["pm_perempuan_akhir_bulan"]
                == pm["pm_akhir_bulan"]
            ), where
            assert pm["pm_terpenuhi_kebutuhan_dasar"] <= pm["pm_awal_bulan"] + pm["pm_masuk"]
            if previous is not None:
                assert pm["pm_awal_bulan"] == previous, where
            previous = pm["pm_akhir_bulan"]


@pytest.mark.parametrize(
    "code, low, high",
    [
        ("PSTW-MGT", 138, 155),
        ("PSTW-PSR", 155, 170),
        ("RSBL-KDR", 285, 315),
        ("RSBL-PSR", 290, 320),
        ("PRS-SDA", 380, 420),
    ],
)
def test_resident_counts_near_real_figures(histories, code, low, high):
    akhir = [m.data[PM]["pm_akhir_bulan"] for m in histories[code].months]
    assert low <= min(akhir) and max(akhir) <= high


def test_only_the_story_unit_goes_over_capacity(histories):
    over = {
        code
        for code, h in histories.items()
        for m in h.months
        if m.data[PM]["pm_akhir_bulan"] > h.unit.capacity
    }
    assert over == {stories.OVER_CAPACITY_UNIT}


def test_exits_match_the_unit_type(histories):
    def total(code, key):
        return sum(m.data[PM][key] for m in histories[code].months)

    assert total("PSTW-JBG", "pm_keluar_meninggal") > total("PSTW-JBG", "pm_keluar_reintegrasi")
    assert total("RSBL-KDR", "pm_keluar_reintegrasi") > 5 * total("RSBL-KDR", "pm_keluar_meninggal")


# --- Staff ------------------------------------------------------------------------------


def test_staff_identities_are_stable(histories):
    for code, h in histories.items():
        nip_of: dict[str, str | None] = {}
        for m in h.months:
            rows = m.data[KP]
            assert 40 <= len(rows) <= 80, code
            assert len({r["nama"] for r in rows}) == len(rows)
            nips = [r["nip"] for r in rows if r["nip"]]
            assert len(set(nips)) == len(nips)
            for r in rows:
                if r["status"] in ("PNS", "PPPK"):
                    assert len(r["nip"]) == 18 and r["nip"].isdigit()
                else:
                    assert r["nip"] is None
                before = nip_of.setdefault(r["nama"], r["nip"])
                # The only change allowed: a Non ASN appointed PPPK gets a NIP.
                appointed_pppk = before is None and m.period == stories.CONVERSION_MONTH
                assert before == r["nip"] or appointed_pppk
                nip_of[r["nama"]] = r["nip"]


def test_attendance_adds_up_and_follows_the_calendar(histories):
    for h in histories.values():
        rosters = {e.name: e for e in h.staff}
        for m in h.months:
            for r in m.data[KP]:
                e = rosters[r["nama"]]
                expected = (
                    len(workdays.roster_days(m.period, e.roster_offset))
                    if e.shift
                    else workdays.hari_kerja(m.period)
                )
                if not (e.maternity and r["cuti"] == r["hari_kerja"]):
                    assert r["hari_kerja"] == expected, (h.unit.code, m.period, r["nama"])
                assert r["hari_kerja"] <= m.period.days
                assert (
                    r["hadir"] + r["dinas_luar"] + r["sakit"] + r["izin"] + r["cuti"] + r["tk"]
                    == r["hari_kerja"]
                )
                assert r["tl1"] + r["tl2"] + r["tl3"] + r["tl4"] <= r["hadir"]
                assert r["psw1"] + r["psw2"] + r["psw3"] + r["psw4"] <= r["hadir"]
                assert r["apel_hadir"] <= r["apel_wajib"]


def test_hari_kerja_counts_national_holidays_and_cuti_bersama():
    assert workdays.hari_kerja(Month(2025, 10)) == 23  # 23 weekdays, no holiday
    # April 2025: 22 weekdays minus Idul Fitri day 2 (1 Apr), its cuti bersama (2, 3, 4,
    # 7 Apr) and Good Friday (18 Apr).
    assert workdays.hari_kerja(Month(2025, 4)) == 16


def test_care_staff_work_a_roster_with_weekends_office_staff_do_not(histories):
    care = office = 0
    for h in histories.values():
        for e in h.staff:
            days = workdays.roster_days(Month(2026, 3), e.roster_offset)
            if e.shift:
                care += 1
                assert any(d.weekday() >= 5 for d in days)  # Saturdays and Sundays on duty
                assert 22 <= len(days) <= 24  # six of every eight of March's 31 days
            else:
                office += 1
    assert care > 0.3 * (care + office) and office > 0.4 * (care + office)
    # an office month never holds a weekend or a holiday
    assert all(d.weekday() < 5 for d in workdays.working_days(Month(2026, 3)))
    assert date(2026, 3, 20) not in workdays.working_days(Month(2026, 3))  # cuti bersama


def test_leave_peaks_around_lebaran(histories):
    cuti = defaultdict(int)
    for h in histories.values():
        for m in h.months:
            cuti[m.period] += sum(r["cuti"] for r in m.data[KP])
    typical = statistics.median(cuti.values())
    for year in (2025, 2026):
        eid = workdays.eid_al_fitr(year)
        assert cuti[Month.of(eid)] + cuti[Month.of(eid) + 1] > 4 * typical


def test_one_employee_drifts_toward_the_pp94_threshold(histories):
    ytd: dict[str, int] = defaultdict(int)
    for m in histories[stories.DRIFT_UNIT].months:
        if m.period.year != 2026:
            continue
        for r in m.data[KP]:
            ytd[r["nip"] or r["nama"]] += r["tk"]
    worst = max(ytd.values())
    assert worst == 10  # past 3 and 7, one day short of 11
    assert sorted(ytd.values())[-2] < 3


# --- Complaints -------------------------------------------------------------------------


def test_complaints_are_consistent_across_reports(histories):
    for code, h in histories.items():
        closed: set[str] = set()
        open_: set[str] = set()
        for m in _submitted(h):
            end = m.period.last_day
            rows = m.data[PG]
            assert len({r["nomor"] for r in rows}) == len(rows)
            nomors = {r["nomor"] for r in rows}
            assert open_ <= nomors, f"{code} {m.period}: an open complaint disappeared"
            new = [
                r
                for r in rows
                if r["tanggal_masuk"] >= m.period.first_day
                and r["tanggal_masuk"] != stories.OVERDUE_RECEIVED  # the planted one
            ]
            assert len(new) <= 4
            for r in rows:
                assert r["nomor"].startswith(f"PGD/{code}/")
                assert r["tanggal_masuk"] <= end
                assert r["nomor"] not in closed
                assert (r["status"] == "Selesai") == (r["tanggal_selesai"] is not None)
                if r["tanggal_selesai"]:
                    assert r["tanggal_masuk"] <= r["tanggal_selesai"] <= end
            closed |= {r["nomor"] for r in rows if r["status"] == "Selesai"}
            open_ = {r["nomor"] for r in rows if r["status"] == "Proses"}


def test_most_complaints_are_resolved_within_five_working_days(histories):
    quick = slow = carried = 0
    for h in histories.values():
        seen: dict[str, str] = {}
        for m in _submitted(h):
            for r in m.data[PG]:
                if r["nomor"] in seen and seen[r["nomor"]] == "Proses":
                    carried += 1
                seen[r["nomor"]] = r["status"]
                if r["status"] == "Selesai":
                    if workdays.add_working_days(r["tanggal_masuk"], 5) >= r["tanggal_selesai"]:
                        quick += 1
                    else:
                        slow += 1
    assert quick > 3 * slow and slow > 10 and carried > 10


# --- Survey, uploads and the other stories ----------------------------------------------


def test_survey_sizes_and_scores(histories):
    short = set()
    for code, h in histories.items():
        for m in h.months:
            rows = m.data[SV]
            needed = required_sample(m.data[PM]["pm_awal_bulan"] + m.data[PM]["pm_masuk"])
            if len(rows) < needed:
                short.add((code, m.period))
            for r in rows:
                assert all(1 <= r[f"u{k}"] <= 4 for k in range(1, 10))
                assert Month.of(r["tanggal"]) == m.period
    assert short == {(stories.FEW_RESPONDENTS_UNIT, p) for p in stories.FEW_RESPONDENTS_MONTHS}


def test_satisfaction_slides_from_band_b_to_c(histories):
    months = histories[stories.SLIDING_UNIT].months
    first, last = writing.survey_ikm(months[0].data[SV]), writing.survey_ikm(months[-1].data[SV])
    assert 76.61 <= first <= 88.30
    assert 65.00 <= last <= 76.60


def test_missing_months_and_upload_times(histories):
    for code, h in histories.items():
        missed = {m.period for m in h.months if not m.submitted}
        assert missed == (stories.MISSING_MONTHS if code == stories.MISSING_UNIT else set())
        for m in _submitted(h):
            local = m.uploaded_at.astimezone(simulation.WIB).date()
            assert m.period.last_day < m.signed <= local
            assert workdays.is_working_day(local)
            if code == stories.LATE_UNIT:
                assert 12 <= local.day <= 20
            elif not (
                m.period == stories.LEBARAN_LATE_MONTH and code in stories.LEBARAN_LATE_UNITS
            ):
                assert local.day <= 10


# --- What validation says -----------------------------------------------------------------

report = pytest.importorskip("data_loaders.report")


@pytest.fixture(scope="module")
def context(histories):
    akhir = {
        (code, m.period): m.data[PM]["pm_akhir_bulan"]
        for code, h in histories.items()
        for m in _submitted(h)
    }
    return report.ValidationContext(
        units={u.code: u.name for u in UNITS},
        today=date(2026, 11, 28),
        previous_pm_akhir=lambda unit, month: akhir.get((unit, month)),
    )


def test_every_sample_file_is_accepted(context):
    paths = sorted(SAMPLE_DIR.glob("*.xlsx"))
    assert len(paths) > 300
    warnings = defaultdict(int)
    for path in paths:
        result = report.load_report(path.read_bytes(), path.name, context)
        errors = [(f.location, f.rule) for f in result.findings if f.is_error]
        assert not errors, (path.name, errors)
        for f in result.findings:
            warnings[f.rule] += 1
    # The warnings the stories mean to show, and no others.
    assert set(warnings) == {"melebihi_daya_tampung", "sesi_melebihi_rencana"}


@pytest.fixture(scope="module")
def base(histories):
    return refusals.base_report(histories[refusals.BASE_UNIT])


@pytest.mark.parametrize("case", refusals.ERROR_CASES, ids=lambda c: c.file)
def test_error_file_is_refused_with_its_finding(case, base, context):
    path = SAMPLE_DIR / "with_errors" / case.file
    result = report.load_report(path.read_bytes(), path.name, context)
    errors = [(f.sheet, f.cell, f.rule) for f in result.findings if f.is_error]
    assert not result.ok
    assert errors == [(case.sheet, case.where(base), case.rule)]


@pytest.mark.parametrize("case", refusals.WARNING_CASES, ids=lambda c: c.file)
def test_warning_file_is_accepted_with_its_warning(case, base, context):
    path = SAMPLE_DIR / "with_warnings" / case.file
    result = report.load_report(path.read_bytes(), path.name, context)
    assert result.ok, [(f.location, f.rule) for f in result.findings]
    assert [(f.sheet, f.cell, f.rule) for f in result.findings] == [
        (case.sheet, case.where(base), case.rule)
    ]


def test_every_case_is_in_the_readme():
    for folder, cases in (
        ("with_errors", refusals.ERROR_CASES),
        ("with_warnings", refusals.WARNING_CASES),
    ):
        text = (SAMPLE_DIR / folder / "README.md").read_text(encoding="utf-8")
        assert {p.name for p in (SAMPLE_DIR / folder).glob("*.xlsx")} == {c.file for c in cases}
        for c in cases:
            assert f"`{c.file}`" in text and f"`{c.rule}`" in text


# --- the planted problems ----------------------------------------------------------------


def _kp_rows(histories, unit, period):
    return next(m for m in histories[unit].months if m.period == period).data[KP]


def test_u4_is_four_except_the_planted_month(histories):
    below = {
        (code, m.period): sum(r["u4"] < 4 for r in m.data[SV])
        for code, h in histories.items()
        for m in h.months
        if any(r["u4"] < 4 for r in m.data[SV])
    }
    assert below == {(stories.LEVY_UNIT, stories.LEVY_MONTH): len(stories.LEVY_ANSWERS)}


def test_the_mover_keeps_name_and_nip_in_both_units(histories):
    seen = defaultdict(int)
    for unit in (stories.MOVER_FROM, stories.MOVER_TO):
        for m in histories[unit].months:
            for r in m.data[KP]:
                if r["nip"] == stories.MOVER_NIP:
                    assert r["nama"] == stories.MOVER_NAME
                    assert (m.period < stories.MOVER_MONTH) == (unit == stories.MOVER_FROM)
                    if m.period.year == 2026:
                        seen[unit] += r["tk"]
    assert dict(seen) == {stories.MOVER_FROM: 6, stories.MOVER_TO: 6}


def test_version_two_minutes_make_the_drifter_cross_eleven_in_august(histories):
    total_tk = late_minutes = 0
    crossed = None
    nip = next(e.nip for e in histories[stories.DRIFT_UNIT].staff if e.drifting)
    for m in histories[stories.DRIFT_UNIT].months:
        if m.period.year != 2026:
            continue
        rows = m.data[KP]
        assert all(("menit_terlambat" in r) == (m.period >= stories.MINUTES_FROM) for r in rows)
        drifter = next(r for r in rows if r["nip"] == nip)
        assert (drifter["tl1"], drifter["tl2"]) == stories.DRIFT_LATE
        total_tk += drifter["tk"]
        # version 1: the band lower bounds (1 and 31 minutes); version 2: the minutes
        minutes = drifter.get("menit_terlambat")
        late_minutes += minutes if minutes is not None else drifter["tl1"] + 31 * drifter["tl2"]
        late_minutes += drifter.get("menit_pulang_cepat") or sum(
            drifter[f"psw{i}"] * low for i, low in zip(range(1, 5), (1, 31, 61, 91))
        )
        if crossed is None and total_tk + late_minutes / 450 >= 11:
            crossed = (m.period, total_tk)
    assert crossed == (Month(2026, 8), 10)  # TK alone is 10: the lateness makes it 11+


def test_a_non_asn_is_absent_ten_days_in_one_month(histories):
    rows = _kp_rows(histories, stories.ABSENT_UNIT, stories.ABSENT_MONTH)
    assert [r["status"] for r in rows if r["tk"] >= 10] == ["Non ASN"]


def test_the_overdue_complaint_stays_open(histories):
    last = _submitted(histories[stories.OVERDUE_UNIT])[-1]
    open_ = [r for r in last.data[PG] if r["tanggal_masuk"] == stories.OVERDUE_RECEIVED]
    assert [r["status"] for r in open_] == ["Proses"]


def test_committed_stories_csv_is_the_planted_list(tmp_path):
    writing.write_stories(tmp_path / "stories.csv")
    assert (SAMPLE_DIR / "stories.csv").read_bytes() == (tmp_path / "stories.csv").read_bytes()
    planted = writing.read_stories(SAMPLE_DIR / "stories.csv")
    assert planted == list(stories.PLANTED)
    assert {p.unit for p in planted} <= {u.code for u in UNITS}
