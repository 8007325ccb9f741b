"""A case: the JSON/YAML document `innoreg evaluate` and `POST /v1/evaluate` read.

Parsing is the input contract: an unknown field, a wrong type, negative money, a malformed
date, an unknown jurisdiction or entity kind is an ``InputError`` naming the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from innoreg.engine.plan import EntityPlan, Plan, plan_for
from innoreg.errors import InputError
from innoreg.rules.inputs import coerce_date

_TOP = ("jurisdiction", "date", "interpretations")


@dataclass
class Case:
    plan: Plan
    entities: dict[str, list[tuple[str, dict[str, Any]]]]  # entity kind -> [(id, inputs)]


def parse_case(data: Any, *, interpretations: Mapping[str, str] | None = None) -> Case:
    """Validate a case document and coerce its inputs (money to fen, dates to dates)."""
    if not isinstance(data, Mapping):
        raise InputError("a case must be a mapping of fields", field="case")
    jurisdiction = data.get("jurisdiction")
    if not isinstance(jurisdiction, str):
        raise InputError(
            "is required: a jurisdiction code such as cn-ha-luoyang", field="jurisdiction"
        )
    if "date" not in data:
        raise InputError("is required: the date whose law decides the case", field="date")
    try:
        date = coerce_date(data["date"])
    except ValueError as exc:
        raise InputError(str(exc), field="date", rule="an ISO date") from None
    chosen = _interpretations(data.get("interpretations"))
    chosen.update(interpretations or {})
    plan = plan_for(jurisdiction, date, chosen)
    entities: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    seen_ids: set[str] = set()
    for key, rows in data.items():
        if key in _TOP:
            continue
        entity = plan.entity_by_plural(str(key))
        if entity is None:
            kinds = ", ".join(e.kind.plural for e in plan.entities.values())
            raise InputError(
                f"unknown entity kind for {jurisdiction}; known: {kinds}",
                field=str(key),
                rule="entity kinds are declared by the packs in force",
            )
        if rows is None:
            continue
        if not isinstance(rows, list):
            raise InputError("must be a list of entities", field=str(key))
        parsed = entities.setdefault(entity.kind.name, [])
        for index, row in enumerate(rows):
            entity_id, inputs = _parse_entity(entity, row, f"{key}[{index}]")
            if entity_id in seen_ids:
                raise InputError(
                    f"id {entity_id!r} is used twice",
                    field=f"{key}[{index}].id",
                    rule="ids are unique in a case",
                )
            seen_ids.add(entity_id)
            parsed.append((entity_id, inputs))
    return Case(plan, entities)


def _interpretations(raw: Any) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping) or not all(isinstance(v, str) for v in raw.values()):
        raise InputError("must map interpretation names to options", field="interpretations")
    return {str(k): str(v) for k, v in raw.items()}


def _parse_entity(entity: EntityPlan, row: Any, where: str) -> tuple[str, dict[str, Any]]:
    if not isinstance(row, Mapping):
        raise InputError("must be a mapping of inputs", field=where)
    entity_id = row.get("id")
    if not isinstance(entity_id, str) or not entity_id.strip():
        raise InputError(
            "must be a non-empty string (each entity needs an id)", field=f"{where}.id"
        )
    inputs: dict[str, Any] = {}
    for name, raw in row.items():
        if name == "id":
            continue
        spec = entity.inputs.get(str(name))
        if spec is None:
            rule = "variables are computed, not given" if _is_variable(entity, name) else None
            raise InputError(
                f"unknown field for {entity.kind.name}",
                field=f"{where}.{name}",
                rule=rule or "inputs are declared by the packs in force",
            )
        try:
            inputs[spec.name] = spec.coerce(raw)
        except ValueError as exc:
            raise InputError(str(exc), field=f"{where}.{name}", rule=spec.type) from None
    for name, spec in entity.inputs.items():
        inputs.setdefault(name, spec.default)
    return entity_id, inputs


def _is_variable(entity: EntityPlan, name: object) -> bool:
    return any(v.spec.name == name for v in entity.variables)
