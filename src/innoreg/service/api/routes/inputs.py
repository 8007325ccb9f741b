"""``GET /v1/inputs``: every input a case may give, with type, default, options and labels."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from innoreg.service import decisions
from innoreg.service.api.schemas.problem import ERRORS
from innoreg.service.api.schemas.rules import Input
from innoreg.service.auth.policy import PUBLIC, guard
from innoreg.service.deps import LawDay

router = APIRouter(tags=["rules"], responses=ERRORS, dependencies=[guard(PUBLIC)])


@router.get("/v1/inputs", response_model=list[Input], summary="Inputs")
def inputs(
    on: LawDay,
    jurisdiction: Annotated[str, Query(max_length=100)] = "cn-ha-luoyang",
    entity: Annotated[str | None, Query(max_length=100)] = None,
) -> list[dict[str, Any]]:
    found = decisions.inputs(jurisdiction, on)
    return [i for i in found if entity is None or i["entity"] == entity]
