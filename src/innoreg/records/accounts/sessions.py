"""Web sessions and personal API tokens: random secrets handed to the client once, stored only
as their SHA-256, looked up by it, ended or revoked by a write that is recorded as an account
event.

A web session ends after **30 minutes** without a request (idle) and **12 hours** after sign-in
(absolute), whichever comes first, or when it is revoked (sign-out, disable, password reset,
role change). ``last_seen_at`` is written at most once a minute, so an active session costs a
write per minute, not per request.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import select, update

from innoreg.errors import InputError
from innoreg.records.accounts.kept import forget_after_commit
from innoreg.records.accounts.users import Account, record_event
from innoreg.records.db import Database
from innoreg.records.errors import NotFoundError
from innoreg.records.models.accounts import ApiToken, User, WebSession

IDLE = dt.timedelta(minutes=30)
ABSOLUTE = dt.timedelta(hours=12)
TOUCH_EVERY = dt.timedelta(minutes=1)
API_TOKEN_PREFIX = "irt_"
SCOPES = ("read", "write")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class LiveSession:
    id: int
    account: Account
    csrf_token: str
    expires_at: dt.datetime


def start_session(
    database: Database,
    account: Account,
    *,
    now: dt.datetime,
    user_agent: str = "",
    ip: str = "",
) -> tuple[str, LiveSession]:
    """A new session for a signed-in account: the token for the cookie, and the session."""
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    with database.write(actor=f"user:{account.id}") as session:
        row = WebSession(
            token_hash=token_hash(token),
            user_id=account.id,
            csrf_token=csrf,
            created_at=now,
            last_seen_at=now,
            expires_at=now + ABSOLUTE,
            user_agent=user_agent[:300],
            ip=ip[:64],
        )
        session.add(row)
        session.flush()
        return token, LiveSession(row.id, account, csrf, row.expires_at)


def find_session(database: Database, token: str, *, now: dt.datetime) -> LiveSession | None:
    """The live session the cookie's token opens, or None (unknown, revoked, idle for too long,
    past its absolute end, or its account disabled)."""
    found = _held(database, WebSession, token)
    if found is None:
        return None
    row, user = found
    if (
        row.revoked_at is not None
        or user.disabled
        or now >= row.expires_at
        or now >= row.last_seen_at + IDLE
    ):
        return None
    if now - row.last_seen_at >= TOUCH_EVERY:
        _touch(database, WebSession, row.id, user.id, last_seen_at=now)
    return LiveSession(row.id, Account.of(user), row.csrf_token, row.expires_at)


def end_session(database: Database, session_id: int, *, now: dt.datetime, ip: str = "") -> None:
    """Sign out: the session is revoked in the database, so its cookie opens nothing again."""
    with database.write(actor="anonymous") as session:
        row = session.get(WebSession, session_id)
        if row is None or row.revoked_at is not None:
            return
        session.info["actor"] = f"user:{row.user_id}"
        row.revoked_at = now
        record_event(session, "logout", user_id=row.user_id, ip=ip or None, at=now)


@dataclass(frozen=True)
class TokenInfo:
    """A personal API token as its owner sees it (never the token itself, except once)."""

    id: int
    name: str
    scopes: tuple[str, ...]
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    expires_at: dt.datetime | None
    revoked_at: dt.datetime | None

    @classmethod
    def of(cls, row: ApiToken) -> TokenInfo:
        return cls(
            row.id,
            row.name,
            tuple(row.scopes),
            row.created_at,
            row.last_used_at,
            row.expires_at,
            row.revoked_at,
        )


def issue_api_token(
    database: Database,
    account: Account,
    *,
    name: str,
    scopes: tuple[str, ...] | list[str],
    now: dt.datetime,
    lifetime: dt.timedelta | None = None,
) -> tuple[str, TokenInfo]:
    """A new personal API token: the secret (shown once) and what is kept of it."""
    label = name.strip()
    if not label or len(label) > 100:
        raise InputError("give the token a name of 1 to 100 characters", field="name")
    chosen = sorted(set(scopes))
    if not chosen or any(s not in SCOPES for s in chosen):
        raise InputError(f"scopes must be among {', '.join(SCOPES)}", field="scopes")
    token = API_TOKEN_PREFIX + secrets.token_urlsafe(32)
    with database.write(actor=f"user:{account.id}") as session:
        row = ApiToken(
            token_hash=token_hash(token),
            user_id=account.id,
            name=label,
            scopes=chosen,
            created_at=now,
            expires_at=now + lifetime if lifetime else None,
        )
        session.add(row)
        session.flush()
        record_event(
            session, "api_token_issued", user_id=account.id, at=now, token_id=row.id, scopes=chosen
        )
        return token, TokenInfo.of(row)


def api_tokens(database: Database, account: Account) -> list[TokenInfo]:
    with database.read() as session:
        rows = session.scalars(
            select(ApiToken).where(ApiToken.user_id == account.id).order_by(ApiToken.id)
        )
        return [TokenInfo.of(r) for r in rows]


def revoke_api_token(
    database: Database, account: Account, token_id: int, *, now: dt.datetime
) -> None:
    """Revoke one of the account's own tokens; another's is as absent as none (404)."""
    with database.write(actor=f"user:{account.id}") as session:
        row = session.get(ApiToken, token_id)
        if row is None or row.user_id != account.id:
            raise NotFoundError("API token", token_id)
        if row.revoked_at is None:
            row.revoked_at = now
            forget_after_commit(session, account.id)
            record_event(
                session, "api_token_revoked", user_id=account.id, at=now, token_id=token_id
            )


def find_api_token(
    database: Database, token: str, *, now: dt.datetime
) -> tuple[Account, frozenset[str]] | None:
    """The account and scopes a personal API token opens, or None."""
    found = _held(database, ApiToken, token)
    if found is None:
        return None
    row, user = found
    if (
        row.revoked_at is not None
        or user.disabled
        or (row.expires_at is not None and now >= row.expires_at)
    ):
        return None
    if row.last_used_at is None or now - row.last_used_at >= TOUCH_EVERY:
        _touch(database, ApiToken, row.id, user.id, last_used_at=now)
    return Account.of(user), frozenset(row.scopes)


Held = TypeVar("Held", WebSession, ApiToken)


def _held(database: Database, model: type[Held], token: str) -> tuple[Held, User] | None:
    """The session or API token row ``token`` opens, with its account (None: unknown)."""
    with database.read() as session:
        found = session.execute(
            select(model, User)
            .join(User, User.id == model.user_id)
            .where(model.token_hash == token_hash(token))
        ).one_or_none()
    return None if found is None else (found[0], found[1])


def _touch(
    database: Database, model: type[Held], row_id: int, user_id: int, **seen: dt.datetime
) -> None:
    """Record when a session or API token was last used (at most once a minute)."""
    with database.write(actor=f"user:{user_id}") as session:
        session.execute(update(model).where(model.id == row_id).values(**seen))


def find_account(database: Database, user_id: int) -> Account | None:
    """The account a signed bearer token names, if it may still sign in."""
    with database.read() as session:
        user = session.get(User, user_id)
        if user is None or user.disabled:
            return None
        return Account.of(user)
