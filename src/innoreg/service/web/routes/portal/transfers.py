"""Transfers of job-related achievements: the organisation's transfers, a form to record one
with its reward plan checked against the least reward the law sets as it is typed (htmx) and
on the server without JavaScript, who receives what, the basis, and making it final.

The checking is the public transfer calculator's (``routes/transfer.py``: the same case and
the same result template), with the holder's facts taken from the records."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from innoreg.errors import InnoregError
from innoreg.records.errors import WorkflowError
from innoreg.records.models.organisations import Organisation
from innoreg.records.repositories.transfers import (
    Share,
    get_transfer,
    record_transfer,
    transfers_of,
)
from innoreg.records.workflows.transfers import (
    HOLDER_KINDS,
    decide_transfer,
    finalise_transfer,
    transfer_subject,
)
from innoreg.rules.money import parse_money
from innoreg.service import decisions
from innoreg.service.database import DatabaseDep
from innoreg.service.errors import form_errors
from innoreg.service.web import forms
from innoreg.service.web.forms import N_, FieldError, Invalid
from innoreg.service.web.render import language
from innoreg.service.web.routes.portal import READS, WRITES
from innoreg.service.web.routes.portal.common import PrincipalDep, own_organisation, page, today
from innoreg.service.web.routes.transfer import ENGINE_FIELDS, case_from, result_context

router = APIRouter()
ROWS = 2
"""Reward-plan rows shown at first; *Add another person* adds one (without JavaScript)."""
MAX_ROWS = 30
REQUIRED = {
    "achievement": N_("Enter the achievement transferred"),
    "concluded_on": N_("Enter the day the contract was concluded"),
    "name": N_("Enter the person's name"),
    "cash": N_("Enter the cash reward, or 0"),
}


def _rows(raw: dict[str, str]) -> int:
    count = raw.get("rows", "")
    rows = int(count) if count.isdigit() else ROWS
    if raw.get("action") == "add":
        rows += 1
    return max(1, min(rows, MAX_ROWS))


def read_form(
    raw: dict[str, str], organisation: Organisation
) -> tuple[dict[str, Any], list[Share], dict[str, Any], list[FieldError]]:
    """The transfer's fields, its reward plan, the calculator's case and every problem."""
    errors: list[FieldError] = []
    fields: dict[str, Any] = {}
    try:
        fields["achievement"] = forms.text(raw.get("achievement"))
        if not fields["achievement"]:
            raise Invalid(REQUIRED["achievement"])
    except Invalid as exc:
        errors.append(FieldError("achievement", exc.message, exc.params))
    fields["counterparty"] = (raw.get("counterparty") or "").strip()[: forms.MAX_FIELD_CHARS]
    try:
        fields["concluded_on"] = forms.date(raw, "concluded_on", required=REQUIRED["concluded_on"])
    except Invalid as exc:
        errors.append(FieldError("concluded_on", exc.message, exc.params))
    shares: list[Share] = []
    cash_total, equity_total = Decimal(0), Decimal(0)
    for index in range(_rows(raw)):
        name = (raw.get(f"name-{index}") or "").strip()[:100]
        cash_raw = (raw.get(f"cash-{index}") or "").strip()
        equity_raw = (raw.get(f"equity-{index}") or "").strip()
        if not (name or cash_raw or equity_raw):
            continue
        if not name:
            errors.append(FieldError(f"name-{index}", REQUIRED["name"]))
        try:
            cash = Decimal(forms.money(cash_raw or "0", required=REQUIRED["cash"]))
            equity = Decimal(forms.quantity(equity_raw or "0", required=REQUIRED["cash"]))
        except Invalid as exc:
            errors.append(FieldError(f"cash-{index}", exc.message, exc.params))
            continue
        cash_total += cash
        equity_total += equity
        role = (raw.get(f"role-{index}") or "").strip()[:100]
        shares.append(Share(name, role, parse_money(f"{cash:.2f}"), equity))
    day = fields.get("concluded_on")
    case_raw = {
        **{k: raw.get(k, "") for k in ("fiscally_funded", "has_reward_rules", "mode")},
        "holder_kind": HOLDER_KINDS.get(organisation.kind, "enterprise"),
        "state_established": "yes" if organisation.state_established else "no",
        "net_income": raw.get("net_income", "") or "",
        "reward_cash": f"{cash_total:.2f}",
        "equity_total": raw.get("equity_total", "") or "0",
        "reward_equity": f"{equity_total}",
        **({p: str(getattr(day, p)) for p in ("day", "month", "year")} if day else {}),
    }
    case_raw = {("on-" + k if k in ("day", "month", "year") else k): v for k, v in case_raw.items()}
    case, case_errors = case_from(case_raw)
    errors += [e for e in case_errors if e.field != "on"]
    return fields, shares, case, errors


def check_context(case: dict[str, Any], lang: str) -> dict[str, Any]:
    """The calculator's result for the plan as it stands (empty if it cannot be decided)."""
    try:
        return result_context(decisions.for_page(case, lang))
    except InnoregError as exc:
        return {"check_errors": form_errors(exc, ENGINE_FIELDS)}


def _form_page(
    request: Request,
    principal: Any,
    organisation: Organisation,
    raw: dict[str, str],
    errors: list[FieldError],
    check: dict[str, Any],
    *,
    fragment: bool = False,
) -> Response:
    lang = language(request)
    context = {
        "principal": principal,
        "section": "transfers",
        "organisation": organisation,
        "values": raw,
        "rows": _rows(raw),
        "errors": errors,
        "modes": decisions.options("mode", lang),
        "concluded_on": {p: raw.get(f"concluded_on-{p}", "") for p in ("day", "month", "year")},
        **check,
    }
    template = "portal/transfer_check.html" if fragment else "portal/transfer_new.html"
    return page(request, template, context, title_error=bool(errors))


