"""``/docs``: Swagger UI with every asset served by innoreg (FastAPI's default loads a CDN)."""

from __future__ import annotations

import secrets

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse

from innoreg.service.auth.policy import PUBLIC, guard

router = APIRouter(include_in_schema=False, dependencies=[guard(PUBLIC)])
SWAGGER = "/static/vendor/swagger-ui-dist-5.35.0"
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>innoreg API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="{swagger}/swagger-ui.css">
</head><body>
<div id="swagger-ui" data-openapi="/openapi.json"></div>
<script nonce="{nonce}" src="{swagger}/swagger-ui-bundle.js"></script>
<script nonce="{nonce}" src="/static/swagger-init.js"></script>
</body></html>"""


@router.get("/docs")
def docs(request: Request) -> HTMLResponse:
    nonce = secrets.token_urlsafe(16)
    request.state.csp_nonce = nonce
    return HTMLResponse(PAGE.format(swagger=SWAGGER, nonce=nonce))
