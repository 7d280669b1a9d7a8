"""Facts: the stored reports as polars frames, the input of the indicator engine.

``Facts`` holds the unit registry, every submission record (all versions,
for report timeliness) and one frame per workbook sheet with the rows of
the *current* version of each unit-month only. Sheet frames carry
``submission_id``, ``unit_code`` and ``period`` (first day of the month)
followed by the sheet's field names from ``data_loaders.schema`` with the
dtypes the reader produces (counts/ints Int64, text/choice/NIP String,
dates Date).
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
from sqlalchemy import Engine, select

from data_loaders.schema import SHEETS, Kind, Sheet
from upt_dashboard.months import Month
from upt_dashboard.storage.scope import DataScope, pseudonym
from upt_dashboard.storage.submissions import VERIFIED

_KIND_DTYPES: dict[Kind, pl.DataType] = {
    Kind.TEXT: pl.String(),
    Kind.CHOICE: pl.String(),
    Kind.NIP: pl.String(),
    Kind.COUNT: pl.Int64(),
    Kind.INT: pl.Int64(),
    Kind.MONTH: pl.Int64(),
    Kind.DATE: pl.Date(),
}

UNITS_SCHEMA = pl.Schema(
    {
        "code": pl.String(),
        "name": pl.String(),
        "type": pl.String(),
        "city": pl.String(),
        "capacity": pl.Int64(),
    }
)
UNIT_TYPES_SCHEMA = pl.Schema(
    {
        "type": pl.String(),
        "name": pl.String(),
        "name_en": pl.String(),
        "rehabilitation": pl.Boolean(),
    }
)
SUBMISSIONS_SCHEMA = pl.Schema(
    {
        "id": pl.Int64(),
        "unit_code": pl.String(),
        "period": pl.Date(),
        "version": pl.Int64(),
        "uploaded_at": pl.Datetime("us", "UTC"),
        "is_current": pl.Boolean(),
    }
)
_KEY_SCHEMA = {"submission_id": pl.Int64(), "unit_code": pl.String(), "period": pl.Date()}


def sheet_attr(sheet: Sheet) -> str:
    """The ``Facts`` attribute holding a sheet: its table name without ``fact_``."""
    return sheet.table.removeprefix("fact_")


def sheet_schema(sheet: Sheet) -> pl.Schema:
    """Columns and dtypes of a sheet frame in ``Facts``."""
    return pl.Schema({**_KEY_SCHEMA, **{f.name: _KIND_DTYPES[f.kind] for f in sheet.fields}})


SHEET_ATTRS: dict[str, Sheet] = {sheet_attr(s): s for s in SHEETS}


# eq=False: frames do not compare with ==, and identity hashing lets the
# indicator engine cache per-Facts intermediate sums.
@dataclass(frozen=True, eq=False)
class Facts:
    units: pl.DataFrame
    unit_types: pl.DataFrame
    submissions: pl.DataFrame
    identitas: pl.DataFrame
    penerima_manfaat: pl.DataFrame
    layanan: pl.DataFrame
    kehadiran_pegawai: pl.DataFrame
    pengaduan: pl.DataFrame
    survei_kepuasan: pl.DataFrame
    pembinaan: pl.DataFrame
    integritas: pl.DataFrame

    def sheet(self, attr: str) -> pl.DataFrame:
        """A sheet frame by its attribute name, e.g. ``"layanan"``."""
        if attr not in SHEET_ATTRS:
            raise KeyError(attr)
        return getattr(self, attr)


# --- loading from the database -------------------------------------------


def load_facts(
    engine: Engine,
    scope: DataScope,
    units: list[str] | None = None,
    start: Month | None = None,
    end: Month | None = None,
) -> Facts:
    """The current versions of stored reports the reader's ``scope`` allows, as frames
    with the schemas above.

    ``scope`` (``storage.scope.DataScope``) limits in the query the units
    read, the registry included (a narrower scope's facts know only its
    units), swaps names and NIPs of units without personal-data rights for
    pseudonyms, and with ``verified_only`` keeps only verified current
    versions in the sheet frames. ``units`` narrows further; ``start``/``end``
    limit the months (inclusive). The submissions frame holds every version
    in that scope.
    """
    from upt_dashboard.storage.db import fact_tables, submissions, unit_types
    from upt_dashboard.storage.db import units as units_table

    def scoped(query):
        month_index = submissions.c.year * 12 + submissions.c.month - 1  # Month.index
        query = query.where(scope.unit_clause(submissions.c.unit_code))
        if units is not None:
            query = query.where(submissions.c.unit_code.in_(units))
        if start is not None:
            query = query.where(month_index >= start.index)
        if end is not None:
            query = query.where(month_index <= end.index)
        return query

    registry = select(units_table).where(scope.unit_clause(units_table.c.code))
    with engine.connect() as conn:
        frames = {
            "units": _read(conn, registry.order_by(units_table.c.code), UNITS_SCHEMA),
            "unit_types": _read(conn, select(unit_types), UNIT_TYPES_SCHEMA),
            "submissions": _with_period(
                _read(
                    conn,
                    scoped(
                        select(
                            submissions.c.id,
                            submissions.c.unit_code,
                            submissions.c.year,
                            submissions.c.month,
                            submissions.c.version,
                            submissions.c.uploaded_at,
                            submissions.c.is_current,
                        )
                    ),
                ),
                SUBMISSIONS_SCHEMA,
            ),
        }
        for attr, sheet in SHEET_ATTRS.items():
            table = fact_tables[sheet.name]
            query = scoped(
                select(
                    table.c.submission_id,
                    submissions.c.unit_code,
                    submissions.c.year,
                    submissions.c.month,
                    *(table.c[n] for n in sheet.names),
                )
                .join(submissions, submissions.c.id == table.c.submission_id)
                .where(submissions.c.is_current)
            )
            if scope.verified_only:
                query = query.where(submissions.c.review_state == VERIFIED)
            frames[attr] = _with_period(_read(conn, query), sheet_schema(sheet))
    frames["kehadiran_pegawai"] = without_identities(frames["kehadiran_pegawai"], scope)
    return Facts(**frames)


PERSONAL_COLUMNS = ("nip", "nama")


def without_identities(frame: pl.DataFrame, scope: DataScope) -> pl.DataFrame:
    """``frame`` with names and NIPs of units outside ``scope.personal_units`` pseudonymised."""
    if scope.personal_units is None or frame.is_empty():
        return frame
    hidden = ~pl.col("unit_code").is_in(sorted(scope.personal_units))
    replaced = []
    for column in PERSONAL_COLUMNS:
        # One HMAC per distinct value, not per row.
        values = frame.filter(hidden)[column].drop_nulls().unique().to_list()
        stand_ins = {value: pseudonym(value) for value in values}
        replaced.append(
            pl.when(hidden)
            .then(pl.col(column).replace_strict(stand_ins, default=None, return_dtype=pl.String))
            .otherwise(pl.col(column))
            .alias(column)
        )
    return frame.with_columns(replaced)


def _read(conn, query, schema: pl.Schema | None = None) -> pl.DataFrame:
    result = conn.execute(query)
    rows = result.fetchall()
    frame = pl.DataFrame(rows, schema=list(result.keys()), orient="row", infer_schema_length=None)
    return _cast(frame, schema) if schema is not None else frame


def _with_period(frame: pl.DataFrame, schema: pl.Schema) -> pl.DataFrame:
    frame = frame.with_columns(period=pl.date(pl.col("year"), pl.col("month"), 1)).drop(
        "year", "month"
    )
    return _cast(frame, schema)


def _cast(frame: pl.DataFrame, schema: pl.Schema) -> pl.DataFrame:
    """Columns in schema order and dtype; SQLite hands dates back as text."""
    columns = []
    for name, dtype in schema.items():
        if name not in frame.columns or frame[name].dtype == pl.Null:
            columns.append(pl.lit(None, dtype).alias(name))
        elif dtype == pl.Date() and frame[name].dtype == pl.String:
            columns.append(pl.col(name).str.to_date("%Y-%m-%d").alias(name))
        elif isinstance(dtype, pl.Datetime):
            columns.append(_as_utc(pl.col(name), frame[name].dtype).alias(name))
        else:
            columns.append(pl.col(name).cast(dtype).alias(name))
    return frame.select(columns) if frame.height else pl.DataFrame(schema=schema)


def _as_utc(column: pl.Expr, current: pl.DataType) -> pl.Expr:
    # PostgreSQL returns aware datetimes, SQLite naive ones (stored as UTC).
    if isinstance(current, pl.Datetime) and current.time_zone:
        return column.dt.convert_time_zone("UTC").cast(pl.Datetime("us", "UTC"))
    return column.cast(pl.Datetime("us")).dt.replace_time_zone("UTC")
