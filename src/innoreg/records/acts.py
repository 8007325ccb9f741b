"""Facts about acts that the shipped metadata lacks and the bureau records."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from innoreg.records.models.determinations import ActFact
from innoreg.records.types import utcnow


def record_in_force(
    session: Session, *, jurisdiction: str, day: dt.date, source_note: str, actor: str
) -> ActFact:
    """Record (or correct) the day ``jurisdiction``'s act came into force."""
    from innoreg.rules.registry import registry

    registry().chain(jurisdiction)  # an unknown jurisdiction is an InputError naming it
    fact = session.scalar(
        select(ActFact).where(ActFact.jurisdiction == jurisdiction, ActFact.fact == "in_force")
    )
    if fact is None:
        fact = ActFact(jurisdiction=jurisdiction, fact="in_force")
        session.add(fact)
    fact.value = day
    fact.source_note = source_note
    fact.recorded_by = actor
    fact.recorded_at = utcnow()
    session.flush()
    return fact
