"""What changed between two stored versions of the same unit-month.

Rows are matched by their identity in the sheet (service type, complaint
number, NIP or name of an employee); sheets without one (survey answers,
coaching sessions) are matched by position. Per-employee changes are
personal data: without ``include_personal`` the attendance sheet is
compared by its column totals instead.
"""

from __future__ import annotations

from datetime import date

import polars as pl
from sqlalchemy import Engine, select

from data_loaders.schema import KEHADIRAN_PEGAWAI, SHEETS, Layout, Sheet
from upt_dashboard.months import Month
from upt_dashboard.storage.db import fact_tables, submissions
from upt_dashboard.storage.facts import sheet_schema
from upt_dashboard.storage.scope import DataScope, pseudonym

ADDED, REMOVED, CHANGED = "ditambah", "dihapus", "berubah"
DIFF_SCHEMA = {
    "sheet": pl.String,
    "row": pl.String,
    "field": pl.String,
    "before": pl.String,
    "after": pl.String,
    "change": pl.String,
}


def compare_versions(engine: Engine, old_id: int, new_id: int, scope: DataScope) -> pl.DataFrame:
    """Value-by-value differences from submission ``old_id`` to ``new_id``.

    Columns: sheet, row (identity of the row, or "" on key-value sheets),
    field (the workbook label), before, after, change. Empty when either
    submission is outside ``scope``; without personal-data rights on the
    unit, the attendance sheet is compared by its column totals.
    """
    parts = []
    with engine.connect() as conn:
        units = _units_of(conn, (old_id, new_id), scope)
        if len(units) != 2:
            return pl.DataFrame(schema=DIFF_SCHEMA)
        include_personal = all(scope.sees_personal(u) for u in units.values())
        for sheet in SHEETS:
            old = _sheet_rows(conn, sheet, old_id)
            new = _sheet_rows(conn, sheet, new_id)
            if sheet is KEHADIRAN_PEGAWAI and not include_personal:
                old, new = _column_totals(sheet, old), _column_totals(sheet, new)
            parts.append(_diff_sheet(sheet, old, new))
    return pl.concat(parts) if parts else pl.DataFrame(schema=DIFF_SCHEMA)


def stored_frames(
    engine: Engine, submission_id: int, scope: DataScope
) -> dict[str, pl.DataFrame] | None:
    """The sheets of one stored submission as frames keyed by sheet name (schema fields only).

    The frames have the shape ``data_loaders.report.Report.frames`` has, so
    the same presentation code can sum up a stored version and a new file.
    None when the submission is outside ``scope``; names and NIPs are
    pseudonymised without personal-data rights on its unit.
    """
    with engine.connect() as conn:
        unit = _units_of(conn, (submission_id,), scope).get(submission_id)
        if unit is None:
            return None
        frames = {
            sheet.name: pl.DataFrame(
                _sheet_rows(conn, sheet, submission_id),
                schema={n: sheet_schema(sheet)[n] for n in sheet.names},
                orient="row",
            )
            for sheet in SHEETS
        }
    if not scope.sees_personal(unit):
        staff = frames[KEHADIRAN_PEGAWAI.name]
        frames[KEHADIRAN_PEGAWAI.name] = staff.with_columns(
            pl.col(c).map_elements(pseudonym, return_dtype=pl.String) for c in ("nip", "nama")
        )
    return frames


def _units_of(conn, ids: tuple[int, ...], scope: DataScope) -> dict[int, str]:
    """submission id -> unit code, for the ids inside ``scope`` (filtered in the query)."""
    query = select(submissions.c.id, submissions.c.unit_code).where(
        submissions.c.id.in_(ids) & scope.unit_clause(submissions.c.unit_code)
    )
    return dict(conn.execute(query).all())


def current_version(engine: Engine, unit: str, month: Month, scope: DataScope) -> dict | None:
    """The current stored version of ``unit``'s report for ``month`` (id, version,
    uploaded_at, uploaded_by, filename, review state), or None when nothing is
    stored yet or ``unit`` is outside ``scope``."""
    if not scope.sees(unit):
        return None
    query = select(
        submissions.c.id,
        submissions.c.version,
        submissions.c.uploaded_at,
        submissions.c.uploaded_by,
        submissions.c.filename,
        submissions.c.review_state,
        submissions.c.reviewed_by,
        submissions.c.review_comment,
    ).where(
        submissions.c.is_current
        & (submissions.c.unit_code == unit)
        & (submissions.c.year == month.year)
        & (submissions.c.month == month.month)
    )
    with engine.connect() as conn:
        row = conn.execute(query).mappings().first()
    return dict(row) if row else None


def _sheet_rows(conn, sheet: Sheet, submission_id: int) -> list[dict]:
    table = fact_tables[sheet.name]
    query = select(*(table.c[n] for n in sheet.names)).where(table.c.submission_id == submission_id)
    if sheet.layout is Layout.TABLE:
        query = query.order_by(table.c.row_no)
    return [dict(r) for r in conn.execute(query).mappings()]


def _column_totals(sheet: Sheet, rows: list[dict]) -> list[dict]:
    numeric = [f.name for f in sheet.fields if f.name not in ("nip", "nama", "status")]
    return [{"pegawai": len(rows), **{n: sum(r[n] or 0 for r in rows) for n in numeric}}]


def _identity(sheet: Sheet, row: dict, position: int) -> str:
    if sheet is KEHADIRAN_PEGAWAI:
        if "pegawai" in row:  # column totals, not one employee
            return "semua pegawai"
        return row.get("nip") or row.get("nama") or f"baris {position}"
    if sheet.unique:
        return str(row[sheet.unique[0]])
    return f"baris {position}" if sheet.layout is Layout.TABLE else ""


def _labels(sheet: Sheet) -> dict[str, str]:
    return {f.name: f.label for f in sheet.fields} | {"pegawai": "Jumlah pegawai"}


def _text(value) -> str | None:
    if value is None:
        return None
    return value.strftime("%d/%m/%Y") if isinstance(value, date) else str(value)


def _diff_sheet(sheet: Sheet, old: list[dict], new: list[dict]) -> pl.DataFrame:
    labels = _labels(sheet)
    before = {_identity(sheet, r, i): r for i, r in enumerate(old, start=1)}
    after = {_identity(sheet, r, i): r for i, r in enumerate(new, start=1)}
    records = []
    for key in list(before) + [k for k in after if k not in before]:
        old_row, new_row = before.get(key), after.get(key)
        if old_row is None or new_row is None:
            change = ADDED if old_row is None else REMOVED
            row = new_row or old_row
            summary = ", ".join(f"{labels[k]}={_text(v)}" for k, v in row.items() if v is not None)
            records.append(
                (
                    sheet.name,
                    key,
                    "(baris)",
                    None if old_row is None else summary,
                    summary if old_row is None else None,
                    change,
                )
            )
            continue
        for name, value in new_row.items():
            if value != old_row.get(name):
                records.append(
                    (sheet.name, key, labels[name], _text(old_row.get(name)), _text(value), CHANGED)
                )
    return pl.DataFrame(records, schema=DIFF_SCHEMA, orient="row")
