"""What the records say about an organisation on a day: certificates, registry entries and
standards, read as the engine's enterprise inputs."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from innoreg.records.models.organisations import Organisation
from innoreg.records.models.registries import RegistryEntry
from innoreg.records.models.standards import StandardLed

_REGISTERED = {
    "innovative_enterprise": "innovative_enterprise",
    "technology_innovation_demonstration": "demonstration_enterprise",
}
_STANDARDS = {
    "led_international_standards": "international",
    "led_national_standards": "national",
    "led_industry_standards": "industry",
}


def organisation_facts(
    session: Session, organisation: Organisation, day: dt.date
) -> dict[str, object]:
    facts: dict[str, object] = {
        "industry": organisation.industry,
        **{
            kind: any(c.kind == kind and c.valid_on(day) for c in organisation.certificates)
            for kind in ("high_tech", "technology_based_sme", "integrated_circuit_or_machine_tool")
        },
    }
    entries = session.scalars(
        select(RegistryEntry).where(
            RegistryEntry.organisation_id == organisation.id,
            RegistryEntry.register.in_(list(_REGISTERED.values())),
        )
    )
    valid = {e.register for e in entries if e.valid_on(day)}
    facts.update({name: register in valid for name, register in _REGISTERED.items()})
    counts = dict(
        session.execute(
            select(StandardLed.level, func.count())
            .where(StandardLed.organisation_id == organisation.id, StandardLed.published_on <= day)
            .group_by(StandardLed.level)
        ).all()
    )
    facts.update({name: int(counts.get(level, 0)) for name, level in _STANDARDS.items()})
    return facts
