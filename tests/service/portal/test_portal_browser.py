"""The portal in a real browser (Debian's Chromium through Playwright): axe-core finds no
serious or critical violation on any portal page in either language, the pages hold at
320 px, and the keyboard reaches everything."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect
from tests.service.portal.conftest import PortalCity
from tests.service.test_browser import _axe

ERROR_TITLE = {"zh": re.compile("^错误："), "en": re.compile("^Error: ")}

PAGES = [
    "/portal",
    "/portal/filings",
    "/portal/filings/2023/determination",
    "/portal/ip",
    "/portal/calendar",
    "/portal/transfers",
    "/portal/transfers/new",
    "/portal/applications",
    "/portal/applications/new",
    "/portal/applications/new?year=2022",
]


@pytest.fixture
def context(browser: Any, portal_city: PortalCity) -> Iterator[Any]:
    opened = browser.new_context(base_url=portal_city.url)
    yield opened
    opened.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_serious_accessibility_violation_on_any_portal_page(
    context: Any, portal_city: PortalCity, signed_in: Any, lang: str
) -> None:
    signed_in(portal_city.enterprise, context=context, lang=lang)
    page = context.new_page()
    for path in PAGES:
        page.goto(path)
        assert page.evaluate("document.documentElement.lang") == ("zh-CN" if lang == "zh" else "en")
        assert page.title()
        violations = _axe(page)
        assert not violations, (path, [(v["id"], v["nodes"][0]["html"]) for v in violations])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_institution_files_an_ip_report_and_makes_its_feed(
    context: Any, portal_city: PortalCity, signed_in: Any, lang: str
) -> None:
    signed_in(portal_city.institution, context=context, lang=lang)
    page = context.new_page()
    page.goto("/portal/ip")
    assert not _axe(page)
    page.click("#ip-assets tbody tr:has(.govuk-tag--red, .govuk-tag--yellow) th a")
    assert not _axe(page), page.url
    page.click("#file-report")
    expect(page).to_have_title(ERROR_TITLE[lang])  # waits for the answer to load
    assert not _axe(page), page.url
    page.check("#year")
    page.fill(
        "#summary", "实施许可一项；年费已缴。" if lang == "zh" else "Licensed once; fees paid."
    )
    page.click("#file-report")
    assert page.locator("#filed").is_visible()
    page.goto("/portal/calendar")
    page.click("#new-feed")
    address = page.locator("#feed-address").inner_text()
    assert address.endswith(".ics")
    assert not _axe(page)
    feed = page.request.get(address)
    assert feed.ok and "BEGIN:VEVENT" in feed.text()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_portal_pages_at_200_percent_zoom(
    browser: Any, portal_city: PortalCity, signed_in: Any, lang: str
) -> None:
    """200 % zoom of a 1280 px window: a 640 px viewport at twice the pixel density."""
    context = browser.new_context(
        base_url=portal_city.url, viewport={"width": 640, "height": 400}, device_scale_factor=2
    )
    signed_in(portal_city.institution, context=context, lang=lang)
    page = context.new_page()
    for path in PAGES:
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 640, path
    context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_portal_pages_fit_320_px(
    browser: Any, portal_city: PortalCity, signed_in: Any, lang: str
) -> None:
    context = browser.new_context(base_url=portal_city.url, viewport={"width": 320, "height": 640})
    signed_in(portal_city.institution, context=context, lang=lang)
    page = context.new_page()
    for path in PAGES:
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
    context.close()


def tab_to(page: Any, selector: str, presses: int = 80) -> None:
    """Press Tab until ``selector`` has the focus, as a keyboard user moves."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_filing_by_keyboard_alone(
    context: Any, portal_city: PortalCity, signed_in: Any, lang: str
) -> None:
    signed_in(portal_city.new_enterprise(), context=context, lang=lang)
    page = context.new_page()
    page.goto("/portal/filings")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "govuk-skip-link"
    tab_to(page, "#start-filing")
    page.keyboard.press("Enter")
    page.wait_for_url("**/portal/filings/2024")
    tab_to(page, "a[href$='/figures']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/figures")
    tab_to(page, "#sales_revenue")
    page.keyboard.type("80,000,000")
    tab_to(page, "#rd_expense")
    page.keyboard.type("900,000")
    tab_to(page, "#save-continue")
    page.keyboard.press("Enter")
    page.wait_for_url("**/portal/filings/2024?saved=figures")
    tab_to(page, "a[href$='/status']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/status")
    tab_to(page, "#above_designated_size")
    page.keyboard.press("Space")
    tab_to(page, "#size_class")
    page.keyboard.press("ArrowDown")  # radios move with the arrows: large -> medium
    tab_to(page, "#special_rd_account")
    page.keyboard.press("Space")
    tab_to(page, "#save-continue")
    page.keyboard.press("Enter")
    page.wait_for_url("**/portal/filings/2024?saved=status")
    tab_to(page, "a[href$='/check']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/check")
    assert not _axe(page)
    tab_to(page, "#submit-filing")
    page.keyboard.press("Enter")
    page.wait_for_url("**/determination?submitted=1")
    verdict = page.locator("#verdict").inner_text()
    eligible = (
        ("符合" in verdict and "不符合" not in verdict)
        if lang == "zh"
        else ("Eligible" in verdict and "Not eligible" not in verdict)
    )
    assert eligible, verdict
    assert not _axe(page)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_filing_pages_are_accessible_with_errors_too(
    context: Any, portal_city: PortalCity, signed_in: Any, lang: str
) -> None:
    signed_in(portal_city.new_enterprise(), context=context, lang=lang)
    page = context.new_page()
    for path in (
        "/portal/filings/2024",
        "/portal/filings/2024/figures",
        "/portal/filings/2024/status",
        "/portal/filings/2024/check",
    ):
        page.goto(path)
        assert not _axe(page), path
    page.goto("/portal/filings/2024/figures")
    page.fill("#sales_revenue", "not money")
    page.click("#save-continue")
    expect(page).to_have_title(ERROR_TITLE[lang])  # waits for the answer to load
    assert page.locator("#sales_revenue").input_value() == "not money"
    assert not _axe(page)


