"""The console script. `innoreg evaluate` with plain arguments is read here by a small parser
and decided without loading the full command framework: typer 0.29 builds pydantic adapters for
every option (about 60 ms), and a one-case command should start in well under 0.3 s. Anything
else — help, another command, arguments the small parser does not accept — goes to the typer
app, which also gives the canonical one-line error. A test holds both paths to the same output."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["evaluate"] and quick_evaluate(args[1:]):
        return
    from innoreg.cli import app

    app(args=args, prog_name="innoreg")


class _DeclinedError(Exception):
    """The small parser declines; typer takes over."""


def quick_evaluate(args: list[str]) -> bool:
    """Decide with the small parser; False where typer should handle the arguments."""
    import argparse

    if any(a in ("-h", "--help") or a.startswith("--format=") for a in args):
        return False

    class Parser(argparse.ArgumentParser):
        def error(self, message: str) -> None:  # type: ignore[override]
            raise _DeclinedError(message)

    parser = Parser(prog="innoreg evaluate", add_help=False, allow_abbrev=False)
    parser.add_argument("case_file")
    parser.add_argument("--date")
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--format", "-f", dest="output", choices=("json", "text"), default="json")
    parser.add_argument("--interpretation", "-i", action="append")
    parser.add_argument("--assume", action="append")
    parser.add_argument("--lang", choices=("en", "zh"))
    try:
        parsed = parser.parse_args(args)
    except _DeclinedError:
        return False
    from innoreg.cli.decide import run_evaluate
    from innoreg.cli.messages import (
        describe,
        error_line,
        language,
        reset_language,
        set_language,
    )
    from innoreg.errors import InnoregError

    reset_language()
    set_language(parsed.lang)
    try:
        text = run_evaluate(
            parsed.case_file,
            date=parsed.date,
            explain=parsed.explain,
            output=parsed.output,
            interpretations=parsed.interpretation,
            assume=parsed.assume,
            lang=language(),
        )
    except InnoregError as exc:
        print(error_line(describe(exc)), file=sys.stderr)
        sys.exit(2)
    try:
        print(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `innoreg evaluate … | head`: the reader went away, as it may
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    return True
