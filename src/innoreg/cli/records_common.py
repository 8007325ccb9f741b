"""What every records command shares: the configured database (refused unless its schema is
at head), the actor written on every change, and the language of reports."""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


def parse_day(text: str | None, field: str) -> dt.date:
    """A day given on the command line (``YYYY-MM-DD``); today when not given."""
    from innoreg.errors import InputError

    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{text!r} is not a date (YYYY-MM-DD)", field=field) from None


AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", metavar="DATE", help="The day to judge (default today)."),
]


def cli_actor() -> str:
    """Who made a change from the command line: ``cli:<os user>``."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli:unknown"


def url_of(database: Database) -> str:
    """The database's URL as text, for work done in other processes."""
    return database.url.render_as_string(hide_password=False)


@contextmanager
def progress_bar(description: str, total: int) -> Iterator[Callable[[int], None]]:
    """A Rich progress bar on stderr (none when stderr is not a terminal, so output piped or
    logged stays plain); yields ``advance(n)``."""
    from rich.console import Console  # rich only when a long command runs
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        disable=not console.is_terminal,
    ) as bar:
        task = bar.add_task(description, total=total)
        yield lambda done: bar.advance(task, done)