def _fill_transfer(page: Any, cash: tuple[str, str]) -> None:
    page.fill("#achievement", "轴承钢热处理工艺")
    page.check("#mode-license")
    page.fill("#concluded_on-day", "1")
    page.fill("#concluded_on-month", "3")
    page.fill("#concluded_on-year", "2025")
    page.check("#fiscally_funded")
    page.check("#has_reward_rules-no")
    page.fill("#net_income", "2,000,000")
    page.fill("#name-0", "王芳")
    page.fill("#cash-0", cash[0])
    page.fill("#name-1", "李雷")
    page.fill("#cash-1", cash[1])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_reward_plan_is_checked_as_it_is_typed(
    context: Any, portal_city: PortalCity, signed_in: Any, lang: str
) -> None:
    signed_in(portal_city.institution, context=context, lang=lang)
    page = context.new_page()
    page.goto("/portal/transfers")
    assert not _axe(page)
    page.click("#new-transfer")
    assert not _axe(page)
    _fill_transfer(page, ("300,000", "100,000"))
    minimum = page.locator("#reward-check #minimum")
    minimum.wait_for()
    assert "1,000,000.00" in minimum.inner_text()
    assert page.locator("#reward-check .innoreg-verdict--no").is_visible()
    assert not _axe(page)
    page.fill("#cash-0", "900,000")  # 900,000 + 100,000 = 50 % of the net income
    page.locator("#reward-check .innoreg-verdict--yes").wait_for()
    page.click("#save-transfer")
    assert "王芳" in page.locator("#shares").inner_text()
    assert not _axe(page)


