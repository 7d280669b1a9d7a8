"""PP 94/2021 early warning: per person across units, lateness converted to days,
ladders per employment status, the 10-days-in-a-month flag, counts without names.

Every number is worked out by hand in the comments.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from facts_builder import FactsBuilder

from upt_dashboard.indicators.config import DEFAULT_PATH, config_from_dict, load_config
from upt_dashboard.indicators.early_warning import (
    early_warning,
    tk_threshold_counts,
    year_to_date,
)
from upt_dashboard.indicators.errors import IndicatorError
from upt_dashboard.months import Month

CONFIG = load_config(DEFAULT_PATH)
BUDI = "198001012005011001"  # PNS who moves from PSTW-A to RSBL-B in February
JOKO = "198001012005011003"  # PNS, often late, bands only
RINA = "198505052019032002"  # PPPK
FEB = Month(2026, 2)


def _staff(nip, nama, status, **days):
    hadir = days.pop("hadir", 15)
    return dict(nip=nip, nama=nama, status=status, hadir=hadir, **days)


def _facts():
    b = FactsBuilder().unit("PSTW-A").unit("RSBL-B", "RSBL")
    b.report("PSTW-A", "2025-12", pegawai=[_staff(BUDI, "Budi", "PNS", tk=9)])  # last year
    b.report(
        "PSTW-A",
        "2026-01",
        pegawai=[
            _staff(BUDI, "Budi", "PNS", tk=6),
            _staff(None, "Siti  Aminah", "Non ASN", tk=1),
            # 10 TK days; TL1 17, TL2 3, TL4 4 without minutes: 17 + 93 + 364 = 474 minutes
            _staff(JOKO, "Joko", "PNS", tk=10, tl1=17, tl2=3, tl4=4),
            _staff(RINA, "Rina", "PPPK", tk=2),
        ],
    )
    b.report(
        "PSTW-A",
        "2026-02",
        pegawai=[
            _staff(None, "siti aminah", "Non ASN", tk=1),  # the same person by name
            _staff(JOKO, "Joko", "PNS", tk=0),
            _staff(RINA, "Rina", "PPPK", tk=2),
        ],
    )
    b.report(
        "RSBL-B",
        "2026-02",
        pegawai=[
            _staff(BUDI, "Budi", "PNS", tk=6),  # moved: his count continues
            _staff(None, "Siti Aminah", "Non ASN", tk=0),  # another Siti: no NIP, other unit
            # Non ASN, 10 TK days in one month; exact minutes given: 900 late, 0 early
            _staff(
                None, "Wawan", "Non ASN", tk=10, tl1=5, menit_terlambat=900, menit_pulang_cepat=0
            ),
        ],
    )
    return b.build()


FACTS = _facts()


def _row(rows, nama):
    return next(r for r in rows.to_dicts() if r["nama"] == nama)


def test_a_person_who_moves_keeps_one_count_across_units():
    rows = early_warning(FACTS, units=["RSBL-B"], as_of=FEB, config=CONFIG)
    budi = _row(rows, "Budi")
    # 6 in PSTW-A (January) + 6 in RSBL-B (February) = 12, not two rows of 6;
    # December 2025 (9) is another year.
    assert (budi["tk_days"], budi["units"], budi["unit_code"]) == (12, "PSTW-A, RSBL-B", "RSBL-B")
    assert (budi["reached_threshold"], budi["next_threshold"], budi["days_left"]) == (11, 14, 2.0)
    assert "pemotongan tunjangan kinerja 25% selama 6 bulan" in budi["reached_sanction"]
    # Listed for the old unit as well: he reported there this year.
    assert _row(early_warning(FACTS, units=["PSTW-A"], as_of=FEB, config=CONFIG), "Budi")


def test_lateness_converts_to_days_with_the_band_lower_bounds_as_a_minimum():
    joko = _row(early_warning(FACTS, units=["PSTW-A"], as_of=FEB, config=CONFIG), "Joko")
    # 474 minutes ÷ 450 = 1.0533 → 1.05 days; 10 TK + 1.05 = 11.05: the step at 11 is
    # reached, although TK alone (10) would have said "1 day left".
    assert (joko["late_minutes"], joko["late_days"], joko["total_days"]) == (474, 1.05, 11.05)
    assert joko["minimum_estimate"] is True
    assert (joko["reached_threshold"], joko["next_threshold"], joko["days_left"]) == (11, 14, 2.95)


def test_exact_minutes_are_used_where_filled():
    wawan = _row(early_warning(FACTS, units=["RSBL-B"], as_of=FEB, config=CONFIG), "Wawan")
    # 900 minutes (not 5 × 1 from the TL1 band) ÷ 450 = 2 days; 10 + 2 = 12
    assert (wawan["late_minutes"], wawan["late_days"], wawan["total_days"]) == (900, 2.0, 12.0)
    assert wawan["minimum_estimate"] is False


def test_minutes_per_day_is_configurable():
    config = replace(CONFIG, minutes_per_day=300)
    joko = _row(early_warning(FACTS, units=["PSTW-A"], as_of=FEB, config=config), "Joko")
    assert joko["late_days"] == 1.58  # 474 ÷ 300 = 1.58


def test_the_ladder_follows_the_employment_status():
    rina = _row(early_warning(FACTS, units=["PSTW-A"], as_of=FEB, config=CONFIG), "Rina")
    # PPPK, 4 days: the PPPK ladder's second step, in PPPK wording
    assert rina["reached_threshold"] == 4
    assert rina["reached_sanction"] == (
        "hukuman disiplin ringan: teguran tertulis (disiplin PPPK) (4 hari)"
    )
    wawan = _row(early_warning(FACTS, units=["RSBL-B"], as_of=FEB, config=CONFIG), "Wawan")
    # Non ASN, 12 days: the institution's third step (11)
    assert wawan["reached_threshold"] == 11 and wawan["next_threshold"] is None
    for row in early_warning(
        FACTS, units=["PSTW-A", "RSBL-B"], as_of=FEB, config=CONFIG
    ).to_dicts():
        if row["status"] != "PNS":
            assert "PNS" not in (row["reached_sanction"] or "") + (row["next_sanction"] or "")


def test_ten_tk_days_in_one_month_are_flagged():
    rows = early_warning(FACTS, units=["PSTW-A", "RSBL-B"], as_of=FEB, config=CONFIG)
    flagged = {r["nama"]: r["tk_month_max_period"] for r in rows.to_dicts() if r["month_flag"]}
    assert {n: (p.year, p.month) for n, p in flagged.items()} == {
        "Joko": (2026, 1),
        "Wawan": (2026, 2),
    }


def test_staff_without_nip_are_their_name_within_their_unit():
    ytd = year_to_date(FACTS, as_of=FEB, config=CONFIG)
    sitis = ytd.filter(ytd["nama"].str.to_lowercase().str.contains("siti")).sort("unit_code")
    # PSTW-A: "Siti  Aminah" and "siti aminah" are one person (1 + 1); RSBL-B's Siti another
    assert sitis.select("unit_code", "tk_days").rows() == [("PSTW-A", 2), ("RSBL-B", 0)]


def test_who_is_listed():
    rows = early_warning(FACTS, units=["PSTW-A"], as_of=FEB, config=CONFIG)
    # Siti (2 days) is one day short of the Non ASN ladder's first step (3): listed.
    assert _row(rows, "siti aminah")["next_threshold"] == 3
    january = early_warning(FACTS, units=["PSTW-A"], as_of=Month(2026, 1), config=CONFIG)
    # In January Budi had 6 and Rina 2 (one short of 3): as_of limits the months.
    assert _row(january, "Budi")["tk_days"] == 6
    assert _row(january, "Rina")["tk_days"] == 2


def test_unit_scope_is_required():
    with pytest.raises(IndicatorError, match="data pribadi"):
        early_warning(FACTS, units=[], as_of=FEB)
    with pytest.raises(TypeError):
        early_warning(FACTS, as_of=FEB)  # type: ignore[call-arg]


def test_threshold_counts_use_total_days_and_have_no_names():
    counts = tk_threshold_counts(FACTS, as_of=FEB, config=CONFIG)
    assert counts.columns == ["unit_code", "threshold", "employees"]
    a = dict(counts.filter(unit_code="PSTW-A").select("threshold", "employees").iter_rows())
    # PSTW-A (latest unit): Joko 11.05, Rina 4 (Siti 2, and Budi now counts in RSBL-B)
    assert a == {3: 2, 11: 1, 21: 0, 28: 0}
    province = tk_threshold_counts(FACTS, as_of=FEB, level="province", config=CONFIG)
    # + RSBL-B: Budi 12, Wawan 12
    assert dict(province.select("threshold", "employees").iter_rows()) == {
        3: 4,
        11: 3,
        21: 0,
        28: 0,
    }


def test_ladders_are_configured_and_checked():
    config = config_from_dict(
        {
            "early_warning": {
                "ladders": {"Non ASN": [{"days": 5, "level": "ringan", "sanction": "teguran"}]}
            }
        }
    )
    assert [s.days for s in config.ladders["Non ASN"]] == [5]
    assert [s.days for s in config.ladders["PNS"]] == [3, 4, 7, 11, 14, 17, 21, 25, 28]
    bad = [
        {"ladders": {"PPPK": [{"days": 3, "level": "ringan", "sanction": "teguran sebagai PNS"}]}},
        {"ladders": {"Honorer": [{"days": 3, "level": "ringan", "sanction": "x"}]}},
        {"ladders": {"PNS": [{"days": 4, "level": "x", "sanction": "a"}, {"days": 3}]}},
        {"minutes_per_day": 0},
        {"jam": 1},
    ]
    for raw in bad:
        with pytest.raises(IndicatorError):
            config_from_dict({"early_warning": raw})


def test_the_shipped_configuration_states_the_default_ladders():
    from upt_dashboard.indicators.config import DEFAULT_LADDERS

    assert dict(CONFIG.ladders) == dict(DEFAULT_LADDERS)
    assert (CONFIG.minutes_per_day, CONFIG.monthly_tk_flag) == (450, 10)


def test_a_row_with_neither_nip_nor_name_is_no_one_to_count():
    """Such a row (the contract requires a name; a hand-edited file may lack both) is
    not one merged "person": counted whole or for a few people, nothing breaks."""
    from upt_dashboard.indicators.early_warning import crossing_roster, crossings

    b = FactsBuilder().unit("PSTW-A")
    for month in ("2026-01", "2026-02"):
        b.report(
            "PSTW-A",
            month,
            pegawai=[_staff(None, None, "PNS", tk=12), _staff(JOKO, "Joko", "PNS", tk=2)],
        )
    facts = b.build()
    window = {"start": Month(2026, 1), "end": FEB, "config": CONFIG}
    whole = crossings(facts, **window)
    assert set(whole.roster["person"]) == {f"nip:{JOKO}"}
    assert whole.counts["flagged"].sum() == 0  # the nameless 12 TK days are no one's
    roster = crossing_roster(facts, start=Month(2026, 1), end=FEB, units=["PSTW-A"])
    people = whole.people_in(roster, ["PSTW-A"])
    updated = whole.updated(crossings(facts, **window, people=people), people)
    assert updated.counts.equals(whole.counts)


def test_a_person_in_two_reports_of_one_month_counts_in_the_later_stored_one():
    """Whatever order the rows come in (read, or spliced after an upload), the unit of a
    person's latest month is that of the report stored last."""
    import polars as pl

    from upt_dashboard.indicators.early_warning import _identified, _year_to_date, year_rows

    b = FactsBuilder().unit("PSTW-A").unit("RSBL-B", "RSBL")
    b.report("RSBL-B", "2026-01", pegawai=[_staff(BUDI, "Budi", "PNS", tk=1)])
    b.report("PSTW-A", "2026-01", pegawai=[_staff(BUDI, "Budi", "PNS", tk=2)])
    rows = _identified(year_rows(b.build(), 2026))
    later = rows.filter(pl.col("submission_id") == rows["submission_id"].max())["unit_code"]
    for order in (rows, rows.reverse()):
        ytd = _year_to_date(order, Month(2026, 1), CONFIG, None)
        assert ytd["unit_code"].to_list() == later.to_list() and ytd["tk_days"].to_list() == [3]


