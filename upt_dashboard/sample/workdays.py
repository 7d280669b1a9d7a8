"""Working days as the units keep them: Monday–Friday minus Indonesian national holidays.

Hari Kerja, complaint resolution times, session dates and upload days all
ask here, so they agree with each other. Holidays (Eid al-Fitr included)
come from the ``holidays`` package for the years the sample touches, never
from the wall clock, so the calendar is the same on every run.

Named ``workdays`` rather than ``calendar`` so it never shadows the
standard library module.
"""

from __future__ import annotations

from datetime import date, timedelta

import holidays

from upt_dashboard.months import Month

# 2024-2027: the sample's months plus the uploads and deadlines just after them.
_HOLIDAYS = holidays.Indonesia(years=range(2024, 2028), language="en_US")


def is_working_day(day: date) -> bool:
    """Monday–Friday and not an Indonesian national holiday."""
    return day.weekday() < 5 and day not in _HOLIDAYS


def working_days(period: Month) -> list[date]:
    """The working days of ``period``, in order."""
    days = (period.first_day + timedelta(d) for d in range(period.days))
    return [d for d in days if is_working_day(d)]


def hari_kerja(period: Month) -> int:
    """Scheduled working days: weekdays minus national holidays, at most 23."""
    return min(23, len(working_days(period)))


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
