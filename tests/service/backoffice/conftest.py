"""The back office's fixtures: a small demo city (its filings and transfers decided on 30 June
2024) in a SQLite file built once per session and copied for each test module that writes;
an app over it; and ``sign_in`` / ``bureau_page``, the one way a test becomes a reviewer, the
bureau's admin or a tenant: a real account signed in through ``/login`` (a session cookie, and
the session's CSRF token sent with every unsafe request, as the pages' forms do)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from tests.service.conftest import settings

from innoreg.records.principal import TENANT_ROLES, Principal, Role
from innoreg.service.app import create_app

DAY = dt.date(2024, 6, 30)
ENTERPRISES = 120
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
    """The app over the city with its real accounts; sign-ins are not rate-limited here (many
    tests sign in from one address within a minute)."""
    return create_app(settings(database_url=url, sign_in_rate="100000/minute", **overrides))


def account_for(
    app: FastAPI, role: Role, user_id: int | None = None, organisation_id: int | None = None
) -> str:
    """The e-mail address of an account with ``role``: the bureau's own (admin 1, reviewers
    2 and 3), or a tenant's made once for ``organisation_id``."""
    if role not in TENANT_ROLES:
        chosen = user_id or (USERS[role].user_id if role in USERS else None)
        for index, (email, kind) in enumerate(ACCOUNTS, start=1):
            if kind is role and (chosen is None or chosen == index):
                return email
        raise LookupError(f"no {role.value} account {chosen}")
    made: dict[tuple[Role, int | None], str] = app.state.__dict__.setdefault("test_tenants", {})
    if (role, organisation_id) not in made:
        from innoreg.records.accounts.users import create_user

        email = f"{role.value.replace('_', '-')}-{organisation_id}@org.test"
        create_user(
            app.state.database.get(),
            email=email,
            role=role,
            password=PASSWORD,
            organisation=organisation_id,
            actor="test",
        )
        made[(role, organisation_id)] = email
    return made[(role, organisation_id)]


TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def login(client: TestClient, email: str) -> None:
    """Sign ``client`` in through the ``/login`` form; later unsafe requests carry the
    session's CSRF token in ``X-CSRF-Token``."""
    form = client.get("/login")
    found = TOKEN.search(form.text)
    assert found, "the sign-in form carries a CSRF token"
    answer = client.post(
        "/login",
        data={"email": email, "password": PASSWORD, "csrf_token": found.group(1)},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text[-2000:]
    session = TOKEN.search(client.get("/account").text)
    assert session, "a signed-in page carries the session's token"
    client.headers["x-csrf-token"] = session.group(1)


def sent_to_sign_in(answer: Any) -> bool:
    """A page that needs an account sends a browser without one to ``/login``."""
    return answer.status_code == 303 and answer.headers["location"].startswith("/login?next=")


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
        client = TestClient(bureau_app, follow_redirects=False)
        client.headers["accept"] = "text/html,application/xhtml+xml"  # as a browser asks
        client.__enter__()
        clients.append(client)
        if role is not None:
            login(client, account_for(bureau_app, role, user_id, organisation_id))
        return client

    yield signed_in
    for client in clients:
        client.__exit__(None, None, None)


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
def bureau_page(
    browser: Any, bureau_server: str, bureau_app: FastAPI
) -> Iterator[Callable[..., Any]]:
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
        from tests.service.signin import login_page

        context = browser.new_context(base_url=bureau_server, **options)
        contexts.append(context)
        context.add_cookies([{"name": "lang", "value": lang, "url": bureau_server}])
        page = context.new_page()
        email = account_for(bureau_app, role, user_id, organisation_id)
        login_page(page, bureau_server, email, PASSWORD)
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
