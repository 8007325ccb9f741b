"""Funded projects, awards and led standards in the API: the bureau records them; each caller
reads those of the organisations in scope."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from innoreg.service.api.schemas.records import Body, MoneyIn, MoneyOut, Public, Version, Year

Ref = Annotated[int, Field(ge=1, le=2**31 - 1)]
FundingLevel = Literal["national", "provincial", "municipal", "county", "none"]
AwardLevel = Literal["national", "provincial", "municipal"]
StandardLevel = Literal["international", "national", "industry", "local", "group"]
Text40 = Annotated[str, Field(min_length=1, max_length=40)]
Text200 = Annotated[str, Field(min_length=1, max_length=200)]
Text300 = Annotated[str, Field(min_length=1, max_length=300)]


class ProjectCreate(Body):
    organisation_id: Ref
    number: Text40
    title: Text300
    funding_level: FundingLevel
    funds: MoneyIn = 0
    started_on: dt.date | None = None
    accepted_on: dt.date | None = Field(None, description="Acceptance starts the art. 14 clock.")


class ProjectUpdate(Body):
    version: Version
    title: Text300 | None = None
    funding_level: FundingLevel | None = None
    funds: MoneyIn | None = None
    started_on: dt.date | None = None
    accepted_on: dt.date | None = None


class ProjectPublic(Public):
    version: int
    organisation_id: int
    number: str
    title: str
    funding_level: str
    funds: MoneyOut
    started_on: dt.date | None
    accepted_on: dt.date | None


class AwardCreate(Body):
    organisation_id: Ref
    name: Text200
    level: AwardLevel
    grade: Annotated[str, Field(max_length=40)] = ""
    year: Year
    achievement: Annotated[str, Field(max_length=300)] = ""


class AwardUpdate(Body):
    version: Version
    name: Text200 | None = None
    level: AwardLevel | None = None
    grade: Annotated[str, Field(max_length=40)] | None = None
    year: Year | None = None
    achievement: Annotated[str, Field(max_length=300)] | None = None


class AwardPublic(Public):
    version: int
    organisation_id: int
    name: str
    level: str
    grade: str
    year: int
    achievement: str


class StandardCreate(Body):
    organisation_id: Ref
    level: StandardLevel
    code: Annotated[str, Field(min_length=1, max_length=60)]
    title: Text300
    published_on: dt.date


class StandardUpdate(Body):
    version: Version
    level: StandardLevel | None = None
    title: Text300 | None = None
    published_on: dt.date | None = None


class StandardPublic(Public):
    version: int
    organisation_id: int
    level: str
    code: str
    title: str
    published_on: dt.date
