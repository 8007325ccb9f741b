"""Imports, exports and the audit log in the API."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field


class ImportResult(BaseModel):
    kind: str
    rows: int = Field(description="Rows written (the whole file, in one transaction).")


class RowProblemPublic(BaseModel):
    row: int = Field(description="As the spreadsheet numbers it (the header is row 1).")
    column: str
    problem: str


class ImportRejected(BaseModel):
    """``application/problem+json`` with every bad cell: nothing was written."""

    type: str
    title: str
    status: int
    detail: str
    problems: list[RowProblemPublic]
    request_id: str | None = None


class AuditEntryPublic(BaseModel):
    seq: int
    at: dt.datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    prev_hash: str
    hash: str
    before: dict[str, Any] | None = Field(
        description="The changed fields before (personal data and documents as SHA-256)."
    )
    after: dict[str, Any] | None


class ChainReportPublic(BaseModel):
    intact: bool
    rows: int
    head_seq: int
    head_hash: str = Field(description="Note it: a later verify must end at or after it.")
    problems: list[str]
