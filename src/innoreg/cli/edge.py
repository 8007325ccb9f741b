"""The CLI's edge: every ``InnoregError`` becomes one ``error: …`` line on stderr and exit code
2, in this one place, however the app is invoked (console script or a test runner)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer

from innoreg.errors import InnoregError, InputError


def fail(message: str) -> typer.Exit:
    """Print a one-line error and give the exit code (2) every user error shares."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code=2)


@contextmanager
def user_errors() -> Iterator[None]:
    try:
        yield
    except InputError as exc:
        rule = f" (rule: {exc.rule})" if exc.rule else ""
        raise fail(f"{exc.message}{rule}") from None
    except InnoregError as exc:
        raise fail(exc.message) from None
