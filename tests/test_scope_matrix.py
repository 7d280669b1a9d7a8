"""The access matrix below the UI: every function that returns unit data or stored files,
called as each role, on SQLite and PostgreSQL.

For an operator of PSTW-JBG: no row of RSBL-KDR anywhere. For pimpinan and
verifikator: no NIP and no employee name anywhere (pseudonyms stand in, so counts
still work). For no account at all: nothing. Administrators: everything.
"""

from __future__ import annotations

import io
import json
import zipfile

import polars as pl
import pytest

from data_loaders.template import workbook_bytes
from tests.conftest import create_postgres_database, drop_postgres_database
from tests.workbooks import TODAY, build_workbook, valid_report_data
from upt_dashboard.access import Viewer, data_scope
from upt_dashboard.cli.early_warning import warning_rows
from upt_dashboard.exports.build import export_bytes, pack_from_db, record_export
from upt_dashboard.exports.errors import ExportError
from upt_dashboard.exports.pack import ExportScope
from upt_dashboard.indicators.engine import compute
from upt_dashboard.intake.ingest import ingest_file
from upt_dashboard.intake.templates import UnknownUnit, prefilled_template
from upt_dashboard.months import Month
from upt_dashboard.storage import review
from upt_dashboard.storage.audit import list_entries
from upt_dashboard.storage.bootstrap import init_db
from upt_dashboard.storage.db import get_engine
from upt_dashboard.storage.facts import SHEET_ATTRS, load_facts
from upt_dashboard.storage.scope import EVERYTHING
from upt_dashboard.storage.submissions import list_submissions, submission_file, submission_warnings
from upt_dashboard.storage.versions import compare_versions, current_version, stored_frames

MINE, OTHER = "PSTW-JBG", "RSBL-KDR"
VIEWERS = {
    "admin": Viewer("ani", "admin"),
    "pimpinan": Viewer("pak-kadis", "pimpinan"),
    "verifikator": Viewer("vera", "verifikator"),
    "operator": Viewer("siti", "operator", MINE),
    "anonim": None,
}
ROLES = list(VIEWERS)


def _report(unit: str, month: int, *, version: int = 1) -> bytes:
    data = valid_report_data(unit, 2026, month, staff=4)
    number = 1 if unit == MINE else 2
    for i, row in enumerate(data["Kehadiran Pegawai"]):
        row["nama"] = f"Karyawan{unit[-3:]}{i}"  # unique per unit: a leak shows
        if row["nip"]:
            row["nip"] = f"19800101200501{number}{i:03d}"
    if version == 2:
        data["Kehadiran Pegawai"][0].update(hadir=17, tk=1)
    return workbook_bytes(build_workbook(data, unit, 2026, month))


def _names_and_nips(unit: str) -> set[str]:
    number = 1 if unit == MINE else 2
    names = {f"Karyawan{unit[-3:]}{i}" for i in range(4)}
    nips = {f"19800101200501{number}{i:03d}" for i in range(4) if i % 3 != 2}  # Non ASN: none
    return names | nips


