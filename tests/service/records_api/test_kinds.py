"""Each kind's own behaviour over REST: reward plans masked for whoever has no need of them,
lifecycle moves refused naming the state, determinations replayed, notices printed, overdue
IP listed, registries kept to their family."""

from __future__ import annotations

import datetime as dt

from tests.records.factories import luoyang_in_force
from tests.service.records_api.conftest import Api
from tests.service.records_api.world import build_world


def test_reward_plans_are_masked_in_lists_and_for_reviewers(api: Api) -> None:
    reviewer = api.sign_in("reviewer")
    world = build_world(api.database, reviewer_id=api.user_id(reviewer))
    ident = world.id("mine", "transfers")
    me = api.sign_in("enterprise_user", world.organisations["mine"])
    admin = api.sign_in("bureau_admin")
    listed = api.client.get("/v1/transfers", headers=me).json()["items"]
    assert [t["id"] for t in listed] == [ident]
    assert listed[0]["rewards"][0]["recipient_name"] == "张**"
    assert listed[0]["rewards"][0]["recipient_id_number"] == "**************1234"
    assert listed[0]["personal_data"] == "masked"
    for who, shown in ((me, True), (admin, True), (reviewer, False)):
        one = api.client.get(f"/v1/transfers/{ident}", headers=who).json()
        share = one["rewards"][0]
        assert (share["recipient_name"] == "张三丰") is shown, who
        assert (share["recipient_id_number"] == "410305199001011234") is shown
        assert one["personal_data"] == ("shown" if shown else "masked")
    everything = api.client.get("/v1/transfers", headers=admin).json()["items"]
    assert len(everything) == 3 and "张三丰" not in str(everything)


def test_a_transfer_is_made_final_once_and_then_cannot_change(api: Api) -> None:
    world = build_world(api.database)
    me = api.sign_in("institution_user", world.organisations["institute"])
    ident = world.fresh("institute", "transfers")
    final = api.client.post(f"/v1/transfers/{ident}/finalise", json={"version": 1}, headers=me)
    assert final.status_code == 200, final.text
    assert final.json()["state"] == "final" and final.json()["determination_id"]
    version = final.json()["version"]
    again = api.client.post(
        f"/v1/transfers/{ident}/finalise", json={"version": version}, headers=me
    )
    assert again.status_code == 409 and "'final'" in again.json()["detail"]
    changed = api.client.patch(
        f"/v1/transfers/{ident}", json={"version": version, "counterparty": "x"}, headers=me
    )
    assert changed.status_code == 409 and "'final'" in changed.json()["detail"]


def test_a_reward_below_the_minimum_is_refused_naming_the_shortfall(api: Api) -> None:
    world = build_world(api.database)
    me = api.sign_in("institution_user", world.organisations["institute"])
    body = {
        "holder_id": world.organisations["institute"],
        "achievement": "一种低奖励工艺",
        "mode": "transfer",
        "concluded_on": "2024-03-01",
        "fiscally_funded": True,
        "net_income": "1000000.00",
        "rewards": [{"recipient_name": "李四", "cash": "10000.00"}],
    }
    created = api.client.post("/v1/transfers", json=body, headers=me)
    assert created.status_code == 201, created.text
    ident = created.json()["id"]
    refused = api.client.post(f"/v1/transfers/{ident}/finalise", json={"version": 1}, headers=me)
    assert refused.status_code == 409
    assert "shortfall" in refused.json()["detail"] and "art. 13" in refused.json()["detail"]
    raised = api.client.patch(
        f"/v1/transfers/{ident}",
        json={"version": 1, "rewards": [{"recipient_name": "李四", "cash": "700000.00"}]},
        headers=me,
    )
    assert raised.status_code == 200 and raised.json()["rewards"][0]["cash"] == "700000.00"
    final = api.client.post(f"/v1/transfers/{ident}/finalise", json={"version": 2}, headers=me)
    assert final.status_code == 200 and final.json()["state"] == "final", final.text


