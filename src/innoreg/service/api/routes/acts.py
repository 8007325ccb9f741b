"""``/v1/acts``: the shipped acts, article by article, with eIds, SHA-256 and the rules."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path
from starlette.responses import Response

from innoreg.service import catalogue
from innoreg.service.api.schemas.law import ActDetail, ActSummary, Article
from innoreg.service.api.schemas.problem import ERRORS
from innoreg.service.auth.policy import PUBLIC, guard
from innoreg.service.deps import OnQuery

router = APIRouter(tags=["law"], responses=ERRORS, dependencies=[guard(PUBLIC)])
ActKey = Annotated[
    str,
    Path(
        description="Short name (luoyang, liaoning), work URI or jurisdiction code.",
        max_length=300,
    ),
]


@router.get("/v1/acts", response_model=list[ActSummary], summary="Acts")
def acts(on: OnQuery = None) -> list[dict[str, Any]]:
    return catalogue.acts(on)


@router.get("/v1/acts/{act}", response_model=ActDetail, summary="An act")
def act(act: ActKey, on: OnQuery = None) -> dict[str, Any]:
    """The version in force ``on`` a day (default: the latest), every article."""
    return catalogue.act_detail(act, on)


@router.get("/v1/acts/{act}/articles/{n}", response_model=Article, summary="An article")
def article(
    act: ActKey,
    n: Annotated[int, Path(ge=1, le=100_000, description="Article number.")],
    on: OnQuery = None,
) -> dict[str, Any]:
    """Paragraphs with eIds and SHA-256, the rules implementing the article, the pack's note."""
    return catalogue.article_detail(act, n, on)


@router.get(
    "/v1/acts/{act}/akn",
    summary="An act as Akoma Ntoso 3.0 XML",
    response_class=Response,
    responses={200: {"content": {"application/akn+xml": {"schema": {"type": "string"}}}}},
)
def akn(act: ActKey, on: OnQuery = None) -> Response:
    return Response(catalogue.akn(act, on), media_type="application/akn+xml")
