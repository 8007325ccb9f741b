"""``/healthz`` (the process answers), ``/readyz`` (packs loaded, plans warm), ``/metrics``."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import PlainTextResponse, Response

from innoreg.service.api.schemas.problem import ERRORS
from innoreg.service.api.schemas.rules import Health
from innoreg.service.auth.policy import PUBLIC, guard

router = APIRouter(tags=["service"], responses=ERRORS, dependencies=[guard(PUBLIC)])


@router.get("/healthz", response_model=Health, summary="Liveness")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get(
    "/readyz",
    response_model=Health,
    summary="Readiness",
    responses={503: {"model": Health, "description": "Still warming up."}},
)
def readyz(request: Request) -> Response | dict[str, str]:
    if not getattr(request.app.state, "ready", False):
        return Response('{"status":"starting"}', 503, media_type="application/json")
    return {"status": "ready"}


@router.get(
    "/metrics",
    summary="Prometheus metrics",
    response_class=PlainTextResponse,
    responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}}}},
)
def metrics(request: Request) -> PlainTextResponse:
    return PlainTextResponse(
        request.app.state.metrics.render(), media_type="text/plain; version=0.0.4"
    )