def test_an_application_goes_through_its_review(api: Api) -> None:
    reviewer = api.sign_in("reviewer")
    other_reviewer = api.sign_in("reviewer")
    world = build_world(api.database)
    me = api.sign_in("enterprise_user", world.organisations["mine"])
    admin = api.sign_in("bureau_admin")
    made = api.client.post(
        "/v1/applications",
        json={"filing_id": world.id("mine", "filings"), "programme": "研发后补助"},
        headers=me,
    )
    assert made.status_code == 201 and made.json()["state"] == "draft"
    path = f"/v1/applications/{made.json()['id']}"
    theirs = api.client.post(
        "/v1/applications",
        json={"filing_id": world.id("theirs", "filings"), "programme": "x"},
        headers=me,
    )
    assert theirs.status_code == 422 and theirs.json()["field"] == "filing_id"

    submitted = api.client.post(f"{path}/submit", json={"version": 1}, headers=me)
    assert submitted.status_code == 200 and submitted.json()["state"] == "submitted"
    assert submitted.json()["determination_id"] is not None
    version = submitted.json()["version"]
    assert api.client.get(path, headers=reviewer).status_code == 404  # not yet assigned
    assigned = api.client.post(
        f"{path}/assign",
        json={"version": version, "reviewer_id": api.user_id(reviewer)},
        headers=admin,
    )
    assert assigned.status_code == 200 and assigned.json()["reviewer_id"] == api.user_id(reviewer)
    version = assigned.json()["version"]
    not_a_reviewer = api.client.post(
        f"{path}/assign", json={"version": version, "reviewer_id": api.user_id(me)}, headers=admin
    )
    assert not_a_reviewer.status_code == 409 and "not an enabled reviewer" in not_a_reviewer.text
    assert api.client.get(path, headers=other_reviewer).status_code == 404
    review = f"{path}/review"
    skipped = api.client.post(review, json={"version": version, "to": "approved"}, headers=reviewer)
    assert skipped.status_code == 409 and "'submitted'" in skipped.json()["detail"]
    no_reason = api.client.post(
        review, json={"version": version, "to": "returned"}, headers=reviewer
    )
    assert no_reason.status_code == 409 and "reason" in no_reason.json()["detail"]
    returned = api.client.post(
        review, json={"version": version, "to": "returned", "reason": "补充材料"}, headers=reviewer
    )
    assert returned.status_code == 200 and returned.json()["state"] == "returned"
    version = returned.json()["version"]
    stale = api.client.post(f"{path}/submit", json={"version": version - 1}, headers=me)
    assert stale.status_code == 409
    again = api.client.post(f"{path}/submit", json={"version": version}, headers=me)
    assert again.status_code == 200
    version = again.json()["version"]
    by_me = api.client.post(review, json={"version": version, "to": "approved"}, headers=me)
    assert by_me.status_code == 403
    for step in ("under_review", "approved"):
        moved = api.client.post(review, json={"version": version, "to": step}, headers=reviewer)
        assert moved.status_code == 200 and moved.json()["state"] == step, moved.text
        version = moved.json()["version"]
    states = [t["to_state"] for t in api.client.get(path, headers=me).json()["transitions"]]
    assert states == ["submitted", "returned", "submitted", "under_review", "approved"]
    listed = api.client.get("/v1/applications", headers=reviewer).json()["items"]
    assert [a["id"] for a in listed] == [made.json()["id"]]
    # The reviewer reaches the records of the organisation assigned, and no other's.
    assert api.client.get(f"/v1/filings/{world.id('mine', 'filings')}", headers=reviewer).is_success
    assert (
        api.client.get(f"/v1/filings/{world.id('theirs', 'filings')}", headers=reviewer).status_code
        == 404
    )


def test_a_filing_is_decided_and_its_determination_replays_the_same(api: Api) -> None:
    world = build_world(api.database)
    me = api.sign_in("enterprise_user", world.organisations["mine"])
    decided = api.client.post(
        f"/v1/filings/{world.id('mine', 'filings')}/determinations",
        json={"date": "2024-06-30"},
        headers=me,
    )
    assert decided.status_code == 201, decided.text
    determination = decided.json()
    subject = f"filing-{world.id('mine', 'filings')}"
    assert determination["result"]["results"][subject]["support_eligible"] is True
    replayed = api.client.get(f"/v1/determinations/{determination['id']}/replay", headers=me)
    assert replayed.status_code == 200
    assert replayed.json()["same"] is True and replayed.json()["differences"] == []
    listed = api.client.get(
        "/v1/determinations", params={"subject_kind": "filing", "sort": "-id"}, headers=me
    ).json()["items"]
    assert listed[0]["id"] == determination["id"]
    theirs = world.id("theirs", "determinations")
    assert api.client.get(f"/v1/determinations/{theirs}/replay", headers=me).status_code == 404


