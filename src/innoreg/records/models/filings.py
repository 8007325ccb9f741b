"""Annual enterprise filings: one fiscal year's figures, in fen; and the drafts the portal
keeps while a filing is being prepared."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from innoreg.records.models.base import Base, Versioned, choice
from innoreg.records.models.organisations import Organisation
from innoreg.records.types import Fen, UTCDateTime

SIZE_CLASSES = ("large", "medium", "small", "micro")


class AnnualFiling(Versioned, Base):
    __tablename__ = "filings"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    fiscal_year: Mapped[int] = mapped_column(index=True)
    sales_revenue: Mapped[int] = mapped_column(Fen)
    rd_expense: Mapped[int] = mapped_column(Fen)
    rd_expense_q4: Mapped[int | None] = mapped_column(Fen)
    """The fourth quarter's part, where a rate changed in the year (2022 No. 28)."""
    special_rd_account: Mapped[bool] = mapped_column(default=False)
    size_class: Mapped[str | None] = mapped_column(choice("size_class", SIZE_CLASSES))
    above_designated_size: Mapped[bool] = mapped_column(default=False)
    determination_id: Mapped[int | None] = mapped_column(ForeignKey("determinations.id"))
    # The latest determination's three figures the dashboard sums, copied when the filing is
    # decided (workflows/filings.py): a group-by over typed columns, not 100,000 JSON parses.
    support_eligible: Mapped[bool | None]
    """Eligible for municipal support (Luoyang art. 7 ¶1); NULL undecided or unknown."""
    rd_shortfall: Mapped[int | None] = mapped_column(Fen)
    rd_super_deduction: Mapped[int | None] = mapped_column(Fen)
    organisation: Mapped[Organisation] = relationship()

    __table_args__ = (
        UniqueConstraint("organisation_id", "fiscal_year"),
        CheckConstraint("sales_revenue >= 0", name="sales_revenue_not_negative"),
        CheckConstraint("rd_expense >= 0", name="rd_expense_not_negative"),
        CheckConstraint(
            "rd_expense_q4 IS NULL OR (rd_expense_q4 >= 0 AND rd_expense_q4 <= rd_expense)",
            name="rd_expense_q4_within_year",
        ),
        CheckConstraint("fiscal_year BETWEEN 1990 AND 2100", name="fiscal_year_plausible"),
        # The API's pages by fiscal year continue from (year, id): an index walk, not a sort
        # of the year's filings on every page (revision 0008).
        Index("ix_filings_fiscal_year_id", "fiscal_year", "id"),
    )


class FilingDraft(Versioned, Base):
    """A filing being prepared in the portal: the answers saved so far, kept between visits
    (save and come back later) until it is submitted and becomes an ``AnnualFiling``."""

    __tablename__ = "filing_drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    fiscal_year: Mapped[int]
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    """Answer name -> the value as the engine reads it (yuan as a decimal string, yes/no)."""
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    updated_by: Mapped[str] = mapped_column(String(200))

    __table_args__ = (UniqueConstraint("organisation_id", "fiscal_year"),)
