"""The organisation's page: its details, its certificates with expiry warnings, and its
entries in the bureau's registers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fastapi import APIRouter, Request
from starlette.responses import Response

from innoreg.records.models.organisations import Certificate
from innoreg.records.repositories.registries import entries_of
from innoreg.service.database import DatabaseDep
from innoreg.service.web.routes.portal import READS
from innoreg.service.web.routes.portal.common import PrincipalDep, own_organisation, page, today

router = APIRouter()
EXPIRY_WARNING_DAYS = 90
"""A certificate ending within this many days is flagged, so that renewal starts in time (a
high-tech certificate's renewal takes months)."""


@dataclass(frozen=True)
class Validity:
    """Where a dated recognition stands on a day: ``valid``, ``expiring`` (within the
    warning window), ``expired`` or ``future``, and the days left."""

    state: str
    days_left: int | None


def validity(valid_from: dt.date, valid_until: dt.date | None, day: dt.date) -> Validity:
    if day < valid_from:
        return Validity("future", None)
    if valid_until is None:
        return Validity("valid", None)
    left = (valid_until - day).days
    if left < 0:
        return Validity("expired", left)
    return Validity("expiring" if left <= EXPIRY_WARNING_DAYS else "valid", left)


@router.get("/portal", dependencies=READS)
def organisation_page(request: Request, database: DatabaseDep, principal: PrincipalDep) -> Response:
    day = today(request)
    with database.read() as session:
        organisation = own_organisation(session, principal)
        certificates: list[tuple[Certificate, Validity]] = [
            (c, validity(c.valid_from, c.valid_until, day)) for c in organisation.certificates
        ]
        entries = [
            (e, validity(e.valid_from, e.valid_until, day))
            for e in entries_of(session, scope=principal.scope(), organisation_id=organisation.id)
        ]
        return page(
            request,
            "portal/organisation.html",
            {
                "organisation": organisation,
                "certificates": certificates,
                "entries": entries,
                "today": day,
                "warning_days": EXPIRY_WARNING_DAYS,
                "principal": principal,
                "section": "organisation",
            },
        )