def test_overdue_ip_is_listed_and_noticed_and_the_notice_prints(api: Api) -> None:
    world = build_world(api.database)
    with api.database.write(actor="test") as session:
        luoyang_in_force(session)
    admin = api.sign_in("bureau_admin")
    me = api.sign_in("enterprise_user", world.organisations["mine"])
    asset = world.id("mine", "ip-assets")
    decided = api.client.post(f"/v1/ip-assets/{asset}/determinations", json={}, headers=me)
    assert decided.status_code == 201, decided.text
    deadline = api.client.get(f"/v1/ip-assets/{asset}", headers=me).json()
    assert deadline["implementation_deadline"] is not None
    day = dt.date.fromisoformat(deadline["implementation_deadline"]) + dt.timedelta(days=1)
    overdue = api.client.get("/v1/ip/overdue", params={"as_of": day.isoformat()}, headers=me)
    assert [a["asset_id"] for a in overdue.json()["items"]] == [asset]
    early = api.client.post(
        f"/v1/ip-assets/{asset}/notices", json={"as_of": "2021-01-01"}, headers=admin
    )
    assert early.status_code == 409 and "not_overdue" not in early.json()["detail"]
    issued = api.client.post(
        f"/v1/ip-assets/{asset}/notices", json={"as_of": day.isoformat()}, headers=admin
    )
    assert issued.status_code == 201 and issued.json()["ip_asset_id"] == asset
    listed = api.client.get("/v1/ip/overdue", params={"as_of": day.isoformat()}, headers=admin)
    assert listed.json()["items"][0]["notice_id"] == issued.json()["id"]
    pdf = api.client.get(f"/v1/notices/{issued.json()['id']}/pdf", headers=me)
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    theirs = world.id("theirs", "notices")
    assert api.client.get(f"/v1/notices/{theirs}/pdf", headers=me).status_code == 404


def test_a_registry_path_holds_only_its_own_registers(api: Api) -> None:
    world = build_world(api.database)
    admin = api.sign_in("bureau_admin")
    platform = world.id("mine", "registries/platforms")
    assert api.client.get(f"/v1/registries/platforms/{platform}", headers=admin).is_success
    assert api.client.get(f"/v1/registries/parks/{platform}", headers=admin).status_code == 404
    parks = api.client.get("/v1/registries/parks", headers=admin).json()["items"]
    assert {p["register"] for p in parks} == {"park"} and len(parks) == 3
    body = {
        "organisation_id": world.organisations["mine"],
        "register": "rd_platform",
        "name": "错放的平台",
        "level": "municipal",
        "valid_from": "2024-01-01",
    }
    wrong = api.client.post("/v1/registries/parks", json=body, headers=admin)
    assert wrong.status_code == 422 and wrong.json()["field"] == "body.register"
    right = api.client.post("/v1/registries/platforms", json=body, headers=admin)
    assert right.status_code == 201 and right.json()["register"] == "rd_platform"


def test_a_reference_to_another_tenants_record_is_refused(api: Api) -> None:
    world = build_world(api.database)
    me = api.sign_in("enterprise_user", world.organisations["mine"])
    body = {
        "organisation_id": world.organisations["mine"],
        "project_id": world.id("theirs", "projects"),
        "kind": "patent",
        "registration_no": "ZL202499999999",
        "title": "借用他人项目",
    }
    refused = api.client.post("/v1/ip-assets", json=body, headers=me)
    assert refused.status_code == 422 and refused.json()["field"] == "project_id"
    body["project_id"] = world.id("mine", "projects")
    assert api.client.post("/v1/ip-assets", json=body, headers=me).status_code == 201
