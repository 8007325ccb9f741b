"""Signing in and out in the browser, and the signed-in account's page.

``/login`` (fields ``email`` and ``password``) starts a server-side session: a random token in
an HttpOnly, SameSite=Lax cookie (Secure under HTTPS), its SHA-256 in the database. ``/logout``
revokes the session in the database, so the cookie opens nothing again, even if it was copied.
Both forms carry a CSRF token (before sign-in, the double-submit cookie's).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse, Response

from innoreg.records.accounts import sessions
from innoreg.records.principal import Principal, Role
from innoreg.service.auth.accounts import (
    SESSION_COOKIE,
    client_address,
    clock_of,
    database_of,
)
from innoreg.service.auth.policy import PUBLIC, Policy, current_principal, guard
from innoreg.service.auth.signin import SignInFailedError, TooManyAttemptsError, sign_in
from innoreg.service.web.csrf import require_csrf
from innoreg.service.web.forms import N_, FieldError
from innoreg.service.web.render import render

router = APIRouter()
ROLE_NAMES = {
    Role.ENTERPRISE_USER: N_("Enterprise user"),
    Role.INSTITUTION_USER: N_("Institution user"),
    Role.REVIEWER: N_("Reviewer"),
    Role.BUREAU_ADMIN: N_("Bureau administrator"),
}
HOME = {
    Role.ENTERPRISE_USER: "/portal",
    Role.INSTITUTION_USER: "/portal",
    Role.REVIEWER: "/back-office/review",
    Role.BUREAU_ADMIN: "/back-office/review",
}


def safe_next(target: str | None) -> str | None:
    """A local path to go back to after signing in; anything else (another site) is dropped."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return None


def _login_page(
    request: Request,
    *,
    email: str = "",
    next_path: str | None = None,
    errors: list[FieldError] | None = None,
    status: int = 200,
) -> Response:
    context: dict[str, Any] = {
        "email": email,
        "next": next_path or "",
        "errors": errors or [],
        "signed_out": request.query_params.get("signed_out") == "1",
    }
    return render(request, "login.html", context, status=status, title_error=bool(errors))


@router.get("/login", dependencies=[guard(PUBLIC)])
def login_form(
    request: Request,
    principal: Annotated[Principal, Depends(current_principal)],
    next: Annotated[str | None, Query(max_length=2000)] = None,
) -> Response:
    if not principal.anonymous:
        return RedirectResponse(safe_next(next) or "/account", status_code=303)
    return _login_page(request, next_path=safe_next(next))


@router.post("/login", dependencies=[guard(PUBLIC), Depends(require_csrf)])
async def login(
    request: Request,
    email: Annotated[str, Form(max_length=254)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    next: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    target = safe_next(next)
    errors = []
    if not email.strip():
        errors.append(FieldError("email", N_("Enter your e-mail address")))
    if not password:
        errors.append(FieldError("password", N_("Enter your password")))
    if errors:
        return _login_page(request, email=email, next_path=target, errors=errors, status=422)
    try:
        account = await sign_in(request, email, password, via="session")
    except TooManyAttemptsError as limited:
        error = FieldError(
            "email",
            N_("Too many attempts to sign in from this address. Try again in %(seconds)s seconds."),
            {"seconds": limited.wait},
        )
        response = _login_page(request, email=email, next_path=target, errors=[error], status=429)
        response.headers["retry-after"] = str(limited.wait)
        return response
    except SignInFailedError as refused:
        error = _refusal(refused)
        return _login_page(request, email=email, next_path=target, errors=[error], status=401)
    token, _live = await run_in_threadpool(
        lambda: sessions.start_session(
            database_of(request),
            account,
            now=clock_of(request),
            user_agent=request.headers.get("user-agent", ""),
            ip=client_address(request),
        )
    )
    response = RedirectResponse(target or "/account", status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
        max_age=int(sessions.ABSOLUTE.total_seconds()),
    )
    return response


def _refusal(refused: SignInFailedError) -> FieldError:
    if refused.locked_until is not None:
        until = refused.locked_until.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        return FieldError(
            "email",
            N_(
                "Too many wrong passwords: the account is locked until %(until)s. Try again "
                "after that, or ask the bureau to reset your password."
            ),
            {"until": until},
        )
    return FieldError("email", N_("The e-mail address or the password is wrong"))


@router.post("/logout", dependencies=[guard(PUBLIC), Depends(require_csrf)])
async def logout(request: Request) -> Response:
    """End the session on the server (its row is revoked), then forget the cookie."""
    live = getattr(request.state, "web_session", None)
    if live is not None:
        await run_in_threadpool(
            sessions.end_session,
            database_of(request),
            live.id,
            now=clock_of(request),
            ip=client_address(request),
        )
    response = RedirectResponse("/login?signed_out=1", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/account", dependencies=[guard(Policy.of(*Role, tenant="own"))])
def account(
    request: Request, principal: Annotated[Principal, Depends(current_principal)]
) -> Response:
    live = getattr(request.state, "web_session", None)
    assert principal.role is not None
    context = {
        "principal": principal,
        "role_name": ROLE_NAMES[principal.role],
        "home": HOME[principal.role],
        "expires_at": live.expires_at.strftime("%Y-%m-%d %H:%M UTC") if live else None,
    }
    return render(request, "account.html", context)
