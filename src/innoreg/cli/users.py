"""`innoreg users`: the bureau's accounts — create, list, disable, enable, reset a password,
change a role. There are no default accounts: the first bureau admin is created here.

Passwords are read from standard input (``--password-stdin``: the first line), never from an
option, where they would be seen in the process list and the shell's history.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from innoreg.cli.edge import user_errors
from innoreg.cli.records_common import UrlOption, cli_actor, open_database

app = typer.Typer(help="Accounts: who may sign in, with which role.", no_args_is_help=True)

EmailOption = Annotated[str, typer.Option("--email", help="The account's e-mail address.")]
RoleOption = Annotated[
    str,
    typer.Option(
        "--role",
        help="enterprise_user, institution_user (with --organisation), reviewer, bureau_admin.",
    ),
]
OrganisationOption = Annotated[
    str | None,
    typer.Option(
        "--organisation",
        metavar="ID_OR_CREDIT_CODE",
        help="The organisation a tenant role belongs to: its id or unified social credit code.",
    ),
]
PasswordStdin = Annotated[
    bool,
    typer.Option("--password-stdin", help="Read the password from the first line of stdin."),
]


def _password(from_stdin: bool) -> str:
    from innoreg.errors import InputError

    if not from_stdin:
        raise InputError(
            "give the password on standard input with --password-stdin", field="password"
        )
    line = sys.stdin.readline()
    return line[:-1] if line.endswith("\n") else line


@app.command()
def create(
    email: EmailOption,
    role: RoleOption,
    organisation: OrganisationOption = None,
    password_stdin: PasswordStdin = False,
    url: UrlOption = None,
) -> None:
    """Create an account (the password must have 12 characters or more, not be a common one,
    not be the e-mail address)."""
    from innoreg.records.accounts.users import create_user

    with user_errors():
        password = _password(password_stdin)
        account = create_user(
            open_database(url),
            email=email,
            role=role,
            organisation=organisation,
            password=password,
            actor=cli_actor(),
        )
    where = f" of organisation {account.organisation_id}" if account.organisation_id else ""
    typer.echo(f"created {account.email}: {account.role.value}{where} (id {account.id})")


@app.command("list")
def list_command(url: UrlOption = None) -> None:
    """Every account: id, e-mail, role, organisation, and whether it is disabled or locked."""
    from innoreg.records.accounts.users import list_users
    from innoreg.records.types import utcnow

    with user_errors():
        accounts = list_users(open_database(url))
    if not accounts:
        typer.echo(
            "no accounts yet: create the first bureau admin with\n"
            "  innoreg users create --email ADDRESS --role bureau_admin --password-stdin"
        )
        return
    now = utcnow()
    typer.echo("id\temail\trole\torganisation\tstate")
    for a in accounts:
        state = "disabled" if a.disabled else "active"
        if a.locked_until is not None and a.locked_until > now:
            state += f", locked until {a.locked_until.isoformat(timespec='seconds')}"
        organisation = "" if a.organisation_id is None else str(a.organisation_id)
        typer.echo(f"{a.id}\t{a.email}\t{a.role.value}\t{organisation}\t{state}")


@app.command()
def disable(email: EmailOption, url: UrlOption = None) -> None:
    """Stop an account signing in; its sessions end and its API tokens are revoked now."""
    from innoreg.records.accounts.users import disable_user

    with user_errors():
        account = disable_user(open_database(url), email=email, actor=cli_actor())
    typer.echo(f"disabled {account.email}; its sessions and API tokens have ended")


@app.command()
def enable(email: EmailOption, url: UrlOption = None) -> None:
    """Let a disabled account sign in again."""
    from innoreg.records.accounts.users import enable_user

    with user_errors():
        account = enable_user(open_database(url), email=email, actor=cli_actor())
    typer.echo(f"enabled {account.email}")


@app.command("reset-password")
def reset_password(
    email: EmailOption, password_stdin: PasswordStdin = False, url: UrlOption = None
) -> None:
    """Set a new password; lifts a lockout and ends the account's sessions and API tokens."""
    from innoreg.records.accounts.users import reset_password as reset

    with user_errors():
        password = _password(password_stdin)
        account = reset(open_database(url), email=email, password=password, actor=cli_actor())
    typer.echo(f"new password set for {account.email}; its sessions and API tokens have ended")


@app.command("set-role")
def set_role(
    email: EmailOption,
    role: RoleOption,
    organisation: OrganisationOption = None,
    url: UrlOption = None,
) -> None:
    """Give an account another role (tenant roles with --organisation); its sessions end."""
    from innoreg.records.accounts.users import set_role as change

    with user_errors():
        account = change(
            open_database(url),
            email=email,
            role=role,
            organisation=organisation,
            actor=cli_actor(),
        )
    where = f" of organisation {account.organisation_id}" if account.organisation_id else ""
    typer.echo(f"{account.email} is now {account.role.value}{where}")
