"""``/v1/audit``: the hash-chained log of every write, newest first, and its verification —
for the bureau's administrators."""

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from innoreg.records.audit_verify import verify_chain
from innoreg.records.models.audit import AuditEntry
from innoreg.records.repositories.listing import MAX_LIMIT
from innoreg.service.api.routes.records.common import ADMIN_READ, RECORD_ERRORS, Caller
from innoreg.service.api.schemas.records import Listing
from innoreg.service.api.schemas.records_io import AuditEntryPublic, ChainReportPublic
from innoreg.service.auth.policy import guard
from innoreg.service.database import DatabaseDep

router = APIRouter(responses=RECORD_ERRORS, tags=["audit"])


class AuditQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    entity: str | None = Field(None, max_length=60, description="A table: `filings`, `users`.")
    entity_id: str | None = Field(None, max_length=60)
    actor: str | None = Field(None, max_length=200, description="`user:7`, `cli`, …")
    cursor: str | None = Field(
        None,
        pattern="^[0-9]{1,18}$",
        description="The `next` of the page before: the entries older than it.",
    )
    limit: int = Field(50, ge=1, le=MAX_LIMIT)


def _entry(row: AuditEntry) -> dict[str, Any]:
    change = json.loads(row.canonical)
    return {
        "seq": row.seq,
        "at": row.at,
        "actor": row.actor,
        "action": row.action,
        "entity": row.entity,
        "entity_id": row.entity_id,
        "prev_hash": row.prev_hash,
        "hash": row.hash,
        "before": change.get("before"),
        "after": change.get("after"),
    }


@router.get(
    "/v1/audit",
    response_model=Listing[AuditEntryPublic],
    summary="The audit log, newest first",
    dependencies=[guard(ADMIN_READ)],
)
def audit(
    database: DatabaseDep, caller: Caller, query: Annotated[AuditQuery, Query()]
) -> dict[str, Any]:
    """Each write's entry: who, when, what, the changed fields before and after, and the
    hashes that chain it (``GET /v1/audit/verify`` checks them)."""
    statement = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(query.limit + 1)
    if query.cursor is not None:
        statement = statement.where(AuditEntry.seq < int(query.cursor))
    for column, value in (
        (AuditEntry.entity, query.entity),
        (AuditEntry.entity_id, query.entity_id),
        (AuditEntry.actor, query.actor),
    ):
        if value is not None:
            statement = statement.where(column == value)
    with database.read() as session:
        rows = list(session.scalars(statement))
    more = len(rows) > query.limit
    items = [_entry(row) for row in rows[: query.limit]]
    return {"items": items, "next": str(items[-1]["seq"]) if more else None}


@router.get(
    "/v1/audit/verify",
    response_model=ChainReportPublic,
    summary="Verify the audit chain from genesis",
    dependencies=[guard(ADMIN_READ)],
)
async def verify(database: DatabaseDep, caller: Caller) -> ChainReportPublic:
    def work() -> ChainReportPublic:
        with database.read() as session:
            report = verify_chain(session)
        return ChainReportPublic(
            intact=report.intact,
            rows=report.rows,
            head_seq=report.head_seq,
            head_hash=report.head_hash,
            problems=report.problems[:1000],
        )

    return await run_in_threadpool(work)
