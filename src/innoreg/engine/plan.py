"""A plan: every variable of every entity kind in force for one jurisdiction, date, set of
interpretations, assumed act dates and reform, built once from the rule packs, checked as a
graph and put in order.

Plans are cached and shared (by the server's requests, by a population's rows), so they are
immutable: frozen dataclasses, tuples and read-only mappings, scalar code compiled up front.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from innoreg import display
from innoreg.engine.graph import order_variables
from innoreg.errors import PackLoadError, ParameterError
from innoreg.labels import Label
from innoreg.rules import expr as e
from innoreg.rules.act_dates import ActInForce, Source
from innoreg.rules.formula_context import Context, Params, Vars
from innoreg.rules.inputs import EntityKind, InputSpec
from innoreg.rules.interpretations import Interpretation, choose
from innoreg.rules.pack import Pack
from innoreg.rules.parameters import Parameter, ParameterUse
from innoreg.rules.registry import registry
from innoreg.rules.rule import RuleSpec

if TYPE_CHECKING:
    from innoreg.engine.reform import Reform
    from innoreg.law import ActMetadata

Compiled = Callable[[dict[str, Any], list[Label]], Any]


@dataclass(frozen=True)
class PlannedVariable:
    spec: RuleSpec
    expr: e.Expr
    depends_on: tuple[str, ...]
    parameters: tuple[ParameterUse, ...]
    interpretations: tuple[str, ...]
    scalar: Compiled
    note: str | None = None
    contributions: tuple[str, ...] = ()


@dataclass(frozen=True)
class EntityPlan:
    kind: EntityKind
    inputs: Mapping[str, InputSpec]
    variables: tuple[PlannedVariable, ...]
    dependents: Mapping[str, frozenset[str]]
    """Each input -> the variables that read it, directly or through other variables."""

    def variable(self, name: str) -> PlannedVariable:
        for planned in self.variables:
            if planned.spec.name == name:
                return planned
        raise KeyError(name)


@dataclass(frozen=True)
class Plan:
    jurisdiction: str
    date: dt.date
    chain: tuple[Pack, ...]
    interpretations: Mapping[str, str]
    known_interpretations: Mapping[str, Interpretation]
    entities: Mapping[str, EntityPlan]
    warnings: tuple[Label, ...]
    assumed: tuple[str, ...]
    pack_version: str
    acts: Mapping[str, ActInForce]
    reform: str | None = None

    def entity_by_plural(self, plural: str) -> EntityPlan | None:
        for plan in self.entities.values():
            if plan.kind.plural == plural:
                return plan
        return None


def plan_for(
    jurisdiction: str,
    date: dt.date,
    interpretations: Mapping[str, str] | None = None,
    *,
    assumptions: Mapping[str, dt.date] | None = None,
    reform: Reform | None = None,
) -> Plan:
    """The plan for a jurisdiction (code or alias) on a date, cached."""
    code = registry().resolve(jurisdiction)
    return _cached_plan(
        code,
        date,
        tuple(sorted((interpretations or {}).items())),
        tuple(sorted((assumptions or {}).items())),
        reform,
    )


@functools.lru_cache(maxsize=256)
def _cached_plan(
    jurisdiction: str,
    date: dt.date,
    interpretations: tuple[tuple[str, str], ...],
    assumptions: tuple[tuple[str, dt.date], ...],
    reform: Reform | None,
) -> Plan:
    chain = registry().chain(jurisdiction)
    known: dict[str, Interpretation] = _merge_unique(
        ((i.name, i) for p in chain for i in p.interpretations), "interpretation"
    )
    chosen = choose(known, {**(reform.interpretations if reform else {}), **dict(interpretations)})
    parameters: dict[str, Parameter] = _merge_unique(
        ((q.name, q) for p in chain for q in p.parameters), "parameter"
    )
    if reform is not None:
        parameters = reform.overlay(parameters)
    rules: dict[str, RuleSpec] = _merge_unique(
        ((r.name, r) for p in chain for r in p.rules), "variable"
    )
    acts, assumed, warnings = _act_dates(chain, date, dict(assumptions))
    from innoreg.rules.calendar import HolidayCalendar

    shipped = HolidayCalendar.shipped()
    calendar = (shipped.next_working_day_map(), shipped.coverage)  # once per plan, not per rule
    packs = {p.jurisdiction: p for p in chain}
    entities: dict[str, EntityPlan] = {}
    for kind in (k for p in chain for k in p.entity_kinds):
        inputs = _merge_unique(
            ((i.name, i) for p in chain for i in p.inputs if i.entity == kind.name), "input"
        )
        context = _PlanContext(
            date, jurisdiction, chosen, calendar, acts, frozenset(rules), parameters, warnings
        )
        planned = [
            _plan_variable(spec, rules, packs[spec.pack], context)
            for spec in rules.values()
            if spec.entity == kind.name
        ]
        ordered = order_variables(kind.name, inputs, {v.spec.name: v.depends_on for v in planned})
        by_name = {v.spec.name: v for v in planned}
        variables = tuple(by_name[n] for n in ordered)
        entities[kind.name] = EntityPlan(
            kind, MappingProxyType(inputs), variables, _dependents(inputs, variables)
        )
    return Plan(
        jurisdiction=jurisdiction,
        date=date,
        chain=chain,
        interpretations=MappingProxyType(chosen),
        known_interpretations=MappingProxyType(known),
        entities=MappingProxyType(entities),
        warnings=tuple(dict.fromkeys(warnings)),
        assumed=tuple(assumed),
        pack_version=_pack_version(chain),
        acts=MappingProxyType(acts),
        reform=reform.name if reform else None,
    )


@dataclass(frozen=True)
class _PlanContext:
    date: dt.date
    jurisdiction: str
    interpretations: Mapping[str, str]
    calendar: tuple[Mapping[dt.date, dt.date], tuple[dt.date, dt.date]]
    acts: Mapping[str, ActInForce]
    variables: frozenset[str]
    parameters: Mapping[str, Parameter]
    warnings: list[Label]


def _plan_variable(
    spec: RuleSpec, rules: Mapping[str, RuleSpec], pack: Pack, plan: _PlanContext
) -> PlannedVariable:
    from innoreg.rules.scalar import compile_scalar

    def planned(
        expr: e.Expr,
        *,
        uses: list[ParameterUse] | None = None,
        read: list[str] | None = None,
        **more: Any,
    ) -> PlannedVariable:
        return PlannedVariable(
            spec,
            expr,
            tuple(e.references(expr)),
            tuple(uses or ()),
            tuple(read or ()),
            compile_scalar(expr),
            **more,
        )

    act = plan.acts.get(pack.jurisdiction)
    if act is not None and act.in_force_on(plan.date) is False:
        return planned(
            e.lit(None), note=f"the {act.title.en} was not in force on {plan.date.isoformat()}"
        )
    if not spec.in_force(plan.date):
        return planned(e.lit(None), note="rule not in force on date")
    if spec.combine == "max":
        parts = tuple(r.name for r in rules.values() if r.contributes_to == spec.name)
        expr = e.max_of(*(e.Ref(n) for n in parts)) if parts else e.lit(None)
        return planned(expr, contributions=parts)
    assert spec.formula is not None
    params = Params(plan.parameters, plan.date)
    ctx = Context(
        date=plan.date,
        jurisdiction=plan.jurisdiction,
        interpretations=plan.interpretations,
        next_working_day=plan.calendar[0],
        calendar_coverage=plan.calendar[1],
        act=act,
        variables=plan.variables,
    )
    try:
        expr = spec.formula(Vars(), params, ctx)
    except ParameterError as exc:
        plan.warnings.append(
            Label(
                f"{spec.name}: {exc.message}; it gives no result",
                f"{spec.name}：{exc.message}；无结果",
            )
        )
        return planned(e.lit(None), uses=params.used, read=ctx.read, note=exc.message)
    return planned(expr, uses=params.used, read=ctx.read)


def _act_dates(
    chain: tuple[Pack, ...], date: dt.date, assumptions: dict[str, dt.date]
) -> tuple[dict[str, ActInForce], list[str], list[Label]]:
    """Each act's in-force date (recorded, assumed by the case, or unknown), what was assumed
    and the warnings a result on ``date`` carries — once per act, never contradictory."""
    from innoreg.errors import InputError

    acts: dict[str, ActInForce] = {}
    assumed: list[str] = []
    warnings: list[Label] = []
    for pack in chain:
        meta = pack.act_meta
        if meta is None:
            continue
        fact = f"{pack.jurisdiction}.in_force"
        day = meta.in_force
        source: Source = "recorded" if meta.in_force else "unknown"
        if fact in assumptions:
            given = assumptions.pop(fact)
            if meta.in_force is not None and given != meta.in_force:
                raise InputError(
                    f"the {meta.title_en} came into force on {meta.in_force.isoformat()} "
                    f"(recorded), not {given.isoformat()}",
                    field=f"assumptions.{fact}",
                    rule="an assumption may fill a date the sources do not record",
                )
            if meta.in_force is None:
                day, source = given, "assumed"
                assumed.append(f"{fact}={given.isoformat()}")
        act = ActInForce(
            pack.jurisdiction,
            Label(meta.title_en, meta.title_zh),
            day,
            source,
            meta.in_force_not_before,
            meta.end,
            meta.in_force_note,
        )
        acts[pack.jurisdiction] = act
        warnings += _act_warnings(act, meta, date)
    if assumptions:
        fact = sorted(assumptions)[0]
        known = ", ".join(f"{p.jurisdiction}.in_force" for p in chain if p.act_meta) or "none"
        raise InputError(
            f"is not a fact this case can assume (known: {known})",
            field=f"assumptions.{fact}",
            rule="assumptions name an act's in-force date: <jurisdiction>.in_force",
        )
    return acts, assumed, warnings


def _act_warnings(act: ActInForce, meta: ActMetadata, date: dt.date) -> list[Label]:
    day = date.isoformat()
    in_force = act.in_force_on(date)
    if in_force is False:
        return [
            Label(
                f"the {act.title.en} was not in force on {day}: its rules give no result",
                f"《{act.title.zh}》在{display.date(date, 'zh')}未施行：其规则不作判断",
            )
        ]
    found = []
    if in_force is None:
        why = f" ({act.note})" if act.note else ""
        found.append(
            Label(
                f"the in-force date of the {act.title.en} is not recorded{why}: results assume "
                f"it was in force on {day}",
                f"《{act.title.zh}》的施行日期未有记录："
                f"按其在{display.date(date, 'zh')}已施行作出判断",
            )
        )
    for warning in meta.date_warnings(date):
        if "end date" in warning:
            found.append(
                Label(warning, f"《{act.title.zh}》是否已废止尚不确定：按其仍然有效作出判断")
            )
    return found


def _dependents(
    inputs: Mapping[str, InputSpec], variables: tuple[PlannedVariable, ...]
) -> Mapping[str, frozenset[str]]:
    reads: dict[str, set[str]] = {}
    for planned in variables:  # in dependency order: what a variable reads is already known
        found = set(planned.depends_on)
        for name in planned.depends_on:
            found |= reads.get(name, set())
        reads[planned.spec.name] = found
    return MappingProxyType(
        {name: frozenset(v for v, read in reads.items() if name in read) for name in inputs}
    )


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
