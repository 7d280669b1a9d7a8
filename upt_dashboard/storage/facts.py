"""Facts: the stored reports as polars frames, the input of the indicator engine.

``Facts`` holds the unit registry, every submission record (all versions,
for report timeliness), the two sheets read whole on every view (Penerima
Manfaat, Pengaduan: one row per report, a few complaints), the stored
per-unit-month parts the engine sums (``unit_month_parts``), and a source
for every other sheet's rows — staff attendance and survey answers are
millions of rows at national scale, so they are read on demand, scoped to
the units and months asked for, never whole on a page view.

Sheet frames carry ``submission_id``, ``unit_code`` and ``period`` (first
day of the month) followed by the sheet's field names from
``data_loaders.schema`` with the dtypes the reader produces (counts/ints
Int64, text/choice/NIP String, dates Date); only current versions.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import Protocol

import polars as pl
from sqlalchemy import Engine, select

from data_loaders.schema import SHEETS, Kind, Sheet
from upt_dashboard.months import Month
from upt_dashboard.storage.scope import EVERYTHING, DataScope, pseudonym
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
# Sheets every view reads whole, loaded with the facts: complaints (a unit's backlog
# runs across months). Residents are one row per report, but the stored sums hold
# what most pages need of them: read whole on a unit profile's first view, then kept.
EAGER_SHEETS: tuple[str, ...] = ("pengaduan",)
# The stored parts of the current reports: ``part_values`` in the order of their
# ``definition`` (``indicators.sums.parts_definition``), which the engine names.
PARTS_SCHEMA = pl.Schema(
    {
        "submission_id": pl.Int64(),
        "unit_code": pl.String(),
        "period": pl.Date(),
        "definition": pl.String(),
        "part_values": pl.List(pl.Float64()),
    }
)
_STORED_PARTS_SCHEMA = pl.Schema({**PARTS_SCHEMA, "part_values": pl.String()})  # JSON text


class SheetSource(Protocol):
    """Where a sheet's rows come from when they are not held in memory."""

    def rows(
        self,
        attr: str,
        units: Sequence[str] | None,
        start: Month | None,
        end: Month | None,
        columns: Sequence[str] | None,
    ) -> pl.DataFrame: ...


@dataclass(eq=False)
class Earlier:
    """What a refreshed ``Facts`` differs from: the facts it was made from and the
    unit-months (``unit_code, period``) read again. The engine patches the sums it
    built on ``facts`` instead of summing everything anew, then lets go of them."""

    facts: Facts | None
    changed: pl.DataFrame


