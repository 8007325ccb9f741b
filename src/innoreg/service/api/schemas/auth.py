"""Signing in and personal API tokens as the API shows them (never a stored hash)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field

from innoreg.service.api.schemas.problem import problem_response


class AccessToken(BaseModel):
    access_token: str = Field(description="Send as `Authorization: Bearer <access_token>`.")
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="Seconds the token stays valid (900: 15 minutes).")


class Me(BaseModel):
    id: int
    email: str
    role: str = Field(description="enterprise_user, institution_user, reviewer, bureau_admin")
    organisation_id: int | None = Field(description="The tenant of a tenant role; else null.")
    via: str = Field(description="How this request proved who it is: bearer, api_token, session.")
    scopes: list[str] | None = Field(
        description="The API token's scopes when signed in with one; else null (all)."
    )


class NewApiToken(BaseModel):
    name: str = Field(min_length=1, max_length=100, description="What the token is for.")
    scopes: list[Literal["read", "write"]] = Field(
        default=["read"], min_length=1, description="read, write (changes)."
    )
    expires_in_days: int | None = Field(
        None, ge=1, le=3650, description="Days until it stops working; null: until revoked."
    )


class ApiTokenInfo(BaseModel):
    id: int
    name: str
    scopes: list[str]
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    expires_at: dt.datetime | None
    revoked_at: dt.datetime | None


class IssuedApiToken(ApiTokenInfo):
    token: str = Field(description="The token itself, shown this once: only its hash is kept.")


SIGN_IN_ERRORS: dict[int | str, dict[str, Any]] = {
    401: problem_response(
        "Wrong e-mail or password, or the account is locked (the detail says until when)."
    ),
    429: problem_response("Too many sign-in attempts from this address; see Retry-After."),
}
SIGNED_IN_ERRORS: dict[int | str, dict[str, Any]] = {
    401: problem_response("Not signed in, or the token is invalid, expired or revoked."),
    403: problem_response("The role, the token's scopes or the CSRF token do not allow it."),
}
