"""`innoreg evaluate CASE`: decide a case file (JSON or YAML) under every level of law in force
in its jurisdiction on its date; `--explain` adds each variable's trace and the cited text."""

from __future__ import annotations

from typing import Annotated

import typer

from innoreg.cli.decide import run_evaluate
from innoreg.cli.edge import user_errors
from innoreg.cli.options import (
    AssumeOption,
    Format,
    FormatOption,
    InterpretationOption,
    LangOption,
    chosen_language,
)


def evaluate(
    case_file: Annotated[
        str, typer.Argument(metavar="CASE", help="A case file (.json, .yaml) or - for stdin.")
    ],
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="Decide under the law in force on this day (YYYY-MM-DD), not the case's.",
        ),
    ] = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help="Add each variable's trace: formula, parameters, cited article text."
        ),
    ] = False,
    output: FormatOption = Format.json,
    interpretation: InterpretationOption = None,
    assume: AssumeOption = None,
    lang: LangOption = None,
    reform: Annotated[
        str | None, typer.Option("--reform", help="Decide under a reform (YAML) of the law.")
    ] = None,
) -> None:
    """Decide a case: eligibility, minimum rewards, deadlines, with explanations."""
    with user_errors():
        text = run_evaluate(
            case_file,
            date=date,
            explain=explain,
            output=output.value,
            interpretations=interpretation,
            assume=assume,
            lang=chosen_language(lang),
            reform=reform,
        )
    typer.echo(text)
