"""The authorisation matrix's table: for every route of the app, who may call it and how to
call it on a record of a given owner. The test (``test_authorisation_matrix.py``) walks the
app's own route table and fails on any route missing here, so a new route cannot ship without
saying who may use it.

An API entry states the roles admitted and the answer expected for a record of the caller's
own tenant and of another tenant; pages and public routes are in ``matrix_pages.py``."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.records.factories import make_code
from tests.service.records_api.world import World

ENTERPRISE, INSTITUTION, REVIEWER, ADMIN = (
    "enterprise_user",
    "institution_user",
    "reviewer",
    "bureau_admin",
)
ROLES = (ENTERPRISE, INSTITUTION, REVIEWER, ADMIN)
EVERYONE = frozenset(ROLES)
WRITERS = frozenset({ENTERPRISE, INSTITUTION, ADMIN})
TENANTS = frozenset({ENTERPRISE, INSTITUTION})
BUREAU = frozenset({REVIEWER, ADMIN})
ONLY_ADMIN = frozenset({ADMIN})
_n = itertools.count(1)


@dataclass
class Context:
    world: World
    reviewer_id: int
    """The reviewer the matrix signs in as: ``mine``'s application is assigned to them."""
    spare_reviewer_id: int
    """Another reviewer, whom the assignment route assigns to (so the matrix's reviewer
    keeps reaching ``mine`` only)."""


@dataclass(frozen=True)
class Call:
    method: str
    url: str
    json: Any = None
    content: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)


Make = Callable[[Context, str], Call]


@dataclass(frozen=True)
class Api:
    """An API route: ``own`` is the status for a record of the caller's tenant; ``other`` for
    one of another tenant (the bureau_admin reaches both, and gets ``own`` for both). A list
    answers 200 either way: ``listed`` names the kind whose owner's record must (own) or must
    not (other) be among its items."""

    roles: frozenset[str]
    make: Make
    own: int = 200
    other: int | None = 404
    listed: str | None = None


def _version(context: Context, kind: str, owner: str) -> int:
    """The record's version now (the matrix changes records as it goes)."""
    from innoreg.records.repositories import BUREAU as EVERY
    from innoreg.records.repositories.activity import AWARDS, PROJECTS, STANDARDS
    from innoreg.records.repositories.applications import APPLICATIONS
    from innoreg.records.repositories.filings import FILINGS
    from innoreg.records.repositories.ip import IP_ASSETS
    from innoreg.records.repositories.kinds import get_record
    from innoreg.records.repositories.organisations import ORGANISATIONS
    from innoreg.records.repositories.registries import REGISTRY_ENTRIES
    from innoreg.records.repositories.transfers import TRANSFERS

    kinds = {
        "organisations": ORGANISATIONS,
        "filings": FILINGS,
        "projects": PROJECTS,
        "awards": AWARDS,
        "standards": STANDARDS,
        "ip-assets": IP_ASSETS,
        "transfers": TRANSFERS,
        "applications": APPLICATIONS,
    }
    chosen = kinds.get(kind, REGISTRY_ENTRIES)
    with context.world.database.read() as session:
        found = get_record(session, chosen, scope=EVERY, ident=context.world.id(owner, kind))
        return int(found.version)


def listing(kind: str) -> Api:
    return Api(EVERYONE, lambda c, o: Call("GET", f"/v1/{kind}"), other=200, listed=kind)


def one(kind: str, suffix: str = "") -> Api:
    return Api(EVERYONE, lambda c, o: Call("GET", f"/v1/{kind}/{c.world.id(o, kind)}{suffix}"))


def change(kind: str, roles: frozenset[str]) -> Api:
    def make(c: Context, o: str) -> Call:
        ident = c.world.id(o, kind)
        return Call("PATCH", f"/v1/{kind}/{ident}", {"version": _version(c, kind, o)})

    return Api(roles, make)


def create(kind: str, roles: frozenset[str], body: Callable[[Context, str], dict[str, Any]]) -> Api:
    return Api(roles, lambda c, o: Call("POST", f"/v1/{kind}", body(c, o)), own=201, other=422)


def _org(c: Context, o: str) -> int:
    return c.world.organisations[o]


def _application(c: Context, o: str, state: str, assigned: bool = False) -> int:
    return c.world.fresh(
        o, "applications", state=state, reviewer_id=c.reviewer_id if assigned else None
    )


def _organisation_csv() -> bytes:
    return f"credit_code,name,kind\n{make_code(8000 + next(_n))},导入,enterprise\n".encode()


