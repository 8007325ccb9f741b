"""Annual filings in the API, in the public input names (``sales_revenue``, ``rd_expense``,
…, as ``POST /v1/evaluate`` reads them) plus ``organisation_id`` and ``fiscal_year``."""

from __future__ import annotations

from typing import Literal

from innoreg.service.api.schemas.records import Body, MoneyIn, MoneyOut, Public, Version, Year

SizeClass = Literal["large", "medium", "small", "micro"]


class FilingCreate(Body):
    organisation_id: int
    fiscal_year: Year
    sales_revenue: MoneyIn
    rd_expense: MoneyIn
    rd_expense_q4: MoneyIn | None = None
    above_designated_size: bool = False
    special_rd_account: bool = False
    size_class: SizeClass | None = None


class FilingUpdate(Body):
    version: Version
    sales_revenue: MoneyIn | None = None
    rd_expense: MoneyIn | None = None
    rd_expense_q4: MoneyIn | None = None
    above_designated_size: bool | None = None
    special_rd_account: bool | None = None
    size_class: SizeClass | None = None


class FilingPublic(Public):
    version: int
    organisation_id: int
    fiscal_year: int
    sales_revenue: MoneyOut
    rd_expense: MoneyOut
    rd_expense_q4: MoneyOut | None
    above_designated_size: bool
    special_rd_account: bool
    size_class: str | None
    determination_id: int | None
    support_eligible: bool | None
    rd_shortfall: MoneyOut | None
    rd_super_deduction: MoneyOut | None
