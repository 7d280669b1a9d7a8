"""Verification of stored reports: diunggah → diverifikasi | dikembalikan, a new version
back to diunggah, who may review what, and dashboards on verified data only."""

from __future__ import annotations

import pytest

from data_loaders.template import workbook_bytes
from tests.workbooks import TODAY, build_workbook, valid_report_data
from upt_dashboard.access import Viewer, data_scope
from upt_dashboard.intake.ingest import ingest_file
from upt_dashboard.storage.audit import Actor, list_entries
from upt_dashboard.storage.facts import load_facts
from upt_dashboard.storage.review import RETURNED, VERIFIED, ReviewRefused, queue, review
from upt_dashboard.storage.scope import EVERYTHING, DataScope
from upt_dashboard.storage.submissions import list_submissions

VERA = Actor("vera")


def _store(engine, unit="PSTW-JBG", month=3, tk=0) -> int:
    data = valid_report_data(unit, 2026, month)
    data["Kehadiran Pegawai"][0].update(hadir=18 - tk, tk=tk)
    raw = workbook_bytes(build_workbook(data, unit, 2026, month))
    assert ingest_file(engine, raw, "x.xlsx", "operator", today=TODAY).status == "accepted"
    return int(list_submissions(engine, EVERYTHING, unit=unit)["id"][0])


def _state(engine, submission_id) -> tuple:
    row = list_submissions(engine, EVERYTHING).filter(id=submission_id).row(0, named=True)
    return row["review_state"], row["reviewed_by"], row["review_comment"]


def test_a_stored_report_waits_then_is_verified(engine):
    first = _store(engine, month=2)
    second = _store(engine, month=3)
    assert queue(engine, EVERYTHING)["id"].to_list() == [first, second]  # oldest first
    assert _state(engine, first) == ("diunggah", None, None)
    review(engine, first, VERIFIED, VERA, EVERYTHING)
    assert _state(engine, first) == ("diverifikasi", "vera", None)
    assert queue(engine, EVERYTHING)["id"].to_list() == [second]
    row = list_entries(engine, action="review.verified").row(0, named=True)
    assert (row["username"], row["unit_code"], row["period"]) == ("vera", "PSTW-JBG", "2026-02")


def test_a_return_needs_a_comment_the_operator_will_read(engine):
    sid = _store(engine)
    with pytest.raises(ReviewRefused) as refused:
        review(engine, sid, RETURNED, VERA, EVERYTHING, comment="  ")
    assert refused.value.key == "review.error.comment_required"
    review(engine, sid, RETURNED, VERA, EVERYTHING, comment="TK pegawai 1 tidak sesuai absensi")
    assert _state(engine, sid) == ("dikembalikan", "vera", "TK pegawai 1 tidak sesuai absensi")
    assert list_entries(engine, action="review.returned")["details"][0].count("absensi") == 1


def test_a_new_version_of_a_verified_month_goes_back_to_diunggah(engine):
    old = _store(engine)
    review(engine, old, VERIFIED, VERA, EVERYTHING)
    new = _store(engine, tk=1)
    assert _state(engine, new)[0] == "diunggah"
    assert queue(engine, EVERYTHING)["id"].to_list() == [new]
    with pytest.raises(ReviewRefused) as refused:  # the superseded one cannot be reviewed
        review(engine, old, RETURNED, VERA, EVERYTHING, comment="x")
    assert refused.value.key == "review.error.superseded"


def test_outside_the_scope_there_is_nothing_to_review(engine):
    sid = _store(engine, unit="RSBL-KDR")
    operator = data_scope(Viewer("siti", "operator", "PSTW-JBG"))
    assert queue(engine, operator).is_empty()
    with pytest.raises(ReviewRefused) as refused:
        review(engine, sid, VERIFIED, Actor("siti"), operator)
    assert refused.value.key == "review.error.not_found"
    with pytest.raises(ReviewRefused):
        review(engine, sid, "disetujui", VERA, EVERYTHING)
    assert _state(engine, sid)[0] == "diunggah"


def test_verified_only_leaves_out_what_awaits_verification(engine):
    verified = _store(engine, month=2)
    _store(engine, month=3)
    review(engine, verified, VERIFIED, VERA, EVERYTHING)
    everything = load_facts(engine, EVERYTHING)
    only = load_facts(engine, DataScope(verified_only=True))
    assert sorted(everything.penerima_manfaat["period"].dt.month()) == [2, 3]
    assert only.penerima_manfaat["period"].dt.month().to_list() == [2]
    assert only.submissions.height == everything.submissions.height  # timeliness: all uploads


def test_the_report_calendar_marks_unverified_reports(engine):
    from datetime import date

    from upt_dashboard.months import Month
    from upt_dashboard.views import charts
    from upt_dashboard.views.completeness import report_calendar, with_review

    verified = _store(engine, month=2)
    _store(engine, month=3)
    review(engine, verified, VERIFIED, VERA, EVERYTHING)
    facts = load_facts(engine, EVERYTHING)
    months = [Month(2026, 2), Month(2026, 3)]
    calendar = with_review(
        report_calendar(facts.submissions, ["PSTW-JBG"], months, today=date(2026, 5, 1)),
        list_submissions(engine, EVERYTHING),
    )
    assert calendar.sort("period")["unverified"].to_list() == [False, True]
    fig = charts.grid_figure(
        calendar.with_columns(label=calendar["unit_code"]),
        charts.Labels("t", "s", "x", "y"),
        row="label",
        column="period",
        state="state",
        colours={"on_time": "#000", "late": "#111", "missing": "#222", "not_due": "#333"},
        names={"on_time": "a", "late": "b", "missing": "c", "not_due": "d"},
        column_text={m.first_day: str(m) for m in months},
        marked="unverified",
        marked_name="belum diverifikasi",
    )
    ring = next(trace for trace in fig.data if trace.name == "belum diverifikasi")
    assert list(ring.x) == ["2026-03"]


def test_the_exports_source_line_says_what_is_not_verified(engine):
    from upt_dashboard.access import CLI_OPERATOR
    from upt_dashboard.exports.build import pack_from_db
    from upt_dashboard.exports.pack import ExportScope
    from upt_dashboard.months import Month

    verified = _store(engine, month=2)
    _store(engine, month=3)
    review(engine, verified, VERIFIED, VERA, EVERYTHING)
    scope = ExportScope(Month(2026, 2), Month(2026, 3))
    pack = pack_from_db(engine, scope, viewer=CLI_OPERATOR)
    assert pack.source().endswith("; 1 laporan belum diverifikasi")
    only = pack_from_db(engine, scope, viewer=CLI_OPERATOR, verified_only=True)
    assert only.source().endswith("; hanya laporan terverifikasi")
    assert only.row(only.summary, "kehadiran")["value"] is not None
    # Chart images carry it in their caption, in the interface language.
    from upt_dashboard.exports.figures import pack_figures
    from upt_dashboard.views.i18n import speaking

    with speaking("en"):
        captions = {name: fig.to_json() for name, fig in pack_figures(pack).items()}
    assert captions and all("1 report not verified yet" in c for c in captions.values())
