"""`innoreg inputs` (every input a case may give: type, unit, default, options with their Chinese
terms, labels in both languages, what it feeds) and `innoreg template` (a commented YAML case
to fill in)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated

import typer

from innoreg.cli.edge import fail, user_errors
from innoreg.cli.options import (
    DocFormat,
    DocFormatOption,
    JurisdictionOption,
    LangOption,
    chosen_language,
)

EntityOption = Annotated[
    str | None,
    typer.Option("--entity", "-e", help="Only this entity kind (enterprise, transfer, ip_asset…)."),
]


def inputs_command(
    jurisdiction: JurisdictionOption = None,
    entity: EntityOption = None,
    output: DocFormatOption = DocFormat.text,
    lang: LangOption = None,
) -> None:
    """List the inputs a case may give: type, default, options, labels, what each feeds."""
    from innoreg.engine.vocabulary import inputs

    with user_errors():
        found = inputs(jurisdiction, entity)
    if entity is not None and not found:
        raise fail(
            f"--entity {entity!r}: no such entity kind here", f"--entity {entity!r}：无此实体类型"
        )
    if output is DocFormat.json:
        typer.echo(json.dumps([i.to_dict() for i in found], ensure_ascii=False, indent=2))
        return
    language = chosen_language(lang)
    words = _WORDS[language]
    current = None
    for info in found:
        spec = info.spec
        if spec.entity != current:
            current = spec.entity
            typer.echo(f"\n{current}")
        typer.echo(f"  {spec.name}  ({spec.type})  {spec.label.in_(language)}")
        other = spec.label.zh if language == "en" else spec.label.en
        typer.echo(f"      {other}")
        typer.echo(f"      {words['default']}: {info.default_text}")
        if spec.options:
            shown = ", ".join(f"{o.code} = {o.label.zh}" for o in spec.options)
            typer.echo(f"      {words['options']}: {shown}")
        if spec.hint:
            typer.echo(f"      {words['hint']}: {spec.hint.in_(language)}")
        if info.feeds:
            typer.echo(f"      {words['feeds']}: {', '.join(info.feeds)}")
        if info.articles:
            typer.echo(f"      {words['law']}: {'; '.join(info.readings(language))}")


_WORDS = {
    "en": {"default": "default", "options": "options", "hint": "hint", "feeds": "feeds",
           "law": "law"},
    "zh": {"default": "默认", "options": "可选值", "hint": "说明", "feeds": "用于", "law": "依据"},
}  # fmt: skip


def template_command(
    jurisdiction: Annotated[
        str,
        typer.Option("--jurisdiction", "-j", help="A jurisdiction's code or alias (required)."),
    ],
    entity: EntityOption = None,
    date: Annotated[
        str | None, typer.Option("--date", help="The case's date (default today).")
    ] = None,
    lang: LangOption = None,
) -> None:
    """Print a commented YAML case to fill in (every input, its default and options)."""
    from innoreg.cli.options import parse_date
    from innoreg.engine.vocabulary import entity_kinds, inputs
    from innoreg.rules.registry import registry

    day = parse_date(date, "--date") or dt.date.today()
    language = chosen_language(lang)
    with user_errors():
        code = registry().resolve(jurisdiction)
        kinds = [k for k in entity_kinds(code) if entity is None or k[0] == entity]
        if not kinds:
            raise fail(f"--entity {entity!r}: no such entity kind in {code}")
        found = inputs(code)
    lines = [
        f"# A case for {code}: fill in the values, delete what you do not know.",
        "# Decide it with: innoreg evaluate THIS_FILE.yaml -f text --explain",
        f"jurisdiction: {code}",
        f"date: {day.isoformat()}          # the law in force on this day decides the case",
    ]
    for name, plural, label in kinds:
        lines += ["", f"{plural}:  # {label.en} / {label.zh}", f"  - id: {name}-1"]
        for info in (i for i in found if i.spec.entity == name):
            spec = info.spec
            value = _example(info)
            note = spec.label.in_(language)
            if spec.options:
                note += " — " + ", ".join(f"{o.code} ({o.label.zh})" for o in spec.options)
            note += f"; default: {info.default_text}"
            lines.append(f"    {spec.name}: {value}".ljust(38) + f"  # {note}")
    typer.echo("\n".join(lines))


def _example(info: object) -> str:
    from innoreg.engine.vocabulary import InputInfo

    assert isinstance(info, InputInfo)
    spec = info.spec
    if spec.missing != "default" or spec.default is None:
        return "null"
    if spec.type in ("money", "quantity"):
        return f'"{info.default_text}"'
    if spec.type == "year":
        return str(dt.date.today().year)
    return info.default_text
