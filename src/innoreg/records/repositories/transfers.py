"""Transfers of achievements and their reward plans, read and recorded within the caller's
scope (the holder is the owning organisation)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from innoreg.records.errors import NotFoundError
from innoreg.records.models.projects import FundedProject
from innoreg.records.models.transfers import RewardShare, Transfer
from innoreg.records.repositories.kinds import Kind
from innoreg.records.repositories.scope import Scope, load


def transfers_of(session: Session, *, scope: Scope, organisation_id: int) -> list[Transfer]:
    """An organisation's transfers, the latest concluded first."""
    return list(
        session.scalars(
            select(Transfer)
            .where(Transfer.holder_id == organisation_id, scope.where(Transfer.holder_id))
            .order_by(Transfer.concluded_on.desc(), Transfer.id.desc())
        )
    )


def get_transfer(session: Session, *, scope: Scope, transfer_id: int) -> Transfer:
    return load(session, Transfer, transfer_id, scope=scope, kind="transfer", owner="holder_id")


@dataclass(frozen=True)
class Share:
    """One person's part of a reward plan."""

    name: str
    role: str
    cash: int
    """Fen."""
    equity: Decimal = Decimal(0)


def record_transfer(
    session: Session,
    *,
    scope: Scope,
    holder_id: int,
    achievement: str,
    counterparty: str,
    mode: str,
    concluded_on: dt.date,
    fiscally_funded: bool,
    has_reward_rules: bool,
    net_income: int,
    equity_total: Decimal | None,
    shares: list[Share],
) -> Transfer:
    """A draft transfer with its reward plan; deciding and making it final are the
    workflow's (``workflows/transfers.py``)."""
    if not scope.reaches(session, holder_id):
        raise NotFoundError("organisation", holder_id)
    transfer = Transfer(
        holder_id=holder_id,
        achievement=achievement,
        counterparty=counterparty,
        mode=mode,
        concluded_on=concluded_on,
        fiscally_funded=fiscally_funded,
        has_reward_rules=has_reward_rules,
        net_income=net_income,
        equity_total=equity_total,
        equity_unit="shares" if equity_total is not None else None,
    )
    for share in shares:
        transfer.rewards.append(
            RewardShare(
                recipient_name=share.name, role=share.role, cash=share.cash, equity=share.equity
            )
        )
    session.add(transfer)
    session.flush()
    return transfer


TRANSFERS = Kind(
    "transfer",
    Transfer,
    owner="holder_id",
    sorts=("id", "concluded_on", "holder_id"),
    references=(("project_id", FundedProject),),
    locked_in=("final",),
)
"""Transfers as a kind of record the API lists and changes; a final one cannot change."""


def mask_name(name: str) -> str:
    """The first character, then one ``*`` per character hidden (``张三丰`` → ``张**``)."""
    return name[:1] + "*" * (len(name) - 1)


def mask_id_number(number: str | None) -> str | None:
    """Only the last four characters of a resident identity number."""
    if number is None:
        return None
    return "*" * max(len(number) - 4, 0) + number[-4:]
