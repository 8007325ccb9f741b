"""A client that hangs up before its body arrives is not a server error: no traceback in the
log, no 500 (load tests' timeouts did both)."""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from tests.service.conftest import settings

from innoreg.service.app import create_app


def test_a_client_gone_mid_body_is_logged_without_a_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = create_app(settings())
    sent: list[dict[str, Any]] = []
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "path": "/v1/evaluate",
        "raw_path": b"/v1/evaluate",
        "query_string": b"",
        "headers": [(b"content-type", b"application/json"), (b"content-length", b"100")],
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8000),
        "scheme": "http",
    }

    async def receive() -> dict[str, Any]:
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    with caplog.at_level(logging.INFO), ThreadPoolExecutor(1) as thread:
        # its own thread: a browser test earlier in the run may own this thread's event loop
        thread.submit(asyncio.run, app(scope, receive, send)).result()
    statuses = [m["status"] for m in sent if m["type"] == "http.response.start"]
    assert statuses == [499]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert any("client disconnected" in r.getMessage() for r in caplog.records)
