"""The authorisation matrix's pages and public routes (``matrix.py`` holds the API's): a page
entry states the roles admitted (the portal's and the back office's pages answer with pages,
and their forms carry CSRF tokens, so the matrix checks who is let through, not the page); a
public route states how to call it anonymously."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tests.service.records_api.matrix import BUREAU, EVERYONE, ONLY_ADMIN, TENANTS, Context


@dataclass(frozen=True)
class Page:
    roles: frozenset[str]
    url: Callable[[Context, str], str]
    by_own_token: bool = False
    """A feed whose URL carries its own secret token (a calendar): a wrong token is 401 for
    every caller, whoever is signed in."""


def _page(template: str) -> Callable[[Context, str], str]:
    """A page's URL on a record of the owner: path parameters filled from the world."""

    def url(c: Context, o: str) -> str:
        values = {
            "year": "2023",
            "task": "figures",
            "application_id": str(c.world.id(o, "applications")),
            "asset_id": str(c.world.id(o, "ip-assets")),
            "transfer_id": str(c.world.id(o, "transfers")),
            "notice_id": str(c.world.id(o, "notices")),
            "token": "not-a-token",
            "group": "organisations",
            "name": "eligibility",
            "user_id": str(c.spare_reviewer_id),  # the pages run after the API's entries
        }
        return template.format(**values)

    return url


PAGES: dict[tuple[str, str], Page] = {
    (method, path): Page(roles, _page(path))
    for roles, routes in (
        (
            TENANTS,
            (
                ("GET", "/portal"),
                ("GET", "/portal/filings"),
                ("GET", "/portal/filings/{year}/determination"),
                ("GET", "/portal/filings/{year}"),
                ("GET", "/portal/filings/{year}/{task}"),
                ("POST", "/portal/filings/{year}/{task}"),
                ("GET", "/portal/applications"),
                ("GET", "/portal/applications/new"),
                ("POST", "/portal/applications/new"),
                ("GET", "/portal/applications/{application_id}"),
                ("POST", "/portal/applications/{application_id}/submit"),
                ("GET", "/portal/calendar"),
                ("POST", "/portal/calendar"),
                ("GET", "/portal/calendar/{token}"),
                ("GET", "/portal/ip"),
                ("GET", "/portal/ip/{asset_id}"),
                ("POST", "/portal/ip/{asset_id}/reports"),
                ("GET", "/portal/transfers"),
                ("GET", "/portal/transfers/new"),
                ("POST", "/portal/transfers/check"),
                ("POST", "/portal/transfers/new"),
                ("GET", "/portal/transfers/{transfer_id}"),
                ("POST", "/portal/transfers/{transfer_id}/final"),
            ),
        ),
        (
            BUREAU,
            (
                ("GET", "/back-office/review"),
                ("GET", "/back-office/review/{application_id}"),
                ("POST", "/back-office/review/{application_id}/move"),
                ("GET", "/back-office/registries"),
                ("GET", "/back-office/registries/{group}"),
                ("GET", "/back-office/registries/{group}/export"),
                ("GET", "/back-office/overdue-ip"),
                ("POST", "/back-office/overdue-ip/{asset_id}/notice"),
                ("GET", "/back-office/notices/{notice_id}.pdf"),
                ("GET", "/back-office/dashboard"),
                ("GET", "/back-office/dashboard/charts/{name}.svg"),
                ("GET", "/back-office/what-if"),
                ("POST", "/back-office/what-if"),
                ("POST", "/back-office/what-if/report.zip"),
            ),
        ),
        (
            ONLY_ADMIN,
            (
                ("POST", "/back-office/review/{application_id}/assign"),
                ("GET", "/back-office/audit"),
                ("GET", "/back-office/audit/verify"),
                ("GET", "/back-office/users"),
                ("GET", "/back-office/users/new"),
                ("POST", "/back-office/users/new"),
                ("GET", "/back-office/users/{user_id}"),
                ("POST", "/back-office/users/{user_id}/access"),
                ("POST", "/back-office/users/{user_id}/password"),
                ("POST", "/back-office/users/{user_id}/role"),
            ),
        ),
    )
    for method, path in routes
}
PAGES[("GET", "/account")] = Page(EVERYONE, lambda c, o: "/account")
PAGES[("GET", "/portal/calendar/{token}")] = Page(
    TENANTS, _page("/portal/calendar/{token}"), by_own_token=True
)

PUBLIC: dict[tuple[str, str], str | None] = {
    ("GET", "/healthz"): "/healthz",
    ("GET", "/readyz"): "/readyz",
    ("POST", "/v1/auth/token"): None,  # signing in: tests/service/test_auth_api.py
    ("GET", "/login"): "/login",
    ("POST", "/login"): None,  # with its CSRF token: tests/service/test_sessions.py
    ("POST", "/logout"): None,
    ("GET", "/docs"): "/docs",
    ("GET", "/"): "/",
    ("GET", "/language/{lang}"): "/language/en",
    ("GET", "/law"): "/law",
    ("GET", "/law/search"): "/law/search?q=研发",
    ("GET", "/law/{act}"): "/law/luoyang",
    ("GET", "/rules"): "/rules",
    ("GET", "/rules/{variable}"): "/rules/support_eligible",
    ("GET", "/interpretations"): "/interpretations",
    ("GET", "/checker"): "/checker",
    ("GET", "/checker/check"): "/checker/check",
    ("GET", "/checker/result"): "/checker/result",
    ("GET", "/checker/result.pdf"): None,  # a PDF of an empty check: the checker's tests
    ("GET", "/checker/{question}"): "/checker/revenue",
    ("POST", "/checker/{question}"): "/checker/revenue",
    ("GET", "/transfer"): "/transfer",
    ("GET", "/deadline"): "/deadline",
    ("GET", "/deadline.ics"): "/deadline.ics",
    ("POST", "/v1/evaluate"): "/v1/evaluate",
    ("GET", "/v1/jurisdictions"): "/v1/jurisdictions",
    ("GET", "/v1/acts"): "/v1/acts",
    ("GET", "/v1/acts/{act}"): "/v1/acts/luoyang",
    ("GET", "/v1/acts/{act}/articles/{n}"): "/v1/acts/luoyang/articles/7",
    ("GET", "/v1/acts/{act}/akn"): "/v1/acts/luoyang/akn",
    ("GET", "/v1/rules"): "/v1/rules",
    ("GET", "/v1/rules/{variable}"): "/v1/rules/support_eligible",
    ("GET", "/v1/interpretations"): "/v1/interpretations",
    ("GET", "/v1/inputs"): "/v1/inputs?jurisdiction=luoyang",
}
"""Routes anyone may call, and a URL to call each with (None: not called here)."""
