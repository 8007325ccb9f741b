"""The IP deadline calculator (Luoyang art. 14): the last day of the three years, with the
rest-day shift shown, whether the government may implement the right on the chosen day, the
annual report obligation, and the deadline as an ``.ics`` calendar file."""

from __future__ import annotations

import datetime as dt
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
IN_FORCE = "cn-ha-luoyang.in_force"
"""Not recorded in innoreg's sources: the person asking may know it (shown as assumed)."""
YES_NO = ("fiscally_funded", "implementation_conditions_met", "justifiable_reason")
REQUIRED = {
    "kind": N_("Select the kind of right"),
    "fiscally_funded": N_("Select yes if the right comes from a fiscally funded project"),
    "rights_obtained_on": N_("Enter the day the right was obtained"),
    "implemented_on": N_("Enter the day implementation began, or leave it blank"),
    "implementation_conditions_met": N_("Select yes if the holder can implement the right"),
    "justifiable_reason": N_("Select yes if there is a justifiable reason for not implementing"),
    "on": N_("Enter the day whose law should decide"),
    "in_force": N_("Enter the day the regulations came into force, or leave it blank"),
}
ENGINE_FIELDS = {name: name for name in REQUIRED} | {
    "date": "on",
    f"assumptions.{IN_FORCE}": "in_force",
    "*": "kind",
}
DATES = ("rights_obtained_on", "implemented_on", "on", "in_force")
OPTIONAL_DATES = ("implemented_on", "in_force")


def _read(request: Request) -> tuple[dict[str, str], dict[str, Any] | None, list[FieldError]]:
    raw = {k: v[: forms.MAX_FIELD_CHARS + 1] for k, v in request.query_params.items()}
    forms.default_day(raw, "on", request.app.state.settings.law_date())
    if "calculate" not in raw:
        return raw, None, []
    entity: dict[str, Any] = {"id": "right"}
    errors: list[FieldError] = []
    try:
        entity["kind"] = forms.choice(
            raw.get("kind"),
            [c for c, _ in decisions.options("kind", "en")],
            required=REQUIRED["kind"],
        )
    except Invalid as exc:
        errors.append(FieldError("kind", exc.message, exc.params))
    for name in YES_NO:
        try:
            entity[name] = forms.yes_no(raw.get(name), required=REQUIRED[name])
        except Invalid as exc:
            errors.append(FieldError(name, exc.message, exc.params))
    day: dt.date | None = None
    in_force: dt.date | None = None
    for name in DATES:
        blank = not any(raw.get(f"{name}-{p}") for p in ("day", "month", "year"))
        if name in OPTIONAL_DATES and blank:
            if name == "implemented_on":
                entity[name] = None
            continue
        try:
            parsed = forms.date(raw, name, required=REQUIRED[name])
        except Invalid as exc:
            errors.append(FieldError(name, exc.message, exc.params))
            continue
        if name == "on":
            day = parsed
        elif name == "in_force":
            in_force = parsed
        else:
            entity[name] = parsed.isoformat()
    case: dict[str, Any] = {
        "jurisdiction": "cn-ha-luoyang",
        "date": day.isoformat() if day else "",
        "ip_assets": [entity],
    }
    if in_force is not None:
        case["assumptions"] = {IN_FORCE: in_force.isoformat()}
    return raw, case, errors


@router.get("/deadline")
def deadline(request: Request) -> Response:
    raw, case, errors = _read(request)
    lang = language(request)
    context: dict[str, Any] = {
        "values": raw,
        "kinds": decisions.options("kind", lang),
        "dates": {
            name: {p: raw.get(f"{name}-{p}", "") for p in ("day", "month", "year")}
            for name in DATES
        },
        "errors": errors,
        "query": request.url.query,
    }
    if case is not None and not errors:
        try:
            context.update(_result(case, lang))
        except InnoregError as exc:
            context["errors"] = form_errors(exc, ENGINE_FIELDS)
    return render(request, "deadline.html", context, title_error=bool(context["errors"]))


def _result(case: dict[str, Any], lang: str) -> dict[str, Any]:
    decision = decisions.for_page(case, lang)
    values = decision["results"]["right"]
    unshifted = decisions.decide(
        {**case, "interpretations": {"luoyang.art14.rest_day": "calendar_day"}}
    )["results"]["right"]["implementation_deadline"]
    trace = decision["explanations"]["right"]
    return {
        "decision": decision,
        "result": values,
        "trace": trace,
        "unshifted": unshifted,
        "shifted": unshifted is not None and unshifted != values["implementation_deadline"],
        "reasons": citation_links([c for step in trace.values() for c in step["citations"]]),
        "law": law_for(decision),
    }


@router.get("/deadline.ics")
def deadline_ics(request: Request) -> Response:
    _, case, errors = _read(request)
    if case is None or errors:
        return deadline(request)
    try:
        result = _result(case, language(request))
    except InnoregError:
        return deadline(request)
    day = result["result"]["implementation_deadline"]
    if day is None:
        return deadline(request)
    lang = language(request)
    from innoreg.service.web.ics import calendar

    summary = (
        "专利等知识产权实施期限届满（洛阳市科学技术进步条例第十四条）"
        if lang == "zh"
        else "Last day to implement the IP right (Luoyang S&T Progress Regulations, art. 14)"
    )
    return Response(
        calendar(dt.date.fromisoformat(day), summary, f"{request.url.path}?{request.url.query}"),
        media_type="text/calendar; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="innoreg-ip-deadline.ics"'},
    )
