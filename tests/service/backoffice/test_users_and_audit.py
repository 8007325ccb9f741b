"""User administration and the audit log, for the bureau's admin alone: create an account
(the password policy's refusal beside its field, the answers kept but the password), disable
and enable it, set a new password, change its role; every change in the audit log, which the
page lists and verifies."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from tests.service.backoffice.conftest import sent_to_sign_in

from innoreg.records.models.accounts import User
from innoreg.records.principal import Role

PASSWORD = "a long enough passphrase 42"


def test_only_the_admin_reaches_users_and_the_audit_log(
    sign_in: Callable[..., TestClient],
) -> None:
    reviewer = sign_in(Role.REVIEWER)
    for path in ("/back-office/users", "/back-office/users/new", "/back-office/audit"):
        assert reviewer.get(path).status_code == 403
        assert sent_to_sign_in(sign_in(None).get(path))
    assert (
        reviewer.post("/back-office/users/1/access", data={"access": "disable"}).status_code == 403
    )
    assert 'href="/back-office/users"' not in reviewer.get("/back-office/dashboard").text
    assert (
        'href="/back-office/users"' in sign_in(Role.BUREAU_ADMIN).get("/back-office/dashboard").text
    )


def test_the_admin_creates_disables_enables_resets_and_changes_a_role(
    sign_in: Callable[..., TestClient], bureau_app: FastAPI
) -> None:
    admin = sign_in(Role.BUREAU_ADMIN)
    admin.cookies.set("lang", "zh")
    weak = admin.post(
        "/back-office/users/new",
        data={"email": "new.reviewer@bureau.test", "role": "reviewer", "password": "short"},
    )
    assert weak.status_code == 422 and "<title>错误：" in weak.text
    assert "至少需要12个字符" in weak.text
    assert 'value="new.reviewer@bureau.test"' in weak.text and "short" not in weak.text
    tenant = admin.post(
        "/back-office/users/new",
        data={"email": "firm@org.test", "role": "enterprise_user", "password": PASSWORD},
    )
    assert tenant.status_code == 422 and "须指定所属单位" in tenant.text
    made = admin.post(
        "/back-office/users/new",
        data={"email": "New.Reviewer@bureau.test", "role": "reviewer", "password": PASSWORD},
        follow_redirects=False,
    )
    assert made.status_code == 303
    page = admin.get(made.headers["location"]).text
    assert "new.reviewer@bureau.test" in page and "审核人员" in page
    user_id = int(made.headers["location"].split("?")[0].rsplit("/", 1)[1])
    steps = [
        ("access", {"access": "disable"}, lambda u: u.disabled),
        ("access", {"access": "enable"}, lambda u: not u.disabled),
        ("password", {"password": "another long passphrase 7"}, lambda u: True),
        ("role", {"role": "bureau_admin", "organisation": ""}, lambda u: u.role == "bureau_admin"),
    ]
    database = bureau_app.state.database.get()
    for action, data, holds in steps:
        answer = admin.post(
            f"/back-office/users/{user_id}/{action}", data=data, follow_redirects=False
        )
        assert answer.status_code == 303, answer.text
        with database.read() as session:
            user = session.get(User, user_id)
            assert user is not None and holds(user), action
    log = admin.get(f"/back-office/audit?entity=users&entity_id={user_id}").text
    assert log.count('<th scope="row" class="govuk-table__header">') >= 4
    assert "user:1" in log and "disabled: False → True" in log
    assert PASSWORD not in log


def test_the_admin_cannot_lock_themselves_out(sign_in: Callable[..., TestClient]) -> None:
    admin = sign_in(Role.BUREAU_ADMIN)
    admin.cookies.set("lang", "en")
    page = admin.get("/back-office/users/1").text
    assert 'id="access"' not in page
    refused = admin.post("/back-office/users/1/access", data={"access": "disable"})
    assert refused.status_code == 422 and "your own account" in refused.text
    demoted = admin.post("/back-office/users/1/role", data={"role": "reviewer"})
    assert demoted.status_code == 422 and "from yourself" in demoted.text


def test_the_audit_log_pages_and_verifies(
    sign_in: Callable[..., TestClient], bureau_app: FastAPI
) -> None:
    admin = sign_in(Role.BUREAU_ADMIN)
    admin.cookies.set("lang", "en")
    first = admin.get("/back-office/audit").text
    numbers = [
        int(n) for n in re.findall(r'<th scope="row" class="govuk-table__header">(\d+)</th>', first)
    ]
    assert len(numbers) == 50 and numbers == sorted(numbers, reverse=True)
    older = re.search(r'href="(/back-office/audit\?before=\d+)"', first)
    assert older
    second = admin.get(older.group(1)).text
    more = [
        int(n)
        for n in re.findall(r'<th scope="row" class="govuk-table__header">(\d+)</th>', second)
    ]
    assert more[0] == numbers[-1] - 1
    verified = admin.get("/back-office/audit/verify").text
    assert "Intact:" in verified
    with bureau_app.state.database.get().read() as session:
        from innoreg.records.audit_verify import verify_chain

        report = verify_chain(session)
    assert report.head_hash in verified and f"{report.rows:,}" in verified
    with bureau_app.state.database.get().read() as session:
        assert session.scalars(select(User.id)).first() is not None
