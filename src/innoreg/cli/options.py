"""Options shared by the commands, declared once: output formats, the jurisdiction, the
language of text output and errors, and dates."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from innoreg.cli.edge import fail, set_language
from innoreg.labels import Language


class Format(StrEnum):
    text = "text"
    json = "json"


class DocFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


class Lang(StrEnum):
    en = "en"
    zh = "zh"


def _set_language(value: Lang | None) -> Lang | None:
    set_language(value.value if value is not None else None)
    return value


FormatOption = Annotated[Format, typer.Option("--format", "-f", help="text or json.")]
DocFormatOption = Annotated[
    DocFormat, typer.Option("--format", "-f", help="text, json or markdown.")
]
JurisdictionOption = Annotated[
    str | None,
    typer.Option(
        "--jurisdiction", "-j", help="A jurisdiction's code or alias (cn-ha-luoyang, luoyang)."
    ),
]
InterpretationOption = Annotated[
    list[str] | None,
    typer.Option(
        "--interpretation",
        "-i",
        metavar="NAME=VALUE",
        help="Choose a reading of an ambiguous sentence (repeatable).",
    ),
]
AssumeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--assume",
        metavar="FACT=DATE",
        help="Assume a date the sources do not record, e.g. cn-ha-luoyang.in_force=2015-03-01 "
        "(repeatable; shown in the output).",
    ),
]
ReformOption = Annotated[
    Path | None, typer.Option("--reform", help="A reform (YAML) to simulate beside the law.")
]
ResultsOption = Annotated[
    str | None,
    typer.Option("--output", "-o", help="Per-row results: .parquet, .csv, .xlsx or a directory."),
]
ReportOption = Annotated[
    Path | None,
    typer.Option("--report", help="Write an HTML report, charts and a workbook here."),
]
LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        help="Language of text output and errors: zh or en (default: the locale, else en).",
        callback=_set_language,
        is_eager=True,
    ),
]


def chosen_language(lang: Lang | None) -> Language:
    from innoreg.cli.edge import language

    return lang.value if lang is not None else language()


def parse_date(text: str | None, option: str) -> dt.date | None:
    """An ISO date from an option, or the one-line error naming the option."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise fail(
            f"{option} {text!r} is not a date (YYYY-MM-DD)",
            f"{option} {text!r} 不是日期（YYYY-MM-DD）",
        ) from None
