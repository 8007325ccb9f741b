"""The back office's fixtures: a small demo city (its filings and transfers decided on 30 June
2024) in a SQLite file built once per session and copied for each test module that writes;
an app over it; and ``sign_in``, the one way a test becomes a reviewer or the bureau's admin.

Until accounts and sessions exist, ``sign_in`` uses a test-only authenticator that believes a
cookie naming the role and user id; it is installed on the app here and nowhere else."""

from __future__ import annotations

import datetime as dt
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI, Request
from fastapi.testclient import TestClient
from tests.service.conftest import settings

from innoreg.records.principal import ANONYMOUS, Principal, Role
from innoreg.service.app import create_app

DAY = dt.date(2024, 6, 30)
ENTERPRISES = 120
TEST_COOKIE = "innoreg-test-principal"
USERS = {
    Role.BUREAU_ADMIN: Principal(1, Role.BUREAU_ADMIN, email="admin@bureau.test", via="session"),
    Role.REVIEWER: Principal(2, Role.REVIEWER, email="reviewer@bureau.test", via="session"),
}
"""The principals tests sign in as (another reviewer: user 3, other@bureau.test)."""
ACCOUNTS = (
    ("admin@bureau.test", Role.BUREAU_ADMIN),
    ("reviewer@bureau.test", Role.REVIEWER),
    ("other@bureau.test", Role.REVIEWER),
)
PASSWORD = "correct horse battery staple 7"


class CookieAuthenticator:
    """Test-only: the principal named by the test cookie (``role:user_id``)."""

    def authenticate(self, request: Request) -> Principal:
        parts = request.cookies.get(TEST_COOKIE, "").split(":")
        if len(parts) not in (2, 3) or parts[0] not in {r.value for r in Role}:
            return ANONYMOUS
        if not all(p.isdigit() for p in parts[1:]):
            return ANONYMOUS
        organisation = int(parts[2]) if len(parts) == 3 else None
        user = int(parts[1])
        email = ACCOUNTS[user - 1][0] if 0 < user <= len(ACCOUNTS) else f"user{user}@org.test"
        return Principal(user, Role(parts[0]), organisation, email, "session")


def build_city(path: Path) -> Path:
    """The demo city in a SQLite file at ``path``: its filings and transfers decided on
    ``DAY``, and the bureau's three accounts (admin 1, reviewers 2 and 3)."""
    from innoreg.records import schema
    from innoreg.records.accounts.users import create_user
    from innoreg.records.db import Database
    from innoreg.records.demo import load_demo
    from innoreg.records.repositories import BUREAU
    from innoreg.records.workflows.bulk import decide_all

    database = Database(f"sqlite:///{path}")
    schema.upgrade(database.engine)
    load_demo(database, enterprises=ENTERPRISES)
    for email, role in ACCOUNTS:
        create_user(database, email=email, role=role, password=PASSWORD, actor="test")
    for kind in ("filings", "transfers"):
        for _ in decide_all(database, kind=kind, scope=BUREAU, actor="test", day=DAY).batches:
            pass
    database.dispose()
    return path


@pytest.fixture(scope="session")
def city_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_city(tmp_path_factory.mktemp("bureau") / "city.sqlite3")


def app_over(url: str, **overrides: Any) -> FastAPI:
    app = create_app(settings(database_url=url, **overrides))
    app.state.authenticator = CookieAuthenticator()
    return app


@pytest.fixture(scope="module")
def city_url(city_file: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A copy of the city for one module (its writes stay in it)."""
    path = tmp_path_factory.mktemp("module-city") / "city.sqlite3"
    shutil.copyfile(city_file, path)
    return f"sqlite:///{path}"


@pytest.fixture(scope="module")
def bureau_app(city_url: str) -> Iterator[FastAPI]:
    app = app_over(city_url)
    yield app
    app.state.database.dispose()


@pytest.fixture
def sign_in(bureau_app: FastAPI) -> Iterator[Callable[..., TestClient]]:
    """``sign_in(Role.REVIEWER)`` -> a client signed in as that role (``user_id`` to choose
    another user; ``organisation_id`` for a tenant's user)."""
    clients: list[TestClient] = []

    def signed_in(
        role: Role | None, *, user_id: int | None = None, organisation_id: int | None = None
    ) -> TestClient:
        client = TestClient(bureau_app)
        client.__enter__()
        clients.append(client)
        if role is not None:
            client.cookies.set(TEST_COOKIE, cookie_value(role, user_id, organisation_id))
        return client

    yield signed_in
    for client in clients:
        client.__exit__(None, None, None)


def cookie_value(role: Role, user_id: int | None = None, organisation_id: int | None = None) -> str:
    user = user_id if user_id is not None else (USERS[role].user_id if role in USERS else 9)
    return f"{role.value}:{user}" + (f":{organisation_id}" if organisation_id else "")


@pytest.fixture(scope="module")
def bureau_server(bureau_app: FastAPI) -> Iterator[str]:
    """The app over the module's city, served on loopback for the browser."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(
        bureau_app, host="127.0.0.1", port=port, log_level="warning", access_log=False
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(5)


@pytest.fixture
def bureau_page(browser: Any, bureau_server: str) -> Iterator[Callable[..., Any]]:
    """``bureau_page(Role.REVIEWER, lang="zh")`` -> a Playwright page signed in as that role."""
    contexts: list[Any] = []

    def opened(
        role: Role,
        *,
        lang: str = "zh",
        user_id: int | None = None,
        organisation_id: int | None = None,
        **options: Any,
    ) -> Any:
        context = browser.new_context(base_url=bureau_server, **options)
        contexts.append(context)
        who = cookie_value(role, user_id, organisation_id)
        context.add_cookies(
            [
                {"name": "lang", "value": lang, "url": bureau_server},
                {"name": TEST_COOKIE, "value": who, "url": bureau_server},
            ]
        )
        page = context.new_page()
        outside: list[str] = []
        page.on(
            "request", lambda r: None if r.url.startswith(bureau_server) else outside.append(r.url)
        )
        page.outside = outside
        return page

    yield opened
    for context in contexts:
        assert not any(p.outside for p in context.pages), "requests to other hosts"
        context.close()
