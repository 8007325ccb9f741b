"""The portal's pages over HTTP (no browser): who sees what, the organisation's page."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from tests.service.portal.conftest import PortalCity


def test_the_portal_asks_for_sign_in_and_refuses_the_public(portal_city: PortalCity) -> None:
    anonymous = TestClient(portal_city.app)
    answer = anonymous.get("/portal")
    assert answer.status_code == 401


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
    assert 'value="12000000.00"' in client.get("/portal/filings/2024/figures").text
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
