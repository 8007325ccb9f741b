"""Rendering a page: the language, a CSP nonce, the CSRF field for its forms, the layout's
context, one Jinja2 environment per language (each with its catalogue installed, so a template
never sees the other's strings)."""

from __future__ import annotations

import functools
import secrets
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.types import Scope

from innoreg.rules.money import format_money
from innoreg.service import decisions
from innoreg.service.web.csrf import ANONYMOUS_COOKIE, CsrfField, token_for_page
from innoreg.service.web.i18n import HTML_LANG, catalogues, negotiate


@functools.cache
def environment(lang: str) -> Environment:
    env = Environment(
        loader=PackageLoader("innoreg.service.web", "templates"),
        autoescape=select_autoescape(["html"]),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(catalogues()[lang], newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(
        money=lambda v: decisions.money(v, lang),
        wan=decisions.wan_yuan,
        day=lambda v: decisions.date(v, lang),
        rate=lambda v: decisions.rate(v, lang),
        label=lambda v: v.get(lang, v.get("en", "")) if isinstance(v, dict) else v,
        fen=lambda v: None if v is None else format_money(v),
    )
    return env


def language(request: Request) -> str:
    return negotiate(request, request.app.state.settings.default_lang)


def render(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    status: int = 200,
    title_error: bool = False,
) -> HTMLResponse:
    """A page in the request's language, with a fresh CSP nonce."""
    lang = language(request)
    nonce = secrets.token_urlsafe(16)
    request.state.csp_nonce = nonce
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    token, fresh = token_for_page(request)
    field = CsrfField(token)
    signed_in = getattr(request.state, "web_session", None) is not None
    html = (
        environment(lang)
        .get_template(template)
        .render(
            lang=lang,
            html_lang=HTML_LANG[lang],
            other_lang="en" if lang == "zh" else "zh",
            nonce=nonce,
            here=quote(here, safe="/"),
            path=request.url.path,
            law_date=request.app.state.settings.law_date(),
            title_error=title_error,
            **{"csrf_field": field, "csrf_header": token if signed_in else None, **(context or {})},
        )
    )
    response = HTMLResponse(html, status_code=status)
    response.headers["content-language"] = HTML_LANG[lang]
    response.headers["vary"] = "Accept-Language, Cookie"
    if fresh and field.used:
        # Before sign-in the form's token is also kept in a cookie (double submit).
        response.set_cookie(
            ANONYMOUS_COOKIE,
            token,
            httponly=True,
            samesite="lax",
            secure=request.url.scheme == "https",
            path="/",
        )
    return response


def error_page(scope: Scope, status: int, detail: str) -> Response:
    """The page for a 404, 405, 413 or 500 on a web path."""
    request = Request(scope)
    return render(request, "error.html", {"status": status, "detail": detail}, status=status)
