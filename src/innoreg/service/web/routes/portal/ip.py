"""IP assets: each asset's Luoyang art. 14 implementation deadline, its annual reports (filed,
due, overdue) and a form to file one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from innoreg.records.errors import ConstraintError
from innoreg.records.models.ip import IPAsset
from innoreg.records.repositories.ip_assets import (
    assets_of,
    count_assets,
    file_report,
    get_asset,
)
from innoreg.records.workflows.ip import ANNUAL_REPORT_DUE
from innoreg.service.database import DatabaseDep
from innoreg.service.web import forms
from innoreg.service.web.forms import N_, FieldError
from innoreg.service.web.routes.portal import READS, WRITES
from innoreg.service.web.routes.portal.common import PrincipalDep, own_organisation, page, today

router = APIRouter()
REPORT_KIND = "protection"
"""The annual report the portal files: on the asset's implementation and protection."""


@dataclass(frozen=True)
class ReportYear:
    """One year's annual report of an asset: filed (on a day) or owed (due on a day)."""

    year: int
    due_on: dt.date
    filed_on: dt.date | None
    overdue: bool


def report_years(asset: IPAsset, day: dt.date) -> list[ReportYear]:
    """Every year since the right was obtained whose report is due by now or next (a
    fiscally funded asset reports each year; the bureau's day is 31 March of the next)."""
    if not asset.fiscally_funded or asset.rights_obtained_on is None:
        return []
    month, dom = ANNUAL_REPORT_DUE
    filed = {r.year: r.submitted_on for r in asset.reports if r.kind == REPORT_KIND}
    years = []
    for year in range(asset.rights_obtained_on.year, day.year):
        due = dt.date(year + 1, month, dom)
        years.append(ReportYear(year, due, filed.get(year), year not in filed and due < day))
    return years


def deadline_state(asset: IPAsset, day: dt.date) -> str:
    """``implemented``, ``passed`` (unused past its deadline), ``soon`` (within a year),
    ``running`` or ``none`` (no deadline: not fiscally funded or no date)."""
    if asset.implemented_on is not None:
        return "implemented"
    deadline = asset.implementation_deadline
    if deadline is None:
        return "none"
    if deadline < day:
        return "passed"
    return "soon" if (deadline - day).days <= 365 else "running"


PAGE_SIZE = 50
"""Assets per page of the list (a university may hold hundreds)."""


@router.get("/portal/ip", dependencies=READS)
def ip_page(request: Request, database: DatabaseDep, principal: PrincipalDep) -> Response:
    day = today(request)
    raw = request.query_params.get("page", "1")
    number = int(raw) if raw.isdigit() and 0 < int(raw) < 10_000 else 1
    with database.read() as session:
        organisation = own_organisation(session, principal)
        scope = principal.scope()
        total = count_assets(session, scope=scope, organisation_id=organisation.id)
        number = min(number, max(1, -(-total // PAGE_SIZE)))  # past the last page: the last
        assets = assets_of(
            session,
            scope=scope,
            organisation_id=organisation.id,
            limit=PAGE_SIZE,
            offset=(number - 1) * PAGE_SIZE,
        )
        rows = []
        for asset in assets:
            years = report_years(asset, day)
            rows.append(
                {
                    "asset": asset,
                    "state": deadline_state(asset, day),
                    "owed": [y for y in years if y.filed_on is None],
                    "overdue": [y for y in years if y.overdue],
                }
            )
        return page(
            request,
            "portal/ip.html",
            {
                "principal": principal,
                "section": "ip",
                "organisation": organisation,
                "rows": rows,
                "today": day,
                "total": total,
                "page": number,
                "pages": max(1, -(-total // PAGE_SIZE)),
                "first": (number - 1) * PAGE_SIZE + 1,
            },
        )


def _asset_page(
    request: Request,
    session: Any,
    principal: Any,
    asset_id: int,
    *,
    errors: list[FieldError],
    values: dict[str, str],
    filed: int | None = None,
) -> Response:
    day = today(request)
    asset = get_asset(session, scope=principal.scope(), asset_id=asset_id)
    years = report_years(asset, day)
    return page(
        request,
        "portal/ip_asset.html",
        {
            "principal": principal,
            "section": "ip",
            "organisation": own_organisation(session, principal),
            "asset": asset,
            "state": deadline_state(asset, day),
            "years": years,
            "owed": [y.year for y in years if y.filed_on is None],
            "errors": errors,
            "values": values,
            "filed": filed,
            "today": day,
        },
        title_error=bool(errors),
    )


@router.get("/portal/ip/{asset_id}", dependencies=READS)
def asset_page(
    request: Request, asset_id: int, database: DatabaseDep, principal: PrincipalDep
) -> Response:
    filed = request.query_params.get("filed", "")
    with database.read() as session:
        return _asset_page(
            request,
            session,
            principal,
            asset_id,
            errors=[],
            values={},
            filed=int(filed) if filed.isdigit() else None,
        )


@router.post("/portal/ip/{asset_id}/reports", dependencies=WRITES)
async def report(
    request: Request, asset_id: int, database: DatabaseDep, principal: PrincipalDep
) -> Response:
    form = await request.form()
    raw = {k: str(v)[: forms.MAX_FIELD_CHARS * 10] for k, v in form.items()}
    errors: list[FieldError] = []
    year = raw.get("year", "")
    if not year.isdigit():
        errors.append(FieldError("year", N_("Select the year the report is on")))
    summary = raw.get("summary", "").strip()
    if not summary:
        errors.append(
            FieldError("summary", N_("Say how the right was used and protected in the year"))
        )
    elif len(summary) > 2000:
        errors.append(FieldError("summary", N_("Enter at most %(n)s characters"), {"n": 2000}))
    if not errors:
        try:
            with database.write(actor=principal.actor) as session:
                file_report(
                    session,
                    scope=principal.scope(),
                    asset_id=asset_id,
                    year=int(year),
                    kind=REPORT_KIND,
                    summary=summary,
                    day=today(request),
                )
        except ConstraintError as exc:
            field = exc.field or "year"
            message = exc.message.removeprefix(f"{field}: ")
            errors.append(FieldError(field, message, catalogued=False))
        else:
            return RedirectResponse(f"/portal/ip/{asset_id}?filed={year}", status_code=303)
    with database.read() as session:
        return _asset_page(request, session, principal, asset_id, errors=errors, values=raw)
