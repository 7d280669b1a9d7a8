"""The units the sample covers, as :class:`Unit` records built from the project registry.

There is one registry reader, :func:`upt_dashboard.storage.registry.read_registry`
(``config/units.csv`` checked against ``config/unit_types.csv``); this module
only turns its units frame into the small frozen records the simulation
passes around. The order is the CSV's: it is the order units are simulated
and listed in the sample README.
"""

from __future__ import annotations

from dataclasses import dataclass

from upt_dashboard.storage.registry import read_registry


@dataclass(frozen=True)
class Unit:
    """One registered unit: what the generator needs to know about it."""

    code: str  # Kode UPT, e.g. "PSTW-JBG"; also seeds the unit's random streams
    name: str  # registered name, written into Identitas
    type: str  # unit type code (PSTW, RSBL, ...): picks flows, services, survey mix
    city: str
    capacity: int  # Daya Tampung


def read_units() -> list[Unit]:
    """Every registered unit, in registry order (ValueError if a unit's type is unknown)."""
    units, _types = read_registry()
    return [
        Unit(row["code"], row["name"], row["type"], row["city"], row["capacity"])
        for row in units.iter_rows(named=True)
    ]