MINE_PERSONAL = _names_and_nips(MINE)
PERSONAL = MINE_PERSONAL | _names_and_nips(OTHER)


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def db(request, tmp_path_factory):
    """Two units, two months each; the second month of each stored twice."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('matrix') / 'm.db'}"
    else:
        url = create_postgres_database("matrix")
    engine = init_db(get_engine(url))
    for unit in (MINE, OTHER):
        for month, version in ((1, 1), (2, 1), (2, 2)):
            result = ingest_file(engine, _report(unit, month, version=version), f"{unit}.xlsx",
                                 "uji", today=TODAY)  # fmt: skip
            assert result.status == "accepted", result.findings
    yield engine
    engine.dispose()
    if request.param != "sqlite":
        drop_postgres_database(url)


def _strings(value) -> set[str]:
    """Every text cell of a frame (or of frames in a dict/object)."""
    if isinstance(value, pl.DataFrame):
        return {
            str(v)
            for c in value.columns
            if value[c].dtype == pl.String
            for v in value[c].drop_nulls().to_list()
        }
    if isinstance(value, dict):
        return set().union(*(_strings(v) for v in value.values())) if value else set()
    return set()


def _units(value) -> set[str]:
    if isinstance(value, pl.DataFrame):
        found = set()
        for column in ("unit_code", "code"):
            if column in value.columns:
                found |= set(value[column].drop_nulls().to_list())
        return found
    return set().union(*(_units(v) for v in value.values())) if value else set()


def _check(role: str, units: set[str], strings: set[str]) -> None:
    """The matrix's rules for one function's output as ``role``."""
    if role == "anonim":
        assert not units and not (strings & PERSONAL)
    if role == "operator":
        assert OTHER not in units
        assert not (strings & (PERSONAL - MINE_PERSONAL))
    if role in ("pimpinan", "verifikator"):
        assert not (strings & PERSONAL)


@pytest.mark.parametrize("role", ROLES)
def test_load_facts(db, role):
    facts = load_facts(db, data_scope(VIEWERS[role]))
    frames = {attr: facts.sheet(attr) for attr in SHEET_ATTRS} | {
        "units": facts.units,
        "submissions": facts.submissions,
    }
    _check(role, _units(frames), _strings(frames))
    staff = facts.kehadiran_pegawai
    if role == "admin":
        assert set(staff["nama"]) >= {"KaryawanJBG0", "KaryawanKDR0"}
    if role in ("pimpinan", "verifikator"):
        # Pseudonyms: one per person, the same in every month (counts per person still work).
        assert staff["nama"].str.starts_with("anon-").all()
        assert staff.group_by("unit_code", "nama").len()["len"].to_list() == [2] * 8
    if role == "operator":
        assert set(staff["nama"]) == {f"KaryawanJBG{i}" for i in range(4)}


@pytest.mark.parametrize("role", ROLES)
def test_unit_figures_of_the_engine(db, role):
    facts = load_facts(db, data_scope(VIEWERS[role]))
    if role == "anonim":
        assert facts.units.is_empty()
        return
    rows = compute(facts, start=Month(2026, 1), end=Month(2026, 2), grain="all", level="unit")
    _check(role, set(rows["unit_code"]), set())


@pytest.mark.parametrize("role", ROLES)
def test_submissions_files_warnings_and_versions(db, role):
    scope = data_scope(VIEWERS[role])
    everything = list_submissions(db, EVERYTHING)
    listing = list_submissions(db, scope)
    _check(role, set(listing["unit_code"]), _strings(listing))
    warnings = submission_warnings(db, scope)
    _check(role, set(warnings["unit_code"]), _strings(warnings))
    for row in everything.iter_rows(named=True):
        file = submission_file(db, row["id"], scope)
        may_have = role == "admin" or (role == "operator" and row["unit_code"] == MINE)
        assert (file is not None) == may_have, (role, row["unit_code"])
        frames = stored_frames(db, row["id"], scope)
        assert (frames is None) == (
            role == "anonim" or (role == "operator" and row["unit_code"] == OTHER)
        )
        if frames is not None:
            _check(role, set(), _strings(frames))
        stored = current_version(db, row["unit_code"], Month(row["year"], row["month"]), scope)
        assert (stored is None) == (frames is None) or not row["is_current"]
    for unit in (MINE, OTHER):
        new_id, old_id = everything.filter((pl.col("unit_code") == unit) & (pl.col("month") == 2))[
            "id"
        ].to_list()
        diff = compare_versions(db, old_id, new_id, scope)
        hidden = role == "anonim" or (role == "operator" and unit == OTHER)
        assert diff.is_empty() == hidden
        _check(role, set(), _strings(diff))
        if role == "admin":
            assert _strings(diff) & PERSONAL  # the changed employee, by NIP


@pytest.mark.parametrize("role", ROLES)
def test_prefilled_templates_hold_staff_lists_only_where_allowed(db, role):
    scope = data_scope(VIEWERS[role])
    for unit in (MINE, OTHER):
        allowed = role == "admin" or (role == "operator" and unit == MINE)
        if allowed:
            assert prefilled_template(db, unit, Month(2026, 3), scope)
        else:
            with pytest.raises(UnknownUnit):
                prefilled_template(db, unit, Month(2026, 3), scope)


@pytest.mark.parametrize("role", ROLES)
def test_the_verification_queue(db, role):
    queue = review.queue(db, data_scope(VIEWERS[role]))
    _check(role, set(queue["unit_code"]), _strings(queue))


@pytest.mark.parametrize("role", [r for r in ROLES if r != "anonim"])
def test_exports_with_personal_data_asked_for(db, role):
    viewer = VIEWERS[role]
    scope = ExportScope(Month(2026, 1), Month(2026, 2), include_personal_data=True)
    pack = pack_from_db(db, scope, viewer=viewer)
    unit_frames = {
        "by_unit": pack.by_unit.filter(~pl.col("unit_code").is_in(["PROVINSI", "CAKUPAN"])),
        "units": pack.units,
        "reports": pack.reports,
        "complaints": pack.complaints,
        "tk_counts": pack.tk_counts,
        "ikm_elements_by_unit": pack.ikm_elements_by_unit,
        "employees": pack.employees if pack.employees is not None else pl.DataFrame(),
        "early_warning": pack.early_warning if pack.early_warning is not None else pl.DataFrame(),
    }
    _check(role, _units(unit_frames), _strings(unit_frames))
    # The meeting pack's attention list and opening paragraph (issue 11b): the same rules.
    attention = {a.unit_code for a in pack.attention}
    words = {pack.summary_text} | {r.text for a in pack.attention for r in a.reasons}
    _check(role, attention, {w for text in words for w in PERSONAL if w in text})
    if role == "operator":
        assert OTHER not in pack.summary_text and "Karyawan" not in pack.summary_text
    workbook = export_bytes(pack, "xlsx")
    with zipfile.ZipFile(io.BytesIO(workbook)) as z:
        xml = " ".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xml"))
    leaked = {v for v in PERSONAL if v in xml}
    _check(role, {u for u in (MINE, OTHER) if f">{u}<" in xml}, leaked)
    if role in ("admin", "operator"):
        assert leaked  # the rows asked for are there, where allowed
    record_export(db, viewer, pack, "xlsx")  # the export's period span fits its column
    row = list_entries(db, action="export").tail(1).row(0, named=True)
    assert (row["username"], row["period"]) == (viewer.name, "2026-01..2026-02")
    assert json.loads(row["details"])["personal_data"] == bool(leaked)
    if role == "operator":
        assert pack.scope.units == (MINE,)
        with pytest.raises(ExportError):
            pack_from_db(db, ExportScope(Month(2026, 1), Month(2026, 2), units=(OTHER,)),
                         viewer=viewer)  # fmt: skip


@pytest.mark.parametrize("role", [r for r in ROLES if r != "anonim"])
def test_the_early_warning_list(db, role):
    viewer = VIEWERS[role]
    facts = load_facts(db, data_scope(viewer))
    if role in ("pimpinan", "verifikator"):
        from upt_dashboard.indicators.errors import IndicatorError

        with pytest.raises(IndicatorError):
            warning_rows(facts, Month(2026, 2), viewer=viewer)
        return
    rows = warning_rows(facts, Month(2026, 2), viewer=viewer)
    _check(role, set(), _strings(rows))


@pytest.mark.parametrize("role", ROLES)
def test_uploads_only_for_the_units_the_account_may(db, role, tmp_path):
    viewer = VIEWERS[role]
    for unit in (MINE, OTHER):
        raw = _report(unit, 3)
        result = ingest_file(db, raw, f"{unit}.xlsx", "uji", today=TODAY, viewer=viewer)
        allowed = role == "admin" or (role == "operator" and unit == MINE)
        if role == "anonim":
            allowed = True  # no account: the CLI and the sample loader (trusted callers)
        assert (result.status == "accepted") == allowed, (role, unit, result.message)
        if not allowed:
            assert result.findings[0].rule == "unit_bukan_wewenang"
            assert f"UPT {unit}" in result.findings[0].message
    # leave the database as the other tests expect it
    from sqlalchemy import delete, select

    from upt_dashboard.storage.db import fact_tables, submissions

    with db.begin() as conn:
        march = select(submissions.c.id).where(submissions.c.month == 3)
        for table in fact_tables.values():
            conn.execute(delete(table).where(table.c.submission_id.in_(march)))
        conn.execute(delete(submissions).where(submissions.c.month == 3))


@pytest.mark.parametrize(
    "value",
    ["198501012010011001", "  Siti  Aminah ", "İLHAM ΣΟΦΙΑΣ", "Nama\tdengan\nspasi", "x" * 300],
)
def test_a_pseudonym_is_hmac_sha256_of_the_normalised_value(value):
    """The stand-in is HMAC-SHA256 under the process's key (its keyed states are made
    once, for speed): the same as the standard library's, case and spacing ignored."""
    import hmac

    from upt_dashboard.storage import scope

    normalised = " ".join(value.lower().split())
    digest = hmac.digest(scope._PSEUDONYM_KEY, normalised.encode(), "sha256")
    assert scope.pseudonym(value) == "anon-" + digest.hex()[:10]
    assert scope.pseudonym(value.upper() + "  ") == scope.pseudonym(value.lower())


def test_no_value_has_no_pseudonym():
    from upt_dashboard.storage.scope import pseudonym

    assert pseudonym(None) is None and pseudonym("  ") == "  "
