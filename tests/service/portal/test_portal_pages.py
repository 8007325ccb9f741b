"""The portal's pages over HTTP (no browser): who sees what, the organisation's page."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi.testclient import TestClient
from tests.service.portal.conftest import PortalCity


def test_the_portal_asks_for_sign_in_and_refuses_the_public(portal_city: PortalCity) -> None:
    anonymous = TestClient(portal_city.app)
    answer = anonymous.get("/portal", follow_redirects=False)
    # Not signed in: refused, or sent to sign in first (once the sign-in page exists).
    assert answer.status_code == 401 or (
        answer.status_code == 303 and answer.headers["location"].startswith("/login")
    )
    assert portal_city.enterprise.name not in answer.text


def test_the_organisation_page_shows_details_certificates_and_registers(
    portal_city: PortalCity, signed_in: Any
) -> None:
    for lang in ("en", "zh"):
        page = signed_in(portal_city.institution, lang=lang).get("/portal")
        assert page.status_code == 200
        assert portal_city.institution.name in page.text
        assert f'<html lang="{"zh-CN" if lang == "zh" else "en"}"' in page.text
        assert ("Registry entries" if lang == "en" else "登记名录") in page.text


def test_filings_list_and_the_determination_explained_in_both_languages(
    portal_city: PortalCity, signed_in: Any
) -> None:
    english = signed_in(portal_city.enterprise, lang="en")
    listing = english.get("/portal/filings")
    assert listing.status_code == 200 and "2023" in listing.text and "Eligible" in listing.text
    page = english.get("/portal/filings/2023/determination")
    assert page.status_code == 200
    assert "Eligible for municipal support" in page.text
    assert "Apply for municipal support" in page.text
    chinese = signed_in(portal_city.other_enterprise, lang="zh").get(
        "/portal/filings/2023/determination"
    )
    assert chinese.status_code == 200
    assert "不符合" in chinese.text or "不可" in chinese.text
    assert "万元" in chinese.text  # the shortfall in 万元 beside yuan


def test_another_tenants_filing_year_is_not_there(portal_city: PortalCity, signed_in: Any) -> None:
    client = signed_in(portal_city.enterprise)
    assert client.get("/portal/filings/1999/determination").status_code == 404


def test_the_filing_task_list_saves_returns_checks_and_submits(
    portal_city: PortalCity, signed_in: Any
) -> None:
    client = signed_in(portal_city.other_enterprise, lang="en")
    tasks = client.get("/portal/filings/2024")
    assert tasks.status_code == 200
    assert tasks.text.count("Not started") >= 2 and "Cannot start yet" in tasks.text
    # Save and come back later with one figure: in progress, the answer kept.
    later = client.post(
        "/portal/filings/2024/figures",
        data={"sales_revenue": "12,000,000", "rd_expense": "", "action": "later"},
        follow_redirects=False,
    )
    assert later.status_code == 303
    assert "In progress" in client.get("/portal/filings/2024").text
    figures = client.get("/portal/filings/2024/figures").text
    assert 'value="12000000.00"' in figures
    assert figures.count('name="csrf_token"') == figures.count('method="post"') == 2  # + sign-out
    # Save and continue without the R&D expense: an error summary, the answer kept.
    wrong = client.post(
        "/portal/filings/2024/figures",
        data={"sales_revenue": "12,000,000", "rd_expense": "lots", "action": "continue"},
    )
    assert wrong.status_code == 200 and "There is a problem" in wrong.text
    assert 'href="#rd_expense"' in wrong.text and 'value="lots"' in wrong.text
    assert "<title>Error: " in wrong.text
    client.post(
        "/portal/filings/2024/figures",
        data={"sales_revenue": "12,000,000", "rd_expense": "60,000", "action": "continue"},
    )
    client.post(
        "/portal/filings/2024/status",
        data={
            "above_designated_size": "yes",
            "size_class": "small",
            "special_rd_account": "no",
            "action": "continue",
        },
    )
    check = client.get("/portal/filings/2024/check")
    assert "12,000,000.00 yuan" in check.text and "Submit the filing" in check.text
    decided = client.post("/portal/filings/2024/check", data={})
    assert decided.status_code == 200
    assert "Not eligible for municipal support" in decided.text
    assert "60,000.00 yuan" in decided.text  # 1 % of 12 M is 120,000: 60,000 short
    assert 'id="super-deduction">For the fiscal year 2024' in decided.text
    again = client.get("/portal/filings/2024", follow_redirects=False)
    assert again.status_code == 303 and again.headers["location"].endswith("/determination")


def test_a_filing_cannot_be_submitted_with_sections_missing(
    portal_city: PortalCity, signed_in: Any
) -> None:
    client = signed_in(portal_city.institution, lang="en")
    client.post(
        "/portal/filings/2024/figures",
        data={"sales_revenue": "1000", "rd_expense": "10", "action": "continue"},
    )
    check = client.get("/portal/filings/2024/check")
    assert "Submit the filing" not in check.text
    refused = client.post("/portal/filings/2024/check", data={})
    assert refused.status_code == 409


def test_ip_assets_show_deadlines_and_a_report_can_be_filed(
    portal_city: PortalCity, signed_in: Any
) -> None:
    from sqlalchemy import select

    from innoreg.records.models import IPAsset

    tenant = portal_city.institution
    with portal_city.database.read() as session:
        asset = session.scalars(
            select(IPAsset)
            .where(
                IPAsset.organisation_id == tenant.organisation_id,
                IPAsset.fiscally_funded.is_(True),
                IPAsset.rights_obtained_on < dt.date(2024, 1, 1),
            )
            .order_by(IPAsset.id)
        ).first()
    assert asset is not None
    client = signed_in(tenant, lang="en")
    listing = client.get("/portal/ip")
    assert asset.registration_no in listing.text and "Annual reports" in listing.text
    assert asset.registration_no in client.get("/portal/ip?page=99").text  # the last page
    page = client.get(f"/portal/ip/{asset.id}")
    assert "File an annual report" in page.text
    empty = client.post(f"/portal/ip/{asset.id}/reports", data={"year": "2024"})
    assert "There is a problem" in empty.text and 'href="#summary"' in empty.text
    filed = client.post(
        f"/portal/ip/{asset.id}/reports",
        data={"year": "2024", "summary": "Licensed to a Luoyang bearing maker; fees paid."},
    )
    assert filed.status_code == 200 and "Your report on 2024 is filed." in filed.text
    twice = client.post(f"/portal/ip/{asset.id}/reports", data={"year": "2024", "summary": "again"})
    assert "already filed" in twice.text
    other = signed_in(portal_city.enterprise)
    assert other.get(f"/portal/ip/{asset.id}").status_code == 404
    refused = other.post(f"/portal/ip/{asset.id}/reports", data={"year": "2023", "summary": "x"})
    assert refused.status_code == 404


def test_the_calendar_feed_is_secret_personal_and_revocable(
    portal_city: PortalCity, signed_in: Any
) -> None:
    import re

    client = signed_in(portal_city.institution, lang="en")
    made = client.post("/portal/calendar", data={"action": "new"})
    address = re.search(r'id="feed-address"[^>]*>([^<]+)<', made.text)
    assert address is not None
    path = address.group(1).split("://", 1)[1].split("/", 1)[1]
    anonymous = TestClient(portal_city.app)
    feed = anonymous.get("/" + path)
    assert feed.status_code == 200
    assert feed.headers["content-type"].startswith("text/calendar")
    assert feed.text.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in feed.text
    assert "Implementation deadline" in feed.text or "IP annual report" in feed.text
    # A write (a report filed) shows in the next fetch: the feed kept between polls is
    # rebuilt once the records change.
    import re as regex

    from sqlalchemy import select

    from innoreg.records.models import IPAsset

    with portal_city.database.read() as session:
        owed = next(
            a
            for a in session.scalars(
                select(IPAsset).where(
                    IPAsset.organisation_id == portal_city.institution.organisation_id,
                    IPAsset.fiscally_funded.is_(True),
                    IPAsset.rights_obtained_on < dt.date(2023, 1, 1),
                )
            )
            if not any(r.year == 2023 for r in a.reports)
        )
    summary = f"IP annual report 2023: {owed.registration_no}"
    assert summary in anonymous.get("/" + path).text
    client.post(f"/portal/ip/{owed.id}/reports", data={"year": "2023", "summary": "used"})
    assert summary not in regex.sub(r"\r\n ", "", anonymous.get("/" + path).text)
    assert anonymous.get("/" + path[:-8] + "AAAAAAA.ics").status_code == 401
    renewed = client.post("/portal/calendar", data={"action": "new"})
    assert anonymous.get("/" + path).status_code == 401  # the old address stops working
    assert "feed-address" in renewed.text
    client.post("/portal/calendar", data={"action": "revoke"})
    new_path = re.search(r'id="feed-address"[^>]*>([^<]+)<', renewed.text)
    assert new_path is not None
    assert anonymous.get("/" + new_path.group(1).split("/", 3)[3]).status_code == 401


TRANSFER = {
    "achievement": "A bearing steel heat treatment",
    "counterparty": "Luoyang Bearing Co.",
    "mode": "license",
    "concluded_on-day": "1",
    "concluded_on-month": "3",
    "concluded_on-year": "2025",
    "fiscally_funded": "yes",
    "has_reward_rules": "no",
    "net_income": "2,000,000",
    "equity_total": "",
    "rows": "2",
    "name-0": "Wang Fang",
    "role-0": "inventor",
    "cash-0": "300,000",
    "name-1": "Li Lei",
    "cash-1": "100,000",
}


def test_an_institution_records_a_transfer_whose_reward_is_too_low_and_sees_why(
    portal_city: PortalCity, signed_in: Any
) -> None:
    client = signed_in(portal_city.institution, lang="en")
    fragment = client.post("/portal/transfers/check", data=TRANSFER)
    assert "below the least reward" in fragment.text and "1,000,000.00" in fragment.text
    assert "<html" not in fragment.text  # a fragment for htmx to swap in
    checked = client.post("/portal/transfers/new", data={**TRANSFER, "action": "check"})
    assert "<html" in checked.text and "below the least reward" in checked.text
    added = client.post("/portal/transfers/new", data={**TRANSFER, "action": "add"})
    assert 'id="share-2"' in added.text and 'value="Wang Fang"' in added.text
    saved = client.post("/portal/transfers/new", data={**TRANSFER, "action": "save"})
    assert saved.status_code == 200 and "Wang Fang" in saved.text
    assert "below the least reward" in saved.text
    final = client.post(saved.url.path + "/final")
    assert "This transfer cannot be made final" in final.text
    assert "Draft" in final.text
    other = signed_in(portal_city.enterprise)
    assert other.get(saved.url.path).status_code == 404
    assert "Wang Fang" not in other.get("/portal/transfers").text


def test_a_reward_that_meets_the_minimum_makes_the_transfer_final(
    portal_city: PortalCity, signed_in: Any
) -> None:
    client = signed_in(portal_city.institution, lang="zh")
    enough = {**TRANSFER, "cash-0": "700,000", "cash-1": "300,000", "action": "save"}
    saved = client.post("/portal/transfers/new", data=enough)
    final = client.post(saved.url.path + "/final")
    assert final.status_code == 200
    assert '<dd class="govuk-summary-list__value" id="state">已定稿</dd>' in final.text


def test_an_enterprise_applies_is_returned_answers_and_is_approved(
    portal_city: PortalCity, signed_in: Any
) -> None:
    from innoreg.records.repositories import BUREAU
    from innoreg.records.workflows.applications import move

    client = signed_in(portal_city.enterprise, lang="en")
    form = client.get("/portal/applications/new?year=2023")
    assert "Start the application" in form.text
    started = client.post(
        "/portal/applications/new", data={"year": "2023", "programme": "Luoyang S&T plan 2024"}
    )
    assert started.status_code == 200 and "Submit the application" in started.text
    path = started.url.path
    submitted = client.post(path + "/submit")
    assert 'id="state">Submitted' in submitted.text
    ident = int(path.rsplit("/", 1)[1])
    with portal_city.database.write(actor="user:reviewer") as session:
        move(
            session,
            scope=BUREAU,
            application_id=ident,
            to_state="returned",
            actor="r",
            reason="Add the special R&D account's ledger",
        )
    returned = client.get(path)
    assert "Add the special R&amp;D account&#39;s ledger" in returned.text
    empty = client.post(path + "/submit", data={"answer": ""})
    assert "There is a problem" in empty.text and 'href="#answer"' in empty.text
    answered = client.post(path + "/submit", data={"answer": "Ledger attached"})
    assert "Ledger attached" in answered.text
    with portal_city.database.write(actor="user:reviewer") as session:
        move(session, scope=BUREAU, application_id=ident, to_state="under_review", actor="r")
        move(session, scope=BUREAU, application_id=ident, to_state="approved", actor="r")
    history = client.get(path).text
    assert 'id="state">Approved' in history and "Returned for changes" in history
    assert signed_in(portal_city.other_enterprise).get(path).status_code == 404


def test_an_ineligible_enterprise_cannot_start_an_application(
    portal_city: PortalCity, signed_in: Any
) -> None:
    client = signed_in(portal_city.other_enterprise, lang="en")
    page = client.get("/portal/applications/new?year=2023")
    assert 'id="cannot-apply"' in page.text and "Start the application" not in page.text
    refused = client.post("/portal/applications/new", data={"year": "2023", "programme": "x"})
    assert refused.status_code == 409


PORTAL_PAGES = [
    "/portal",
    "/portal/filings",
    "/portal/filings/2023/determination",
    "/portal/ip",
    "/portal/transfers",
    "/portal/applications",
    "/portal/applications/new",
    "/portal/calendar",
]


def _marks(portal_city: PortalCity, organisation_id: int) -> tuple[set[str], list[str]]:
    """What would give an organisation's records away on a page (its name, credit code, IP
    numbers, transfers' achievements) and its records' own addresses."""
    from sqlalchemy import select

    from innoreg.records.models import Application, IPAsset, Organisation, Transfer

    with portal_city.database.read() as session:
        organisation = session.get(Organisation, organisation_id)
        assert organisation is not None
        marks = {organisation.name, organisation.credit_code}
        assets = session.scalars(select(IPAsset).where(IPAsset.organisation_id == organisation_id))
        transfers = session.scalars(select(Transfer).where(Transfer.holder_id == organisation_id))
        applications = session.scalars(
            select(Application.id).where(Application.organisation_id == organisation_id)
        )
        addresses = []
        for asset in assets:
            marks.add(asset.registration_no)
            addresses.append(f"/portal/ip/{asset.id}")
        for transfer in transfers:
            marks.add(transfer.achievement)
            addresses.append(f"/portal/transfers/{transfer.id}")
        addresses += [f"/portal/applications/{ident}" for ident in applications]
    return marks, addresses


def test_no_page_shown_to_one_tenant_holds_another_tenants_records(
    portal_city: PortalCity, signed_in: Any
) -> None:
    tenants = [portal_city.enterprise, portal_city.other_enterprise, portal_city.institution]
    for viewer in tenants:
        client = signed_in(viewer, lang="zh")
        own_marks, own_addresses = _marks(portal_city, viewer.organisation_id)
        pages = [client.get(path).text for path in PORTAL_PAGES]
        pages += [client.get(path).text for path in own_addresses[:10]]
        for other in tenants:
            if other is viewer:
                continue
            marks, addresses = _marks(portal_city, other.organisation_id)
            for text in pages:
                leaked = {m for m in marks - own_marks if m in text}
                assert not leaked, (viewer.name, other.name, leaked)
            for address in addresses:
                assert client.get(address).status_code == 404, address


def test_a_portal_form_posted_without_the_sessions_csrf_token_is_refused(
    portal_city: PortalCity, signed_in: Any
) -> None:
    client = signed_in(portal_city.new_enterprise(), lang="en")
    token = client.headers.pop("x-csrf-token")
    data = {"sales_revenue": "1000", "action": "later"}
    assert client.post("/portal/filings/2024/figures", data=data).status_code == 403
    forged = client.post("/portal/filings/2024/figures", data={**data, "csrf_token": "forged"})
    assert forged.status_code == 403
    kept = client.post(
        "/portal/filings/2024/figures",
        data={**data, "csrf_token": token},
        follow_redirects=False,
    )
    assert kept.status_code == 303
    assert "In progress" in client.get("/portal/filings/2024").text


def test_signing_out_from_the_portal_ends_the_session(
    portal_city: PortalCity, signed_in: Any
) -> None:
    client = signed_in(portal_city.new_enterprise(), lang="en")
    page = client.get("/portal").text
    assert 'action="/logout"' in page and 'id="sign-out"' in page
    client.post("/logout", follow_redirects=False)
    gone = client.get("/portal", headers={"accept": "text/html"}, follow_redirects=False)
    assert gone.status_code == 303 and gone.headers["location"].startswith("/login")
