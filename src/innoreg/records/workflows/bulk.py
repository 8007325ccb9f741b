"""Deciding every record of a kind through its workflow — after a demo load or an import, so
that each filing, transfer and IP asset has its determination (and each asset its art. 14
deadline). Records are decided a batch at a time, each batch one audited transaction: an
interruption keeps the batches already written, and other writers are not held up for the
whole run."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from innoreg.records.db import Database
from innoreg.records.models.filings import AnnualFiling
from innoreg.records.models.ip import IPAsset
from innoreg.records.models.transfers import Transfer
from innoreg.records.repositories.scope import Scope
from innoreg.records.workflows.filings import decide_filing
from innoreg.records.workflows.ip import decide_ip_asset
from innoreg.records.workflows.transfers import decide_transfer

BATCH = 200


def _filing(session: Session, ident: int, scope: Scope, actor: str, day: dt.date | None) -> Any:
    return decide_filing(session, scope=scope, filing_id=ident, actor=actor, day=day)


def _transfer(session: Session, ident: int, scope: Scope, actor: str, day: dt.date | None) -> Any:
    return decide_transfer(session, scope=scope, transfer_id=ident, actor=actor, day=day)


def _ip_asset(session: Session, ident: int, scope: Scope, actor: str, day: dt.date | None) -> Any:
    return decide_ip_asset(session, scope=scope, asset_id=ident, actor=actor, day=day)


Decider = Callable[[Session, int, Scope, str, "dt.date | None"], Any]
KINDS: dict[str, tuple[Any, str, Decider]] = {
    "filings": (AnnualFiling, "organisation_id", _filing),
    "transfers": (Transfer, "holder_id", _transfer),
    "ip-assets": (IPAsset, "organisation_id", _ip_asset),
}
"""Each kind: its model, the column naming its organisation, and its workflow's decision."""


@dataclass
class BulkDecision:
    total: int
    batches: Iterator[int]
    """Decides as it is iterated; yields how many records each committed batch decided."""


def decide_all(
    database: Database,
    *,
    kind: str,
    scope: Scope,
    actor: str,
    day: dt.date | None = None,
    undecided_only: bool = False,
    batch: int = BATCH,
) -> BulkDecision:
    """Decide every record of ``kind`` in ``scope`` (or only those without a determination)
    on ``day`` (default: today; a transfer's own conclusion date)."""
    model, owner, decide_one = KINDS[kind]
    query = select(model.id).where(scope.where(getattr(model, owner))).order_by(model.id)
    if undecided_only:
        query = query.where(model.determination_id.is_(None))
    with database.read() as session:
        ids = list(session.scalars(query))

    def batches() -> Iterator[int]:
        for start in range(0, len(ids), batch):
            chunk = ids[start : start + batch]
            with database.write(actor=actor) as session:
                for ident in chunk:
                    decide_one(session, ident, scope, actor, day)
            yield len(chunk)

    return BulkDecision(len(ids), batches())
