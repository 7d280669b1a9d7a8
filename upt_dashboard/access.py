"""Who may see personal data (names, NIPs, per-employee attendance).

Law No. 27/2022 on personal data protection: only the unit's own operator
and administrators see per-employee rows; leadership views show aggregates.
Accounts and roles do not exist yet, so every caller is treated as an
administrator; this is the one check that every personal-data view, export
and command goes through, so accounts only have to change this module.

The functions take the :class:`Viewer` asking (None: the current one), so a
signed-in account can be passed in once accounts exist. An employee who
moved between units keeps one year-to-date count (PP 94/2021): the list of
the unit they are in now carries the days from their earlier unit; which
earlier-unit *rows* a viewer may open follows these same rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Viewer:
    """Who is asking: a name for the record, a role, and the units an operator runs."""

    name: str = "pengguna"
    role: str = "admin"  # admin | operator | pimpinan (leadership: aggregates only)
    units: tuple[str, ...] = ()


# The terminal is an operator/administrator tool today.
CLI_OPERATOR = Viewer(name="cli", role="admin")


def can_see_personal_data(unit_code: str, viewer: Viewer | None = None) -> bool:
    """True if ``viewer`` (None: the current user) may see per-employee rows of ``unit_code``."""
    return True


def personal_data_units(unit_codes: Iterable[str], viewer: Viewer | None = None) -> list[str]:
    """The codes among ``unit_codes`` whose per-employee rows ``viewer`` may see, in order."""
    return [code for code in unit_codes if can_see_personal_data(code, viewer)]
