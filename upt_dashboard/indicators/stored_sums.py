"""Rewrite the per-unit-month sums stored with the reports (``unit_month_parts``).

Every accepted report stores its sums in the same transaction. When what is
summed changes — the late or early-leave weights in the configuration, an
indicator added in a new release — the stored sums no longer match the
current definition. The engine then sums those reports from their rows:
still correct, but a cold start at national scale reads millions of rows
again. :func:`rebuild_stored_sums` (``python cli.py sums rebuild``, also run
by ``db upgrade``) writes them anew, a few units at a time so memory stays
flat, each batch in its own transaction.
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl
from sqlalchemy import Engine

from upt_dashboard.indicators.config import Config
from upt_dashboard.indicators.sums import KEY, encode_parts, parts_definition, parts_from_rows
from upt_dashboard.storage.facts import load_facts
from upt_dashboard.storage.scope import EVERYTHING
from upt_dashboard.storage.submissions import replace_parts, reports_needing_parts

UNITS_PER_BATCH = 50


def rebuild_stored_sums(
    engine: Engine,
    config: Config,
    *,
    everything: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Store the current definition's sums for every current report lacking them.

    ``everything``: rewrite the sums of every current report. ``progress``
    is called with (reports done, reports to do) after each batch. Returns
    how many reports got new sums.
    """
    definition = parts_definition(config)
    needed = reports_needing_parts(engine, definition.digest, everything=everything)
    ids_by_unit: dict[str, set[int]] = {}
    for submission_id, unit in needed:
        ids_by_unit.setdefault(unit, set()).add(submission_id)
    done = 0
    codes = sorted(ids_by_unit)
    for first in range(0, len(codes), UNITS_PER_BATCH):
        units = codes[first : first + UNITS_PER_BATCH]
        wanted = set().union(*(ids_by_unit[u] for u in units))
        facts = load_facts(engine, EVERYTHING, units=units)
        current = facts.submissions.filter(pl.col("is_current"), pl.col("id").is_in(wanted))
        parts = current.select("id", *KEY).join(
            parts_from_rows(facts, config, current), on=KEY, how="left"
        )
        done += replace_parts(
            engine,
            {row["id"]: encode_parts(row, definition) for row in parts.iter_rows(named=True)},
        )
        if progress is not None:
            progress(done, len(needed))
    return done
