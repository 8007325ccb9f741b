"""The records API's tests run on SQLite and on PostgreSQL, each against a fresh migrated
database, through one sign-in fixture: ``sign_in(role, organisation_id=None) -> headers``, a
real account (``tests/service/signin.py``) and its bearer token from ``POST /v1/auth/token``,
checked by the app's own authenticator."""

from __future__ import annotations

import secrets
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from innoreg.records.db import Database
from innoreg.records.models import User
from innoreg.records.principal import Role
from innoreg.service.app import create_app

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.records.conftest import (  # noqa: E402
    BACKENDS,
    fresh_url,
    postgres,  # noqa: F401  (the fixtures the backends need)
    sqlite_template,  # noqa: F401
)
from tests.service.conftest import settings  # noqa: E402
from tests.service.signin import bearer_headers, make_user  # noqa: E402

SignIn = Callable[..., dict[str, str]]


@dataclass
class Api:
    client: TestClient
    database: Database
    sign_in: SignIn
    users: dict[str, int] = field(default_factory=dict)
    """Authorization header -> the signed-in account's id."""

    def user_id(self, headers: dict[str, str]) -> int:
        """The signed-in user's id (a reviewer's, to assign applications to)."""
        return self.users[headers["Authorization"]]


@pytest.fixture(params=BACKENDS)
def api(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Api]:
    url = fresh_url(request.param, request, tmp_path)
    app = create_app(
        settings(database_url=url, secret_key=secrets.token_urlsafe(32), sign_in_rate="200/minute")
    )
    with TestClient(app) as client:
        database = app.state.database.get()
        users: dict[str, int] = {}

        def sign_in(role: str | Role, organisation_id: int | None = None) -> dict[str, str]:
            """A new account of ``role`` (of ``organisation_id`` for a tenant role), signed
            in: its ``Authorization: Bearer …`` header."""
            email, password = make_user(database, role, organisation_id)
            headers = bearer_headers(client, email, password)
            with database.read() as session:
                users[headers["Authorization"]] = int(
                    session.scalar(select(User.id).where(User.email == email)) or 0
                )
            return headers

        yield Api(client, database, sign_in, users)
    app.state.database.dispose()
