"""Cross-site request forgery: a synchronizer token, checked with the Origin header.

A signed-in browser's session has its own random CSRF token (stored with the session); every
unsafe request it makes — a form post, or an API call carried by the session cookie — must send
that token, in the form field ``csrf_token`` or the ``X-CSRF-Token`` header, and must not come
from another site (``Sec-Fetch-Site``, ``Origin``, else ``Referer``). Before signing in (the
sign-in form itself) the token is a random value in the ``innoreg_csrf`` cookie, which the
form repeats.
Bearer and API-token callers carry no ambient credentials and need no token.
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlsplit

from starlette.requests import Request

from innoreg.service.auth.policy import SAFE_METHODS, AuthError, resolve_principal

FIELD = "csrf_token"
HEADER = "x-csrf-token"
ANONYMOUS_COOKIE = "innoreg_csrf"
_FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")


def expected_token(request: Request) -> str | None:
    """The token this browser must send: its session's, else its pre-sign-in cookie's."""
    live = getattr(request.state, "web_session", None)
    if live is not None:
        return str(live.csrf_token)
    return request.cookies.get(ANONYMOUS_COOKIE) or None


def token_for_page(request: Request) -> tuple[str, bool]:
    """The token a page's forms carry, and whether it is new (then the page sets the
    ``innoreg_csrf`` cookie)."""
    expected = expected_token(request)
    if expected:
        return expected, False
    fresh = getattr(request.state, "fresh_csrf", None)
    if fresh is None:
        fresh = secrets.token_urlsafe(32)
        request.state.fresh_csrf = fresh
    return str(fresh), True


def same_origin(request: Request) -> bool:
    """False when the request says it comes from another site: ``Sec-Fetch-Site``, then
    ``Origin``, then ``Referer``. (Our pages send no referrer, so browsers send ``Origin: null``
    on their own form posts: that, or no header at all, leaves the decision to the token.)"""
    own = f"{request.url.scheme}://{request.url.netloc}".lower()
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site in ("cross-site", "same-site"):
        return False
    origin = request.headers.get("origin")
    if origin is not None and origin != "null":
        return origin.lower() == own
    referer = request.headers.get("referer")
    if origin is None and referer:
        parts = urlsplit(referer)
        return f"{parts.scheme}://{parts.netloc}".lower() == own
    return True


async def check_csrf(request: Request) -> None:
    """Refuse (403) an unsafe request from another origin or without the expected token."""
    if request.method in SAFE_METHODS:
        return
    if not same_origin(request):
        raise AuthError(403, "refused: the request comes from another site")
    expected = expected_token(request)
    sent = request.headers.get(HEADER)
    content_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if sent is None and content_type in _FORMS:
        value = (await request.form()).get(FIELD)
        sent = value if isinstance(value, str) else None
    if not expected or not sent or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise AuthError(
            403,
            "refused: the form's security token is missing or out of date; "
            "go back, reload the page and try again",
        )


async def require_csrf(request: Request) -> None:
    """A dependency for unsafe form routes, public ones included (the sign-in and sign-out
    forms): bearer and API-token callers pass, everyone else must send the token."""
    principal = await resolve_principal(request)
    if principal.via in ("bearer", "api_token"):
        return
    await check_csrf(request)
