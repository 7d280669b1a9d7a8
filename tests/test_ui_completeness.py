"""The report calendar and the units still owing (ui/completeness.py)."""

from datetime import date

from facts_builder import FactsBuilder

from upt_dashboard.months import Month
from upt_dashboard.views.completeness import owing, report_calendar, state_counts

SEP, OCT, NOV = Month(2026, 9), Month(2026, 10), Month(2026, 11)
TODAY = date(2026, 11, 28)


def calendar():
    b = FactsBuilder().unit("A").unit("B").unit("C")
    b.report("A", "2026-09")  # default upload: the 5th of the next month
    b.report("A", "2026-10", uploaded_at="2026-11-12 02:00")  # after the 10th: late
    b.report("A", "2026-10", version=2, uploaded_at="2026-11-20 02:00")
    b.report("A", "2026-11", uploaded_at="2026-11-27 02:00")  # early, not yet due
    b.report("B", "2026-09", uploaded_at="2026-10-10 16:00")  # 23:00 WIB on the 10th: on time
    b.report("C", "2026-10", uploaded_at="2026-11-10 17:30")  # 00:30 WIB on the 11th: late
    facts = b.build()
    return report_calendar(facts.submissions, ["A", "B", "C"], [SEP, OCT, NOV], today=TODAY)


def test_every_unit_month_gets_a_state():
    states = {
        (r["unit_code"], Month.of(r["period"])): r["state"]
        for r in calendar().iter_rows(named=True)
    }
    assert states == {
        ("A", SEP): "on_time",
        ("A", OCT): "late",
        ("A", NOV): "on_time",
        ("B", SEP): "on_time",
        ("B", OCT): "missing",
        ("B", NOV): "not_due",
        ("C", SEP): "missing",
        ("C", OCT): "late",
        ("C", NOV): "not_due",
    }
    assert calendar().filter(period=OCT.first_day)["deadline"].to_list() == [date(2026, 11, 10)] * 3


def test_owing_lists_missing_reports_of_the_month_with_days_overdue():
    owed = owing(calendar(), OCT, TODAY)
    assert owed.select("unit_code", "days_overdue").rows() == [("B", 18)]
    assert owing(calendar(), NOV, TODAY).is_empty()  # not due yet: nobody owes it


def test_state_counts_include_zeros():
    assert state_counts(calendar()) == {"on_time": 3, "late": 2, "missing": 2, "not_due": 2}
    assert state_counts(calendar().clear()) == {"on_time": 0, "late": 0, "missing": 0, "not_due": 0}
