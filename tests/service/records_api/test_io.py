"""Imports with their row report, exports in the caller's scope, and the audit log with its
verification, over REST."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook
from tests.records.factories import make_code
from tests.service.records_api.conftest import Api
from tests.service.records_api.world import build_world


def test_an_import_writes_the_whole_file_or_reports_every_bad_cell(api: Api) -> None:
    admin = api.sign_in("bureau_admin")
    good = "credit_code,name,kind,district\n" + "\n".join(
        f"{make_code(500 + i)},导入企业{i},enterprise,涧西区" for i in range(3)
    )
    bad = good + f"\n{make_code(600)[:-1]}0,坏代码企业,企业,涧西区\n{make_code(601)},,company,\n"
    csv_type = {"content-type": "text/csv", **admin}
    rejected = api.client.post("/v1/imports/organisations?lang=zh", content=bad, headers=csv_type)
    assert rejected.status_code == 422
    assert rejected.headers["content-type"] == "application/problem+json"
    problems = rejected.json()["problems"]
    assert {(p["row"], p["column"]) for p in problems} >= {(5, "credit_code"), (6, "kind")}
    assert "未导入任何内容" in rejected.json()["detail"]
    before = api.client.get("/v1/organisations", headers=admin).json()["items"]
    assert before == []
    done = api.client.post("/v1/imports/organisations", content=good, headers=csv_type)
    assert done.status_code == 201 and done.json() == {"kind": "organisations", "rows": 3}
    assert len(api.client.get("/v1/organisations", headers=admin).json()["items"]) == 3
    wrong_type = api.client.post(
        "/v1/imports/organisations", content=good, headers={"content-type": "text/plain", **admin}
    )
    assert wrong_type.status_code == 415
    tenant = api.sign_in("enterprise_user", done_id(api, admin))
    assert api.client.post("/v1/imports/filings", content=good, headers=tenant).status_code == 403


def done_id(api: Api, admin: dict[str, str]) -> int:
    return int(api.client.get("/v1/organisations", headers=admin).json()["items"][0]["id"])


def test_an_export_holds_the_callers_scope(api: Api) -> None:
    world = build_world(api.database)
    me = api.sign_in("enterprise_user", world.organisations["mine"])
    admin = api.sign_in("bureau_admin")
    mine = api.client.get("/v1/exports/filings.csv", headers=me)
    assert mine.status_code == 200 and mine.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(mine.content.decode("utf-8-sig"))))
    assert [r["fiscal_year"] for r in rows] == ["2023"]
    assert rows[0]["sales_revenue"] == "80000000.00"
    everything = api.client.get("/v1/exports/filings.xlsx", headers=admin)
    sheet = load_workbook(io.BytesIO(everything.content)).worksheets[0]
    assert sheet.max_row == 4  # the header and three filings
    assert api.client.get("/v1/exports/transfers.csv", headers=admin).status_code == 422


def test_the_audit_log_names_who_changed_what_and_verifies(api: Api) -> None:
    world = build_world(api.database)
    me = api.sign_in("enterprise_user", world.organisations["mine"])
    admin = api.sign_in("bureau_admin")
    path = f"/v1/filings/{world.id('mine', 'filings')}"
    version = api.client.get(path, headers=me).json()["version"]
    changed = api.client.patch(path, json={"version": version, "rd_expense": "2.00"}, headers=me)
    assert changed.status_code == 200
    assert api.client.get("/v1/audit", headers=me).status_code == 403
    entries = api.client.get(
        "/v1/audit", params={"entity": "filings", "limit": 1}, headers=admin
    ).json()
    newest = entries["items"][0]
    assert newest["actor"] == f"user:{api.user_id(me)}" and newest["action"] == "update"
    assert newest["after"]["rd_expense"] == 200 and newest["entity_id"] == str(
        path[-1:] and world.id("mine", "filings")
    )
    older = api.client.get(
        "/v1/audit",
        params={"entity": "filings", "limit": 1, "cursor": entries["next"]},
        headers=admin,
    ).json()["items"]
    assert older[0]["seq"] < newest["seq"]
    transfers = api.client.get("/v1/audit", params={"entity": "reward_shares"}, headers=admin)
    assert "张三丰" not in transfers.text  # personal data enters the log as digests
    verified = api.client.get("/v1/audit/verify", headers=admin).json()
    assert verified["intact"] is True and verified["head_seq"] >= newest["seq"]
