"""The review queue: filters with counts by state, assignment by the bureau's admin, a
reviewer who sees only what is assigned to them, and each move recorded and shown — return
for changes and reject need a reason, a stale form is refused, answers are kept on error."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from tests.service.backoffice.conftest import sent_to_sign_in

from innoreg.records.models.applications import Application, ApplicationAssignment
from innoreg.records.models.audit import AuditEntry
from innoreg.records.principal import Role

REVIEWER, OTHER = 2, 3


def _one(bureau_app: FastAPI, state: str) -> int:
    with bureau_app.state.database.get().read() as session:
        found = session.scalar(
            select(Application.id)
            .where(Application.state == state, Application.reviewer_id.is_(None))
            .order_by(Application.id)
        )
    assert found is not None, state
    return found


def _version(client: TestClient, application_id: int) -> str:
    html = client.get(f"/back-office/review/{application_id}").text
    found = re.search(r'name="version" value="(\d+)"', html)
    assert found
    return found.group(1)


def test_the_queue_counts_each_state_and_filters(
    sign_in: Callable[..., TestClient], bureau_app: FastAPI
) -> None:
    admin = sign_in(Role.BUREAU_ADMIN)
    admin.cookies.set("lang", "en")
    with bureau_app.state.database.get().read() as session:
        counts = dict(
            session.execute(
                select(Application.state, func.count()).group_by(Application.state)
            ).all()
        )
    html = admin.get("/back-office/review").text
    assert "<title>Review queue" in html and "<caption" in html
    assert f"Submitted ({counts['submitted']:,})" in html
    only = admin.get("/back-office/review?state=returned").text
    rows = re.findall(r'href="/back-office/review/(\d+)"', only)
    assert len(rows) == min(counts["returned"], 50)
    assert "Returned for changes" in only and "Approved</strong>" not in only


def test_a_reviewer_sees_only_what_is_assigned_to_them(
    sign_in: Callable[..., TestClient], bureau_app: FastAPI
) -> None:
    application = _one(bureau_app, "submitted")
    reviewer = sign_in(Role.REVIEWER)
    assert reviewer.get(f"/back-office/review/{application}").status_code == 404
    admin = sign_in(Role.BUREAU_ADMIN)
    admin.cookies.set("lang", "en")
    answer = admin.post(
        f"/back-office/review/{application}/assign",
        data={"reviewer": str(REVIEWER), "version": _version(admin, application)},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    shown = admin.get(answer.headers["location"]).text
    assert "Assigned to reviewer@bureau.test" in shown
    queue = reviewer.get("/back-office/review").text
    assert re.findall(r'href="/back-office/review/(\d+)"', queue) == [str(application)]
    assert reviewer.get(f"/back-office/review/{application}").status_code == 200
    other = sign_in(Role.REVIEWER, user_id=OTHER)
    other.cookies.set("lang", "en")
    assert other.get(f"/back-office/review/{application}").status_code == 404
    assert "No application matches" in other.get("/back-office/review").text
    refused = reviewer.post(
        f"/back-office/review/{application}/assign", data={"reviewer": str(REVIEWER)}
    )
    assert refused.status_code == 403


def test_return_for_changes_needs_a_reason_and_keeps_the_answers(
    sign_in: Callable[..., TestClient], bureau_app: FastAPI
) -> None:
    application = _one(bureau_app, "submitted")
    admin = sign_in(Role.BUREAU_ADMIN)
    admin.post(
        f"/back-office/review/{application}/assign",
        data={"reviewer": str(REVIEWER), "version": _version(admin, application)},
    )
    reviewer = sign_in(Role.REVIEWER)
    reviewer.cookies.set("lang", "zh")
    version = _version(reviewer, application)
    missing = reviewer.post(
        f"/back-office/review/{application}/move",
        data={"move": "returned", "reason": "", "version": version},
    )
    assert missing.status_code == 422
    assert "<title>错误：" in missing.text and "请填写理由" in missing.text
    assert 'value="returned" checked' in missing.text
    done = reviewer.post(
        f"/back-office/review/{application}/move",
        data={"move": "returned", "reason": "请补充研发费用辅助账", "version": version},
        follow_redirects=False,
    )
    assert done.status_code == 303
    page = reviewer.get(done.headers["location"]).text
    assert "退回修改" in page and "请补充研发费用辅助账" in page and "user:2" in page
    stale = reviewer.post(
        f"/back-office/review/{application}/move",
        data={"move": "returned", "reason": "again", "version": version},
    )
    assert stale.status_code == 422 and "有人" in stale.text
    with bureau_app.state.database.get().read() as session:
        moved = session.get(Application, application)
        assert moved is not None and moved.state == "returned"
        assert moved.transitions[-1].reason == "请补充研发费用辅助账"
        assert (
            session.scalar(
                select(func.count())
                .select_from(ApplicationAssignment)
                .where(ApplicationAssignment.application_id == application)
            )
            == 1
        )
        logged = session.scalars(
            select(AuditEntry.actor).where(
                AuditEntry.entity == "application_transitions", AuditEntry.actor == "user:2"
            )
        ).all()
        assert logged


def test_the_reviewer_starts_the_review_then_approves(
    sign_in: Callable[..., TestClient], bureau_app: FastAPI
) -> None:
    application = _one(bureau_app, "submitted")
    admin = sign_in(Role.BUREAU_ADMIN)
    admin.post(
        f"/back-office/review/{application}/assign",
        data={"reviewer": str(REVIEWER), "version": _version(admin, application)},
    )
    reviewer = sign_in(Role.REVIEWER)
    reviewer.cookies.set("lang", "en")
    for move in ("under_review", "approved"):
        answer = reviewer.post(
            f"/back-office/review/{application}/move",
            data={"move": move, "reason": "", "version": _version(reviewer, application)},
            follow_redirects=False,
        )
        assert answer.status_code == 303, answer.text
    page = reviewer.get(f"/back-office/review/{application}").text
    assert "Under review → Approved" in page and 'id="decide"' not in page
    closed = reviewer.post(
        f"/back-office/review/{application}/move", data={"move": "rejected", "reason": "no"}
    )
    assert closed.status_code == 422 and "the application is “Approved”" in closed.text


def test_tenants_cannot_reach_the_queue(sign_in: Callable[..., TestClient]) -> None:
    tenant = sign_in(Role.ENTERPRISE_USER, user_id=70, organisation_id=40)
    assert tenant.get("/back-office/review").status_code == 403
    assert tenant.post("/back-office/review/1/move", data={"move": "approved"}).status_code == 403
    assert sent_to_sign_in(sign_in(None).get("/back-office/review/1"))
