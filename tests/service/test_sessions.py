"""Web sessions over HTTP, for real: the sign-in form, the session cookie, the CSRF token on
every unsafe request a session makes, sign-out that ends the session on the server, the idle
and absolute timeouts (on a clock the test moves), the lockout and the rate limit on the form;
and one sign-in in Chromium."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from innoreg.records.db import Database
from innoreg.records.principal import Role

from .accounts_support import Clock, accounts_app
from .signin import login_page, make_user

EN = {"lang": "en"}
HTML = {"accept": "text/html,application/xhtml+xml,*/*;q=0.8"}  # what browsers send
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def form_token(client: TestClient, path: str = "/login") -> str:
    found = TOKEN.search(client.get(path).text)
    assert found, f"no CSRF field on {path}"
    return found.group(1)


def sign_in(client: TestClient, email: str, password: str, **extra: str) -> Any:
    token = form_token(client)
    return client.post(
        "/login",
        data={"email": email, "password": password, "csrf_token": token, **extra},
        follow_redirects=False,
    )


@pytest.fixture
def browser_client(app_and_clock: tuple[FastAPI, Clock]) -> Iterator[TestClient]:
    with TestClient(app_and_clock[0], follow_redirects=False, cookies=EN) as client:
        yield client


def test_a_page_that_needs_an_account_sends_the_browser_to_sign_in(
    browser_client: TestClient, accounts_db: Database
) -> None:
    answer = browser_client.get("/account", headers=HTML)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/login?next=/account"
    assert browser_client.get("/account").status_code == 401  # not a browser: no redirect
    for lang, words in (("en", "Sign in"), ("zh", "登录")):
        browser_client.cookies.set("lang", lang)
        page = browser_client.get("/login?next=/account").text
        assert f'<h1 class="govuk-heading-xl">{words}</h1>' in page
        assert 'name="email"' in page and 'name="password"' in page
        assert 'name="next" value="/account"' in page
    # An API path answers 401 problem+json, never a redirect.
    assert browser_client.get("/v1/auth/me").status_code == 401


def test_signing_in_sets_a_safe_cookie_and_goes_back(
    browser_client: TestClient, accounts_db: Database
) -> None:
    email, password = make_user(accounts_db, Role.REVIEWER)
    answer = sign_in(browser_client, email, password, next="/account")
    assert answer.status_code == 303 and answer.headers["location"] == "/account"
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith("innoreg_session=")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
    page = browser_client.get("/account")
    assert page.status_code == 200 and email in page.text and "Reviewer" in page.text
    # Another site as `next` is dropped.
    browser_client.cookies.delete("innoreg_session")
    away = sign_in(browser_client, email, password, next="//evil.example/")
    assert away.headers["location"] == "/account"


def test_the_cookie_is_secure_under_https(accounts_db: Database) -> None:
    app, _ = accounts_app(accounts_db)
    email, password = make_user(accounts_db, Role.REVIEWER)
    with TestClient(
        app, base_url="https://innoreg.example", follow_redirects=False, cookies=EN
    ) as client:
        answer = sign_in(client, email, password)
    assert answer.status_code == 303 and "Secure" in answer.headers["set-cookie"]


def test_wrong_password_keeps_the_email_and_names_the_problem(
    browser_client: TestClient, accounts_db: Database
) -> None:
    email, _ = make_user(accounts_db, Role.REVIEWER)
    answer = sign_in(browser_client, email, "not the password")
    assert answer.status_code == 401
    assert "There is a problem" in answer.text and f'value="{email}"' in answer.text
    assert "The e-mail address or the password is wrong" in answer.text
    empty = sign_in(browser_client, "", "")
    assert empty.status_code == 422
    assert 'href="#email"' in empty.text and 'href="#password"' in empty.text
    browser_client.cookies.set("lang", "zh")
    chinese = browser_client.post(
        "/login",
        data={"email": email, "password": "x", "csrf_token": form_token(browser_client)},
    )
    assert "电子邮箱地址或密码不正确" in chinese.text and chinese.text.count("错误") >= 1


def test_a_form_post_without_the_token_or_with_another_sessions_or_from_another_site(
    app_and_clock: tuple[FastAPI, Clock], accounts_db: Database
) -> None:
    app, _ = app_and_clock
    email, password = make_user(accounts_db, Role.BUREAU_ADMIN)
    with (
        TestClient(app, follow_redirects=False, cookies=EN) as mine,
        TestClient(app, follow_redirects=False, cookies=EN) as theirs,
    ):
        assert sign_in(mine, email, password).status_code == 303
        assert sign_in(theirs, email, password).status_code == 303
        my_token = form_token(mine, "/account")
        their_token = form_token(theirs, "/account")
        assert my_token != their_token
        refused = [
            mine.post("/logout"),
            mine.post("/logout", data={"csrf_token": their_token}),
            mine.post(
                "/logout",
                data={"csrf_token": my_token},
                headers={"origin": "https://evil.example"},
            ),
            mine.post(
                "/logout",
                data={"csrf_token": my_token},
                headers={"referer": "https://evil.example/page"},
            ),
            mine.post(
                "/logout",
                data={"csrf_token": my_token},
                headers={"origin": "null", "sec-fetch-site": "cross-site"},
            ),
        ]
        assert [r.status_code for r in refused] == [403, 403, 403, 403, 403]
        assert "another site" in refused[2].text
        assert mine.get("/account").status_code == 200  # still signed in
        # An API call carried by the session cookie needs the token too; a bearer call not.
        body = {"name": "from the browser"}
        assert mine.post("/v1/auth/api-tokens", json=body).status_code == 403
        made = mine.post("/v1/auth/api-tokens", json=body, headers={"x-csrf-token": my_token})
        assert made.status_code == 201
        other = mine.post("/v1/auth/api-tokens", json=body, headers={"x-csrf-token": their_token})
        assert other.status_code == 403
        # The sign-in form itself: its token is the pre-sign-in cookie's.
        with TestClient(app, follow_redirects=False, cookies=EN) as stranger:
            stranger.get("/login")
            forged = stranger.post("/login", data={"email": email, "password": password})
            assert forged.status_code == 403


def test_signing_out_ends_the_session_on_the_server(
    app_and_clock: tuple[FastAPI, Clock], accounts_db: Database
) -> None:
    app, _ = app_and_clock
    email, password = make_user(
        accounts_db, Role.ENTERPRISE_USER, organisation_id=_org(accounts_db)
    )
    with TestClient(app, follow_redirects=False, cookies=EN) as client:
        sign_in(client, email, password)
        stolen = client.cookies.get("innoreg_session")
        assert stolen
        token = form_token(client, "/account")
        out = client.post("/logout", data={"csrf_token": token})
        assert out.status_code == 303 and out.headers["location"] == "/login?signed_out=1"
        assert 'innoreg_session=""' in out.headers["set-cookie"]
    with TestClient(app, follow_redirects=False, cookies={"innoreg_session": stolen}) as replay:
        assert replay.get("/account", headers=HTML).status_code == 303  # to sign in
        assert replay.get("/v1/auth/me").status_code == 401


def _org(database: Database) -> int:
    from tests.records.factories import enterprise

    with database.write(actor="test") as session:
        return enterprise(session).id


def test_idle_and_absolute_timeouts(
    app_and_clock: tuple[FastAPI, Clock], accounts_db: Database
) -> None:
    app, clock = app_and_clock
    email, password = make_user(accounts_db, Role.REVIEWER)
    with TestClient(app, follow_redirects=False, cookies=EN) as client:
        sign_in(client, email, password)
        clock.advance(minutes=29)
        assert client.get("/account").status_code == 200  # active: the idle clock restarts
        clock.advance(minutes=29)
        assert client.get("/account").status_code == 200
        clock.advance(minutes=30, seconds=1)
        assert client.get("/account").status_code == 401  # idle for more than 30 minutes


def test_the_absolute_end_is_12_hours(
    app_and_clock: tuple[FastAPI, Clock], accounts_db: Database
) -> None:
    app, clock = app_and_clock
    email, password = make_user(accounts_db, Role.REVIEWER)
    with TestClient(app, follow_redirects=False, cookies=EN) as client:
        sign_in(client, email, password)
        steps = 0
        while client.get("/account", headers=HTML).status_code == 200:
            clock.advance(minutes=20)
            steps += 1
            assert steps < 100
    assert steps == 36  # 36 × 20 minutes = 12 hours


def test_lockout_and_rate_limit_on_the_form(accounts_db: Database) -> None:
    app, _ = accounts_app(accounts_db, sign_in_rate="6/minute")
    email, password = make_user(accounts_db, Role.REVIEWER)
    with TestClient(app, follow_redirects=False, cookies=EN) as client:
        answers = [sign_in(client, email, "wrong password!") for _ in range(5)]
        assert [a.status_code for a in answers] == [401] * 5
        assert "locked until" in answers[-1].text
        assert "locked until" in sign_in(client, email, password).text
        limited = sign_in(client, email, password)
        assert limited.status_code == 429 and "Too many attempts" in limited.text
        assert int(limited.headers["retry-after"]) >= 1


@pytest.fixture
def live_accounts(accounts_db: Database) -> Iterator[str]:
    import uvicorn

    app, _ = accounts_app(accounts_db)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(5)


def test_signing_in_and_out_in_chromium(
    browser: Any, live_accounts: str, accounts_db: Database
) -> None:
    email, password = make_user(accounts_db, Role.BUREAU_ADMIN)
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{live_accounts}/account")
    assert "/login?next=/account" in page.url
    login_page(page, live_accounts, email, password)
    page.goto(f"{live_accounts}/account")
    assert page.locator("#account-email").inner_text() == email
    cookie = next(c for c in context.cookies() if c["name"] == "innoreg_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    page.click("form[action='/logout'] button[type=submit]")
    page.wait_for_url("**/login?signed_out=1")
    page.goto(f"{live_accounts}/account")
    assert "/login" in page.url
    context.close()
