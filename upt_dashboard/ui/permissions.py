"""What the account signed in to this session may see and do, asked of the access policy.

Pages ask here, never ``upt_dashboard.access`` directly: the session (who
is signed in) is an adapter concern, the policy a domain one. Views of
per-employee data are recorded in the audit log here, once per session for
each thing shown (a rerun of the same view is not a new view).
"""

from __future__ import annotations

import streamlit as st

from upt_dashboard import access
from upt_dashboard.storage import audit
from upt_dashboard.ui import cache

_SEEN_KEY = "permissions_recorded_views"


def may_see_personal_data(unit_code: str) -> bool:
    """True if this session may see per-employee rows of ``unit_code``."""
    return access.can_see_personal_data(unit_code, cache.viewer())


def may_upload(unit_code: str) -> bool:
    return access.may_upload(cache.viewer(), unit_code)


def upload_units(codes: list[str]) -> list[str]:
    """The units among ``codes`` this session may upload (and get templates) for."""
    return access.upload_units(cache.viewer(), codes)


def may_verify() -> bool:
    return access.may_verify(cache.viewer())


def may_manage() -> bool:
    return access.may_manage(cache.viewer())


def may_read_audit() -> bool:
    return access.may_read_audit(cache.viewer())


def record(
    action: str,
    *,
    unit: str | None = None,
    period: str | None = None,
    obj: str | None = None,
    details: dict | None = None,
    once: bool = False,
) -> None:
    """Write an audit row for this session's account (``once``: once per session per key)."""
    viewer = cache.viewer()
    if viewer is None:
        return
    key = (action, unit, period, obj)
    seen = st.session_state.setdefault(_SEEN_KEY, set())
    if once and key in seen:
        return
    audit.record_alone(
        cache.engine(), viewer.actor, action, unit=unit, period=period, obj=obj, details=details
    )
    seen.add(key)


def personal_view(unit: str, period: str, what: str) -> None:
    """Record that this session was shown per-employee data of ``unit`` (``what``: which)."""
    record("personal.view", unit=unit, period=period, obj=what, once=True)
