"""Signing in with an e-mail address and a password: verify, count failures, lock out.

Five wrong passwords in a row lock the account for 15 minutes; while it is locked even the
right password is refused (the answer says when the lock ends). Every attempt is an audited
account event: ``login``, ``login_failed`` and ``lockout``. The password is checked outside any
write transaction (argon2id takes a tenth of a second, and other writers should not wait for
it); the outcome is then written in one transaction that re-reads the account under lock.
An unknown address costs the same time as a wrong password and gets the same answer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from innoreg.records.accounts.passwords import DEFAULT, Passwords
from innoreg.records.accounts.users import Account, record_event
from innoreg.records.db import Database
from innoreg.records.errors import RecordsError
from innoreg.records.models.accounts import User
from innoreg.records.types import utcnow

LOCKOUT_AFTER = 5
LOCKOUT_FOR = dt.timedelta(minutes=15)
WRONG = "the e-mail address or the password is wrong"


class SignInRefusedError(RecordsError):
    """The e-mail and password do not open an account now. ``locked_until`` is set when the
    account is locked (the answer may say until when; it says nothing else about it)."""

    def __init__(self, message: str = WRONG, *, locked_until: dt.datetime | None = None) -> None:
        super().__init__(message)
        self.locked_until = locked_until


@dataclass(frozen=True)
class _Stored:
    id: int
    password_hash: str
    disabled: bool
    locked_until: dt.datetime | None


def authenticate(
    database: Database,
    email: str,
    password: str,
    *,
    ip: str | None = None,
    now: dt.datetime | None = None,
    passwords: Passwords = DEFAULT,
    via: str = "password",
    token_id: str | None = None,
) -> Account:
    """The account ``email`` and ``password`` open, or ``SignInRefusedError``. ``via`` says
    what the sign-in is for (``session``, ``bearer``); ``token_id`` names the bearer token
    being issued, recorded as a ``token_issued`` event in the same transaction."""
    at = now or utcnow()
    address = email.strip().lower()[:254]
    with database.read() as session:
        row = session.execute(
            select(User.id, User.password_hash, User.disabled, User.locked_until).where(
                User.email == address
            )
        ).one_or_none()
    stored = _Stored(*row) if row is not None else None
    if stored is None:
        passwords.waste_time(password)
        with database.write(actor="anonymous") as session:
            record_event(session, "login_failed", email=address, ip=ip, at=at, reason="unknown")
        raise SignInRefusedError()
    if stored.locked_until is not None and stored.locked_until > at:
        with database.write(actor="anonymous") as session:
            record_event(session, "login_failed", user_id=stored.id, ip=ip, at=at, reason="locked")
        until = stored.locked_until
        raise SignInRefusedError(_locked_message(until), locked_until=until)
    valid, new_hash = passwords.verify(password, stored.password_hash)
    outcome = _Outcome(valid and not stored.disabled, new_hash, via, token_id)
    return _record_outcome(database, stored, outcome, ip, at)


@dataclass(frozen=True)
class _Outcome:
    valid: bool
    new_hash: str | None
    via: str
    token_id: str | None


def _record_outcome(
    database: Database, stored: _Stored, outcome: _Outcome, ip: str | None, at: dt.datetime
) -> Account:
    valid, new_hash = outcome.valid, outcome.new_hash
    refusal: SignInRefusedError | None = None
    account: Account | None = None
    with database.write(actor=f"user:{stored.id}" if valid else "anonymous") as session:
        user = session.get(User, stored.id, with_for_update=True)
        if user is None:  # deleted meanwhile
            raise SignInRefusedError()
        if user.locked_until is not None and user.locked_until > at:
            # Locked by parallel attempts while this password was being checked.
            record_event(session, "login_failed", user_id=user.id, ip=ip, at=at, reason="locked")
            refusal = SignInRefusedError(
                _locked_message(user.locked_until), locked_until=user.locked_until
            )
        elif not valid:
            reason = "disabled" if stored.disabled else "password"
            refusal = _count_failure(session, user, ip, at, reason)
        else:
            if user.failed_logins or user.locked_until is not None:
                user.failed_logins = 0
                user.locked_until = None
            if new_hash is not None:
                user.password_hash = new_hash
            record_event(
                session,
                "login",
                user_id=user.id,
                ip=ip,
                at=at,
                via=outcome.via,
                rehashed=bool(new_hash),
            )
            if outcome.token_id is not None:
                record_event(
                    session,
                    "token_issued",
                    user_id=user.id,
                    ip=ip,
                    at=at,
                    token_id=outcome.token_id,
                )
            session.flush()
            account = Account.of(user)
    if refusal is not None or account is None:
        raise refusal or SignInRefusedError()
    return account


def _count_failure(
    session: Session, user: User, ip: str | None, at: dt.datetime, reason: str
) -> SignInRefusedError:
    record_event(session, "login_failed", user_id=user.id, ip=ip, at=at, reason=reason)
    failures = user.failed_logins + 1
    if failures < LOCKOUT_AFTER:
        user.failed_logins = failures
        return SignInRefusedError()
    until = at + LOCKOUT_FOR
    user.failed_logins = 0
    user.locked_until = until
    record_event(session, "lockout", user_id=user.id, ip=ip, at=at, until=until.isoformat())
    return SignInRefusedError(_locked_message(until), locked_until=until)


def _locked_message(until: dt.datetime) -> str:
    when = until.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    return (
        f"too many wrong passwords: the account is locked until {when}; "
        "try again after that, or ask the bureau to reset the password"
    )
