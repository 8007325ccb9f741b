"""The audit log for the bureau's admin: every write, newest first — who, when, what, the
fields before and after (personal data as digests) — filtered by table, record or actor; and
the verification of its hash chain (``records.audit_verify``), naming any row that was
edited, deleted, inserted or moved."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from starlette.responses import Response

from innoreg.records.audit_read import audit_entries
from innoreg.records.audit_verify import verify_chain
from innoreg.service.database import DatabaseDep
from innoreg.service.web import forms
from innoreg.service.web.routes.backoffice.common import ADMIN, PAGE_SIZE, PrincipalDep, page

router = APIRouter(dependencies=[ADMIN])
FILTERS = ("entity", "entity_id", "actor")


@router.get("/back-office/audit")
def audit_log(request: Request, database: DatabaseDep, principal: PrincipalDep) -> Response:
    raw = {
        name: request.query_params.get(name, "").strip()[: forms.MAX_FIELD_CHARS]
        for name in FILTERS
    }
    older = request.query_params.get("before", "")
    with database.read() as session:
        entries, more = audit_entries(
            session,
            entity=raw["entity"] or None,
            entity_id=raw["entity_id"] or None,
            actor=raw["actor"] or None,
            before_seq=int(older) if older.isdigit() and len(older) < 19 else None,
            limit=PAGE_SIZE,
        )
    kept = {k: v for k, v in raw.items() if v}
    return page(
        request,
        principal,
        "backoffice/audit.html",
        {
            "entries": entries,
            "values": raw,
            "older": (
                f"/back-office/audit?{urlencode({**kept, 'before': entries[-1].seq})}"
                if more and entries
                else None
            ),
        },
    )


@router.get("/back-office/audit/verify")
def verify(request: Request, database: DatabaseDep, principal: PrincipalDep) -> Response:
    """Walk the chain from its first entry; the head hash to note down and compare later."""
    import time

    started = time.perf_counter()
    with database.read() as session:
        report = verify_chain(session)
    seconds = time.perf_counter() - started
    return page(
        request,
        principal,
        "backoffice/audit_verify.html",
        {"report": report, "seconds": f"{seconds:.1f}"},
    )
