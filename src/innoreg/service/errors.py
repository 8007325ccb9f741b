"""The one place an error becomes an answer: ``application/problem+json`` (RFC 9457) for the
API, an HTML page for the web, and a form's error summary for a form.

    InnoregError ─┬─ InputError  → 422, ``field``: the path (``enterprises[0].sales_revenue``)
                  ├─ NotFound    → 404 (an act, article, variable, record the path names)
                  ├─ AuthError   → 401 (not signed in) or 403 (role may not)
                  ├─ ConflictError, WorkflowError → 409 (stale version, illegal transition)
                  └─ any other   → 422 (it came from the request: a date no text covers, …)
    RequestValidationError       → 422, ``field`` from the location (``query.explain``)
    HTTPException                → its status (400, 404, 405, 413, 415)
    anything else                → 500, logged with its traceback (never with the case)
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import orjson
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.types import Scope

from innoreg.errors import InnoregError, InputError

PROBLEM = "application/problem+json"
API_PREFIXES = ("/v1/", "/v1", "/openapi.json", "/healthz", "/readyz", "/metrics", "/docs")
TITLES = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    406: "Not acceptable",
    413: "Content too large",
    409: "Conflict",
    415: "Unsupported media type",
    422: "Invalid input",
    429: "Too many requests",
    503: "Service unavailable",
    500: "Internal error",
}
_log = logging.getLogger("innoreg.service")

PageRenderer = Callable[[Scope, int, str], Response]
_page_renderer: list[PageRenderer] = []


def register_page_renderer(renderer: PageRenderer) -> None:
    """The web layer renders its own error pages; the app hands its renderer over here."""
    _page_renderer[:] = [renderer]


def is_api(scope: Scope) -> bool:
    path = str(scope.get("path", ""))
    return path.startswith(API_PREFIXES)


def problem(
    status: int,
    detail: str,
    *,
    field: str | None = None,
    rule: str | None = None,
    request_id: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    body: dict[str, Any] = {
        "type": f"urn:innoreg:problem:{status}",
        "title": TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
    }
    if field is not None:
        body["field"] = field
        error = {"field": field, "message": detail}
        if rule is not None:
            body["rule"] = rule
            error["rule"] = rule
        body["errors"] = [error]
    if request_id is not None:
        body["request_id"] = request_id
    return Response(orjson.dumps(body), status_code=status, media_type=PROBLEM, headers=headers)


def error_response(
    scope: Scope,
    status: int,
    detail: str,
    *,
    field: str | None = None,
    rule: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """problem+json on API paths, the web's error page elsewhere."""
    if is_api(scope) or not _page_renderer:
        request_id = scope.get("state", {}).get("request_id")
        return problem(
            status, detail, field=field, rule=rule, request_id=request_id, headers=headers
        )
    response = _page_renderer[0](scope, status, detail)
    if headers:
        response.headers.update(headers)
    return response


def _innoreg_fields(exc: InnoregError) -> tuple[str | None, str | None]:
    field = exc.context.get("field")
    rule = exc.context.get("rule")
    return (str(field) if field is not None else None, str(rule) if rule is not None else None)


async def innoreg_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, InnoregError)
    from innoreg.records.errors import ConflictError, NotFoundError, WorkflowError
    from innoreg.service.auth.policy import AuthError
    from innoreg.service.catalogue import NotFound
    from innoreg.service.database import DatabaseNotReadyError

    headers: dict[str, str] | None = None
    if isinstance(exc, AuthError):
        status = exc.status
        headers = dict(exc.headers)
        if status == 401:
            if not is_api(request.scope) and "text/html" in request.headers.get("accept", ""):
                return _sign_in_first(request)
            headers["WWW-Authenticate"] = "Bearer"
    elif isinstance(exc, NotFound | NotFoundError):
        status = 404
    elif isinstance(exc, DatabaseNotReadyError):
        status = 503
    elif isinstance(exc, ConflictError | WorkflowError):
        status = 409
    else:
        status = 422
    field, rule = _innoreg_fields(exc)
    detail = exc.message
    if isinstance(exc, InputError) and exc.field and detail.startswith(f"{exc.field}: "):
        detail = detail[len(exc.field) + 2 :]
    return error_response(request.scope, status, detail, field=field, rule=rule, headers=headers)


