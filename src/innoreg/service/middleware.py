"""One pure-ASGI middleware for every request: a request id, body size limits, security
headers with a strict Content-Security-Policy, metrics by route template and one JSON log line
(request id, the signed-in account's id, route template, status, time: never a path, query,
header, body, password, token or e-mail address).

Pure ASGI (not ``BaseHTTPMiddleware``) because it sits on the hot path of ``POST /v1/evaluate``:
it adds a few microseconds, not a task and a queue per request.

It also ends a kept-alive connection now and then (``Connection: close``, on average after
``INNOREG_KEEPALIVE_REQUESTS`` answers, as nginx's ``keepalive_requests`` does). The workers
share one listening socket and a connection stays with the worker that accepted it, so without
this a client that keeps its connection open stays on a busy worker while the other idles
(measured: 31 connections against 19, one worker at 83 % of the CPU). The client reconnects,
and the worker free to accept first, the idler one, takes it.
"""

from __future__ import annotations

import os
import random
import re
import time
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from innoreg.service import logs
from innoreg.service.errors import error_response
from innoreg.service.metrics import Metrics
from innoreg.service.settings import Settings

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_FORMS = (b"application/x-www-form-urlencoded", b"multipart/form-data")
_COMMON = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),  # checker URLs carry answers: never leak them
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]
_API_CSP = b"default-src 'none'; frame-ancestors 'none'; base-uri 'none'"
_PAGE_CSP = (
    "default-src 'none'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)


class BodyTooLarge(HTTPException):
    """A body longer than its limit (413), found while reading it (no Content-Length)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is larger than {limit} bytes")


def page_csp(nonce: str) -> bytes:
    return _PAGE_CSP.format(nonce=nonce).encode()


class ServiceMiddleware:
    def __init__(self, app: ASGIApp, settings: Settings, metrics: Metrics) -> None:
        self.app = app
        self.settings = settings
        self.metrics = metrics
        self.close_chance = 1 / settings.keepalive_requests if settings.keepalive_requests else 0
        self.chance = random.Random()  # not a secret: which answer ends its connection

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        headers = dict(scope["headers"])
        given = headers.get(b"x-request-id", b"").decode("latin-1")
        request_id = given if _REQUEST_ID.match(given) else os.urandom(8).hex()
        state = scope.setdefault("state", {})
        state["request_id"] = request_id
        content_type = headers.get(b"content-type", b"")
        limit = (
            self.settings.max_form_bytes
            if content_type.startswith(_FORMS)
            else self.settings.max_body_bytes
        )
        status = 500
        sent = 0

        async def send_wrapper(message: Message) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status = message["status"]
                extra = [*_COMMON, (b"x-request-id", request_id.encode())]
                nonce = state.get("csp_nonce")
                extra.append((b"content-security-policy", page_csp(nonce) if nonce else _API_CSP))
                if self.close_chance and self.chance.random() < self.close_chance:
                    extra.append((b"connection", b"close"))
                message["headers"] = [*message.get("headers", []), *extra]
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        length = headers.get(b"content-length")
        try:
            if length is not None and (not length.isdigit() or int(length) > limit):
                response = error_response(
                    scope, 413, f"the request body is larger than {limit} bytes"
                )
                await response(scope, receive, send_wrapper)
            else:
                await self.app(scope, _limited(receive, limit), send_wrapper)
        finally:
            elapsed = time.perf_counter() - started
            route = _route(scope)
            self.metrics.observe(scope["method"], route, status, elapsed)
            if self.settings.access_log:
                record: dict[str, Any] = {
                    "level": "info" if status < 500 else "error",
                    "msg": "request",
                    "request_id": request_id,
                    "user_id": state.get("user_id"),
                    "method": scope["method"],
                    "route": route,
                    "status": status,
                    "ms": round(elapsed * 1000, 3),
                    "bytes": sent,
                }
                case = state.get("logged_case")
                if case is not None:
                    record["case"] = case
                logs.write(record)


def _limited(receive: Receive, limit: int) -> Receive:
    received = 0

    async def wrapped() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                raise BodyTooLarge(limit)
        return message

    return wrapped


def _route(scope: Scope) -> str:
    route = scope.get("route")
    if route is not None:
        return str(getattr(route, "path", "unmatched"))
    path = str(scope.get("path", ""))
    return "/static/*" if path.startswith("/static/") else "unmatched"
