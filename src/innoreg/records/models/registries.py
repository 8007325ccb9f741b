"""The registries the regulations name: R&D platforms and institutions (Liaoning arts. 9, 15;
Luoyang art. 11), parks, incubators and pioneer parks (Liaoning art. 15), intermediary
service agencies by type (Luoyang art. 15), innovative and demonstration enterprises with
validity dates (Luoyang art. 8). One table, one row per entry, its register named."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from innoreg.records.models.base import Base, Versioned, choice

REGISTRIES: dict[str, tuple[str, ...]] = {
    "rd_platform": ("cn-ln#art_9", "cn-ln#art_15", "cn-ha-luoyang#art_11"),
    "rd_institution": ("cn-ln#art_9", "cn-ha-luoyang#art_11"),
    "park": ("cn-ln#art_15",),
    "incubator": ("cn-ln#art_15",),
    "pioneer_park": ("cn-ln#art_15",),
    "intermediary_agency": ("cn-ha-luoyang#art_15",),
    "innovative_enterprise": ("cn-ha-luoyang#art_8",),
    "demonstration_enterprise": ("cn-ha-luoyang#art_8",),
}
"""Each registry and the articles that call for it."""

AGENCY_TYPES = (
    "technology_transfer",
    "technology_evaluation",
    "technology_brokerage",
    "ip_service",
    "testing_and_certification",
    "consulting",
    "financing",
)
LEVELS = ("national", "provincial", "municipal")


class RegistryEntry(Versioned, Base):
    __tablename__ = "registry_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    register: Mapped[str] = mapped_column(choice("register", tuple(REGISTRIES)), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(choice("registry_level", LEVELS))
    category: Mapped[str | None] = mapped_column(String(40))
    """For intermediary agencies, the service type (Luoyang art. 15)."""
    valid_from: Mapped[dt.date]
    valid_until: Mapped[dt.date | None]

    __table_args__ = (
        CheckConstraint(
            "valid_until IS NULL OR valid_until >= valid_from", name="validity_in_order"
        ),
    )

    def valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)
