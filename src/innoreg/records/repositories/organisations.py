"""Organisations and their certificates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from innoreg.records.credit_code import normalise_credit_code
from innoreg.records.errors import ConstraintError, NotFoundError
from innoreg.records.models.organisations import Certificate, Organisation
from innoreg.records.repositories.kinds import Kind
from innoreg.records.repositories.scope import Scope, apply_changes, load


def add_organisation(session: Session, *, scope: Scope, **fields: Any) -> Organisation:
    if scope.organisation_ids is not None:
        raise ConstraintError("only the bureau registers organisations", field="scope")
    fields["credit_code"] = normalise_credit_code(fields["credit_code"])
    organisation = Organisation(**fields)
    session.add(organisation)
    session.flush()
    return organisation


def get_organisation(session: Session, *, scope: Scope, organisation_id: int) -> Organisation:
    return load(
        session, Organisation, organisation_id, scope=scope, kind="organisation", owner="id"
    )


def find_by_credit_code(session: Session, *, scope: Scope, credit_code: str) -> Organisation:
    code = normalise_credit_code(credit_code)
    found = session.scalar(
        select(Organisation).where(Organisation.credit_code == code, scope.where(Organisation.id))
    )
    if found is None:
        raise NotFoundError("organisation with credit code", code)
    return found


def ids_by_credit_code(session: Session, *, scope: Scope, codes: Sequence[str]) -> dict[str, int]:
    rows = session.execute(
        select(Organisation.credit_code, Organisation.id).where(
            Organisation.credit_code.in_(list(codes)), scope.where(Organisation.id)
        )
    )
    return {code: ident for code, ident in rows}


def update_organisation(
    session: Session,
    *,
    scope: Scope,
    organisation_id: int,
    expected_version: int | None,
    **changes: Any,
) -> Organisation:
    organisation = get_organisation(session, scope=scope, organisation_id=organisation_id)
    if "credit_code" in changes:
        changes["credit_code"] = normalise_credit_code(changes["credit_code"])
    apply_changes(organisation, changes, expected_version=expected_version, kind="organisation")
    session.flush()
    return organisation


def list_organisations(
    session: Session,
    *,
    scope: Scope,
    kind: str | None = None,
    district: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[Organisation]:
    query = select(Organisation).where(scope.where(Organisation.id)).order_by(Organisation.id)
    if kind:
        query = query.where(Organisation.kind == kind)
    if district:
        query = query.where(Organisation.district == district)
    return list(session.scalars(query.limit(limit).offset(offset)))


def add_certificate(
    session: Session,
    *,
    scope: Scope,
    organisation_id: int,
    kind: str,
    valid_from: dt.date,
    valid_until: dt.date | None,
    number: str | None = None,
) -> Certificate:
    organisation = get_organisation(session, scope=scope, organisation_id=organisation_id)
    certificate = Certificate(
        kind=kind, valid_from=valid_from, valid_until=valid_until, number=number
    )
    organisation.certificates.append(certificate)
    session.flush()
    return certificate


ORGANISATIONS = Kind("organisation", Organisation, owner="id", sorts=("id", "name", "credit_code"))
