"""Every route declares its policy; a route without one stops the app from starting.

A signed-in browser (a session cookie) must also send the session's CSRF token with every
unsafe request to a non-public route (``check_csrf``); bearer and API-token callers need not.

A policy names the roles that may call the route and how the record must relate to the
caller (``tenant``): ``public`` (anyone, anonymous included), ``own`` (the caller's
organisation's records; repositories filter, another tenant's record answers 404), ``assigned``
(a reviewer's assigned records), ``any`` (every record: the bureau). The guard only checks
who is calling (401 anonymous, 403 wrong role); the *which records* part lives in the
repositories, which filter by ``Principal.scope()``.

    router = APIRouter(dependencies=[guard(PUBLIC)])
    @router.get("/v1/filings", dependencies=[guard(Policy.of(TENANT, REVIEWER, ADMIN))])
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from fastapi import Depends, FastAPI, Request
from fastapi.routing import APIRoute, _iter_routes_with_context
from starlette.concurrency import run_in_threadpool

from innoreg.errors import InnoregError
from innoreg.records.principal import ANONYMOUS, Principal, Role

Tenancy = Literal["public", "own", "assigned", "any"]


@dataclass(frozen=True)
class Policy:
    """Roles allowed (empty with ``tenant='public'``: everyone) and the tenancy rule."""

    roles: frozenset[Role] = frozenset()
    tenant: Tenancy = "public"
    scopes: frozenset[str] = frozenset({"read"})
    """What a personal API token must carry to use the route (``read``; ``write`` for changes)."""
    loopback: bool = False
    """Also let in any caller on the loopback address (``/metrics``: the local scraper)."""

    @classmethod
    def of(
        cls, *roles: Role, tenant: Tenancy = "own", write: bool = False, loopback: bool = False
    ) -> Policy:
        return cls(frozenset(roles), tenant, frozenset({"write"} if write else {"read"}), loopback)

    @property
    def public(self) -> bool:
        return self.tenant == "public"

    def describe(self) -> str:
        if self.public:
            return "anyone"
        described = ", ".join(sorted(r.value for r in self.roles)) + f" ({self.tenant})"
        return described + (" or a loopback caller" if self.loopback else "")


PUBLIC = Policy()


class AuthError(InnoregError):
    """A caller who is not signed in (401) or whose role may not use the route (403)."""

    def __init__(self, status: int, message: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


class Authenticator(Protocol):
    def authenticate_at_once(self, request: Request) -> Principal | None:
        """The caller when it is known without waiting (no database read), else None: then
        ``authenticate`` runs in the thread pool."""
        ...

    def authenticate(self, request: Request) -> Principal:
        """The caller, ``ANONYMOUS`` when no credentials came; raise ``AuthError(401)`` for
        credentials that do not hold (expired, revoked, forged)."""
        ...


class AnonymousOnly:
    """The authenticator before accounts exist: everyone is anonymous."""

    def authenticate_at_once(self, request: Request) -> Principal:
        return ANONYMOUS

    def authenticate(self, request: Request) -> Principal:
        return ANONYMOUS


class Guard:
    """The dependency that enforces one policy and leaves the principal on ``request.state``."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy

    async def __call__(self, request: Request) -> Principal:
        principal = await resolve_principal(request)
        policy = self.policy
        if policy.public:
            return principal
        if policy.loopback and principal.anonymous and is_loopback(request):
            return principal
        if principal.anonymous:
            raise AuthError(401, "sign in first: this needs an account")
        if principal.role not in policy.roles:
            raise AuthError(403, f"a {principal.role} may not do this")
        if principal.token_scopes is not None and not policy.scopes <= principal.token_scopes:
            missing = ", ".join(sorted(policy.scopes - principal.token_scopes))
            raise AuthError(403, f"this API token lacks the scope: {missing}")
        if principal.via == "session" and request.method not in SAFE_METHODS:
            await _check_session_csrf(request)
        return principal


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


async def _check_session_csrf(request: Request) -> None:
    """Sessions of the real authenticator (those with a ``web_session``) must send their CSRF
    token; a test's stand-in session has none to send."""
    if getattr(request.state, "web_session", None) is None:
        return
    from innoreg.service.auth.csrf import check_csrf

    await check_csrf(request)


def is_loopback(request: Request) -> bool:
    """The caller is on this machine (behind a proxy: only if the proxy says so in
    X-Forwarded-For, which uvicorn trusts from 127.0.0.1)."""
    import ipaddress

    host = request.client.host if request.client else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


async def resolve_principal(request: Request) -> Principal:
    """Authenticate once per request (several guards or dependencies may ask)."""
    cached = getattr(request.state, "principal", None)
    if isinstance(cached, Principal):
        return cached
    authenticator: Authenticator = getattr(request.app.state, "authenticator", AnonymousOnly())
    principal = authenticator.authenticate_at_once(request)
    if principal is None:
        principal = await run_in_threadpool(authenticator.authenticate, request)
    request.state.principal = principal
    return principal


def guard(policy: Policy) -> Any:
    """``dependencies=[guard(policy)]`` on a route or a router."""
    return Depends(Guard(policy))


async def current_principal(request: Request) -> Principal:
    """For route parameters: ``principal: Principal = Depends(current_principal)``."""
    return await resolve_principal(request)


@dataclass(frozen=True)
class RoutePolicy:
    methods: tuple[str, ...]
    path: str
    policy: Policy
    name: str


def route_policies(app: FastAPI) -> list[RoutePolicy]:
    """Every API and page route with its policy; raises naming the first route without one."""
    table: list[RoutePolicy] = []
    for original, context in _iter_routes_with_context(app.routes):
        if not isinstance(original, APIRoute):
            continue  # /static and FastAPI's own /openapi.json (public by nature)
        # Included routers hand their dependencies down through the route's context.
        path = context.path if context is not None else original.path
        methods = context.methods if context is not None else original.methods
        dependencies = context.dependencies if context is not None else original.dependencies
        policies = _policies(dependencies)
        if len(policies) != 1:
            what = "no policy" if not policies else "more than one policy"
            raise RuntimeError(
                f"route {sorted(methods or ())} {path} declares {what}: "
                "add dependencies=[guard(Policy…)] to the route or its router"
            )
        table.append(RoutePolicy(tuple(sorted(methods or ())), path, policies[0], original.name))
    return table


def _policies(dependencies: Iterable[Any]) -> list[Policy]:
    return [d.dependency.policy for d in dependencies if isinstance(d.dependency, Guard)]
