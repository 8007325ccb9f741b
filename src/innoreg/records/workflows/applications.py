"""Applications for municipal support: draft → submitted → returned for changes / under
review → approved / rejected. Submission decides the filing first and is refused unless the
determination allows support (Luoyang art. 7 ¶1); every move is kept with actor, time and
reason."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from innoreg.records.determinations import subject_result
from innoreg.records.errors import WorkflowError
from innoreg.records.models.applications import Application, ApplicationTransition
from innoreg.records.models.filings import AnnualFiling
from innoreg.records.repositories.scope import Scope, load
from innoreg.records.types import utcnow
from innoreg.records.workflows.filings import decide_filing, filing_subject

TRANSITIONS: dict[str, tuple[str, ...]] = {
    "draft": ("submitted",),
    "submitted": ("returned", "under_review"),
    "returned": ("submitted",),
    "under_review": ("approved", "rejected"),
    "approved": (),
    "rejected": (),
}
NEEDS_REASON = ("returned", "rejected")


def create_application(
    session: Session, *, scope: Scope, filing_id: int, programme: str, actor: str
) -> Application:
    filing = load(session, AnnualFiling, filing_id, scope=scope, kind="filing")
    application = Application(
        organisation_id=filing.organisation_id, filing_id=filing.id, programme=programme
    )
    session.add(application)
    session.flush()
    return application


def move(
    session: Session,
    *,
    scope: Scope,
    application_id: int,
    to_state: str,
    actor: str,
    reason: str = "",
    expected_version: int | None = None,
    day: dt.date | None = None,
) -> Application:
    """Move an application to ``to_state`` if its state allows it (and, to submit, if the
    filing's determination allows support)."""
    application = load(session, Application, application_id, scope=scope, kind="application")
    state = application.state
    if expected_version is not None and application.version != expected_version:
        from innoreg.records.repositories.scope import apply_changes

        apply_changes(application, {}, expected_version=expected_version, kind="application")
    allowed = TRANSITIONS[state]
    if to_state not in allowed:
        onward = ", ".join(allowed) if allowed else "nothing (it is closed)"
        raise WorkflowError(
            f"application {application.id} cannot move to {to_state!r}: it is {state!r}, "
            f"which can move to {onward}",
            state=state,
        )
    if to_state in NEEDS_REASON and not reason.strip():
        raise WorkflowError(
            f"application {application.id}: moving to {to_state!r} needs a reason", state=state
        )
    if to_state == "submitted":
        _require_support(session, scope, application, actor, day)
    application.state = to_state
    application.transitions.append(
        ApplicationTransition(
            from_state=state, to_state=to_state, actor=actor, at=utcnow(), reason=reason
        )
    )
    session.flush()
    return application


def _require_support(
    session: Session, scope: Scope, application: Application, actor: str, day: dt.date | None
) -> None:
    determination = decide_filing(
        session, scope=scope, filing_id=application.filing_id, actor=actor, day=day
    )
    application.determination_id = determination.id
    filing = session.get(AnnualFiling, application.filing_id)
    assert filing is not None
    values = subject_result(determination, filing_subject(filing))
    if values.get("support_eligible") is not True:
        shortfall = values.get("rd_shortfall")
        why = (
            f"R&D expense falls short by {shortfall} yuan"
            if shortfall
            else "no route to eligibility"
        )
        raise WorkflowError(
            f"application {application.id} cannot be submitted: determination "
            f"{determination.id} finds the enterprise not eligible for municipal support "
            f"(Luoyang art. 7 ¶1: {why})",
            state=application.state,
        )
