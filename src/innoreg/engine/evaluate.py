"""Decide one case: every variable of every entity, in the plan's order, on one row each."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from innoreg.engine.case import Case, parse_case
from innoreg.engine.values import public_value


def evaluate_case(
    data: Any, *, explain: bool = False, interpretations: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """A case document -> ``{"jurisdiction", "date", "pack_version", "interpretations",
    "warnings", "results"}`` (and ``"explanations"`` with ``explain``)."""
    return decide(parse_case(data, interpretations=interpretations), explain=explain)


def decide(case: Case, *, explain: bool = False) -> dict[str, Any]:
    plan = case.plan
    warnings = list(plan.warnings)
    results: dict[str, dict[str, Any]] = {}
    explanations: dict[str, dict[str, Any]] = {}
    for entity_name, rows in case.entities.items():
        entity = plan.entities[entity_name]
        for entity_id, inputs in rows:
            row = dict(inputs)
            row_warnings: list[str] = []
            for planned in entity.variables:
                row[planned.spec.name] = planned.scalar(row, row_warnings)
            warnings.extend(f"{entity_id}: {w}" for w in row_warnings)
            results[entity_id] = {
                v.spec.name: public_value(v.spec.unit, row[v.spec.name]) for v in entity.variables
            }
            if explain:
                from innoreg.engine.trace import explain_row

                explanations[entity_id] = explain_row(plan, entity, row)
    output: dict[str, Any] = {
        "jurisdiction": plan.jurisdiction,
        "date": plan.date.isoformat(),
        "pack_version": plan.pack_version,
        "interpretations": dict(plan.interpretations),
        "warnings": list(dict.fromkeys(warnings)),
        "results": results,
    }
    if explain:
        output["explanations"] = explanations
    return output
