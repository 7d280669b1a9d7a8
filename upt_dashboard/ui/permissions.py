"""What the person using this session may see, asked of the access policy.

Pages ask here, never ``upt_dashboard.access`` directly: the session (who
is signed in) is an adapter concern, the policy a domain one.
"""

from __future__ import annotations

from upt_dashboard import access


def may_see_personal_data(unit_code: str) -> bool:
    """True if this session may see per-employee rows of ``unit_code``."""
    return access.can_see_personal_data(unit_code)
