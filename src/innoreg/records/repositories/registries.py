"""Registry entries (platforms, parks, incubators, agencies, innovative and demonstration
enterprises), read within the caller's scope."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from innoreg.records.models.registries import RegistryEntry
from innoreg.records.repositories.kinds import Kind
from innoreg.records.repositories.scope import Scope


def entries_of(session: Session, *, scope: Scope, organisation_id: int) -> list[RegistryEntry]:
    """An organisation's entries in every register, latest first."""
    return list(
        session.scalars(
            select(RegistryEntry)
            .where(
                RegistryEntry.organisation_id == organisation_id,
                scope.where(RegistryEntry.organisation_id),
            )
            .order_by(RegistryEntry.valid_from.desc(), RegistryEntry.id)
        )
    )


REGISTRY_ENTRIES = Kind("registry entry", RegistryEntry, sorts=("id", "name", "valid_from"))
