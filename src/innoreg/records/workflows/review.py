"""The bureau's review of applications: the queue (filtered, with counts by state), one
application with everything a reviewer decides on, and assignment to a reviewer. The moves
themselves (start the review, return for changes, approve, reject) are
``applications.move``; assignment and every move are kept with actor and time, and audited.

A reviewer reaches only the applications assigned to them; the bureau's admin reaches all and
alone assigns. Another reviewer's application is as absent as one that does not exist.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from innoreg.records.errors import NotFoundError, WorkflowError
from innoreg.records.models.accounts import User
from innoreg.records.models.applications import (
    APPLICATION_STATES,
    Application,
    ApplicationAssignment,
    ApplicationTransition,
)
from innoreg.records.models.filings import AnnualFiling
from innoreg.records.models.organisations import Organisation
from innoreg.records.repositories.scope import Scope, apply_changes
from innoreg.records.types import utcnow

UNASSIGNED = 0
"""``reviewer=UNASSIGNED`` in the queue's filter: applications no one is assigned."""


@dataclass(frozen=True)
class QueueFilter:
    state: str | None = None
    reviewer: int | None = None
    """A reviewer's user id, ``UNASSIGNED``, or None for anyone."""
    district: str | None = None
    fiscal_year: int | None = None
    search: str = ""
    """Part of the organisation's name or credit code."""


@dataclass(frozen=True)
class QueueRow:
    application_id: int
    programme: str
    state: str
    organisation_id: int
    organisation: str
    credit_code: str
    district: str | None
    fiscal_year: int
    reviewer_id: int | None
    reviewer: str | None
    last_move: dt.datetime | None


@dataclass(frozen=True)
class Queue:
    rows: list[QueueRow]
    more: bool
    by_state: dict[str, int]
    """Counts by state of everything the filter keeps but the state (the facets)."""


def _reached(scope: Scope) -> Any:
    """The applications the scope reaches: a reviewer's are those assigned to them."""
    condition = scope.where(Application.organisation_id)
    if scope.reviewer_id is not None:
        return condition & (Application.reviewer_id == scope.reviewer_id)
    return condition


def _filtered(query: Any, scope: Scope, chosen: QueueFilter) -> Any:
    query = query.where(_reached(scope))
    if chosen.reviewer == UNASSIGNED:
        query = query.where(Application.reviewer_id.is_(None))
    elif chosen.reviewer is not None:
        query = query.where(Application.reviewer_id == chosen.reviewer)
    if chosen.district:
        query = query.where(Organisation.district == chosen.district)
    if chosen.fiscal_year:
        query = query.where(AnnualFiling.fiscal_year == chosen.fiscal_year)
    if chosen.search:
        pattern = f"%{chosen.search}%"
        query = query.where(
            or_(Organisation.name.like(pattern), Organisation.credit_code.like(pattern))
        )
    return query


def review_queue(
    session: Session, *, scope: Scope, chosen: QueueFilter, limit: int = 50, offset: int = 0
) -> Queue:
    """The applications ``chosen`` keeps, oldest move first (the longest waiting on top)."""
    last_move = (
        select(
            ApplicationTransition.application_id,
            func.max(ApplicationTransition.at).label("at"),
        )
        .group_by(ApplicationTransition.application_id)
        .subquery()
    )
    base = (
        select(
            Application.id,
            Application.programme,
            Application.state,
            Organisation.id,
            Organisation.name,
            Organisation.credit_code,
            Organisation.district,
            AnnualFiling.fiscal_year,
            Application.reviewer_id,
            User.email,
            last_move.c.at,
        )
        .join(Organisation, Organisation.id == Application.organisation_id)
        .join(AnnualFiling, AnnualFiling.id == Application.filing_id)
        .outerjoin(User, User.id == Application.reviewer_id)
        .outerjoin(last_move, last_move.c.application_id == Application.id)
    )
    query = _filtered(base, scope, chosen)
    if chosen.state:
        query = query.where(Application.state == chosen.state)
    query = query.order_by(last_move.c.at.is_(None), last_move.c.at, Application.id)
    rows = [QueueRow(*r) for r in session.execute(query.limit(limit + 1).offset(offset))]
    facets = _filtered(
        select(Application.state, func.count())
        .join(Organisation, Organisation.id == Application.organisation_id)
        .join(AnnualFiling, AnnualFiling.id == Application.filing_id),
        scope,
        chosen,
    ).group_by(Application.state)
    counts = {state: 0 for state in APPLICATION_STATES}
    counts.update({state: int(n) for state, n in session.execute(facets)})
    return Queue(rows[:limit], len(rows) > limit, counts)


