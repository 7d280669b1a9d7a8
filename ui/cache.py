"""Streamlit caching around the plain modules (the only Streamlit import in ui/).

Cached data is keyed by ``data_version()`` — the newest submission id — so
an upload shows on every page at once without clearing caches by hand.
"""

from __future__ import annotations

import streamlit as st
from sqlalchemy import Engine, func, select

import settings
from bulk_import import load_sample_data_if_empty, sample_data_in_use
from storage.db import get_engine
from storage.db import submissions as submissions_table


@st.cache_resource(show_spinner=False)
def engine() -> Engine:
    """One engine per process; an empty database gets the sample data if enabled."""
    eng = get_engine(settings.get("DATABASE_URL") or None)
    if settings.flag("DASHBOARD_LOAD_SAMPLE_DATA"):
        load_sample_data_if_empty(eng)
    return eng


def data_version() -> int:
    """Changes whenever a submission is stored: the cache key for derived data."""
    with engine().connect() as conn:
        return conn.execute(select(func.coalesce(func.max(submissions_table.c.id), 0))).scalar()


@st.cache_data(show_spinner=False)
def is_sample_data(version: int) -> bool:
    return sample_data_in_use(engine())


@st.cache_data(show_spinner=False)
def _units(version: int):
    from storage.registry import list_units

    return list_units(engine())


def units_table():
    """The unit registry (code, name, type, city, capacity, type_name, rehabilitation)."""
    return _units(data_version())


def unit_label(code: str) -> str:
    units = units_table()
    name = units.filter(units["code"] == code)["name"]
    return f"{code} — {name[0]}" if len(name) else code


def recent_periods(count: int = 24) -> list[tuple[int, int]]:
    """(year, month) of the current month and the ones before it, newest first."""
    from datetime import date

    today = date.today()
    months = today.year * 12 + today.month - 1
    return [(m // 12, m % 12 + 1) for m in range(months, months - count, -1)]


@st.cache_data(show_spinner=False)
def template(unit: str, year: int, month: int) -> bytes:
    from data_loaders.template import template_bytes

    units = units_table()
    name = units.filter(units["code"] == unit)["name"][0]
    return template_bytes(unit, name, year, month)


def check_upload(data: bytes, filename: str):
    from ingest import check_file

    return check_file(engine(), data, filename)


@st.cache_data(show_spinner=False)
def _submissions(version: int):
    from storage.submissions import list_submissions

    return list_submissions(engine())


def submissions():
    return _submissions(data_version())


@st.cache_data(show_spinner=False, max_entries=8)
def submission_file(submission_id: int) -> tuple[str, bytes]:
    from storage.submissions import submission_file as fetch

    return fetch(engine(), submission_id)


@st.cache_data(show_spinner=False, max_entries=32)
def version_diff(old_id: int, new_id: int, include_personal: bool):
    from storage.versions import compare_versions

    return compare_versions(engine(), old_id, new_id, include_personal)
