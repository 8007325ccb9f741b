"""Applications for municipal support and their history, read within the caller's scope
(their moves are the workflow's: ``workflows/applications.py``)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from innoreg.records.models.applications import Application
from innoreg.records.repositories.kinds import Kind
from innoreg.records.repositories.scope import Scope, load

APPLICATIONS = Kind(
    "application",
    Application,
    sorts=("id", "organisation_id", "state"),
    assigned_by="reviewer_id",
    locked_in=("submitted", "under_review", "approved", "rejected"),
)
"""Applications as a kind of record the API lists and changes: a reviewer reaches only the
applications assigned to them (``workflows/review.py`` assigns and moves them)."""


def applications_of(session: Session, *, scope: Scope, organisation_id: int) -> list[Application]:
    """An organisation's applications, the latest first."""
    return list(
        session.scalars(
            select(Application)
            .options(selectinload(Application.transitions))  # the last change of each: one query
            .where(
                Application.organisation_id == organisation_id,
                scope.where(Application.organisation_id),
            )
            .order_by(Application.id.desc())
        )
    )


def get_application(session: Session, *, scope: Scope, application_id: int) -> Application:
    return load(session, Application, application_id, scope=scope, kind="application")
