"""``GET /v1/interpretations``: every named reading of an ambiguous sentence."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from innoreg.service import catalogue, decisions
from innoreg.service.api.schemas.problem import ERRORS
from innoreg.service.api.schemas.rules import Interpretation
from innoreg.service.auth.policy import PUBLIC, guard

router = APIRouter(tags=["rules"], responses=ERRORS, dependencies=[guard(PUBLIC)])


@router.get("/v1/interpretations", response_model=list[Interpretation], summary="Interpretations")
def interpretations(
    jurisdiction: Annotated[str | None, Query(max_length=100)] = None,
) -> list[dict[str, Any]]:
    code = decisions.resolve(jurisdiction) if jurisdiction else None
    return catalogue.interpretations(code)
