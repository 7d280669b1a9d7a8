"""Verification of stored reports: *diunggah* → *diverifikasi* or *dikembalikan*.

A verifikator (or an administrator: ``upt_dashboard.access`` decides who)
marks the current version of a unit-month verified, or returns it with a
comment the operator reads on the upload page. A new version of the
unit-month is a new submission and starts *diunggah* again. The state
change and its audit row are one transaction.
"""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl
from sqlalchemy import Engine, select, update

from upt_dashboard.storage import audit
from upt_dashboard.storage.audit import Actor
from upt_dashboard.storage.db import submissions
from upt_dashboard.storage.scope import DataScope
from upt_dashboard.storage.submissions import RETURNED, UPLOADED, VERIFIED, list_submissions

__all__ = ["RETURNED", "VERIFIED", "ReviewRefused", "queue", "review"]


class ReviewRefused(ValueError):
    """The review cannot be recorded; ``key`` names the message (``views.messages``)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def review(
    engine: Engine,
    submission_id: int,
    verdict: str,
    actor: Actor,
    scope: DataScope,
    comment: str = "",
    at: datetime | None = None,
) -> None:
    """Record ``verdict`` (VERIFIED or RETURNED) on the current submission ``submission_id``.

    Raises ReviewRefused for an unknown or superseded submission, one outside
    ``scope``, a bad verdict, or a return without a comment.
    """
    if verdict not in (VERIFIED, RETURNED):
        raise ReviewRefused("review.error.verdict")
    comment = comment.strip()
    if verdict == RETURNED and not comment:
        raise ReviewRefused("review.error.comment_required")
    at = at or datetime.now(UTC)
    with audit.write_transaction(engine) as conn:
        row = conn.execute(
            select(
                submissions.c.unit_code,
                submissions.c.year,
                submissions.c.month,
                submissions.c.version,
                submissions.c.is_current,
            ).where(
                (submissions.c.id == submission_id) & scope.unit_clause(submissions.c.unit_code)
            )
        ).first()
        if row is None:
            raise ReviewRefused("review.error.not_found")
        if not row.is_current:
            raise ReviewRefused("review.error.superseded")
        conn.execute(
            update(submissions)
            .where(submissions.c.id == submission_id)
            .values(
                review_state=verdict,
                reviewed_by=actor.username,
                reviewed_at=at,
                review_comment=comment or None,
            )
        )
        audit.record(
            conn,
            actor,
            "review.verified" if verdict == VERIFIED else "review.returned",
            unit=row.unit_code,
            period=f"{row.year:04d}-{row.month:02d}",
            obj=f"submission:{submission_id}",
            details={"version": row.version, "comment": comment},
            at=at,
        )


def queue(engine: Engine, scope: DataScope) -> pl.DataFrame:
    """Current versions still *diunggah*, oldest upload first (the Verifikasi page's list)."""
    listing = list_submissions(engine, scope)
    return listing.filter(pl.col("is_current") & (pl.col("review_state") == UPLOADED)).sort(
        "uploaded_at", "id"
    )
