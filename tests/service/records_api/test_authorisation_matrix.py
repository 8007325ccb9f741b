"""The authorisation matrix, generated from the app's route table: every route × every role ×
a record of the caller's own tenant, of another tenant, and no credentials at all, each with
the answer expected (``matrix.py``, ``matrix_pages.py``). A route the tables lack fails the
test; so does an entry for a route that is gone. Runs on SQLite and PostgreSQL (the ``api``
fixture)."""

from __future__ import annotations

import re
from typing import Any

from tests.service.records_api.conftest import Api
from tests.service.records_api.matrix import API, REVIEWER, ROLES, Call, Context
from tests.service.records_api.matrix_pages import PAGES, PUBLIC
from tests.service.records_api.world import build_world

from innoreg.service.auth.policy import route_policies

TENANT_OF = {
    "enterprise_user": "mine",
    "institution_user": "institute",
    "reviewer": "mine",  # the application of ``mine`` is assigned to the reviewer
    "bureau_admin": "mine",
}
OTHER = "theirs"


def _send(api: Api, call: Call, headers: dict[str, str]) -> Any:
    return api.client.request(
        call.method,
        call.url,
        json=call.json,
        content=call.content,
        headers={**call.headers, **headers},
        follow_redirects=False,
    )


def _listed(answer: Any, ident: int) -> bool:
    return re.search(rf'"id":{ident}[,}}]', answer.text) is not None


def test_every_route_has_an_entry_and_every_entry_a_route(api: Api) -> None:
    routes = {
        (method, row.path): row.policy
        for row in route_policies(api.client.app)  # type: ignore[arg-type]
        for method in row.methods
        if method != "HEAD"
    }
    known = set(API) | set(PAGES) | set(PUBLIC)
    missing = sorted(set(routes) - known)
    assert not missing, (
        f"add these routes to tests/service/records_api/matrix.py or matrix_pages.py: {missing}"
    )
    assert not sorted(known - set(routes)), "matrix entries for routes that are gone"
    for key, policy in routes.items():
        assert policy.public == (key in PUBLIC), f"{key}: public in the app and in the matrix"
        if key in API:
            declared = {role.value for role in policy.roles}
            assert declared == set(API[key].roles), f"{key}: {declared} != {API[key].roles}"
        if key in PAGES:
            assert {role.value for role in policy.roles} == set(PAGES[key].roles), key


def test_the_matrix(api: Api) -> None:
    headers = {
        "enterprise_user": None,
        "institution_user": None,
        "reviewer": api.sign_in(REVIEWER),
        "bureau_admin": api.sign_in("bureau_admin"),
    }
    world = build_world(api.database, reviewer_id=api.user_id(headers["reviewer"] or {}))
    headers["enterprise_user"] = api.sign_in("enterprise_user", world.organisations["mine"])
    headers["institution_user"] = api.sign_in("institution_user", world.organisations["institute"])
    spare = api.user_id(api.sign_in(REVIEWER))
    context = Context(world, api.user_id(headers["reviewer"] or {}), spare)
    failures: list[str] = []
    calls = 0

    def check(key: tuple[str, str], who: str, answer: Any, expected: str, ok: bool) -> None:
        if not ok:
            failures.append(f"{key[0]} {key[1]} as {who}: {answer.status_code}, {expected}")

    for key, entry in API.items():
        anonymous = _send(api, entry.make(context, "mine"), {})
        check(key, "anonymous", anonymous, "expected 401", anonymous.status_code == 401)
        for role in ROLES:
            for owner in (TENANT_OF[role], OTHER):
                answer = _send(api, entry.make(context, owner), headers[role] or {})
                calls += 1
                who = f"{role} on {owner}'s"
                if role not in entry.roles:
                    check(key, who, answer, "expected 403", answer.status_code == 403)
                    continue
                own = owner != OTHER or role == "bureau_admin"
                wanted = entry.own if own else entry.other
                check(key, who, answer, f"expected {wanted}", answer.status_code == wanted)
                if entry.listed is not None and answer.status_code == 200:
                    shown = _listed(answer, world.id(owner, entry.listed))
                    check(key, who, answer, f"listed should be {own}", shown == own)

    for key, page in PAGES.items():
        method = key[0]
        anonymous = api.client.request(method, page.url(context, "mine"), follow_redirects=False)
        refused = anonymous.status_code == 401 or (  # the sign-in page, once sessions exist
            anonymous.status_code == 303 and "/login" in anonymous.headers.get("location", "")
        )
        check(key, "anonymous", anonymous, "expected 401 or the sign-in page", refused)
        for role in ROLES:
            url = page.url(context, TENANT_OF[role])
            answer = api.client.request(
                method, url, headers=headers[role] or {}, follow_redirects=False
            )
            calls += 1
            if page.by_own_token:
                check(key, role, answer, "expected 401", answer.status_code == 401)
            elif role in page.roles:
                check(
                    key, role, answer, "expected no refusal", answer.status_code not in (401, 403)
                )
            else:
                check(key, role, answer, "expected 403", answer.status_code == 403)

    for key, url in PUBLIC.items():
        if url is None:
            continue
        for who in (None, *ROLES):
            answer = api.client.request(
                key[0], url, headers=headers[who] or {} if who else {}, follow_redirects=False
            )
            check(key, who or "anonymous", answer, "public", answer.status_code not in (401, 403))

    assert calls > 500
    assert not failures, f"{len(failures)} of the matrix's answers differ:\n" + "\n".join(failures)
