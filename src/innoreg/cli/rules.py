"""`innoreg rules`: the variables each jurisdiction's packs define, and one variable in full —
its law, formula, citations and parameters over time."""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from typing import Annotated, Any

import typer

from innoreg.cli.edge import fail, user_errors

app = typer.Typer(help="Rules: list the variables and show one.", no_args_is_help=True)


class Format(StrEnum):
    text = "text"
    json = "json"


JurisdictionOption = Annotated[
    str | None,
    typer.Option("--jurisdiction", "-j", help="Only this jurisdiction's chain (e.g. cn-ln)."),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="text or json.")]


@app.command("list")
def list_command(
    jurisdiction: JurisdictionOption = None, output: FormatOption = Format.text
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
) -> None:
    """Show one variable: the law it quotes, its formula, citations and parameters over time."""
    from innoreg.engine.plan import plan_for
    from innoreg.engine.trace import cite, parameter_text
    from innoreg.rules.registry import registry

    with user_errors():
        owners = [p for p in registry().packs.values() if any(r.name == variable for r in p.rules)]
        if jurisdiction:
            chain = {p.jurisdiction for p in registry().chain(jurisdiction)}
            owners = [p for p in owners if p.jurisdiction in chain]
        if not owners:
            raise fail(
                f"no variable named {variable!r}" + (f" in {jurisdiction}" if jurisdiction else "")
            )
        pack = owners[0]
        on = dt.date.fromisoformat(date) if date else dt.date.today()
        plan = plan_for(jurisdiction or pack.jurisdiction, on)
        spec = next(r for r in pack.rules if r.name == variable)
        planned = plan.entities[spec.entity].variable(variable)
        from innoreg.rules.formula_text import formula_text

        shown: dict[str, Any] = {
            "name": spec.name,
            "entity": spec.entity,
            "unit": spec.unit,
            "level": pack.jurisdiction,
            "label": spec.label.to_dict(),
            "law": spec.doc,
            "since": spec.since.isoformat() if spec.since else None,
            "until": spec.until.isoformat() if spec.until else None,
            "formula_on": on.isoformat(),
            "formula": formula_text(planned.expr),
            "depends_on": planned.depends_on,
            "interpretations": planned.interpretations,
            "citations": [cite(pack, c) for c in spec.cites],
            "parameters": [
                {
                    "name": use.parameter.name,
                    "values": [
                        {
                            "since": v.since.isoformat() if v.since else "act in force",
                            "value": parameter_text(use.parameter.unit, v.value),
                            "reference": v.reference,
                        }
                        for v in use.parameter.values
                    ],
                }
                for use in planned.parameters
            ],
        }
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
        lines.append(f"cites {citation['cite']}: {citation.get('text') or citation.get('source')}")
    for parameter in shown["parameters"]:
        lines.append(f"parameter {parameter['name']}:")
        for value in parameter["values"]:
            lines.append(f"  from {value['since']}: {value['value']}  ({value['reference']})")
    return "\n".join(lines)


@app.command("interpretations")
def interpretations_command(
    jurisdiction: JurisdictionOption = None,
    output: Annotated[str, typer.Option("--format", "-f", help="text, json or markdown.")] = "text",
) -> None:
    """List every named reading of an ambiguous sentence: options, default, justification."""
    from innoreg.rules.registry import registry

    with user_errors():
        packs = registry().chain(jurisdiction) if jurisdiction else registry().packs.values()
        found = [i for pack in packs for i in pack.interpretations]
    if output == "json":
        rows = [
            {
                "name": i.name,
                "level": i.pack,
                "reads": i.reads,
                "question": i.question,
                "options": dict(i.options),
                "default": i.default,
                "justification": i.justification,
                "decided_by": i.decided_by,
            }
            for i in found
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif output == "markdown":
        typer.echo(interpretations_markdown(found), nl=False)
    elif output == "text":
        for i in found:
            typer.echo(f"{i.name} [{i.pack}, reads {i.reads}] default {i.default}: {i.question}")
    else:
        raise fail(f"--format must be text, json or markdown, not {output!r}")


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
