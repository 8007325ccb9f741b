"""``AccountsAuthenticator``: a request's credentials → its ``Principal``.

In order: ``Authorization: Bearer <token>`` (a personal API token, ``irt_…``, or a signed
access token from ``POST /v1/auth/token``), then the web session cookie. Bearer credentials
that do not hold answer 401; a session cookie that no longer opens a session (signed out,
expired, revoked) is simply anonymous, so public pages keep working and private ones send the
browser to sign in. Every way in reads the account, so a disabled account or a changed role
takes effect on the next request; bearer and API-token callers' accounts are kept for a few
seconds between reads (``records/accounts/kept.py``: a change made through this process still
applies at once, one made elsewhere within ``INNOREG_ACCOUNT_CHECK_SECONDS``).

``authenticate_at_once`` answers without the database when it can (no credentials, or a kept
account), so those requests skip the thread hop that a database read needs.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError
from starlette.requests import Request

from innoreg.records.accounts import sessions
from innoreg.records.accounts.kept import KeptAccounts
from innoreg.records.accounts.users import Account
from innoreg.records.db import Database
from innoreg.records.principal import ANONYMOUS, Principal
from innoreg.records.types import utcnow
from innoreg.service.auth import tokens
from innoreg.service.auth.keys import signing_key
from innoreg.service.auth.policy import AuthError

SESSION_COOKIE = "innoreg_session"
Clock = Callable[[], dt.datetime]
_log = logging.getLogger("innoreg.service")


def clock_of(request: Request) -> dt.datetime:
    """Now, by the app's clock (tests move it to cross the timeouts)."""
    clock: Clock = getattr(request.app.state, "clock", utcnow)
    return clock()


def database_of(request: Request) -> Database:
    database: Database = request.app.state.database.get()
    return database


def _bearer_credential(request: Request) -> str | None:
    """The credential of an ``Authorization`` header (None without one); any other scheme is
    refused here rather than taken for anonymous."""
    header = request.headers.get("authorization")
    if header is None:
        return None
    scheme, _, credential = header.strip().partition(" ")
    credential = credential.strip()
    if scheme.lower() != "bearer" or not credential:
        raise AuthError(401, "send the token as `Authorization: Bearer <token>`")
    return credential


def _bearer_principal(request: Request, account: Account) -> Principal:
    request.state.user_id = account.id
    return account.principal("bearer")


def _api_principal(request: Request, account: Account, scopes: frozenset[str]) -> Principal:
    request.state.user_id = account.id
    return account.principal("api_token", token_scopes=scopes)


def _id(account: Account) -> int:
    return account.id


def _first_id(found: tuple[Account, frozenset[str]]) -> int:
    return found[0].id


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


class AccountsAuthenticator:
    """One per app (and so per records database): the kept accounts are keyed by credential."""

    def __init__(self, check_seconds: float = 5.0) -> None:
        self._bearers: KeptAccounts[Account] = KeptAccounts(_id, check_seconds)
        self._api_tokens: KeptAccounts[tuple[Account, frozenset[str]]] = KeptAccounts(
            _first_id, check_seconds
        )

    def authenticate_at_once(self, request: Request) -> Principal | None:
        """The caller when no database read is needed; None when ``authenticate`` must run."""
        credential = _bearer_credential(request)
        if credential is None:
            return None if request.cookies.get(SESSION_COOKIE) else ANONYMOUS
        if credential.startswith(sessions.API_TOKEN_PREFIX):
            found = self._api_tokens.get(sessions.token_hash(credential))
            return None if found is None else _api_principal(request, *found)
        user_id = self._verify(request, credential)
        account = self._bearers.get(user_id)
        return None if account is None else _bearer_principal(request, account)

    def authenticate(self, request: Request) -> Principal:
        credential = _bearer_credential(request)
        if credential is not None:
            if credential.startswith(sessions.API_TOKEN_PREFIX):
                return self._api_token(request, credential)
            return self._bearer(request, credential)
        cookie = request.cookies.get(SESSION_COOKIE)
        if cookie:
            return self._session(request, cookie)
        return ANONYMOUS

    @staticmethod
    def _verify(request: Request, token: str) -> int:
        settings = request.app.state.settings
        return tokens.verify(token, signing_key(settings), now=clock_of(request))

    def _bearer(self, request: Request, token: str) -> Principal:
        user_id = self._verify(request, token)
        database = database_of(request)
        account = self._bearers.read(user_id, lambda: sessions.find_account(database, user_id))
        if account is None:
            raise AuthError(401, "the bearer token's account cannot sign in: sign in again")
        return _bearer_principal(request, account)

    def _api_token(self, request: Request, token: str) -> Principal:
        database = database_of(request)
        now = clock_of(request)
        found = self._api_tokens.read(
            sessions.token_hash(token), lambda: sessions.find_api_token(database, token, now=now)
        )
        if found is None:
            raise AuthError(401, "the API token is unknown, revoked or expired")
        return _api_principal(request, *found)

    def _session(self, request: Request, cookie: str) -> Principal:
        try:
            live = sessions.find_session(database_of(request), cookie, now=clock_of(request))
        except SQLAlchemyError as error:  # no records database: public pages still answer
            _log.error("session not checked: %s", type(error).__name__)
            return ANONYMOUS
        if live is None:
            request.state.stale_session = True
            return ANONYMOUS
        request.state.web_session = live
        request.state.user_id = live.account.id
        return live.account.principal("session")
