"""Bearer access tokens: JWTs signed with HS256, valid for 15 minutes, naming the account by id.

The token carries no role: each request reads the account, so a role change or a disabled
account takes effect at once, not when the token runs out.
"""

from __future__ import annotations

import datetime as dt
import secrets

import jwt

from innoreg.service.auth.policy import AuthError

LIFETIME = dt.timedelta(minutes=15)
ALGORITHM = "HS256"
ISSUER = "innoreg"


def new_token_id() -> str:
    """A token's id (``jti``): recorded in the audit log, useless without the signature."""
    return secrets.token_hex(8)


def issue(user_id: int, key: str, *, now: dt.datetime, token_id: str) -> str:
    """A signed access token for ``user_id``."""
    claims = {
        "iss": ISSUER,
        "sub": str(user_id),
        "iat": int(now.timestamp()),
        "exp": int((now + LIFETIME).timestamp()),
        "jti": token_id,
    }
    return jwt.encode(claims, key, algorithm=ALGORITHM)


def verify(token: str, key: str, *, now: dt.datetime) -> int:
    """The account id a valid token names; ``AuthError(401)`` for anything else."""
    try:
        claims = jwt.decode(
            token,
            key,
            algorithms=[ALGORITHM],
            issuer=ISSUER,
            options={
                "require": ["exp", "iat", "sub", "iss"],
                "verify_exp": False,
                "verify_iat": False,
            },
        )
    except jwt.InvalidTokenError:
        raise AuthError(401, "the bearer token is not valid: sign in again") from None
    # Times against the app's clock (which tests can move), not the wall clock.
    moment = int(now.timestamp())
    if int(claims["exp"]) <= moment:
        raise AuthError(401, "the bearer token has expired: sign in again")
    if int(claims["iat"]) > moment + 60:
        raise AuthError(401, "the bearer token was issued in the future: sign in again")
    subject = str(claims["sub"])
    if not subject.isdigit():
        raise AuthError(401, "the bearer token is not valid: sign in again")
    return int(subject)
