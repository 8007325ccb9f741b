"""`innoreg users` as an administrator runs it: the password on standard input, a bad value
named with exit 2, and no account anywhere until one is created."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from innoreg.cli import app

runner = CliRunner()
PASSWORD = "a long enough password\n"


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    value = f"sqlite:///{tmp_path / 'users.sqlite3'}"
    monkeypatch.setenv("INNOREG_DATABASE_URL", value)
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    return value


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_the_demo_creates_no_account_and_says_how_to_make_the_first(url: str) -> None:
    code, out, _ = run("db", "demo", "--enterprises", "10")
    assert code == 0
    assert "creates no accounts" in out
    assert "innoreg users create --email ADDRESS --role bureau_admin --password-stdin" in out
    assert run("users", "list")[1].startswith("no accounts yet")


def test_create_list_set_role_disable_and_reset(url: str) -> None:
    run("db", "demo", "--enterprises", "10")
    code, out, err = run(
        "users",
        "create",
        "--email",
        "Chief@Bureau.example",
        "--role",
        "bureau_admin",
        "--password-stdin",
        stdin=PASSWORD,
    )
    assert (code, err) == (0, "") and out.startswith("created chief@bureau.example: bureau_admin")
    code, out, _ = run(
        "users",
        "create",
        "--email",
        "staff@firm.example",
        "--role",
        "enterprise_user",
        "--organisation",
        "1",
        "--password-stdin",
        stdin=PASSWORD,
    )
    assert code == 0 and "enterprise_user of organisation 1" in out
    listing = run("users", "list")[1].splitlines()
    assert listing[0] == "id\temail\trole\torganisation\tstate"
    assert listing[1:] == [
        "1\tchief@bureau.example\tbureau_admin\t\tactive",
        "2\tstaff@firm.example\tenterprise_user\t1\tactive",
    ]
    assert run("users", "set-role", "--email", "staff@firm.example", "--role", "reviewer") == (
        0,
        "staff@firm.example is now reviewer\n",
        "",
    )
    assert run("users", "disable", "--email", "staff@firm.example")[0] == 0
    assert run("users", "list")[1].splitlines()[2].endswith("\treviewer\t\tdisabled")
    code, out, _ = run(
        "users",
        "reset-password",
        "--email",
        "staff@firm.example",
        "--password-stdin",
        stdin="another long password\n",
    )
    assert code == 0 and out.startswith("new password set for staff@firm.example")
    assert run("users", "enable", "--email", "staff@firm.example")[0] == 0
    code, out, _ = run("audit", "verify")
    assert code == 0


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["--role", "bureau_admin"], PASSWORD, "email: 'nobody' is not an e-mail address"),
        (["--role", "mayor"], PASSWORD, "role: 'mayor' is not a role"),
        (
            ["--role", "enterprise_user"],
            PASSWORD,
            "organisation: the role enterprise_user belongs to one",
        ),
        (
            ["--role", "reviewer", "--organisation", "1"],
            PASSWORD,
            "organisation: the role reviewer belongs to no",
        ),
        (["--role", "reviewer"], "short\n", "password: must be at least 12 characters"),
        (["--role", "reviewer"], "1qaz2wsx3edc\n", "password: is one of the most common"),
    ],
)
def test_bad_input_names_the_field(url: str, args: list[str], stdin: str, message: str) -> None:
    email = "nobody" if "bureau_admin" in args else "someone@bureau.example"
    code, _, err = run("users", "create", "--email", email, *args, "--password-stdin", stdin=stdin)
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1


def test_a_password_only_from_stdin(url: str) -> None:
    code, _, err = run("users", "create", "--email", "a@b.example", "--role", "reviewer")
    assert code == 2 and "password: give the password on standard input" in err
    code, _, err = run("users", "disable", "--email", "ghost@b.example")
    assert code == 2 and "email: no account has the e-mail ghost@b.example" in err
