"""Hostile input over the whole OpenAPI, signed in as each role (issue 10): real accounts,
real bearer tokens from ``POST /v1/auth/token``, a records world to act on; no answer is a 5xx
and every answer conforms to the declared schema, for every operation and every role."""

from __future__ import annotations

import atexit
import datetime as dt
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from tests.service.records_api.world import build_world
from tests.service.signin import bearer_headers, make_user
from tests.service.test_schemathesis import CHECKS, EXCLUDED

from innoreg.records import schema as records_schema
from innoreg.records.db import Database
from innoreg.records.principal import Role
from innoreg.service.app import create_app
from innoreg.service.settings import Settings

EXAMPLES = 3
"""Per operation and role: 3 × ~130 operations × 4 roles, about 1,500 requests."""


def _signed_in_app(path: Path) -> tuple[Any, dict[Role, tuple[str, str]]]:
    url = f"sqlite:///{path}"
    database = Database(url)
    records_schema.upgrade(database.engine)
    reviewer_email, reviewer_password = make_user(database, Role.REVIEWER)
    world = build_world(database)
    accounts = {
        Role.ENTERPRISE_USER: make_user(
            database, Role.ENTERPRISE_USER, organisation_id=world.organisations["mine"]
        ),
        Role.INSTITUTION_USER: make_user(
            database, Role.INSTITUTION_USER, organisation_id=world.organisations["institute"]
        ),
        Role.REVIEWER: (reviewer_email, reviewer_password),
        Role.BUREAU_ADMIN: make_user(database, Role.BUREAU_ADMIN),
    }
    database.dispose()
    app = create_app(
        Settings(
            today=dt.date(2024, 6, 30),
            access_log=False,
            database_url=url,
            secret_key="s" * 40,
        )
    )
    return app, accounts


_FOLDER = Path(tempfile.mkdtemp(prefix="innoreg-schemathesis-"))
atexit.register(shutil.rmtree, _FOLDER, ignore_errors=True)
APP, ACCOUNTS = _signed_in_app(_FOLDER / "records.sqlite3")
_CLIENT = TestClient(APP)


def headers(role: Role) -> dict[str, str]:
    """A bearer token for the role's account, signed in when first asked and again before it
    expires (a slow run outlasts a token's 15 minutes)."""
    return bearer_headers(_CLIENT, *ACCOUNTS[role])


schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.mark.parametrize("role", list(Role), ids=[r.value for r in Role])
@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_error_and_every_answer_conforms_as_each_role(case: Any, role: Role) -> None:
    case.call_and_validate(headers=headers(role), checks=CHECKS, excluded_checks=EXCLUDED)


@pytest.mark.parametrize("role", list(Role), ids=[r.value for r in Role])
def test_each_role_is_really_signed_in(role: Role) -> None:
    """The generated requests above are made as the role, not bounced as anonymous."""
    with TestClient(APP) as client:
        me = client.get("/v1/auth/me", headers=headers(role))
        assert me.status_code == 200, me.text
        assert me.json()["role"] == role.value
        assert client.get("/v1/filings", headers=headers(role)).status_code == 200
