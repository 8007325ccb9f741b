"""Overdue IP (Luoyang art. 14): the assets the government may implement on a chosen day —
funded, the holder able to implement, no justifiable reason, three years passed unused — each
with a one-click notice recorded against the asset (audited) and printed as a bilingual PDF."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from innoreg.records.reports import overdue_ip_figures
from innoreg.records.workflows.ip import issue_notice, notice_document, overdue_assets
from innoreg.service.database import DatabaseDep
from innoreg.service.web import forms
from innoreg.service.web.routes.backoffice.common import (
    PAGE_SIZE,
    READ,
    WRITE,
    PrincipalDep,
    page,
    page_number,
    period,
)

router = APIRouter()
SHOW = ("all", "waiting", "noticed")


@router.get("/back-office/overdue-ip", dependencies=[READ])
def overdue_ip(request: Request, database: DatabaseDep, principal: PrincipalDep) -> Response:
    chosen = period(request, request.query_params, fiscal_year=False)
    show = request.query_params.get("show", "all")
    show = show if show in SHOW else "all"
    number = page_number(request.query_params)
    context: dict[str, Any] = {
        "chosen": chosen,
        "errors": chosen.errors,
        "show": show,
        "number": number,
        "issued": None,
    }
    issued = request.query_params.get("issued", "")
    if not chosen.errors:
        scope = principal.scope()
        noticed = {"all": None, "waiting": False, "noticed": True}[show]
        with database.read() as session:
            assets = overdue_assets(
                session,
                scope=scope,
                as_of=chosen.as_of,
                limit=PAGE_SIZE + 1,
                offset=(number - 1) * PAGE_SIZE,
                noticed=noticed,
            )
            counts = overdue_ip_figures(
                session, scope=scope, fiscal_year=chosen.as_of.year, as_of=chosen.as_of
            ).total
            just_issued = None
            if issued.isdigit():
                just_issued = notice_document(session, scope=scope, notice_id=int(issued))
        context.update(
            assets=assets[:PAGE_SIZE],
            more=len(assets) > PAGE_SIZE,
            counts=counts,
            issued=just_issued,
            base=f"/back-office/overdue-ip?{chosen.query(show=show)}",
        )
    return page(request, principal, "backoffice/overdue_ip.html", context)


@router.post("/back-office/overdue-ip/{asset_id}/notice", dependencies=[WRITE])
def issue(
    asset_id: int,
    request: Request,
    database: DatabaseDep,
    principal: PrincipalDep,
    as_of: Annotated[str, Form(max_length=10)],
    back: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """Record the notice on one asset (or find the one already issued), then back to the list
    with the notice to download."""
    day = forms.iso_date(as_of)
    if day is None:
        from innoreg.errors import InputError

        raise InputError("give the day as YYYY-MM-DD", field="as_of")
    with database.write(actor=principal.actor) as session:
        notice = issue_notice(
            session, scope=principal.scope(), asset_id=asset_id, as_of=day, actor=principal.actor
        )
        notice_id = notice.id
    target = back if back.startswith("/back-office/overdue-ip?") else "/back-office/overdue-ip?"
    return RedirectResponse(f"{target}&issued={notice_id}#issued", status_code=303)


@router.get("/back-office/notices/{notice_id}.pdf", dependencies=[READ])
def notice_pdf(
    notice_id: int, request: Request, database: DatabaseDep, principal: PrincipalDep
) -> Response:
    """The notice as a PDF in both languages (the holder may read either)."""
    from innoreg.service.documents import notice_pdf as printed  # shared with the API

    with database.read() as session:
        document = notice_document(session, scope=principal.scope(), notice_id=notice_id)
    return Response(
        printed(document),
        media_type="application/pdf",
        headers={"content-disposition": f'attachment; filename="innoreg-notice-{notice_id}.pdf"'},
    )
