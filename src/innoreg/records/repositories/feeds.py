"""Calendar feeds: a user's secret feed address. The token is random, shown once, and kept
only as its SHA-256; making a new one revokes the old, so a leaked address can be cut off."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from innoreg.records.models.accounts import User
from innoreg.records.models.feeds import CalendarFeed
from innoreg.records.types import utcnow


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_feed(session: Session, *, user_id: int) -> str:
    """A fresh feed token for ``user_id`` (earlier ones revoked); the token itself is returned
    once and never stored."""
    revoke_feeds(session, user_id=user_id)
    token = secrets.token_urlsafe(32)
    session.add(CalendarFeed(user_id=user_id, token_hash=_digest(token), created_at=utcnow()))
    session.flush()
    return token


def revoke_feeds(session: Session, *, user_id: int) -> int:
    """End every live feed of ``user_id`` (row by row, so the audit log sees each)."""
    live = session.scalars(
        select(CalendarFeed).where(
            CalendarFeed.user_id == user_id, CalendarFeed.revoked_at.is_(None)
        )
    ).all()
    for feed in live:
        feed.revoked_at = utcnow()
    session.flush()
    return len(live)


def has_feed(session: Session, *, user_id: int) -> bool:
    found = session.scalar(
        select(CalendarFeed.id).where(
            CalendarFeed.user_id == user_id, CalendarFeed.revoked_at.is_(None)
        )
    )
    return found is not None


def feed_owner(session: Session, token: str) -> User | None:
    """The active user whose live feed ``token`` is, or None (unknown, revoked, disabled)."""
    if not 20 <= len(token) <= 100:
        return None
    user: User | None = session.scalar(
        select(User)
        .join(CalendarFeed, CalendarFeed.user_id == User.id)
        .where(
            CalendarFeed.token_hash == _digest(token),
            CalendarFeed.revoked_at.is_(None),
            User.disabled.is_(False),
        )
    )
    return user
