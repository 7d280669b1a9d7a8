"""The audit log: rows chained by SHA-256, written with the action they record, refused
edits, and ``cli.py audit verify`` finding an edited, deleted or inserted row."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import text, update

from data_loaders.template import workbook_bytes
from tests.workbooks import TODAY, build_workbook, valid_report_data
from upt_dashboard import paths
from upt_dashboard.intake.ingest import ingest_file
from upt_dashboard.storage import audit
from upt_dashboard.storage.audit import Actor, list_entries, record_alone, verify
from upt_dashboard.storage.db import audit_log

ACTOR = Actor("siti", "10.1.2.3")


def _fill(engine, n: int = 5) -> None:
    for i in range(n):
        record_alone(engine, ACTOR, "export", unit="PSTW-JBG", period="2026-10", details={"i": i})


def _cli(engine, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "cli.py", "audit", *args, "--db", engine.url.render_as_string(False)],
        cwd=paths.ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _without_guard(engine, statement) -> None:
    """Run ``statement`` the way someone with the database owner's rights could."""
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))
            conn.execute(statement)
            conn.execute(text("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only"))
        else:
            conn.execute(text("DROP TRIGGER audit_log_no_update"))
            conn.execute(text("DROP TRIGGER audit_log_no_delete"))
            conn.execute(statement)


def test_rows_are_numbered_and_chained(engine):
    _fill(engine)
    rows = list_entries(engine)
    assert rows["id"].to_list() == [1, 2, 3, 4, 5]
    assert rows["client"].to_list() == ["10.1.2.3"] * 5
    problems, count, head = verify(engine)
    assert (problems, count) == ([], 5) and len(head) == 64
    result = _cli(engine, "verify")
    assert result.returncode == 0 and head in result.stdout


def test_the_database_refuses_to_edit_or_delete_a_row(engine):
    from sqlalchemy.exc import DBAPIError

    _fill(engine, 2)
    for statement in (update(audit_log).values(username="orang lain"), audit_log.delete()):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(statement)
    assert verify(engine)[0] == []


def test_an_edited_row_is_found(engine):
    _fill(engine)
    _without_guard(engine, update(audit_log).where(audit_log.c.id == 3).values(details='{"i": 9}'))
    problems, _, _ = verify(engine)
    assert [p.row_id for p in problems] == [3]
    result = _cli(engine, "verify")
    assert result.returncode == 1 and "baris 3" in result.stderr


def test_an_edited_row_with_its_hash_recomputed_breaks_the_next_link(engine):
    _fill(engine)
    rows = {r["id"]: r for r in _raw(engine)}
    forged = {**rows[3], "username": "orang lain"}
    _without_guard(
        engine,
        update(audit_log)
        .where(audit_log.c.id == 3)
        .values(username="orang lain", row_hash=audit.row_hash(forged)),
    )
    assert [p.row_id for p in verify(engine)[0]] == [4]


def test_a_deleted_row_is_found(engine):
    _fill(engine)
    _without_guard(engine, audit_log.delete().where(audit_log.c.id == 2))
    problems, count, _ = verify(engine)
    assert count == 4 and {p.row_id for p in problems} == {3}
    assert any("hilang" in p.reason for p in problems)
    assert _cli(engine, "verify").returncode == 1


def _raw(engine) -> list[dict]:
    from sqlalchemy import select

    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(audit_log)).mappings()]


def test_an_upload_and_its_audit_row_commit_together(engine):
    data = valid_report_data("PSTW-JBG", 2026, 3)
    raw = workbook_bytes(build_workbook(data, "PSTW-JBG", 2026, 3))
    assert ingest_file(engine, raw, "a.xlsx", "siti", today=TODAY).status == "accepted"
    assert ingest_file(engine, raw, "a.xlsx", "siti", today=TODAY).status == "unchanged"
    data["Kehadiran Pegawai"][0]["hadir"] = 5
    bad = workbook_bytes(build_workbook(data, "PSTW-JBG", 2026, 3))
    assert ingest_file(engine, bad, "b.xlsx", "siti", today=TODAY).status == "refused"
    rows = list_entries(engine)
    assert rows["action"].to_list() == ["upload.accepted", "upload.unchanged", "upload.refused"]
    assert set(rows["unit_code"]) == {"PSTW-JBG"} and set(rows["period"]) == {"2026-03"}
    assert rows["object"][0].startswith("submission:")


