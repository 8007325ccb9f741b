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
