"""What the records say about organisations on a day: certificates, registry entries and
standards, read as the engine's enterprise inputs — for one organisation (a filing's
determination) or for every organisation of a selection at once (a what-if over the city), by
the same reading."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from innoreg.records.models.organisations import Certificate, Organisation
from innoreg.records.models.registries import RegistryEntry
from innoreg.records.models.standards import StandardLed

CERTIFIED = ("high_tech", "technology_based_sme", "integrated_circuit_or_machine_tool")
"""Inputs that are true while a certificate of that kind is valid."""
REGISTERED = {
    "innovative_enterprise": "innovative_enterprise",
    "technology_innovation_demonstration": "demonstration_enterprise",
}
"""Inputs that are true while an entry in that register is valid."""
STANDARDS = {
    "led_international_standards": "international",
    "led_national_standards": "national",
    "led_industry_standards": "industry",
}
"""Inputs counting the standards of a level published by the day."""
FACT_INPUTS = (*CERTIFIED, *REGISTERED, *STANDARDS)

Organisations = Sequence[int] | Select[Any]
"""Organisation ids, or a query selecting them."""


@dataclass(frozen=True)
class OrganisationFacts:
    """The dated facts of a set of organisations on one day."""

    certified: frozenset[tuple[int, str]]
    registered: frozenset[tuple[int, str]]
    standards: dict[tuple[int, str], int]

    def of(self, organisation_id: int) -> dict[str, object]:
        """The inputs for one organisation (false and 0 where the records hold nothing)."""
        facts: dict[str, object] = {
            kind: (organisation_id, kind) in self.certified for kind in CERTIFIED
        }
        facts.update({n: (organisation_id, r) in self.registered for n, r in REGISTERED.items()})
        facts.update(
            {n: self.standards.get((organisation_id, lv), 0) for n, lv in STANDARDS.items()}
        )
        return facts


def read_facts(session: Session, organisations: Organisations, day: dt.date) -> OrganisationFacts:
    """Certificates and registry entries valid on ``day`` and standards published by it, for
    ``organisations``: three queries, however many organisations."""
    ids: Any = organisations if isinstance(organisations, Select) else list(organisations)
    certified = session.execute(
        select(Certificate.organisation_id, Certificate.kind)
        .where(Certificate.organisation_id.in_(ids), _valid(Certificate, day))
        .distinct()
    )
    registered = session.execute(
        select(RegistryEntry.organisation_id, RegistryEntry.register)
        .where(
            RegistryEntry.organisation_id.in_(ids),
            RegistryEntry.register.in_(list(REGISTERED.values())),
            _valid(RegistryEntry, day),
        )
        .distinct()
    )
    counts = session.execute(
        select(StandardLed.organisation_id, StandardLed.level, func.count())
        .where(StandardLed.organisation_id.in_(ids), StandardLed.published_on <= day)
        .group_by(StandardLed.organisation_id, StandardLed.level)
    )
    return OrganisationFacts(
        frozenset((o, k) for o, k in certified),
        frozenset((o, r) for o, r in registered),
        {(o, level): int(n) for o, level, n in counts},
    )


def organisation_facts(
    session: Session, organisation: Organisation, day: dt.date
) -> dict[str, object]:
    return {
        "industry": organisation.industry,
        **read_facts(session, [organisation.id], day).of(organisation.id),
    }


def _valid(model: type[Certificate] | type[RegistryEntry], day: dt.date) -> Any:
    """Valid on ``day``: from ``valid_from`` to ``valid_until`` inclusive (open-ended if none)."""
    return (model.valid_from <= day) & or_(model.valid_until.is_(None), model.valid_until >= day)
