"""Notices the bureau issues, e.g. that the government may now implement or license an unused
IP asset (Luoyang art. 14)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from innoreg.records.models.base import Base, choice

NOTICE_KINDS = ("unused_ip_may_be_implemented",)


class Notice(Base):
    __tablename__ = "notices"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(choice("notice_kind", NOTICE_KINDS))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    ip_asset_id: Mapped[int | None] = mapped_column(ForeignKey("ip_assets.id"))
    determination_id: Mapped[int | None] = mapped_column(ForeignKey("determinations.id"))
    issued_on: Mapped[dt.date]
    body: Mapped[str] = mapped_column(String(2000))

    __table_args__ = (UniqueConstraint("kind", "ip_asset_id"),)
