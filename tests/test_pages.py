"""The dashboard pages in AppTest, on the sample data (loaded once per session).

For every page: no exception, the expected charts, metrics and tables, and
a filter change that changes what is shown; plus the English switch, the
filters carrying across pages and the personal-data check.
"""

from __future__ import annotations

import csv
import io
import json
import threading
from datetime import date

import pytest
import streamlit as st
from streamlit.runtime.scriptrunner import script_runner
from streamlit.testing.v1 import AppTest

from tests.conftest import TEST_ACCOUNTS, ensure_account, run_entry_file, sign_in
from upt_dashboard import paths
from upt_dashboard.intake.bulk import load_sample_data
from upt_dashboard.months import Month
from upt_dashboard.storage.bootstrap import init_db
from upt_dashboard.storage.db import get_engine
from upt_dashboard.ui import cache, widgets
from upt_dashboard.views import overview
from upt_dashboard.views.i18n import language, set_language

ROOT = paths.ROOT

# page -> (plotly charts, metrics, tables) at least, with the default filters
PAGES = {
    "pages/ringkasan.py": (3, 10, 2),
    "pages/tren.py": (2, 0, 0),
    "pages/perbandingan_upt.py": (1, 0, 1),
    "pages/profil_upt.py": (4, 0, 3),
    "pages/kelengkapan_laporan.py": (1, 4, 0),
    "pages/kualitas_data.py": (1, 0, 1),
    "pages/definisi_indikator.py": (0, 0, 2),
}


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> str:
    """A SQLite database holding all of sample_data/ (about 15 s, once)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('pages') / 'sample.db'}"
    engine = init_db(get_engine(url))
    results = load_sample_data(engine)
    for role in TEST_ACCOUNTS:
        ensure_account(engine, role)
    engine.dispose()
    assert results and all(r.status == "accepted" for r in results)
    return url


def fresh_session(role: str = "admin") -> AppTest:
    """A new browser session of the app, signed in with the test account of ``role``."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    return sign_in(at, TEST_ACCOUNTS[role][0])


@pytest.fixture
def app(sample_db, monkeypatch):
    """A fresh session of the app on the sample database, landed on Ringkasan."""
    # With a pages/ folder present, AppTest runs every rerun in Streamlit's v1
    # multipage mode, which executes the page file alone, skipping app.py (no
    # language switch, no banner). A browser session runs app.py every time once
    # st.navigation has been called; make AppTest do the same.
    monkeypatch.setattr(script_runner, "_mpa_v1", run_entry_file)
    monkeypatch.setenv("DATABASE_URL", sample_db)
    monkeypatch.setenv("DASHBOARD_LOAD_SAMPLE_DATA", "0")
    # Other test modules point the cached engine elsewhere; reuse ours when it is ours.
    if str(cache.engine().url) != sample_db:
        st.cache_resource.clear()
        st.cache_data.clear()
    at = fresh_session("admin")
    assert not at.exception
    return at


def _open(at: AppTest, page: str) -> AppTest:
    at.switch_page(page).run()
    assert not at.exception, at.exception[0].message if at.exception else ""
    return at


