"""Transfers of job-related achievements and their reward plans in the API. A recipient's
name and identity number are personal data: lists always mask them, and so does one
transfer read by a role that does not need them (a reviewer)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field

from innoreg.service.api.schemas.records import Body, MoneyIn, MoneyOut, Public, Version

Ref = Annotated[int, Field(ge=1, le=2**31 - 1)]
Mode = Literal["transfer", "license", "equity_investment"]
Quantity = Annotated[Decimal, Field(ge=0, max_digits=24, decimal_places=6)]


class RewardShareIn(Body):
    recipient_name: Annotated[str, Field(min_length=1, max_length=100)]
    recipient_id_number: Annotated[str, Field(pattern=r"^[0-9]{17}[0-9X]$")] | None = None
    role: Annotated[str, Field(max_length=100)] = ""
    cash: MoneyIn = 0
    equity: Quantity = Decimal(0)


class RewardSharePublic(Public):
    recipient_name: str
    recipient_id_number: str | None
    role: str
    cash: MoneyOut
    equity: Decimal


class TransferCreate(Body):
    holder_id: Ref
    project_id: Ref | None = None
    achievement: Annotated[str, Field(min_length=1, max_length=300)]
    counterparty: Annotated[str, Field(max_length=200)] = ""
    mode: Mode
    concluded_on: dt.date
    fiscally_funded: bool = False
    has_reward_rules: bool = False
    net_income: MoneyIn = 0
    equity_total: Quantity | None = None
    equity_unit: Literal["shares", "percent"] | None = None
    rewards: Annotated[list[RewardShareIn], Field(max_length=200, default_factory=list)]


class TransferUpdate(Body):
    version: Version
    project_id: Ref | None = None
    achievement: Annotated[str, Field(min_length=1, max_length=300)] | None = None
    counterparty: Annotated[str, Field(max_length=200)] | None = None
    mode: Mode | None = None
    concluded_on: dt.date | None = None
    fiscally_funded: bool | None = None
    has_reward_rules: bool | None = None
    net_income: MoneyIn | None = None
    equity_total: Quantity | None = None
    equity_unit: Literal["shares", "percent"] | None = None
    rewards: Annotated[list[RewardShareIn], Field(max_length=200)] | None = Field(
        None, description="The whole reward plan, replacing the one recorded."
    )


class TransferPublic(Public):
    version: int
    holder_id: int
    project_id: int | None
    achievement: str
    counterparty: str
    mode: str
    concluded_on: dt.date
    fiscally_funded: bool
    has_reward_rules: bool
    net_income: MoneyOut
    equity_total: Decimal | None
    equity_unit: str | None
    state: str
    determination_id: int | None
    rewards: list[RewardSharePublic]
    personal_data: Literal["shown", "masked"] = Field(
        description="Whether recipients' names and identity numbers are shown or masked."
    )


class Finalise(Body):
    version: Version
    date: dt.date | None = Field(None, description="Decide on this day (default: concluded_on).")
