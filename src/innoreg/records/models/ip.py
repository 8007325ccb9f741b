"""IP assets formed by projects, their annual implementation and protection reports, and the
events of their use (Luoyang art. 14)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from innoreg.records.models.base import Base, Versioned, choice

IP_KINDS = ("patent", "software_copyright", "ic_layout_design", "plant_variety")
REPORT_KINDS = ("implementation", "protection")
EVENT_KINDS = ("implemented", "licensed", "transferred", "pledged", "lapsed")


class IPAsset(Versioned, Base):
    __tablename__ = "ip_assets"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id"), index=True)
    kind: Mapped[str] = mapped_column(choice("ip_kind", IP_KINDS))
    registration_no: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    fiscally_funded: Mapped[bool] = mapped_column(default=False)
    rights_obtained_on: Mapped[dt.date | None]
    implemented_on: Mapped[dt.date | None]
    implementation_conditions_met: Mapped[bool] = mapped_column(default=False)
    justifiable_reason: Mapped[bool] = mapped_column(default=False)
    implementation_deadline: Mapped[dt.date | None]
    """The engine's deadline from the asset's latest determination (kept for the overdue
    query; re-decided whenever a fact it reads changes)."""
    determination_id: Mapped[int | None] = mapped_column(ForeignKey("determinations.id"))
    reports: Mapped[list[IPReport]] = relationship(
        back_populates="asset", cascade="all, delete-orphan", order_by="IPReport.year"
    )
    events: Mapped[list[IPEvent]] = relationship(
        back_populates="asset", cascade="all, delete-orphan", order_by="IPEvent.occurred_on"
    )

    __table_args__ = (
        Index(
            "ix_ip_assets_overdue",
            "implementation_deadline",
            "fiscally_funded",
            "implementation_conditions_met",
        ),
    )


class IPReport(Base):
    """An annual report on an asset's implementation or protection (Luoyang art. 14)."""

    __tablename__ = "ip_reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    asset_id: Mapped[int] = mapped_column(ForeignKey("ip_assets.id", ondelete="CASCADE"))
    year: Mapped[int]
    kind: Mapped[str] = mapped_column(choice("ip_report_kind", REPORT_KINDS))
    submitted_on: Mapped[dt.date]
    summary: Mapped[str] = mapped_column(String(2000), default="")
    asset: Mapped[IPAsset] = relationship(back_populates="reports")

    __table_args__ = (UniqueConstraint("asset_id", "year", "kind"),)


class IPEvent(Base):
    __tablename__ = "ip_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    asset_id: Mapped[int] = mapped_column(
        ForeignKey("ip_assets.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(choice("ip_event_kind", EVENT_KINDS))
    occurred_on: Mapped[dt.date]
    note: Mapped[str] = mapped_column(String(500), default="")
    asset: Mapped[IPAsset] = relationship(back_populates="events")

    __table_args__ = (CheckConstraint("occurred_on >= '1985-01-01'", name="occurred_plausible"),)
