"""`innoreg evaluate CASE`: decide a case file (JSON or YAML) under every level of law in force
in its jurisdiction on its date; `--explain` adds each variable's trace and the cited text."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from innoreg.cli.edge import fail, user_errors
from innoreg.errors import InputError


class Format(StrEnum):
    json = "json"
    text = "text"


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
    output: Annotated[Format, typer.Option("--format", "-f", help="json or text.")] = Format.json,
    interpretation: Annotated[
        list[str] | None,
        typer.Option(
            "--interpretation",
            "-i",
            metavar="NAME=VALUE",
            help="Choose a reading of an ambiguous sentence (repeatable).",
        ),
    ] = None,
    reform: Annotated[
        Path | None, typer.Option("--reform", help="Decide under a reform (YAML) of the law.")
    ] = None,
) -> None:
    """Decide a case: eligibility, minimum rewards, deadlines, with explanations."""
    from innoreg.engine.evaluate import evaluate_case
    from innoreg.engine.reform import Reform

    with user_errors():
        case = read_case(case_file)
        if date is not None:
            case["date"] = date
        chosen = Reform.from_yaml(reform) if reform is not None else None
        result = evaluate_case(
            case, explain=explain, interpretations=_choices(interpretation), reform=chosen
        )
    if output is Format.json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        from innoreg.cli.render import render_result

        typer.echo(render_result(result))


def read_case(path: str) -> dict[str, Any]:
    """A case document from a file or stdin, JSON or YAML (JSON is YAML too)."""
    if path == "-":
        text = sys.stdin.read()
    else:
        file = Path(path)
        if not file.is_file():
            raise fail(f"no such case file: {path}")
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read {path}: {exc}", field="case") from None
    try:
        data = json.loads(text) if path.endswith(".json") else _yaml(text)
    except ValueError as exc:
        raise InputError(f"cannot read {path}: {exc}", field="case") from None
    if not isinstance(data, dict):
        raise InputError("a case must be a mapping of fields", field="case")
    return data


def _yaml(text: str) -> Any:
    import yaml

    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise ValueError(str(exc).replace("\n", " ")) from None


def _choices(pairs: list[str] | None) -> dict[str, str]:
    chosen = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name or not value:
            raise InputError(f"{pair!r} is not NAME=VALUE", field="--interpretation")
        chosen[name.strip()] = value.strip()
    return chosen
