"""IP assets in the API (Luoyang art. 14): the facts the deadline is decided from, and the
deadline the latest determination found."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from innoreg.service.api.schemas.records import Body, Public, Version

IPKind = Literal["patent", "software_copyright", "ic_layout_design", "plant_variety"]
Ref = Annotated[int, Field(ge=1, le=2**31 - 1)]
Title = Annotated[str, Field(min_length=1, max_length=300)]


class IPAssetCreate(Body):
    organisation_id: Ref
    project_id: Ref | None = Field(None, description="The funded project that formed it.")
    kind: IPKind
    registration_no: Annotated[str, Field(min_length=1, max_length=40)]
    title: Title
    fiscally_funded: bool = False
    rights_obtained_on: dt.date | None = None
    implemented_on: dt.date | None = None
    implementation_conditions_met: bool = False
    justifiable_reason: bool = False


class IPAssetUpdate(Body):
    version: Version
    project_id: Ref | None = None
    title: Title | None = None
    fiscally_funded: bool | None = None
    rights_obtained_on: dt.date | None = None
    implemented_on: dt.date | None = None
    implementation_conditions_met: bool | None = None
    justifiable_reason: bool | None = None


class IPAssetPublic(Public):
    version: int
    organisation_id: int
    project_id: int | None
    kind: str
    registration_no: str
    title: str
    fiscally_funded: bool
    rights_obtained_on: dt.date | None
    implemented_on: dt.date | None
    implementation_conditions_met: bool
    justifiable_reason: bool
    implementation_deadline: dt.date | None = Field(
        description="The art. 14 deadline from the latest determination (null: undecided)."
    )
    determination_id: int | None


class OverdueAssetPublic(BaseModel):
    asset_id: int
    registration_no: str
    title: str
    organisation_id: int
    organisation: str
    credit_code: str
    deadline: dt.date
    determination_id: int | None
    notice_id: int | None = Field(description="The notice issued on it, if any.")


class NoticeIssue(Body):
    as_of: dt.date = Field(description="The day the asset is overdue on and the notice issued.")


class NoticePublic(Public):
    kind: str
    organisation_id: int
    ip_asset_id: int | None
    determination_id: int | None
    issued_on: dt.date
    body: str
