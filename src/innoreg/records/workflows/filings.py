"""A filing produces the enterprise's determination (Luoyang art. 7, the super-deduction,
Liaoning art. 7): the fiscal year's figures and the organisation's dated statuses, decided
under the law in force on the decision date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from innoreg.records.determinations import decide, entity_case, subject_result
from innoreg.records.models.determinations import Determination
from innoreg.records.models.filings import AnnualFiling
from innoreg.records.repositories.scope import Scope, load
from innoreg.records.workflows.facts import organisation_facts
from innoreg.rules.money import format_money, parse_money


def filing_subject(filing: AnnualFiling) -> str:
    return f"filing-{filing.id}"


def filing_case(session: Session, filing: AnnualFiling, day: dt.date) -> dict[str, Any]:
    organisation = filing.organisation
    facts: dict[str, Any] = {
        "fiscal_year": filing.fiscal_year,
        "sales_revenue": format_money(filing.sales_revenue),
        "rd_expense": format_money(filing.rd_expense),
        "rd_expense_q4": None
        if filing.rd_expense_q4 is None
        else format_money(filing.rd_expense_q4),
        "above_designated_size": filing.above_designated_size,
        **organisation_facts(session, organisation, day),
    }
    return entity_case(
        organisation.jurisdiction, day, ("enterprise", "enterprises"), filing_subject(filing), facts
    )


def decide_filing(
    session: Session, *, scope: Scope, filing_id: int, actor: str, day: dt.date | None = None
) -> Determination:
    filing = load(session, AnnualFiling, filing_id, scope=scope, kind="filing")
    case = filing_case(session, filing, day or dt.date.today())
    determination = decide(
        session,
        subject_kind="filing",
        subject_id=filing.id,
        organisation_id=filing.organisation_id,
        case=case,
        actor=actor,
    )
    filing.determination_id = determination.id
    copy_figures(filing, subject_result(determination, filing_subject(filing)))
    session.flush()
    return determination


def copy_figures(filing: AnnualFiling, values: dict[str, Any]) -> None:
    """Keep the determination's dashboard figures on the filing (typed, for the group-by)."""
    eligible = values.get("support_eligible")
    filing.support_eligible = eligible if isinstance(eligible, bool) else None
    filing.rd_shortfall = _fen(values.get("rd_shortfall"))
    filing.rd_super_deduction = _fen(values.get("rd_super_deduction"))


def _fen(value: object) -> int | None:
    return None if value is None else parse_money(value)


FILING_ANSWERS = (
    "sales_revenue",
    "rd_expense",
    "rd_expense_q4",
    "above_designated_size",
    "size_class",
    "special_rd_account",
)
REQUIRED_ANSWERS = ("sales_revenue", "rd_expense", "above_designated_size", "size_class")


def submit_draft(
    session: Session,
    *,
    scope: Scope,
    organisation_id: int,
    fiscal_year: int,
    actor: str,
    day: dt.date | None = None,
    expected_version: int | None = None,
) -> Determination:
    """Make the draft the year's filing and decide it: the answers become an
    ``AnnualFiling``, the draft is gone, and the determination is stored (one transaction)."""
    from innoreg.records.errors import NotFoundError, WorkflowError
    from innoreg.records.repositories.filings import filing_for_year, get_draft

    draft = get_draft(
        session, scope=scope, organisation_id=organisation_id, fiscal_year=fiscal_year
    )
    if draft is None:
        raise NotFoundError("filing draft", f"{organisation_id}/{fiscal_year}")
    if expected_version is not None and draft.version != expected_version:
        from innoreg.records.repositories.scope import apply_changes

        apply_changes(draft, {}, expected_version=expected_version, kind="filing draft")
    if filing_for_year(
        session, scope=scope, organisation_id=organisation_id, fiscal_year=fiscal_year
    ):
        raise WorkflowError(f"the filing for {fiscal_year} is already submitted", state="filed")
    answers = draft.answers
    missing = [name for name in REQUIRED_ANSWERS if answers.get(name) in (None, "")]
    if missing:
        raise WorkflowError(
            f"the filing for {fiscal_year} cannot be submitted: {', '.join(missing)} "
            "not answered yet",
            state="draft",
        )
    q4 = answers.get("rd_expense_q4")
    filing = AnnualFiling(
        organisation_id=organisation_id,
        fiscal_year=fiscal_year,
        sales_revenue=parse_money(answers["sales_revenue"]),
        rd_expense=parse_money(answers["rd_expense"]),
        rd_expense_q4=None if q4 in (None, "") else parse_money(q4),
        above_designated_size=answers["above_designated_size"] == "yes",
        size_class=answers["size_class"],
        special_rd_account=answers.get("special_rd_account") == "yes",
    )
    session.add(filing)
    session.delete(draft)
    session.flush()
    return decide_filing(session, scope=scope, filing_id=filing.id, actor=actor, day=day)
