"""The support checker: one question per page, a check-your-answers page with change links, and
a result with its reasons, the shortfall, the super-deduction, a shareable URL and a PDF.

Nothing is stored: the answers travel in the URL (``/checker/result?place=luoyang&…``). Each
question posts its answer with the earlier ones; a valid answer redirects to the next page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from starlette.datastructures import ImmutableMultiDict
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response

from innoreg.errors import InnoregError
from innoreg.service import decisions
from innoreg.service.auth.policy import PUBLIC, guard
from innoreg.service.errors import form_errors
from innoreg.service.web import forms
from innoreg.service.web.forms import N_, FieldError, Invalid
from innoreg.service.web.render import language, render
from innoreg.service.web.tools import citation_links, law_for

router = APIRouter(dependencies=[guard(PUBLIC)])
QUESTIONS = ("place", "revenue", "rd", "status", "industry", "on")
PLACES = {"luoyang": "cn-ha-luoyang", "liaoning": "cn-ln"}
STATUSES = (
    "above_designated_size",
    "high_tech",
    "innovative_enterprise",
    "technology_based_sme",
    "integrated_circuit_or_machine_tool",
)
ENGINE_FIELDS = {
    "sales_revenue": "revenue",
    "rd_expense": "rd",
    "industry": "industry",
    "date": "on",
    "*": "place",
}
INDUSTRY_FORMAT = N_(
    "Enter a section letter from A to T, optionally with its division digits, like C or C39"
)
REQUIRED = {
    "place": N_("Select where the enterprise is registered"),
    "revenue": N_("Enter the sales revenue for the year"),
    "rd": N_("Enter the R&D expense for the year"),
    "status": N_("Select which of these apply, or select none of these"),
    "industry": N_("Enter the industry section letter, like C"),
    "on": N_("Enter the day whose law should decide"),
}


def answers_from(values: Mapping[str, str]) -> dict[str, str]:
    """The answers kept in a URL or a form, each one only if it could be an answer."""
    return {q: str(values[q])[: forms.MAX_FIELD_CHARS] for q in QUESTIONS if values.get(q)}


def _query(answers: Mapping[str, str]) -> str:
    return urlencode({q: answers[q] for q in QUESTIONS if q in answers})


def _next_page(answers: Mapping[str, str], after: str | None = None) -> str:
    start = QUESTIONS.index(after) + 1 if after else 0
    for question in QUESTIONS[start:]:
        if question not in answers:
            return f"/checker/{question}?{_query(answers)}"
    return f"/checker/check?{_query(answers)}"


@router.get("/checker")
def start(request: Request) -> Response:
    return render(request, "checker/start.html")


@router.get("/checker/check")
def check(request: Request) -> Response:
    answers = answers_from(request.query_params)
    missing = [q for q in QUESTIONS if q not in answers]
    if missing:
        return RedirectResponse(_next_page(answers), status_code=303)
    return render(
        request,
        "checker/check.html",
        {"rows": _summary(answers, language(request)), "query": _query(answers)},
    )


@router.get("/checker/result")
def result(request: Request) -> Response:
    return _result(request, pdf=False)


@router.get("/checker/result.pdf")
def result_pdf(request: Request) -> Response:
    return _result(request, pdf=True)


def _result(request: Request, *, pdf: bool) -> Response:
    outcome = _decide(request, answers_from(request.query_params))
    if isinstance(outcome, Response):
        return outcome
    if not pdf:
        return render(request, "checker/result.html", outcome)
    from innoreg.service.web.pdf import pdf_response  # WeasyPrint only when a PDF is asked for

    return pdf_response(request, "checker/pdf.html", outcome, "innoreg-support-check.pdf")


@router.get("/checker/{question}")
def ask(request: Request, question: str) -> Response:
    if question not in QUESTIONS:
        raise HTTPException(404, "no such question")
    answers = answers_from(request.query_params)
    return _question_page(
        request, question, answers, [], change=bool(request.query_params.get("change"))
    )


@router.post("/checker/{question}")
async def answer(request: Request, question: str) -> Response:
    if question not in QUESTIONS:
        raise HTTPException(404, "no such question")
    form = await request.form()
    answers = answers_from({k: str(v) for k, v in form.items() if k in QUESTIONS and k != question})
    change = bool(form.get("change"))
    try:
        answers[question] = _parse(question, form)
    except Invalid as exc:
        error = FieldError(question, exc.message, exc.params)
        kept = {k: str(v)[: forms.MAX_FIELD_CHARS] for k, v in form.multi_items()}
        return _question_page(
            request, question, answers, [error], change=change, kept=kept, form=form
        )
    target = f"/checker/check?{_query(answers)}" if change else _next_page(answers, question)
    return RedirectResponse(target, status_code=303)


def _parse(question: str, form: ImmutableMultiDict[str, Any]) -> str:
    raw = {k: str(v) for k, v in form.items()}
    required = REQUIRED[question]
    if question == "place":
        return forms.choice(raw.get("place"), tuple(PLACES), required=required)
    if question in ("revenue", "rd"):
        return forms.money(raw.get(question), required=required)
    if question == "status":
        chosen = [str(v) for v in form.getlist("status")]
        if chosen == ["none"]:
            return "none"
        if not chosen or any(c not in STATUSES for c in chosen):
            raise Invalid(required)
        return ",".join(c for c in STATUSES if c in chosen)
    if question == "industry":
        code = forms.text(raw.get("industry")).upper()
        if not code:
            raise Invalid(required)
        try:
            decisions.check_input("cn-ha-luoyang", "enterprise", "industry", code)
        except InnoregError:
            raise Invalid(INDUSTRY_FORMAT) from None
        return code
    return forms.date(raw, "on", required=required).isoformat()


def _question_page(
    request: Request,
    question: str,
    answers: dict[str, str],
    errors: list[FieldError],
    *,
    change: bool,
    kept: Mapping[str, str] | None = None,
    form: Any = None,
) -> Response:
    kept = kept or {}
    value: Any = kept.get(question, answers.get(question, ""))
    if question == "status":
        value = form.getlist("status") if form is not None else answers.get("status", "").split(",")
    if question == "on":
        day = forms.iso_date(answers.get("on")) or request.app.state.settings.law_date()
        value = {
            p: kept[f"on-{p}"] for p in ("day", "month", "year") if f"on-{p}" in kept
        } or forms.date_fields(day)
    index = QUESTIONS.index(question)
    back = (
        f"/checker/check?{_query(answers)}"
        if change
        else f"/checker/{QUESTIONS[index - 1]}?{_query(answers)}"
        if index
        else "/checker"
    )
    lang = language(request)
    return render(
        request,
        f"checker/q_{question}.html",
        {
            "question": question,
            "value": value,
            "errors": errors,
            "hidden": {k: v for k, v in answers.items() if k != question},
            "change": change,
            "back": back,
            "statuses": _status_labels(lang),
            "places": _places(lang),
        },
        title_error=bool(errors),
    )


def _places(lang: str) -> list[tuple[str, str]]:
    from innoreg.rules.registry import registry

    return [(key, registry().packs[code].name.to_dict()[lang]) for key, code in PLACES.items()]


def _status_labels(lang: str) -> list[tuple[str, str]]:
    labels = {
        i["name"]: i["label"][lang]
        for i in decisions.inputs("cn-ha-luoyang", dt.date.today())
        if i["entity"] == "enterprise"
    }
    return [(name, labels.get(name, name)) for name in STATUSES]


def _summary(answers: Mapping[str, str], lang: str) -> list[dict[str, Any]]:
    places = dict(_places(lang))
    statuses = dict(_status_labels(lang))
    status = answers["status"]
    shown = {
        "place": places.get(answers["place"], answers["place"]),
        "revenue": decisions.money(answers["revenue"], lang),
        "rd": decisions.money(answers["rd"], lang),
        "status": [statuses.get(s, s) for s in status.split(",")] if status != "none" else [],
        "industry": answers["industry"],
        "on": decisions.date(answers["on"], lang),
    }
    return [
        {"question": q, "value": shown[q], "change": f"/checker/{q}?{_query(answers)}&change=1"}
        for q in QUESTIONS
    ]


def case_for(answers: Mapping[str, str]) -> dict[str, Any]:
    """The case the answers make: one enterprise, decided under the law in force ``on``."""
    flags = answers["status"].split(",") if answers["status"] != "none" else []
    return {
        "jurisdiction": PLACES.get(answers["place"], answers["place"]),
        "date": answers["on"],
        "enterprises": [
            {
                "id": "enterprise",
                "sales_revenue": answers["revenue"],
                "rd_expense": answers["rd"],
                "industry": answers["industry"],
                **{flag: True for flag in flags if flag in STATUSES},
            }
        ],
    }


def _decide(request: Request, answers: dict[str, str]) -> dict[str, Any] | Response:
    if any(q not in answers for q in QUESTIONS):
        return RedirectResponse(_next_page(answers), status_code=303)
    lang = language(request)
    try:
        decision = decisions.for_page(case_for(answers), lang)
    except InnoregError as exc:
        error = form_errors(exc, ENGINE_FIELDS)[0]
        answers.pop(error.field, None)
        return _question_page(request, error.field, answers, [error], change=False)
    return {
        "answers": answers,
        "rows": _summary(answers, lang),
        "query": _query(answers),
        **explanation(
            decision,
            decision["results"]["enterprise"],
            decision["explanations"]["enterprise"],
            lang,
        ),
    }


def explanation(
    decision: Mapping[str, Any], values: Mapping[str, Any], trace: Mapping[str, Any], lang: str
) -> dict[str, Any]:
    """What ``explanation.html`` shows of an enterprise's decision: the verdict, the shortfall,
    the figures and the reasons linked to their paragraphs. The checker's result and the
    portal's filing determination both render it, so they read alike."""
    key = "support_eligible" if "support_eligible" in values else "rd_obligation_met"
    return {
        "decision": decision,
        "values": values,
        "trace": trace,
        "key": key,
        "verdict": decisions.verdict(values, lang),
        "reasons": citation_links(
            trace[key]["citations"] + trace["rd_intensity_required"]["citations"]
            if "rd_intensity_required" in trace
            else trace[key]["citations"]
        ),
        "law": law_for(dict(decision)),
        "shown": [
            name
            for name in (
                "rd_intensity",
                "rd_intensity_required",
                "hightech_rd_intensity_required",
                "rd_shortfall",
                "rd_super_deduction_rate",
                "rd_super_deduction",
            )
            if name in values
        ],
    }