def _random_year(seed: int):
    """Three units, twelve months of 2026, forty people: PNS, PPPK and Non ASN, some
    without NIP, some moving, some changing status (or leaving it blank), lateness as bands
    or minutes."""
    import random

    rng = random.Random(seed)
    units = ["PSTW-A", "RSBL-B", "PSTW-C"]
    b = FactsBuilder().unit("PSTW-A").unit("RSBL-B", "RSBL").unit("PSTW-C")
    people = [
        (f"1980010120050110{i:02d}" if i % 5 else None, f"Orang {i}", rng.choice(units))
        for i in range(40)
    ]
    for month in range(1, 13):
        staff = {unit: [] for unit in units}
        for nip, nama, home in people:
            unit = rng.choice(units) if rng.random() < 0.1 and nip else home
            if rng.random() < 0.1:
                continue  # not reported this month
            exact = rng.random() < 0.3
            staff[unit].append(
                _staff(
                    nip,
                    nama,
                    rng.choice(["PNS", "PNS", "PPPK", "Non ASN", None])
                    if month % 4 == 0
                    else "PNS",
                    tk=rng.choice([0, 0, 0, 1, 2, 4, 10]),
                    tl1=rng.randint(0, 6),
                    tl2=rng.randint(0, 2),
                    tl4=rng.choice([0, 0, 1]),
                    psw3=rng.choice([0, 0, 1]),
                    menit_terlambat=rng.randint(0, 400) if exact else None,
                    menit_pulang_cepat=rng.randint(0, 90) if exact else None,
                )
            )
        for unit, rows in staff.items():
            b.report(unit, f"2026-{month:02d}", pegawai=rows)
    return b.build()


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("units", [None, ["RSBL-B"]])
def test_crossings_are_the_steps_of_the_year_to_date_totals_month_over_month(seed, units):
    """A crossing in month m: the step reached by the year-to-date total of the early
    warning list (:func:`year_to_date`) by m is higher than by m − 1, counted in the
    unit of the person's latest month, for the people who reported in ``units``."""
    import polars as pl

    from upt_dashboard.indicators.early_warning import _ladder_frame, crossings

    facts = _random_year(seed)
    ladder = _ladder_frame(CONFIG)

    def steps(as_of, of_units):
        ytd = year_to_date(facts, as_of=as_of, config=CONFIG, units=of_units)
        reached = (
            ytd.join(ladder, on="status", how="left")
            .filter(pl.col("days") <= pl.col("total_days"))
            .group_by(pl.col("nip").fill_null(pl.col("nama") + "@" + pl.col("unit_code")))
            .agg(pl.col("days").max())
        )
        frame = ytd.with_columns(
            key=pl.col("nip").fill_null(pl.col("nama") + "@" + pl.col("unit_code"))
        )
        return {
            row["key"]: (row["unit_code"], step.get(row["key"], 0))
            for step in [dict(reached.rows())]
            for row in frame.to_dicts()
        }

    expected = []
    for month in Month.range(Month(2026, 1), Month(2026, 12)):
        before = steps(month - 1, None) if month.month > 1 else {}
        for key, (unit, step) in steps(month, units).items():
            if step > before.get(key, (None, 0))[1]:
                expected.append((unit, month.first_day))
    events = crossings(facts, start=Month(2026, 1), end=Month(2026, 12), units=units, config=CONFIG)
    got = events.events.filter(pl.col("kind") == "crossed")
    assert sorted(zip(got["unit_code"], got["period"])) == sorted(expected)
    assert len(expected) > 10  # people do cross, in several months


@pytest.mark.parametrize("statuses", [("PNS", "Honorer"), ("Honorer", "PNS")])
def test_two_rows_of_one_person_in_one_report_count_as_the_list_shows_them(statuses):
    """Two staff without NIP and with the same name in one report are one person; the
    later row's status is the one the early warning list shows, and the crossing count
    follows it (4 TK days reach the PNS ladder's first step; Honorer has no ladder)."""
    import polars as pl

    from upt_dashboard.indicators.early_warning import crossings

    b = FactsBuilder().unit("PSTW-A")
    b.report(
        "PSTW-A",
        "2026-01",
        pegawai=[_staff(None, "Siti", status, tk=2) for status in statuses],
    )
    facts = b.build()
    (listed,) = year_to_date(facts, as_of=Month(2026, 1), config=CONFIG).to_dicts()
    assert listed["status"] == statuses[1] and listed["total_days"] == 4.0
    found = crossings(facts, start=Month(2026, 1), end=Month(2026, 1), config=CONFIG).events
    crossed = found.filter(pl.col("kind") == "crossed").height
    assert crossed == (1 if listed["status"] == "PNS" else 0)
