"""The review queue: applications for municipal support filtered by state, reviewer, district,
fiscal year or name, with counts by state; one application with its filing's determination
and its history; assignment (the bureau's admin), and a reviewer's moves — start the review,
return for changes with a reason, approve or reject with a reason. Every step is recorded
(``records.workflows``) and shown in the history."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from innoreg.records.errors import ConflictError, NotFoundError, WorkflowError
from innoreg.records.models.applications import APPLICATION_STATES
from innoreg.records.principal import Principal, Role
from innoreg.records.workflows.applications import TRANSITIONS
from innoreg.records.workflows.review import (
    UNASSIGNED,
    QueueFilter,
    assign,
    get_application,
    history,
    review_move,
    review_queue,
    reviewers,
)
from innoreg.service.database import DatabaseDep
from innoreg.service.web import forms
from innoreg.service.web.forms import N_, FieldError, Invalid
from innoreg.service.web.routes.backoffice.common import (
    ADMIN_WRITE,
    PAGE_SIZE,
    READ,
    WRITE,
    PrincipalDep,
    page,
    page_number,
)

router = APIRouter()
FormText = Annotated[str, Form()]
MOVES = ("under_review", "returned", "approved", "rejected")
"""What a reviewer may do; the applicant alone submits."""
MAX_REASON = 1000
STALE = N_(
    "Someone else changed this application since you opened it. Read its history below and "
    "decide again."
)


STATE_NAMES = {
    "draft": N_("Draft"),
    "submitted": N_("Submitted"),
    "returned": N_("Returned for changes"),
    "under_review": N_("Under review"),
    "approved": N_("Approved"),
    "rejected": N_("Rejected"),
}


def _refused(field: str, exc: WorkflowError, request: Request) -> FieldError:
    """The workflow's refusal in the page's language: the state it is in says why."""
    if exc.state in STATE_NAMES:
        from innoreg.service.web.i18n import catalogues
        from innoreg.service.web.render import language

        state = catalogues()[language(request)].gettext(STATE_NAMES[exc.state])
        return FieldError(
            field, N_("This cannot be done now: the application is “%(state)s”."), {"state": state}
        )
    return FieldError(field, exc.message, catalogued=False)


def _filter(params: Any, principal: Principal) -> tuple[QueueFilter, dict[str, str]]:
    raw = {k: str(v)[: forms.MAX_FIELD_CHARS] for k, v in params.items()}
    state = raw.get("state", "")
    assigned = raw.get("assigned", "")
    reviewer: int | None = None
    if assigned == "me":
        reviewer = principal.user_id
    elif assigned == "none":
        reviewer = UNASSIGNED
    elif assigned.isdigit():
        reviewer = int(assigned)
    year = raw.get("fiscal_year", "").strip()
    chosen = QueueFilter(
        state=state if state in APPLICATION_STATES else None,
        reviewer=reviewer,
        district=raw.get("district", "").strip() or None,
        fiscal_year=int(year) if year.isdigit() and len(year) == 4 else None,
        search=raw.get("q", "").strip(),
    )
    return chosen, raw


@router.get("/back-office/review", dependencies=[READ])
def queue(request: Request, database: DatabaseDep, principal: PrincipalDep) -> Response:
    chosen, raw = _filter(request.query_params, principal)
    number = page_number(request.query_params)
    with database.read() as session:
        found = review_queue(
            session,
            scope=principal.scope(),
            chosen=chosen,
            limit=PAGE_SIZE,
            offset=(number - 1) * PAGE_SIZE,
        )
        choices = reviewers(session) if principal.role is Role.BUREAU_ADMIN else []
    from urllib.parse import urlencode

    kept = {k: raw[k] for k in ("state", "assigned", "district", "fiscal_year", "q") if raw.get(k)}
    return page(
        request,
        principal,
        "backoffice/review_queue.html",
        {
            "queue": found,
            "values": raw,
            "states": APPLICATION_STATES,
            "reviewers": choices,
            "number": number,
            "base": f"/back-office/review?{urlencode(kept)}",
            "total": sum(found.by_state.values()),
        },
    )


def _detail(
    request: Request,
    database: DatabaseDep,
    principal: Principal,
    application_id: int,
    *,
    errors: list[FieldError] | None = None,
    values: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    with database.read() as session:
        application = get_application(
            session, scope=principal.scope(), application_id=application_id
        )
        steps = history(session, application)
        from innoreg.records.models.filings import AnnualFiling
        from innoreg.records.models.organisations import Organisation

        filing = session.get(AnnualFiling, application.filing_id)
        organisation = session.get(Organisation, application.organisation_id)
        choices = reviewers(session) if principal.role is Role.BUREAU_ADMIN else []
        reviewer = dict(choices).get(application.reviewer_id or -1)
        if application.reviewer_id and reviewer is None:
            from innoreg.records.models.accounts import User

            user = session.get(User, application.reviewer_id)
            reviewer = user.email if user else None
    if filing is None or organisation is None:
        raise NotFoundError("application", application_id)
    moves = [m for m in TRANSITIONS[application.state] if m in MOVES]
    return page(
        request,
        principal,
        "backoffice/review_application.html",
        {
            "application": application,
            "filing": filing,
            "organisation": organisation,
            "steps": steps,
            "moves": moves,
            "reviewers": choices,
            "reviewer": reviewer,
            "errors": errors or [],
            "values": values or {},
            "done": request.query_params.get("done", ""),
        },
        status=status,
    )


@router.get("/back-office/review/{application_id}", dependencies=[READ])
def application_page(
    application_id: int, request: Request, database: DatabaseDep, principal: PrincipalDep
) -> Response:
    return _detail(request, database, principal, application_id)


@router.post("/back-office/review/{application_id}/move", dependencies=[WRITE])
def decide(
    application_id: int,
    request: Request,
    database: DatabaseDep,
    principal: PrincipalDep,
    move: FormText = "",
    reason: FormText = "",
    version: FormText = "",
) -> Response:
    """Start the review, return for changes, approve or reject; a reason where the
    applicant needs one (returned, rejected) and always kept when given."""
    values = {"move": move[:40], "reason": reason[: MAX_REASON + 1], "version": version[:12]}
    errors: list[FieldError] = []
    try:
        to_state = forms.choice(
            values.get("move"), MOVES, required=N_("Select what to do with the application")
        )
    except Invalid as exc:
        errors.append(FieldError("move", exc.message, exc.params))
        to_state = ""
    reason = values.get("reason", "").strip()
    if len(reason) > MAX_REASON:
        errors.append(FieldError("reason", N_("Enter at most %(n)s characters"), {"n": MAX_REASON}))
    elif to_state in ("returned", "rejected") and not reason:
        errors.append(
            FieldError("reason", N_("Give the reason: the applicant reads it with the decision"))
        )
    if not errors:
        try:
            with database.write(actor=principal.actor) as session:
                review_move(
                    session,
                    scope=principal.scope(),
                    application_id=application_id,
                    to_state=to_state,
                    actor=principal.actor,
                    reason=reason,
                    expected_version=int(version) if version.isdigit() else None,
                )
        except ConflictError:
            errors.append(FieldError("move", STALE))
        except WorkflowError as exc:
            errors.append(_refused("move", exc, request))
    if errors:
        return _detail(
            request, database, principal, application_id, errors=errors, values=values, status=422
        )
    return RedirectResponse(
        f"/back-office/review/{application_id}?done={to_state}#history", status_code=303
    )


@router.post("/back-office/review/{application_id}/assign", dependencies=[ADMIN_WRITE])
def assign_reviewer(
    application_id: int,
    request: Request,
    database: DatabaseDep,
    principal: PrincipalDep,
    reviewer: FormText = "",
    version: FormText = "",
) -> Response:
    """Assign the application to a reviewer, or to no one."""
    chosen = reviewer[:12]
    errors: list[FieldError] = []
    if not (chosen == "none" or chosen.isdigit()):
        errors.append(FieldError("reviewer", N_("Select a reviewer, or no one")))
    else:
        try:
            with database.write(actor=principal.actor) as session:
                assign(
                    session,
                    scope=principal.scope(),
                    application_id=application_id,
                    reviewer_id=None if chosen == "none" else int(chosen),
                    actor=principal.actor,
                    expected_version=int(version) if version.isdigit() else None,
                )
        except ConflictError:
            errors.append(FieldError("reviewer", STALE))
        except WorkflowError as exc:
            errors.append(_refused("reviewer", exc, request))
    if errors:
        return _detail(
            request,
            database,
            principal,
            application_id,
            errors=errors,
            values={"reviewer": chosen},
            status=422,
        )
    return RedirectResponse(
        f"/back-office/review/{application_id}?done=assigned#history", status_code=303
    )
