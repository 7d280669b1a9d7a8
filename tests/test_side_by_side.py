"""``ui.cache.side_by_side`` and ``under_way``: a page's independent requests made at once.

Ringkasan makes its totals, its units' rows and the attention list's signals
side by side. The results must come back in the order asked, at once (not
one after the other), carrying the session (a unit-bound account's page
shows its own unit only, see the page tests), and an error must reach the
page as if the request had been made there.
"""

from __future__ import annotations

import threading

import pytest

from upt_dashboard.ui.cache import side_by_side, under_way


def test_results_come_back_in_the_order_asked():
    assert side_by_side(lambda: 1, lambda: "dua", lambda: None) == [1, "dua", None]
    assert side_by_side() == []


def test_the_requests_run_at_once():
    both = threading.Barrier(2, timeout=10)  # broken if the second waits for the first

    def meet():
        return both.wait()

    assert sorted(side_by_side(meet, meet)) == [0, 1]


def test_an_error_reaches_the_caller():
    def fails():
        raise ValueError("Tidak ada UPT dalam cakupan")

    with pytest.raises(ValueError, match="Tidak ada UPT"):
        side_by_side(lambda: 1, fails)


def test_each_request_carries_the_script_run_of_the_page():
    from streamlit.testing.v1 import AppTest

    def page():
        import streamlit as st
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        from upt_dashboard.ui.cache import side_by_side

        st.session_state["who"] = "pimpinan"
        seen = side_by_side(
            lambda: st.session_state["who"], lambda: get_script_run_ctx() is not None
        )
        st.write(f"{seen[0]} {seen[1]}")

    at = AppTest.from_function(page).run()
    assert not at.exception
    assert at.markdown[0].value == "pimpinan True"


def test_requests_under_way_run_while_the_page_goes_on():
    """The page draws while they run and asks for each result where it draws it."""
    go_on = threading.Event()

    def waits_for_the_page():
        assert go_on.wait(timeout=10)  # the caller got the futures before this ended
        return "dihitung"

    pending, failing = under_way(waits_for_the_page, lambda: 1 / 0)
    assert not pending.done()
    go_on.set()
    assert pending.result(timeout=10) == "dihitung"
    with pytest.raises(ZeroDivisionError):  # an error reaches whoever asks
        failing.result(timeout=10)


def test_requests_under_way_carry_the_script_run_of_the_page():
    from streamlit.testing.v1 import AppTest

    def page():
        import streamlit as st

        from upt_dashboard.ui.cache import under_way

        st.session_state["who"] = "operator"
        (seen,) = under_way(lambda: st.session_state["who"])
        st.write(seen.result())

    at = AppTest.from_function(page).run()
    assert not at.exception
    assert at.markdown[0].value == "operator"
