"""Applications for municipal support in the API, and the moves of their review."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from innoreg.service.api.schemas.records import Body, Public, Version

Ref = Annotated[int, Field(ge=1, le=2**31 - 1)]
Programme = Annotated[str, Field(min_length=1, max_length=200)]


class ApplicationCreate(Body):
    filing_id: Ref = Field(description="The filing the application rests on.")
    programme: Programme


class ApplicationUpdate(Body):
    version: Version
    programme: Programme | None = None


class TransitionPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    from_state: str
    to_state: str
    actor: str
    at: dt.datetime
    reason: str


class ApplicationPublic(Public):
    version: int
    organisation_id: int
    filing_id: int
    programme: str
    state: str
    determination_id: int | None
    reviewer_id: int | None
    transitions: list[TransitionPublic]


class Submit(Body):
    version: Version
    date: dt.date | None = Field(None, description="Decide the filing on this day (today).")


class Review(Body):
    version: Version
    to: Literal["under_review", "returned", "approved", "rejected"]
    reason: Annotated[str, Field(max_length=1000)] = Field(
        "", description="Needed to return or reject."
    )


class Assign(Body):
    version: Version
    reviewer_id: Ref
