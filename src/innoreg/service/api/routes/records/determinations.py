"""``/v1/determinations``: what the engine decided about a filing, a transfer or an IP asset,
under which rule packs; ``…/replay`` decides the stored case again and names every
difference and its cause. ``POST /v1/filings/{id}/determinations`` decides a filing."""

from typing import Any, Literal

from fastapi import APIRouter
from pydantic import Field
from starlette.concurrency import run_in_threadpool

from innoreg.records.models.determinations import Determination
from innoreg.records.repositories.determinations import DETERMINATIONS
from innoreg.records.repositories.kinds import get_record
from innoreg.records.workflows.filings import decide_filing
from innoreg.service.api.routes.records.common import (
    ID_MAX,
    READ,
    RECORD_ERRORS,
    WRITE,
    Caller,
    Ident,
)
from innoreg.service.api.routes.records.crud import Crud, ListQuery, add_routes, sort_field
from innoreg.service.api.schemas.records_determinations import (
    DecideRequest,
    DeterminationPublic,
    ReplayPublic,
)
from innoreg.service.auth.policy import guard
from innoreg.service.database import DatabaseDep

router = APIRouter(responses=RECORD_ERRORS, tags=["determinations"])


class DeterminationQuery(ListQuery):
    organisation_id: int | None = Field(None, ge=1, le=ID_MAX)
    subject_kind: Literal["filing", "transfer", "ip_asset"] | None = None
    subject_id: int | None = Field(None, ge=1, le=ID_MAX)
    sort: str = sort_field(DETERMINATIONS.sorts)

    def conditions(self) -> list[Any]:
        found = []
        if self.organisation_id is not None:
            found.append(Determination.organisation_id == self.organisation_id)
        if self.subject_kind is not None:
            found.append(Determination.subject_kind == self.subject_kind)
        if self.subject_id is not None:
            found.append(Determination.subject_id == self.subject_id)
        return found


add_routes(
    router,
    Crud(
        DETERMINATIONS,
        "/v1/determinations",
        "determination",
        DeterminationPublic,
        DeterminationQuery,
        READ,
    ),
)


@router.get(
    "/v1/determinations/{ident}/replay",
    response_model=ReplayPublic,
    summary="Decide a stored case again and name what changed",
    dependencies=[guard(READ)],
)
async def replay(ident: Ident, database: DatabaseDep, caller: Caller) -> ReplayPublic:
    """Nothing is stored: the answer compares the stored result and explanation with what
    the rules in force in this release give for the same case."""
    from innoreg.records.replay import replay as run_replay

    def work() -> ReplayPublic:
        with database.read() as session:
            stored = get_record(session, DETERMINATIONS, scope=caller.scope(), ident=ident)
            outcome = run_replay(stored)
        return ReplayPublic(
            determination_id=outcome.determination_id,
            same=outcome.same,
            stored_pack=outcome.stored_pack,
            current_pack=outcome.current_pack,
            differences=outcome.differences,
            cause=outcome.cause,
        )

    return await run_in_threadpool(work)


@router.post(
    "/v1/filings/{ident}/determinations",
    response_model=DeterminationPublic,
    status_code=201,
    summary="Decide a filing",
    tags=["filings"],
    dependencies=[guard(WRITE)],
)
def decide(
    ident: Ident, body: DecideRequest, database: DatabaseDep, caller: Caller
) -> DeterminationPublic:
    """Support eligibility (Luoyang art. 7), the shortfall and the super-deduction of the
    filing's fiscal year, from its figures and the organisation's certificates and registry
    entries on the day; the filing keeps the figures."""
    with database.write(actor=caller.actor) as session:
        made = decide_filing(
            session, scope=caller.scope(), filing_id=ident, actor=caller.actor, day=body.date
        )
        return DeterminationPublic.model_validate(made)
