"""One kind of record read and written the same way as every other: a page of a list in the
caller's scope, one record, a new one for an organisation in scope, a change on the version
read. The API's routes and the portal stand on these; tenant filtering happens here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from innoreg.errors import InputError
from innoreg.records.errors import NotFoundError, WorkflowError
from innoreg.records.repositories.listing import (
    Page,
    Sort,
    filtered,
    page_of,
    page_statement,
)
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
    references: tuple[tuple[str, Any], ...] = ()
    """Columns naming another record (``("project_id", FundedProject)``) that must belong to
    the same organisation: a reference to another tenant's record is refused like a missing
    one."""
    locked_in: tuple[str, ...] = ()
    """States (of the ``state`` column) in which the record can no longer be changed."""
    assigned_by: str | None = None
    """The column naming the reviewer a record is assigned to: a reviewer reaches only the
    records assigned to them, not every one of the organisation (applications)."""

    def column(self, name: str) -> Any:
        return getattr(self.model, name)

    @property
    def table(self) -> Any:
        """The model's table: reading its columns gives rows, not objects."""
        return self.model.__table__

    def sort(self, text: str) -> Sort:
        return Sort.parse(text, {name: self.column(name) for name in self.sorts})

    def in_scope(self, scope: Scope) -> Any:
        """The condition keeping the records ``scope`` reaches."""
        if scope.reviewer_id is not None and self.assigned_by is not None:
            return self.column(self.assigned_by) == scope.reviewer_id
        return scope.where(self.column(self.owner))


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
    chosen = kind.sort(sort)
    statement = _page_statement(kind, kind.model, scope, conditions, chosen, cursor, limit)
    return page_of(list(session.scalars(statement)), sort=chosen, limit=limit)


def list_rows_statement(
    kind: Kind,
    *,
    scope: Scope,
    conditions: Sequence[Any] = (),
    sort: Sort,
    cursor: str | None = None,
    limit: int = 50,
) -> Select[Any]:
    """What ``list_records`` reads, as rows of the kind's columns rather than objects (for
    answers made of the columns alone: the ORM's loading was a third of such a read's CPU).
    Cut it into a page with ``listing.page_of``."""
    return _page_statement(kind, kind.table, scope, conditions, sort, cursor, limit)


def _page_statement(
    kind: Kind,
    selected: Any,
    scope: Scope,
    conditions: Sequence[Any],
    sort: Sort,
    cursor: str | None,
    limit: int,
) -> Select[Any]:
    """One page of ``selected`` (the model: objects; its table: rows) in ``scope``."""
    query = filtered(select(selected).where(kind.in_scope(scope)), conditions)
    return page_statement(query, id_column=kind.column("id"), sort=sort, cursor=cursor, limit=limit)


def record_row_statement(kind: Kind, *, scope: Scope, ident: int) -> Select[Any]:
    """What ``get_record`` reads, as one row: nothing when the record is outside the scope,
    as when it does not exist."""
    return select(kind.table).where(kind.column("id") == ident, kind.in_scope(scope))


def get_record(session: Session, kind: Kind, *, scope: Scope, ident: int) -> Any:
    record = load(session, kind.model, ident, scope=scope, kind=kind.name, owner=kind.owner)
    assigned = kind.assigned_by is not None and scope.reviewer_id is not None
    if assigned and getattr(record, str(kind.assigned_by)) != scope.reviewer_id:
        raise NotFoundError(kind.name, ident)
    return record


def require_organisation(
    session: Session, *, scope: Scope, organisation_id: int, field: str
) -> None:
    """A new record's organisation must exist and be in the caller's scope; one outside it is
    refused as if it did not exist. (Asked of the table, not loaded as an object: a tenth of a
    new record's CPU went to loading an organisation only to see that it was there.)"""
    from innoreg.records.models.organisations import Organisation

    table = Organisation.__table__
    found = session.connection().scalar(select(table.c.id).where(table.c.id == organisation_id))
    if found is None or not scope.reaches(session, organisation_id):
        raise InputError(f"no organisation with id {organisation_id}", field=field)


def create_record(session: Session, kind: Kind, *, scope: Scope, fields: Mapping[str, Any]) -> Any:
    require_organisation(
        session, scope=scope, organisation_id=int(fields[kind.owner]), field=kind.owner
    )
    _check_references(session, kind, fields, int(fields[kind.owner]))
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
    if kind.locked_in and record.state in kind.locked_in:
        raise WorkflowError(
            f"{kind.name} {ident} cannot be changed: it is {record.state!r}", state=record.state
        )
    if kind.owner in changes and changes[kind.owner] != getattr(record, kind.owner):
        require_organisation(
            session, scope=scope, organisation_id=int(changes[kind.owner]), field=kind.owner
        )
    _check_references(
        session, kind, changes, int(changes.get(kind.owner, getattr(record, kind.owner)))
    )
    apply_changes(record, dict(changes), expected_version=expected_version, kind=kind.name)
    mapper = inspect(kind.model)
    if any(name in mapper.relationships for name in changes):
        # A new reward plan changes the transfer: its version moves on like any other change.
        flag_modified(record, kind.owner)
    session.flush()
    return record


def _check_references(
    session: Session, kind: Kind, fields: Mapping[str, Any], organisation_id: int
) -> None:
    for column, model in kind.references:
        ident = fields.get(column)
        if ident is None:
            continue
        found = session.get(model, ident)
        if found is None or found.organisation_id != organisation_id:
            raise InputError(
                f"no {column.removesuffix('_id')} with id {ident} of organisation "
                f"{organisation_id}",
                field=column,
            )
