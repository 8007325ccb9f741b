"""Signing in over the API, for real: argon2id, the records database, signed tokens, the audit
chain. Bearer tokens, personal API tokens, the lockout, the rate limit (in the process and in
Redis), ``/metrics`` and the request logs."""

from __future__ import annotations

import json
import os
import secrets
from typing import Any

import jwt
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from innoreg.records.audit_verify import verify_chain
from innoreg.records.db import Database
from innoreg.records.models import AccountEvent
from innoreg.records.principal import Role
from innoreg.service.auth.ratelimit import SignInLimit

from .accounts_support import SECRET, Clock, accounts_app
from .signin import bearer_headers, make_user

REDIS_URL = os.environ.get("INNOREG_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def token_for(client: TestClient, email: str, password: str) -> Any:
    return client.post("/v1/auth/token", data={"username": email, "password": password})


def bearer(client: TestClient, email: str, password: str) -> dict[str, str]:
    """A fresh token each time (``signin.bearer_headers`` keeps one per account)."""
    return {"Authorization": f"Bearer {token_for(client, email, password).json()['access_token']}"}


def kinds(database: Database) -> list[str]:
    with database.read() as session:
        return list(session.scalars(select(AccountEvent.kind).order_by(AccountEvent.id)))


def test_a_bearer_token_and_who_it_is(accounts_client: TestClient, accounts_db: Database) -> None:
    email, password = make_user(accounts_db, Role.REVIEWER)
    answer = token_for(accounts_client, email.upper(), password)
    assert answer.status_code == 200
    body = answer.json()
    assert body["token_type"] == "bearer" and body["expires_in"] == 900
    claims = jwt.decode(body["access_token"], SECRET, algorithms=["HS256"], issuer="innoreg")
    assert (
        set(claims) == {"iss", "sub", "iat", "exp", "jti"} and claims["exp"] - claims["iat"] == 900
    )
    me = accounts_client.get(
        "/v1/auth/me", headers={"Authorization": f"Bearer {body['access_token']}"}
    )
    assert me.json() == {
        "id": int(claims["sub"]),
        "email": email,
        "role": "reviewer",
        "organisation_id": None,
        "via": "bearer",
        "scopes": None,
    }
    assert kinds(accounts_db) == ["login", "token_issued"]
    with accounts_db.read() as session:
        assert verify_chain(session).intact


def test_wrong_passwords_unknown_addresses_and_bad_tokens_answer_401(
    accounts_client: TestClient, accounts_db: Database
) -> None:
    email, password = make_user(accounts_db, Role.BUREAU_ADMIN)
    wrong = token_for(accounts_client, email, password + "x")
    unknown = token_for(accounts_client, "nobody@test.example", password)
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["detail"] == unknown.json()["detail"]
    assert wrong.headers["content-type"] == "application/problem+json"
    assert accounts_client.get("/v1/auth/me").status_code == 401
    forged = jwt.encode({"iss": "innoreg", "sub": "1", "iat": 0, "exp": 2**33}, "k" * 40)
    unsigned = jwt.encode({"iss": "innoreg", "sub": "1", "iat": 0, "exp": 2**33}, None, "none")
    for token in (forged, unsigned, "garbage", "irt_unknown"):
        answer = accounts_client.get("/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 401, token
        assert answer.headers["www-authenticate"] == "Bearer"
    assert (
        accounts_client.get("/v1/auth/me", headers={"Authorization": "Basic eDp5"}).status_code
        == 401
    )


def test_a_bearer_token_lasts_15_minutes_and_ends_with_the_account(
    app_and_clock: tuple[FastAPI, Clock], accounts_client: TestClient, accounts_db: Database
) -> None:
    _, clock = app_and_clock
    email, password = make_user(accounts_db, Role.BUREAU_ADMIN)
    headers = bearer(accounts_client, email, password)
    clock.advance(minutes=14, seconds=59)
    assert accounts_client.get("/v1/auth/me", headers=headers).status_code == 200
    clock.advance(seconds=1)
    expired = accounts_client.get("/v1/auth/me", headers=headers)
    assert expired.status_code == 401 and "expired" in expired.json()["detail"]
    headers = bearer(accounts_client, email, password)
    from innoreg.records.accounts.users import disable_user, set_role

    set_role(accounts_db, email=email, role="reviewer", actor="test")
    assert accounts_client.get("/v1/auth/me", headers=headers).json()["role"] == "reviewer"
    disable_user(accounts_db, email=email, actor="test")
    assert accounts_client.get("/v1/auth/me", headers=headers).status_code == 401


def test_five_failures_lock_the_account_for_15_minutes(
    app_and_clock: tuple[FastAPI, Clock], accounts_client: TestClient, accounts_db: Database
) -> None:
    _, clock = app_and_clock
    email, password = make_user(accounts_db, Role.REVIEWER)
    answers = [
        token_for(accounts_client, email, "not the password").json()["detail"] for _ in range(5)
    ]
    assert all("wrong" in a for a in answers[:4])
    assert "locked until" in answers[4]
    locked = token_for(accounts_client, email, password)
    assert locked.status_code == 401 and "locked until" in locked.json()["detail"]
    clock.advance(minutes=14, seconds=58)
    assert token_for(accounts_client, email, password).status_code == 401
    clock.advance(seconds=3)
    assert token_for(accounts_client, email, password).status_code == 200
    assert kinds(accounts_db).count("lockout") == 1


def test_personal_api_tokens_scoped_and_revocable(
    accounts_client: TestClient, accounts_db: Database
) -> None:
    email, password = make_user(accounts_db, Role.BUREAU_ADMIN)
    headers = bearer_headers(accounts_client, email, password)
    made = accounts_client.post(
        "/v1/auth/api-tokens", json={"name": "nightly export", "scopes": ["read"]}, headers=headers
    )
    assert made.status_code == 201
    token = made.json()["token"]
    assert token.startswith("irt_") and made.json()["scopes"] == ["read"]
    with_token = {"Authorization": f"Bearer {token}"}
    me = accounts_client.get("/v1/auth/me", headers=with_token).json()
    assert me["via"] == "api_token" and me["scopes"] == ["read"]
    listed = accounts_client.get("/v1/auth/api-tokens", headers=headers).json()
    assert [t["name"] for t in listed] == ["nightly export"] and "token" not in listed[0]
    assert listed[0]["last_used_at"] is not None
    ident = made.json()["id"]
    # A read-only token may not change anything, nor mint more tokens.
    refused = accounts_client.delete(f"/v1/auth/api-tokens/{ident}", headers=with_token)
    assert refused.status_code == 403 and "scope: write" in refused.json()["detail"]
    writer = accounts_client.post(
        "/v1/auth/api-tokens", json={"name": "w", "scopes": ["read", "write"]}, headers=headers
    ).json()
    minted = accounts_client.post(
        "/v1/auth/api-tokens",
        json={"name": "x"},
        headers={"Authorization": f"Bearer {writer['token']}"},
    )
    assert minted.status_code == 403
    # Someone else's token is as absent as none.
    other_email, other_password = make_user(accounts_db, Role.REVIEWER)
    other = bearer_headers(accounts_client, other_email, other_password)
    assert accounts_client.delete(f"/v1/auth/api-tokens/{ident}", headers=other).status_code == 404
    assert (
        accounts_client.delete(f"/v1/auth/api-tokens/{ident}", headers=headers).status_code == 204
    )
    assert accounts_client.get("/v1/auth/me", headers=with_token).status_code == 401
    assert kinds(accounts_db).count("api_token_issued") == 2
    assert "api_token_revoked" in kinds(accounts_db)
    with accounts_db.read() as session:
        assert verify_chain(session).intact
        log = "".join(c.decode() for c in session.scalars(select(_canonical())))
    assert token not in log and writer["token"] not in log


def _canonical() -> Any:
    from innoreg.records.models import AuditEntry

    return AuditEntry.canonical


def test_the_rate_limit_per_client_address_in_the_process(accounts_db: Database) -> None:
    app, _ = accounts_app(accounts_db, sign_in_rate="3/minute")
    email, password = make_user(accounts_db, Role.REVIEWER)
    with TestClient(app) as client:
        statuses = [token_for(client, email, "wrong password!").status_code for _ in range(3)]
        limited = token_for(client, email, password)
        other = TestClient(app, client=("203.0.113.9", 50000))
        assert token_for(other, email, password).status_code == 200  # another address
    assert statuses == [401, 401, 401]
    assert limited.status_code == 429
    assert 1 <= int(limited.headers["retry-after"]) <= 60
    assert "too many sign-in attempts" in limited.json()["detail"]


def test_the_rate_limit_is_shared_through_redis(accounts_db: Database) -> None:
    """Two apps (two workers) with one Redis count one client's attempts together."""
    try:
        import redis

        redis.Redis.from_url(REDIS_URL).ping()
    except Exception as error:
        message = f"Redis is not reachable at {REDIS_URL} ({type(error).__name__})"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    namespace = f"test-{secrets.token_hex(6)}"
    email, password = make_user(accounts_db, Role.REVIEWER)
    clients = []
    for _ in range(2):
        app, _ = accounts_app(accounts_db, sign_in_rate="4/minute", redis_url=REDIS_URL)
        limit: SignInLimit = app.state.sign_in_limit
        limit.namespace = namespace
        clients.append(TestClient(app))
    first, second = clients
    assert [token_for(first, email, password).status_code for _ in range(2)] == [200, 200]
    assert [token_for(second, email, password).status_code for _ in range(2)] == [200, 200]
    assert token_for(first, email, password).status_code == 429
    assert token_for(second, email, password).status_code == 429
    limit.clear("testclient")


def test_metrics_for_a_bureau_admin_or_this_machine(
    accounts_client: TestClient, accounts_db: Database
) -> None:
    admin = bearer_headers(accounts_client, *make_user(accounts_db, Role.BUREAU_ADMIN))
    reviewer = bearer_headers(accounts_client, *make_user(accounts_db, Role.REVIEWER))
    assert accounts_client.get("/metrics").status_code == 401
    assert accounts_client.get("/metrics", headers=reviewer).status_code == 403
    assert "innoreg_http_requests_total" in accounts_client.get("/metrics", headers=admin).text
    local = TestClient(accounts_client.app, client=("::1", 50000))
    assert local.get("/metrics").status_code == 200


def test_request_logs_name_the_user_never_secrets(
    accounts_db: Database, capfd: pytest.CaptureFixture[str]
) -> None:
    app, _ = accounts_app(accounts_db, access_log=True)
    email, password = make_user(accounts_db, Role.BUREAU_ADMIN)
    with TestClient(app) as client:
        capfd.readouterr()
        answer = token_for(client, email, password)
        access = answer.json()["access_token"]
        me = client.get(
            "/v1/auth/me", headers={"Authorization": f"Bearer {access}", "x-request-id": "r-42"}
        ).json()
        made = client.post(
            "/v1/auth/api-tokens",
            json={"name": "ci"},
            headers={"Authorization": f"Bearer {access}"},
        ).json()
        token_for(client, email, "a wrong password")
    err = capfd.readouterr().err
    lines = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    requests = [line for line in lines if line.get("msg") == "request"]
    assert [r["route"] for r in requests] == [
        "/v1/auth/token",
        "/v1/auth/me",
        "/v1/auth/api-tokens",
        "/v1/auth/token",
    ]
    assert requests[0]["user_id"] is None  # signing in, not yet signed in
    assert requests[1]["user_id"] == me["id"] and requests[1]["request_id"] == "r-42"
    assert requests[2]["user_id"] == me["id"]
    for secret in (password, access, made["token"], email, "a wrong password"):
        assert secret not in err


def test_a_token_s_account_is_kept_for_the_set_seconds(accounts_db: Database) -> None:
    """A change made outside this process (here: straight in the database) reaches a kept
    account only after INNOREG_ACCOUNT_CHECK_SECONDS; with 0 it applies to the next request."""
    from sqlalchemy import text

    for seconds, refused_at_once in ((5, False), (0, True)):
        app, _ = accounts_app(accounts_db, account_check_seconds=seconds)
        with TestClient(app) as client:
            email, password = make_user(accounts_db, Role.REVIEWER)
            headers = bearer(client, email, password)
            assert client.get("/v1/auth/me", headers=headers).status_code == 200
            with accounts_db.engine.begin() as connection:
                connection.execute(
                    text("UPDATE users SET disabled = :yes WHERE email = :email"),
                    {"yes": True, "email": email},
                )
            status = client.get("/v1/auth/me", headers=headers).status_code
            assert status == (401 if refused_at_once else 200)


def test_a_forged_token_is_refused_every_time(accounts_client: TestClient) -> None:
    forged = jwt.encode(
        {"iss": "innoreg", "sub": "1", "iat": 0, "exp": 2**40}, "another key " * 4, "HS256"
    )
    for _ in range(2):
        answer = accounts_client.get("/v1/auth/me", headers={"Authorization": f"Bearer {forged}"})
        assert answer.status_code == 401 and "not valid" in answer.json()["detail"]
    basic = accounts_client.get("/v1/auth/me", headers={"Authorization": "Basic eDp5"})
    assert basic.status_code == 401 and "Bearer" in basic.json()["detail"]


def test_threads_and_pool_come_from_the_settings(accounts_db: Database) -> None:
    from anyio import to_thread

    from innoreg.errors import InputError
    from innoreg.service.settings import Settings

    app, _ = accounts_app(accounts_db, threads=3, database_pool=4)
    with TestClient(app) as client:
        limiter = client.portal.call(to_thread.current_default_thread_limiter)  # type: ignore[union-attr]
        assert limiter.total_tokens == 3
        assert client.get("/v1/auth/me").status_code == 401  # anonymous: no database read
        assert app.state.database.ready is None
        assert app.state.database.get().engine.pool.size() == 4
    assert Settings.from_env({"INNOREG_ACCOUNT_CHECK_SECONDS": "0"}).account_check_seconds == 0
    with pytest.raises(InputError) as refused:
        Settings.from_env({"INNOREG_THREADS": "0"})
    assert refused.value.field == "INNOREG_THREADS"
