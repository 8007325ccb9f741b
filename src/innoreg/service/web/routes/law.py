"""The law browser: acts article by article with paragraph anchors by eId and the rules that
implement each article; a page per rule; interpretations; search with the hits highlighted."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from markupsafe import Markup, escape
from starlette.responses import Response

from innoreg.service import catalogue, decisions
from innoreg.service.auth.policy import PUBLIC, guard
from innoreg.service.web import forms
from innoreg.service.web.chart import step_chart
from innoreg.service.web.render import language, render

router = APIRouter(dependencies=[guard(PUBLIC)])
Jurisdiction = Annotated[str | None, Query(max_length=100)]


def _on(request: Request, raw: str | None) -> Any:
    return forms.iso_date(raw) or request.app.state.settings.law_date()


@router.get("/law")
def law_index(request: Request, on: Annotated[str | None, Query(max_length=20)] = None) -> Response:
    day = _on(request, on)
    return render(
        request,
        "law/index.html",
        {"acts": catalogue.acts(day), "jurisdictions": catalogue.jurisdictions(day), "on": day},
    )


@router.get("/law/search")
def search(request: Request, q: Annotated[str, Query(max_length=200)] = "") -> Response:
    hits = [{**hit, "html": _highlight(hit["text"], hit["spans"])} for hit in catalogue.search(q)]
    template = "law/search_results.html" if request.headers.get("hx-request") else "law/search.html"
    return render(request, template, {"q": q, "hits": hits})


def _highlight(text: str, spans: list[tuple[int, int]]) -> Markup:
    parts, last = [], 0
    for start, end in spans:
        parts.append(escape(text[last:start]))
        parts.append(Markup("<mark>") + escape(text[start:end]) + Markup("</mark>"))
        last = end
    parts.append(escape(text[last:]))
    return Markup("").join(parts)


@router.get("/law/{act}")
def act_page(
    request: Request, act: str, on: Annotated[str | None, Query(max_length=20)] = None
) -> Response:
    day = forms.iso_date(on)
    return render(request, "law/act.html", {"act": catalogue.act_detail(act, day), "on": day})


@router.get("/rules")
def rules_page(request: Request, jurisdiction: Jurisdiction = None) -> Response:
    code = decisions.resolve(jurisdiction) if jurisdiction else None
    return render(
        request,
        "law/rules.html",
        {"rules": catalogue.rules(code), "jurisdiction": code},
    )


@router.get("/rules/{variable}")
def rule_page(
    request: Request,
    variable: str,
    on: Annotated[str | None, Query(max_length=20)] = None,
    jurisdiction: Jurisdiction = None,
) -> Response:
    day = _on(request, on)
    code = decisions.resolve(jurisdiction) if jurisdiction else None
    rule = catalogue.rule_detail(variable, day, code)
    lang = language(request)
    charts = {
        p["name"]: step_chart(
            p["values"],
            p["label"][lang],
            {"rate": "%", "money": "", "years": ""}.get(p["unit"], ""),
            day,
        )
        for p in rule["parameters"]
    }
    citations = [_citation_link(c) for c in rule["citations"]]
    return render(
        request,
        "law/rule.html",
        {"rule": rule, "charts": charts, "citations": citations, "on": day},
    )


def _citation_link(citation: dict[str, Any]) -> dict[str, Any]:
    """A citation of a shipped act links to its paragraph; an outside source names itself."""
    cite = citation["cite"]
    if "~" in cite:
        work, eid = cite.split("~", 1)
        act = catalogue.find(work).short_name
        return {**citation, "href": f"/law/{act}#{eid}", "eid": eid, "act": act}
    return {**citation, "href": None}


@router.get("/interpretations")
def interpretations_page(request: Request, jurisdiction: Jurisdiction = None) -> Response:
    code = decisions.resolve(jurisdiction) if jurisdiction else None
    return render(
        request, "law/interpretations.html", {"interpretations": catalogue.interpretations(code)}
    )
