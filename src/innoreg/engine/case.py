"""A case: the JSON/YAML document `innoreg evaluate` and `POST /v1/evaluate` read.

Parsing is the input contract: an unknown field (with the nearest valid name), a wrong type,
negative money, a malformed date, an unknown jurisdiction or entity kind is an ``InputError``
naming the field. What people type is accepted (ids as numbers, 是/否, the Chinese terms of
options, jurisdiction aliases); what a case leaves out is recorded, so the output can list it.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from innoreg.engine.plan import EntityPlan, Plan, plan_for
from innoreg.errors import InputError
from innoreg.rules.inputs import coerce_date

if TYPE_CHECKING:
    from innoreg.engine.reform import Reform

TOP_FIELDS = ("jurisdiction", "date", "interpretations", "assumptions")


@dataclass(frozen=True)
class EntityRow:
    """One entity of a case: its id, its inputs as the engine holds them (fen, dates) and the
    inputs the case left out (which took their defaults)."""

    id: str
    inputs: dict[str, Any]
    defaulted: tuple[str, ...]


@dataclass(frozen=True)
class Case:
    plan: Plan
    entities: dict[str, list[EntityRow]]  # entity kind -> rows


def parse_case(
    data: Any,
    *,
    interpretations: Mapping[str, str] | None = None,
    reform: Reform | None = None,
) -> Case:
    """Validate a case document and coerce its inputs (money to fen, dates to dates)."""
    if not isinstance(data, Mapping):
        raise InputError(
            "a case must be a mapping of fields", field="case", zh="案件应为字段的映射（键值对）"
        )
    jurisdiction = data.get("jurisdiction")
    if not isinstance(jurisdiction, str):
        raise InputError(
            "is required: a jurisdiction code such as cn-ha-luoyang (or luoyang)",
            field="jurisdiction",
            zh="必填：法域代码，如 cn-ha-luoyang（或 luoyang）",
        )
    if "date" not in data:
        raise InputError(
            "is required: the date whose law decides the case",
            field="date",
            zh="必填：据以判断的法律所适用的日期",
        )
    date = _date(data["date"], "date")
    chosen = _interpretations(data.get("interpretations"))
    chosen.update(interpretations or {})
    assumptions = _assumptions(data.get("assumptions"))
    plan = plan_for(jurisdiction, date, chosen, assumptions=assumptions, reform=reform)
    entities: dict[str, list[EntityRow]] = {}
    seen_ids: set[str] = set()
    for key, rows in data.items():
        if key in TOP_FIELDS:
            continue
        entity = plan.entity_by_plural(str(key))
        if entity is None:
            raise _unknown_entity(plan, str(key))
        if rows is None:
            continue
        if not isinstance(rows, list):
            raise InputError("must be a list of entities", field=str(key))
        parsed = entities.setdefault(entity.kind.name, [])
        for index, row in enumerate(rows):
            where = f"{key}[{index}]"
            entity_row = parse_entity(entity, row, where, date)
            if entity_row.id in seen_ids:
                raise InputError(
                    f"id {entity_row.id!r} is used twice",
                    field=f"{where}.id",
                    rule="ids are unique in a case",
                    zh=f"编号 {entity_row.id!r} 重复使用",
                )
            seen_ids.add(entity_row.id)
            parsed.append(entity_row)
    return Case(plan, entities)


def _date(raw: Any, field: str) -> dt.date:
    try:
        return coerce_date(raw)
    except ValueError as exc:
        raise InputError(str(exc), field=field, rule="an ISO date", zh=_zh(exc)) from None


def _interpretations(raw: Any) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping) or not all(isinstance(v, str) for v in raw.values()):
        raise InputError("must map interpretation names to options", field="interpretations")
    return {str(k): str(v) for k, v in raw.items()}


def _assumptions(raw: Any) -> dict[str, dt.date]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise InputError(
            "must map facts to dates, e.g. {cn-ha-luoyang.in_force: 2015-03-01}",
            field="assumptions",
        )
    return {str(k): _date(v, f"assumptions.{k}") for k, v in raw.items()}


def _unknown_entity(plan: Plan, key: str) -> InputError:
    kinds = [e.kind.plural for e in plan.entities.values()]
    near = difflib.get_close_matches(key, [*kinds, *TOP_FIELDS], n=1, cutoff=0.6)
    hint = f"; did you mean {near[0]!r}?" if near else ""
    return InputError(
        f"unknown entity kind for {plan.jurisdiction}{hint} (known: {', '.join(kinds)})",
        field=key,
        rule="entity kinds are declared by the packs in force",
        zh=f"{plan.jurisdiction} 没有这类实体（可用：{', '.join(kinds)}）",
    )


def parse_entity(entity: EntityPlan, row: Any, where: str, date: dt.date) -> EntityRow:
    """One entity's inputs, coerced; an InputError names ``where`` and the field."""
    if not isinstance(row, Mapping):
        raise InputError("must be a mapping of inputs", field=where)
    entity_id = entity_id_of(row.get("id"), f"{where}.id")
    inputs: dict[str, Any] = {}
    for name, raw in row.items():
        if name == "id":
            continue
        spec = entity.inputs.get(str(name))
        if spec is None:
            raise _unknown_field(entity, str(name), f"{where}.{name}")
        if raw is None and spec.default is not None:
            continue  # an explicit null is "not given": the default applies, and is listed
        try:
            inputs[spec.name] = None if raw is None else spec.coerce(raw)
        except ValueError as exc:
            raise InputError(
                str(exc), field=f"{where}.{name}", rule=spec.type, zh=_zh(exc)
            ) from None
    defaulted = []
    for name, spec in entity.inputs.items():
        if name not in inputs:
            inputs[name] = spec.default_on(date)
            if spec.missing == "default":
                defaulted.append(name)
    return EntityRow(entity_id, inputs, tuple(defaulted))


def entity_id_of(raw: Any, field: str) -> str:
    """Ids are strings or whole numbers (people number their records), never empty."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        return str(raw)
    if not isinstance(raw, str) or not raw.strip():
        raise InputError(
            "must be a non-empty string or a number (each entity needs an id)",
            field=field,
            zh="应为非空的文字或数字（每个实体都需要编号）",
        )
    return raw


def _unknown_field(entity: EntityPlan, name: str, field: str) -> InputError:
    if any(v.spec.name == name for v in entity.variables):
        return InputError(
            f"unknown field for {entity.kind.name}: {name} is computed, not given",
            field=field,
            rule="variables are computed, not given",
        )
    near = difflib.get_close_matches(name, [*entity.inputs, "id"], n=1, cutoff=0.6)
    hint = f"; did you mean {near[0]!r}?" if near else ""
    hint_zh = f"；是否是指 {near[0]!r}？" if near else ""
    return InputError(
        f"unknown field for {entity.kind.name}{hint}",
        field=field,
        rule="inputs are declared by the packs in force (see `innoreg inputs`)",
        zh=f"{entity.kind.label.zh}没有这个字段{hint_zh}（见 `innoreg inputs`）",
    )


def _zh(exc: Exception) -> str | None:
    """The Chinese of a value error, where the input contract wrote one."""
    return getattr(exc, "zh", None)
