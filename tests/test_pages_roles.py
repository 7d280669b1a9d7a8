"""Every page opened as each role (AppTest, on the sample data): the role's pages render,
the others refuse; an operator sees no other unit's figures, pimpinan and verifikator
no NIP or employee name; without an account, every page is the sign-in form only."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import TEST_ACCOUNTS
from tests.test_english import page_texts
from tests.test_pages import app, fresh_session, sample_db  # noqa: F401 (fixtures)
from upt_dashboard import paths
from upt_dashboard.access.roles import load_roles
from upt_dashboard.storage.bootstrap import init_db
from upt_dashboard.storage.db import get_engine
from upt_dashboard.storage.facts import load_facts
from upt_dashboard.storage.scope import EVERYTHING
from upt_dashboard.ui.navigation import PAGES

ROLES = ["admin", "pimpinan", "verifikator", "operator"]
OPERATOR_UNIT = TEST_ACCOUNTS["operator"][1]


@pytest.fixture(scope="module")
def personal(sample_db) -> set[str]:  # noqa: F811
    """Every employee name and NIP in the sample data."""
    staff = load_facts(init_db(get_engine(sample_db)), EVERYTHING).kehadiran_pegawai
    return set(staff["nama"].drop_nulls()) | set(staff["nip"].drop_nulls())


@pytest.fixture(scope="module")
def other_units(sample_db) -> set[str]:  # noqa: F811
    """Codes and names of every unit but the operator's."""
    from upt_dashboard.storage.registry import list_units

    units = list_units(init_db(get_engine(sample_db)))
    others = units.filter(units["code"] != OPERATOR_UNIT)
    return set(others["code"]) | set(others["name"]) | {f"PSTW {c}" for c in others["city"]}


def _open(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, at.exception[0].message if at.exception else ""
    return at


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", list(PAGES))
def test_each_page_as_each_role(app, role, page, personal, other_units):  # noqa: F811
    allowed = page in load_roles()[role].pages
    at = fresh_session(role)
    if not allowed:  # not in the role's navigation: no way to switch to it
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(f"pages/{page}.py")
        return
    at = _open(at, page)
    assert not at.error, [e.value for e in at.error]
    texts = set(page_texts(at))
    words = {w for text in texts for w in text.replace(",", " ").split()}
    columns = {str(c) for df in at.dataframe for c in df.value.columns}
    if role in ("pimpinan", "verifikator"):
        assert not {"NIP", "Nama", "nip", "nama"} & columns, (role, page, columns)
        assert not (texts | words) & personal, (role, page, (texts | words) & personal)
    if role == "operator":
        leaked = {unit for unit in other_units if any(unit in text for text in texts)}
        assert not leaked, (page, leaked)


@pytest.mark.parametrize("role", ["pimpinan", "verifikator", "operator"])
def test_a_page_the_role_may_not_open_refuses_even_when_run_alone(app, role):  # noqa: F811
    """The guard in the page itself (ui.router.through_router), not only the navigation."""
    from upt_dashboard.access import Viewer

    for page in ("kelola_akun", "log_audit"):
        at = AppTest.from_file(str(paths.PAGES_DIR / f"{page}.py"), default_timeout=60)
        at.session_state["router_routed"] = True
        at.session_state["auth_viewer"] = Viewer("x", role, TEST_ACCOUNTS[role][1])
        at.run()
        assert not at.exception
        assert [e.value for e in at.error] == ["Halaman ini tidak tersedia untuk peran Anda."]
        assert not at.dataframe


@pytest.mark.parametrize("page", ["", *PAGES])
def test_without_an_account_every_page_is_the_sign_in_form(app, page):  # noqa: F811
    at = AppTest.from_file(str(paths.APP), default_timeout=60)
    if page:
        at.switch_page(f"pages/{page}.py")  # a direct link
    at.run()
    assert not at.exception
    assert [t.label for t in at.text_input][:2] == ["Nama pengguna", "Kata sandi"]
    assert "Masuk" in [b.label for b in at.button]
    assert not at.dataframe and not at.get("plotly_chart") and not at.metric
    assert not any("Data contoh" in i.value for i in at.info)  # not even the banner


def test_the_sign_in_form_in_english(app):  # noqa: F811
    at = AppTest.from_file(str(paths.APP), default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    assert [t.label for t in at.text_input][:2] == ["Username", "Password"]
    assert "Sign in" in [b.label for b in at.button]


def test_a_wrong_password_says_so_without_naming_the_reason(app):  # noqa: F811
    from tests.conftest import sign_in

    at = AppTest.from_file(str(paths.APP), default_timeout=60).run()
    sign_in(at, TEST_ACCOUNTS["pimpinan"][0], "salah-salah-salah")
    assert [e.value for e in at.error] == ["Nama pengguna atau kata sandi salah."]
    assert at.text_input(key="auth_password").value == ""  # not kept
    sign_in(at, "tidak-ada-orang-ini", "salah-salah-salah")
    assert [e.value for e in at.error] == ["Nama pengguna atau kata sandi salah."]


def test_sign_out_ends_the_session(app):  # noqa: F811
    at = fresh_session("pimpinan")
    assert at.title[0].value != "Masuk ke Dasbor"
    at.button(key="auth_signout").click().run()
    assert at.title[0].value == "Masuk ke Dasbor"
    assert not at.dataframe and not at.metric
