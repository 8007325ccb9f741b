"""Registry entries in the API: one list per register family (platforms, parks, incubators,
agencies, demonstration enterprises), each entry naming its register."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from innoreg.service.api.schemas.records import Body, Public, Version

REGISTRY_KINDS: dict[str, tuple[str, ...]] = {
    "platforms": ("rd_platform", "rd_institution"),
    "parks": ("park", "pioneer_park"),
    "incubators": ("incubator",),
    "agencies": ("intermediary_agency",),
    "demonstration-enterprises": ("innovative_enterprise", "demonstration_enterprise"),
}
"""Each path's registers (``/v1/registries/{kind}``)."""

Level = Literal["national", "provincial", "municipal"]
Ref = Annotated[int, Field(ge=1, le=2**31 - 1)]
Register = Literal[
    "rd_platform",
    "rd_institution",
    "park",
    "pioneer_park",
    "incubator",
    "intermediary_agency",
    "innovative_enterprise",
    "demonstration_enterprise",
]
Category = Annotated[
    str, Field(min_length=1, max_length=40, description="An agency's service type (art. 15).")
]


class RegistryEntryCreate(Body):
    organisation_id: Ref
    register_: Register = Field(
        alias="register", description="One of the registers of the path's kind."
    )
    name: Annotated[str, Field(min_length=1, max_length=200)]
    level: Level
    category: Category | None = None
    valid_from: dt.date
    valid_until: dt.date | None = None


class RegistryEntryUpdate(Body):
    version: Version
    name: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    level: Level | None = None
    category: Category | None = None
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None


class RegistryEntryPublic(Public):
    version: int
    organisation_id: int
    register_: str = Field(alias="register")
    name: str
    level: str
    category: str | None
    valid_from: dt.date
    valid_until: dt.date | None
