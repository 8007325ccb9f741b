"""The transfer-reward calculator: holder, mode and amounts -> the least reward owed, which
level's floor binds, the shortfall and whether the reward complies. A GET form: the result's
address is the answers, so it can be shared; nothing is stored."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from innoreg.errors import InnoregError
from innoreg.service import decisions
from innoreg.service.auth.policy import PUBLIC, guard
from innoreg.service.errors import form_errors
from innoreg.service.web import forms
from innoreg.service.web.forms import N_, FieldError, Invalid
from innoreg.service.web.render import language, render
from innoreg.service.web.tools import citation_links, law_for

router = APIRouter(dependencies=[guard(PUBLIC)])
YES_NO = ("state_established", "fiscally_funded", "has_reward_rules")
MONEY = ("net_income", "reward_cash")
EQUITY = ("equity_total", "reward_equity")
REQUIRED = {
    "holder_kind": N_("Select the kind of unit that holds the achievement"),
    "state_established": N_("Select yes if the state established the unit"),
    "fiscally_funded": N_("Select yes if the achievement comes from a fiscally funded project"),
    "has_reward_rules": N_("Select yes if the unit has reward rules or an agreement"),
    "mode": N_("Select how the achievement is transformed"),
    "net_income": N_("Enter the net income of the transfer or licence"),
    "reward_cash": N_("Enter the cash reward given, or 0"),
    "equity_total": N_("Enter the equity formed, or 0"),
    "reward_equity": N_("Enter the equity given as reward, or 0"),
    "on": N_("Enter the day whose law should decide"),
}
ENGINE_FIELDS = {name: name for name in REQUIRED} | {"date": "on", "*": "holder_kind"}


@router.get("/transfer")
def transfer(request: Request) -> Response:
    raw = {k: v[: forms.MAX_FIELD_CHARS + 1] for k, v in request.query_params.items()}
    forms.default_day(raw, "on", request.app.state.settings.law_date())
    lang = language(request)
    context: dict[str, Any] = {
        "values": {k: v[: forms.MAX_FIELD_CHARS] for k, v in raw.items()},
        "errors": [],
        "holders": decisions.options("holder_kind", lang),
        "modes": decisions.options("mode", lang),
        "on": {p: raw.get(f"on-{p}", "") for p in ("day", "month", "year")},
    }
    if "calculate" in raw:
        case, errors = case_from(raw)
        if not errors:
            try:
                decision = decisions.for_page(case, lang)
            except InnoregError as exc:
                errors = form_errors(exc, ENGINE_FIELDS)
            else:
                context.update(result_context(decision))
        context["errors"] = errors
    return render(request, "transfer.html", context, title_error=bool(context["errors"]))


def case_from(raw: dict[str, str]) -> tuple[dict[str, Any], list[FieldError]]:
    """The case the answers make (the calculator's, or the portal's transfer form with the
    holder's facts filled from the records), and every answer that does not hold."""
    entity: dict[str, Any] = {"id": "transfer"}
    errors: list[FieldError] = []
    parsers: dict[str, Callable[[str | None, str], Any]] = {
        "holder_kind": lambda v, r: forms.choice(
            v, ("university", "research_institute", "enterprise"), required=r
        ),
        "mode": lambda v, r: forms.choice(
            v, ("transfer", "license", "equity_investment"), required=r
        ),
        **{name: lambda v, r: forms.yes_no(v, required=r) for name in YES_NO},
        **{name: lambda v, r: forms.money(v, required=r) for name in MONEY},
        **{name: lambda v, r: forms.quantity(v or "0", required=r) for name in EQUITY},
    }
    for name, parse in parsers.items():
        try:
            entity[name] = parse(raw.get(name), REQUIRED[name])
        except Invalid as exc:
            errors.append(FieldError(name, exc.message, exc.params))
    try:
        on = forms.date(raw, "on", required=REQUIRED["on"]).isoformat()
    except Invalid as exc:
        errors.append(FieldError("on", exc.message, exc.params))
        on = ""
    return {"jurisdiction": "cn-ha-luoyang", "date": on, "transfers": [entity]}, errors


def result_context(decision: dict[str, Any]) -> dict[str, Any]:
    """What ``transfer_result.html`` shows of a decided transfer (calculator and portal)."""
    values = decision["results"]["transfer"]
    trace = decision["explanations"]["transfer"]
    minimum = trace["transfer_reward_minimum"]
    return {
        "decision": decision,
        "result": values,
        "trace": trace,
        "levels": minimum.get("levels", []),
        "reasons": citation_links(
            [c for step in trace.values() for c in step["citations"] if step["value"] is not None]
        ),
        "law": law_for(decision),
    }
