"""``/v1/organisations``: the bureau registers organisations; everyone signed in reads those in
their scope (a tenant its own, a reviewer those assigned, the bureau all)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from innoreg.records.models.organisations import Organisation
from innoreg.records.repositories.organisations import (
    ORGANISATIONS,
    add_organisation,
    update_organisation,
)
from innoreg.service.api.routes.records.common import (
    ADMIN_WRITE,
    READ,
    RECORD_ERRORS,
    Caller,
    Cursor,
    Ident,
    Limit,
    sort_query,
)
from innoreg.service.api.routes.records.reads import page_answer, record_answer
from innoreg.service.api.schemas.records import Listing
from innoreg.service.api.schemas.records_organisations import (
    OrganisationCreate,
    OrganisationKind,
    OrganisationPublic,
    OrganisationUpdate,
)
from innoreg.service.auth.policy import guard
from innoreg.service.database import DatabaseDep

router = APIRouter(tags=["organisations"], responses=RECORD_ERRORS)


def public(organisation: Organisation) -> OrganisationPublic:
    return OrganisationPublic.model_validate(organisation)


@router.get(
    "/v1/organisations",
    response_model=Listing[OrganisationPublic],
    summary="Organisations",
    dependencies=[guard(READ)],
)
async def organisations(
    database: DatabaseDep,
    caller: Caller,
    kind: OrganisationKind | None = None,
    district: Annotated[str | None, Query(max_length=40)] = None,
    status: Literal["active", "suspended", "deregistered"] | None = None,
    sort: Annotated[str, sort_query(ORGANISATIONS.sorts)] = "id",
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Response:
    conditions = []
    if kind:
        conditions.append(Organisation.kind == kind)
    if district:
        conditions.append(Organisation.district == district)
    if status:
        conditions.append(Organisation.status == status)
    return await page_answer(
        database,
        ORGANISATIONS,
        OrganisationPublic,
        scope=caller.scope(),
        conditions=conditions,
        sort=sort,
        cursor=cursor,
        limit=limit,
    )


@router.get(
    "/v1/organisations/{ident}",
    response_model=OrganisationPublic,
    summary="An organisation",
    dependencies=[guard(READ)],
)
async def organisation(ident: Ident, database: DatabaseDep, caller: Caller) -> Response:
    return await record_answer(
        database, ORGANISATIONS, OrganisationPublic, scope=caller.scope(), ident=ident
    )


@router.post(
    "/v1/organisations",
    response_model=OrganisationPublic,
    status_code=201,
    summary="Register an organisation",
    dependencies=[guard(ADMIN_WRITE)],
)
def create(body: OrganisationCreate, database: DatabaseDep, caller: Caller) -> OrganisationPublic:
    with database.write(actor=caller.actor) as session:
        return public(add_organisation(session, scope=caller.scope(), **body.model_dump()))


@router.patch(
    "/v1/organisations/{ident}",
    response_model=OrganisationPublic,
    summary="Change an organisation",
    dependencies=[guard(ADMIN_WRITE)],
)
def update(
    ident: Ident, body: OrganisationUpdate, database: DatabaseDep, caller: Caller
) -> OrganisationPublic:
    changes = body.model_dump(exclude_unset=True)
    version = changes.pop("version")
    with database.write(actor=caller.actor) as session:
        changed = update_organisation(
            session,
            scope=caller.scope(),
            organisation_id=ident,
            expected_version=version,
            **changes,
        )
        return public(changed)
