"""Reading the audit log: entries newest first, filtered by table, record or actor, each with
the change it records (before and after, as hashed) — for the bureau's audit page."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from innoreg.records.models.audit import AuditEntry


@dataclass(frozen=True)
class LoggedChange:
    seq: int
    at: dt.datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    hash: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def audit_entries(
    session: Session,
    *,
    entity: str | None = None,
    entity_id: str | None = None,
    actor: str | None = None,
    before_seq: int | None = None,
    limit: int = 50,
) -> tuple[list[LoggedChange], bool]:
    """Up to ``limit`` entries older than ``before_seq`` (newest first), and whether there
    are more."""
    query = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit + 1)
    if before_seq is not None:
        query = query.where(AuditEntry.seq < before_seq)
    for column, value in (
        (AuditEntry.entity, entity),
        (AuditEntry.entity_id, entity_id),
        (AuditEntry.actor, actor),
    ):
        if value:
            query = query.where(column == value)
    rows = list(session.scalars(query))
    changes = []
    for row in rows[:limit]:
        recorded = json.loads(row.canonical)
        changes.append(
            LoggedChange(
                row.seq,
                row.at,
                row.actor,
                row.action,
                row.entity,
                row.entity_id,
                row.hash,
                recorded.get("before"),
                recorded.get("after"),
            )
        )
    return changes, len(rows) > limit
