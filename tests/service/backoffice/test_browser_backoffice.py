"""The back office in a real browser (Debian's Chromium through Playwright): each job end to
end in both languages, axe-core with no serious or critical violation on every page for both
bureau roles, and the pages at 320 px without sideways scrolling."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from tests.service.test_browser import _axe

from innoreg.records.principal import Role

PERIOD = "fiscal_year=2023&as_of-day=30&as_of-month=6&as_of-year=2024"
PAGES = [
    f"/back-office/dashboard?{PERIOD}",
    f"/back-office/dashboard?{PERIOD}&by=size_class",
    "/back-office/dashboard?fiscal_year=x&as_of-day=40&as_of-month=1&as_of-year=2024",
    "/back-office/overdue-ip?as_of-day=30&as_of-month=6&as_of-year=2025",
    "/back-office/overdue-ip?as_of-day=30&as_of-month=6&as_of-year=2025&show=waiting&page=2",
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("role", [Role.REVIEWER, Role.BUREAU_ADMIN])
def test_no_serious_accessibility_violation_on_any_back_office_page(
    bureau_page: Callable[..., Any], role: Role, lang: str
) -> None:
    page = bureau_page(role, lang=lang)
    for path in PAGES:
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == ("zh-CN" if lang == "zh" else "en")
        assert page.title()
        violations = _axe(page)
        assert not violations, (path, [(v["id"], v["nodes"][0]["html"]) for v in violations])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_bureau_reads_the_dashboard_as_of_a_day_it_chooses(
    bureau_page: Callable[..., Any], lang: str
) -> None:
    page = bureau_page(Role.BUREAU_ADMIN, lang=lang)
    page.goto("/back-office/dashboard")
    page.fill("#fiscal_year", "2023")
    page.fill("#as_of-year", "2024")
    page.fill("#as_of-month", "6")
    page.fill("#as_of-day", "30")
    page.check("#by-industry_section")
    page.click("button[type=submit]")
    images = page.locator("img.innoreg-chart")
    assert images.count() == 5
    for index in range(5):
        image = images.nth(index)
        image.scroll_into_view_if_needed()
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
        )
    assert page.locator("#eligibility-by-industry-section-table caption").is_visible()
    assert ("门类" in page.content()) if lang == "zh" else ("Industry section" in page.content())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_bureau_issues_an_overdue_ip_notice(bureau_page: Callable[..., Any], lang: str) -> None:
    page = bureau_page(Role.REVIEWER, lang=lang)
    page.goto("/back-office/overdue-ip")
    page.fill("#as_of-year", "2025")
    page.check("#show-waiting")
    page.click("form[action='/back-office/overdue-ip'] button[type=submit]")
    first = page.locator("#overdue-assets tbody tr").first
    number = first.locator("th").inner_text()
    first.locator("button").click()
    banner = page.locator("#issued")
    assert number in banner.inner_text()
    with page.expect_download() as download:
        banner.locator("a").click()
    assert download.value.suggested_filename.endswith(".pdf")
    assert _axe(page) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_back_office_pages_fit_320_px_and_work_without_javascript(
    bureau_page: Callable[..., Any], lang: str
) -> None:
    page = bureau_page(
        Role.BUREAU_ADMIN,
        lang=lang,
        viewport={"width": 320, "height": 640},
        java_script_enabled=False,
    )
    for path in PAGES:
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
    page.goto("/back-office/dashboard")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "govuk-skip-link"
