"""Determinations in the API: what was decided, under which packs, and its replay."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field

from innoreg.service.api.schemas.records import Body, Public


class DecideRequest(Body):
    date: dt.date | None = Field(
        None, description="Decide under the law in force on this day (default: today)."
    )


class DeterminationPublic(Public):
    subject_kind: str
    subject_id: int
    organisation_id: int
    jurisdiction: str
    date: dt.date
    pack_version: str
    pack_versions: dict[str, str] | None
    interpretations: dict[str, Any]
    assumptions: dict[str, Any]
    case: dict[str, Any] = Field(description="The case document the engine read.")
    result: dict[str, Any] = Field(description="The engine's answer (`POST /v1/evaluate`'s).")
    decided_at: dt.datetime
    actor: str


class ReplayPublic(Body):
    determination_id: int
    same: bool
    stored_pack: str
    current_pack: str | None
    differences: list[str] = Field(description="Each path that differs, stored → now.")
    cause: str | None = Field(description="The rule pack that changed, or why it differs.")
