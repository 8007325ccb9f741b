"""``/v1/applications``: an organisation applies for municipal support on a filing and
submits (refused unless its determination allows support); the bureau assigns the
application to a reviewer, who returns it for changes, takes it under review, approves or
rejects it, each move kept with its actor and reason."""

from typing import Any

from fastapi import APIRouter
from pydantic import Field

from innoreg.errors import InputError
from innoreg.records.errors import NotFoundError
from innoreg.records.models.applications import Application
from innoreg.records.principal import Principal
from innoreg.records.repositories.applications import APPLICATIONS
from innoreg.records.workflows.applications import create_application, move
from innoreg.records.workflows.review import assign, review_move
from innoreg.service.api.routes.records.common import (
    ADMIN_WRITE,
    ID_MAX,
    READ,
    RECORD_ERRORS,
    REVIEW,
    WRITE,
    Caller,
    Ident,
)
from innoreg.service.api.routes.records.crud import Crud, ListQuery, add_routes, sort_field
from innoreg.service.api.schemas.records_applications import (
    ApplicationCreate,
    ApplicationPublic,
    ApplicationUpdate,
    Assign,
    Review,
    Submit,
)
from innoreg.service.auth.policy import guard
from innoreg.service.database import DatabaseDep

router = APIRouter(responses=RECORD_ERRORS, tags=["applications"])
STATES = "^(draft|submitted|returned|under_review|approved|rejected)$"


class ApplicationQuery(ListQuery):
    organisation_id: int | None = Field(None, ge=1, le=ID_MAX)
    state: str | None = Field(None, pattern=STATES)
    reviewer_id: int | None = Field(None, ge=1, le=ID_MAX)
    sort: str = sort_field(APPLICATIONS.sorts)

    def conditions(self) -> list[Any]:
        found = []
        if self.organisation_id is not None:
            found.append(Application.organisation_id == self.organisation_id)
        if self.state is not None:
            found.append(Application.state == self.state)
        if self.reviewer_id is not None:
            found.append(Application.reviewer_id == self.reviewer_id)
        return found


def publish(application: Application, caller: Principal, in_list: bool) -> ApplicationPublic:
    return ApplicationPublic.model_validate(application)


add_routes(
    router,
    Crud(
        APPLICATIONS,
        "/v1/applications",
        "application",
        ApplicationPublic,
        ApplicationQuery,
        READ,
        publish=publish,
    ),
)


@router.post(
    "/v1/applications",
    response_model=ApplicationPublic,
    status_code=201,
    summary="Apply for municipal support on a filing",
    dependencies=[guard(WRITE)],
)
def create(body: ApplicationCreate, database: DatabaseDep, caller: Caller) -> ApplicationPublic:
    with database.write(actor=caller.actor) as session:
        try:
            made = create_application(
                session,
                scope=caller.scope(),
                filing_id=body.filing_id,
                programme=body.programme,
                actor=caller.actor,
            )
        except NotFoundError:
            raise InputError(f"no filing with id {body.filing_id}", field="filing_id") from None
        return ApplicationPublic.model_validate(made)


@router.patch(
    "/v1/applications/{ident}",
    response_model=ApplicationPublic,
    summary="Change a draft or returned application",
    dependencies=[guard(WRITE)],
)
def update(
    ident: Ident, body: ApplicationUpdate, database: DatabaseDep, caller: Caller
) -> ApplicationPublic:
    from innoreg.records.repositories.kinds import update_record

    changes = body.model_dump(exclude_unset=True)
    version = changes.pop("version")
    with database.write(actor=caller.actor) as session:
        changed = update_record(
            session,
            APPLICATIONS,
            scope=caller.scope(),
            ident=ident,
            expected_version=version,
            changes=changes,
        )
        return ApplicationPublic.model_validate(changed)


@router.post(
    "/v1/applications/{ident}/submit",
    response_model=ApplicationPublic,
    summary="Submit an application (its filing decided first)",
    dependencies=[guard(WRITE)],
)
def submit(ident: Ident, body: Submit, database: DatabaseDep, caller: Caller) -> ApplicationPublic:
    """409 naming the state when it is not a draft or returned, or naming the shortfall when
    the filing's determination does not allow support (Luoyang art. 7 ¶1)."""
    with database.write(actor=caller.actor) as session:
        moved = move(
            session,
            scope=caller.scope(),
            application_id=ident,
            to_state="submitted",
            actor=caller.actor,
            expected_version=body.version,
            day=body.date,
        )
        return ApplicationPublic.model_validate(moved)


@router.post(
    "/v1/applications/{ident}/review",
    response_model=ApplicationPublic,
    summary="Review an application: under review, returned, approved or rejected",
    dependencies=[guard(REVIEW)],
)
def review(ident: Ident, body: Review, database: DatabaseDep, caller: Caller) -> ApplicationPublic:
    """A reviewer moves only the applications assigned to them; returning and rejecting need
    a reason; a move the state does not allow is a 409 naming the state."""
    with database.write(actor=caller.actor) as session:
        moved = review_move(
            session,
            scope=caller.scope(),
            application_id=ident,
            to_state=body.to,
            actor=caller.actor,
            reason=body.reason,
            expected_version=body.version,
        )
        return ApplicationPublic.model_validate(moved)


@router.post(
    "/v1/applications/{ident}/assign",
    response_model=ApplicationPublic,
    summary="Assign an application to a reviewer",
    dependencies=[guard(ADMIN_WRITE)],
)
def assign_reviewer(
    ident: Ident, body: Assign, database: DatabaseDep, caller: Caller
) -> ApplicationPublic:
    with database.write(actor=caller.actor) as session:
        assigned = assign(
            session,
            scope=caller.scope(),
            application_id=ident,
            reviewer_id=body.reviewer_id,
            actor=caller.actor,
            expected_version=body.version,
        )
        return ApplicationPublic.model_validate(assigned)
