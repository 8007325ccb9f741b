"""Plain-text rendering of a decision for a person at a terminal (no colour library, so the
one-case command stays quick to start)."""

from __future__ import annotations

import textwrap
from typing import Any


def render_result(result: dict[str, Any]) -> str:
    lines = [
        f"Jurisdiction {result['jurisdiction']}, law in force on {result['date']}",
        f"Rule packs {result['pack_version']}",
    ]
    for warning in result["warnings"]:
        lines.extend(textwrap.wrap(f"! {warning}", 100, subsequent_indent="  "))
    explanations = result.get("explanations", {})
    for entity_id, values in result["results"].items():
        lines += ["", f"{entity_id}"]
        width = max((len(name) for name in values), default=0)
        for name, value in values.items():
            lines.append(f"  {name:<{width}}  {_value(value)}")
            if entity_id in explanations:
                lines.extend(_trace(explanations[entity_id][name]))
    return "\n".join(lines)


def _value(value: Any) -> str:
    if value is None:
        return "— (not applicable)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _trace(step: dict[str, Any]) -> list[str]:
    pad = "      "
    lines = [f"{pad}{step['label']['en']} / {step['label']['zh']}  [{step['level']}]"]
    lines.append(f"{pad}= {step['formula']}")
    for name, value in step["reads"].items():
        lines.append(f"{pad}  {name} = {_value(value)}")
    for parameter in step["parameters"]:
        lines.append(
            f"{pad}  parameter {parameter['name']} = {parameter['value']} "
            f"(since {parameter['since']}; {parameter['reference']})"
        )
    for chosen in step["interpretations"]:
        lines.append(f"{pad}  reading {chosen['name']} = {chosen['option']}: {chosen['meaning']}")
    for level in step.get("levels", []):
        mark = "binds" if level["binding"] else level["why"]
        lines.append(f"{pad}  {level['level']}: {_value(level['value'])} ({mark})")
    for citation in step["citations"]:
        if "text" in citation:
            quoted = textwrap.shorten(citation["text"], 160, placeholder=" …")
            lines.append(f"{pad}  cites {citation['cite']}: “{quoted}”")
        else:
            lines.append(f"{pad}  cites {citation['source']} {citation['at']}")
    if "note" in step:
        lines.append(f"{pad}  note: {step['note']}")
    return lines
