"""``AccountsAuthenticator``: a request's credentials → its ``Principal``.

In order: ``Authorization: Bearer <token>`` (a personal API token, ``irt_…``, or a signed
access token from ``POST /v1/auth/token``), then the web session cookie. Bearer credentials
that do not hold answer 401; a session cookie that no longer opens a session (signed out,
expired, revoked) is simply anonymous, so public pages keep working and private ones send the
browser to sign in. Every way in reads the account, so a disabled account or a changed role
takes effect on the next request.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError
from starlette.requests import Request

from innoreg.records.accounts import sessions
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


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


class AccountsAuthenticator:
    def authenticate(self, request: Request) -> Principal:
        header = request.headers.get("authorization")
        if header is not None:
            scheme, _, credential = header.strip().partition(" ")
            credential = credential.strip()
            if scheme.lower() != "bearer" or not credential:
                raise AuthError(401, "send the token as `Authorization: Bearer <token>`")
            if credential.startswith(sessions.API_TOKEN_PREFIX):
                return self._api_token(request, credential)
            return self._bearer(request, credential)
        cookie = request.cookies.get(SESSION_COOKIE)
        if cookie:
            return self._session(request, cookie)
        return ANONYMOUS

    def _bearer(self, request: Request, token: str) -> Principal:
        settings = request.app.state.settings
        user_id = tokens.verify(token, signing_key(settings), now=clock_of(request))
        account = sessions.find_account(database_of(request), user_id)
        if account is None:
            raise AuthError(401, "the bearer token's account cannot sign in: sign in again")
        request.state.user_id = account.id
        return account.principal("bearer")

    def _api_token(self, request: Request, token: str) -> Principal:
        found = sessions.find_api_token(database_of(request), token, now=clock_of(request))
        if found is None:
            raise AuthError(401, "the API token is unknown, revoked or expired")
        account, scopes = found
        request.state.user_id = account.id
        return account.principal("api_token", token_scopes=scopes)

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
