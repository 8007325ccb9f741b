"""Organisations and filings over REST: each caller reaches its own scope only; lists page by
cursor; a change on a stale version is refused."""

from __future__ import annotations

from typing import Any

from tests.records.factories import enterprise, filing, make_code
from tests.service.records_api.conftest import Api


def two_tenants(api: Api) -> dict[str, Any]:
    with api.database.write(actor="test") as session:
        mine, theirs = enterprise(session, 1), enterprise(session, 2)
        ids = {
            "mine": mine.id,
            "theirs": theirs.id,
            "my_filing": filing(session, mine, fiscal_year=2023).id,
            "their_filing": filing(session, theirs, fiscal_year=2023).id,
        }
    return ids


def test_a_tenant_reads_its_own_filings_and_nobody_elses(api: Api) -> None:
    ids = two_tenants(api)
    me = api.sign_in("enterprise_user", ids["mine"])
    listed = api.client.get("/v1/filings", headers=me).json()
    assert [f["id"] for f in listed["items"]] == [ids["my_filing"]] and listed["next"] is None
    mine = api.client.get(f"/v1/filings/{ids['my_filing']}", headers=me)
    assert mine.status_code == 200
    assert mine.json()["sales_revenue"] == "80000000.00"
    assert mine.json()["organisation_id"] == ids["mine"]
    theirs = api.client.get(f"/v1/filings/{ids['their_filing']}", headers=me)
    missing = api.client.get("/v1/filings/999999", headers=me)
    assert theirs.status_code == missing.status_code == 404
    assert theirs.json()["detail"] == f"no filing with id {ids['their_filing']}"
    assert api.client.get(f"/v1/organisations/{ids['theirs']}", headers=me).status_code == 404
    organisations = api.client.get("/v1/organisations", headers=me).json()["items"]
    assert [o["id"] for o in organisations] == [ids["mine"]]


def test_anonymous_is_401_and_a_reviewer_with_nothing_assigned_reaches_nothing(api: Api) -> None:
    ids = two_tenants(api)
    anonymous = api.client.get("/v1/filings")
    assert anonymous.status_code == 401
    assert anonymous.headers["www-authenticate"] == "Bearer"
    reviewer = api.sign_in("reviewer")
    assert api.client.get("/v1/filings", headers=reviewer).json() == {"items": [], "next": None}
    got = api.client.get(f"/v1/filings/{ids['my_filing']}", headers=reviewer)
    assert got.status_code == 404
    admin = api.sign_in("bureau_admin")
    everything = api.client.get("/v1/filings", headers=admin).json()["items"]
    assert {f["id"] for f in everything} == {ids["my_filing"], ids["their_filing"]}


def test_filing_for_its_own_organisation_and_not_for_another(api: Api) -> None:
    ids = two_tenants(api)
    me = api.sign_in("enterprise_user", ids["mine"])
    body = {
        "organisation_id": ids["mine"],
        "fiscal_year": 2024,
        "sales_revenue": "80000000.00",
        "rd_expense": "500000.5",
        "above_designated_size": True,
    }
    created = api.client.post("/v1/filings", json=body, headers=me)
    assert created.status_code == 201, created.text
    assert created.json()["rd_expense"] == "500000.50" and created.json()["version"] == 1
    other = api.client.post(
        "/v1/filings", json={**body, "organisation_id": ids["theirs"]}, headers=me
    )
    assert other.status_code == 422
    assert other.json()["field"] == "organisation_id"
    assert other.json()["detail"] == f"no organisation with id {ids['theirs']}"
    twice = api.client.post("/v1/filings", json=body, headers=me)
    assert twice.status_code == 422 and "unique" in twice.json()["detail"]
    for bad, field in (
        ({**body, "sales_revenue": 80000000}, "body.sales_revenue"),
        ({**body, "rd_expense": "-1.00"}, "body.rd_expense"),
        ({**body, "fiscal_year": 1800}, "body.fiscal_year"),
        ({**body, "turnover": "1.00"}, "body.turnover"),
    ):
        refused = api.client.post("/v1/filings", json=bad, headers=me)
        assert refused.status_code == 422 and refused.json()["field"] == field, refused.text


