"""Transfers of job-related achievements and their reward plans (who receives what). The
recipients' names and identity numbers are personal data: marked so, kept out of exports and
stored only as digests in the audit log."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from innoreg.records.models.base import Base, Versioned, choice
from innoreg.records.models.organisations import Organisation
from innoreg.records.types import Fen

TRANSFER_MODES = ("transfer", "license", "equity_investment")
TRANSFER_STATES = ("draft", "final")
EQUITY_UNITS = ("shares", "percent")
PERSONAL = {"personal": True}
Equity = Numeric(24, 6)
"""Equity is a quantity (shares or a percentage), exact to six decimals, not money."""


class Transfer(Versioned, Base):
    __tablename__ = "transfers"

    id: Mapped[int] = mapped_column(primary_key=True)
    holder_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id"))
    achievement: Mapped[str] = mapped_column(String(300))
    counterparty: Mapped[str] = mapped_column(String(200), default="")
    mode: Mapped[str] = mapped_column(choice("transfer_mode", TRANSFER_MODES))
    concluded_on: Mapped[dt.date]
    fiscally_funded: Mapped[bool] = mapped_column(default=False)
    has_reward_rules: Mapped[bool] = mapped_column(default=False)
    net_income: Mapped[int] = mapped_column(Fen, default=0)
    equity_total: Mapped[Decimal | None] = mapped_column(Equity)
    equity_unit: Mapped[str | None] = mapped_column(choice("equity_unit", EQUITY_UNITS))
    state: Mapped[str] = mapped_column(choice("transfer_state", TRANSFER_STATES), default="draft")
    determination_id: Mapped[int | None] = mapped_column(ForeignKey("determinations.id"))
    holder: Mapped[Organisation] = relationship()
    rewards: Mapped[list[RewardShare]] = relationship(
        back_populates="transfer", cascade="all, delete-orphan", order_by="RewardShare.id"
    )

    __table_args__ = (
        CheckConstraint("net_income >= 0", name="net_income_not_negative"),
        CheckConstraint("equity_total IS NULL OR equity_total >= 0", name="equity_not_negative"),
    )


class RewardShare(Base):
    """One person's part of a transfer's reward plan."""

    __tablename__ = "reward_shares"

    id: Mapped[int] = mapped_column(primary_key=True)
    transfer_id: Mapped[int] = mapped_column(
        ForeignKey("transfers.id", ondelete="CASCADE"), index=True
    )
    recipient_name: Mapped[str] = mapped_column(String(100), info=PERSONAL)
    recipient_id_number: Mapped[str | None] = mapped_column(String(18), info=PERSONAL)
    role: Mapped[str] = mapped_column(String(100), default="")
    cash: Mapped[int] = mapped_column(Fen, default=0)
    equity: Mapped[Decimal] = mapped_column(Equity, default=Decimal(0))
    transfer: Mapped[Transfer] = relationship(back_populates="rewards")

    __table_args__ = (
        CheckConstraint("cash >= 0", name="cash_not_negative"),
        CheckConstraint("equity >= 0", name="equity_not_negative"),
    )
