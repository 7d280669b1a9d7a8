"""Who may see and do what: the access policy, decided once, here.

Law No. 27/2022 on personal data protection: names, NIPs and per-employee
attendance are for the unit's own operator and administrators (and whoever
``config/roles.toml`` grants them). A :class:`Viewer` is the signed-in
account as the policy needs it; :func:`data_scope` turns it into the
``storage.scope.DataScope`` every reading function applies in its query,
and the other functions answer the yes/no questions the adapter, exports,
uploads and the CLI ask. The roles themselves are data (``access.roles``).

An employee who moved between units keeps one year-to-date count (PP
94/2021): the list of the unit they are in now carries the days from their
earlier unit; which earlier-unit *rows* a viewer may open follows these
same rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from upt_dashboard.access.roles import Role, role
from upt_dashboard.storage.audit import Actor
from upt_dashboard.storage.scope import NOTHING, DataScope


@dataclass(frozen=True)
class Viewer:
    """The account acting: its username (for the record), role id, and unit (operators)."""

    name: str = "pengguna"
    role: str = "admin"
    unit: str | None = None
    display_name: str = ""
    client: str | None = None  # the browser's address, where known
    demo: bool = False
    must_change_password: bool = False

    @property
    def units(self) -> tuple[str, ...]:
        return (self.unit,) if self.unit else ()

    @property
    def actor(self) -> Actor:
        return Actor(self.name, self.client)

    def role_info(self) -> Role | None:
        return role(self.role)


# The terminal: whoever can run cli.py on the server can read the database.
CLI_OPERATOR = Viewer(name="cli", role="admin", display_name="Baris perintah")


def _unit_bound(viewer: Viewer, info: Role) -> bool:
    return not info.all_units


def data_scope(viewer: Viewer | None, verified_only: bool = False) -> DataScope:
    """What ``viewer`` may read: its units and the units of which it may read personal data.

    No viewer, an unknown role, or a unit-bound role without a unit: nothing.
    """
    info = viewer.role_info() if viewer else None
    if viewer is None or info is None:
        return NOTHING
    if _unit_bound(viewer, info) and not viewer.unit:
        return NOTHING
    units = None if info.all_units else frozenset(viewer.units)
    if info.personal_data == "all":
        personal = None if units is None else units
    elif info.personal_data == "own_unit":
        personal = frozenset(viewer.units)
    else:
        personal = frozenset()
    return DataScope(units, personal, verified_only)


def can_see_personal_data(unit_code: str, viewer: Viewer | None = None) -> bool:
    """True if ``viewer`` may see per-employee rows of ``unit_code`` (no viewer: no)."""
    return data_scope(viewer).sees_personal(unit_code)


def personal_data_units(unit_codes: Iterable[str], viewer: Viewer | None = None) -> list[str]:
    """The codes among ``unit_codes`` whose per-employee rows ``viewer`` may see, in order."""
    return [code for code in unit_codes if can_see_personal_data(code, viewer)]


def may_open(viewer: Viewer | None, page: str) -> bool:
    """True if ``viewer`` may open the page with id ``page`` (its file name without .py)."""
    info = viewer.role_info() if viewer else None
    return info is not None and page in info.pages


def may_upload(viewer: Viewer | None, unit_code: str) -> bool:
    """True if ``viewer`` may store a report of ``unit_code``."""
    info = viewer.role_info() if viewer else None
    if viewer is None or info is None or not info.upload:
        return False
    return info.all_units or unit_code == viewer.unit


def may_verify(viewer: Viewer | None) -> bool:
    info = viewer.role_info() if viewer else None
    return info is not None and info.verify


def may_manage(viewer: Viewer | None) -> bool:
    info = viewer.role_info() if viewer else None
    return info is not None and info.manage


def may_read_audit(viewer: Viewer | None) -> bool:
    info = viewer.role_info() if viewer else None
    return info is not None and info.audit


def upload_units(viewer: Viewer | None, all_units: Iterable[str]) -> list[str]:
    """The units among ``all_units`` ``viewer`` may upload for, in order."""
    return [code for code in all_units if may_upload(viewer, code)]
