"""Working days as the units keep them.

Office staff work Monday–Friday minus Indonesian national holidays and cuti
bersama (the joint leave days the government adds around them). Care staff
of a 24-hour home work a shift roster: six days of every eight, weekends
and holidays included. Hari Kerja, complaint deadlines, session dates and
upload days all ask here, so they agree with each other. Holidays (Eid
al-Fitr included) come from the ``holidays`` package for the years the
sample touches, never from the wall clock, so the calendar is the same on
every run.

Named ``workdays`` rather than ``calendar`` so it never shadows the
standard library module.
"""

from __future__ import annotations

from datetime import date, timedelta

import holidays

from upt_dashboard.months import Month

# 2024-2027: the sample's months plus the uploads and deadlines just after them.
_HOLIDAYS = holidays.Indonesia(
    years=range(2024, 2028), language="en_US", categories=("public", "government")
)
# A shift roster: on duty ROSTER_ON days of every ROSTER_CYCLE (pagi, pagi, siang, siang,
# malam, malam, libur, libur), counted from a fixed day so it never depends on the clock.
ROSTER_CYCLE, ROSTER_ON = 8, 6
_ROSTER_EPOCH = date(2024, 1, 1)


def is_working_day(day: date) -> bool:
    """Monday–Friday and neither a national holiday nor cuti bersama (office staff)."""
    return day.weekday() < 5 and day not in _HOLIDAYS


def working_days(period: Month) -> list[date]:
    """The office working days of ``period``, in order."""
    days = (period.first_day + timedelta(d) for d in range(period.days))
    return [d for d in days if is_working_day(d)]


def hari_kerja(period: Month) -> int:
    """Scheduled days of an office employee: weekdays minus holidays and cuti bersama."""
    return len(working_days(period))


def on_roster(day: date, offset: int) -> bool:
    """Whether a care worker whose roster is shifted by ``offset`` is on duty that day."""
    return ((day - _ROSTER_EPOCH).days + offset) % ROSTER_CYCLE < ROSTER_ON


def roster_days(period: Month, offset: int) -> list[date]:
    """The days of ``period`` a care worker with this roster offset is on duty."""
    days = (period.first_day + timedelta(d) for d in range(period.days))
    return [d for d in days if on_roster(d, offset)]


def add_working_days(day: date, n: int) -> date:
    """The n-th working day after ``day`` (n=0: ``day`` itself or the next working day)."""
    while not is_working_day(day):
        day += timedelta(1)
    while n > 0:
        day += timedelta(1)
        if is_working_day(day):
            n -= 1
    return day


def eid_al_fitr(year: int) -> date:
    """The first day of Idul Fitri in ``year``: Lebaran leave clusters around it."""
    return min(d for d, name in _HOLIDAYS.items() if d.year == year and name == "Eid al-Fitr")
