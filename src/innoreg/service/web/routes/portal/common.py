"""What every portal page needs: the principal's own organisation and the day of the law."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Depends
from sqlalchemy.orm import Session
from starlette.requests import Request

from innoreg.records.models.organisations import Organisation
from innoreg.records.principal import Principal
from innoreg.records.repositories.organisations import get_organisation
from innoreg.service.auth.policy import current_principal

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
