"""The home page and the language switch."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import RedirectResponse, Response

from innoreg.service import catalogue
from innoreg.service.auth.policy import PUBLIC, guard
from innoreg.service.web.i18n import COOKIE, LOCALES
from innoreg.service.web.render import render

router = APIRouter(dependencies=[guard(PUBLIC)])


@router.get("/")
def home(request: Request) -> Response:
    on = request.app.state.settings.law_date()
    return render(request, "home.html", {"acts": catalogue.acts(on)})


@router.get("/language/{lang}")
def switch_language(lang: str, next: Annotated[str, Query(max_length=4000)] = "/") -> Response:
    """Remember the language in a cookie and go back where the reader was (a local path only)."""
    target = next if next.startswith("/") and not next.startswith(("//", "/\\")) else "/"
    response = RedirectResponse(target, status_code=303)
    if lang in LOCALES:
        response.set_cookie(
            COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax", httponly=True, path="/"
        )
    return response
