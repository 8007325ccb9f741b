"""``/v1/ip-assets`` (Luoyang art. 14): an organisation records its IP; deciding an asset
stores its deadline; ``/v1/ip/overdue`` lists the assets the government may now implement,
and the bureau issues a notice on one (``/v1/notices``, printable as PDF)."""

import base64
import datetime as dt
import json
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import Field
from starlette.responses import Response

from innoreg.errors import InputError
from innoreg.records.models.ip import IPAsset
from innoreg.records.models.notices import Notice
from innoreg.records.repositories.ip import IP_ASSETS, NOTICES
from innoreg.records.repositories.kinds import get_record
from innoreg.records.workflows.ip import (
    decide_ip_asset,
    issue_notice,
    notice_document,
    overdue_assets,
)
from innoreg.service.api.routes.records.common import (
    ADMIN_WRITE,
    ID_MAX,
    READ,
    RECORD_ERRORS,
    WRITE,
    Caller,
    Cursor,
    Ident,
    Limit,
)
from innoreg.service.api.routes.records.crud import Crud, ListQuery, add_routes, sort_field
from innoreg.service.api.schemas.records import Listing
from innoreg.service.api.schemas.records_determinations import DecideRequest, DeterminationPublic
from innoreg.service.api.schemas.records_ip import (
    IPAssetCreate,
    IPAssetPublic,
    IPAssetUpdate,
    IPKind,
    NoticeIssue,
    NoticePublic,
    OverdueAssetPublic,
)
from innoreg.service.auth.policy import guard
from innoreg.service.database import DatabaseDep

router = APIRouter(responses=RECORD_ERRORS)


class IPAssetQuery(ListQuery):
    organisation_id: int | None = Field(None, ge=1, le=ID_MAX)
    kind: IPKind | None = None
    fiscally_funded: bool | None = None
    sort: str = sort_field(IP_ASSETS.sorts)

    def conditions(self) -> list[Any]:
        found = []
        if self.organisation_id is not None:
            found.append(IPAsset.organisation_id == self.organisation_id)
        if self.kind is not None:
            found.append(IPAsset.kind == self.kind)
        if self.fiscally_funded is not None:
            found.append(IPAsset.fiscally_funded.is_(self.fiscally_funded))
        return found


class NoticeQuery(ListQuery):
    organisation_id: int | None = Field(None, ge=1, le=ID_MAX)
    ip_asset_id: int | None = Field(None, ge=1, le=ID_MAX)
    sort: str = sort_field(NOTICES.sorts)

    def conditions(self) -> list[Any]:
        found = []
        if self.organisation_id is not None:
            found.append(Notice.organisation_id == self.organisation_id)
        if self.ip_asset_id is not None:
            found.append(Notice.ip_asset_id == self.ip_asset_id)
        return found


_assets = APIRouter(tags=["ip-assets"])
add_routes(
    _assets,
    Crud(
        IP_ASSETS,
        "/v1/ip-assets",
        "IP asset",
        IPAssetPublic,
        IPAssetQuery,
        READ,
        IPAssetCreate,
        IPAssetUpdate,
        WRITE,
    ),
)


@_assets.post(
    "/v1/ip-assets/{ident}/determinations",
    response_model=DeterminationPublic,
    status_code=201,
    summary="Decide an IP asset's art. 14 deadline",
    dependencies=[guard(WRITE)],
)
def decide(
    ident: Ident, body: DecideRequest, database: DatabaseDep, caller: Caller
) -> DeterminationPublic:
    with database.write(actor=caller.actor) as session:
        made = decide_ip_asset(
            session, scope=caller.scope(), asset_id=ident, actor=caller.actor, day=body.date
        )
        return DeterminationPublic.model_validate(made)


@_assets.post(
    "/v1/ip-assets/{ident}/notices",
    response_model=NoticePublic,
    status_code=201,
    summary="Issue the art. 14 notice on an overdue asset",
    dependencies=[guard(ADMIN_WRITE)],
)
def notice(ident: Ident, body: NoticeIssue, database: DatabaseDep, caller: Caller) -> NoticePublic:
    """The asset must be one the government may implement on ``as_of`` (409 otherwise, naming
    why); an asset already noticed answers with the notice issued before."""
    with database.write(actor=caller.actor) as session:
        issued = issue_notice(
            session, scope=caller.scope(), asset_id=ident, as_of=body.as_of, actor=caller.actor
        )
        return NoticePublic.model_validate(issued)


@_assets.get(
    "/v1/ip/overdue",
    response_model=Listing[OverdueAssetPublic],
    summary="IP the government may now implement (Luoyang art. 14)",
    dependencies=[guard(READ)],
)
def overdue(
    database: DatabaseDep,
    caller: Caller,
    as_of: Annotated[dt.date, Query(description="The day the deadlines are read on.")],
    noticed: Annotated[bool | None, Query(description="Only with (or without) a notice.")] = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> dict[str, Any]:
    """Funded assets whose holder could implement them, with no justifiable reason, not
    implemented by their deadline; earliest deadline first."""
    offset = _offset(cursor, as_of)
    with database.read() as session:
        rows = overdue_assets(
            session,
            scope=caller.scope(),
            as_of=as_of,
            limit=limit + 1,
            offset=offset,
            noticed=noticed,
        )
    following = _cursor(as_of, offset + limit) if len(rows) > limit else None
    return {"items": [row.__dict__ for row in rows[:limit]], "next": following}


def _cursor(as_of: dt.date, offset: int) -> str:
    raw = json.dumps(["overdue", as_of.isoformat(), offset]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _offset(cursor: str | None, as_of: dt.date) -> int:
    """Overdue assets are a report read on a day: its pages continue by position, and a
    cursor made for another day is refused."""
    if cursor is None:
        return 0
    try:
        kind, day, offset = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, TypeError):
        raise InputError("is not a cursor this list gave out", field="cursor") from None
    if kind != "overdue" or day != as_of.isoformat() or not isinstance(offset, int) or offset < 0:
        raise InputError("is not a cursor of this list on this day", field="cursor")
    return offset


_notices = APIRouter(tags=["notices"])
add_routes(
    _notices,
    Crud(NOTICES, "/v1/notices", "notice", NoticePublic, NoticeQuery, READ),
)


@_notices.get(
    "/v1/notices/{ident}/pdf",
    summary="A notice as PDF, in Chinese and English",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {"schema": {"type": "string"}}}}},
    dependencies=[guard(READ)],
)
def notice_pdf(ident: Ident, database: DatabaseDep, caller: Caller) -> Response:
    from innoreg.service.documents import notice_pdf as printed

    with database.read() as session:
        get_record(session, NOTICES, scope=caller.scope(), ident=ident)
        document = notice_document(session, scope=caller.scope(), notice_id=ident)
    return Response(
        printed(document),
        media_type="application/pdf",
        headers={"content-disposition": f'attachment; filename="innoreg-notice-{ident}.pdf"'},
    )


router.include_router(_assets)
router.include_router(_notices)
