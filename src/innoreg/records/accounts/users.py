"""Accounts as the bureau manages them: create, list, disable, reset a password, change a role.

Each change is one audited write (the actor is whoever made it: ``cli:<os user>`` or
``user:<id>``); the password hash never enters the audit log. Disabling an account or resetting
its password ends its web sessions and revokes its API tokens, so the change takes effect at
once. A bad value is an ``InputError`` naming the field.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from innoreg.errors import InputError
from innoreg.records.accounts.kept import forget_after_commit
from innoreg.records.accounts.passwords import DEFAULT, Passwords, check_policy
from innoreg.records.db import Database
from innoreg.records.models.accounts import AccountEvent, ApiToken, User, WebSession
from innoreg.records.models.organisations import Organisation
from innoreg.records.principal import BUREAU_ROLES, Principal, Role
from innoreg.records.types import utcnow

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


@dataclass(frozen=True)
class Account:
    """An account as shown to an administrator (never its password hash)."""

    id: int
    email: str
    role: Role
    organisation_id: int | None
    disabled: bool
    locked_until: dt.datetime | None
    created_at: dt.datetime

    @classmethod
    def of(cls, user: User) -> Account:
        return cls(
            id=user.id,
            email=user.email,
            role=Role(user.role),
            organisation_id=user.organisation_id,
            disabled=user.disabled,
            locked_until=user.locked_until,
            created_at=user.created_at,
        )

    def principal(self, via: str, token_scopes: frozenset[str] | None = None) -> Principal:
        return Principal(
            user_id=self.id,
            role=self.role,
            organisation_id=self.organisation_id,
            email=self.email,
            via=via,
            token_scopes=token_scopes,
        )


def normalise_email(email: str) -> str:
    """An e-mail address as accounts store it: trimmed and lowercased (one account per
    address, however it is typed)."""
    text = email.strip().lower()
    if not _EMAIL.match(text) or len(text) > 254:
        raise InputError(
            f"{email!r} is not an e-mail address", field="email", zh="不是有效的电子邮箱地址"
        )
    return text


def parse_role(text: str) -> Role:
    try:
        return Role(text.strip())
    except ValueError:
        known = ", ".join(r.value for r in Role)
        raise InputError(
            f"{text!r} is not a role (one of {known})", field="role", zh=f"角色须为：{known}"
        ) from None


def resolve_organisation(session: Session, text: str | int | None, role: Role) -> int | None:
    """The organisation a tenant role belongs to, by id or unified social credit code; bureau
    roles belong to none."""
    if role in BUREAU_ROLES:
        if text not in (None, ""):
            raise InputError(
                f"the role {role.value} belongs to no organisation; leave it out",
                field="organisation",
                zh="局内角色不属于任何单位",
            )
        return None
    if text in (None, ""):
        raise InputError(
            f"the role {role.value} belongs to one organisation: give its id or credit code",
            field="organisation",
            zh="企业和机构用户须指定所属单位（编号或统一社会信用代码）",
        )
    raw = str(text).strip()
    found: int | None
    if raw.isdigit() and len(raw) < 18:
        found = session.scalar(select(Organisation.id).where(Organisation.id == int(raw)))
    else:
        found = session.scalar(select(Organisation.id).where(Organisation.credit_code == raw))
    if found is None:
        raise InputError(
            f"no organisation has the id or credit code {raw!r}",
            field="organisation",
            zh="没有此编号或信用代码的单位",
        )
    return found


def record_event(
    session: Session,
    kind: str,
    *,
    user_id: int | None = None,
    ip: str | None = None,
    email: str | None = None,
    at: dt.datetime | None = None,
    **detail: Any,
) -> None:
    """One account event, in the caller's (audited) transaction."""
    session.add(
        AccountEvent(
            at=at or utcnow(),
            kind=kind,
            user_id=user_id,
            ip=(ip or None) and ip[:64],
            email=(email or None) and email[:254],
            detail=detail,
        )
    )


