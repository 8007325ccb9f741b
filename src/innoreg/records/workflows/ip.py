"""IP assets under Luoyang art. 14: the three-year deadline and annual reports, and the
assets the government may now implement or license, ready for a notice.

The deadline is the engine's, stored from each asset's latest determination (re-decided when
a fact it reads changes); the overdue query is then an index range over those deadlines with
the art. 14 conditions, and a test holds it equal to the engine's ``government_may_implement``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from innoreg.records.determinations import (
    act_assumptions,
    decide,
    entity_case,
    subject_result,
)
from innoreg.records.errors import NotFoundError, WorkflowError
from innoreg.records.models.determinations import Determination
from innoreg.records.models.ip import IPAsset, IPReport
from innoreg.records.models.notices import Notice
from innoreg.records.models.organisations import Organisation
from innoreg.records.models.projects import FundedProject
from innoreg.records.repositories.scope import Scope, load

ANNUAL_REPORT_DUE = (3, 31)
"""A bureau setting, not law: art. 14 asks for annual reports and sets no day; the report on
year Y is due on 31 March of Y + 1."""
NOTICE_KIND = "unused_ip_may_be_implemented"


def asset_subject(asset: IPAsset) -> str:
    return f"ip-{asset.id}"


def ip_case(session: Session, asset: IPAsset, day: dt.date) -> dict[str, Any]:
    organisation = session.get(Organisation, asset.organisation_id)
    assert organisation is not None
    project = session.get(FundedProject, asset.project_id) if asset.project_id else None
    facts: dict[str, Any] = {
        "kind": asset.kind,
        "fiscally_funded": asset.fiscally_funded,
        "rights_obtained_on": _iso(asset.rights_obtained_on),
        "project_accepted_on": _iso(project.accepted_on if project else None),
        "implemented_on": _iso(asset.implemented_on),
        "implementation_conditions_met": asset.implementation_conditions_met,
        "justifiable_reason": asset.justifiable_reason,
    }
    case = entity_case(
        organisation.jurisdiction, day, ("ip_asset", "ip_assets"), asset_subject(asset), facts
    )
    assumptions = act_assumptions(session, organisation.jurisdiction)
    if assumptions:  # the art. 14 clock needs the regulations' in-force date
        case["assumptions"] = assumptions
    return case


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def decide_ip_asset(
    session: Session, *, scope: Scope, asset_id: int, actor: str, day: dt.date | None = None
) -> Determination:
    asset = load(session, IPAsset, asset_id, scope=scope, kind="IP asset")
    determination = decide(
        session,
        subject_kind="ip_asset",
        subject_id=asset.id,
        organisation_id=asset.organisation_id,
        case=ip_case(session, asset, day or dt.date.today()),
        actor=actor,
    )
    deadline = subject_result(determination, asset_subject(asset)).get("implementation_deadline")
    asset.implementation_deadline = dt.date.fromisoformat(deadline) if deadline else None
    asset.determination_id = determination.id
    session.flush()
    return determination


@dataclass(frozen=True)
class OverdueAsset:
    asset_id: int
    registration_no: str
    title: str
    organisation_id: int
    organisation: str
    credit_code: str
    deadline: dt.date
    determination_id: int | None
    notice_id: int | None


def may_be_implemented(as_of: dt.date) -> ColumnElement[bool]:
    """The art. 14 conditions on an asset row, read on ``as_of``: funded, the holder able to
    implement, no justifiable reason, the deadline passed, and not implemented by it (an index
    range over the stored deadlines)."""
    return and_(
        IPAsset.implementation_deadline < as_of,
        IPAsset.fiscally_funded.is_(True),
        IPAsset.implementation_conditions_met.is_(True),
        IPAsset.justifiable_reason.is_(False),
        or_(
            IPAsset.implemented_on.is_(None),
            IPAsset.implemented_on > IPAsset.implementation_deadline,
        ),
    )


def overdue_assets(
    session: Session,
    *,
    scope: Scope,
    as_of: dt.date,
    limit: int | None = None,
    offset: int = 0,
    asset_id: int | None = None,
    noticed: bool | None = None,
) -> list[OverdueAsset]:
    """Assets the government may implement or license on ``as_of`` (Luoyang art. 14): funded,
    the holder able to implement, no justifiable reason, the deadline passed, and not
    implemented by the deadline."""
    query = (
        select(
            IPAsset.id,
            IPAsset.registration_no,
            IPAsset.title,
            IPAsset.organisation_id,
            Organisation.name,
            Organisation.credit_code,
            IPAsset.implementation_deadline,
            IPAsset.determination_id,
            Notice.id,
        )
        .join(Organisation, Organisation.id == IPAsset.organisation_id)
        .outerjoin(Notice, (Notice.ip_asset_id == IPAsset.id) & (Notice.kind == NOTICE_KIND))
        .where(may_be_implemented(as_of), scope.where(IPAsset.organisation_id))
        .order_by(IPAsset.implementation_deadline, IPAsset.id)
    )
    if asset_id is not None:
        query = query.where(IPAsset.id == asset_id)
    if noticed is not None:
        query = query.where(Notice.id.is_not(None) if noticed else Notice.id.is_(None))
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return [OverdueAsset(*row) for row in session.execute(query)]  # type: ignore[arg-type]


def issue_notices(session: Session, *, scope: Scope, as_of: dt.date, actor: str) -> list[Notice]:
    """One notice per overdue asset that has none yet."""
    notices = [
        _notice(item, as_of)
        for item in overdue_assets(session, scope=scope, as_of=as_of)
        if item.notice_id is None
    ]
    session.add_all(notices)
    session.flush()
    return notices


def issue_notice(
    session: Session, *, scope: Scope, asset_id: int, as_of: dt.date, actor: str
) -> Notice:
    """The notice on one asset the government may implement on ``as_of`` (the bureau's
    one-click notice), recorded against the asset; the one already issued if there is one.
    An asset that is not overdue on ``as_of`` is refused, naming why."""
    load(session, IPAsset, asset_id, scope=scope, kind="IP asset")
    found = [
        item
        for item in overdue_assets(session, scope=scope, as_of=as_of, asset_id=asset_id)
        if item.asset_id == asset_id
    ]
    if not found:
        raise WorkflowError(
            f"IP asset {asset_id} is not one the government may implement on "
            f"{as_of.isoformat()} (Luoyang art. 14): no notice can be issued",
            state="not_overdue",
        )
    item = found[0]
    if item.notice_id is not None:
        existing = session.get(Notice, item.notice_id)
        assert existing is not None
        return existing
    notice = _notice(item, as_of)
    session.add(notice)
    session.flush()
    return notice


@dataclass(frozen=True)
class NoticeDocument:
    """A notice with the asset and the holder it names, as printed."""

    notice: Notice
    asset: IPAsset
    holder: Organisation


def notice_document(session: Session, *, scope: Scope, notice_id: int) -> NoticeDocument:
    notice = load(session, Notice, notice_id, scope=scope, kind="notice")
    asset = session.get(IPAsset, notice.ip_asset_id) if notice.ip_asset_id else None
    holder = session.get(Organisation, notice.organisation_id)
    if asset is None or holder is None:
        raise NotFoundError("notice on an IP asset", notice_id)
    return NoticeDocument(notice, asset, holder)


def _notice(item: OverdueAsset, as_of: dt.date) -> Notice:
    return Notice(
        kind=NOTICE_KIND,
        organisation_id=item.organisation_id,
        ip_asset_id=item.asset_id,
        determination_id=item.determination_id,
        issued_on=as_of,
        body=(
            f"{item.registration_no} “{item.title}” ({item.organisation}) was not "
            f"implemented by {item.deadline.isoformat()}: the municipal or county "
            "government may implement it free of charge or license others "
            "(Luoyang art. 14). 该项知识产权自" + item.deadline.isoformat() + "起三年期满未实施，"
            "政府可以无偿实施，也可以许可他人有偿或者无偿实施（《洛阳市科学技术进步条例》第十四条）。"
        ),
    )


@dataclass(frozen=True)
class ReportDue:
    asset_id: int
    registration_no: str
    year: int
    due_on: dt.date


def reports_due(
    session: Session, *, scope: Scope, as_of: dt.date, kind: str = "protection"
) -> list[ReportDue]:
    """Annual reports owed and not filed by ``as_of`` for fiscally funded assets."""
    month, day = ANNUAL_REPORT_DUE
    assets = session.scalars(
        select(IPAsset).where(
            IPAsset.fiscally_funded.is_(True),
            IPAsset.rights_obtained_on.is_not(None),
            scope.where(IPAsset.organisation_id),
        )
    )
    filed = {
        (a, y)
        for a, y in session.execute(
            select(IPReport.asset_id, IPReport.year).where(IPReport.kind == kind)
        )
    }
    owed = []
    for asset in assets:
        assert asset.rights_obtained_on is not None
        for year in range(asset.rights_obtained_on.year, as_of.year):
            due = dt.date(year + 1, month, day)
            if due < as_of and (asset.id, year) not in filed:
                owed.append(ReportDue(asset.id, asset.registration_no, year, due))
    return owed
