"""`innoreg rules`: the variables each jurisdiction's packs define, and one variable in full —
its law, formula, citations and parameters over time."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from innoreg.cli.edge import user_errors
from innoreg.cli.options import (
    DocFormat,
    DocFormatOption,
    Format,
    FormatOption,
    JurisdictionOption,
    LangOption,
    parse_date,
)

app = typer.Typer(help="Rules: list the variables and show one.", no_args_is_help=True)


@app.command("list")
def list_command(
    jurisdiction: JurisdictionOption = None,
    output: FormatOption = Format.text,
    lang: LangOption = None,  # the language of errors and text
) -> None:
    """List the variables: name, entity, unit, level, citations."""
    from innoreg.rules.registry import registry

    with user_errors():
        packs = registry().chain(jurisdiction) if jurisdiction else registry().packs.values()
        rows = [
            {
                "name": r.name,
                "entity": r.entity,
                "unit": r.unit,
                "level": r.pack,
                "cites": list(r.cites),
                "label": r.label.to_dict(),
            }
            for pack in packs
            for r in pack.rules
        ]
    rows.sort(key=lambda r: (r["level"], r["entity"], r["name"]))
    if output is Format.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        typer.echo(
            f"{row['level']:<14} {row['entity']:<18} {row['name']:<40} {row['unit']:<9} "
            f"{', '.join(row['cites'])}"
        )


@app.command("show")
def show_command(
    variable: Annotated[str, typer.Argument(help="A variable name, e.g. rd_shortfall.")],
    jurisdiction: JurisdictionOption = None,
    date: Annotated[str | None, typer.Option("--date", help="Formula as on this day.")] = None,
    output: FormatOption = Format.text,
    lang: LangOption = None,  # the language of errors and text
) -> None:
    """Show one variable: the law it quotes, its formula, citations and parameters over time."""
    from innoreg.engine.rule_info import describe_rule

    on = parse_date(date, "--date")
    with user_errors():
        shown = describe_rule(variable, jurisdiction=jurisdiction, on=on)
    if output is Format.json:
        typer.echo(json.dumps(shown, ensure_ascii=False, indent=2))
        return
    typer.echo(_render(shown))


def _validity(since: str | None, until: str | None) -> str:
    if since is None and until is None:
        return "no validity period of its own (it follows its level's act, where there is one)"
    return f"in force from {since or 'its act'} to {until or 'now'}"


def _render(shown: dict[str, Any]) -> str:
    lines = [
        f"{shown['name']} ({shown['entity']}, {shown['unit']}) — {shown['label']['en']} / "
        f"{shown['label']['zh']}",
        f"level {shown['level']}; {_validity(shown['since'], shown['until'])}",
        "",
        shown["law"],
        "",
        f"formula on {shown['formula_on']}: {shown['formula']}",
    ]
    if shown["interpretations"]:
        lines.append(f"readings: {', '.join(shown['interpretations'])}")
    for citation in shown["citations"]:
        reads = citation["reads"]["en"] or citation["cite"]
        words = citation.get("quote") or citation.get("text") or citation.get("source")
        lines.append(f"cites {reads} [{citation['cite']}]: {words}")
    for parameter in shown["parameters"]:
        lines.append(f"parameter {parameter['name']}:")
        for value in parameter["values"]:
            until = f" to {value['until']}" if value["until"] else ""
            issued = f", issued {value['issued']}" if value["issued"] else ""
            since = value["since"] or "the act's entry into force"
            lines.append(f"  from {since}{until}: {value['value']}  ({value['reference']}{issued})")
    return "\n".join(lines)


@app.command("interpretations")
def interpretations_command(
    jurisdiction: JurisdictionOption = None,
    output: DocFormatOption = DocFormat.text,
    lang: LangOption = None,  # the language of errors and text
) -> None:
    """List every named reading of an ambiguous sentence: options, default, justification."""
    from innoreg.rules.registry import registry

    with user_errors():
        packs = registry().chain(jurisdiction) if jurisdiction else registry().packs.values()
        found = [i for pack in packs for i in pack.interpretations]
    if output is DocFormat.json:
        rows = [i.to_dict() for i in found]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif output is DocFormat.markdown:
        typer.echo(interpretations_markdown(found), nl=False)
    else:
        for i in found:
            typer.echo(f"{i.name} [{i.pack}, reads {i.reads}] default {i.default}: {i.question}")


def interpretations_markdown(found: list[Any]) -> str:
    """The page docs/interpretations.md, generated so that it cannot drift from the packs."""
    lines = [
        "# Interpretations",
        "",
        "Every reading of an ambiguous sentence is named, has a default and a justification, and",
        "can be switched per evaluation (`--interpretation NAME=OPTION`, or `interpretations:` in",
        "a case). This page is generated by `innoreg rules interpretations --format markdown`;",
        "a test keeps it equal to the packs.",
        "",
        "| interpretation | level | reads | default | options |",
        "| --- | --- | --- | --- | --- |",
    ]
    for i in found:
        options = "; ".join(f"`{k}`: {v}" for k, v in i.options.items())
        lines.append(f"| `{i.name}` | {i.pack} | `{i.reads}` | `{i.default}` | {options} |")
    for i in found:
        lines += [
            "",
            f"## `{i.name}`",
            "",
            f"**{i.question}** (reads `{i.reads}`; decided by {i.decided_by})",
            "",
            i.justification,
        ]
    return "\n".join(lines) + "\n"
