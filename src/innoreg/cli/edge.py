"""The CLI's edge: every user error — an ``InnoregError``, a bad option or argument — becomes one
``error: …`` line on stderr (``错误：…`` in Chinese) and exit code 2, in this one place, however
the app is invoked (the console script or a test runner): the root command group's ``main``."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import typer
from typer.core import TyperGroup

from innoreg.cli.messages import (
    describe,
    error_line,
    language,
    reset_language,
    set_language,
)
from innoreg.errors import InnoregError
from innoreg.labels import Language

__all__ = ["InnoregGroup", "describe", "fail", "language", "set_language", "user_errors"]


def fail(message: str, zh: str | None = None) -> typer.Exit:
    """Print a one-line error and give the exit code (2) every user error shares."""
    typer.echo(error_line(zh if zh and language() == "zh" else message), err=True)
    return typer.Exit(code=2)


def language_asked(args: Sequence[str] | None) -> Language | None:
    """``--lang zh`` or ``--lang=zh`` anywhere in the arguments (a later one wins)."""
    found: Language | None = None
    items = list(args if args is not None else sys.argv[1:])
    for i, item in enumerate(items):
        value = item.split("=", 1)[1] if item.startswith("--lang=") else None
        if item == "--lang" and i + 1 < len(items):
            value = items[i + 1]
        if value in ("en", "zh"):
            found = "zh" if value == "zh" else "en"
    return found


@contextmanager
def user_errors() -> Iterator[None]:
    """Inside a command: an InnoregError becomes the one-line error and exit code 2."""
    try:
        yield
    except InnoregError as exc:
        raise fail(describe(exc)) from None


class InnoregGroup(TyperGroup):
    """The root group: runs the command without click's standalone handling, so that usage
    errors (an unknown option, ``-f csv``, a missing argument) are one line too."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        # typer vendors click; its exception classes live in typer._click.
        from typer._click.exceptions import ClickException, NoArgsIsHelpError

        reset_language()
        set_language(language_asked(args))  # before parsing: an unknown option says it in it
        try:
            # Without standalone mode a command's Exit comes back as its return value.
            code = super().main(args=args, prog_name=prog_name, standalone_mode=False, **extra)
            sys.exit(code if isinstance(code, int) else 0)
        except typer.Exit as exc:
            sys.exit(exc.exit_code)
        except typer.Abort:
            typer.echo(error_line("aborted"), err=True)
            sys.exit(1)
        except NoArgsIsHelpError as exc:
            typer.echo(exc.format_message())
            sys.exit(0)
        except ClickException as exc:
            context = getattr(exc, "ctx", None)
            command = f" (see `{context.command_path} --help`)" if context is not None else ""
            typer.echo(error_line(exc.format_message().replace("\n", " ") + command), err=True)
            sys.exit(2)
        except InnoregError as exc:
            typer.echo(error_line(describe(exc)), err=True)
            sys.exit(2)
