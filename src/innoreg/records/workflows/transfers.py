"""A transfer becomes final only when its reward plan meets the minimum the law sets
(Luoyang art. 13 ¶1; national art. 45), or when no statutory floor reaches the holder."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from innoreg.records.determinations import decide, entity_case, subject_result
from innoreg.records.errors import WorkflowError
from innoreg.records.models.determinations import Determination
from innoreg.records.models.transfers import Transfer
from innoreg.records.repositories.scope import Scope, load
from innoreg.rules.money import format_money

HOLDER_KINDS = {"university": "university", "research_institute": "research_institute"}


def transfer_subject(transfer: Transfer) -> str:
    return f"transfer-{transfer.id}"


def _quantity(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def transfer_case(transfer: Transfer, day: dt.date) -> dict[str, Any]:
    holder = transfer.holder
    facts: dict[str, Any] = {
        "holder_kind": HOLDER_KINDS.get(holder.kind, "enterprise"),
        "state_established": holder.state_established,
        "fiscally_funded": transfer.fiscally_funded,
        "has_reward_rules": transfer.has_reward_rules,
        "mode": transfer.mode,
        "net_income": format_money(transfer.net_income),
        "reward_cash": format_money(sum(r.cash for r in transfer.rewards)),
        "equity_total": _quantity(transfer.equity_total),
        "reward_equity": _quantity(sum((r.equity for r in transfer.rewards), Decimal(0)))
        if transfer.equity_total is not None
        else None,
        "equity_unit": transfer.equity_unit,
    }
    return entity_case(
        holder.jurisdiction, day, ("transfer", "transfers"), transfer_subject(transfer), facts
    )


def decide_transfer(
    session: Session, *, scope: Scope, transfer_id: int, actor: str, day: dt.date | None = None
) -> Determination:
    transfer = load(session, Transfer, transfer_id, scope=scope, kind="transfer", owner="holder_id")
    determination = decide(
        session,
        subject_kind="transfer",
        subject_id=transfer.id,
        organisation_id=transfer.holder_id,
        case=transfer_case(transfer, day or transfer.concluded_on),
        actor=actor,
    )
    transfer.determination_id = determination.id
    session.flush()
    return determination


def finalise_transfer(
    session: Session, *, scope: Scope, transfer_id: int, actor: str, day: dt.date | None = None
) -> Transfer:
    transfer = load(session, Transfer, transfer_id, scope=scope, kind="transfer", owner="holder_id")
    if transfer.state != "draft":
        raise WorkflowError(
            f"transfer {transfer.id} cannot be made final: it is {transfer.state!r}",
            state=transfer.state,
        )
    determination = decide_transfer(
        session, scope=scope, transfer_id=transfer_id, actor=actor, day=day
    )
    values = subject_result(determination, transfer_subject(transfer))
    compliant = values.get("transfer_reward_compliant")
    basis = values.get("transfer_reward_basis")
    if compliant is False:
        raise WorkflowError(
            f"transfer {transfer.id} cannot be made final: its reward plan gives "
            f"{values.get('reward_cash', format_money(sum(r.cash for r in transfer.rewards)))} "
            f"yuan in cash, the minimum is {values.get('transfer_reward_minimum')} "
            f"(shortfall {values.get('transfer_reward_shortfall')}; determination "
            f"{determination.id}, Luoyang art. 13 ¶1 and national art. 45)",
            state=transfer.state,
        )
    if compliant is None and basis == "facts_missing":
        raise WorkflowError(
            f"transfer {transfer.id} cannot be made final: determination {determination.id} "
            "lacks facts to check the reward against the minimum",
            state=transfer.state,
        )
    transfer.state = "final"
    session.flush()
    return transfer
