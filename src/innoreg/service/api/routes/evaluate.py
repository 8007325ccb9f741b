"""``POST /v1/evaluate``: decide a case (docs/vocabulary.md), the same document the CLI prints."""

from __future__ import annotations

from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import Response

from innoreg.service import decisions
from innoreg.service.api.schemas.decision import Decision, case_schema
from innoreg.service.api.schemas.problem import ERRORS
from innoreg.service.auth.policy import PUBLIC, guard
from innoreg.service.settings import Settings

router = APIRouter(tags=["decisions"], dependencies=[guard(PUBLIC)])
INLINE_ENTITIES = 50
"""Up to this many entities are decided on the event loop (well under a millisecond); larger
cases go to a worker thread so the loop keeps answering."""


def _case_schema() -> dict[str, Any]:
    import datetime as dt

    from innoreg.rules.registry import registry

    codes = sorted(registry().packs)
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for code in codes:
        for spec in decisions.inputs(code, dt.date.today()):
            found.setdefault((spec["entity"], spec["name"]), spec)
    return case_schema(list(found.values()), [*codes, *decisions.aliases()])


@router.post(
    "/v1/evaluate",
    summary="Decide a case",
    response_model=None,
    responses={200: {"model": Decision, "description": "The decision."}, **ERRORS},
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": _case_schema()}},
        }
    },
)
async def evaluate(
    request: Request,
    explain: Annotated[
        bool, Query(description="Add each variable's trace and the cited article text.")
    ] = False,
) -> Response:
    """Decide every entity of a case under every level of law in force in its jurisdiction on
    its date. At most ``INNOREG_MAX_ENTITIES`` entities (default 10,000; 413 above)."""
    content_type = request.headers.get("content-type", "")
    if content_type.split(";", 1)[0].strip().lower() != "application/json":
        raise HTTPException(415, "send the case as application/json")
    case = read_json(await request.body())
    settings: Settings = request.app.state.settings
    count = count_entities(case)
    if count > settings.max_entities:
        raise HTTPException(
            413, f"{count} entities; at most {settings.max_entities} in one request"
        )
    if settings.log_case_data:
        request.state.logged_case = case
    if count <= INLINE_ENTITIES:
        result = decisions.decide(case, explain=explain)
    else:
        result = await run_in_threadpool(decisions.decide, case, explain=explain)
    request.app.state.metrics.evaluated_entities += count
    return Response(orjson.dumps(result), media_type="application/json")


def read_json(body: bytes) -> Any:
    """The body as JSON, read as the CLI reads a case file (``engine.case_text``): a key given
    twice is a 422 naming it and its line; text that is not JSON at all is a 400."""
    from innoreg.engine.case_text import CaseSyntaxError, parse_case_text

    try:
        return parse_case_text(body.decode("utf-8"), name="the body", as_json=True)
    except UnicodeDecodeError:
        raise HTTPException(400, "the body is not UTF-8 text") from None
    except CaseSyntaxError as exc:
        raise HTTPException(400, f"the body is not valid JSON: {exc.detail}") from None


def count_entities(case: Any) -> int:
    if not isinstance(case, dict):
        return 0
    return sum(len(v) for k, v in case.items() if isinstance(v, list) and k != "interpretations")
