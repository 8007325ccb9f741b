"""Determinations: decide a record with the engine and keep what was decided.

What is stored is the case document the engine actually read (with the bureau's recorded act
facts added as the case's assumptions), the readings chosen, the engine's answer and its
explanation, and the version of every rule pack it was decided under, so that a replay
(``records/replay.py``) can name the pack that changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

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


def entity_case(
    jurisdiction: str,
    day: dt.date,
    entity: tuple[str, str],
    subject: str,
    facts: Mapping[str, Any],
) -> dict[str, Any]:
    """A case of one record: ``entity`` is (kind, its plural in a case, e.g. ``("enterprise",
    "enterprises")``); of ``facts``, the known ones the packs in force declare."""
    kind, plural = entity
    declared = declared_inputs(jurisdiction, day, kind)
    inputs = {k: v for k, v in facts.items() if k in declared and v is not None}
    return {
        "jurisdiction": jurisdiction,
        "date": day.isoformat(),
        plural: [{"id": subject, **inputs}],
    }


def pack_versions(jurisdiction: str) -> dict[str, str]:
    """Each pack of ``jurisdiction``'s chain, national first: ``code -> version+digest``. The
    digest covers the pack's files, so an edit without a new version number still shows."""
    from innoreg.rules.registry import registry

    return {p.jurisdiction: f"{p.version}+{p.digest[:12]}" for p in registry().chain(jurisdiction)}


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
        pack_versions=pack_versions(output["jurisdiction"]),
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