def _figures(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def _titles(at: AppTest) -> list[str]:
    return [fig["layout"]["title"]["text"] for fig in _figures(at)]


def _tables(at: AppTest) -> list:
    return [df.value for df in at.dataframe]


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_its_elements(app, page):
    at = _open(app, page)
    charts, metrics, tables = PAGES[page]
    assert len(at.get("plotly_chart")) >= charts
    assert len(at.metric) >= metrics
    assert len(at.dataframe) >= tables
    assert at.title and not at.error
    assert any("Data contoh" in info.value for info in at.info)  # the sample banner
    for fig in _figures(at):  # every chart says its period and source
        assert "Sumber" in fig["layout"]["title"]["subtitle"]["text"]
    assert len(at.get("download_button")) >= charts  # and offers its data


def _table_with(at, column: str):
    """The page's table holding ``column`` (pages add sections; order is not the point)."""
    return next(table for table in _tables(at) if column in table.columns)


def test_ringkasan_cards_scorecard_and_type_filter(app):
    at = app
    labels = [m.label for m in at.metric]
    assert labels[:2] == ["Indeks Orientasi Pelayanan", "Indeks Disiplin"]
    assert all(m.value not in ("", None) for m in at.metric)
    scorecard = _table_with(at, "Indeks Disiplin")
    # the bands row first ("Ambang status"), then one row per unit
    assert len(scorecard) == 1 + 13 and scorecard.columns[0] == "UPT"
    assert scorecard["UPT"][0] == "Ambang status"
    assert scorecard["Indeks Disiplin"][0] == "✓ ≥ 80,0 · ! ≥ 60,0"
    backlog = _table_with(at, "Lewat tenggat (hari kerja)")  # open complaints past due
    assert len(backlog) >= 1 and (backlog["Umur (hari kerja)"].astype(int) > 5).all()
    at.multiselect(key="filter_types").set_value(["PSTW"]).run()
    assert not at.exception
    assert len(_table_with(at, "Indeks Disiplin")) == 1 + 7
    assert "PSTW (7 UPT)" in at.caption[0].value


def test_ringkasan_draws_the_attention_list_in_its_place_and_caps_it(app, monkeypatch):
    """The attention list is drawn last (its signals are counted while the rest is
    drawn) but shows under the cards; past SHOWN_UNITS units it shows the most
    urgent ones and says how many there are."""
    at = app
    headings = [h.value for h in at.subheader]
    assert headings[0].startswith("Perlu perhatian (") and "Tren" in headings[1]
    total = int(headings[0].split("(")[1].split()[0])
    links = len(at.get("page_link"))
    assert total > 2 and links >= total  # one link per unit, all shown
    assert not any("paling mendesak di atas. Unduhan" in c.value for c in at.caption)
    # in the page's order: the summary, the cards, then the attention list
    order = [node.type for node in at.main if node.type in ("info", "metric", "subheader")]
    summary, first_card = order.index("info", 1), order.index("metric")  # after the banner
    assert summary < first_card < order.index("subheader")

    monkeypatch.setattr("upt_dashboard.views.overview.SHOWN_UNITS", 2)
    at.run()
    assert not at.exception
    assert at.subheader[0].value == headings[0]  # the count stays the whole
    assert f"2 dari {total} UPT ditampilkan, yang paling mendesak" in " ".join(
        c.value for c in at.caption
    )
    assert len(at.get("page_link")) == links - (total - 2)  # two units' links left


@pytest.fixture
def made_at_click(monkeypatch):
    """The CSV rows each download button of the next runs would make when clicked, by key.

    AppTest never clicks: a spy keeps each button's maker, called here in a thread of
    its own as Streamlit calls it."""
    makers = {}
    original = widgets.download_csv

    def spy(data, *, key, filename):
        makers[key] = widgets.csv_at_click(data, language())
        original(data, key=key, filename=filename)

    monkeypatch.setattr(widgets, "download_csv", spy)

    def rows(key: str) -> list[list[str]]:
        made = []
        worker = threading.Thread(target=lambda: made.append(makers[key]()))
        worker.start()
        worker.join()
        return list(csv.reader(io.StringIO(made[0].decode("utf-8-sig"))))

    return rows


def test_ringkasan_lists_the_oldest_overdue_complaints_and_says_how_many(
    app, monkeypatch, made_at_click
):
    """A national backlog runs to tens of thousands: the page lists the oldest ones, says
    how many there are, and leaves the rest to the CSV download."""
    at = app
    whole = _table_with(at, "Lewat tenggat (hari kerja)")
    assert len(whole) >= 2 and not any("pengaduan tertua dari" in c.value for c in at.caption)

    monkeypatch.setattr("upt_dashboard.views.complaints.SHOWN_BACKLOG", 1)
    at.run()
    assert not at.exception
    shown = _table_with(at, "Lewat tenggat (hari kerja)")
    assert shown.equals(whole.head(1))  # the oldest
    assert f"1 pengaduan tertua dari {len(whole)} ditampilkan" in " ".join(
        c.value for c in at.caption
    )
    downloaded = made_at_click("ringkasan_backlog")
    assert downloaded[0] == list(whole.columns) and len(downloaded) == 1 + len(whole)
    assert [row[1] for row in downloaded[1:]] == whole.iloc[:, 1].astype(str).tolist()


def test_ringkasan_downloads_hold_every_unit_when_the_page_shows_some(
    app, monkeypatch, made_at_click
):
    """Past SHOWN_UNITS units the scorecard and the attention list show the most urgent;
    their CSVs, made at the click, hold every unit."""
    at = app
    attention = int(at.subheader[0].value.split("(")[1].split()[0])
    most_in_need = overview.most_in_need
    monkeypatch.setattr(overview, "SHOWN_UNITS", 2)
    monkeypatch.setattr(overview, "most_in_need", lambda *args: most_in_need(*args, limit=2))
    at.run()
    assert not at.exception
    assert len(_table_with(at, "Indeks Disiplin")) == 1 + 2  # the bands row, two units
    scorecard = made_at_click("ringkasan_scorecard")
    assert scorecard[0][0] == "UPT" and scorecard[1][0] == "Ambang status"
    assert len(scorecard) == 2 + 13 and len({row[0] for row in scorecard[2:]}) == 13
    listed = made_at_click("ringkasan_attention")
    assert listed[0] == ["UPT", "Status", "Alasan"] and len(listed) == 1 + attention


def test_ringkasan_period_grain_changes_the_cards(app):
    at = app
    before = [m.value for m in at.metric]
    at.segmented_control(key="filter_grain").set_value("year").run()
    assert not at.exception
    assert at.selectbox(key="filter_period").value.year == 2026
    assert [m.value for m in at.metric] != before
    assert "2026" in at.caption[0].value


def test_tren_level_and_indicators(app):
    at = _open(app, "pages/tren.py")
    first = _figures(at)[0]
    names = {trace["name"] for trace in first["data"]}
    assert "Provinsi Jawa Timur" in names and any(n.startswith("PSTW") for n in names)
    assert first["layout"]["shapes"]  # target line and band shading
    at.segmented_control(key="tren_level").set_value("province").run()
    # a composite index has no target line: 100 is the end of its scale, not a goal
    assert {t["name"] for t in _figures(at)[0]["data"]} == {"Provinsi Jawa Timur"}
    at.multiselect(key="tren_indicators").set_value(["ikm"]).run()
    assert _titles(at) == ["Indeks Kepuasan Masyarakat (IKM)"]
    at.multiselect(key="tren_indicators").set_value([]).run()
    assert not at.get("plotly_chart") and at.info  # says to pick an indicator


def test_a_narrowed_scope_is_labelled_as_such_with_the_province_beside_it(app):
    """A type filter: no total may be called "Provinsi"; the real province is drawn too."""
    at = app
    at.multiselect(key="filter_types").set_value(["PSTW"]).run()
    assert not at.exception
    assert any("Jenis PSTW (7 UPT)" in c.value for c in at.caption)
    trend = _figures(at)[0]  # the first composite's trend
    # the scope's line and the true province beside it (a composite has no target line)
    assert {t["name"] for t in trend["data"]} == {"Jenis PSTW (7 UPT)", "Provinsi Jawa Timur"}
    # The ranking names both reference lines in its legend (never on the plot).
    ranking = _figures(at)[-1]
    lines = [t.get("name", "") for t in ranking["data"]]
    assert any(text.startswith("Jenis PSTW (7 UPT) ") for text in lines)
    assert any(text.startswith("Provinsi Jawa Timur ") for text in lines)
    # The cards carry the province value as a reference.
    assert any(c.value.startswith("Provinsi Jawa Timur: ") for c in at.caption)
    compare = _open(at, "pages/perbandingan_upt.py")
    lines = [t.get("name", "") for t in _figures(compare)[0]["data"]]
    assert any(text.startswith("Jenis PSTW (7 UPT) ") for text in lines)
    assert any(text.startswith("Provinsi Jawa Timur ") for text in lines)
    tren = _open(compare, "pages/tren.py")
    tren.segmented_control(key="tren_level").set_value("province").run()
    names = {t["name"] for t in _figures(tren)[0]["data"]}
    # A composite draws no target line: its 100 is the end of the scale, not a goal.
    assert names == {"Jenis PSTW (7 UPT)", "Provinsi Jawa Timur"}


def test_perbandingan_indicator_change(app):
    at = _open(app, "pages/perbandingan_upt.py")
    before = _titles(at)
    at.selectbox(key="perbandingan_indicator").set_value("reintegrasi").run()
    assert not at.exception
    assert _titles(at) != before and "Reintegrasi" in _titles(at)[0]
    ranked = _tables(at)[0]
    assert 0 < len(ranked) < 13  # only the rehabilitation types
    assert any("tidak berlaku" in c.value for c in at.caption)


def test_profil_unit_change_and_early_warning(app):
    at = _open(app, "pages/profil_upt.py")
    at.selectbox(key="filter_unit").set_value("PRS-SDA").run()
    assert not at.exception
    assert any("Sidoarjo" in c.value for c in at.caption)
    warning = [df for df in _tables(at) if "NIP" in df.columns]
    assert warning and len(warning[0]) >= 1  # the PNS drifting toward 11 days of TK
    ikm = [fig for fig in _figures(at) if fig["layout"]["title"]["text"].startswith("IKM")]
    assert ikm and "terlemah" in "".join(ikm[0]["data"][0]["text"])
    at.selectbox(key="filter_unit").set_value("PSTW-BWI").run()
    assert any("Banyuwangi" in c.value for c in at.caption)


def test_profil_without_access_shows_counts_not_names(app):
    at = _open(fresh_session("pimpinan"), "pages/profil_upt.py")
    assert not any("NIP" in df.columns or "Nama" in df.columns for df in _tables(at))
    assert any("Ambang TK" in " ".join(df.columns) for df in _tables(at))


@pytest.mark.parametrize(
    "page",
    [
        "pages/ringkasan.py",
        "pages/perbandingan_upt.py",
        "pages/kelengkapan_laporan.py",
        "pages/kualitas_data.py",
    ],
)
def test_leadership_pages_hold_no_personal_data(app, page):
    at = _open(app, page)
    for df in _tables(at):
        assert not {"NIP", "Nama", "nip", "nama"} & set(df.columns)


def test_kelengkapan_period_moves_the_calendar(app):
    at = _open(app, "pages/kelengkapan_laporan.py")
    assert any("Nov 2025 – Okt 2026" in s.value for s in at.subheader)
    at.selectbox(key="filter_period").set_value(date(2025, 6, 1)).run()
    assert not at.exception
    assert any("Nov 2024 – Jun 2025" in s.value for s in at.subheader)


def test_kualitas_type_filter_narrows_the_warnings(app):
    at = _open(app, "pages/kualitas_data.py")
    at.segmented_control(key="filter_grain").set_value("year").run()
    all_units = [len(df) for df in _tables(at)]
    at.multiselect(key="filter_types").set_value(["RSBN"]).run()
    assert not at.exception
    assert [len(df) for df in _tables(at)] != all_units


def test_definisi_lists_every_indicator(app):
    from upt_dashboard.indicators.catalogue import INDICATORS

    at = _open(app, "pages/definisi_indikator.py")
    text = " ".join(m.value for m in at.markdown)
    assert all(ind.name_id in text for ind in INDICATORS)


def test_filters_carry_across_pages(app):
    at = app
    at.segmented_control(key="filter_grain").set_value("quarter").run()
    at.multiselect(key="filter_types").set_value(["RSBL"]).run()
    for page in ("pages/tren.py", "pages/kualitas_data.py", "pages/ringkasan.py"):
        at = _open(at, page)
        assert at.segmented_control(key="filter_grain").value == "quarter"
        assert at.multiselect(key="filter_types").value == ["RSBL"]


def test_switching_grain_keeps_the_month(app):
    at = app
    october = Month(2026, 10)
    at.selectbox(key="filter_period").set_value(Month(2026, 8)).run()
    for grain, shown in (
        ("year", Month(2026, 1)),
        ("month", Month(2026, 8)),  # back to August, not January
        ("quarter", Month(2026, 7)),
        ("month", Month(2026, 8)),  # not the quarter's first month
    ):
        at.segmented_control(key="filter_grain").set_value(grain).run()
        assert not at.exception
        assert at.selectbox(key="filter_period").value == shown, grain
    at.segmented_control(key="filter_grain").set_value("quarter").run()
    at.selectbox(key="filter_period").set_value(october).run()  # the fourth quarter
    at.segmented_control(key="filter_grain").set_value("month").run()
    assert at.selectbox(key="filter_period").value == october  # its newest month with data


def test_the_view_is_in_the_url_and_a_link_opens_it(app, sample_db):
    at = app
    at.segmented_control(key="filter_grain").set_value("quarter").run()
    at.multiselect(key="filter_types").set_value(["RSBL"]).run()
    at.radio(key="lang").set_value("en").run()
    assert at.query_params["grain"] == "quarter" and at.query_params["types"] == "RSBL"
    assert at.query_params["lang"] == "en" and at.query_params["period"].startswith("2026-")
    link = dict(at.query_params)

    fresh = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    fresh.query_params.update(link)
    fresh.run()
    sign_in(fresh, TEST_ACCOUNTS["admin"][0])
    assert not fresh.exception
    assert fresh.radio(key="lang").value == "en"
    assert fresh.segmented_control(key="filter_grain").value == "quarter"
    assert fresh.multiselect(key="filter_types").value == ["RSBL"]
    assert str(fresh.selectbox(key="filter_period").value)[:7] == link["period"]
    set_language("id")


def test_a_broken_link_falls_back_to_defaults(app):
    fresh = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    fresh.query_params.update({"lang": "fr", "grain": "week", "period": "2026-13", "types": "X"})
    fresh.run()
    sign_in(fresh, TEST_ACCOUNTS["admin"][0])
    assert not fresh.exception
    assert fresh.radio(key="lang").value == "id"
    assert fresh.segmented_control(key="filter_grain").value == "month"
    assert fresh.multiselect(key="filter_types").value == []


@pytest.fixture
def test_thread_language():
    """The language is per thread (ui/i18n.py) and AppTest formats widget
    options in the test's own thread: once the app speaks English, the test
    thread must too."""
    yield set_language
    set_language("id")


def test_english_switch(app, test_thread_language):
    at = app
    at.radio(key="lang").set_value("en").run()  # one click
    test_thread_language("en")
    assert not at.exception
    assert at.title[0].value == "UPT Service Quality Overview"
    assert [m.label for m in at.metric][:2] == ["Service-orientation index", "Discipline index"]
    assert any("Source" in fig["layout"]["title"]["subtitle"]["text"] for fig in _figures(at))
    assert any("Sample data" in info.value for info in at.info)
    at = _open(at, "pages/profil_upt.py")
    assert at.title[0].value == "Unit Profile"


def test_a_partial_quarter_is_named_with_its_months_and_compared_alike(app):
    at = app
    at.segmented_control(key="filter_grain").set_value("quarter").run()
    assert not at.exception
    assert at.selectbox(key="filter_period").value == Month(2026, 10)
    assert "Triwulan IV 2026 (Okt)" in at.caption[0].value
    descriptions = [m.proto.delta_description for m in at.metric if m.proto.delta_description]
    assert descriptions and all("Juli 2026" in d for d in descriptions)


def test_an_unlike_previous_period_is_said_not_compared(app):
    at = app
    at.segmented_control(key="filter_grain").set_value("quarter").run()
    at.selectbox(key="filter_period").set_value(Month(2025, 1)).run()
    assert not at.exception
    # Triwulan IV 2024 holds only November and December: no change is shown, and why
    assert any(c.value.startswith("Tidak ada perbandingan") for c in at.caption)
    assert not [m for m in at.metric if m.proto.delta]
