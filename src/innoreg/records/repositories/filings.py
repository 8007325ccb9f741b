"""Annual filings, the drafts the portal keeps while one is prepared, and the determinations
made of them, read and written within the caller's scope."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from innoreg.records.errors import NotFoundError
from innoreg.records.models.determinations import Determination
from innoreg.records.models.filings import AnnualFiling, FilingDraft
from innoreg.records.repositories.kinds import Kind
from innoreg.records.repositories.scope import Scope, apply_changes, load
from innoreg.records.types import utcnow

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


def get_draft(
    session: Session, *, scope: Scope, organisation_id: int, fiscal_year: int
) -> FilingDraft | None:
    """The organisation's draft for ``fiscal_year``, or None if nothing is saved yet."""
    found: FilingDraft | None = session.scalar(
        select(FilingDraft).where(
            FilingDraft.organisation_id == organisation_id,
            FilingDraft.fiscal_year == fiscal_year,
            scope.where(FilingDraft.organisation_id),
        )
    )
    return found


def save_draft_answers(
    session: Session,
    *,
    scope: Scope,
    organisation_id: int,
    fiscal_year: int,
    answers: Mapping[str, Any],
    forget: Iterable[str] = (),
    actor: str,
    expected_version: int | None = None,
) -> FilingDraft:
    """Keep ``answers`` on the draft (made on first save), forget the names in ``forget``;
    a save made on a stale version is refused (two people on one filing)."""
    if not scope.reaches(session, organisation_id):
        raise NotFoundError("organisation", organisation_id)
    draft = get_draft(
        session, scope=scope, organisation_id=organisation_id, fiscal_year=fiscal_year
    )
    if draft is None:
        draft = FilingDraft(organisation_id=organisation_id, fiscal_year=fiscal_year, answers={})
        session.add(draft)
    elif expected_version is not None and draft.version != expected_version:
        apply_changes(draft, {}, expected_version=expected_version, kind="filing draft")
    kept = {k: v for k, v in (draft.answers or {}).items() if k not in set(forget)}
    kept.update(answers)
    draft.answers = kept
    draft.updated_at = utcnow()
    draft.updated_by = actor
    session.flush()
    return draft