def test_a_failed_upload_leaves_no_audit_row(engine, monkeypatch):
    """The row is in the upload's transaction: an upload that rolls back takes it along."""
    from upt_dashboard.storage import submissions

    def broken(*args, **kwargs):
        raise RuntimeError("disk penuh di tengah jalan")

    monkeypatch.setattr(submissions, "_insert_facts", broken)
    raw = workbook_bytes(
        build_workbook(valid_report_data("PSTW-JBG", 2026, 3), "PSTW-JBG", 2026, 3)
    )
    with pytest.raises(RuntimeError):
        submissions.store_report(
            engine, _checked(engine, raw), raw, "a.xlsx", "siti", datetime.now(UTC)
        )
    assert list_entries(engine).is_empty()
    from upt_dashboard.storage.scope import EVERYTHING

    assert submissions.list_submissions(engine, EVERYTHING).is_empty()


def _checked(engine, raw):
    from upt_dashboard.intake.ingest import check_file

    return check_file(engine, raw, "a.xlsx", today=TODAY)


def test_writers_at_once_keep_one_chain(engine):
    """Eight threads appending at the same time: no fork, no gap, no duplicate number."""
    errors = []

    def write(n):
        try:
            for i in range(5):
                record_alone(engine, Actor(f"t{n}"), "export", details={"i": i})
        except Exception as exc:  # pragma: no cover - shown in the assertion
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    problems, count, _ = verify(engine)
    assert (problems, count) == ([], 40)


def test_list_filters_and_csv(engine):
    record_alone(
        engine, Actor("ani"), "signin.success", at=datetime(2026, 11, 1, 18, 0, tzinfo=UTC)
    )
    record_alone(engine, Actor("budi"), "export", unit="PSTW-JBG", details={"format": "xlsx"},
                 at=datetime(2026, 11, 2, 3, 0, tzinfo=UTC))  # fmt: skip
    # 18:00 UTC on 1 November is 01:00 WIB on 2 November: days are read in WIB.
    from datetime import date

    assert list_entries(engine, since=date(2026, 11, 2))["username"].to_list() == ["ani", "budi"]
    assert list_entries(engine, until=date(2026, 11, 1)).is_empty()
    assert list_entries(engine, username="budi", action="export", unit="PSTW-JBG").height == 1
    result = _cli(engine, "list", "--since", "2026-11-02", "--format", "csv")
    lines = result.stdout.splitlines()
    assert lines[0] == "time,username,action,unit_code,period,details"
    assert lines[1].startswith("2026-11-01T18:00:00.000000Z,ani,signin.success")
    assert "budi,export,PSTW-JBG" in lines[2]


def test_an_unknown_action_is_a_bug(engine):
    with pytest.raises(ValueError, match="unknown audit action"):
        record_alone(engine, ACTOR, "sesuatu")


def test_a_configuration_change_is_recorded_once(engine):
    from upt_dashboard.storage.audit import SYSTEM, note_configuration

    assert note_configuration(engine, SYSTEM, "indicators.toml", b"target = 90")
    assert not note_configuration(engine, SYSTEM, "indicators.toml", b"target = 90")
    assert note_configuration(engine, SYSTEM, "roles.toml", b"[admin]")
    assert note_configuration(engine, SYSTEM, "indicators.toml", b"target = 95")
    rows = list_entries(engine, action="config.changed")
    assert rows["object"].to_list() == ["indicators.toml", "roles.toml", "indicators.toml"]


def test_the_app_records_an_edited_configuration_file(tmp_path, monkeypatch):
    """Targets and roles are edited as files: the app records each new content once."""
    import os

    from tests.conftest import open_app_page
    from upt_dashboard.storage.bootstrap import init_db
    from upt_dashboard.storage.db import get_engine

    config = tmp_path / "indicators.toml"
    config.write_bytes(paths.INDICATOR_CONFIG.read_bytes())
    monkeypatch.setenv("DASHBOARD_INDICATOR_CONFIG", str(config))
    url = f"sqlite:///{tmp_path / 'app.db'}"
    at = open_app_page(url, "pages/definisi_indikator.py", monkeypatch)
    at.run()  # a rerun of the same files records nothing new

    config.write_bytes(config.read_bytes() + b"\n# target dinaikkan rapat 2026-11\n")
    later = config.stat().st_mtime + 10
    os.utime(config, (later, later))
    at.run()
    assert not at.exception

    engine = init_db(get_engine(url))
    rows = list_entries(engine, action="config.changed")
    engine.dispose()
    assert sorted(rows["object"].to_list()) == ["indicators.toml", "indicators.toml", "roles.toml"]
    assert set(rows["username"]) == {"sistem"}