def _registry(path: str, register: str) -> dict[tuple[str, str], Api]:
    base = f"registries/{path}"
    return {
        ("GET", f"/v1/{base}"): listing(base),
        ("GET", f"/v1/{base}/{{ident}}"): one(base),
        ("POST", f"/v1/{base}"): create(
            base,
            ONLY_ADMIN,
            lambda c, o: {
                "organisation_id": _org(c, o),
                "register": register,
                "name": f"matrix {next(_n)}",
                "level": "municipal",
                "valid_from": "2024-01-01",
            },
        ),
        ("PATCH", f"/v1/{base}/{{ident}}"): change(base, ONLY_ADMIN),
    }


API: dict[tuple[str, str], Api] = {
    ("GET", "/v1/organisations"): listing("organisations"),
    ("GET", "/v1/organisations/{ident}"): one("organisations"),
    ("POST", "/v1/organisations"): Api(
        ONLY_ADMIN,
        lambda c, o: Call(
            "POST",
            "/v1/organisations",
            {"kind": "enterprise", "name": "矩阵企业", "credit_code": make_code(9000 + next(_n))},
        ),
        own=201,
        other=201,
    ),
    ("PATCH", "/v1/organisations/{ident}"): change("organisations", ONLY_ADMIN),
    ("GET", "/v1/filings"): listing("filings"),
    ("GET", "/v1/filings/{ident}"): one("filings"),
    ("POST", "/v1/filings"): create(
        "filings",
        WRITERS,
        lambda c, o: {
            "organisation_id": _org(c, o),
            "fiscal_year": c.world.unfiled_year(o),
            "sales_revenue": "1.00",
            "rd_expense": "0",
        },
    ),
    ("PATCH", "/v1/filings/{ident}"): change("filings", WRITERS),
    ("POST", "/v1/filings/{ident}/determinations"): Api(
        WRITERS,
        lambda c, o: Call("POST", f"/v1/filings/{c.world.id(o, 'filings')}/determinations", {}),
        own=201,
    ),
    ("GET", "/v1/determinations"): listing("determinations"),
    ("GET", "/v1/determinations/{ident}"): one("determinations"),
    ("GET", "/v1/determinations/{ident}/replay"): one("determinations", "/replay"),
    ("GET", "/v1/projects"): listing("projects"),
    ("GET", "/v1/projects/{ident}"): one("projects"),
    ("POST", "/v1/projects"): create(
        "projects",
        ONLY_ADMIN,
        lambda c, o: {
            "organisation_id": _org(c, o),
            "number": f"M-{next(_n)}",
            "title": "矩阵项目",
            "funding_level": "municipal",
        },
    ),
    ("PATCH", "/v1/projects/{ident}"): change("projects", ONLY_ADMIN),
    ("GET", "/v1/awards"): listing("awards"),
    ("GET", "/v1/awards/{ident}"): one("awards"),
    ("POST", "/v1/awards"): create(
        "awards",
        ONLY_ADMIN,
        lambda c, o: {
            "organisation_id": _org(c, o),
            "name": "奖",
            "level": "municipal",
            "year": 2023,
        },
    ),
    ("PATCH", "/v1/awards/{ident}"): change("awards", ONLY_ADMIN),
    ("GET", "/v1/standards"): listing("standards"),
    ("GET", "/v1/standards/{ident}"): one("standards"),
    ("POST", "/v1/standards"): create(
        "standards",
        ONLY_ADMIN,
        lambda c, o: {
            "organisation_id": _org(c, o),
            "level": "group",
            "code": f"T/M {next(_n)}",
            "title": "矩阵标准",
            "published_on": "2024-01-01",
        },
    ),
    ("PATCH", "/v1/standards/{ident}"): change("standards", ONLY_ADMIN),
    ("GET", "/v1/ip-assets"): listing("ip-assets"),
    ("GET", "/v1/ip-assets/{ident}"): one("ip-assets"),
    ("POST", "/v1/ip-assets"): create(
        "ip-assets",
        WRITERS,
        lambda c, o: {
            "organisation_id": _org(c, o),
            "kind": "patent",
            "registration_no": f"ZLM{next(_n):010d}",
            "title": "矩阵专利",
        },
    ),
    ("PATCH", "/v1/ip-assets/{ident}"): change("ip-assets", WRITERS),
    ("POST", "/v1/ip-assets/{ident}/determinations"): Api(
        WRITERS,
        lambda c, o: Call("POST", f"/v1/ip-assets/{c.world.id(o, 'ip-assets')}/determinations", {}),
        own=201,
    ),
    ("POST", "/v1/ip-assets/{ident}/notices"): Api(
        ONLY_ADMIN,
        lambda c, o: Call(
            "POST", f"/v1/ip-assets/{c.world.id(o, 'ip-assets')}/notices", {"as_of": "2021-01-01"}
        ),
        own=409,  # reached, and not overdue on that day
    ),
    ("GET", "/v1/ip/overdue"): Api(
        EVERYONE, lambda c, o: Call("GET", "/v1/ip/overdue?as_of=2024-06-30"), other=200
    ),
    ("GET", "/v1/notices"): listing("notices"),
    ("GET", "/v1/notices/{ident}"): one("notices"),
    ("GET", "/v1/notices/{ident}/pdf"): one("notices", "/pdf"),
    ("GET", "/v1/transfers"): listing("transfers"),
    ("GET", "/v1/transfers/{ident}"): one("transfers"),
    ("POST", "/v1/transfers"): Api(
        WRITERS,
        lambda c, o: Call(
            "POST",
            "/v1/transfers",
            {
                "holder_id": _org(c, o),
                "achievement": "矩阵成果",
                "mode": "license",
                "concluded_on": "2024-01-01",
            },
        ),
        own=201,
        other=422,
    ),
    ("PATCH", "/v1/transfers/{ident}"): change("transfers", WRITERS),
    ("POST", "/v1/transfers/{ident}/finalise"): Api(
        WRITERS,
        lambda c, o: Call(
            "POST", f"/v1/transfers/{c.world.fresh(o, 'transfers')}/finalise", {"version": 1}
        ),
    ),
    ("GET", "/v1/applications"): listing("applications"),
    ("GET", "/v1/applications/{ident}"): one("applications"),
    ("POST", "/v1/applications"): Api(
        WRITERS,
        lambda c, o: Call(
            "POST",
            "/v1/applications",
            {"filing_id": c.world.fresh(o, "filings"), "programme": "矩阵申请"},
        ),
        own=201,
        other=422,
    ),
    ("PATCH", "/v1/applications/{ident}"): Api(
        WRITERS,
        lambda c, o: Call(
            "PATCH", f"/v1/applications/{_application(c, o, 'draft')}", {"version": 1}
        ),
    ),
    ("POST", "/v1/applications/{ident}/submit"): Api(
        WRITERS,
        lambda c, o: Call(
            "POST", f"/v1/applications/{_application(c, o, 'draft')}/submit", {"version": 1}
        ),
    ),
    ("POST", "/v1/applications/{ident}/review"): Api(
        BUREAU,
        lambda c, o: Call(
            "POST",
            f"/v1/applications/{_application(c, o, 'submitted', assigned=o == 'mine')}/review",
            {"version": 1, "to": "under_review"},
        ),
    ),
    ("POST", "/v1/applications/{ident}/assign"): Api(
        ONLY_ADMIN,
        lambda c, o: Call(
            "POST",
            f"/v1/applications/{_application(c, o, 'submitted')}/assign",
            {"version": 1, "reviewer_id": c.spare_reviewer_id},
        ),
    ),
    ("POST", "/v1/imports/{kind}"): Api(
        ONLY_ADMIN,
        lambda c, o: Call(
            "POST",
            "/v1/imports/organisations",
            content=_organisation_csv(),
            headers={"content-type": "text/csv"},
        ),
        own=201,
        other=201,
    ),
    ("GET", "/v1/exports/{kind}.{format}"): Api(
        EVERYONE, lambda c, o: Call("GET", "/v1/exports/filings.csv"), other=200
    ),
    ("GET", "/v1/audit"): Api(ONLY_ADMIN, lambda c, o: Call("GET", "/v1/audit?limit=5")),
    ("GET", "/v1/audit/verify"): Api(ONLY_ADMIN, lambda c, o: Call("GET", "/v1/audit/verify")),
    **_registry("platforms", "rd_platform"),
    **_registry("parks", "park"),
    **_registry("incubators", "incubator"),
    **_registry("agencies", "intermediary_agency"),
    **_registry("demonstration-enterprises", "demonstration_enterprise"),
    # Accounts: each caller reaches its own account and tokens only (no record of a tenant).
    ("GET", "/v1/auth/me"): Api(EVERYONE, lambda c, o: Call("GET", "/v1/auth/me"), other=200),
    ("GET", "/v1/auth/api-tokens"): Api(
        EVERYONE, lambda c, o: Call("GET", "/v1/auth/api-tokens"), other=200
    ),
    ("POST", "/v1/auth/api-tokens"): Api(
        EVERYONE,
        lambda c, o: Call("POST", "/v1/auth/api-tokens", {"name": f"matrix {next(_n)}"}),
        own=201,
        other=201,
    ),
    ("DELETE", "/v1/auth/api-tokens/{token_id}"): Api(
        EVERYONE,
        lambda c, o: Call("DELETE", "/v1/auth/api-tokens/999999"),  # nobody's: as absent
        own=404,
        other=404,
    ),
    ("GET", "/metrics"): Api(ONLY_ADMIN, lambda c, o: Call("GET", "/metrics"), other=200),
}
