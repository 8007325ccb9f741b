"""Standards whose drafting an organisation led (Luoyang art. 10; Liaoning art. 12)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from innoreg.records.models.base import Base, Versioned, choice

STANDARD_LEVELS = ("international", "national", "industry", "local", "group")


class StandardLed(Versioned, Base):
    __tablename__ = "standards_led"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    level: Mapped[str] = mapped_column(choice("standard_level", STANDARD_LEVELS))
    code: Mapped[str] = mapped_column(String(60), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    published_on: Mapped[dt.date]
