"""``storage.facts.without``: the rows of some unit-months dropped from a held frame.

It keeps the other rows as slices of the frame rather than a copy, so the
cases that matter are where the dropped rows fall: first, last, together,
scattered, none, and more than slicing is worth.
"""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from upt_dashboard.storage import facts
from upt_dashboard.storage.facts import without

UNITS = ["A", "B", "C", "D"]
MONTHS = [date(2026, m, 1) for m in range(1, 13)]


def _frame(rows_per_unit_month: int = 3) -> pl.DataFrame:
    rows = [
        (unit, month, i) for month in MONTHS for unit in UNITS for i in range(rows_per_unit_month)
    ]
    return pl.DataFrame(rows, schema=["unit_code", "period", "value"], orient="row")


def _filtered(frame: pl.DataFrame, unit_months: list[tuple[str, date]]) -> pl.DataFrame:
    """What ``without`` must give: the other rows, in their order."""
    return frame.filter(
        ~pl.struct("unit_code", "period").is_in(
            [{"unit_code": u, "period": p} for u, p in unit_months]
        )
    )


@pytest.mark.parametrize(
    "unit_months",
    [
        [("A", MONTHS[0])],  # the first rows
        [("D", MONTHS[-1])],  # the last rows
        [("B", MONTHS[4])],
        [("A", MONTHS[0]), ("D", MONTHS[-1]), ("C", MONTHS[6]), ("C", MONTHS[7])],
        [("Z", MONTHS[0])],  # nothing of it held
        [(unit, month) for unit in UNITS for month in MONTHS],  # everything
    ],
)
def test_the_rows_of_the_unit_months_are_dropped_and_the_rest_kept_in_order(unit_months):
    frame = _frame()
    dropped = pl.DataFrame(unit_months, schema=["unit_code", "period"], orient="row")
    assert_frame_equal(without(frame, dropped), _filtered(frame, unit_months))


def test_nothing_to_drop_gives_the_frame_itself():
    frame = _frame()
    dropped = pl.DataFrame([("Z", MONTHS[0])], schema=["unit_code", "period"], orient="row")
    assert without(frame, dropped) is frame


def test_many_uploads_do_not_leave_the_frame_in_ever_more_pieces():
    frame = _frame()
    for month in MONTHS:
        for unit in UNITS[:2]:
            dropped = pl.DataFrame([(unit, month)], schema=["unit_code", "period"], orient="row")
            frame = pl.concat(
                [
                    without(frame, dropped),
                    _frame().join(dropped, on=["unit_code", "period"], how="semi"),
                ]
            )
            assert frame.n_chunks() <= facts.MAX_CHUNKS + 2
    assert_frame_equal(frame.sort(frame.columns), _frame().sort(frame.columns))


def test_a_bulk_import_is_dropped_with_one_copy(monkeypatch):
    monkeypatch.setattr(facts, "MAX_SLICES", 2)
    frame = _frame()
    unit_months = [("A", MONTHS[0]), ("C", MONTHS[5])]
    dropped = pl.DataFrame(unit_months, schema=["unit_code", "period"], orient="row")
    kept = without(frame, dropped)
    assert kept.n_chunks() == 1
    assert_frame_equal(kept, _filtered(frame, unit_months))


def test_units_alone_drop_every_row_of_those_units():
    frame = _frame()
    kept = without(frame, pl.DataFrame({"unit_code": ["B", "D"]}))
    assert_frame_equal(kept, frame.filter(~pl.col("unit_code").is_in(["B", "D"])))
