"""The monthly template a unit downloads, filled from what is already stored.

Where storage (the registry, last month's report) meets the template
writer of ``data_loaders``: Identitas, the capacity, this month's opening
residents (last stored closing), the staff list (NIP, Nama, Status) and the
service types of the last stored report. Numbers that change every month
are left for the clerk.
"""

from __future__ import annotations

from sqlalchemy import Engine

from data_loaders.schema import IDENTITAS, KEHADIRAN_PEGAWAI, LAYANAN, PENERIMA_MANFAAT
from data_loaders.template import template_bytes
from upt_dashboard.months import Month
from upt_dashboard.storage.carryover import Carryover, carryover
from upt_dashboard.storage.registry import list_units
from upt_dashboard.storage.scope import DataScope


class UnknownUnit(LookupError):
    """The unit code is not in the registry."""


def prefill_values(values: Carryover) -> dict:
    """The carried-over values by sheet and field, as ``fill_template`` takes them."""
    pm: dict[str, int] = {}
    if values.capacity is not None:
        pm["daya_tampung"] = values.capacity
    if values.pm_awal_bulan is not None:
        pm["pm_awal_bulan"] = values.pm_awal_bulan
    prefill: dict = {PENERIMA_MANFAAT.name: pm}
    if values.head:
        prefill[IDENTITAS.name] = {"nama_kepala_upt": values.head}
    if values.staff:
        prefill[KEHADIRAN_PEGAWAI.name] = [
            {k: row[k] for k in ("nip", "nama", "status") if row[k] is not None}
            for row in values.staff
        ]
    if values.services:
        prefill[LAYANAN.name] = [{"jenis_layanan": kind} for kind in values.services]
    return prefill


def prefilled_template(engine: Engine, unit: str, month: Month, scope: DataScope) -> bytes:
    """The template of ``unit`` for ``month`` with the carried-over values written in.

    The staff list is personal data: ``scope`` must have personal-data
    rights on ``unit``. Raises UnknownUnit for a code the registry does not
    know, or one outside what ``scope`` may prefill.
    """
    units = list_units(engine)
    match = units.filter(units["code"] == unit)
    if match.is_empty() or not scope.sees_personal(unit):
        raise UnknownUnit(unit)
    values = carryover(engine, unit, month)
    return template_bytes(unit, match["name"][0], month, prefill=prefill_values(values))
