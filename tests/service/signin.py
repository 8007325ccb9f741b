"""Signing in from tests: a real account made through the records layer (argon2id hash,
audited), then a bearer token from ``POST /v1/auth/token`` or a signed-in browser page.

    email, password = make_user(database, Role.ENTERPRISE_USER, organisation_id=org.id)
    headers = bearer_headers(client, email, password)
    login_page(page, live_server, email, password)
"""

from __future__ import annotations

import itertools
import secrets
import time
from typing import Any

from innoreg.records.accounts.users import create_user
from innoreg.records.db import Database
from innoreg.records.principal import TENANT_ROLES, Role

_serial = itertools.count(1)


def make_user(
    database: Database, role: Role | str, organisation_id: int | None = None
) -> tuple[str, str]:
    """A new account with ``role`` (tenant roles need ``organisation_id``); its e-mail address
    and password, random so that tests never share an account."""
    chosen = Role(role)
    if chosen in TENANT_ROLES and organisation_id is None:
        raise ValueError(f"a {chosen.value} needs organisation_id")
    email = f"{chosen.value.replace('_', '-')}-{next(_serial)}-{secrets.token_hex(3)}@test.example"
    password = f"Test {secrets.token_urlsafe(12)}"
    create_user(
        database,
        email=email,
        role=chosen,
        organisation=organisation_id,
        password=password,
        actor="test",
    )
    return email, password


_tokens: dict[tuple[int, str, str], tuple[float, str]] = {}
_RENEW_AFTER = 10 * 60.0
"""Seconds a token is reused: well within its 15 minutes, however long the run."""


def bearer_headers(client: Any, email: str, password: str) -> dict[str, str]:
    """``Authorization: Bearer …`` for the account, from ``POST /v1/auth/token`` (one sign-in
    per app and account, renewed before the token's 15 minutes run out)."""
    key = (id(client.app), email, password)
    kept = _tokens.get(key)
    if kept is None or time.monotonic() - kept[0] > _RENEW_AFTER:
        answer = client.post("/v1/auth/token", data={"username": email, "password": password})
        assert answer.status_code == 200, answer.text
        kept = _tokens[key] = (time.monotonic(), answer.json()["access_token"])
    return {"Authorization": f"Bearer {kept[1]}"}


def login_page(page: Any, base_url: str, email: str, password: str) -> None:
    """Sign a Playwright page in through the real ``/login`` form (as a person would)."""
    page.goto(f"{base_url}/login")
    page.fill("#email", email)
    page.fill("#password", password)
    with page.expect_navigation():
        page.click("form[action='/login'] button[type=submit]")
    assert "/login" not in page.url, f"sign-in refused: {page.url} {page.content()[-3000:]}"
