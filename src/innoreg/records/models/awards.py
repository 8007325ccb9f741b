"""Science-and-technology awards received by organisations."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from innoreg.records.models.base import Base, Versioned, choice

AWARD_LEVELS = ("national", "provincial", "municipal")


class Award(Versioned, Base):
    __tablename__ = "awards"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(choice("award_level", AWARD_LEVELS))
    grade: Mapped[str] = mapped_column(String(40), default="")
    year: Mapped[int]
    achievement: Mapped[str] = mapped_column(String(300), default="")
