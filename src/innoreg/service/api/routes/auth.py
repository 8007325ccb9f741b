"""``/v1/auth``: sign in for a bearer token (OAuth2 password form), who am I, and personal API
tokens for integrations (issued once, stored hashed, scoped, revocable)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from innoreg.records.accounts import sessions
from innoreg.records.accounts.users import Account
from innoreg.records.principal import Principal, Role
from innoreg.service.api.schemas.auth import (
    SIGN_IN_ERRORS,
    SIGNED_IN_ERRORS,
    AccessToken,
    ApiTokenInfo,
    IssuedApiToken,
    Me,
    NewApiToken,
)
from innoreg.service.api.schemas.problem import ERRORS
from innoreg.service.auth import tokens
from innoreg.service.auth.accounts import clock_of, database_of
from innoreg.service.auth.keys import signing_key
from innoreg.service.auth.policy import PUBLIC, AuthError, Policy, current_principal, guard
from innoreg.service.auth.signin import sign_in

router = APIRouter(tags=["accounts"], responses=ERRORS)
EVERYONE_SIGNED_IN = (*Role,)


@router.post(
    "/v1/auth/token",
    summary="Sign in for a bearer token",
    response_model=AccessToken,
    responses=SIGN_IN_ERRORS,
    dependencies=[guard(PUBLIC)],
)
async def token(
    request: Request,
    username: Annotated[str, Form(max_length=254, description="The account's e-mail address.")],
    password: Annotated[str, Form(max_length=1024)],
    grant_type: Annotated[str | None, Form(pattern="^password$")] = None,
) -> AccessToken:
    """OAuth2's password grant (a form: ``username``, ``password``). The token lasts 15
    minutes; five wrong passwords lock the account for 15 minutes (401, saying until when);
    too many attempts from one address answer 429."""
    key = signing_key(request.app.state.settings)
    token_id = tokens.new_token_id()  # recorded with the sign-in, in the same transaction
    account = await sign_in(request, username, password, via="bearer", token_id=token_id)
    access = tokens.issue(account.id, key, now=clock_of(request), token_id=token_id)
    return AccessToken(access_token=access, expires_in=int(tokens.LIFETIME.total_seconds()))


@router.get(
    "/v1/auth/me",
    summary="The signed-in account",
    response_model=Me,
    responses=SIGNED_IN_ERRORS,
    dependencies=[guard(Policy.of(*EVERYONE_SIGNED_IN, tenant="own"))],
)
def me(principal: Annotated[Principal, Depends(current_principal)]) -> Me:
    assert principal.user_id is not None and principal.role is not None
    return Me(
        id=principal.user_id,
        email=principal.email,
        role=principal.role.value,
        organisation_id=principal.organisation_id,
        via=principal.via,
        scopes=sorted(principal.token_scopes) if principal.token_scopes is not None else None,
    )


def _account(principal: Principal) -> Account:
    assert principal.user_id is not None and principal.role is not None
    return Account(
        id=principal.user_id,
        email=principal.email,
        role=principal.role,
        organisation_id=principal.organisation_id,
        disabled=False,
        locked_until=None,
        created_at=dt.datetime.min.replace(tzinfo=dt.UTC),
    )


@router.post(
    "/v1/auth/api-tokens",
    summary="Issue a personal API token",
    status_code=201,
    response_model=IssuedApiToken,
    responses=SIGNED_IN_ERRORS,
    dependencies=[guard(Policy.of(*EVERYONE_SIGNED_IN, tenant="own", write=True))],
)
async def create_api_token(
    request: Request,
    body: NewApiToken,
    principal: Annotated[Principal, Depends(current_principal)],
) -> IssuedApiToken:
    """A token for an integration, with the scopes asked (``read``; ``write`` to change
    records). The token is in this answer only; keep it like a password."""
    if principal.via == "api_token":
        raise AuthError(403, "an API token cannot issue API tokens: sign in with the password")
    lifetime = dt.timedelta(days=body.expires_in_days) if body.expires_in_days else None
    secret, info = await run_in_threadpool(
        sessions.issue_api_token,
        database_of(request),
        _account(principal),
        name=body.name,
        scopes=list(body.scopes),
        now=clock_of(request),
        lifetime=lifetime,
    )
    return IssuedApiToken(token=secret, **_info(info))


def _info(info: sessions.TokenInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "name": info.name,
        "scopes": list(info.scopes),
        "created_at": info.created_at,
        "last_used_at": info.last_used_at,
        "expires_at": info.expires_at,
        "revoked_at": info.revoked_at,
    }


@router.get(
    "/v1/auth/api-tokens",
    summary="Your personal API tokens",
    response_model=list[ApiTokenInfo],
    responses=SIGNED_IN_ERRORS,
    dependencies=[guard(Policy.of(*EVERYONE_SIGNED_IN, tenant="own"))],
)
def list_api_tokens(
    request: Request, principal: Annotated[Principal, Depends(current_principal)]
) -> list[ApiTokenInfo]:
    found = sessions.api_tokens(database_of(request), _account(principal))
    return [ApiTokenInfo(**_info(i)) for i in found]


@router.delete(
    "/v1/auth/api-tokens/{token_id}",
    summary="Revoke a personal API token",
    status_code=204,
    response_class=Response,
    responses=SIGNED_IN_ERRORS,
    dependencies=[guard(Policy.of(*EVERYONE_SIGNED_IN, tenant="own", write=True))],
)
def revoke_api_token(
    request: Request,
    token_id: int,
    principal: Annotated[Principal, Depends(current_principal)],
) -> Response:
    """It stops working at once. Another account's token answers 404."""
    sessions.revoke_api_token(
        database_of(request), _account(principal), token_id, now=clock_of(request)
    )
    return Response(status_code=204)
