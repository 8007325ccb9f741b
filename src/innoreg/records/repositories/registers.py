"""The bureau's registers as lists: organisations, and the registry entries grouped as the
bureau reads them (R&D platforms and institutions, parks and incubators, intermediary
agencies, innovative and demonstration enterprises) — each filtered, with facets (how many
of what the other filters keep fall under each value of one field) and paged.

Facets count with every filter but their own, so choosing a district still shows how many
records each other district has. Everything is read within the caller's scope.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from innoreg.records.models.organisations import Organisation
from innoreg.records.models.registries import RegistryEntry
from innoreg.records.repositories.scope import Scope

REGISTER_GROUPS: dict[str, tuple[str, ...]] = {
    "platforms": ("rd_platform", "rd_institution"),
    "parks-and-incubators": ("park", "incubator", "pioneer_park"),
    "agencies": ("intermediary_agency",),
    "demonstration-enterprises": ("demonstration_enterprise", "innovative_enterprise"),
}
"""The registers each page of the bureau's registries shows."""


@dataclass(frozen=True)
class OrganisationFilter:
    kind: str | None = None
    district: str | None = None
    status: str | None = None
    industry: str | None = None
    """A GB/T 4754 section letter."""
    search: str = ""


@dataclass(frozen=True)
class EntryFilter:
    registers: tuple[str, ...]
    register: str | None = None
    level: str | None = None
    category: str | None = None
    district: str | None = None
    valid_on: dt.date | None = None
    """Only entries valid on this day."""
    search: str = ""


@dataclass(frozen=True)
class EntryRow:
    entry_id: int
    register: str
    name: str
    level: str
    category: str | None
    valid_from: dt.date
    valid_until: dt.date | None
    organisation_id: int
    organisation: str
    credit_code: str
    district: str | None


@dataclass
class Listing:
    rows: list[Any]
    more: bool
    total: int
    facets: dict[str, list[tuple[str | None, int]]] = field(default_factory=dict)


def _like(search: str, *columns: Any) -> ColumnElement[bool]:
    pattern = f"%{search}%"
    return or_(*(c.like(pattern) for c in columns))


def organisation_conditions(scope: Scope, chosen: OrganisationFilter) -> dict[str, Any]:
    """Each filter's condition, by the facet it belongs to (``scope`` under its own key)."""
    conditions: dict[str, Any] = {"scope": scope.where(Organisation.id)}
    if chosen.kind:
        conditions["kind"] = Organisation.kind == chosen.kind
    if chosen.district:
        conditions["district"] = Organisation.district == chosen.district
    if chosen.status:
        conditions["status"] = Organisation.status == chosen.status
    if chosen.industry:
        conditions["industry"] = func.substr(Organisation.industry, 1, 1) == chosen.industry
    if chosen.search:
        conditions["search"] = _like(chosen.search, Organisation.name, Organisation.credit_code)
    return conditions


def list_organisations(
    session: Session, *, scope: Scope, chosen: OrganisationFilter, limit: int, offset: int = 0
) -> Listing:
    conditions = organisation_conditions(scope, chosen)
    rows = list(
        session.scalars(
            select(Organisation)
            .where(*conditions.values())
            .order_by(Organisation.id)
            .limit(limit + 1)
            .offset(offset)
        )
    )
    facets = {
        "kind": Organisation.kind,
        "district": Organisation.district,
        "status": Organisation.status,
        "industry": func.substr(Organisation.industry, 1, 1),
    }
    return Listing(
        rows=rows[:limit],
        more=len(rows) > limit,
        total=_count(session, select(func.count()).select_from(Organisation), conditions),
        facets={
            name: _facet(
                session,
                select(column, func.count()).select_from(Organisation),
                column,
                conditions,
                name,
            )
            for name, column in facets.items()
        },
    )


