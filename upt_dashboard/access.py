"""Who may see personal data (names, NIPs, per-employee attendance).

Law No. 27/2022 on personal data protection: only the unit's own operator
and administrators see per-employee rows; leadership views show aggregates.
Accounts and roles do not exist yet, so every caller is treated as allowed;
this is the one check that every personal-data view and export goes through,
so accounts only have to change this function.
"""

from __future__ import annotations


def can_see_personal_data(unit_code: str) -> bool:
    """True if the current user may see per-employee rows of ``unit_code``."""
    return True