def create_user(
    database: Database,
    *,
    email: str,
    role: str | Role,
    password: str,
    organisation: str | int | None = None,
    actor: str,
    passwords: Passwords = DEFAULT,
) -> Account:
    address = normalise_email(email)
    chosen = role if isinstance(role, Role) else parse_role(role)
    check_policy(password, email=address)
    with database.read() as session:
        organisation_id = resolve_organisation(session, organisation, chosen)
        if session.scalar(select(User.id).where(User.email == address)) is not None:
            raise InputError("already has an account", field="email", zh="该邮箱已有账户")
    hashed = passwords.hash(password)  # outside the write lock: hashing takes a while
    with database.write(actor=actor) as session:
        user = User(
            email=address,
            role=chosen.value,
            organisation_id=organisation_id,
            password_hash=hashed,
            disabled=False,
            failed_logins=0,
        )
        session.add(user)
        session.flush()
        return Account.of(user)


def list_users(database: Database) -> list[Account]:
    with database.read() as session:
        return [Account.of(u) for u in session.scalars(select(User).order_by(User.id))]


def find_user(session: Session, email: str) -> User:
    address = normalise_email(email)
    user = session.scalar(select(User).where(User.email == address))
    if user is None:
        raise InputError(f"no account has the e-mail {address}", field="email", zh="没有此账户")
    return user


def disable_user(database: Database, *, email: str, actor: str) -> Account:
    """No more sign-ins; the account's sessions end and its API tokens are revoked now."""
    with database.write(actor=actor) as session:
        user = find_user(session, email)
        user.disabled = True
        session.flush()
        end_access(session, user.id, reason="account disabled")
        return Account.of(user)


def enable_user(database: Database, *, email: str, actor: str) -> Account:
    with database.write(actor=actor) as session:
        user = find_user(session, email)
        user.disabled = False
        session.flush()
        return Account.of(user)


def reset_password(
    database: Database,
    *,
    email: str,
    password: str,
    actor: str,
    passwords: Passwords = DEFAULT,
) -> Account:
    """A new password (checked against the policy); the lockout is lifted and every session
    and API token of the account ends (whoever knew the old password is out)."""
    address = normalise_email(email)
    check_policy(password, email=address)
    hashed = passwords.hash(password)
    with database.write(actor=actor) as session:
        user = find_user(session, address)
        user.password_hash = hashed
        user.failed_logins = 0
        user.locked_until = None
        session.flush()
        end_access(session, user.id, reason="password reset")
        return Account.of(user)


def set_role(
    database: Database,
    *,
    email: str,
    role: str | Role,
    organisation: str | int | None = None,
    actor: str,
) -> Account:
    """Another role (and the organisation it needs, or none); sessions end so the new role
    applies from the next sign-in, and API tokens are revoked."""
    chosen = role if isinstance(role, Role) else parse_role(role)
    with database.write(actor=actor) as session:
        user = find_user(session, email)
        user.organisation_id = resolve_organisation(session, organisation, chosen)
        user.role = chosen.value
        session.flush()
        end_access(session, user.id, reason="role changed")
        return Account.of(user)


def end_access(session: Session, user_id: int, *, reason: str) -> None:
    """End every live session and revoke every API token of one account, recording it."""
    forget_after_commit(session, user_id)
    now = utcnow()
    ended = session.execute(
        update(WebSession)
        .where(WebSession.user_id == user_id, WebSession.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    revoked = session.execute(
        update(ApiToken)
        .where(ApiToken.user_id == user_id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    sessions = int(getattr(ended, "rowcount", 0) or 0)
    tokens = int(getattr(revoked, "rowcount", 0) or 0)
    if sessions or tokens:
        record_event(
            session,
            "session_revoked",
            user_id=user_id,
            at=now,
            reason=reason,
            sessions=sessions,
            api_tokens=tokens,
        )
