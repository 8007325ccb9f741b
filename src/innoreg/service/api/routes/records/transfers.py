"""``/v1/transfers``: a holder records a transfer of a job-related achievement and its reward
plan; making it final checks the plan against the legal minimum (Luoyang art. 13 ¶1,
national art. 45) and refuses, naming the shortfall, when it falls short."""

from typing import Any

from fastapi import APIRouter
from pydantic import Field

from innoreg.records.models.transfers import RewardShare, Transfer
from innoreg.records.principal import Principal, Role
from innoreg.records.repositories.kinds import get_record
from innoreg.records.repositories.scope import apply_changes
from innoreg.records.repositories.transfers import TRANSFERS, mask_id_number, mask_name
from innoreg.records.workflows.transfers import finalise_transfer
from innoreg.service.api.routes.records.common import (
    ID_MAX,
    READ,
    RECORD_ERRORS,
    TENANT,
    WRITE,
    Caller,
    Ident,
)
from innoreg.service.api.routes.records.crud import Crud, ListQuery, add_routes, sort_field
from innoreg.service.api.schemas.records_transfers import (
    Finalise,
    Mode,
    TransferCreate,
    TransferPublic,
    TransferUpdate,
)
from innoreg.service.auth.policy import guard
from innoreg.service.database import DatabaseDep

router = APIRouter(responses=RECORD_ERRORS, tags=["transfers"])
SEES_PERSONAL_DATA = frozenset({*TENANT, Role.BUREAU_ADMIN})
"""Roles that read recipients in full on one transfer: the holder's own people, who made the
plan, and the bureau's administrators, who answer for it. Never in a list."""


class TransferQuery(ListQuery):
    holder_id: int | None = Field(None, ge=1, le=ID_MAX)
    mode: Mode | None = None
    state: str | None = Field(None, pattern="^(draft|final)$")
    sort: str = sort_field(TRANSFERS.sorts)

    def conditions(self) -> list[Any]:
        found = []
        if self.holder_id is not None:
            found.append(Transfer.holder_id == self.holder_id)
        if self.mode is not None:
            found.append(Transfer.mode == self.mode)
        if self.state is not None:
            found.append(Transfer.state == self.state)
        return found


def publish(transfer: Transfer, caller: Principal, in_list: bool) -> TransferPublic:
    shown = not in_list and caller.role in SEES_PERSONAL_DATA
    answer = TransferPublic.model_validate(
        {
            **{
                c: getattr(transfer, c) for c in TransferPublic.model_fields if hasattr(transfer, c)
            },
            "rewards": list(transfer.rewards),
            "personal_data": "shown" if shown else "masked",
        }
    )
    if not shown:
        for share in answer.rewards:
            share.recipient_name = mask_name(share.recipient_name)
            share.recipient_id_number = mask_id_number(share.recipient_id_number)
    return answer


def fields(body: dict[str, Any]) -> dict[str, Any]:
    """The reward plan's rows as the transfer's shares (a change replaces the whole plan)."""
    if body.get("rewards") is not None:
        body["rewards"] = [RewardShare(**share) for share in body["rewards"]]
    elif "rewards" in body:
        del body["rewards"]
    return body


add_routes(
    router,
    Crud(
        TRANSFERS,
        "/v1/transfers",
        "transfer",
        TransferPublic,
        TransferQuery,
        READ,
        TransferCreate,
        TransferUpdate,
        WRITE,
        fields=fields,
        publish=publish,
    ),
)


@router.post(
    "/v1/transfers/{ident}/finalise",
    response_model=TransferPublic,
    summary="Make a transfer final (its reward plan checked against the minimum)",
    dependencies=[guard(WRITE)],
)
def finalise(ident: Ident, body: Finalise, database: DatabaseDep, caller: Caller) -> TransferPublic:
    """409 naming the state when it is final already, or naming the shortfall and the
    determination when the reward plan gives less than the law's minimum."""
    with database.write(actor=caller.actor) as session:
        current = get_record(session, TRANSFERS, scope=caller.scope(), ident=ident)
        apply_changes(current, {}, expected_version=body.version, kind="transfer")
        done = finalise_transfer(
            session, scope=caller.scope(), transfer_id=ident, actor=caller.actor, day=body.date
        )
        return publish(done, caller, False)
