"""In a real browser (Debian's Chromium through Playwright; never ``playwright install``): each
tool end to end in both languages, the checker by keyboard alone and without JavaScript, at
320 px, and axe-core with no serious or critical violation on every page, errors included."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

AXE = Path(__file__).parent / "vendor" / "axe-core-4.14.1" / "axe.min.js"
PAGES = [
    "/",
    "/checker",
    "/checker/place",
    "/checker/revenue?place=luoyang",
    "/checker/status?place=luoyang",
    "/checker/on?place=luoyang",
    "/checker/check?place=luoyang&revenue=80000000.00&rd=500000.00&status=above_designated_size&industry=C&on=2024-06-30",
    "/checker/result?place=luoyang&revenue=80000000.00&rd=500000.00&status=above_designated_size&industry=C&on=2024-06-30",
    "/transfer",
    "/transfer?calculate=1&net_income=abc",
    "/transfer?calculate=1&holder_kind=university&state_established=yes&fiscally_funded=yes&has_reward_rules=yes&mode=license&net_income=2000000&reward_cash=800000&on-day=30&on-month=6&on-year=2024",
    "/deadline",
    "/deadline?calculate=1",
    "/law",
    "/law/luoyang",
    "/rules/rd_intensity_required",
    "/interpretations",
    "/law/search?q=patent",
    "/no-such-page",
]


@pytest.fixture
def page(browser: Any, live_server: str) -> Iterator[Any]:
    context = browser.new_context(base_url=live_server)
    opened = context.new_page()
    outside: list[str] = []
    opened.on("request", lambda r: None if r.url.startswith(live_server) else outside.append(r.url))
    yield opened
    context.close()
    assert not outside, f"requests to other hosts: {outside}"


def _axe(page: Any) -> list[dict[str, Any]]:
    page.evaluate(AXE.read_text(encoding="utf-8"))  # evaluated by the driver, not inline
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_serious_accessibility_violation_on_any_page(
    page: Any, live_server: str, lang: str
) -> None:
    page.context.add_cookies([{"name": "lang", "value": lang, "url": live_server}])
    for path in PAGES:
        page.goto(path)
        violations = _axe(page)
        assert not violations, (path, [(v["id"], v["nodes"][0]["html"]) for v in violations])
    page.goto("/checker/revenue?place=luoyang")
    page.fill("#revenue", "not money")
    page.click("button[type=submit]")
    assert page.title().startswith("错误：" if lang == "zh" else "Error: ")
    assert not _axe(page)


def test_the_checker_by_keyboard_alone(page: Any) -> None:
    page.goto("/checker")
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.className") == "govuk-skip-link"
    page.focus("a.govuk-button--start")
    page.keyboard.press("Enter")
    page.focus("#place")
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    for field, value in (("#revenue", "80,000,000"), ("#rd", "500,000")):
        page.focus(field)
        page.keyboard.type(value)
        page.keyboard.press("Enter")
    page.focus("#status")
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    page.focus("#industry")
    page.keyboard.type("C")
    page.keyboard.press("Enter")
    page.focus("#on-year")
    page.keyboard.press("Enter")
    page.wait_for_url("**/checker/check?**")
    page.focus("a.govuk-button")
    page.keyboard.press("Enter")
    page.wait_for_url("**/checker/result?**")
    assert page.locator("#verdict").is_visible()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_checker_without_javascript_at_320_px(
    browser: Any, live_server: str, lang: str
) -> None:
    context = browser.new_context(
        base_url=live_server, java_script_enabled=False, viewport={"width": 320, "height": 640}
    )
    context.add_cookies([{"name": "lang", "value": lang, "url": live_server}])
    page = context.new_page()
    page.goto("/checker/place")
    page.check("#place")
    page.click("button[type=submit]")
    page.fill("#revenue", "80,000,000.00")
    page.click("button[type=submit]")
    page.fill("#rd", "500,000")
    page.click("button[type=submit]")
    page.check("#status")
    page.click("button[type=submit]")
    page.fill("#industry", "C")
    page.click("button[type=submit]")
    page.click("button[type=submit]")
    page.click("a.govuk-button")
    verdict = page.locator("#verdict").inner_text()
    assert ("不符合" in verdict) if lang == "zh" else ("Not eligible" in verdict)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_transfer_and_deadline_tools_end_to_end(page: Any) -> None:
    page.goto("/transfer")
    page.check("#holder_kind")
    for name in ("state_established", "fiscally_funded", "has_reward_rules"):
        page.check(f"#{name}")
    page.check("#mode-license")
    page.fill("#net_income", "2,000,000")
    page.fill("#reward_cash", "800,000")
    page.click("button[type=submit]")
    assert "1,000,000.00" in page.locator("#minimum").inner_text()
    page.goto("/deadline")
    page.check("#kind")
    page.check("#fiscally_funded")
    page.fill("#rights_obtained_on-year", "2021")
    page.fill("#rights_obtained_on-month", "10")
    page.fill("#rights_obtained_on-day", "1")
    page.check("#implementation_conditions_met")
    page.check("#justifiable_reason-no")
    page.fill("#on-year", "2024")
    page.fill("#on-month", "10")
    page.fill("#on-day", "9")
    page.fill("#in_force-year", "2015")
    page.fill("#in_force-month", "1")
    page.fill("#in_force-day", "1")
    page.click("button[type=submit]")
    assert "2024" in page.locator("#deadline").inner_text()
    assert page.locator("#shift").is_visible()
