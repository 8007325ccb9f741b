"""``/healthz`` (the process answers), ``/readyz`` (packs loaded, plans warm), ``/metrics``
(for a bureau admin's token, or a scraper on this machine: route names and timings are not for
the public)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import PlainTextResponse, Response

from innoreg.records.principal import Role
from innoreg.service.api.schemas.auth import SIGNED_IN_ERRORS
from innoreg.service.api.schemas.problem import ERRORS
from innoreg.service.api.schemas.rules import Health
from innoreg.service.auth.policy import PUBLIC, Policy, guard

router = APIRouter(tags=["service"], responses=ERRORS)
METRICS = Policy.of(Role.BUREAU_ADMIN, tenant="any", loopback=True)


@router.get("/healthz", response_model=Health, summary="Liveness", dependencies=[guard(PUBLIC)])
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get(
    "/readyz",
    response_model=Health,
    summary="Readiness",
    dependencies=[guard(PUBLIC)],
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
    dependencies=[guard(METRICS)],
    responses={
        200: {"content": {"text/plain": {"schema": {"type": "string"}}}},
        **SIGNED_IN_ERRORS,
    },
)
def metrics(request: Request) -> PlainTextResponse:
    return PlainTextResponse(
        request.app.state.metrics.render(), media_type="text/plain; version=0.0.4"
    )
