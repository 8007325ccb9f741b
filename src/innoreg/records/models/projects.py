"""Fiscally funded science-and-technology projects (the funding level decides whose "fiscal
funds" they are, Luoyang arts. 13-14)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from innoreg.records.models.base import Base, Versioned, choice
from innoreg.records.types import Fen

FUNDING_LEVELS = ("national", "provincial", "municipal", "county", "none")


class FundedProject(Versioned, Base):
    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    funding_level: Mapped[str] = mapped_column(choice("funding_level", FUNDING_LEVELS))
    funds: Mapped[int] = mapped_column(Fen, default=0)
    started_on: Mapped[dt.date | None]
    accepted_on: Mapped[dt.date | None]

    __table_args__ = (CheckConstraint("funds >= 0", name="funds_not_negative"),)

    @property
    def fiscally_funded(self) -> bool:
        return self.funding_level != "none"
