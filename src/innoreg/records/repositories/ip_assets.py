"""IP assets and their annual reports, read and filed within the caller's scope."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from innoreg.records.errors import ConstraintError
from innoreg.records.models.ip import REPORT_KINDS, IPAsset, IPReport
from innoreg.records.repositories.scope import Scope, load


def count_assets(session: Session, *, scope: Scope, organisation_id: int) -> int:
    return int(
        session.scalar(
            select(func.count()).where(
                IPAsset.organisation_id == organisation_id, scope.where(IPAsset.organisation_id)
            )
        )
        or 0
    )


def assets_of(
    session: Session,
    *,
    scope: Scope,
    organisation_id: int,
    limit: int | None = None,
    offset: int = 0,
) -> list[IPAsset]:
    """An organisation's IP assets, the nearest implementation deadline first (a page of
    them with ``limit``)."""
    return list(
        session.scalars(
            select(IPAsset)
            .options(selectinload(IPAsset.reports))  # every asset's report years: one query
            .where(IPAsset.organisation_id == organisation_id, scope.where(IPAsset.organisation_id))
            .order_by(
                IPAsset.implementation_deadline.is_(None),
                IPAsset.implementation_deadline,
                IPAsset.id,
            )
            .limit(limit)
            .offset(offset)
        )
    )


def get_asset(session: Session, *, scope: Scope, asset_id: int) -> IPAsset:
    return load(session, IPAsset, asset_id, scope=scope, kind="IP asset")


def file_report(
    session: Session,
    *,
    scope: Scope,
    asset_id: int,
    year: int,
    kind: str,
    summary: str,
    day: dt.date,
) -> IPReport:
    """File the annual report of ``kind`` on ``year`` for an asset (Luoyang art. 14); a year
    not yet ended, or a report already filed, is refused naming the field."""
    asset = get_asset(session, scope=scope, asset_id=asset_id)
    if kind not in REPORT_KINDS:
        raise ConstraintError(f"must be one of {', '.join(REPORT_KINDS)}", field="kind")
    if year >= day.year:
        raise ConstraintError(f"the year {year} has not ended yet", field="year")
    first = asset.rights_obtained_on.year if asset.rights_obtained_on else year
    if year < first:
        raise ConstraintError(f"the right was obtained only in {first}", field="year")
    if any(r.year == year and r.kind == kind for r in asset.reports):
        raise ConstraintError(f"the {kind} report on {year} is already filed", field="year")
    report = IPReport(year=year, kind=kind, submitted_on=day, summary=summary)
    asset.reports.append(report)
    session.flush()
    return report
