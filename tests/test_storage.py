"""Storage on SQLite and PostgreSQL: versions, unchanged re-uploads, atomicity,
scoping, version comparison and the facts the indicator engine reads."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

import upt_dashboard.storage.submissions as submissions_module
from data_loaders.template import workbook_bytes
from tests.workbooks import TODAY, build_workbook, valid_report_data
from upt_dashboard.intake.ingest import REFUSED, ingest_file
from upt_dashboard.months import Month
from upt_dashboard.storage.db import fact_tables, submissions
from upt_dashboard.storage.facts import load_facts
from upt_dashboard.storage.scope import EVERYTHING, DataScope
from upt_dashboard.storage.submissions import (
    ACCEPTED,
    UNCHANGED,
    NotStorable,
    list_submissions,
    store_report,
    submission_file,
)
from upt_dashboard.storage.versions import compare_versions

NO_PERSONAL = DataScope(personal_units=frozenset())

UNIT = "PSTW-JBG"


def _bytes(change=None, unit=UNIT, year=2026, month=3) -> bytes:
    data = valid_report_data(unit, year, month)
    if change:
        change(data)
    return workbook_bytes(build_workbook(data, unit, year, month))


def _ingest(engine, data: bytes, name: str = "laporan.xlsx", **kw):
    return ingest_file(engine, data, name, "tester", today=TODAY, **kw)


def _row_counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        counts = {
            "submissions": conn.execute(select(func.count()).select_from(submissions)).scalar()
        }
        for name, table in fact_tables.items():
            counts[name] = conn.execute(select(func.count()).select_from(table)).scalar()
    return counts


def test_accepted_report_is_version_one_with_all_its_facts(engine):
    result = _ingest(engine, _bytes())
    assert (result.status, result.version) == (ACCEPTED, 1)
    counts = _row_counts(engine)
    assert counts["submissions"] == 1
    assert counts["Kehadiran Pegawai"] == 4 and counts["Survei Kepuasan"] == 6
    assert counts["Pengaduan"] == 3 and counts["Layanan"] == 2
    assert counts["Identitas"] == counts["Penerima Manfaat"] == counts["Integritas"] == 1


def test_byte_identical_reupload_changes_nothing(engine):
    data = _bytes()
    _ingest(engine, data)
    before = _row_counts(engine)
    again = _ingest(engine, data, "salinan.xlsx")
    assert (again.status, again.version) == (UNCHANGED, 1)
    assert "tidak berubah" in again.message
    assert _row_counts(engine) == before


def test_changed_reupload_becomes_current_and_keeps_the_earlier_version(engine):
    first = _bytes()
    _ingest(engine, first, "v1.xlsx")
    second = _bytes(lambda d: d["Integritas"].update(unggahan_informasi_layanan=30))
    result = _ingest(engine, second, "v2.xlsx")
    assert (result.status, result.version) == (ACCEPTED, 2)

    listing = list_submissions(engine, EVERYTHING, unit=UNIT, period=Month(2026, 3))
    assert listing["version"].to_list() == [2, 1]
    assert listing["is_current"].to_list() == [True, False]
    # the original bytes of both versions are kept
    old_id = listing.filter(listing["version"] == 1)["id"][0]
    assert submission_file(engine, old_id, EVERYTHING) == ("v1.xlsx", first)

    facts = load_facts(engine, EVERYTHING)
    assert facts.integritas["unggahan_informasi_layanan"].to_list() == [30]
    assert facts.submissions.height == 2


def test_version_comparison_lists_the_changed_value(engine):
    _ingest(engine, _bytes())
    _ingest(engine, _bytes(lambda d: d["Integritas"].update(unggahan_informasi_layanan=30)))
    listing = list_submissions(engine, EVERYTHING, unit=UNIT)
    new_id, old_id = listing["id"].to_list()
    diff = compare_versions(engine, old_id, new_id, NO_PERSONAL)
    assert diff.rows() == [("Integritas", "", "Unggahan Informasi Layanan", "12", "30", "berubah")]


def test_version_comparison_hides_employees_unless_allowed(engine):
    _ingest(engine, _bytes())
    _ingest(engine, _bytes(lambda d: d["Kehadiran Pegawai"][0].update(hadir=17, tk=1)))
    new_id, old_id = list_submissions(engine, EVERYTHING, unit=UNIT)["id"].to_list()
    aggregate = compare_versions(engine, old_id, new_id, NO_PERSONAL)
    assert set(aggregate["row"]) == {"semua pegawai"}
    assert set(aggregate["field"]) == {"Hadir", "TK"}
    personal = compare_versions(engine, old_id, new_id, EVERYTHING)
    assert set(personal["row"]) == {"198001012005011000"}


def test_refused_file_stores_nothing(engine):
    bad = _bytes(lambda d: d["Penerima Manfaat"].update(pm_akhir_bulan=999))
    result = _ingest(engine, bad)
    assert result.status == REFUSED
    assert any(f.location == "Penerima Manfaat!B9" for f in result.findings)
    assert sum(_row_counts(engine).values()) == 0


def test_a_failure_halfway_leaves_no_trace(engine, monkeypatch):
    real_insert = submissions_module._insert_facts

    def insert_some_then_fail(conn, submission_id, frames):
        real_insert(
            conn,
            submission_id,
            {k: v for k, v in list(frames.items())[:3]}
            | {k: v.clear() for k, v in list(frames.items())[3:]},
        )
        raise RuntimeError("disk full")

    _ingest(engine, _bytes())
    before = _row_counts(engine)
    monkeypatch.setattr(submissions_module, "_insert_facts", insert_some_then_fail)
    with pytest.raises(RuntimeError):
        _ingest(engine, _bytes(lambda d: d["Integritas"].update(unggahan_informasi_layanan=1)))
    assert _row_counts(engine) == before
    assert list_submissions(engine, EVERYTHING, unit=UNIT)["is_current"].to_list() == [True]


def test_store_report_refuses_a_report_with_errors(engine):
    from upt_dashboard.intake.ingest import check_file

    report = check_file(engine, b"not a workbook", "x.xlsx", today=TODAY)
    with pytest.raises(NotStorable):
        store_report(engine, report, b"not a workbook", "x.xlsx", "tester")


def test_listing_is_scoped_to_units(engine):
    _ingest(engine, _bytes())
    _ingest(engine, _bytes(unit="RSBL-KDR"))
    assert list_submissions(engine, EVERYTHING, unit="RSBL-KDR")["unit_code"].to_list() == [
        "RSBL-KDR"
    ]
    assert list_submissions(engine, EVERYTHING, unit=[UNIT, "RSBL-KDR"]).height == 2
    assert load_facts(engine, EVERYTHING, units=["RSBL-KDR"]).penerima_manfaat[
        "unit_code"
    ].to_list() == ["RSBL-KDR"]


def test_previous_month_residents_are_checked_against_storage(engine):
    _ingest(engine, _bytes(month=2))  # PM Akhir Bulan 121
    march = _ingest(
        engine,
        _bytes(
            lambda d: d["Penerima Manfaat"].update(
                pm_awal_bulan=119,
                pm_akhir_bulan=120,
                pm_perempuan_akhir_bulan=60,
                pm_terpenuhi_kebutuhan_dasar=124,
            )
        ),
    )
    assert march.status == ACCEPTED
    assert [f.location for f in march.findings if not f.is_error] == ["Penerima Manfaat!B3"]


def test_facts_keep_types_and_upload_time_on_both_backends(engine):
    moment = datetime(2026, 4, 9, 3, 15, tzinfo=UTC)
    _ingest(engine, _bytes(), uploaded_at=moment)
    facts = load_facts(engine, EVERYTHING, start=Month(2026, 3), end=Month(2026, 3))
    assert facts.submissions["uploaded_at"].to_list() == [moment]
    assert facts.pengaduan["tanggal_masuk"].to_list() == [
        date(2026, 3, 1),
        date(2026, 3, 2),
        date(2026, 3, 3),
    ]
    assert facts.penerima_manfaat["period"].to_list() == [date(2026, 3, 1)]
    assert facts.kehadiran_pegawai["nip"][0] == "198001012005011000"
    assert load_facts(engine, EVERYTHING, start=Month(2026, 4)).penerima_manfaat.is_empty()
