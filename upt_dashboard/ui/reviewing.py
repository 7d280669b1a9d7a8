"""The Verifikasi page's side: the queue, a report's key figures and diff, the verdict.

Everything is read with the signed-in account's scope; the verdict goes
through ``storage.review`` (state change and audit row in one transaction).
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from upt_dashboard.months import Month
from upt_dashboard.storage import review
from upt_dashboard.storage.versions import stored_frames
from upt_dashboard.ui import cache, permissions
from upt_dashboard.views.format import period_label
from upt_dashboard.views.i18n import t
from upt_dashboard.views.tables import key_numbers, replacement_diff

_OUTCOME_KEY = "review_outcome"
_PROBLEM_KEY = "review_problem"


def queue() -> pl.DataFrame:
    """Current versions waiting for verification in this account's scope, oldest first."""
    return review.queue(cache.engine(), cache.scope())


def key_figures(row: dict) -> pl.DataFrame:
    """The key figures of the submission ``row`` (a listing row)."""
    frames = stored_frames(cache.engine(), row["id"], cache.scope())
    if frames is None:
        return pl.DataFrame()
    rows = key_numbers(frames)
    return pl.DataFrame(
        {t("col.item"): [t(k) for k, _ in rows], t("col.value"): [v for _, v in rows]}
    )


def previous_version(row: dict) -> dict | None:
    """The listing row of the version before ``row`` of the same unit-month, if any."""
    listing = cache.submissions()
    earlier = listing.filter(
        (pl.col("unit_code") == row["unit_code"])
        & (pl.col("year") == row["year"])
        & (pl.col("month") == row["month"])
        & (pl.col("version") < row["version"])
    ).sort("version")
    return earlier.row(-1, named=True) if earlier.height else None


def diff(old_id: int, new_id: int) -> pl.DataFrame:
    """Every value that changed between the two versions (``storage.versions``)."""
    return cache.version_diff(old_id, new_id)


def key_changes(old_id: int, new_id: int, version: int) -> pl.DataFrame:
    """The key figures of version ``version`` (``old_id``) beside the newer one's."""
    scope = cache.scope()
    old, new = (stored_frames(cache.engine(), i, scope) for i in (old_id, new_id))
    return replacement_diff(old, new, version) if old and new else pl.DataFrame()


def decide(row: dict, verdict: str, comment: str) -> None:
    """Button callback: record the verdict, or keep the reason it was refused."""
    viewer = cache.viewer()
    if viewer is None or not permissions.may_verify():
        st.session_state[_PROBLEM_KEY] = t("auth.not_allowed")
        return
    try:
        review.review(cache.engine(), row["id"], verdict, viewer.actor, cache.scope(), comment)
    except review.ReviewRefused as exc:
        st.session_state[_PROBLEM_KEY] = t(exc.key)
        return
    cache.data_stored()
    key = "review.done_verified" if verdict == review.VERIFIED else "review.done_returned"
    where = {"unit": row["unit_code"], "period": period_label(Month(row["year"], row["month"]))}
    st.session_state[_OUTCOME_KEY] = t(key, **where)


def pop_outcome() -> str | None:
    return st.session_state.pop(_OUTCOME_KEY, None)


def pop_problem() -> str | None:
    return st.session_state.pop(_PROBLEM_KEY, None)