def get_application(session: Session, *, scope: Scope, application_id: int) -> Application:
    """One application the scope reaches (a reviewer: one assigned to them)."""
    found = session.scalar(
        select(Application).where(Application.id == application_id, _reached(scope))
    )
    if found is None:
        raise NotFoundError("application", application_id)
    return found


@dataclass(frozen=True)
class Step:
    """One line of an application's history: a move or an assignment."""

    at: dt.datetime
    actor: str
    kind: str
    """``move`` or ``assignment``."""
    from_state: str | None = None
    to_state: str | None = None
    reason: str = ""
    reviewer: str | None = None


def history(session: Session, application: Application) -> list[Step]:
    """Moves and assignments in the order they were made."""
    emails = (
        dict(session.execute(select(User.id, User.email)).all()) if application.assignments else {}
    )
    steps = [
        Step(t.at, t.actor, "move", t.from_state, t.to_state, t.reason)
        for t in application.transitions
    ]
    steps += [
        Step(
            a.at,
            a.actor,
            "assignment",
            reviewer=emails.get(a.reviewer_id) if a.reviewer_id else None,
        )
        for a in application.assignments
    ]
    return sorted(steps, key=lambda s: s.at)


def reviewers(session: Session) -> list[tuple[int, str]]:
    """The reviewers an application may be assigned to: enabled accounts with that role."""
    rows = session.execute(
        select(User.id, User.email)
        .where(User.role == "reviewer", User.disabled.is_(False))
        .order_by(User.email)
    )
    return [(ident, email) for ident, email in rows]


def assign(
    session: Session,
    *,
    scope: Scope,
    application_id: int,
    reviewer_id: int | None,
    actor: str,
    expected_version: int | None = None,
) -> Application:
    """Assign an application to a reviewer (None: to no one). Only the bureau assigns; the
    reviewer must be an enabled reviewer's account."""
    if scope.organisation_ids is not None or scope.reviewer_id is not None:
        raise WorkflowError("only the bureau's admin assigns applications to reviewers")
    application = get_application(session, scope=scope, application_id=application_id)
    if application.state in ("approved", "rejected"):
        raise WorkflowError(
            f"application {application.id} is {application.state!r}: it is closed and needs "
            "no reviewer",
            state=application.state,
        )
    if reviewer_id is not None:
        user = session.get(User, reviewer_id)
        if user is None or user.role != "reviewer" or user.disabled:
            raise WorkflowError(
                f"user {reviewer_id} is not an enabled reviewer: applications are assigned "
                "to reviewers only",
                state=application.state,
            )
    apply_changes(
        application,
        {"reviewer_id": reviewer_id},
        expected_version=expected_version,
        kind="application",
    )
    application.assignments.append(
        ApplicationAssignment(reviewer_id=reviewer_id, actor=actor, at=utcnow())
    )
    session.flush()
    return application


def review_move(
    session: Session,
    *,
    scope: Scope,
    application_id: int,
    to_state: str,
    actor: str,
    reason: str = "",
    expected_version: int | None = None,
) -> Application:
    """A reviewer's move on an application they reach (start the review, return it for
    changes, approve, reject): ``applications.move``, after the assignment check."""
    from innoreg.records.workflows.applications import move

    get_application(session, scope=scope, application_id=application_id)
    if to_state in ("draft", "submitted"):
        raise WorkflowError(
            f"application {application_id}: only the applicant moves it to {to_state!r}",
            state=to_state,
        )
    return move(
        session,
        scope=scope,
        application_id=application_id,
        to_state=to_state,
        actor=actor,
        reason=reason,
        expected_version=expected_version,
    )
