"""The per-user secret iCalendar feed of every deadline of the organisation: IP
implementation deadlines (Luoyang art. 14), annual IP reports, certificate expiries.

Calendar programs cannot sign in, so the feed's address carries a random token (stored
hashed). The feed route still declares the tenant policy: the token is resolved to its
user's principal, read-only, before the guard runs, so the guard and the repositories treat
it as that user — and nothing else."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from innoreg.records.principal import Principal, Role
from innoreg.records.reports.cached import Kept, records_state
from innoreg.records.repositories.feeds import feed_owner, has_feed, new_feed, revoke_feeds
from innoreg.records.repositories.ip_assets import assets_of
from innoreg.service.auth.accounts import database_of
from innoreg.service.auth.policy import AuthError, guard
from innoreg.service.database import DatabaseDep
from innoreg.service.web.ics import calendar_of
from innoreg.service.web.routes.portal import READ, READS, WRITES
from innoreg.service.web.routes.portal.common import PrincipalDep, own_organisation, page, today
from innoreg.service.web.routes.portal.ip import deadline_state, report_years

router = APIRouter()


def feed_principal(request: Request, token: str) -> None:
    """The feed token's owner as the request's principal (read-only, like a token)."""
    database = database_of(request)
    with database.read() as session:
        user = feed_owner(session, token.removesuffix(".ics"))
        if user is None:
            raise AuthError(401, "this calendar address is not (or no longer) valid")
        request.state.principal = Principal(
            user_id=user.id,
            role=Role(user.role),
            organisation_id=user.organisation_id,
            email=user.email,
            via="calendar_feed",
            token_scopes=frozenset({"read"}),
        )


@router.get("/portal/calendar", dependencies=READS)
def calendar_page(request: Request, database: DatabaseDep, principal: PrincipalDep) -> Response:
    with database.read() as session:
        organisation = own_organisation(session, principal)
        active = has_feed(session, user_id=principal.user_id or 0)
    return page(
        request,
        "portal/calendar.html",
        {
            "principal": principal,
            "section": "ip",
            "organisation": organisation,
            "active": active,
            "address": None,
        },
    )


@router.post("/portal/calendar", dependencies=WRITES)
async def make_feed(request: Request, database: DatabaseDep, principal: PrincipalDep) -> Response:
    form = await request.form()
    with database.write(actor=principal.actor) as session:
        organisation = own_organisation(session, principal)
        if form.get("action") == "revoke":
            revoke_feeds(session, user_id=principal.user_id or 0)
            token = None
        else:
            token = new_feed(session, user_id=principal.user_id or 0)
    address = f"{request.base_url}portal/calendar/{token}.ics" if token else None
    return page(
        request,
        "portal/calendar.html",
        {
            "principal": principal,
            "section": "ip",
            "organisation": organisation,
            "active": token is not None,
            "address": address,
            "revoked": token is None,
        },
    )


_feeds: Kept[str] = Kept(256)
"""Feeds already built, by (organisation, day, audit chain head): calendar programs poll the
same address every few hours, and while no write has moved the head the feed is the same."""


@router.get("/portal/calendar/{token}", dependencies=[Depends(feed_principal), guard(READ)])
def feed(request: Request, token: str, database: DatabaseDep) -> Response:
    principal: Principal = request.state.principal
    day = today(request)
    with database.read() as session:
        organisation = own_organisation(session, principal)
        body = _feeds.get_or_make(
            (organisation.id, day, records_state(session)),
            lambda: calendar_of(deadlines(session, principal, organisation, day), name="deadlines"),
        )
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={"cache-control": "private, no-store", "referrer-policy": "no-referrer"},
    )


def deadlines(
    session: Any, principal: Principal, organisation: Any, day: dt.date
) -> list[tuple[dt.date, str, str]]:
    """Every deadline of the organisation, by day: IP implementation deadlines not met,
    annual IP reports not filed (overdue and the next due), certificate ends."""
    events: list[tuple[dt.date, str, str]] = []
    for asset in assets_of(session, scope=principal.scope(), organisation_id=organisation.id):
        label = f"{asset.registration_no} {asset.title}"
        if asset.implementation_deadline and deadline_state(asset, day) != "implemented":
            events.append(
                (
                    asset.implementation_deadline,
                    f"实施期限 Implementation deadline: {label}",
                    "《洛阳市科学技术进步条例》第十四条 Luoyang regulations art. 14",
                )
            )
        for year in report_years(asset, day + dt.timedelta(days=366)):
            if year.filed_on is None:
                events.append(
                    (
                        year.due_on,
                        f"{year.year}年度知识产权报告 IP annual report {year.year}: {label}",
                        "Luoyang regulations art. 14",
                    )
                )
    for certificate in organisation.certificates:
        if certificate.valid_until is not None:
            events.append(
                (
                    certificate.valid_until,
                    f"证书到期 Certificate ends: {certificate.kind} {certificate.number or ''}",
                    organisation.name,
                )
            )
    events.sort()
    return events
