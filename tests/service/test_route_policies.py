"""Every route declares who may call it; one that does not stops the app from starting."""

from __future__ import annotations

import pytest
from fastapi import APIRouter

from innoreg.service.app import create_app
from innoreg.service.auth.policy import PUBLIC, guard, route_policies
from innoreg.service.settings import Settings


def test_every_route_of_the_app_has_exactly_one_policy() -> None:
    table = route_policies(create_app(Settings(access_log=False)))
    paths = {row.path for row in table}
    assert "/v1/evaluate" in paths and "/" in paths
    assert all(row.policy is not None for row in table)


def test_a_route_without_a_policy_stops_the_start() -> None:
    app = create_app(Settings(access_log=False))
    stray = APIRouter()

    @stray.get("/v1/forgotten")
    def forgotten() -> dict[str, str]:
        return {}

    app.include_router(stray)
    with pytest.raises(RuntimeError, match="/v1/forgotten declares no policy"):
        route_policies(app)


def test_a_route_with_two_policies_is_refused() -> None:
    app = create_app(Settings(access_log=False))
    twice = APIRouter(dependencies=[guard(PUBLIC)])

    @twice.get("/v1/twice", dependencies=[guard(PUBLIC)])
    def both() -> dict[str, str]:
        return {}

    app.include_router(twice)
    with pytest.raises(RuntimeError, match="more than one policy"):
        route_policies(app)


def test_a_restricted_route_refuses_the_anonymous_with_401_problem() -> None:
    from fastapi.testclient import TestClient

    from innoreg.records.principal import Role
    from innoreg.service.auth.policy import Policy

    app = create_app(Settings(access_log=False))
    closed = APIRouter(dependencies=[guard(Policy.of(Role.BUREAU_ADMIN, tenant="any"))])

    @closed.get("/v1/closed")
    def inside() -> dict[str, str]:
        return {"secret": "yes"}

    app.include_router(closed)
    answer = TestClient(app).get("/v1/closed")
    assert answer.status_code == 401
    assert answer.headers["www-authenticate"] == "Bearer"
    assert answer.json()["status"] == 401 and "secret" not in answer.text


def test_security_doc_lists_every_route_with_its_policy() -> None:
    """docs/security.md's table is the declared policies, regenerated (`make docs`), not
    written by hand: a route added or a policy changed without it fails here."""
    from pathlib import Path

    from innoreg.service.auth.policy_page import BEGIN, END, generated_section

    document = (Path(__file__).parents[2] / "docs" / "security.md").read_text(encoding="utf-8")
    assert BEGIN in document and END in document
    section = document[document.index(BEGIN) : document.index(END) + len(END)]
    assert section == generated_section(), (
        "docs/security.md is out of date: run "
        "`python -m innoreg.service.auth.policy_page docs/security.md`"
    )
