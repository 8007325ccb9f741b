"""The portal's fixtures: a small demo city decided on 30 June 2024 (SQLite), one app over it
with a live server, real accounts (``create_user``), and ONE way to be signed in as a tenant
(``signed_in``): through the real ``/login`` form — a browser as a person would, a test client
by posting it — so every request carries a real session and its CSRF token."""

from __future__ import annotations

import datetime as dt
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from tests.service.conftest import settings

from innoreg.records import schema
from innoreg.records.db import Database
from innoreg.records.models import AnnualFiling, Organisation, Transfer
from innoreg.records.principal import Role
from innoreg.service.app import create_app

DAY = dt.date(2024, 6, 30)
"""The day the demo city's records were decided."""
PORTAL_DAY = dt.date(2025, 6, 30)
"""The portal's day: the 2024 filings are due and none is filed yet."""


@dataclass
class Tenant:
    role: Role
    organisation_id: int
    user_id: int
    name: str
    email: str


@dataclass
class PortalCity:
    database: Database
    app: Any
    url: str
    enterprise: Tenant
    """An enterprise eligible for support in 2023 (it may apply)."""
    other_enterprise: Tenant
    """An enterprise not eligible in 2023 (another tenant to the first)."""
    institution: Tenant
    """A state-established university with transfers."""
    spare: list[int]
    """Enterprises no fixture tenant uses, handed out one per test by ``new_enterprise``."""

    def new_enterprise(self) -> Tenant:
        """An enterprise of its own for a test that files (each year is filed once)."""
        return _account(self.database, Role.ENTERPRISE_USER, self.spare.pop())


PASSWORD = "correct horse battery staple 42"


def _account(database: Database, role: Role, organisation_id: int) -> Tenant:
    """A real account (the accounts' own ``create_user``) of ``role`` in the organisation."""
    from innoreg.records.accounts.users import create_user

    account = create_user(
        database,
        email=f"{role.value}.{organisation_id}@example.org",
        role=role,
        password=PASSWORD,
        organisation=organisation_id,
        actor="test",
    )
    with database.read() as session:
        organisation = session.get(Organisation, organisation_id)
        assert organisation is not None
        return Tenant(role, organisation_id, account.id, organisation.name, account.email)


def _city(path: Path) -> Database:
    from innoreg.records.demo import load_demo
    from innoreg.records.repositories import BUREAU
    from innoreg.records.workflows.bulk import decide_all

    database = Database(f"sqlite:///{path}")
    schema.upgrade(database.engine)
    load_demo(database, enterprises=60)
    for kind in ("filings", "transfers"):
        for _ in decide_all(database, kind=kind, scope=BUREAU, actor="test", day=DAY).batches:
            pass
    return database


def _tenants(database: Database) -> tuple[Tenant, Tenant, Tenant, list[int]]:
    with database.read() as session:
        filings = session.scalars(
            select(AnnualFiling).where(AnnualFiling.fiscal_year == 2023).order_by(AnnualFiling.id)
        ).all()
        eligible = next(f.organisation_id for f in filings if f.support_eligible is True)
        other = next(f.organisation_id for f in filings if f.support_eligible is False)
        holder = session.scalar(select(Transfer.holder_id).order_by(Transfer.id))
        assert holder is not None
        spare = [f.organisation_id for f in filings if f.organisation_id not in (eligible, other)]
    return (
        _account(database, Role.ENTERPRISE_USER, eligible),
        _account(database, Role.ENTERPRISE_USER, other),
        _account(database, Role.INSTITUTION_USER, holder),
        spare,
    )


@pytest.fixture(scope="session")
def portal_city(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PortalCity]:
    import uvicorn

    database = _city(tmp_path_factory.mktemp("portal") / "city.sqlite3")
    app = portal_app(database)
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
    yield PortalCity(database, app, f"http://127.0.0.1:{port}", *_tenants(database))
    server.should_exit = True
    thread.join(5)
    database.dispose()


def portal_app(database: Database) -> Any:
    """The app over the city on the portal's day; sign-in attempts unlimited (a test run signs
    in many times from one address)."""
    return create_app(
        settings(database_url=str(database.url), today=PORTAL_DAY, sign_in_rate="100000/minute")
    )


def browser_sign_in(city: PortalCity, tenant: Tenant, context: Any, lang: str) -> Any:
    """Sign a Playwright browser context in as ``tenant`` through ``/login``."""
    from tests.service.signin import login_page

    context.add_cookies([{"name": "lang", "value": lang, "url": city.url}])
    page = context.new_page()
    login_page(page, city.url, tenant.email, PASSWORD)
    page.close()
    return context


def client_sign_in(app: Any, tenant: Tenant, lang: str) -> TestClient:
    """A test client signed in as ``tenant`` by posting ``/login``; it sends the session's
    CSRF token with every request, as the portal's forms do."""
    client = TestClient(app)
    client.cookies.set("lang", lang)
    form = client.get("/login").text
    found = re.search(r'name="csrf_token" value="([^"]+)"', form)
    assert found is not None, form[-2000:]
    answer = client.post(
        "/login",
        data={"email": tenant.email, "password": PASSWORD, "csrf_token": found.group(1)},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text[-2000:]
    page = client.get("/portal").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    if token is None:  # the organisation's page has no form: a page that has one
        token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/portal/calendar").text)
    assert token is not None
    client.headers["x-csrf-token"] = token.group(1)
    return client


@pytest.fixture(scope="session")
def signed_in(portal_city: PortalCity) -> Any:
    """``signed_in(tenant)`` -> a TestClient signed in as ``tenant``;
    ``signed_in(tenant, context=ctx)`` signs a Playwright browser context in."""

    def sign_in(tenant: Tenant, *, context: Any = None, lang: str = "en") -> Any:
        if context is not None:
            return browser_sign_in(portal_city, tenant, context, lang)
        return client_sign_in(portal_city.app, tenant, lang)

    return sign_in
