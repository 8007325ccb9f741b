"""The annual filing: the organisation's filings by fiscal year and, for each one decided, its
determination explained as the public checker explains a result (eligible or not, the R&D
still needed, the super-deduction for the fiscal year, the articles behind each)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.exceptions import HTTPException
from starlette.responses import Response

from innoreg.records.models.determinations import Determination
from innoreg.records.repositories.filings import (
    filing_for_year,
    latest_determination,
    list_filings,
)
from innoreg.records.workflows.filings import filing_subject
from innoreg.service.database import DatabaseDep
from innoreg.service.web.render import language
from innoreg.service.web.routes.checker import explanation
from innoreg.service.web.routes.portal import READS
from innoreg.service.web.routes.portal.common import PrincipalDep, own_organisation, page, today

router = APIRouter()


def due_year(request: Request) -> int:
    """The fiscal year being filed now: the one before the year of the portal's day."""
    return today(request).year - 1


@router.get("/portal/filings", dependencies=READS)
def filings_page(request: Request, database: DatabaseDep, principal: PrincipalDep) -> Response:
    with database.read() as session:
        organisation = own_organisation(session, principal)
        filed = list_filings(session, scope=principal.scope(), organisation_id=organisation.id)
        return page(
            request,
            "portal/filings.html",
            {
                "principal": principal,
                "section": "filings",
                "organisation": organisation,
                "filings": filed,
                "due_year": due_year(request),
                "due_filed": any(f.fiscal_year == due_year(request) for f in filed),
            },
        )


def determination_context(determination: Determination, subject: str, lang: str) -> dict[str, Any]:
    """A stored determination as ``explanation.html`` reads a fresh decision (its warnings
    are stored in English and shown so, marked as English)."""
    document = dict(determination.result)
    document["notices"] = list(document.get("warnings", []))
    document["notices_lang"] = "en"  # stored as the JSON contract has them: in English
    values = document["results"][subject]
    return explanation(document, values, determination.explanation[subject], lang)


@router.get("/portal/filings/{year}/determination", dependencies=READS)
def determination_page(
    request: Request,
    year: int,
    database: DatabaseDep,
    principal: PrincipalDep,
) -> Response:
    with database.read() as session:
        organisation = own_organisation(session, principal)
        filing = filing_for_year(
            session, scope=principal.scope(), organisation_id=organisation.id, fiscal_year=year
        )
        determination = (
            latest_determination(session, scope=principal.scope(), filing=filing)
            if filing is not None
            else None
        )
        if filing is None or determination is None:
            raise HTTPException(404, f"no decided filing for {year}")
        return page(
            request,
            "portal/determination.html",
            {
                "principal": principal,
                "section": "filings",
                "organisation": organisation,
                "filing": filing,
                "determination": determination,
                **determination_context(determination, filing_subject(filing), language(request)),
            },
        )
