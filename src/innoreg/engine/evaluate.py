"""Decide one case: every variable of every entity, in the plan's order, on one row each."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from innoreg.engine.case import Case, EntityRow, parse_case
from innoreg.engine.decision import Decision, EntityDecision
from innoreg.engine.plan import EntityPlan
from innoreg.engine.values import public_value
from innoreg.labels import Label

if TYPE_CHECKING:
    from innoreg.engine.reform import Reform


def decide(
    data: Any,
    *,
    explain: bool = False,
    interpretations: Mapping[str, str] | None = None,
    reform: Reform | None = None,
) -> Decision:
    """A case document -> its typed ``Decision``."""
    return decide_case(
        parse_case(data, interpretations=interpretations, reform=reform), explain=explain
    )


def evaluate_case(
    data: Any,
    *,
    explain: bool = False,
    interpretations: Mapping[str, str] | None = None,
    reform: Reform | None = None,
) -> dict[str, Any]:
    """A case document -> the public JSON document (``Decision.to_dict()``)."""
    return decide(data, explain=explain, interpretations=interpretations, reform=reform).to_dict()


def decide_case(case: Case, *, explain: bool = False) -> Decision:
    plan = case.plan
    notices: list[Label] = list(plan.warnings)
    assumed = list(plan.assumed)
    decided: list[EntityDecision] = []
    for kind, rows in case.entities.items():
        entity = plan.entities[kind]
        for entity_row in rows:
            row = dict(entity_row.inputs)
            row_warnings: list[Label] = []
            for planned in entity.variables:
                row[planned.spec.name] = planned.scalar(row, row_warnings)
            row_warnings += _missing_facts(entity, row)
            notices += (
                Label(f"{entity_row.id}: {w.en}", f"{entity_row.id}：{w.zh}") for w in row_warnings
            )
            assumed.extend(_assumed(entity, entity_row, row))
            values = {
                v.spec.name: public_value(v.spec.unit, row[v.spec.name]) for v in entity.variables
            }
            explanation = None
            if explain:
                from innoreg.engine.trace import explain_row

                explanation = explain_row(plan, entity, row)
            decided.append(EntityDecision(entity_row.id, kind, values, explanation))
    return Decision(
        jurisdiction=plan.jurisdiction,
        date=plan.date,
        pack_version=plan.pack_version,
        interpretations=plan.interpretations,
        notices=tuple(dict.fromkeys(notices)),
        assumed=tuple(assumed),
        entities=tuple(decided),
        reform=plan.reform,
        explained=explain,
    )


def _missing_facts(entity: EntityPlan, row: dict[str, Any]) -> list[Label]:
    """For each needed input the case left out: the results that need it (the same sentence a
    population gives, counted over its rows)."""
    return [
        missing_fact(entity, name)
        for name, spec in entity.inputs.items()
        if spec.missing == "needed" and row[name] is None and entity.dependents[name]
    ]


def missing_fact(entity: EntityPlan, name: str) -> Label:
    needing = ", ".join(
        v.spec.name for v in entity.variables if v.spec.name in entity.dependents[name]
    )
    label = entity.inputs[name].label.zh
    return Label(
        f"{name} is not given; {needing} need it", f"未提供 {name}（{label}）；{needing} 需要该事实"
    )


def _assumed(entity: EntityPlan, entity_row: EntityRow, row: dict[str, Any]) -> list[str]:
    """Defaults taken that some result rests on: ``e1.fiscal_year=2024``."""
    found = []
    for name in entity_row.defaulted:
        dependents = entity.dependents[name]
        if any(row[v] is not None for v in dependents):
            shown = public_value(entity.inputs[name].type, row[name])
            text = (
                "null"
                if shown is None
                else str(shown).lower()
                if isinstance(shown, bool)
                else shown
            )
            found.append(f"{entity_row.id}.{name}={text}")
    return found
