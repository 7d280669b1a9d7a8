"""CSV downloads made at the click (``ui.widgets.csv_at_click``): Streamlit calls the
maker in a thread of its own, where the page's language is not set."""

import threading

import polars as pl

from upt_dashboard.ui.widgets import csv_at_click
from upt_dashboard.views.i18n import t


def _in_a_new_thread(make):
    made = []
    worker = threading.Thread(target=lambda: made.append(make()))
    worker.start()
    worker.join()
    return made[0].decode("utf-8-sig").splitlines()


def _table() -> pl.DataFrame:
    return pl.DataFrame({t("col.unit"): [t("overview.scorecard_rule"), "PSTW-JBG"]})


def test_a_table_made_at_the_click_speaks_the_language_of_its_page():
    assert _in_a_new_thread(csv_at_click(_table, "en")) == ["Unit", "Status thresholds", "PSTW-JBG"]
    assert _in_a_new_thread(csv_at_click(_table, "id")) == ["UPT", "Ambang status", "PSTW-JBG"]


def test_a_table_is_not_made_before_the_click():
    calls = []
    make = csv_at_click(lambda: calls.append(1) or _table(), "id")
    assert calls == []
    make()
    assert calls == [1]


def test_a_frame_given_whole_is_written_as_it_is():
    frame = pl.DataFrame({"UPT": ["=cmd()", "PSTW-JBG"]})
    assert _in_a_new_thread(csv_at_click(frame, "en")) == ["UPT", "'=cmd()", "PSTW-JBG"]
