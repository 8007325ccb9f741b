"""Lists and records answered from their table's rows (``routes/records/reads.py``) say exactly
what the same records loaded as objects say, field for field, on both databases; kinds whose
answer needs related records or masking keep their objects."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel
from tests.service.records_api.conftest import Api
from tests.service.records_api.world import build_world

from innoreg.records.repositories import BUREAU
from innoreg.records.repositories.activity import AWARDS, PROJECTS, STANDARDS
from innoreg.records.repositories.applications import APPLICATIONS
from innoreg.records.repositories.determinations import DETERMINATIONS
from innoreg.records.repositories.filings import FILINGS
from innoreg.records.repositories.ip import IP_ASSETS, NOTICES
from innoreg.records.repositories.kinds import Kind, list_records
from innoreg.records.repositories.organisations import ORGANISATIONS
from innoreg.records.repositories.transfers import TRANSFERS
from innoreg.service.api.routes.records.reads import answered_from_columns
from innoreg.service.api.schemas.records_activity import (
    AwardPublic,
    ProjectPublic,
    StandardPublic,
)
from innoreg.service.api.schemas.records_applications import ApplicationPublic
from innoreg.service.api.schemas.records_determinations import DeterminationPublic
from innoreg.service.api.schemas.records_filings import FilingPublic
from innoreg.service.api.schemas.records_ip import IPAssetPublic, NoticePublic
from innoreg.service.api.schemas.records_organisations import OrganisationPublic
from innoreg.service.api.schemas.records_transfers import TransferPublic

FROM_ROWS: dict[str, tuple[Kind, type[BaseModel]]] = {
    "/v1/organisations": (ORGANISATIONS, OrganisationPublic),
    "/v1/filings": (FILINGS, FilingPublic),
    "/v1/determinations": (DETERMINATIONS, DeterminationPublic),
    "/v1/projects": (PROJECTS, ProjectPublic),
    "/v1/ip-assets": (IP_ASSETS, IPAssetPublic),
    "/v1/notices": (NOTICES, NoticePublic),
    "/v1/awards": (AWARDS, AwardPublic),
    "/v1/standards": (STANDARDS, StandardPublic),
}


def test_only_kinds_whose_answer_is_their_columns_are_answered_from_rows() -> None:
    for kind, public in FROM_ROWS.values():
        assert answered_from_columns(kind, public), kind.name
    # A transfer's answer carries its reward plan, an application its moves: other tables.
    assert not answered_from_columns(TRANSFERS, TransferPublic)
    assert not answered_from_columns(APPLICATIONS, ApplicationPublic)


def _as_objects(api: Api, kind: Kind, public: type[BaseModel]) -> list[dict[str, Any]]:
    with api.database.read() as session:
        found = list_records(session, kind, scope=BUREAU, limit=500).items
        return [
            public.model_validate(item).model_dump(mode="json", by_alias=True) for item in found
        ]


@pytest.mark.parametrize("path", sorted(FROM_ROWS))
def test_rows_answer_what_objects_answer(api: Api, path: str) -> None:
    build_world(api.database)
    admin = api.sign_in("bureau_admin")
    expected = _as_objects(api, *FROM_ROWS[path])
    assert expected, f"the world has no {path}"
    listed = api.client.get(path, params={"limit": 500}, headers=admin)
    assert listed.status_code == 200, listed.text
    assert listed.json() == {"items": expected, "next": None}
    for record in expected:
        one = api.client.get(f"{path}/{record['id']}", headers=admin)
        assert one.status_code == 200 and one.json() == record, one.text


def test_a_page_of_rows_continues_by_its_cursor_in_any_sort(api: Api) -> None:
    world = build_world(api.database)
    for _ in range(4):
        world.fresh("mine", "filings")
    admin = api.sign_in("bureau_admin")
    for sort in ("id", "-fiscal_year", "sales_revenue"):
        seen: list[int] = []
        cursor = None
        while True:
            params: dict[str, Any] = {"limit": 2, "sort": sort}
            if cursor:
                params["cursor"] = cursor
            page = api.client.get("/v1/filings", params=params, headers=admin).json()
            seen += [item["id"] for item in page["items"]]
            cursor = page["next"]
            if cursor is None:
                break
        everything = api.client.get(
            "/v1/filings", params={"limit": 500, "sort": sort}, headers=admin
        )
        assert seen == [item["id"] for item in everything.json()["items"]], sort
        assert len(seen) == len(set(seen)) >= 7


def test_a_row_outside_the_callers_scope_is_as_absent_as_a_missing_one(api: Api) -> None:
    world = build_world(api.database)
    me = api.sign_in("enterprise_user", world.organisations["mine"])
    for path in FROM_ROWS:
        kind = path.removeprefix("/v1/")
        theirs = api.client.get(f"{path}/{world.id('theirs', kind)}", headers=me)
        missing = api.client.get(f"{path}/2147483000", headers=me)
        assert theirs.status_code == missing.status_code == 404, path
        assert theirs.json()["detail"].replace(
            str(world.id("theirs", kind)), "N"
        ) == missing.json()["detail"].replace("2147483000", "N")
        listed = api.client.get(path, params={"limit": 500}, headers=me).json()["items"]
        assert world.id("theirs", kind) not in [item["id"] for item in listed], path
