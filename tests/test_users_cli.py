"""``cli.py users``: add, list, set-role, disable, reset-password — passwords from standard
input, never printed, every change in the audit log."""

from __future__ import annotations

import io
import sys

import pytest

from upt_dashboard.access.accounts import authenticate
from upt_dashboard.cli import main
from upt_dashboard.storage.audit import list_entries
from upt_dashboard.storage.bootstrap import init_db
from upt_dashboard.storage.db import get_engine

SECRET = "kuda-baterai-staples-7"


@pytest.fixture
def db(tmp_path):
    return f"sqlite:///{tmp_path / 'users.db'}"


def _cli(db, monkeypatch, capsys, *args, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["users", *args, "--db", db])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_add_list_set_role_disable_reset(db, monkeypatch, capsys):
    code, out, _ = _cli(db, monkeypatch, capsys, "add", "Budi", "--role", "operator", "--unit",
                        "PSTW-JBG", "--name", "Budi S", "--email", "budi@dinsos.example",
                        "--password-stdin", stdin=SECRET + "\n")  # fmt: skip
    assert code == 0 and "budi" in out and SECRET not in out
    engine = init_db(get_engine(db))
    assert authenticate(engine, "budi", SECRET).viewer.unit == "PSTW-JBG"

    code, out, _ = _cli(db, monkeypatch, capsys, "list")
    assert code == 0 and "budi" in out and "operator" in out and "PSTW-JBG" in out
    assert "argon2" not in out and SECRET not in out

    assert _cli(db, monkeypatch, capsys, "set-role", "budi", "verifikator")[0] == 0
    assert authenticate(engine, "budi", SECRET).viewer.role == "verifikator"

    assert _cli(db, monkeypatch, capsys, "disable", "budi")[0] == 0
    assert authenticate(engine, "budi", SECRET).viewer is None
    assert "nonaktif" in _cli(db, monkeypatch, capsys, "list")[1]
    assert _cli(db, monkeypatch, capsys, "enable", "budi")[0] == 0

    code, out, _ = _cli(db, monkeypatch, capsys, "reset-password", "budi", "--password-stdin",
                        stdin="sementara-9876\n")  # fmt: skip
    assert code == 0 and "sementara" not in out
    assert authenticate(engine, "budi", "sementara-9876").viewer.must_change_password
    actions = list_entries(engine)
    changes = actions.filter(actions["action"].str.starts_with("account."))
    assert changes["action"].to_list() == [
        "account.created", "account.role", "account.disabled", "account.enabled",
        "account.password_reset",
    ]  # fmt: skip
    assert set(changes["username"]) == {next(iter(set(changes["username"])))}
    assert changes["username"][0].startswith("cli:")


@pytest.mark.parametrize(
    "args, stdin, message",
    [
        (
            ["add", "ani", "--role", "raja", "--password-stdin"],
            SECRET,
            "Peran 'raja' tidak dikenal",
        ),
        (["add", "ani", "--role", "operator", "--password-stdin"], SECRET, "terikat pada satu UPT"),
        (["add", "ani", "--role", "admin", "--password-stdin"], "pendek", "minimal 10 karakter"),
        (["add", "ani", "--role", "admin", "--password-stdin"], "1234567890", "terlalu umum"),
        (["set-role", "siapa", "admin"], "", "Tidak ada akun 'siapa'"),
    ],
)
def test_refusals_say_why_and_exit_2(db, monkeypatch, capsys, args, stdin, message):
    code, out, err = _cli(db, monkeypatch, capsys, *args, stdin=stdin + "\n")
    assert code == 2 and message in err
    assert stdin not in out + err or not stdin


def test_a_password_is_never_taken_from_the_command_line(db, monkeypatch, capsys):
    with pytest.raises(SystemExit):
        _cli(db, monkeypatch, capsys, "add", "ani", "--role", "admin")
    with pytest.raises(SystemExit):  # argparse: no such option
        main(["users", "add", "ani", "--role", "admin", "--password", SECRET, "--db", db])
