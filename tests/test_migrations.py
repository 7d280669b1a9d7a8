"""Schema migrations (Alembic): creation once under a lock, upgrades that keep every row,
and clear refusals for databases older or newer than the code.

Adding a migration (see docs/DESIGN.md, "Schema migrations"): change
``storage/db.py``, run ``python cli.py db revision -m "what and why"``, write
``upgrade()`` (and ``downgrade()``) in the new file, then run this module:
``test_migrations_build_exactly_the_tables_of_db_py`` fails until the
migration creates what db.py declares, and
``test_upgrade_from_the_schema_before_migrations_keeps_every_row`` upgrades
a database filled under the pre-migration schema and compares every row.
If your migration fills a new column, add what it should hold to
``EXPECTED_NEW_VALUES`` below.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData, select, text

from data_loaders.template import workbook_bytes
from tests.workbooks import TODAY, build_workbook, valid_report_data
from upt_dashboard import paths
from upt_dashboard.indicators.config import load_config
from upt_dashboard.indicators.sums import parts_definition
from upt_dashboard.intake.ingest import ingest_file
from upt_dashboard.storage import schema
from upt_dashboard.storage.bootstrap import SchemaMismatch, init_db
from upt_dashboard.storage.db import get_engine, metadata, submissions, unit_month_parts

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]

# table -> column -> value every upgraded row must hold (new columns added by migrations).
EXPECTED_NEW_VALUES: dict[str, dict[str, object]] = {
    # 0002: minutes are not measured in version-1 reports, which is not 0 minutes.
    "fact_kehadiran_pegawai": {"menit_terlambat": None, "menit_pulang_cepat": None},
    # 0003: every report stored before verification existed waits to be verified.
    "submissions": {
        "review_state": "diunggah",
        "reviewed_by": None,
        "reviewed_at": None,
        "review_comment": None,
    },
}


def legacy_database(url: str):
    """A database exactly as the code before migrations created it: tables, no stamp.

    The baseline revision was generated from that code's tables, so its
    upgrade without the stamp is that schema.
    """
    engine = get_engine(url)
    with engine.begin() as conn:
        command.upgrade(schema.config(conn), schema.BASELINE)
        conn.execute(text("DROP TABLE alembic_version"))
    from upt_dashboard.storage.registry import load_registry_if_empty

    load_registry_if_empty(engine)
    return engine


def fill(engine) -> None:
    """Reports of two units over three months, one unit-month uploaded twice.

    Today's code writes today's columns, so the reports are stored in a
    current database first and copied into ``engine`` with the columns its
    older schema has: the rows a database of that release would hold.
    """
    current = init_db(get_engine("sqlite://"))
    for unit in ("PSTW-JBG", "RSBL-KDR"):
        for month in (1, 2, 3):
            data = valid_report_data(unit, 2026, month)
            raw = workbook_bytes(build_workbook(data, unit, 2026, month))
            assert ingest_file(current, raw, f"{unit}_{month}.xlsx", "uji", today=TODAY).version
    data = valid_report_data("PSTW-JBG", 2026, 3)
    data["Identitas"]["nama_kepala_upt"] = "Kepala Baru"
    raw = workbook_bytes(build_workbook(data, "PSTW-JBG", 2026, 3))
    assert ingest_file(current, raw, "revisi.xlsx", "uji", today=TODAY).version == 2
    old = MetaData()
    old.reflect(engine)
    with current.connect() as source, engine.begin() as target:
        for table in old.sorted_tables:
            if table.name in ("alembic_version", "units", "unit_types"):
                continue  # the registry is loaded already
            typed = metadata.tables[table.name]  # today's table: values come back typed
            columns = [typed.c[c.name] for c in table.columns]
            records = [dict(row) for row in source.execute(select(*columns)).mappings()]
            if records:
                target.execute(table.insert(), records)
    current.dispose()


def every_row(engine) -> dict[str, list[tuple]]:
    """Every row of every table (sorted), by table; columns in name order."""
    tables = MetaData()
    tables.reflect(engine)
    rows = {}
    with engine.connect() as conn:
        for table in tables.sorted_tables:
            if table.name == "alembic_version":
                continue
            columns = sorted(table.columns, key=lambda c: c.name)
            rows[table.name] = sorted(
                (tuple(row) for row in conn.execute(select(*columns))), key=repr
            )
    return rows


@pytest.mark.parametrize("backend", BACKENDS)
def test_migrations_build_exactly_the_tables_of_db_py(backend, fresh_url):
    engine = init_db(get_engine(fresh_url(backend, "migrated")))
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
    assert differences == [], "storage/db.py changed without a migration (cli.py db revision)"
    assert schema.state(engine) == (schema.State.CURRENT, schema.head())


@pytest.mark.parametrize("backend", BACKENDS)
def test_upgrade_from_the_schema_before_migrations_keeps_every_row(backend, fresh_url):
    engine = legacy_database(fresh_url(backend, "legacy"))
    fill(engine)
    before = every_row(engine)
    assert schema.state(engine)[0] is schema.State.LEGACY
    with pytest.raises(SchemaMismatch, match=re.escape("python cli.py db upgrade")):
        init_db(engine)

    result = subprocess.run(
        [
            sys.executable,
            "cli.py",
            "db",
            "upgrade",
            "--db",
            str(engine.url.render_as_string(False)),
        ],
        cwd=paths.ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert f"→ {schema.head()}" in result.stdout or "sudah terbaru" in result.stdout

    after = every_row(engine)
    assert set(after) >= set(before)
    for table, rows in before.items():
        assert len(after[table]) == len(rows), table
    assert_common_columns_equal(engine, before)
    assert init_db(engine) is engine  # the app starts on it now
    assert sum(len(rows) for rows in before.values()) > 100
    # Reports stored before their sums were: the upgrade summed them.
    with engine.connect() as conn:
        current = set(conn.scalars(select(submissions.c.id).where(submissions.c.is_current)))
        stored = dict(
            conn.execute(
                select(unit_month_parts.c.submission_id, unit_month_parts.c.definition)
            ).all()
        )
    assert current and set(stored) == current
    assert set(stored.values()) == {parts_definition(load_config()).digest}


def assert_common_columns_equal(engine, before: dict[str, list[tuple]]) -> None:
    """Rows after the upgrade, restricted to the columns that existed before, equal ``before``.

    Columns added by migrations must hold EXPECTED_NEW_VALUES.
    """
    tables = MetaData()
    tables.reflect(engine)
    legacy_columns = _baseline_columns()
    with engine.connect() as conn:
        for name, rows in before.items():
            table = tables.tables[name]
            old = sorted(legacy_columns[name])
            now = sorted(
                (tuple(r) for r in conn.execute(select(*(table.c[c] for c in old)))), key=repr
            )
            assert now == rows, name
            for column, value in EXPECTED_NEW_VALUES.get(name, {}).items():
                assert set(conn.execute(select(table.c[column])).scalars()) == {value}


def _baseline_columns() -> dict[str, set[str]]:
    engine = get_engine("sqlite://")
    with engine.begin() as conn:
        command.upgrade(schema.config(conn), schema.BASELINE)
        tables = MetaData()
        tables.reflect(conn)
    return {t.name: {c.name for c in t.columns} for t in tables.sorted_tables}


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_database_from_a_newer_release_is_refused(backend, fresh_url):
    url = fresh_url(backend, "newer")
    engine = init_db(get_engine(url))
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_dari_masa_depan'"))
    with pytest.raises(SchemaMismatch, match="versi aplikasi yang lebih baru"):
        init_db(engine)
    result = subprocess.run(
        [sys.executable, "cli.py", "units", "--db", url],
        cwd=paths.ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 3
    assert "lebih baru" in result.stderr and "Traceback" not in result.stderr


_START = """
import sys
from upt_dashboard.storage.bootstrap import init_db
from upt_dashboard.storage.db import get_engine
init_db(get_engine(sys.argv[1]))
"""


@pytest.mark.parametrize("backend", BACKENDS)
def test_first_start_of_four_processes_on_an_empty_database(backend, fresh_url):
    url = fresh_url(backend, "fourstarts")
    starts = [
        subprocess.Popen(
            [sys.executable, "-c", _START, url],
            cwd=paths.ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    outcomes = [(p.wait(timeout=120), p.stderr.read()) for p in starts]
    assert [code for code, _ in outcomes] == [0, 0, 0, 0], outcomes
    engine = get_engine(url)
    assert schema.state(engine) == (schema.State.CURRENT, schema.head())
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM alembic_version")).scalar() == 1
        assert conn.execute(text("SELECT COUNT(*) FROM units")).scalar() == 13