# eq=False: frames do not compare with ==, and identity hashing lets the
# indicator engine cache per-Facts intermediate sums.
@dataclass(frozen=True, eq=False)
class Facts:
    """The stored reports the engine and the views read.

    Build in memory with :meth:`of` (tests, benchmarks) or from the database
    with :func:`load_facts`. ``stored_parts`` (:data:`PARTS_SCHEMA`) are the
    per-unit-month sums written with each report; None means compute them
    from the rows.
    """

    units: pl.DataFrame
    unit_types: pl.DataFrame
    submissions: pl.DataFrame
    pengaduan: pl.DataFrame
    source: SheetSource
    stored_parts: pl.DataFrame | None = None
    earlier: Earlier | None = None
    _whole: dict[str, pl.DataFrame] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, *, stored_parts: pl.DataFrame | None = None, **frames: pl.DataFrame) -> Facts:
        """Facts from frames in memory: the registry frames and every sheet by attribute."""
        eager = {k: frames.pop(k) for k in ("units", "unit_types", "submissions", *EAGER_SHEETS)}
        unknown = set(frames) - set(SHEET_ATTRS)
        if unknown:
            raise TypeError(f"unknown sheets: {sorted(unknown)}")
        return cls(**eager, source=FrameSource(frames), stored_parts=stored_parts)

    def sheet(self, attr: str) -> pl.DataFrame:
        """A sheet's current rows, whole (read once, then kept): small sheets only.

        The engine and the views ask :meth:`rows` for what they need instead:
        staff attendance and survey answers are too big to read whole at scale.
        """
        if attr not in SHEET_ATTRS:
            raise KeyError(attr)
        if attr in EAGER_SHEETS:
            return getattr(self, attr)
        if attr not in self._whole:
            self._whole[attr] = self.source.rows(attr, None, None, None, None)
        return self._whole[attr]

    def rows(
        self,
        attr: str,
        *,
        units: Sequence[str] | None = None,
        start: Month | None = None,
        end: Month | None = None,
        columns: Sequence[str] | None = None,
    ) -> pl.DataFrame:
        """A sheet's current rows of ``units`` from ``start`` to ``end`` (inclusive).

        ``columns`` (field names) narrows what is read; the key columns
        ``submission_id, unit_code, period`` always come.
        """
        if attr not in SHEET_ATTRS:
            raise KeyError(attr)
        if attr in EAGER_SHEETS or attr in self._whole:
            return narrow(self.sheet(attr), units, start, end, columns)
        return self.source.rows(attr, units, start, end, columns)

    @property
    def penerima_manfaat(self) -> pl.DataFrame:
        return self.sheet("penerima_manfaat")

    @property
    def identitas(self) -> pl.DataFrame:
        return self.sheet("identitas")

    @property
    def layanan(self) -> pl.DataFrame:
        return self.sheet("layanan")

    @property
    def kehadiran_pegawai(self) -> pl.DataFrame:
        return self.sheet("kehadiran_pegawai")

    @property
    def survei_kepuasan(self) -> pl.DataFrame:
        return self.sheet("survei_kepuasan")

    @property
    def pembinaan(self) -> pl.DataFrame:
        return self.sheet("pembinaan")

    @property
    def integritas(self) -> pl.DataFrame:
        return self.sheet("integritas")


def narrow(
    frame: pl.DataFrame,
    units: Sequence[str] | None,
    start: Month | None,
    end: Month | None,
    columns: Sequence[str] | None = None,
) -> pl.DataFrame:
    """The rows of ``frame`` (``unit_code, period`` keyed) of ``units`` from ``start`` to
    ``end`` (None: no bound), with the key columns and ``columns`` only when given."""
    if units is not None:
        frame = frame.filter(pl.col("unit_code").is_in(list(units)))
    if start is not None:
        frame = frame.filter(pl.col("period") >= start.first_day)
    if end is not None:
        frame = frame.filter(pl.col("period") <= end.first_day)
    if columns is not None:
        frame = frame.select(*_KEY_SCHEMA, *(c for c in columns if c not in _KEY_SCHEMA))
    return frame


@dataclass(frozen=True)
class FrameSource:
    """Sheets held in memory (tests, benchmarks)."""

    frames: dict[str, pl.DataFrame]

    def rows(self, attr, units, start, end, columns) -> pl.DataFrame:
        frame = self.frames.get(attr)
        if frame is None:
            frame = pl.DataFrame(schema=sheet_schema(SHEET_ATTRS[attr]))
        return narrow(frame, units, start, end, columns)


# --- loading from the database -------------------------------------------


