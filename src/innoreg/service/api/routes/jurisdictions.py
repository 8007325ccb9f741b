"""``GET /v1/jurisdictions``: chains, packs and versions, acts and their dates in force."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from innoreg.service import catalogue
from innoreg.service.api.schemas.law import Jurisdiction
from innoreg.service.api.schemas.problem import ERRORS
from innoreg.service.auth.policy import PUBLIC, guard
from innoreg.service.deps import LawDay

router = APIRouter(tags=["law"], responses=ERRORS, dependencies=[guard(PUBLIC)])


@router.get("/v1/jurisdictions", response_model=list[Jurisdiction], summary="Jurisdictions")
def jurisdictions(on: LawDay) -> list[dict[str, Any]]:
    """Every jurisdiction with a rule pack: its chain of levels, pack versions and acts."""
    return catalogue.jurisdictions(on)
