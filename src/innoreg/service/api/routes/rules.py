"""``/v1/rules``: the variables of the packs, and one in full with its parameters over time."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from innoreg.service import catalogue, decisions
from innoreg.service.api.schemas.problem import ERRORS
from innoreg.service.api.schemas.rules import RuleDetail, RuleSummary
from innoreg.service.auth.policy import PUBLIC, guard
from innoreg.service.deps import LawDay

router = APIRouter(tags=["rules"], responses=ERRORS, dependencies=[guard(PUBLIC)])
JurisdictionQuery = Annotated[
    str | None,
    Query(description="Only this jurisdiction's chain (code or alias).", max_length=100),
]


@router.get("/v1/rules", response_model=list[RuleSummary], summary="Rules")
def rules(
    jurisdiction: JurisdictionQuery = None,
    entity: Annotated[str | None, Query(max_length=100)] = None,
) -> list[dict[str, Any]]:
    code = decisions.resolve(jurisdiction) if jurisdiction else None
    return catalogue.rules(code, entity)


@router.get("/v1/rules/{variable}", response_model=RuleDetail, summary="A rule")
def rule(
    variable: Annotated[str, Path(max_length=200)],
    on: LawDay,
    jurisdiction: JurisdictionQuery = None,
) -> dict[str, Any]:
    """Labels, unit, the law it quotes, the formula in words on ``on``, citations with text,
    parameters with every dated value and its source."""
    code = decisions.resolve(jurisdiction) if jurisdiction else None
    return catalogue.rule_detail(variable, on, code)
