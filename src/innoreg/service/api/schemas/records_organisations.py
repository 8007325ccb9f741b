"""Organisations in the API: the bureau registers them; each caller reads those in scope."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from innoreg.service.api.schemas.records import Body, Public, Version

OrganisationKind = Literal[
    "enterprise",
    "university",
    "research_institute",
    "intermediary_agency",
    "incubator_operator",
    "platform_host",
]
OrganisationStatus = Literal["active", "suspended", "deregistered"]
CreditCode = Annotated[
    str,
    Field(
        min_length=18,
        max_length=18,
        pattern=r"^[0-9A-HJ-NPQRTUWXY]{18}$",
        description="Unified social credit code (GB 32100-2015), check character verified.",
        examples=["91410305MA44XB2C7Q"],
    ),
]
Industry = Annotated[
    str, Field(pattern=r"^[A-T][0-9]{0,4}$", description="GB/T 4754 section (`C` or `C34`).")
]
Name = Annotated[str, Field(min_length=1, max_length=200)]
District = Annotated[str, Field(min_length=1, max_length=40)]


class OrganisationCreate(Body):
    kind: OrganisationKind
    name: Name
    credit_code: CreditCode
    jurisdiction: Annotated[str, Field(min_length=1, max_length=40)] = "cn-ha-luoyang"
    district: District | None = None
    industry: Industry | None = None
    state_owned: bool = False
    state_established: bool = False
    status: OrganisationStatus = "active"
    status_since: dt.date | None = None


class OrganisationUpdate(Body):
    version: Version
    kind: OrganisationKind | None = None
    name: Name | None = None
    district: District | None = None
    industry: Industry | None = None
    state_owned: bool | None = None
    state_established: bool | None = None
    status: OrganisationStatus | None = None
    status_since: dt.date | None = None


class OrganisationPublic(Public):
    version: int
    kind: str
    name: str
    credit_code: str
    jurisdiction: str
    district: str | None
    industry: str | None
    state_owned: bool
    state_established: bool
    status: str
    status_since: dt.date | None
