"""Calendar feeds: a user's secret address for the iCalendar feed of their organisation's
deadlines. Calendar programs cannot sign in, so the address itself is the credential: a
random token shown once in the address, stored only as its SHA-256, revocable."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from innoreg.records.models.base import Base
from innoreg.records.types import UTCDateTime

SECRET: dict[str, Any] = {"audit": "exclude"}


class CalendarFeed(Base):
    __tablename__ = "calendar_feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, info=SECRET)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
