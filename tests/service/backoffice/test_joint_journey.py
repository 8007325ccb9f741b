"""The portal and the back office together, in the browser, in both languages: an enterprise
files its 2024 figures and applies; the bureau's admin assigns the application; the reviewer
returns it with a reason; the enterprise answers; the reviewer starts the review and
approves — each side seeing the other's steps in the history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import select
from tests.service.backoffice.conftest import app_over
from tests.service.test_browser import _axe

from innoreg.records.models.filings import AnnualFiling
from innoreg.records.models.organisations import Organisation
from innoreg.records.principal import Role

PORTAL_DAY = dt.date(2025, 6, 30)
"""The 2024 filings are due and none is filed yet."""


@pytest.fixture(scope="module")
def bureau_app(city_url: str) -> Iterator[FastAPI]:
    app = app_over(city_url, today=PORTAL_DAY)
    yield app
    app.state.database.dispose()


@pytest.fixture(scope="module")
def enterprises(bureau_app: FastAPI) -> Iterator[int]:
    """Enterprises with no 2024 filing, one per test."""
    with bureau_app.state.database.get().read() as session:
        filed = select(AnnualFiling.organisation_id).where(AnnualFiling.fiscal_year == 2024)
        ids = session.scalars(
            select(Organisation.id)
            .where(Organisation.kind == "enterprise", Organisation.id.not_in(filed))
            .order_by(Organisation.id.desc())
        ).all()
    return iter(ids)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_enterprise_applies_the_reviewer_returns_it_it_answers_and_is_approved(
    bureau_page: Callable[..., Any], enterprises: Iterator[int], lang: str
) -> None:
    organisation = next(enterprises)
    firm = bureau_page(
        Role.ENTERPRISE_USER, lang=lang, user_id=100 + organisation, organisation_id=organisation
    )
    firm.goto("/portal/filings/2024/figures")
    firm.fill("#sales_revenue", "50,000,000")
    firm.fill("#rd_expense", "800,000")
    firm.click("#save-continue")
    firm.goto("/portal/filings/2024/status")
    firm.check("#above_designated_size")
    firm.check("#size_class-medium")
    firm.check("#special_rd_account")
    firm.click("#save-continue")
    firm.goto("/portal/filings/2024/check")
    firm.click("#submit-filing")
    firm.click("#apply")
    firm.click("#create-application")
    firm.click("#submit-application")
    application = int(firm.url.split("?")[0].rsplit("/", 1)[1])

    admin = bureau_page(Role.BUREAU_ADMIN, lang=lang)
    admin.goto("/back-office/review?state=submitted&assigned=none")
    admin.click(f"a[href='/back-office/review/{application}']")
    admin.select_option("#reviewer", "2")
    admin.click("form[action$='/assign'] button[type=submit]")

    reviewer = bureau_page(Role.REVIEWER, lang=lang)
    reviewer.goto("/back-office/review")
    reviewer.click(f"a[href='/back-office/review/{application}']")
    reason = "请补充研发费用专账明细" if lang == "zh" else "Add the special R&D account's ledger"
    reviewer.check("input[name=move][value=returned]")
    reviewer.fill("#reason", reason)
    reviewer.click("form[action$='/move'] button[type=submit]")
    assert reason in reviewer.locator("#history").inner_text()

    firm.goto(f"/portal/applications/{application}")
    assert reason in firm.inner_text("#returned-reason")
    answer = "已补充专账明细" if lang == "zh" else "The ledger is attached"
    firm.fill("#answer", answer)
    firm.click("#submit-application")

    reviewer.goto(f"/back-office/review/{application}")
    assert answer in reviewer.locator("#history").inner_text()
    for move in ("under_review", "approved"):
        reviewer.check(f"input[name=move][value={move}]")
        reviewer.click("form[action$='/move'] button[type=submit]")
    assert ("已批准" if lang == "zh" else "Approved") in reviewer.inner_text("#state")
    assert not _axe(reviewer)

    firm.goto(f"/portal/applications/{application}")
    assert firm.inner_text("#state") == ("已批准" if lang == "zh" else "Approved")
    assert reason in firm.inner_text("#history")