def test_a_change_on_a_stale_version_is_refused_with_409(api: Api) -> None:
    ids = two_tenants(api)
    me = api.sign_in("enterprise_user", ids["mine"])
    path = f"/v1/filings/{ids['my_filing']}"
    first = api.client.patch(path, json={"version": 1, "rd_expense": "900000.00"}, headers=me)
    assert first.status_code == 200 and first.json()["version"] == 2
    stale = api.client.patch(path, json={"version": 1, "rd_expense": "1.00"}, headers=me)
    assert stale.status_code == 409
    assert "version 2" in stale.json()["detail"] and "version 1" in stale.json()["detail"]
    assert api.client.get(path, headers=me).json()["rd_expense"] == "900000.00"
    theirs = f"/v1/filings/{ids['their_filing']}"
    assert api.client.patch(theirs, json={"version": 1}, headers=me).status_code == 404


def test_lists_page_by_cursor_in_the_order_asked(api: Api) -> None:
    ids = two_tenants(api)
    with api.database.write(actor="test") as session:
        mine = enterprise(session, 3)
        for year in range(2015, 2022):
            filing(session, mine, fiscal_year=year)
    me = api.sign_in("enterprise_user", mine.id)
    seen: list[int] = []
    cursor = None
    pages = 0
    while True:
        query: dict[str, Any] = {"limit": 3, "sort": "-fiscal_year"}
        if cursor:
            query["cursor"] = cursor
        page = api.client.get("/v1/filings", params=query, headers=me).json()
        seen += [f["fiscal_year"] for f in page["items"]]
        pages += 1
        cursor = page["next"]
        if cursor is None:
            break
    assert seen == list(range(2021, 2014, -1)) and pages == 3
    first = api.client.get("/v1/filings", params={"limit": 3}, headers=me).json()
    other_sort = api.client.get(
        "/v1/filings", params={"cursor": first["next"], "sort": "fiscal_year"}, headers=me
    )
    assert other_sort.status_code == 422 and other_sort.json()["field"] == "cursor"
    forged = api.client.get("/v1/filings", params={"cursor": "bm9wZQ"}, headers=me)
    assert forged.status_code == 422 and forged.json()["field"] == "cursor"
    by_year = api.client.get("/v1/filings", params={"fiscal_year": 2016}, headers=me).json()
    assert [f["fiscal_year"] for f in by_year["items"]] == [2016]
    assert ids["their_filing"] not in {f["id"] for f in first["items"]}


def test_only_the_bureau_registers_and_changes_organisations(api: Api) -> None:
    ids = two_tenants(api)
    body = {"kind": "enterprise", "name": "新企业", "credit_code": make_code(99)}
    tenant = api.sign_in("enterprise_user", ids["mine"])
    assert api.client.post("/v1/organisations", json=body, headers=tenant).status_code == 403
    admin = api.sign_in("bureau_admin")
    created = api.client.post("/v1/organisations", json=body, headers=admin)
    assert created.status_code == 201 and created.json()["credit_code"] == body["credit_code"]
    ident = created.json()["id"]
    changed = api.client.patch(
        f"/v1/organisations/{ident}", json={"version": 1, "district": "洛龙区"}, headers=admin
    )
    assert changed.json()["district"] == "洛龙区" and changed.json()["version"] == 2
    with api.database.read() as session:
        from innoreg.records.models import AuditEntry

        entries = session.query(AuditEntry).filter(AuditEntry.entity == "organisations").all()
    admin_id = api.user_id(admin)
    assert {e.action for e in entries if e.actor == f"user:{admin_id}"} == {"insert", "update"}
    code = make_code(98)
    wrong = code[:17] + ("0" if code[17] != "0" else "1")
    bad = api.client.post("/v1/organisations", json={**body, "credit_code": wrong}, headers=admin)
    assert bad.status_code == 422 and bad.json()["field"] == "credit_code"
    assert "check character" in bad.json()["detail"]
