"""What every portal page needs: the principal's own organisation and the day of the law."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import Depends
from markupsafe import Markup, escape
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import HTMLResponse

from innoreg.records.models.organisations import Organisation
from innoreg.records.principal import Principal
from innoreg.records.repositories.organisations import get_organisation
from innoreg.service.auth.csrf import ANONYMOUS_COOKIE, token_for_page
from innoreg.service.auth.csrf import FIELD as CSRF_FIELD
from innoreg.service.auth.policy import current_principal
from innoreg.service.web.render import render

PrincipalDep = Annotated[Principal, Depends(current_principal)]
"""The signed-in caller, as a route parameter."""


def own_organisation(session: Session, principal: Principal) -> Organisation:
    """The caller's organisation, read within the caller's scope (a tenant user without one
    reaches nothing: 404)."""
    return get_organisation(
        session, scope=principal.scope(), organisation_id=principal.organisation_id or 0
    )


def today(request: Request) -> dt.date:
    """The day the portal reads the law and the records at (``INNOREG_TODAY`` in demos)."""
    day: dt.date = request.app.state.settings.law_date()
    return day


def page(
    request: Request,
    template: str,
    context: dict[str, Any],
    *,
    status: int = 200,
    title_error: bool = False,
) -> HTMLResponse:
    """A portal page: ``render`` with the CSRF field every unsafe form carries (the session's
    token; before a session, the ``innoreg_csrf`` cookie's, set here)."""
    token, fresh = token_for_page(request)
    field = Markup(f'<input type="hidden" name="{CSRF_FIELD}" value="{escape(token)}">')
    response = render(
        request,
        template,
        {"csrf_field": field, **context},
        status=status,
        title_error=title_error,
    )
    if fresh:
        response.set_cookie(
            ANONYMOUS_COOKIE,
            token,
            httponly=True,
            samesite="lax",
            path="/",
            secure=request.url.scheme == "https",
        )
    return response
