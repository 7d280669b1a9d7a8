"""What a unit's next report can start from: the values stored for it before.

The template of a month comes filled with what does not change much from
one month to the next — the staff list, the services run, the capacity —
and with last month's closing residents as this month's opening. This
module reads those from the current stored versions; ``intake.templates``
writes them into the workbook.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine, select

from data_loaders.schema import IDENTITAS, KEHADIRAN_PEGAWAI, LAYANAN, PENERIMA_MANFAAT
from upt_dashboard.months import Month
from upt_dashboard.storage.db import fact_tables, submissions, units


@dataclass(frozen=True)
class Carryover:
    """Values for ``unit``'s report of ``month``; empty where nothing is stored.

    ``source`` is the month the stored values come from (the latest month
    before ``month`` with a current report), None without one.
    """

    unit: str
    month: Month
    capacity: int | None = None
    source: Month | None = None
    pm_awal_bulan: int | None = None
    head: str | None = None  # Nama Kepala UPT
    staff: list[dict] = field(default_factory=list)  # nip, nama, status in sheet order
    services: list[str] = field(default_factory=list)  # jenis_layanan in sheet order


def carryover(engine: Engine, unit: str, month: Month) -> Carryover:
    """The registry capacity and the last stored report's values before ``month``.

    An unknown unit gives an empty Carryover (the caller checks the registry).
    """
    with engine.connect() as conn:
        capacity = conn.execute(select(units.c.capacity).where(units.c.code == unit)).scalar()
        last = conn.execute(
            select(submissions.c.id, submissions.c.year, submissions.c.month)
            .where(
                submissions.c.is_current
                & (submissions.c.unit_code == unit)
                & (
                    (submissions.c.year < month.year)
                    | ((submissions.c.year == month.year) & (submissions.c.month < month.month))
                )
            )
            .order_by(submissions.c.year.desc(), submissions.c.month.desc())
            .limit(1)
        ).first()
        if last is None:
            return Carryover(unit, month, capacity)
        pm = fact_tables[PENERIMA_MANFAAT.name]
        staff = fact_tables[KEHADIRAN_PEGAWAI.name]
        services = fact_tables[LAYANAN.name]
        pm_end = conn.execute(
            select(pm.c.pm_akhir_bulan).where(pm.c.submission_id == last.id)
        ).scalar()
        identitas = fact_tables[IDENTITAS.name]
        head = conn.execute(
            select(identitas.c.nama_kepala_upt).where(identitas.c.submission_id == last.id)
        ).scalar()
        people = conn.execute(
            select(staff.c.nip, staff.c.nama, staff.c.status)
            .where(staff.c.submission_id == last.id)
            .order_by(staff.c.row_no)
        ).mappings()
        staff_rows = [dict(r) for r in people]
        kinds = conn.execute(
            select(services.c.jenis_layanan)
            .where(services.c.submission_id == last.id)
            .order_by(services.c.row_no)
        ).scalars()
        service_rows = list(kinds)
    return Carryover(
        unit,
        month,
        capacity,
        Month(last.year, last.month),
        pm_end,
        head,
        staff_rows,
        service_rows,
    )
