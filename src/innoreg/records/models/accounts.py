"""Accounts: who may sign in, their web sessions, their personal API tokens, and the account
events (sign-ins, failures, lockouts, tokens issued and revoked) that enter the audit chain.

Secrets never enter the audit log: password and token hashes and CSRF tokens are excluded
column by column (``info={"audit": "exclude"}``). Sessions and API tokens change on every use
(``last_seen_at``), so their tables are not audited row by row; what matters about them —
issued, ended, revoked — is an ``AccountEvent``, which is audited.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from innoreg.records.models.base import Base, Versioned, choice
from innoreg.records.types import UTCDateTime, utcnow

ROLES = ("enterprise_user", "institution_user", "reviewer", "bureau_admin")
TENANT_ROLE_VALUES = ("enterprise_user", "institution_user")
SECRET: dict[str, Any] = {"audit": "exclude"}
PERSONAL: dict[str, Any] = {"personal": True}
EVENT_KINDS = (
    "login",
    "login_failed",
    "lockout",
    "logout",
    "session_revoked",
    "token_issued",
    "api_token_issued",
    "api_token_revoked",
)


class User(Versioned, Base):
    """One person's account. Tenant roles belong to exactly one organisation; bureau roles
    (reviewer, bureau_admin) to none — the database refuses anything else."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True, info=PERSONAL)
    role: Mapped[str] = mapped_column(choice("user_role", ROLES))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"), index=True)
    password_hash: Mapped[str] = mapped_column(String(255), info=SECRET)
    disabled: Mapped[bool] = mapped_column(default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    __table_args__ = (
        CheckConstraint("email = lower(email)", name="email_lowercase"),
        CheckConstraint(
            "(role IN ('enterprise_user', 'institution_user') AND organisation_id IS NOT NULL)"
            " OR (role IN ('reviewer', 'bureau_admin') AND organisation_id IS NULL)",
            name="organisation_by_role",
        ),
        CheckConstraint("failed_logins >= 0", name="failed_logins_not_negative"),
    )


class WebSession(Base):
    """A signed-in browser: the cookie holds a random token, this row only its SHA-256."""

    __tablename__ = "sessions"
    __audited__: ClassVar[bool] = False

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, info=SECRET)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64), info=SECRET)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    last_seen_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    """The absolute end (12 hours after sign-in), however active the session."""
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    user_agent: Mapped[str] = mapped_column(String(300), default="")
    ip: Mapped[str] = mapped_column(String(64), default="", info=PERSONAL)


class ApiToken(Base):
    """A personal API token for an integration: shown once, stored as its SHA-256, scoped
    (``read``, ``write``), revocable, optionally expiring."""

    __tablename__ = "api_tokens"
    __audited__: ClassVar[bool] = False

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, info=SECRET)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    scopes: Mapped[list[str]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    last_used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    expires_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class AccountEvent(Base):
    """Something that happened to an account: each row is audited, so it enters the hash
    chain. ``email`` is kept only for attempts on an address with no account (as a digest in
    the chain); ``detail`` holds no secret (token ids and lockout ends, never tokens)."""

    __tablename__ = "account_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)
    kind: Mapped[str] = mapped_column(choice("account_event_kind", EVENT_KINDS))
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    email: Mapped[str | None] = mapped_column(String(254), info=PERSONAL)
    ip: Mapped[str | None] = mapped_column(String(64), info=PERSONAL)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
