"""Annual filings and the determinations made of them, read within the caller's scope."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from innoreg.records.errors import NotFoundError
from innoreg.records.models.determinations import Determination
from innoreg.records.models.filings import AnnualFiling
from innoreg.records.repositories.kinds import Kind
from innoreg.records.repositories.scope import Scope, load

FILINGS = Kind(
    "filing",
    AnnualFiling,
    sorts=("id", "fiscal_year", "organisation_id", "sales_revenue", "rd_expense"),
)


def list_filings(session: Session, *, scope: Scope, organisation_id: int) -> list[AnnualFiling]:
    """An organisation's filings, latest fiscal year first."""
    return list(
        session.scalars(
            select(AnnualFiling)
            .where(
                AnnualFiling.organisation_id == organisation_id,
                scope.where(AnnualFiling.organisation_id),
            )
            .order_by(AnnualFiling.fiscal_year.desc())
        )
    )


def filing_for_year(
    session: Session, *, scope: Scope, organisation_id: int, fiscal_year: int
) -> AnnualFiling | None:
    """The organisation's filing for ``fiscal_year``, or None if it has not filed one."""
    found: AnnualFiling | None = session.scalar(
        select(AnnualFiling).where(
            AnnualFiling.organisation_id == organisation_id,
            AnnualFiling.fiscal_year == fiscal_year,
            scope.where(AnnualFiling.organisation_id),
        )
    )
    return found


def get_filing(session: Session, *, scope: Scope, filing_id: int) -> AnnualFiling:
    return load(session, AnnualFiling, filing_id, scope=scope, kind="filing")


def get_determination(session: Session, *, scope: Scope, determination_id: int) -> Determination:
    """A stored determination; one about another tenant's record is as absent as none."""
    return load(session, Determination, determination_id, scope=scope, kind="determination")


def latest_determination(
    session: Session, *, scope: Scope, filing: AnnualFiling
) -> Determination | None:
    if filing.determination_id is None:
        return None
    try:
        return get_determination(session, scope=scope, determination_id=filing.determination_id)
    except NotFoundError:
        return None
