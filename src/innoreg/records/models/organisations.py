"""Organisations: enterprises, universities, institutes, agencies, incubator operators and
platform hosts, identified by their unified social credit code, with dated certificates."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from innoreg.records.models.base import Base, Versioned, choice

ORGANISATION_KINDS = (
    "enterprise",
    "university",
    "research_institute",
    "intermediary_agency",
    "incubator_operator",
    "platform_host",
)
ORGANISATION_STATUSES = ("active", "suspended", "deregistered")
CERTIFICATE_KINDS = ("high_tech", "technology_based_sme", "integrated_circuit_or_machine_tool")


class Organisation(Versioned, Base):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(choice("organisation_kind", ORGANISATION_KINDS))
    name: Mapped[str] = mapped_column(String(200))
    credit_code: Mapped[str] = mapped_column(String(18), unique=True)
    jurisdiction: Mapped[str] = mapped_column(String(40), default="cn-ha-luoyang")
    district: Mapped[str | None] = mapped_column(String(40), index=True)
    industry: Mapped[str | None] = mapped_column(String(5))
    """GB/T 4754 section letter, optionally with the division digits (``C34``)."""
    state_owned: Mapped[bool] = mapped_column(default=False)
    state_established: Mapped[bool] = mapped_column(default=False)
    """A unit established by the state (universities, institutes): the transfer floors reach it."""
    status: Mapped[str] = mapped_column(
        choice("organisation_status", ORGANISATION_STATUSES), default="active"
    )
    status_since: Mapped[dt.date | None]
    certificates: Mapped[list[Certificate]] = relationship(
        back_populates="organisation", cascade="all, delete-orphan", order_by="Certificate.id"
    )

    __table_args__ = (CheckConstraint("length(credit_code) = 18", name="credit_code_length"),)


class Certificate(Base):
    """A dated recognition the rules read on the case's date (a high-tech enterprise
    certificate is valid for three years)."""

    __tablename__ = "certificates"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(choice("certificate_kind", CERTIFICATE_KINDS))
    number: Mapped[str | None] = mapped_column(String(40))
    valid_from: Mapped[dt.date]
    valid_until: Mapped[dt.date | None]
    organisation: Mapped[Organisation] = relationship(back_populates="certificates")

    __table_args__ = (
        CheckConstraint(
            "valid_until IS NULL OR valid_until >= valid_from", name="validity_in_order"
        ),
    )

    def valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)
