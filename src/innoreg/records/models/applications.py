"""Applications for municipal support and their review lifecycle; every transition is kept
with its actor, time and reason."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from innoreg.records.models.base import Base, Versioned, choice
from innoreg.records.types import UTCDateTime

APPLICATION_STATES = ("draft", "submitted", "returned", "under_review", "approved", "rejected")


class Application(Versioned, Base):
    __tablename__ = "applications"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    filing_id: Mapped[int] = mapped_column(ForeignKey("filings.id"))
    programme: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(
        choice("application_state", APPLICATION_STATES), default="draft", index=True
    )
    determination_id: Mapped[int | None] = mapped_column(ForeignKey("determinations.id"))
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    """The reviewer it is assigned to (their scope reaches it); None until the bureau assigns."""
    transitions: Mapped[list[ApplicationTransition]] = relationship(
        back_populates="application",
        cascade="all, delete-orphan",
        order_by="ApplicationTransition.id",
    )
    assignments: Mapped[list[ApplicationAssignment]] = relationship(
        back_populates="application",
        cascade="all, delete-orphan",
        order_by="ApplicationAssignment.id",
    )


class ApplicationTransition(Base):
    __tablename__ = "application_transitions"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    from_state: Mapped[str] = mapped_column(String(20))
    to_state: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    reason: Mapped[str] = mapped_column(String(1000), default="")
    application: Mapped[Application] = relationship(back_populates="transitions")


class ApplicationAssignment(Base):
    """Who assigned an application to which reviewer, and when (None: taken off anyone)."""

    __tablename__ = "application_assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor: Mapped[str] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    application: Mapped[Application] = relationship(back_populates="assignments")
