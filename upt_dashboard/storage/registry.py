"""The unit registry: config/units.csv and config/unit_types.csv.

The CSV files are the editable source; they are loaded into the database
when it is created, and ``sync_registry`` brings later edits in.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
from sqlalchemy import Engine, func, insert, select

from upt_dashboard import paths
from upt_dashboard.storage.db import unit_types, units

UNITS_CSV = paths.UNITS_CSV
UNIT_TYPES_CSV = paths.UNIT_TYPES_CSV


def read_registry(
    units_csv: Path = UNITS_CSV, types_csv: Path = UNIT_TYPES_CSV
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The registry files as frames (units, unit types)."""
    types = pl.read_csv(types_csv, schema_overrides={"rehabilitation": pl.Boolean})
    unit_rows = pl.read_csv(units_csv, schema_overrides={"capacity": pl.Int64})
    unknown = set(unit_rows["type"]) - set(types["type"])
    if unknown:
        raise ValueError(f"{units_csv}: unknown unit types {sorted(unknown)}")
    return unit_rows, types


def load_registry_if_empty(engine: Engine) -> None:
    with engine.connect() as conn:
        if conn.execute(select(func.count()).select_from(units)).scalar():
            return
    sync_registry(engine)


def sync_registry(engine: Engine) -> None:
    """Upsert units and types from the CSV files (units are never deleted)."""
    unit_rows, types = read_registry()
    with engine.begin() as conn:
        known_types = set(conn.execute(select(unit_types.c.type)).scalars())
        known_units = set(conn.execute(select(units.c.code)).scalars())
        for row in types.iter_rows(named=True):
            if row["type"] in known_types:
                conn.execute(
                    unit_types.update().where(unit_types.c.type == row["type"]).values(**row)
                )
            else:
                conn.execute(insert(unit_types).values(**row))
        for row in unit_rows.iter_rows(named=True):
            if row["code"] in known_units:
                conn.execute(units.update().where(units.c.code == row["code"]).values(**row))
            else:
                conn.execute(insert(units).values(**row))


def list_units(engine: Engine) -> pl.DataFrame:
    """Units with their type names: code, name, type, city, capacity, type_name."""
    query = (
        select(units, unit_types.c.name.label("type_name"), unit_types.c.rehabilitation)
        .join(unit_types, units.c.type == unit_types.c.type)
        .order_by(units.c.type, units.c.code)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    return pl.DataFrame(
        [dict(r) for r in rows],
        schema={
            "code": pl.String,
            "name": pl.String,
            "type": pl.String,
            "city": pl.String,
            "capacity": pl.Int64,
            "type_name": pl.String,
            "rehabilitation": pl.Boolean,
        },
    )
