"""``/v1/projects``, ``/v1/awards``, ``/v1/standards``: the bureau records funded projects,
awards and led standards; everyone signed in reads those of the organisations in scope."""

from typing import Any, Literal

from fastapi import APIRouter
from pydantic import Field

from innoreg.records.models.awards import Award
from innoreg.records.models.projects import FundedProject
from innoreg.records.models.standards import StandardLed
from innoreg.records.repositories.activity import AWARDS, PROJECTS, STANDARDS
from innoreg.service.api.routes.records.common import ADMIN_WRITE, ID_MAX, READ, RECORD_ERRORS
from innoreg.service.api.routes.records.crud import Crud, ListQuery, add_routes, sort_field
from innoreg.service.api.schemas import records_activity as schemas

router = APIRouter(responses=RECORD_ERRORS)


class ProjectQuery(ListQuery):
    organisation_id: int | None = Field(None, ge=1, le=ID_MAX)
    funding_level: schemas.FundingLevel | None = None
    sort: str = sort_field(PROJECTS.sorts)

    def conditions(self) -> list[Any]:
        found = []
        if self.organisation_id is not None:
            found.append(FundedProject.organisation_id == self.organisation_id)
        if self.funding_level is not None:
            found.append(FundedProject.funding_level == self.funding_level)
        return found


class AwardQuery(ListQuery):
    organisation_id: int | None = Field(None, ge=1, le=ID_MAX)
    level: schemas.AwardLevel | None = None
    year: int | None = Field(None, ge=1990, le=2100)
    sort: str = sort_field(AWARDS.sorts)

    def conditions(self) -> list[Any]:
        found = []
        if self.organisation_id is not None:
            found.append(Award.organisation_id == self.organisation_id)
        if self.level is not None:
            found.append(Award.level == self.level)
        if self.year is not None:
            found.append(Award.year == self.year)
        return found


class StandardQuery(ListQuery):
    organisation_id: int | None = Field(None, ge=1, le=ID_MAX)
    level: schemas.StandardLevel | None = None
    sort: str = sort_field(STANDARDS.sorts)

    def conditions(self) -> list[Any]:
        found = []
        if self.organisation_id is not None:
            found.append(StandardLed.organisation_id == self.organisation_id)
        if self.level is not None:
            found.append(StandardLed.level == self.level)
        return found


def _crud(tag: Literal["projects", "awards", "standards"]) -> Crud:
    if tag == "projects":
        return Crud(
            PROJECTS,
            "/v1/projects",
            "funded project",
            schemas.ProjectPublic,
            ProjectQuery,
            READ,
            schemas.ProjectCreate,
            schemas.ProjectUpdate,
            ADMIN_WRITE,
        )
    if tag == "awards":
        return Crud(
            AWARDS,
            "/v1/awards",
            "award",
            schemas.AwardPublic,
            AwardQuery,
            READ,
            schemas.AwardCreate,
            schemas.AwardUpdate,
            ADMIN_WRITE,
        )
    return Crud(
        STANDARDS,
        "/v1/standards",
        "led standard",
        schemas.StandardPublic,
        StandardQuery,
        READ,
        schemas.StandardCreate,
        schemas.StandardUpdate,
        ADMIN_WRITE,
    )


_TAGS: tuple[Literal["projects", "awards", "standards"], ...] = ("projects", "awards", "standards")
for _tag in _TAGS:
    _part = APIRouter(tags=[_tag])
    add_routes(_part, _crud(_tag))
    router.include_router(_part)
