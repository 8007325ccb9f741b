"""Determinations: decide a record with the engine, keep what was decided, replay it later.

What is stored is the case document the engine actually read (with the bureau's recorded act
facts added as the case's assumptions), the readings chosen, the
engine's answer and its explanation. Replay decides the same document again and lists every
difference; where the rule packs' version changed, the changed pack is named as the cause.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from innoreg.errors import InnoregError
from innoreg.records.models.determinations import ActFact, Determination
from innoreg.records.types import utcnow

ASSUMPTIONS_KEY = "assumptions"


def act_assumptions(session: Session, jurisdiction: str) -> dict[str, str]:
    """The bureau-recorded act facts of ``jurisdiction`` and every level above it, as the
    case's top-level assumptions (``{"cn-ha-luoyang.in_force": "2015-03-01"}``)."""
    levels = [jurisdiction]
    while "-" in levels[-1]:
        levels.append(levels[-1].rsplit("-", 1)[0])
    facts = session.scalars(select(ActFact).where(ActFact.jurisdiction.in_(levels)))
    return {f"{f.jurisdiction}.{f.fact}": f.value.isoformat() for f in facts}


def declared_inputs(jurisdiction: str, date: dt.date, entity: str) -> frozenset[str]:
    """The inputs the packs in force declare for ``entity``: records pass exactly these, so a
    field the engine learns later (``fiscal_year``) flows in when it does."""
    from innoreg.engine.plan import plan_for

    plan = plan_for(jurisdiction, date)
    return frozenset(plan.entities[entity].inputs) if entity in plan.entities else frozenset()


def entity_facts(
    jurisdiction: str, date: dt.date, entity: str, facts: Mapping[str, Any]
) -> dict[str, Any]:
    declared = declared_inputs(jurisdiction, date, entity)
    return {k: v for k, v in facts.items() if k in declared and v is not None}


def decide(
    session: Session,
    *,
    subject_kind: str,
    subject_id: int,
    organisation_id: int,
    case: dict[str, Any],
    actor: str,
    interpretations: Mapping[str, str] | None = None,
) -> Determination:
    """Decide ``case`` (with the recorded act facts) and store the determination."""
    from innoreg.engine import evaluate_case

    document = dict(case)
    notes: list[str] = []
    assumptions = act_assumptions(session, str(case["jurisdiction"]))
    if assumptions:
        document[ASSUMPTIONS_KEY] = assumptions
    chosen = dict(interpretations or {})
    output = evaluate_case(document, explain=True, interpretations=chosen)
    explanation = output.pop("explanations", {})
    determination = Determination(
        subject_kind=subject_kind,
        subject_id=subject_id,
        organisation_id=organisation_id,
        jurisdiction=output["jurisdiction"],
        date=dt.date.fromisoformat(output["date"]),
        pack_version=output["pack_version"],
        interpretations=chosen,
        assumptions=assumptions,
        case=document,
        result=output,
        explanation=explanation,
        notes=notes,
        decided_at=utcnow(),
        actor=actor,
    )
    session.add(determination)
    session.flush()
    return determination


def subject_result(determination: Determination, subject: str) -> dict[str, Any]:
    """The engine's values for the case's one entity ``subject``."""
    results: dict[str, dict[str, Any]] = determination.result["results"]
    return results[subject]


@dataclass
class Replay:
    determination_id: int
    stored_pack: str
    current_pack: str | None
    differences: list[str] = field(default_factory=list)

    @property
    def same(self) -> bool:
        return not self.differences

    @property
    def cause(self) -> str | None:
        if self.same:
            return None
        if self.current_pack is None:
            return "the stored case no longer decides"
        if self.current_pack != self.stored_pack:
            return f"rule pack changed: {self.stored_pack} -> {self.current_pack}"
        return "same rule pack: the engine's answer changed without a pack change"


def replay(determination: Determination) -> Replay:
    """Decide the stored case again; every difference, path by path."""
    from innoreg.engine import evaluate_case

    outcome = Replay(determination.id, determination.pack_version, None)
    try:
        output = evaluate_case(
            determination.case, explain=True, interpretations=determination.interpretations
        )
    except InnoregError as error:
        outcome.differences.append(f"case: {error.message}")
        return outcome
    outcome.current_pack = str(output["pack_version"])
    explanation = output.pop("explanations", {})
    outcome.differences.extend(_differences(determination.result, output, "result"))
    outcome.differences.extend(_differences(determination.explanation, explanation, "explanation"))
    return outcome


def _differences(stored: Any, current: Any, path: str) -> Iterator[str]:
    if isinstance(stored, dict) and isinstance(current, dict):
        for key in sorted(set(stored) | set(current), key=str):
            where = f"{path}.{key}"
            if key not in current:
                yield f"{where}: stored {_short(stored[key])}, now absent"
            elif key not in stored:
                yield f"{where}: absent when stored, now {_short(current[key])}"
            else:
                yield from _differences(stored[key], current[key], where)
    elif isinstance(stored, list) and isinstance(current, list) and len(stored) == len(current):
        for index, (old, new) in enumerate(zip(stored, current, strict=True)):
            yield from _differences(old, new, f"{path}[{index}]")
    elif stored != current or type(stored) is not type(current):
        yield f"{path}: stored {_short(stored)}, now {_short(current)}"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 120 else text[:117] + "..."