@router.get("/portal/transfers", dependencies=READS)
def transfers_page(request: Request, database: DatabaseDep, principal: PrincipalDep) -> Response:
    with database.read() as session:
        organisation = own_organisation(session, principal)
        rows = transfers_of(session, scope=principal.scope(), organisation_id=organisation.id)
        return page(
            request,
            "portal/transfers.html",
            {
                "principal": principal,
                "section": "transfers",
                "organisation": organisation,
                "transfers": rows,
                "modes": dict(decisions.options("mode", language(request))),
            },
        )


@router.get("/portal/transfers/new", dependencies=READS)
def new_transfer(request: Request, database: DatabaseDep, principal: PrincipalDep) -> Response:
    with database.read() as session:
        organisation = own_organisation(session, principal)
    day = today(request)
    raw = {f"concluded_on-{p}": str(getattr(day, p)) for p in ("day", "month", "year")}
    return _form_page(request, principal, organisation, raw, [], {})


@router.post("/portal/transfers/check", dependencies=READS)
async def check(request: Request, database: DatabaseDep, principal: PrincipalDep) -> Response:
    """The reward plan against the minimum, as it is typed (an htmx fragment; nothing kept)."""
    raw = await _raw(request)
    with database.read() as session:
        organisation = own_organisation(session, principal)
    _, _, case, errors = read_form(raw, organisation)
    check = check_context(case, language(request)) if not errors else {}
    return _form_page(request, principal, organisation, raw, [], check, fragment=True)


async def _raw(request: Request) -> dict[str, str]:
    form = await request.form()
    return {k: str(v)[: forms.MAX_FIELD_CHARS + 1] for k, v in form.items()}


@router.post("/portal/transfers/new", dependencies=WRITES)
async def save_transfer(
    request: Request, database: DatabaseDep, principal: PrincipalDep
) -> Response:
    raw = await _raw(request)
    with database.read() as session:
        organisation = own_organisation(session, principal)
    fields, shares, case, errors = read_form(raw, organisation)
    if raw.get("action") in ("add", "check") or errors:
        shown = [] if raw.get("action") == "add" else errors
        check = check_context(case, language(request)) if not errors else {}
        return _form_page(request, principal, organisation, raw, shown, check)
    entity = case["transfers"][0]
    with database.write(actor=principal.actor) as session:
        transfer = record_transfer(
            session,
            scope=principal.scope(),
            holder_id=organisation.id,
            achievement=fields["achievement"],
            counterparty=fields["counterparty"],
            mode=entity["mode"],
            concluded_on=fields["concluded_on"],
            fiscally_funded=entity["fiscally_funded"],
            has_reward_rules=entity["has_reward_rules"],
            net_income=parse_money(entity["net_income"]),
            equity_total=Decimal(entity["equity_total"])
            if entity["mode"] == "equity_investment"
            else None,
            shares=shares,
        )
        decide_transfer(
            session, scope=principal.scope(), transfer_id=transfer.id, actor=principal.actor
        )
        ident = transfer.id
    return RedirectResponse(f"/portal/transfers/{ident}", status_code=303)


def _transfer_page(
    request: Request, session: Any, principal: Any, transfer_id: int, errors: list[FieldError]
) -> Response:
    transfer = get_transfer(session, scope=principal.scope(), transfer_id=transfer_id)
    context: dict[str, Any] = {}
    if transfer.determination_id is not None:
        from innoreg.records.repositories.filings import get_determination

        determination = get_determination(
            session, scope=principal.scope(), determination_id=transfer.determination_id
        )
        subject = transfer_subject(transfer)
        document = dict(determination.result)
        document["notices"] = list(document.get("warnings", []))
        document["notices_lang"] = "en"  # stored in English, as the JSON contract has them
        document["results"] = {"transfer": document["results"][subject]}
        document["explanations"] = {"transfer": determination.explanation[subject]}
        context = result_context(document)
    lang = language(request)
    return page(
        request,
        "portal/transfer.html",
        {
            "principal": principal,
            "section": "transfers",
            "organisation": own_organisation(session, principal),
            "transfer": transfer,
            "modes": dict(decisions.options("mode", lang)),
            "errors": errors,
            **context,
        },
        title_error=bool(errors),
    )


@router.get("/portal/transfers/{transfer_id}", dependencies=READS)
def transfer_page(
    request: Request, transfer_id: int, database: DatabaseDep, principal: PrincipalDep
) -> Response:
    with database.read() as session:
        return _transfer_page(request, session, principal, transfer_id, [])


@router.post("/portal/transfers/{transfer_id}/final", dependencies=WRITES)
async def make_final(
    request: Request, transfer_id: int, database: DatabaseDep, principal: PrincipalDep
) -> Response:
    try:
        with database.write(actor=principal.actor) as session:
            finalise_transfer(
                session, scope=principal.scope(), transfer_id=transfer_id, actor=principal.actor
            )
    except WorkflowError as exc:
        with database.read() as session:
            error = FieldError("make-final", exc.message, catalogued=False)
            return _transfer_page(request, session, principal, transfer_id, [error])
    return RedirectResponse(f"/portal/transfers/{transfer_id}", status_code=303)
