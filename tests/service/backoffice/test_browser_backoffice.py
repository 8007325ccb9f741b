"""The back office in a real browser (Debian's Chromium through Playwright): each job end to
end in both languages, axe-core with no serious or critical violation on every page for both
bureau roles, and the pages at 320 px without sideways scrolling."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from fastapi import FastAPI
from playwright.sync_api import expect
from sqlalchemy import select
from tests.service.test_browser import _axe

from innoreg.records.models.applications import Application
from innoreg.records.principal import Role

ERROR_TITLE = {"zh": re.compile("^错误："), "en": re.compile("^Error: ")}

PERIOD = "fiscal_year=2023&as_of-day=30&as_of-month=6&as_of-year=2024"
PAGES = [
    "/back-office/what-if",
    "/back-office/registries",
    "/back-office/registries/organisations?district=涧西区",
    "/back-office/registries/platforms",
    "/back-office/registries/parks-and-incubators",
    "/back-office/registries/agencies?valid_on=2024-06-30",
    "/back-office/registries/demonstration-enterprises?page=2",
    "/back-office/review",
    "/back-office/review?state=submitted&district=x&fiscal_year=2023&q=洛阳",
    f"/back-office/dashboard?{PERIOD}",
    f"/back-office/dashboard?{PERIOD}&by=size_class",
    "/back-office/dashboard?fiscal_year=x&as_of-day=40&as_of-month=1&as_of-year=2024",
    "/back-office/overdue-ip?as_of-day=30&as_of-month=6&as_of-year=2025",
    "/back-office/overdue-ip?as_of-day=30&as_of-month=6&as_of-year=2025&show=waiting&page=2",
]


ADMIN_PAGES = [
    "/back-office/users",
    "/back-office/users/new",
    "/back-office/users/2",
    "/back-office/audit",
    "/back-office/audit?entity=applications",
    "/back-office/audit/verify",
]


@pytest.fixture(scope="module")
def assigned(bureau_app: FastAPI) -> int:
    """A submitted application assigned to the reviewer (user 2) for these tests."""
    from innoreg.records.repositories import BUREAU
    from innoreg.records.workflows.review import assign

    database = bureau_app.state.database.get()
    with database.read() as session:
        found = session.scalars(
            select(Application.id)
            .where(Application.state == "submitted", Application.reviewer_id.is_(None))
            .order_by(Application.id.desc())
        ).first()
    assert found is not None
    with database.write(actor="test") as session:
        assign(session, scope=BUREAU, application_id=found, reviewer_id=2, actor="test")
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("role", [Role.REVIEWER, Role.BUREAU_ADMIN])
def test_no_serious_accessibility_violation_on_any_back_office_page(
    bureau_page: Callable[..., Any], role: Role, lang: str, assigned: int
) -> None:
    page = bureau_page(role, lang=lang)
    admin_only = ADMIN_PAGES if role is Role.BUREAU_ADMIN else []
    for path in [*PAGES, f"/back-office/review/{assigned}", *admin_only]:
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == ("zh-CN" if lang == "zh" else "en")
        assert page.title()
        violations = _axe(page)
        assert not violations, (path, [(v["id"], v["nodes"][0]["html"]) for v in violations])
    page.goto(f"/back-office/review/{assigned}")
    page.check("input[name=move][value=returned]")
    page.click("form[action$='/move'] button[type=submit]")
    expect(page).to_have_title(ERROR_TITLE[lang])  # waits for the answer to load
    assert page.locator("input[name=move][value=returned]").is_checked()
    assert not _axe(page)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_bureau_assigns_and_the_reviewer_returns_then_approves(
    bureau_page: Callable[..., Any], bureau_app: FastAPI, lang: str
) -> None:
    with bureau_app.state.database.get().read() as session:
        application = session.scalars(
            select(Application.id)
            .where(Application.state == "submitted", Application.reviewer_id.is_(None))
            .order_by(Application.id)
        ).first()
    admin = bureau_page(Role.BUREAU_ADMIN, lang=lang)
    admin.goto("/back-office/review")
    admin.select_option("#state", "submitted")
    admin.select_option("#assigned", "none")
    admin.click("form[action='/back-office/review'] button[type=submit]")
    admin.click(f"a[href='/back-office/review/{application}']")
    admin.select_option("#reviewer", "2")
    admin.click("form[action$='/assign'] button[type=submit]")
    assert "reviewer@bureau.test" in admin.locator("#assigned-reviewer").inner_text()
    reviewer = bureau_page(Role.REVIEWER, lang=lang)
    reviewer.goto("/back-office/review")
    reviewer.click(f"a[href='/back-office/review/{application}']")
    reviewer.check("input[name=move][value=returned]")
    reason = "请补充研发费用辅助账" if lang == "zh" else "Add the R&D expense ledger"
    reviewer.fill("#reason", reason)
    reviewer.click("form[action$='/move'] button[type=submit]")
    history = reviewer.locator("#history").inner_text()
    assert reason in history and ("退回修改" if lang == "zh" else "Returned for changes") in history
    assert reviewer.locator("#done").is_visible()


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
    page.click("form[action='/back-office/dashboard'] button[type=submit]")
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
    page = bureau_page(Role.BUREAU_ADMIN, lang=lang)
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
@pytest.mark.parametrize(
    ("width", "scale"), [(320, 1), (640, 2)], ids=["320px", "200-percent-zoom"]
)
def test_back_office_pages_fit_320_px_and_200_percent_zoom_without_javascript(
    bureau_page: Callable[..., Any], lang: str, width: int, scale: int, assigned: int
) -> None:
    """320 px wide, and 200 % zoom of a 1280 px window (a 640 px viewport at twice the pixel
    density): no page scrolls sideways (wide tables scroll inside themselves)."""
    page = bureau_page(
        Role.BUREAU_ADMIN,
        lang=lang,
        viewport={"width": width, "height": 640},
        device_scale_factor=scale,
        java_script_enabled=False,
    )
    for path in [*PAGES, *ADMIN_PAGES, f"/back-office/review/{assigned}"]:
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
    page.goto("/back-office/dashboard")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "govuk-skip-link"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "getComputedStyle(document.activeElement).outlineStyle + ' ' + "
        "getComputedStyle(document.activeElement).boxShadow"
    )
    assert focused != "none none", "the focused control shows its focus"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_bureau_filters_a_registry_and_exports_it(
    bureau_page: Callable[..., Any], lang: str
) -> None:
    page = bureau_page(Role.BUREAU_ADMIN, lang=lang)
    page.goto("/back-office/registries")
    page.click("a[href='/back-office/registries/organisations']")
    page.select_option("#kind", "enterprise")
    page.fill("#q", "洛阳")
    page.click("#filters button[type=submit]")
    found = page.locator("#found").inner_text()
    assert (
        page.locator("#kind").input_value() == "enterprise"
        and page.locator("#q").input_value() == "洛阳"
    )
    with page.expect_download() as download:
        page.click("a[href*='format=xlsx']")
    assert download.value.suggested_filename == "innoreg-organisations.xlsx"
    assert found


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_bureau_runs_a_what_if_and_downloads_the_report(
    bureau_page: Callable[..., Any], lang: str
) -> None:
    page = bureau_page(Role.BUREAU_ADMIN, lang=lang)
    page.goto("/back-office/what-if")
    page.fill("#fiscal_year", "2023")
    page.check("input[name=reform][value='threshold-1.5-and-deduction-120']")
    page.click("#run")
    assert page.locator("#totals caption").is_visible()
    assert page.locator("#by-district").is_visible()
    assert ("受损" if lang == "zh" else "Lose") in page.locator("#totals").inner_text()
    assert not _axe(page)
    with page.expect_download() as download:
        page.click("#download")
    assert download.value.suggested_filename.endswith(".zip")
    page.goto("/back-office/what-if")
    page.fill("#fiscal_year", "20x3")
    page.check("#reform-upload")
    page.click("#run")
    expect(page).to_have_title(ERROR_TITLE[lang])  # waits for the answer to load
    assert page.locator("#fiscal_year").input_value() == "20x3"
    assert not _axe(page)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_admin_creates_and_disables_a_user_and_verifies_the_audit_log(
    bureau_page: Callable[..., Any], lang: str
) -> None:
    page = bureau_page(Role.BUREAU_ADMIN, lang=lang)
    page.goto("/back-office/users")
    page.click("a[href='/back-office/users/new']")
    page.fill("#email", f"browser-{lang}@bureau.test")
    page.check("input[name=role][value=reviewer]")
    page.fill("#password", "short")
    page.click("form[action='/back-office/users/new'] button[type=submit]")
    expect(page).to_have_title(ERROR_TITLE[lang])  # waits for the answer to load
    assert page.locator("#email").input_value() == f"browser-{lang}@bureau.test"
    assert page.locator("#password").input_value() == ""
    assert not _axe(page)
    page.fill("#password", "a long enough passphrase 42")
    page.click("form[action='/back-office/users/new'] button[type=submit]")
    assert page.locator("#done").is_visible()
    page.click("#access")
    assert ("已停用" if lang == "zh" else "Disabled") in page.locator("#access-now").inner_text()
    page.goto("/back-office/audit?entity=users")
    assert f"browser-{lang}" not in page.content()  # e-mail addresses are personal: digests
    page.click("#verify")
    assert page.locator("#verdict").is_visible() and page.locator("#head-hash").inner_text()
    assert not _axe(page)


TARGETS = """() => [...document.querySelectorAll(
  'main button, main select, main input:not([type=hidden]), main textarea, nav a, table a, ' +
  '.govuk-pagination a, .govuk-back-link, .govuk-skip-link:focus')]
  .filter(e => e.offsetParent !== null)
  .map(e => { const r = e.getBoundingClientRect();
              const label = e.id ? document.querySelector(`label[for="${e.id}"]`) : null;
              const l = label ? label.getBoundingClientRect() : r;
              const tall = Math.max(r.height, l.height), wide = Math.max(r.width, l.width);
              return [e.outerHTML.slice(0, 80), tall, wide]; })
  .filter(([, h, w]) => h < 24 || w < 24)"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_control_and_link_in_lists_is_at_least_24_px(
    bureau_page: Callable[..., Any], lang: str, assigned: int
) -> None:
    page = bureau_page(Role.BUREAU_ADMIN, lang=lang)
    for path in [*PAGES, *ADMIN_PAGES, f"/back-office/review/{assigned}"]:
        page.goto(path)
        small = page.evaluate(TARGETS)
        assert not small, (path, small[:3])
