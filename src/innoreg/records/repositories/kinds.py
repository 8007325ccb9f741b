"""One kind of record read and written the same way as every other: a page of a list in the
caller's scope, one record, a new one for an organisation in scope, a change on the version
read. The API's routes and the portal stand on these; tenant filtering happens here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from innoreg.errors import InputError
from innoreg.records.repositories.listing import Page, Sort, filtered, page
from innoreg.records.repositories.scope import Scope, apply_changes, load


@dataclass(frozen=True)
class Kind:
    """A kind of record: its model, the column naming its organisation, what lists sort by."""

    name: str
    """As messages say it: ``filing``, ``IP asset``."""
    model: Any
    owner: str = "organisation_id"
    sorts: tuple[str, ...] = ("id",)
    """Columns a list may be sorted by (never NULL, so a cursor can continue after them)."""

    def column(self, name: str) -> Any:
        return getattr(self.model, name)

    def sort(self, text: str) -> Sort:
        return Sort.parse(text, {name: self.column(name) for name in self.sorts})


def list_records(
    session: Session,
    kind: Kind,
    *,
    scope: Scope,
    conditions: Sequence[Any] = (),
    sort: str = "id",
    cursor: str | None = None,
    limit: int = 50,
) -> Page[Any]:
    """A page of ``kind`` in ``scope`` meeting ``conditions``, after ``cursor``."""
    query = filtered(select(kind.model).where(scope.where(kind.column(kind.owner))), conditions)
    return page(
        session,
        query,
        id_column=kind.column("id"),
        sort=kind.sort(sort),
        cursor=cursor,
        limit=limit,
    )


def get_record(session: Session, kind: Kind, *, scope: Scope, ident: int) -> Any:
    return load(session, kind.model, ident, scope=scope, kind=kind.name, owner=kind.owner)


def require_organisation(
    session: Session, *, scope: Scope, organisation_id: int, field: str
) -> None:
    """A new record's organisation must exist and be in the caller's scope; one outside it is
    refused as if it did not exist."""
    from innoreg.records.models.organisations import Organisation

    found = session.get(Organisation, organisation_id)
    if found is None or not scope.reaches(session, organisation_id):
        raise InputError(f"no organisation with id {organisation_id}", field=field)


def create_record(session: Session, kind: Kind, *, scope: Scope, fields: Mapping[str, Any]) -> Any:
    require_organisation(
        session, scope=scope, organisation_id=int(fields[kind.owner]), field=kind.owner
    )
    record = kind.model(**fields)
    session.add(record)
    session.flush()
    return record


def update_record(
    session: Session,
    kind: Kind,
    *,
    scope: Scope,
    ident: int,
    expected_version: int,
    changes: Mapping[str, Any],
) -> Any:
    """Change a record read at ``expected_version``; a stale version is a conflict (409)."""
    record = get_record(session, kind, scope=scope, ident=ident)
    if kind.owner in changes and changes[kind.owner] != getattr(record, kind.owner):
        require_organisation(
            session, scope=scope, organisation_id=int(changes[kind.owner]), field=kind.owner
        )
    apply_changes(record, dict(changes), expected_version=expected_version, kind=kind.name)
    session.flush()
    return record
