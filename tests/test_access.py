"""Accounts and the access policy: roles as data, argon2id, lock-out timing, sessions,
the first-start setup code and the demo sign-ins, on SQLite and PostgreSQL."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from tests.conftest import TEST_PASSWORD
from upt_dashboard import access, settings
from upt_dashboard.access import Viewer, data_scope, passwords, secret, sessions, setup
from upt_dashboard.access.accounts import (
    AccountError,
    authenticate,
    change_password,
    create_account,
    demo_available,
    demo_sign_in,
    list_accounts,
    reset_password,
    set_active,
    set_role,
)
from upt_dashboard.access.roles import RolesError, load_roles, parse_roles
from upt_dashboard.storage.audit import Actor, list_entries
from upt_dashboard.storage.db import accounts, submissions
from upt_dashboard.storage.submissions import SAMPLE_UPLOADER

ADMIN = Actor("pytest")
T0 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def _actions(engine, username=None) -> list[str]:
    return list_entries(engine, username=username)["action"].to_list()


# --- roles and scopes ------------------------------------------------------------------


def test_the_four_roles_of_the_issue_come_from_the_roles_file():
    roles = load_roles()
    assert set(roles) == {"admin", "pimpinan", "verifikator", "operator"}
    assert roles["admin"].manage and roles["admin"].audit and roles["admin"].personal_data == "all"
    assert roles["pimpinan"].personal_data == "none" and not roles["pimpinan"].upload
    assert roles["verifikator"].verify and roles["verifikator"].personal_data == "none"
    assert not roles["operator"].all_units and roles["operator"].personal_data == "own_unit"
    assert "verifikasi" not in roles["operator"].pages and "kelola_akun" in roles["admin"].pages


@pytest.mark.parametrize(
    "role, unit, units, personal",
    [
        ("admin", None, None, None),
        ("pimpinan", None, None, frozenset()),
        ("verifikator", None, None, frozenset()),
        ("operator", "PSTW-JBG", frozenset({"PSTW-JBG"}), frozenset({"PSTW-JBG"})),
        ("operator", None, frozenset(), frozenset()),  # an operator without a unit: nothing
        ("nonexistent", None, frozenset(), frozenset()),
    ],
)
def test_scope_of_each_role(role, unit, units, personal):
    scope = data_scope(Viewer("x", role, unit))
    assert (scope.units, scope.personal_units) == (units, personal)


def test_no_viewer_sees_nothing():
    scope = data_scope(None)
    assert not scope.sees("PSTW-JBG") and not access.can_see_personal_data("PSTW-JBG")


def test_a_role_is_adjusted_in_the_file(tmp_path, monkeypatch):
    text = settings.roles_path().read_text()
    # Open cross-unit comparison to operators and personal data to verifiers.
    text = text.replace("all_units = false", "all_units = true")
    text = text.replace(
        'personal_data = "none"\nupload = false\nverify = true',
        'personal_data = "all"\nupload = false\nverify = true',
    )
    path = tmp_path / "roles.toml"
    path.write_text(text)
    monkeypatch.setenv("DASHBOARD_ROLES", str(path))
    assert data_scope(Viewer("op", "operator", "PSTW-JBG")).units is None
    assert data_scope(Viewer("op", "operator", "PSTW-JBG")).personal_units == {"PSTW-JBG"}
    assert data_scope(Viewer("v", "verifikator")).personal_units is None
    assert access.may_upload(Viewer("op", "operator", "PSTW-JBG"), "RSBL-KDR")


@pytest.mark.parametrize(
    "text, problem",
    [
        (
            "[a]\nname='A'\npages=[]\nall_units=true\npersonal_data='some'\nmanage=true",
            "personal_data",
        ),
        ("[a]\nname='A'\npages=[]\nall_units=true\npersonal_data='all'", "manage"),
        ("[a]\npages=[]", "tidak lengkap"),
        ("[a", "roles.toml"),
    ],
)
def test_a_broken_roles_file_is_refused_with_where(text, problem):
    with pytest.raises(RolesError, match=problem):
        parse_roles(text)


# --- passwords ------------------------------------------------------------------------------


def test_argon2id_hashes_verify_and_never_hold_the_password():
    hashed = passwords.hash_password("panjang-sekali-42")
    assert hashed.startswith("$argon2id$v=19$m=65536,t=2,p=1$")
    assert "panjang" not in hashed
    assert passwords.verify_password(hashed, "panjang-sekali-42")
    assert not passwords.verify_password(hashed, "panjang-sekali-43")
    assert not passwords.verify_password(None, "apa saja")
    assert not passwords.verify_password("bukan-hash", "apa saja")


def test_one_verification_takes_tens_of_milliseconds_not_microseconds():
    hashed = passwords.hash_password("panjang-sekali-42")
    started = time.perf_counter()
    passwords.verify_password(hashed, "salah-sekali-42")
    assert time.perf_counter() - started > 0.02  # a real KDF ran (bench/ prints the figure)


@pytest.mark.parametrize(
    "password, username, problem",
    [
        ("pendek1", "budi", "password.too_short"),
        ("1234567890", "budi", "password.common"),
        ("Bismillah123", "budi", "password.common"),
        ("budi-yang-panjang", "budi", "password.has_username"),
        ("kuda-baterai-staples", "budi", None),
    ],
)
def test_password_rules(password, username, problem):
    assert passwords.weakness(password, username) == problem


# --- accounts --------------------------------------------------------------------------------


def test_create_refuses_what_the_rules_forbid(engine):
    for kwargs, key in (
        ({"username": "Budi Santoso"}, "account.bad_username"),
        ({"role": "raja"}, "account.unknown_role"),
        ({"role": "operator"}, "account.unit_required"),
        ({"role": "operator", "unit": "TIDAK-ADA"}, "account.unknown_unit"),
        ({"password": "pendek"}, "password.too_short"),
    ):
        args = {"username": "budi", "role": "pimpinan", "password": TEST_PASSWORD} | kwargs
        with pytest.raises(AccountError) as caught:
            create_account(
                engine, ADMIN, args.pop("username"), args.pop("role"), args.pop("password"), **args
            )
        assert caught.value.key == key
    create_account(engine, ADMIN, "budi", "pimpinan", TEST_PASSWORD)
    with pytest.raises(AccountError, match=r"account\.exists"):
        create_account(engine, ADMIN, "BUDI", "pimpinan", TEST_PASSWORD)
    assert list_accounts(engine)["username"].to_list() == ["budi"]
    assert "password_hash" not in list_accounts(engine).columns
    assert _actions(engine) == ["account.created"]


def test_sign_in_and_the_record_of_it(engine):
    create_account(engine, ADMIN, "siti", "operator", TEST_PASSWORD, unit="PSTW-JBG")
    result = authenticate(engine, "Siti ", TEST_PASSWORD, client="10.0.0.7", now=T0)
    assert result.viewer == Viewer("siti", "operator", "PSTW-JBG", "siti", client="10.0.0.7")
    row = list_entries(engine, action="signin.success").row(0, named=True)
    assert (row["username"], row["unit_code"], row["client"]) == ("siti", "PSTW-JBG", "10.0.0.7")
    assert list_accounts(engine)["last_login_at"].to_list() == [T0]


def test_five_wrong_passwords_lock_for_fifteen_minutes_without_saying_who_exists(engine):
    create_account(engine, ADMIN, "siti", "pimpinan", TEST_PASSWORD)
    outcomes = [authenticate(engine, "siti", "salah-salah-salah", now=T0).problem for _ in range(5)]
    assert outcomes == ["signin.invalid"] * 5
    # Locked: even the right password is refused, with the lock message.
    assert authenticate(engine, "siti", TEST_PASSWORD, now=T0 + timedelta(minutes=1)).problem == (
        "signin.locked"
    )
    assert authenticate(engine, "siti", TEST_PASSWORD, now=T0 + timedelta(minutes=14)).problem == (
        "signin.locked"
    )
    assert authenticate(engine, "siti", TEST_PASSWORD, now=T0 + timedelta(minutes=16)).viewer
    # An unknown username gets exactly the same answers.
    unknown = [authenticate(engine, "tidak-ada", "salah-salah", now=T0).problem for _ in range(6)]
    assert unknown == ["signin.invalid"] * 5 + ["signin.locked"]
    assert "signin.locked" in _actions(engine, "siti")


def test_the_lock_out_is_configurable(engine, monkeypatch):
    monkeypatch.setenv("DASHBOARD_LOCKOUT_ATTEMPTS", "2")
    monkeypatch.setenv("DASHBOARD_LOCKOUT_MINUTES", "1")
    create_account(engine, ADMIN, "siti", "pimpinan", TEST_PASSWORD)
    for _ in range(2):
        authenticate(engine, "siti", "salah-salah-salah", now=T0)
    assert authenticate(engine, "siti", TEST_PASSWORD, now=T0).problem == "signin.locked"
    assert authenticate(engine, "siti", TEST_PASSWORD, now=T0 + timedelta(minutes=2)).viewer


def test_a_disabled_account_cannot_sign_in_and_its_sessions_end(engine):
    create_account(engine, ADMIN, "siti", "pimpinan", TEST_PASSWORD)
    signed = authenticate(engine, "siti", TEST_PASSWORD)
    token = sessions.start(engine, signed.account_id)
    assert sessions.resume(engine, token).name == "siti"
    set_active(engine, ADMIN, "siti", False)
    assert sessions.resume(engine, token) is None
    assert authenticate(engine, "siti", TEST_PASSWORD).problem == "signin.invalid"
    set_active(engine, ADMIN, "siti", True)
    assert authenticate(engine, "siti", TEST_PASSWORD).viewer


def test_role_change_and_reset_force_a_new_sign_in_and_a_new_password(engine):
    create_account(engine, ADMIN, "siti", "operator", TEST_PASSWORD, unit="PSTW-JBG")
    token = sessions.start(engine, authenticate(engine, "siti", TEST_PASSWORD).account_id)
    set_role(engine, ADMIN, "siti", "verifikator")
    assert sessions.resume(engine, token) is None  # signs in again with the new rights
    assert authenticate(engine, "siti", TEST_PASSWORD).viewer.role == "verifikator"
    reset_password(engine, ADMIN, "siti", "sementara-12345")
    signed = authenticate(engine, "siti", "sementara-12345")
    assert signed.viewer.must_change_password
    with pytest.raises(AccountError, match=r"password\.current_wrong"):
        change_password(engine, ADMIN, "siti", "salah-salah-1", "baru-sekali-123")
    with pytest.raises(AccountError, match=r"password\.same"):
        change_password(engine, ADMIN, "siti", "sementara-12345", "sementara-12345")
    change_password(engine, Actor("siti"), "siti", "sementara-12345", "baru-sekali-123")
    assert not authenticate(engine, "siti", "baru-sekali-123").viewer.must_change_password
    assert _actions(engine)[-6:-2] == [
        "account.role", "signin.success", "account.password_reset", "signin.success"
    ]  # fmt: skip


def test_an_administrator_cannot_disable_themself(engine):
    create_account(engine, ADMIN, "ani", "admin", TEST_PASSWORD)
    with pytest.raises(AccountError, match=r"account\.not_yourself"):
        set_active(engine, Actor("ani"), "ani", False)


# --- sessions ------------------------------------------------------------------------------


def test_a_session_survives_until_idle_and_ends_on_sign_out(engine, monkeypatch):
    create_account(engine, ADMIN, "siti", "pimpinan", TEST_PASSWORD)
    account_id = authenticate(engine, "siti", TEST_PASSWORD).account_id
    token = sessions.start(engine, account_id, now=T0)
    assert sessions.resume(engine, token, now=T0 + timedelta(minutes=29)).name == "siti"
    # seen at 29 minutes: idle time counts from there
    assert sessions.resume(engine, token, now=T0 + timedelta(minutes=58)).name == "siti"
    assert sessions.resume(engine, token, now=T0 + timedelta(minutes=89)) is None
    assert "session.expired" in _actions(engine, "siti")
    assert sessions.resume(engine, token, now=T0 + timedelta(minutes=90)) is None  # for good

    monkeypatch.setenv("DASHBOARD_IDLE_MINUTES", "5")
    token = sessions.start(engine, account_id, now=T0)
    assert sessions.resume(engine, token, now=T0 + timedelta(minutes=6)) is None

    token = sessions.start(engine, account_id)
    sessions.end(engine, token, Actor("siti"))
    assert sessions.resume(engine, token) is None
    assert _actions(engine, "siti")[-1] == "signout"
    assert sessions.resume(engine, "tebakan") is None


def test_the_cookie_is_signed():
    key = b"k" * 32
    value = secret.sign("token-123", key)
    assert secret.unsign(value, key) == "token-123"
    assert secret.unsign(value.replace("token-123", "token-124"), key) is None
    assert secret.unsign(value, b"x" * 32) is None
    assert secret.unsign("token-123", key) is None and secret.unsign(None) is None


def test_the_secret_key_is_generated_once_into_the_data_folder(tmp_path, monkeypatch, caplog):
    monkeypatch.delenv("DASHBOARD_SECRET_KEY", raising=False)
    path = tmp_path / "data" / "secret_key"
    secret.secret_key.cache_clear()
    try:
        first = secret.secret_key(path)
        assert len(first) >= 48 and (path.stat().st_mode & 0o777) == 0o600
        assert "DASHBOARD_SECRET_KEY" in caplog.text
        secret.secret_key.cache_clear()
        assert secret.secret_key(path) == first
        monkeypatch.setenv("DASHBOARD_SECRET_KEY", "dari-lingkungan")
        secret.secret_key.cache_clear()
        assert secret.secret_key(path) == b"dari-lingkungan"
    finally:
        secret.secret_key.cache_clear()


# --- first start and demo sign-ins -----------------------------------------------------------


def test_the_setup_code_creates_the_first_administrator_once(engine, caplog):
    code = setup.issue_code(engine)
    assert code and code in caplog.text  # the server log is where the README says to look
    with pytest.raises(AccountError, match=r"setup\.bad_code"):
        setup.claim(engine, "AAAA-BBBB-CCCC", "ani", TEST_PASSWORD)
    setup.claim(engine, code.lower(), "ani", TEST_PASSWORD, name="Ani")
    assert authenticate(engine, "ani", TEST_PASSWORD).viewer.role == "admin"
    with pytest.raises(AccountError, match=r"setup\.bad_code"):
        setup.claim(engine, code, "eko", TEST_PASSWORD)  # spent
    assert setup.issue_code(engine) is None  # an administrator exists: no more codes
    assert "setup.admin_created" in _actions(engine)


def _sample_submission(engine, uploaded_by=SAMPLE_UPLOADER):
    from data_loaders.template import workbook_bytes
    from tests.workbooks import TODAY, build_workbook, valid_report_data
    from upt_dashboard.intake.ingest import ingest_file

    data = workbook_bytes(build_workbook(valid_report_data("PRS-SDA", 2026, 3), "PRS-SDA", 2026, 3))
    assert ingest_file(engine, data, "x.xlsx", uploaded_by, today=TODAY).status in (
        "accepted",
        "unchanged",
    )


def test_demo_sign_ins_only_while_sample_data_and_no_administrator(engine):
    assert not demo_available(engine)  # nothing stored: nothing to show
    _sample_submission(engine)
    assert demo_available(engine)
    leader = demo_sign_in(engine, "demo-pimpinan")
    operator = demo_sign_in(engine, "demo-operator")
    assert leader.viewer.role == "pimpinan" and operator.viewer.unit == "PRS-SDA"
    token = sessions.start(engine, leader.account_id)
    assert sessions.resume(engine, token).demo
    # No password opens a demo account.
    assert authenticate(engine, "demo-pimpinan", "!").problem == "signin.invalid"
    create_account(engine, ADMIN, "ani", "admin", TEST_PASSWORD)
    assert not demo_available(engine)
    assert demo_sign_in(engine, "demo-pimpinan").viewer is None
    assert sessions.resume(engine, token) is None  # gone for good, sessions too


def test_a_real_report_ends_the_demo_for_good(engine):
    _sample_submission(engine)
    assert demo_available(engine)
    with engine.begin() as conn:
        conn.execute(update(submissions).values(uploaded_by="Operator PRS-SDA"))
    assert not demo_available(engine)
    with engine.connect() as conn:
        assert conn.execute(select(accounts.c.id)).first() is None


def test_sample_data_still_loads_when_accounts_came_first(engine, tmp_path):
    """An administrator created with the CLI before the first start: the app's first start
    still fills the empty database with the sample data (two of its files here)."""
    import shutil

    from upt_dashboard import paths
    from upt_dashboard.intake.bulk import load_sample_data, sample_data_in_use, sample_data_wanted

    create_account(engine, ADMIN, "ani", "admin", TEST_PASSWORD)
    folder = tmp_path / "contoh"
    folder.mkdir()
    for name in ("PRS-SDA_2024-11.xlsx", "PRS-SDA_2024-12.xlsx", "uploads.csv"):
        shutil.copy(paths.SAMPLE_DIR / name, folder / name)
    assert sample_data_wanted(engine, folder)  # accounts do not count: no submissions yet
    load_sample_data(engine, folder)
    assert sample_data_in_use(engine)
    with engine.connect() as conn:
        assert len(conn.execute(select(submissions.c.id)).all()) == 2
    assert not sample_data_wanted(engine, folder)  # once
    assert not demo_available(engine)  # an administrator exists: no demo sign-ins