def entry_conditions(scope: Scope, chosen: EntryFilter) -> dict[str, Any]:
    conditions: dict[str, Any] = {
        "scope": scope.where(RegistryEntry.organisation_id),
        "registers": RegistryEntry.register.in_(chosen.registers),
    }
    if chosen.register:
        conditions["register"] = RegistryEntry.register == chosen.register
    if chosen.level:
        conditions["level"] = RegistryEntry.level == chosen.level
    if chosen.category:
        conditions["category"] = RegistryEntry.category == chosen.category
    if chosen.district:
        conditions["district"] = Organisation.district == chosen.district
    if chosen.valid_on:
        conditions["valid"] = _valid_on(chosen.valid_on)
    if chosen.search:
        conditions["search"] = _like(
            chosen.search, RegistryEntry.name, Organisation.name, Organisation.credit_code
        )
    return conditions


def _valid_on(day: dt.date) -> ColumnElement[bool]:
    return and_(
        RegistryEntry.valid_from <= day,
        or_(RegistryEntry.valid_until.is_(None), RegistryEntry.valid_until >= day),
    )


def entry_query(conditions: dict[str, Any]) -> Any:
    """The entries the conditions keep, with their organisation, in register order."""
    return (
        select(
            RegistryEntry.id,
            RegistryEntry.register,
            RegistryEntry.name,
            RegistryEntry.level,
            RegistryEntry.category,
            RegistryEntry.valid_from,
            RegistryEntry.valid_until,
            Organisation.id,
            Organisation.name,
            Organisation.credit_code,
            Organisation.district,
        )
        .join(Organisation, Organisation.id == RegistryEntry.organisation_id)
        .where(*conditions.values())
        .order_by(RegistryEntry.register, RegistryEntry.name, RegistryEntry.id)
    )


def list_entries(
    session: Session,
    *,
    scope: Scope,
    chosen: EntryFilter,
    limit: int,
    offset: int = 0,
    today: dt.date | None = None,
) -> Listing:
    """Entries of ``chosen.registers`` with facets by register, level, category, district
    and whether each is valid on ``today`` (or ``chosen.valid_on``)."""
    conditions = entry_conditions(scope, chosen)
    rows = [
        EntryRow(*r)
        for r in session.execute(entry_query(conditions).limit(limit + 1).offset(offset))
    ]
    joined = (
        select(func.count())
        .select_from(RegistryEntry)
        .join(Organisation, Organisation.id == RegistryEntry.organisation_id)
    )
    day = chosen.valid_on or today or dt.date.today()
    validity = case((_valid_on(day), "valid"), else_="not_valid")
    facets: dict[str, Any] = {
        "register": RegistryEntry.register,
        "level": RegistryEntry.level,
        "category": RegistryEntry.category,
        "district": Organisation.district,
        "valid": validity,
    }
    return Listing(
        rows=rows[:limit],
        more=len(rows) > limit,
        total=_count(session, joined, conditions),
        facets={
            name: _facet(
                session,
                select(column, func.count())
                .select_from(RegistryEntry)
                .join(Organisation, Organisation.id == RegistryEntry.organisation_id),
                column,
                conditions,
                name,
            )
            for name, column in facets.items()
        },
    )


def _count(session: Session, query: Any, conditions: dict[str, Any]) -> int:
    return int(session.scalar(query.where(*conditions.values())) or 0)


def _facet(
    session: Session, query: Any, column: Any, conditions: dict[str, Any], name: str
) -> list[tuple[str | None, int]]:
    """Counts by ``column`` under every condition but the facet's own."""
    others: Sequence[Any] = [c for key, c in conditions.items() if key != name]
    rows = session.execute(query.where(*others).group_by(column).order_by(column))
    return [(value, int(count)) for value, count in rows]


def register_counts(session: Session, *, scope: Scope) -> dict[str, int]:
    """How many organisations, and how many entries in each group of registers, the scope
    reaches (one query each)."""
    counts = {
        "organisations": int(
            session.scalar(
                select(func.count()).select_from(Organisation).where(scope.where(Organisation.id))
            )
            or 0
        )
    }
    by_register = dict(
        session.execute(
            select(RegistryEntry.register, func.count())
            .where(scope.where(RegistryEntry.organisation_id))
            .group_by(RegistryEntry.register)
        ).all()
    )
    for group, registers in REGISTER_GROUPS.items():
        counts[group] = sum(int(by_register.get(r, 0)) for r in registers)
    return counts
