"""Signing in over HTTP, shared by ``POST /v1/auth/token`` and the ``/login`` form: the rate
limit per client address first (429), then the account's password and lockout (401)."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from innoreg.records.accounts.authentication import SignInRefusedError, authenticate
from innoreg.records.accounts.users import Account
from innoreg.service.auth.accounts import client_address, clock_of, database_of
from innoreg.service.auth.policy import AuthError
from innoreg.service.auth.ratelimit import SignInLimit


class TooManyAttemptsError(AuthError):
    def __init__(self, wait: float) -> None:
        seconds = int(wait)
        super().__init__(
            429,
            f"too many sign-in attempts from this address: try again in {seconds} seconds",
            headers={"Retry-After": str(seconds)},
        )
        self.wait = seconds


class SignInFailedError(AuthError):
    """401, saying until when the account is locked if it is."""

    def __init__(self, refused: SignInRefusedError) -> None:
        super().__init__(401, str(refused))
        self.locked_until = refused.locked_until


async def sign_in(
    request: Request, email: str, password: str, *, via: str, token_id: str | None = None
) -> Account:
    limit: SignInLimit = request.app.state.sign_in_limit
    address = client_address(request)
    wait = await run_in_threadpool(limit.hit, address)
    if wait is not None:
        raise TooManyAttemptsError(wait)
    try:
        return await run_in_threadpool(
            lambda: authenticate(
                database_of(request),
                email,
                password,
                ip=address,
                now=clock_of(request),
                via=via,
                token_id=token_id,
            )
        )
    except SignInRefusedError as refused:
        raise SignInFailedError(refused) from None
