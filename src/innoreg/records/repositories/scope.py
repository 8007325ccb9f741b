"""Whose records a caller may read or change."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, true
from sqlalchemy.orm import InstrumentedAttribute, Session

from innoreg.records.errors import ConflictError, NotFoundError

T = TypeVar("T")


@dataclass(frozen=True)
class Scope:
    """``organisation_ids=None`` is the bureau, which sees every organisation; otherwise the
    caller sees only the listed organisations' records. ``reviewer_id`` narrows the bureau's
    view to what is assigned to one reviewer (the applications assigned to them and the
    records of those applications' organisations); with nothing assigned, nothing."""

    organisation_ids: frozenset[int] | None = None
    reviewer_id: int | None = None

    @classmethod
    def organisations(cls, *ids: int) -> Scope:
        return cls(frozenset(ids))

    @property
    def bureau(self) -> bool:
        """Every organisation's records (an admin, a command-line run)."""
        return self.organisation_ids is None and self.reviewer_id is None

    def where(self, column: InstrumentedAttribute[int] | Any) -> ColumnElement[bool]:
        """The condition on an organisation-id column that keeps the scope's records."""
        if self.reviewer_id is not None:
            return _assigned_organisations(column, self.reviewer_id)
        if self.organisation_ids is None:
            return true()
        result: ColumnElement[bool] = column.in_(sorted(self.organisation_ids))
        return result

    def reaches(self, session: Session, organisation_id: int) -> bool:
        """Whether one organisation's records are in the scope."""
        if self.reviewer_id is not None:
            from sqlalchemy import literal, select

            found = session.scalar(select(literal(1)).where(self.where(literal(organisation_id))))
            return found is not None
        return self.organisation_ids is None or organisation_id in self.organisation_ids


def _assigned_organisations(column: Any, reviewer_id: int) -> ColumnElement[bool]:
    """The organisations of the applications assigned to ``reviewer_id`` (none assigned:
    nothing)."""
    from sqlalchemy import select

    from innoreg.records.models.applications import Application

    assigned = select(Application.organisation_id).where(Application.reviewer_id == reviewer_id)
    result: ColumnElement[bool] = column.in_(assigned)
    return result


BUREAU = Scope()


def load(
    session: Session,
    model: type[T],
    ident: int,
    *,
    scope: Scope,
    kind: str,
    owner: str = "organisation_id",
) -> T:
    """One record by id; a record outside the scope is as absent as one that does not exist."""
    record = session.get(model, ident)
    if record is None or not scope.reaches(session, getattr(record, owner)):
        raise NotFoundError(kind, ident)
    return record


def apply_changes(
    record: Any, changes: dict[str, Any], *, expected_version: int | None, kind: str
) -> None:
    """Set fields on a versioned record; a change made on a stale version is refused, naming
    the record, rather than overwriting someone else's edit."""
    if expected_version is not None and record.version != expected_version:
        raise ConflictError(
            f"{kind} {record.id} was changed by someone else: it is at version "
            f"{record.version}, the change was made on version {expected_version}; "
            "read it again and repeat the change",
            kind=kind,
            id=record.id,
        )
    for name, value in changes.items():
        if not hasattr(type(record), name) or name in ("id", "version"):
            raise NotFoundError(f"{kind} field", name)
        setattr(record, name, value)
