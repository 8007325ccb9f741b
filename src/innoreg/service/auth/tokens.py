"""Bearer access tokens: JWTs signed with HS256, valid for 15 minutes, naming the account by id.

The token carries no role: the account is read (and kept a few seconds, see
``records/accounts/kept.py``), so a role change or a disabled account takes effect then, not
when the token runs out. A token whose signature held is remembered (up to ``MOST_VERIFIED``),
so checking it again costs a dictionary lookup and the time checks, not HMAC and JSON decoding;
a forged or mangled token is never remembered.
"""

from __future__ import annotations

import datetime as dt
import secrets

import jwt

from innoreg.service.auth.policy import AuthError

LIFETIME = dt.timedelta(minutes=15)
ALGORITHM = "HS256"
ISSUER = "innoreg"
MOST_VERIFIED = 10_000
_verified: dict[tuple[str, str], tuple[int, int, str]] = {}
"""(token, key) → (exp, iat, sub) of tokens whose signature and claims were checked."""


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
    checked = _verified.get((token, key))
    if checked is None:
        checked = _decode(token, key)
        if len(_verified) >= MOST_VERIFIED:
            _verified.clear()
        _verified[(token, key)] = checked
    expires, issued, subject = checked
    # Times against the app's clock (which tests can move), not the wall clock.
    moment = int(now.timestamp())
    if expires <= moment:
        raise AuthError(401, "the bearer token has expired: sign in again")
    if issued > moment + 60:
        raise AuthError(401, "the bearer token was issued in the future: sign in again")
    if not subject.isdigit():
        raise AuthError(401, "the bearer token is not valid: sign in again")
    return int(subject)


def _decode(token: str, key: str) -> tuple[int, int, str]:
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
    try:
        return int(claims["exp"]), int(claims["iat"]), str(claims["sub"])
    except (TypeError, ValueError):
        raise AuthError(401, "the bearer token is not valid: sign in again") from None
