"""Overdue IP: the assets the government may implement on a day, a one-click notice recorded
against the asset (and in the audit log), and the notice as a bilingual PDF."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from tests.service.backoffice.conftest import sent_to_sign_in

from innoreg.records.models.audit import AuditEntry
from innoreg.records.models.notices import Notice
from innoreg.records.principal import Role
from innoreg.records.repositories import BUREAU
from innoreg.records.workflows.ip import overdue_assets

LATER = "as_of-day=30&as_of-month=6&as_of-year=2025"


def test_the_list_is_the_records_overdue_assets(
    sign_in: Callable[..., TestClient], bureau_app: FastAPI
) -> None:
    admin = sign_in(Role.BUREAU_ADMIN)
    admin.cookies.set("lang", "en")
    with bureau_app.state.database.get().read() as session:
        expected = overdue_assets(session, scope=BUREAU, as_of=dt.date(2025, 6, 30))
    assert expected, "the demo city has overdue IP in 2025"
    html = admin.get(f"/back-office/overdue-ip?{LATER}").text
    assert "<title>Overdue IP" in html and "<caption" in html
    shown = re.findall(r'<th scope="row" class="govuk-table__header">([^<]+)</th>', html)
    assert shown == [a.registration_no for a in expected][: len(shown)]
    assert f"may implement {len(expected):,} assets" in html


def test_a_notice_is_issued_in_one_click_and_printed_in_both_languages(
    sign_in: Callable[..., TestClient], bureau_app: FastAPI
) -> None:
    reviewer = sign_in(Role.BUREAU_ADMIN)
    reviewer.cookies.set("lang", "zh")
    html = reviewer.get(f"/back-office/overdue-ip?{LATER}&show=waiting").text
    action = re.search(r'action="(/back-office/overdue-ip/(\d+)/notice)"', html)
    assert action, "an asset without a notice offers the button"
    asset_id = int(action.group(2))
    back = re.search(r'name="back" value="([^"]+)"', html)
    assert back
    answer = reviewer.post(
        action.group(1),
        data={"as_of": "2025-06-30", "back": back.group(1).replace("&amp;", "&")},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    page = reviewer.get(answer.headers["location"]).text
    assert "已记录在该项知识产权名下" in page
    with bureau_app.state.database.get().read() as session:
        notice = session.scalars(select(Notice).where(Notice.ip_asset_id == asset_id)).one()
        audited = session.scalars(
            select(AuditEntry).where(
                AuditEntry.entity == "notices", AuditEntry.entity_id == str(notice.id)
            )
        ).one()
    assert notice.issued_on == dt.date(2025, 6, 30)
    assert audited.actor == "user:1" and audited.action == "insert"
    pdf = reviewer.get(f"/back-office/notices/{notice.id}.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    again = reviewer.post(action.group(1), data={"as_of": "2025-06-30"}, follow_redirects=False)
    assert again.status_code == 303 and f"issued={notice.id}" in again.headers["location"]


def test_an_asset_that_is_not_overdue_gets_no_notice(
    sign_in: Callable[..., TestClient], bureau_app: FastAPI
) -> None:
    with bureau_app.state.database.get().read() as session:
        late = {
            a.asset_id for a in overdue_assets(session, scope=BUREAU, as_of=dt.date(2025, 6, 30))
        }
        early = {
            a.asset_id for a in overdue_assets(session, scope=BUREAU, as_of=dt.date(2024, 6, 30))
        }
    newly = sorted(late - early)[0]
    admin = sign_in(Role.BUREAU_ADMIN)
    refused = admin.post(f"/back-office/overdue-ip/{newly}/notice", data={"as_of": "2024-06-30"})
    assert refused.status_code == 409 and "not one the government may implement" in refused.text


def test_tenants_and_the_anonymous_cannot_issue_notices(
    sign_in: Callable[..., TestClient],
) -> None:
    anonymous = sign_in(None).post("/back-office/overdue-ip/1/notice", data={"as_of": "2025-06-30"})
    assert sent_to_sign_in(anonymous)
    tenant = sign_in(Role.INSTITUTION_USER, user_id=60, organisation_id=1)
    assert (
        tenant.post("/back-office/overdue-ip/1/notice", data={"as_of": "2025-06-30"}).status_code
        == 403
    )
    assert tenant.get("/back-office/notices/1.pdf").status_code == 403
