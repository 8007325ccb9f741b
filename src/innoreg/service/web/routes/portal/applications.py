"""Applications for municipal support: start one (only when the filing's determination allows
support), submit it, answer a return for changes, and follow its status history with the
reasons given at each step (the workflow is ``records/workflows/applications.py``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from innoreg.records.errors import WorkflowError
from innoreg.records.models.filings import AnnualFiling
from innoreg.records.repositories.applications import applications_of, get_application
from innoreg.records.repositories.filings import list_filings
from innoreg.records.workflows.applications import create_application, move
from innoreg.service.database import DatabaseDep
from innoreg.service.web import forms
from innoreg.service.web.forms import N_, FieldError, Invalid
from innoreg.service.web.routes.portal import READS, WRITES
from innoreg.service.web.routes.portal.common import PrincipalDep, own_organisation, page, today

router = APIRouter()
REQUIRED = {
    "programme": N_("Enter the programme you apply to"),
    "answer": N_("Say what you changed in answer to the bureau"),
}


def programme_for(year: int) -> str:
    """The municipal S&T plan a filing for ``year`` applies to (the next year's)."""
    return f"{year + 1}年度洛阳市科技计划项目"


def _decided(session: Any, principal: Any, organisation_id: int) -> list[AnnualFiling]:
    return [
        f
        for f in list_filings(session, scope=principal.scope(), organisation_id=organisation_id)
        if f.determination_id is not None
    ]


@router.get("/portal/applications", dependencies=READS)
def applications_page(request: Request, database: DatabaseDep, principal: PrincipalDep) -> Response:
    with database.read() as session:
        organisation = own_organisation(session, principal)
        rows = applications_of(session, scope=principal.scope(), organisation_id=organisation.id)
        years = {f.id: f.fiscal_year for f in _decided(session, principal, organisation.id)}
        return page(
            request,
            "portal/applications.html",
            {
                "principal": principal,
                "section": "applications",
                "organisation": organisation,
                "applications": rows,
                "years": years,
            },
        )


def _new_page(
    request: Request,
    session: Any,
    principal: Any,
    *,
    year: int | None,
    errors: list[FieldError],
    values: dict[str, str],
) -> Response:
    organisation = own_organisation(session, principal)
    decided = _decided(session, principal, organisation.id)
    filing = next((f for f in decided if f.fiscal_year == year), decided[0] if decided else None)
    return page(
        request,
        "portal/application_new.html",
        {
            "principal": principal,
            "section": "applications",
            "organisation": organisation,
            "filing": filing,
            "decided": decided,
            "errors": errors,
            "values": values or {"programme": programme_for(filing.fiscal_year) if filing else ""},
        },
        title_error=bool(errors),
    )


@router.get("/portal/applications/new", dependencies=READS)
def new_application(request: Request, database: DatabaseDep, principal: PrincipalDep) -> Response:
    raw = request.query_params.get("year", "")
    with database.read() as session:
        return _new_page(
            request,
            session,
            principal,
            year=int(raw) if raw.isdigit() else None,
            errors=[],
            values={},
        )


@router.post("/portal/applications/new", dependencies=WRITES)
async def start_application(
    request: Request, database: DatabaseDep, principal: PrincipalDep
) -> Response:
    form = await request.form()
    raw = {k: str(v)[: forms.MAX_FIELD_CHARS + 1] for k, v in form.items()}
    year = int(raw["year"]) if raw.get("year", "").isdigit() else None
    try:
        programme = forms.text(raw.get("programme"))
        if not programme:
            raise Invalid(REQUIRED["programme"])
    except Invalid as exc:
        with database.read() as session:
            error = FieldError("programme", exc.message, exc.params)
            return _new_page(request, session, principal, year=year, errors=[error], values=raw)
    with database.write(actor=principal.actor) as session:
        organisation = own_organisation(session, principal)
        filing = next(
            (f for f in _decided(session, principal, organisation.id) if f.fiscal_year == year),
            None,
        )
        if filing is None or filing.support_eligible is not True:
            raise WorkflowError(
                f"no application can be started on the filing for {year}: its determination "
                "does not allow municipal support (Luoyang art. 7 ¶1)",
                state="not_eligible",
            )
        application = create_application(
            session,
            scope=principal.scope(),
            filing_id=filing.id,
            programme=programme,
            actor=principal.actor,
        )
        ident = application.id
    return RedirectResponse(f"/portal/applications/{ident}", status_code=303)


def _application_page(
    request: Request, session: Any, principal: Any, application_id: int, errors: list[FieldError]
) -> Response:
    application = get_application(session, scope=principal.scope(), application_id=application_id)
    filing = session.get(AnnualFiling, application.filing_id)
    returned = next(
        (t for t in reversed(application.transitions) if t.to_state == "returned"), None
    )
    return page(
        request,
        "portal/application.html",
        {
            "principal": principal,
            "section": "applications",
            "organisation": own_organisation(session, principal),
            "application": application,
            "filing": filing,
            "returned": returned if application.state == "returned" else None,
            "errors": errors,
        },
        title_error=bool(errors),
    )


@router.get("/portal/applications/{application_id}", dependencies=READS)
def application_page(
    request: Request, application_id: int, database: DatabaseDep, principal: PrincipalDep
) -> Response:
    with database.read() as session:
        return _application_page(request, session, principal, application_id, [])


@router.post("/portal/applications/{application_id}/submit", dependencies=WRITES)
async def submit_application(
    request: Request, application_id: int, database: DatabaseDep, principal: PrincipalDep
) -> Response:
    form = await request.form()
    answer = str(form.get("answer", "")).strip()[:1000]
    errors: list[FieldError] = []
    with database.read() as session:
        state = get_application(
            session, scope=principal.scope(), application_id=application_id
        ).state
    if state == "returned" and not answer:
        errors.append(FieldError("answer", REQUIRED["answer"]))
    if not errors:
        try:
            with database.write(actor=principal.actor) as session:
                move(
                    session,
                    scope=principal.scope(),
                    application_id=application_id,
                    to_state="submitted",
                    actor=principal.actor,
                    reason=answer,
                    day=today(request),
                )
        except WorkflowError as exc:
            errors.append(FieldError("submit", exc.message, catalogued=False))
        else:
            return RedirectResponse(
                f"/portal/applications/{application_id}?submitted=1", status_code=303
            )
    with database.read() as session:
        return _application_page(request, session, principal, application_id, errors)
