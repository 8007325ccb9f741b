"""The records API's tests run on SQLite and on PostgreSQL, each against a fresh migrated
database, through one sign-in fixture: ``sign_in(role, organisation_id=None) -> headers``."""

from __future__ import annotations

import secrets
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi import Request
from fastapi.testclient import TestClient
from pwdlib.hashers.argon2 import Argon2Hasher

from innoreg.records.accounts.passwords import Passwords
from innoreg.records.accounts.users import create_user
from innoreg.records.db import Database
from innoreg.records.principal import ANONYMOUS, Principal, Role
from innoreg.service.app import create_app
from innoreg.service.auth.policy import AuthError

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

SignIn = Callable[..., dict[str, str]]
FAST = Passwords(Argon2Hasher(time_cost=1, memory_cost=1024, parallelism=1))
"""Test accounts' passwords hashed cheaply (they are never used to sign in here)."""


class IssuedTokens:
    """Bearer tokens handed out by the tests' sign-in, each standing for one principal."""

    def __init__(self) -> None:
        self.principals: dict[str, Principal] = {}

    def authenticate(self, request: Request) -> Principal:
        header = request.headers.get("authorization", "")
        if not header:
            return ANONYMOUS
        scheme, _, token = header.partition(" ")
        principal = self.principals.get(token) if scheme.lower() == "bearer" else None
        if principal is None:
            raise AuthError(401, "the token does not hold")
        return principal


@dataclass
class Api:
    client: TestClient
    database: Database
    sign_in: SignIn
    tokens: IssuedTokens

    def user_id(self, headers: dict[str, str]) -> int:
        """The signed-in user's id (a reviewer's, to assign applications to)."""
        principal = self.tokens.principals[headers["authorization"].split(" ", 1)[1]]
        assert principal.user_id is not None
        return principal.user_id


@pytest.fixture(params=BACKENDS)
def api(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Api]:
    url = fresh_url(request.param, request, tmp_path)
    app = create_app(settings(database_url=url))
    tokens = IssuedTokens()
    app.state.authenticator = tokens
    with TestClient(app) as client:
        database = app.state.database.get()

        def sign_in(role: str | Role, organisation_id: int | None = None) -> dict[str, str]:
            """A real account of ``role`` (of ``organisation_id`` for a tenant role) and a
            bearer token standing for it."""
            account = create_user(
                database,
                email=f"{secrets.token_hex(6)}@example.org",
                role=role,
                password=secrets.token_urlsafe(18),
                organisation=organisation_id,
                actor="test",
                passwords=FAST,
            )
            token = secrets.token_urlsafe(16)
            tokens.principals[token] = account.principal("bearer")
            return {"authorization": f"Bearer {token}"}

        yield Api(client, database, sign_in, tokens)
    app.state.database.dispose()