def test_a_too_low_reward_without_javascript_at_320_px_and_why(
    browser: Any, portal_city: PortalCity, signed_in: Any
) -> None:
    context = browser.new_context(
        base_url=portal_city.url, java_script_enabled=False, viewport={"width": 320, "height": 640}
    )
    signed_in(portal_city.institution, context=context, lang="en")
    page = context.new_page()
    page.goto("/portal/transfers/new")
    _fill_transfer(page, ("300,000", "100,000"))
    page.click("#check-reward")
    assert "The reward is below the least reward the law requires." in page.inner_text(
        "#reward-check"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.click("#save-transfer")
    page.click("#make-final")
    assert page.locator("#error-summary").is_visible()
    assert "1000000.00" in page.inner_text("#error-summary") or "1,000,000" in page.inner_text(
        "#error-summary"
    )
    assert page.locator("#state").inner_text() == "Draft"
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_enterprise_files_applies_is_returned_answers_and_is_approved(
    context: Any, portal_city: PortalCity, signed_in: Any, lang: str
) -> None:
    """The whole job in the browser; the bureau's steps go through the records' workflow
    (its pages are the back office's)."""
    from innoreg.records.repositories import BUREAU
    from innoreg.records.workflows.applications import move

    tenant = portal_city.new_enterprise()
    signed_in(tenant, context=context, lang=lang)
    page = context.new_page()
    page.goto("/portal/filings/2024/figures")
    page.fill("#sales_revenue", "50,000,000")
    page.fill("#rd_expense", "800,000")
    page.click("#save-continue")
    page.goto("/portal/filings/2024/status")
    page.check("#above_designated_size")
    page.check("#size_class-medium")
    page.check("#special_rd_account")
    page.click("#save-continue")
    page.goto("/portal/filings/2024/check")
    page.click("#submit-filing")
    page.click("#apply")
    assert not _axe(page)
    page.click("#create-application")
    page.click("#submit-application")
    ident = int(page.url.split("?")[0].rsplit("/", 1)[1])
    with portal_city.database.write(actor="user:reviewer") as session:
        move(
            session,
            scope=BUREAU,
            application_id=ident,
            to_state="returned",
            actor="r",
            reason="请补充研发费用专账明细",
        )
    page.goto(f"/portal/applications/{ident}")
    assert "请补充研发费用专账明细" in page.inner_text("#returned-reason")
    assert not _axe(page)
    page.fill("#answer", "已补充专账明细")
    page.click("#submit-application")
    with portal_city.database.write(actor="user:reviewer") as session:
        move(session, scope=BUREAU, application_id=ident, to_state="under_review", actor="r")
        move(session, scope=BUREAU, application_id=ident, to_state="approved", actor="r")
    page.goto("/portal/applications")
    assert not _axe(page)
    page.goto(f"/portal/applications/{ident}")
    assert page.inner_text("#state") == ("已批准" if lang == "zh" else "Approved")
    assert "已补充专账明细" in page.inner_text("#history")
    assert not _axe(page)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_portal_targets_are_24_px_and_focus_shows(
    context: Any, portal_city: PortalCity, signed_in: Any, lang: str
) -> None:
    """Every control and link of the portal's pages at least 24 px both ways (WCAG 2.2 target
    size), and the control the keyboard reaches shows its focus."""
    from tests.service.backoffice.test_browser_backoffice import TARGETS

    signed_in(portal_city.institution, context=context, lang=lang)
    page = context.new_page()
    for path in PAGES:
        page.goto(path)
        small = page.evaluate(TARGETS)
        assert not small, (path, small[:3])
    page.goto("/portal/transfers/new")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "govuk-skip-link"
    for _ in range(12):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "getComputedStyle(document.activeElement).outlineStyle + ' ' + "
            "getComputedStyle(document.activeElement).boxShadow"
        )
        assert focused != "none none", page.evaluate("document.activeElement.outerHTML")
