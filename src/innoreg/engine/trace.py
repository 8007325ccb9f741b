"""Explanations: for every variable of an entity, its value, its formula, what it read (inputs,
other variables, parameters with their values and references, interpretations) and the text
of the articles it cites, with a hash of that text so a changed text is noticed."""

from __future__ import annotations

import functools
from typing import Any

from innoreg.engine.plan import EntityPlan, Plan, PlannedVariable
from innoreg.engine.values import public_value
from innoreg.rules.formula_text import formula_text
from innoreg.rules.money import format_money
from innoreg.rules.pack import Pack
from innoreg.rules.parameters import Bracket, ParameterData


def explain_row(plan: Plan, entity: EntityPlan, row: dict[str, Any]) -> dict[str, Any]:
    units: dict[str, str] = {name: spec.type for name, spec in entity.inputs.items()}
    units.update({v.spec.name: v.spec.unit for v in entity.variables})
    packs = {p.jurisdiction: p for p in plan.chain}
    return {
        planned.spec.name: _explain_variable(plan, packs, planned, row, units, entity)
        for planned in entity.variables
    }


def _explain_variable(
    plan: Plan,
    packs: dict[str, Pack],
    planned: PlannedVariable,
    row: dict[str, Any],
    units: dict[str, str],
    entity: EntityPlan,
) -> dict[str, Any]:
    spec = planned.spec
    pack = packs[spec.pack]
    explained: dict[str, Any] = {
        "value": public_value(spec.unit, row[spec.name]),
        "label": spec.label.to_dict(),
        "unit": spec.unit,
        "level": pack.jurisdiction,
        "law": spec.doc,
        "formula": formula_text(planned.expr),
        "reads": {n: public_value(units[n], row[n]) for n in planned.depends_on},
        "parameters": [
            {
                "name": use.parameter.name,
                "label": use.parameter.label.to_dict(),
                "value": parameter_text(use.parameter.unit, use.value.value),
                "since": use.value.since.isoformat() if use.value.since else "act in force",
                "reference": use.value.reference,
            }
            for use in planned.parameters
        ],
        "interpretations": [
            {
                "name": name,
                "option": plan.interpretations[name],
                "meaning": plan.known_interpretations[name].options[plan.interpretations[name]],
                "reads": plan.known_interpretations[name].reads,
                "justification": plan.known_interpretations[name].justification,
            }
            for name in planned.interpretations
        ],
        "citations": [cite(pack, c) for c in spec.cites],
    }
    if planned.note:
        explained["note"] = planned.note
    if planned.contributions:
        explained["levels"] = _levels(planned, row, entity)
    return explained


def _levels(planned: PlannedVariable, row: dict[str, Any], entity: EntityPlan) -> list[Any]:
    """Each level's floor and which binds: the highest, "以上" floors all being minimums."""
    binding = row[planned.spec.name]
    levels = []
    for name in planned.contributions:
        contribution = entity.variable(name)
        value = row[name]
        levels.append(
            {
                "variable": name,
                "level": contribution.spec.pack,
                "label": contribution.spec.label.to_dict(),
                "value": public_value(planned.spec.unit, value),
                "binding": value is not None and value == binding,
                "why": (
                    "not applicable to this case"
                    if value is None
                    else "the highest floor in force binds"
                    if value == binding
                    else "a lower floor, met whenever the binding one is"
                ),
            }
        )
    return levels


def cite(pack: Pack, citation: str) -> dict[str, Any]:
    if "#" in citation:
        source_id, anchor = citation.split("#", 1)
        source = pack.sources[source_id]
        return {"cite": citation, "source": source.title, "issued": source.issued, "at": anchor}
    assert pack.act is not None
    return _act_citation(pack.act, citation)


@functools.cache
def _act_citation(work_uri: str, eid: str) -> dict[str, Any]:
    from innoreg.law import Citation

    resolved = Citation.parse(f"{work_uri}~{eid}").resolve()
    return {"cite": f"{work_uri}~{eid}", "text": resolved.text, "sha256": resolved.sha256}


def parameter_text(unit: str, value: ParameterData) -> Any:
    if isinstance(value, tuple) and value and isinstance(value[0], Bracket):
        return [b.describe() for b in value if isinstance(b, Bracket)]
    if isinstance(value, tuple):
        return list(value)
    if unit == "rate" and isinstance(value, int):
        return f"{value / 10_000:g} %"
    if unit == "money" and isinstance(value, int):
        return format_money(value)
    return value
