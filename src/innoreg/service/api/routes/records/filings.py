"""``/v1/filings``: an organisation's annual figures, in the public input names. Its own
people and the bureau file and correct them; reviewers read those of the organisations whose
applications are assigned to them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from innoreg.records.models.filings import AnnualFiling
from innoreg.records.repositories.filings import FILINGS
from innoreg.records.repositories.kinds import create_record, update_record
from innoreg.service.api.routes.records.common import (
    READ,
    RECORD_ERRORS,
    WRITE,
    Caller,
    Cursor,
    Ident,
    Limit,
    OrganisationFilter,
    sort_query,
)
from innoreg.service.api.routes.records.reads import page_answer, record_answer
from innoreg.service.api.schemas.records import Listing
from innoreg.service.api.schemas.records_filings import FilingCreate, FilingPublic, FilingUpdate
from innoreg.service.auth.policy import guard
from innoreg.service.database import DatabaseDep

router = APIRouter(tags=["filings"], responses=RECORD_ERRORS)


def public(filing: AnnualFiling) -> FilingPublic:
    return FilingPublic.model_validate(filing)


@router.get(
    "/v1/filings",
    response_model=Listing[FilingPublic],
    summary="Annual filings",
    dependencies=[guard(READ)],
)
async def filings(
    database: DatabaseDep,
    caller: Caller,
    organisation_id: OrganisationFilter = None,
    fiscal_year: Annotated[int | None, Query(ge=1990, le=2100)] = None,
    support_eligible: Annotated[
        bool | None, Query(description="As the latest determination found.")
    ] = None,
    sort: Annotated[str, sort_query(FILINGS.sorts)] = "id",
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Response:
    conditions = []
    if organisation_id is not None:
        conditions.append(AnnualFiling.organisation_id == organisation_id)
    if fiscal_year is not None:
        conditions.append(AnnualFiling.fiscal_year == fiscal_year)
    if support_eligible is not None:
        conditions.append(AnnualFiling.support_eligible.is_(support_eligible))
    return await page_answer(
        database,
        FILINGS,
        FilingPublic,
        scope=caller.scope(),
        conditions=conditions,
        sort=sort,
        cursor=cursor,
        limit=limit,
    )


@router.get(
    "/v1/filings/{ident}",
    response_model=FilingPublic,
    summary="An annual filing",
    dependencies=[guard(READ)],
)
async def filing(ident: Ident, database: DatabaseDep, caller: Caller) -> Response:
    return await record_answer(database, FILINGS, FilingPublic, scope=caller.scope(), ident=ident)


@router.post(
    "/v1/filings",
    response_model=FilingPublic,
    status_code=201,
    summary="File a fiscal year's figures",
    dependencies=[guard(WRITE)],
)
def create(body: FilingCreate, database: DatabaseDep, caller: Caller) -> FilingPublic:
    with database.write(actor=caller.actor) as session:
        return public(
            create_record(session, FILINGS, scope=caller.scope(), fields=body.model_dump())
        )


@router.patch(
    "/v1/filings/{ident}",
    response_model=FilingPublic,
    summary="Correct a filing",
    dependencies=[guard(WRITE)],
)
def update(ident: Ident, body: FilingUpdate, database: DatabaseDep, caller: Caller) -> FilingPublic:
    changes = body.model_dump(exclude_unset=True)
    version = changes.pop("version")
    with database.write(actor=caller.actor) as session:
        changed = update_record(
            session,
            FILINGS,
            scope=caller.scope(),
            ident=ident,
            expected_version=version,
            changes=changes,
        )
        return public(changed)