@dataclass(frozen=True)
class DatabaseSource:
    """Sheets read from the database on demand, within the scope the facts were loaded for.

    The last few reads are kept: the facts of one data version never change,
    and a page asks for the same rows several times (a year of staff rows).
    """

    engine: Engine
    units: tuple[str, ...] | None = None
    start: Month | None = None
    end: Month | None = None
    scope: DataScope = EVERYTHING  # verified_only and personal data apply to every read
    _kept: dict = field(default_factory=dict, compare=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False)

    def rows(self, attr, units, start, end, columns) -> pl.DataFrame:
        """The rows asked for, read once: a second caller of the same rows waits for the
        first one's read (e.g. a prefetch) instead of reading them too."""
        key = (attr, _key(units), start, end, _key(columns))
        with self._lock:
            kept = self._kept.get(key)
            mine = kept is None
            if mine:
                if len(self._kept) >= KEPT_READS:
                    self._kept.pop(next(iter(self._kept)))
                kept = self._kept[key] = Future()
        if mine:
            try:
                kept.set_result(self._read(attr, units, start, end, columns))
            except BaseException as exc:
                with self._lock:  # a failed read is tried again by the next caller
                    self._kept.pop(key, None)
                kept.set_exception(exc)
        return kept.result()

    def refreshed(self, changed: pl.DataFrame) -> DatabaseSource:
        """A source for refreshed facts: the reads kept here, with the ``changed``
        unit-months (``unit_code, period``) read again — a year of staff rows is not
        read whole again because one report came in.

        The new rows are read and spliced in the background: a page asking for
        them waits (``rows``), one that does not ask first gets on with its sums.
        """
        source = DatabaseSource(self.engine, self.units, self.start, self.end, self.scope)
        touched = _touched(changed)
        with self._lock:
            kept = dict(self._kept)
        for key, read in kept.items():
            if read.done() and read.exception() is not None:  # failed: read on demand
                continue
            source._kept[key] = spliced = Future()
            threading.Thread(
                target=source._splice,
                args=(key, spliced, read, touched, changed),
                name="splice-rows",
                daemon=True,
            ).start()
        return source

    def _splice(
        self, key, spliced: Future, read: Future, touched: list[str], changed: pl.DataFrame
    ) -> None:
        """Set ``spliced`` to the rows of ``key``: the earlier source's ``read`` (waited
        for when still under way) with the ``changed`` unit-months read again; read
        whole when the earlier read failed."""
        attr, units, start, end, columns = key
        try:
            try:
                held = read.result()
            except Exception:  # the earlier read failed: this one reads them all
                spliced.set_result(self._read(attr, units, start, end, columns))
                return
            if changed_units := _intersect(units, touched):
                held = _spliced(held, self._read(attr, changed_units, start, end, columns), changed)
            spliced.set_result(held)
        except BaseException as exc:
            with self._lock:  # not kept: the next caller reads them again
                self._kept.pop(key, None)
            spliced.set_exception(exc)

    def _read(self, attr, units, start, end, columns) -> pl.DataFrame:
        sheet = SHEET_ATTRS[attr]
        wanted = [n for n in (columns or sheet.names) if n in sheet.names]
        scope_units = _intersect(self.units, units)
        start = max((m for m in (self.start, start) if m is not None), default=None)
        end = min((m for m in (self.end, end) if m is not None), default=None)
        schema = pl.Schema(
            {k: v for k, v in sheet_schema(sheet).items() if k in _KEY_SCHEMA or k in wanted}
        )
        verified = self.scope.verified_only
        with self.engine.connect() as conn:
            rows = _sheet_rows(conn, sheet, wanted, scope_units, start, end, schema, verified)
        return without_identities(rows, self.scope) if attr == "kehadiran_pegawai" else rows


KEPT_READS = 8


def _key(values: Sequence[str] | None) -> tuple[str, ...] | None:
    return None if values is None else tuple(values)


def _intersect(first: Sequence[str] | None, second: Sequence[str] | None) -> tuple[str, ...] | None:
    if first is None:
        return None if second is None else tuple(second)
    if second is None:
        return tuple(first)
    return tuple(c for c in first if c in set(second))


def load_facts(
    engine: Engine,
    scope: DataScope,
    units: Sequence[str] | None = None,
    start: Month | None = None,
    end: Month | None = None,
) -> Facts:
    """The current versions of stored reports the reader's ``scope`` allows (see the
    module docstring).

    ``scope`` (``storage.scope.DataScope``) limits in the query the units
    read, the registry included (a narrower scope's facts know only its
    units), swaps names and NIPs of units without personal-data rights for
    pseudonyms, and with ``verified_only`` keeps only verified current
    versions in the sheet frames and sums. ``units`` narrows further;
    ``start``/``end`` limit the months (inclusive). The submissions frame
    holds every version in that scope; other sheets are read on demand
    within the same scope.
    """
    from upt_dashboard.storage.db import unit_types
    from upt_dashboard.storage.db import units as units_table

    within = _intersect(None if scope.units is None else sorted(scope.units), units)
    registry = select(units_table).where(scope.unit_clause(units_table.c.code))
    with engine.connect() as conn:
        frames = {
            "units": _read(conn, registry.order_by(units_table.c.code), UNITS_SCHEMA),
            "unit_types": _read(conn, select(unit_types), UNIT_TYPES_SCHEMA),
        }
    frames |= _frames(engine, within, start, end, scope.verified_only)
    source = DatabaseSource(engine, within, start, end, scope)
    parts = frames.pop("stored_parts")
    return Facts(**frames, source=source, stored_parts=parts)


