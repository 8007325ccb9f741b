"""A plan: every variable of every entity kind in force for one jurisdiction, date and set of
interpretations, built once from the rule packs, checked as a graph and put in order.

Plans are cached, so a service deciding many cases on the same date builds each formula once.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from innoreg.engine.graph import order_variables
from innoreg.errors import PackLoadError, ParameterError
from innoreg.rules import expr as e
from innoreg.rules.formula_context import Context, ParameterUse, Params, Vars
from innoreg.rules.inputs import EntityKind, InputSpec
from innoreg.rules.interpretations import Interpretation, choose
from innoreg.rules.pack import Pack
from innoreg.rules.parameters import Parameter
from innoreg.rules.registry import registry
from innoreg.rules.rule import RuleSpec


@dataclass
class PlannedVariable:
    spec: RuleSpec
    expr: e.Expr
    depends_on: list[str]
    parameters: list[ParameterUse]
    interpretations: list[str]
    note: str | None = None
    contributions: list[str] = field(default_factory=list)
    _scalar: Callable[[dict[str, Any], list[str]], Any] | None = None

    @property
    def scalar(self) -> Callable[[dict[str, Any], list[str]], Any]:
        if self._scalar is None:
            from innoreg.rules.scalar import compile_scalar

            self._scalar = compile_scalar(self.expr)
        return self._scalar


@dataclass
class EntityPlan:
    kind: EntityKind
    inputs: dict[str, InputSpec]
    variables: list[PlannedVariable]

    def variable(self, name: str) -> PlannedVariable:
        for planned in self.variables:
            if planned.spec.name == name:
                return planned
        raise KeyError(name)


@dataclass
class Plan:
    jurisdiction: str
    date: dt.date
    chain: tuple[Pack, ...]
    interpretations: dict[str, str]
    known_interpretations: dict[str, Interpretation]
    entities: dict[str, EntityPlan]
    warnings: list[str]
    pack_version: str

    def entity_by_plural(self, plural: str) -> EntityPlan | None:
        for plan in self.entities.values():
            if plan.kind.plural == plural:
                return plan
        return None


def plan_for(
    jurisdiction: str, date: dt.date, interpretations: Mapping[str, str] | None = None
) -> Plan:
    return _cached_plan(jurisdiction, date, tuple(sorted((interpretations or {}).items())))


@functools.lru_cache(maxsize=256)
def _cached_plan(
    jurisdiction: str, date: dt.date, interpretations: tuple[tuple[str, str], ...]
) -> Plan:
    chain = registry().chain(jurisdiction)
    known: dict[str, Interpretation] = _merge_unique(
        ((i.name, i) for p in chain for i in p.interpretations), "interpretation"
    )
    chosen = choose(known, dict(interpretations))
    parameters: dict[str, Parameter] = _merge_unique(
        ((q.name, q) for p in chain for q in p.parameters), "parameter"
    )
    rules: dict[str, RuleSpec] = _merge_unique(
        ((r.name, r) for p in chain for r in p.rules), "variable"
    )
    from innoreg.rules.calendar import HolidayCalendar

    shipped = HolidayCalendar.shipped()
    calendar = (shipped.next_working_day_map(), shipped.coverage)  # once per plan, not per rule
    warnings = [w for p in chain for w in p.act_warnings(date)]
    packs = {p.jurisdiction: p for p in chain}
    entities: dict[str, EntityPlan] = {}
    for kind in (k for p in chain for k in p.entity_kinds):
        inputs = _merge_unique(
            ((i.name, i) for p in chain for i in p.inputs if i.entity == kind.name), "input"
        )
        planned = [
            _plan_variable(
                spec,
                rules,
                parameters,
                packs[spec.pack],
                date,
                jurisdiction,
                chosen,
                calendar,
                warnings,
            )
            for spec in rules.values()
            if spec.entity == kind.name
        ]
        ordered = order_variables(kind.name, inputs, {v.spec.name: v.depends_on for v in planned})
        by_name = {v.spec.name: v for v in planned}
        entities[kind.name] = EntityPlan(kind, inputs, [by_name[n] for n in ordered])
    return Plan(
        jurisdiction=jurisdiction,
        date=date,
        chain=chain,
        interpretations=chosen,
        known_interpretations=known,
        entities=entities,
        warnings=list(dict.fromkeys(warnings)),
        pack_version=_pack_version(chain),
    )


def _plan_variable(
    spec: RuleSpec,
    rules: Mapping[str, RuleSpec],
    parameters: Mapping[str, Parameter],
    pack: Pack,
    date: dt.date,
    jurisdiction: str,
    chosen: Mapping[str, str],
    calendar: tuple[Mapping[dt.date, dt.date], tuple[dt.date, dt.date]],
    warnings: list[str],
) -> PlannedVariable:
    if not pack.act_in_force_on(date):
        note = f"{pack.name.en}'s act was not in force on {date.isoformat()}"
        warnings.append(f"{note}: its rules give no result")
        return PlannedVariable(spec, e.lit(None), [], [], [], note=note)
    if not spec.in_force(date):
        return PlannedVariable(spec, e.lit(None), [], [], [], note="rule not in force on date")
    if spec.combine == "max":
        parts = [r.name for r in rules.values() if r.contributes_to == spec.name]
        expr = e.max_of(*(e.Ref(n) for n in parts)) if parts else e.lit(None)
        return PlannedVariable(spec, expr, parts, [], [], contributions=parts)
    assert spec.formula is not None
    params = Params(parameters, date)
    ctx = Context(
        date=date,
        jurisdiction=jurisdiction,
        interpretations=chosen,
        next_working_day=calendar[0],
        calendar_coverage=calendar[1],
    )
    try:
        expr = spec.formula(Vars(), params, ctx)
    except ParameterError as exc:
        warnings.append(f"{spec.name}: {exc.message}; it gives no result")
        return PlannedVariable(spec, e.lit(None), [], params.used, ctx.read, note=exc.message)
    return PlannedVariable(spec, expr, e.references(expr), params.used, ctx.read)


def _merge_unique(items: Any, what: str) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for name, item in items:
        if name in merged:
            raise PackLoadError(f"{what} {name} is defined by two levels of the same chain")
        merged[name] = item
    return merged


def _pack_version(chain: tuple[Pack, ...]) -> str:
    digest = hashlib.sha256("".join(p.digest for p in chain).encode()).hexdigest()[:12]
    return f"{chain[-1].version}+{digest}"
