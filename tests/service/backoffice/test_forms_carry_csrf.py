"""Every unsafe form on a back-office page carries the CSRF token the session expects
(``csrf_token``, checked by the guard for real web sessions)."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from innoreg.records.models.applications import Application
from innoreg.records.principal import Role


def test_every_post_form_has_the_token(
    sign_in: Callable[..., TestClient], bureau_app: FastAPI
) -> None:
    with bureau_app.state.database.get().read() as session:
        application = session.scalars(
            select(Application.id).where(Application.state == "submitted")
        ).first()
    admin = sign_in(Role.BUREAU_ADMIN)
    pages = [
        f"/back-office/review/{application}",
        "/back-office/overdue-ip?as_of-day=30&as_of-month=6&as_of-year=2025&show=waiting",
        "/back-office/what-if",
        "/back-office/users/new",
        "/back-office/users/2",
    ]
    counted = 0
    for path in pages:
        html = admin.get(path).text
        forms = re.findall(r'<form method="post".*?</form>', html, re.S)
        assert forms, path
        for form in forms:
            token = re.search(r'name="csrf_token" value="([^"]+)"', form)
            assert token and len(token.group(1)) >= 32, (path, form[:120])
            counted += 1
    assert counted >= 8


def test_signing_out_from_the_back_office_ends_the_session(
    sign_in: Callable[..., TestClient],
) -> None:
    from tests.service.backoffice.conftest import sent_to_sign_in

    reviewer = sign_in(Role.REVIEWER)
    html = reviewer.get("/back-office/review").text
    assert 'action="/logout"' in html and 'href="/account"' in html
    token = re.search(r'action="/logout".*?name="csrf_token" value="([^"]+)"', html, re.S)
    assert token
    answer = reviewer.post("/logout", data={"csrf_token": token.group(1)})
    assert answer.status_code == 303
    assert sent_to_sign_in(reviewer.get("/back-office/review"))
