"""The portal's fixtures: a small demo city decided on 30 June 2024 (SQLite), one app over it
with a live server, and ONE way to be signed in as a tenant (``signed_in``).

Until accounts land their sessions, ``signed_in`` uses a test-only authenticator on
``app.state.authenticator`` that reads the principal from a cookie; it is the only place a
test says who it is, so switching to the real ``/login`` changes this file alone."""

from __future__ import annotations

import datetime as dt
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
from starlette.requests import Request
from tests.service.conftest import settings

from innoreg.records import schema
from innoreg.records.db import Database
from innoreg.records.models import AnnualFiling, Organisation, Transfer
from innoreg.records.principal import ANONYMOUS, Principal, Role
from innoreg.service.app import create_app

DAY = dt.date(2024, 6, 30)
"""The day the demo city's records were decided."""
PORTAL_DAY = dt.date(2025, 6, 30)
"""The portal's day: the 2024 filings are due and none is filed yet."""
COOKIE = "innoreg-test-principal"


class CookiePrincipal:
    """TEST ONLY: the principal named by a cookie ``role:organisation:user``."""

    def authenticate(self, request: Request) -> Principal:
        raw = request.cookies.get(COOKIE, "")
        if not raw:
            return ANONYMOUS
        role, organisation, user = raw.split(":")
        return Principal(
            user_id=int(user),
            role=Role(role),
            organisation_id=int(organisation),
            email=f"user{user}@example.org",
            via="session",
        )


@dataclass
class Tenant:
    role: Role
    organisation_id: int
    user_id: int
    name: str

    @property
    def cookie(self) -> str:
        return f"{self.role.value}:{self.organisation_id}:{self.user_id}"


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
        return Tenant(role, organisation_id, account.id, organisation.name)


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
    app = create_app(settings(database_url=str(database.url), today=PORTAL_DAY))
    app.state.authenticator = CookiePrincipal()
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


def browser_sign_in(city: PortalCity, tenant: Tenant, context: Any, lang: str) -> Any:
    """Sign a Playwright browser context in as ``tenant`` (the one way the browser does)."""
    context.add_cookies(
        [
            {"name": COOKIE, "value": tenant.cookie, "url": city.url},
            {"name": "lang", "value": lang, "url": city.url},
        ]
    )
    return context


@pytest.fixture(scope="session")
def signed_in(portal_city: PortalCity) -> Any:
    """``signed_in(tenant)`` -> a TestClient signed in as ``tenant``;
    ``signed_in(tenant, context=ctx)`` signs a Playwright browser context in."""

    def sign_in(tenant: Tenant, *, context: Any = None, lang: str = "en") -> Any:
        if context is not None:
            return browser_sign_in(portal_city, tenant, context, lang)
        client = TestClient(portal_city.app)
        client.cookies.set(COOKIE, tenant.cookie)
        client.cookies.set("lang", lang)
        return client

    return sign_in