def _frames(engine: Engine, units, start, end, verified_only: bool) -> dict[str, pl.DataFrame]:
    """Submissions (every version), the eager sheets and the stored sums (current
    versions; verified ones only if ``verified_only``) of ``units`` from ``start`` to
    ``end``."""
    from upt_dashboard.storage.db import submissions, unit_month_parts

    def scoped(query):
        return _scoped(query, units, start, end)

    def current(query):
        query = query.where(submissions.c.is_current)
        return query.where(submissions.c.review_state == VERIFIED) if verified_only else query

    reads = {
        "submissions": partial(
            _read_with_period,
            query=scoped(
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
            schema=SUBMISSIONS_SCHEMA,
        ),
        "stored_parts": partial(
            _read_parts,
            query=scoped(
                current(
                    select(
                        unit_month_parts.c.submission_id,
                        submissions.c.unit_code,
                        submissions.c.year,
                        submissions.c.month,
                        unit_month_parts.c.definition,
                        unit_month_parts.c.part_values,
                    ).join(submissions, submissions.c.id == unit_month_parts.c.submission_id)
                )
            ),
        ),
    }
    for attr in EAGER_SHEETS:
        sheet = SHEET_ATTRS[attr]
        reads[attr] = partial(
            _sheet_rows,
            sheet=sheet,
            names=sheet.names,
            units=units,
            start=start,
            end=end,
            schema=sheet_schema(sheet),
            verified_only=verified_only,
        )
    return _read_all(engine, reads)


def _read_parts(conn, query) -> pl.DataFrame:
    """Stored parts with their JSON lists decoded in the reading thread: on PostgreSQL
    beside the other reads, not after them (120.000 lists nationally, 0,2 s)."""
    stored = _read_with_period(conn, query, _STORED_PARTS_SCHEMA)
    return stored.with_columns(pl.col("part_values").str.json_decode(PARTS_SCHEMA["part_values"]))


def _read_all(engine: Engine, reads: dict[str, Callable]) -> dict[str, pl.DataFrame]:
    """Each ``read(conn)``: on PostgreSQL at once, a connection each (the server runs the
    queries side by side while this process parses), elsewhere in turn."""
    if engine.dialect.name != "postgresql":
        with engine.connect() as conn:
            return {name: read(conn) for name, read in reads.items()}

    def run(read: Callable) -> pl.DataFrame:
        with engine.connect() as conn:
            return read(conn)

    with ThreadPoolExecutor(max_workers=len(reads)) as pool:
        futures = {name: pool.submit(run, read) for name, read in reads.items()}
        return {name: future.result() for name, future in futures.items()}


def refresh_facts(engine: Engine, held: Facts, since: int) -> Facts:
    """``held`` (read when the highest submission id was ``since``) brought up to date.

    Only the unit-months of submissions stored after ``since`` are read again
    (every version of them, their current rows and stored sums); the rest is
    carried over. The result equals a new :func:`load_facts` of the same scope
    (a test compares). A database whose ids went back (a restore) must be
    read whole: the caller checks.
    """
    from upt_dashboard.storage.db import submissions

    source = held.source
    if not isinstance(source, DatabaseSource):
        raise TypeError("only facts read from the database can be refreshed")
    units, start, end = source.units, source.start, source.end
    with engine.connect() as conn:
        changed = _read_with_period(
            conn,
            _scoped(
                select(submissions.c.unit_code, submissions.c.year, submissions.c.month)
                .where(submissions.c.id > since)
                .distinct(),
                units,
                start,
                end,
            ),
            pl.Schema({"unit_code": pl.String(), "period": pl.Date()}),
        )
    if changed.is_empty():
        return held
    first, last = changed["period"].min(), changed["period"].max()
    fresh = _frames(
        engine,
        _touched(changed),
        Month(first.year, first.month),
        Month(last.year, last.month),
        source.scope.verified_only,
    )
    patched = {
        attr: _spliced(getattr(held, attr), fresh[attr], changed)
        for attr in ("submissions", *EAGER_SHEETS)
    }
    parts = None
    if held.stored_parts is not None:
        parts = _spliced(held.stored_parts, fresh["stored_parts"], changed)
    if held.earlier is not None:
        held.earlier.facts = None  # one step back is enough; do not keep a chain alive
    return Facts(
        units=held.units,
        unit_types=held.unit_types,
        **patched,
        source=source.refreshed(changed),
        stored_parts=parts,
        earlier=Earlier(held, changed),
    )


def _touched(changed: pl.DataFrame) -> list[str]:
    """The units of the ``changed`` unit-months (already within the held scope)."""
    return changed["unit_code"].unique().sort().to_list()


def _spliced(held: pl.DataFrame, fresh: pl.DataFrame, changed: pl.DataFrame) -> pl.DataFrame:
    """``held`` without the ``changed`` unit-months, plus their ``fresh`` rows."""
    fresh = fresh.join(changed, on=["unit_code", "period"], how="semi")
    return pl.concat([without(held, changed), fresh.select(held.columns).cast(held.schema)])


def without(frame: pl.DataFrame, unit_months: pl.DataFrame) -> pl.DataFrame:
    """``frame`` without the rows of ``unit_months`` (``unit_code, period``; or
    ``unit_code`` alone: every row of those units).

    Only the rows of those units are matched on all keys, and the rows kept
    are slices of ``frame``, not a copy: at national scale a filter copies a
    hundred thousand rows of sums (a year of staff rows: seven hundred
    thousand) to drop the few an upload replaces.
    """
    mine = pl.col("unit_code").is_in(unit_months["unit_code"].unique().implode())
    dropped = (
        frame.lazy()
        .with_row_index("_row")
        .filter(mine)
        .join(unit_months.lazy(), on=unit_months.columns, how="semi")
        .select("_row")
        .collect()["_row"]
        .to_list()
    )
    if len(dropped) > MAX_SLICES:  # a bulk import: one copy is cheaper than many pieces
        return frame.with_row_index("_row").filter(~pl.col("_row").is_in(dropped)).drop("_row")
    pieces, taken = [], 0
    for row in dropped:
        if row > taken:
            pieces.append(frame.slice(taken, row - taken))
        taken = row + 1
    kept = pl.concat([*pieces, frame.slice(taken)]) if pieces or taken else frame
    return kept.rechunk() if kept.n_chunks() > MAX_CHUNKS else kept


MAX_SLICES = 10_000
MAX_CHUNKS = 16  # uploads add pieces; past this many, one copy again


def _scoped(query, units, start, end):
    from upt_dashboard.storage.db import submissions

    month_index = submissions.c.year * 12 + submissions.c.month - 1  # Month.index
    if units is not None:
        query = query.where(submissions.c.unit_code.in_(list(units)))
    if start is not None:
        query = query.where(month_index >= start.index)
    if end is not None:
        query = query.where(month_index <= end.index)
    return query


def _sheet_rows(
    conn, sheet: Sheet, names, units, start, end, schema, verified_only: bool = False
) -> pl.DataFrame:
    """Current rows of one sheet in scope (of verified versions only if ``verified_only``),
    with the key columns, as ``schema``."""
    from upt_dashboard.storage.db import fact_tables, submissions

    table = fact_tables[sheet.name]
    query = _scoped(
        select(
            table.c.submission_id,
            submissions.c.unit_code,
            submissions.c.year,
            submissions.c.month,
            *(table.c[n] for n in names),
        )
        .join(submissions, submissions.c.id == table.c.submission_id)
        .where(submissions.c.is_current),
        units,
        start,
        end,
    )
    if verified_only:
        query = query.where(submissions.c.review_state == VERIFIED)
    return _read_with_period(conn, query, schema)


PERSONAL_COLUMNS = ("nip", "nama")


def without_identities(frame: pl.DataFrame, scope: DataScope) -> pl.DataFrame:
    """``frame`` with names and NIPs of units outside ``scope.personal_units`` pseudonymised."""
    if scope.personal_units is None or frame.is_empty():
        return frame
    hidden = ~pl.col("unit_code").is_in(sorted(scope.personal_units))
    columns = frame.columns
    for column in (c for c in PERSONAL_COLUMNS if c in columns):
        # One HMAC per distinct value, not per row; matched by a join (a year of
        # national staff rows holds 60.000 of each, where a mapping lookup is slow).
        values = frame.filter(hidden)[column].drop_nulls().unique()
        stand_ins = pl.DataFrame(
            {column: values, "_stand_in": [pseudonym(value) for value in values]},
            schema={column: pl.String, "_stand_in": pl.String},
        )
        frame = (
            frame.join(stand_ins, on=column, how="left", maintain_order="left")
            .with_columns(
                pl.when(hidden).then(pl.col("_stand_in")).otherwise(pl.col(column)).alias(column)
            )
            .select(columns)
        )
    return frame


def _read_with_period(conn, query, schema: pl.Schema) -> pl.DataFrame:
    return _with_period(_read_fast(conn, query), schema)


def _read_fast(conn, query) -> pl.DataFrame:
    """The rows of ``query``: PostgreSQL streams them with COPY (CSV, all text, cast later;
    three times faster than fetching tuples at national scale), others fetch them."""
    if conn.dialect.name != "postgresql":
        return _read(conn, query)
    sql = str(query.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
    buffer = io.BytesIO()
    copy_sql = f"COPY ({sql}) TO STDOUT WITH (FORMAT csv, HEADER)"
    with conn.connection.driver_connection.cursor() as cursor, cursor.copy(copy_sql) as copy:
        _copy_out(copy, buffer.write)
    if not buffer.getbuffer().nbytes:
        return pl.DataFrame()
    buffer.seek(0)
    return pl.read_csv(buffer, infer_schema=False)


def _copy_out(copy, write: Callable[[bytes], object]) -> None:
    """Every row of a started ``COPY … TO STDOUT`` handed to ``write``, then the copy ended.

    psycopg hands rows over one call at a time: a national staff year (600,000
    rows) took 0.54 s of CPU that way, with the CSV parse. Taking every row
    libpq already holds in one tight loop, and waiting on the socket only when
    it holds none, takes 0.30 s. The end is psycopg's own: the final result
    fetched and checked, so an error mid-copy raises and the connection is
    left as after ``for row in copy`` (``Copy`` then ends without reading;
    interrupted midway, it cancels the rest itself).
    """
    from psycopg import errors, pq
    from psycopg.generators import fetch_many
    from psycopg.waiting import WAIT_R

    connection = copy.connection
    pgconn = connection.pgconn

    def rows():
        while True:
            size, data = pgconn.get_copy_data(1)  # 1: never block; 0 when nothing is held
            if size > 0:
                write(data)
            elif size == 0:
                while not (yield WAIT_R):
                    continue
                pgconn.consume_input()
            else:  # -1: the copy is done (psycopg raises on -2 itself)
                break
        results = yield from fetch_many(pgconn)  # as psycopg ends a copy
        if len(results) != 1:
            raise errors.ProgrammingError("you cannot mix COPY with other operations")
        if results[0].status != pq.ExecStatus.COMMAND_OK:
            raise errors.error_from_result(results[0], encoding=connection.info.encoding)

    connection.wait(rows())


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
        elif isinstance(dtype, pl.Datetime) and frame[name].dtype == pl.String:
            # COPY's text: "2026-10-05 03:00:00+00" (PostgreSQL), or naive UTC.
            parsed = pl.col(name).str.to_datetime(time_unit="us", time_zone="UTC")
            columns.append(parsed.alias(name))
        elif dtype == pl.Boolean() and frame[name].dtype == pl.String:
            columns.append((pl.col(name) == "t").alias(name))
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