def _sign_in_first(request: Request) -> Response:
    """A page that needs an account sends the browser (which asks for text/html) to sign in,
    and back afterwards; a feed, a chart or a script asking for something else gets the 401."""
    from urllib.parse import quote

    from starlette.responses import RedirectResponse

    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(here, safe='/')}", status_code=303)


async def validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    first = errors[0] if errors else {"loc": (), "msg": "invalid request"}
    field = _location(first.get("loc", ()))
    return error_response(request.scope, 422, str(first.get("msg", "invalid")), field=field)


def _location(loc: Sequence[Any]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path or "request"


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else TITLES.get(exc.status_code, "Error")
    if exc.status_code == 404 and detail == "Not Found":
        detail = "no such resource"
    headers = exc.headers
    if exc.status_code == 405:
        if detail == "Method Not Allowed":
            detail = f"{request.method} is not allowed here"
        headers = {**(headers or {}), "Allow": ", ".join(allowed_methods(request))}
    return error_response(request.scope, exc.status_code, detail, headers=headers)


def allowed_methods(request: Request) -> list[str]:
    """Every method some route takes on this path: Starlette names only the first route's,
    and a path such as ``/v1/filings`` has one route for GET and another for POST."""
    from fastapi.routing import _iter_routes_with_context
    from starlette.routing import compile_path

    path = str(request.scope.get("path", ""))
    methods: set[str] = set()
    for route, context in _iter_routes_with_context(request.app.routes):
        template = context.path if context is not None else getattr(route, "path", None)
        allowed = context.methods if context is not None else getattr(route, "methods", None)
        if template and allowed and compile_path(template)[0].match(path):
            methods |= set(allowed)
    return sorted(methods)


async def server_error(request: Request, exc: Exception) -> Response:
    _log.error(
        "unhandled error on %s %s",
        request.method,
        getattr(request.scope.get("route"), "path", "unmatched"),
        exc_info=exc,
    )
    return error_response(request.scope, 500, "the server could not answer; this is our fault")


async def client_gone(request: Request, exc: Exception) -> Response:
    """The client hung up before its body arrived (a timeout, a closed tab): nothing is wrong
    with the server, so no traceback; nginx's 499 marks it in the request log."""
    _log.info("client disconnected during %s %s", request.method, request.url.path)
    return Response(status_code=499)


HANDLERS: dict[Any, Callable[[Request, Exception], Any]] = {
    ClientDisconnect: client_gone,
    InnoregError: innoreg_error,
    RequestValidationError: validation_error,
    HTTPException: http_error,
    Exception: server_error,
}


@dataclass(frozen=True)
class FieldError:
    """One line of a form's error summary: the field's id and what is wrong with it."""

    field: str
    message: str
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    catalogued: bool = True
    """A catalogue id (translated where shown); False for the engine's words, which may quote
    what was typed and so are only ever escaped, never passed through gettext (which marks its
    result safe)."""


def form_errors(exc: InnoregError, fields: Mapping[str, str]) -> list[FieldError]:
    """A form's error summary from an engine error: ``fields`` maps the last part of the
    engine's field path (``sales_revenue``) to the form's field name (``revenue``)."""
    path, _ = _innoreg_fields(exc)
    message = exc.message
    if path and message.startswith(f"{path}: "):
        message = message[len(path) + 2 :]
    leaf = (path or "").rsplit(".", 1)[-1]
    return [FieldError(fields.get(leaf, fields.get("*", leaf)), message, catalogued=False)]
