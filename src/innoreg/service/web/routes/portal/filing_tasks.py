"""The annual filing as a task list: each task a short form saved as a draft (save and
continue, or save and come back later), a check-your-answers page, and on submission the
filing decided and its determination shown."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Request
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response

from innoreg.records.models.filings import SIZE_CLASSES
from innoreg.records.repositories.filings import filing_for_year, get_draft, save_draft_answers
from innoreg.records.workflows.filings import submit_draft
from innoreg.service.database import DatabaseDep
from innoreg.service.web import forms
from innoreg.service.web.forms import N_, FieldError, Invalid
from innoreg.service.web.routes.portal import READS, WRITES
from innoreg.service.web.routes.portal.common import PrincipalDep, own_organisation, page, today

router = APIRouter()
TASKS: dict[str, tuple[str, ...]] = {
    "figures": ("sales_revenue", "rd_expense", "rd_expense_q4"),
    "status": ("above_designated_size", "size_class", "special_rd_account"),
}
OPTIONAL = ("rd_expense_q4",)
REQUIRED = {
    "sales_revenue": N_("Enter the sales revenue for the year"),
    "rd_expense": N_("Enter the R&D expense for the year"),
    "rd_expense_q4": N_("Enter the fourth quarter's R&D expense, or leave it blank"),
    "above_designated_size": N_("Select yes if the enterprise is above designated size"),
    "size_class": N_("Select the enterprise's size"),
    "special_rd_account": N_("Select yes if the R&D expense is kept in a special account"),
}
PARSERS: dict[str, Callable[[str | None, str], str]] = {
    "sales_revenue": lambda v, r: forms.money(v, required=r),
    "rd_expense": lambda v, r: forms.money(v, required=r),
    "rd_expense_q4": lambda v, r: forms.money(v, required=r),
    "above_designated_size": lambda v, r: forms.choice(v, ("yes", "no"), required=r),
    "size_class": lambda v, r: forms.choice(v, SIZE_CLASSES, required=r),
    "special_rd_account": lambda v, r: forms.choice(v, ("yes", "no"), required=r),
}


def task_state(task: str, answers: Mapping[str, Any]) -> str:
    """``not_started``, ``in_progress`` or ``completed`` from the answers saved."""
    names = TASKS[task]
    given = [n for n in names if answers.get(n) not in (None, "")]
    required = [n for n in names if n not in OPTIONAL]
    if all(n in given for n in required):
        return "completed"
    return "in_progress" if given else "not_started"


def _year(request: Request, year: int) -> int:
    """A year one may file: up to the last finished fiscal year."""
    if not 1990 <= year <= today(request).year - 1:
        raise HTTPException(404, f"no filing for {year} can be made")
    return year


def parse_task(
    task: str, raw: Mapping[str, str], *, complete: bool
) -> tuple[dict[str, str], list[str], list[FieldError]]:
    """The task's answers that hold, the names left blank, and the errors; ``complete``
    (save and continue) asks for every required answer, saving for later only checks what
    was typed."""
    answers: dict[str, str] = {}
    blank: list[str] = []
    errors: list[FieldError] = []
    for name in TASKS[task]:
        value = (raw.get(name) or "").strip()
        if not value and (name in OPTIONAL or not complete):
            blank.append(name)
            continue
        try:
            answers[name] = PARSERS[name](value, REQUIRED[name])
        except Invalid as exc:
            errors.append(FieldError(name, exc.message, exc.params))
    q4, whole = answers.get("rd_expense_q4"), answers.get("rd_expense")
    if q4 is not None and whole is not None and Decimal(q4) > Decimal(whole):
        message = N_("The fourth quarter's R&D expense cannot be more than the year's")
        errors.append(FieldError("rd_expense_q4", message))
        answers.pop("rd_expense_q4")
    return answers, blank, errors


def _task_list_context(answers: Mapping[str, Any]) -> list[dict[str, str]]:
    return [{"task": task, "state": task_state(task, answers)} for task in TASKS]


@router.get("/portal/filings/{year}", dependencies=READS)
def task_list(
    request: Request, year: int, database: DatabaseDep, principal: PrincipalDep
) -> Response:
    year = _year(request, year)
    with database.read() as session:
        organisation = own_organisation(session, principal)
        scope = principal.scope()
        if filing_for_year(session, scope=scope, organisation_id=organisation.id, fiscal_year=year):
            return RedirectResponse(f"/portal/filings/{year}/determination", status_code=303)
        draft = get_draft(session, scope=scope, organisation_id=organisation.id, fiscal_year=year)
        answers = draft.answers if draft else {}
        tasks = _task_list_context(answers)
        return page(
            request,
            "portal/filing_tasks.html",
            {
                "principal": principal,
                "section": "filings",
                "organisation": organisation,
                "year": year,
                "tasks": tasks,
                "done": sum(t["state"] == "completed" for t in tasks),
                "ready": all(t["state"] == "completed" for t in tasks),
                "saved_at": draft.updated_at if draft else None,
            },
        )


def _task_page(
    request: Request,
    *,
    principal: Any,
    organisation: Any,
    year: int,
    task: str,
    values: Mapping[str, Any],
    errors: list[FieldError],
    version: int | None,
    status: int = 200,
) -> Response:
    return page(
        request,
        "portal/filing_task.html",
        {
            "principal": principal,
            "section": "filings",
            "organisation": organisation,
            "year": year,
            "task": task,
            "values": values,
            "errors": errors,
            "version": version,
            "sizes": SIZE_CLASSES,
        },
        status=status,
        title_error=bool(errors),
    )


@router.get("/portal/filings/{year}/{task}", dependencies=READS)
def task_form(
    request: Request, year: int, task: str, database: DatabaseDep, principal: PrincipalDep
) -> Response:
    year = _year(request, year)
    if task == "check":
        return check_page(request, year, database, principal)
    if task not in TASKS:
        raise HTTPException(404, "no such task")
    with database.read() as session:
        organisation = own_organisation(session, principal)
        draft = get_draft(
            session, scope=principal.scope(), organisation_id=organisation.id, fiscal_year=year
        )
        answers = dict(draft.answers) if draft else {}
        return _task_page(
            request,
            principal=principal,
            organisation=organisation,
            year=year,
            task=task,
            values=answers,
            errors=[],
            version=draft.version if draft else None,
        )


@router.post("/portal/filings/{year}/{task}", dependencies=WRITES)
async def save_task(
    request: Request, year: int, task: str, database: DatabaseDep, principal: PrincipalDep
) -> Response:
    year = _year(request, year)
    if task == "check":
        return await submit(request, year, database, principal)
    if task not in TASKS:
        raise HTTPException(404, "no such task")
    form = await request.form()
    raw = {k: str(v)[: forms.MAX_FIELD_CHARS + 1] for k, v in form.items()}
    later = raw.get("action") == "later"
    answers, blank, errors = parse_task(task, raw, complete=not later)
    version = int(raw["version"]) if raw.get("version", "").isdigit() else None
    with database.write(actor=principal.actor) as session:
        organisation = own_organisation(session, principal)
        if filing_for_year(
            session, scope=principal.scope(), organisation_id=organisation.id, fiscal_year=year
        ):
            return RedirectResponse(f"/portal/filings/{year}/determination", status_code=303)
        draft = save_draft_answers(
            session,
            scope=principal.scope(),
            organisation_id=organisation.id,
            fiscal_year=year,
            answers=answers,
            forget=blank,
            actor=principal.actor,
            expected_version=version,
        )
        if errors:
            kept = {name: raw.get(name, "") for name in TASKS[task]}
            return _task_page(
                request,
                principal=principal,
                organisation=organisation,
                year=year,
                task=task,
                values=kept,
                errors=errors,
                version=draft.version,
            )
    return RedirectResponse(f"/portal/filings/{year}?saved={task}", status_code=303)


def check_page(request: Request, year: int, database: Any, principal: Any) -> Response:
    with database.read() as session:
        organisation = own_organisation(session, principal)
        scope = principal.scope()
        if filing_for_year(session, scope=scope, organisation_id=organisation.id, fiscal_year=year):
            return RedirectResponse(f"/portal/filings/{year}/determination", status_code=303)
        draft = get_draft(session, scope=scope, organisation_id=organisation.id, fiscal_year=year)
        answers = dict(draft.answers) if draft else {}
        tasks = _task_list_context(answers)
        return page(
            request,
            "portal/filing_check.html",
            {
                "principal": principal,
                "section": "filings",
                "organisation": organisation,
                "year": year,
                "answers": answers,
                "tasks": tasks,
                "ready": all(t["state"] == "completed" for t in tasks),
                "version": draft.version if draft else None,
            },
        )


async def submit(request: Request, year: int, database: Any, principal: Any) -> Response:
    form = await request.form()
    version = str(form.get("version", ""))
    with database.write(actor=principal.actor) as session:
        organisation = own_organisation(session, principal)
        submit_draft(
            session,
            scope=principal.scope(),
            organisation_id=organisation.id,
            fiscal_year=year,
            actor=principal.actor,
            day=today(request),
            expected_version=int(version) if version.isdigit() else None,
        )
    return RedirectResponse(f"/portal/filings/{year}/determination?submitted=1", status_code=303)
