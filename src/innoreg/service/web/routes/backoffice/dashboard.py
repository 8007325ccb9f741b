"""The bureau's dashboard: filings eligible or not, the R&D shortfall and super-deduction,
transfers and their rewards, overdue IP and applications, by district, industry section or
size class, for a fiscal year as of a chosen day. Each chart is an image with a text
alternative and the table of its data right under it; the page lists the tables and loads
each drawing from its own address, so it never waits for matplotlib."""

from __future__ import annotations

from typing import Any, cast

from fastapi import APIRouter, Request
from starlette.responses import Response

from innoreg.batch.report.dashboard_charts import CHARTS, chart_text, dashboard_chart
from innoreg.batch.tables import GROUP_LABELS
from innoreg.labels import Language
from innoreg.records.reports import GROUPS, Dashboard, Group
from innoreg.records.reports.cached import current_dashboard
from innoreg.service.database import DatabaseDep
from innoreg.service.web.render import language
from innoreg.service.web.routes.backoffice.common import (
    READ,
    Period,
    PrincipalDep,
    page,
    period,
)

router = APIRouter(dependencies=[READ])


def _figures(database: DatabaseDep, principal: PrincipalDep, chosen: Period) -> Dashboard:
    with database.read(snapshot=True) as session:  # the figures and the head they are kept by
        return current_dashboard(
            session,
            scope=principal.scope(),
            fiscal_year=chosen.fiscal_year,
            as_of=chosen.as_of,
        )


def _grouping(request: Request) -> Group:
    by = request.query_params.get("by", "district")
    for group in GROUPS:
        if by == group:
            return group
    return "district"


@router.get("/back-office/dashboard")
def dashboard_page(request: Request, database: DatabaseDep, principal: PrincipalDep) -> Response:
    chosen = period(request, request.query_params)
    by = _grouping(request)
    lang = cast(Language, language(request))
    context: dict[str, Any] = {
        "chosen": chosen,
        "errors": chosen.errors,
        "by": by,
        "groupings": [(g, GROUP_LABELS[g].in_(lang)) for g in GROUPS],
    }
    if not chosen.errors:
        figures = _figures(database, principal, chosen)
        query = chosen.query(by=by)
        context["charts"] = [
            {
                "text": chart_text(figures, name, by=by, lang=lang),
                "src": f"/back-office/dashboard/charts/{name}.svg?{query}",
            }
            for name in CHARTS
        ]
        context["totals"] = figures
    return page(request, principal, "backoffice/dashboard.html", context)


@router.get("/back-office/dashboard/charts/{name}.svg")
def dashboard_chart_image(
    name: str, request: Request, database: DatabaseDep, principal: PrincipalDep
) -> Response:
    """One chart's drawing (the page gives its text alternative and its table)."""
    chosen = period(request, request.query_params)
    if name not in CHARTS or chosen.errors:
        from innoreg.records.errors import NotFoundError

        raise NotFoundError("dashboard chart", name)
    figures = _figures(database, principal, chosen)
    chart = dashboard_chart(
        figures, name, by=_grouping(request), lang=cast(Language, language(request))
    )
    return Response(
        chart.svg,
        media_type="image/svg+xml",
        headers={"cache-control": "private, max-age=300", "vary": "Cookie, Accept-Language"},
    )
