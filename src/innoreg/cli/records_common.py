"""What every records command shares: the configured database (refused unless its schema is
at head), the actor written on every change, and the language of reports."""

from __future__ import annotations

import getpass
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from innoreg.records.db import Database


class Lang(StrEnum):
    en = "en"
    zh = "zh"


LangOption = Annotated[Lang, typer.Option("--lang", help="Language of reports: en or zh.")]
UrlOption = Annotated[
    str | None,
    typer.Option(
        "--database-url",
        envvar="INNOREG_DATABASE_URL",
        help="Database URL (default: a SQLite file in the user's data directory).",
        show_envvar=True,
    ),
]


def open_database(url: str | None, *, at_head: bool = True) -> Database:
    from innoreg.records import schema
    from innoreg.records.db import Database

    database = Database(url)
    if at_head:
        schema.require_head(database.engine)
    return database


def cli_actor() -> str:
    """Who made a change from the command line: ``cli:<os user>``."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli:unknown"
