"""A small records world for the API's tests: three organisations — ``mine`` (an enterprise),
``theirs`` (another enterprise) and ``institute`` (a university) — each with one record of
every kind, written through the records layer; and fresh records made on demand for the
tests that change or move one."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from typing import Any

from tests.records.factories import enterprise, filing, ip_asset

from innoreg.records.db import Database
from innoreg.records.models import (
    Application,
    Award,
    FundedProject,
    Notice,
    RegistryEntry,
    RewardShare,
    StandardLed,
    Transfer,
)
from innoreg.records.repositories import BUREAU
from innoreg.records.workflows.filings import decide_filing

OWNERS = ("mine", "theirs", "institute")
REGISTERS = {
    "platforms": "rd_platform",
    "parks": "park",
    "incubators": "incubator",
    "agencies": "intermediary_agency",
    "demonstration-enterprises": "demonstration_enterprise",
}
_serial = itertools.count(1)


@dataclass
class World:
    database: Database
    organisations: dict[str, int] = field(default_factory=dict)
    records: dict[str, dict[str, int]] = field(default_factory=dict)
    """owner -> kind (the API's path name) -> id."""

    def id(self, owner: str, kind: str) -> int:
        if kind == "organisations":
            return self.organisations[owner]
        return self.records[owner][kind]

    def fresh(self, owner: str, kind: str, **options: Any) -> int:
        """A new record of ``kind`` for ``owner`` (an application in ``state``, assigned to
        ``reviewer_id``; a draft transfer), for a test that changes or moves it."""
        with self.database.write(actor="test") as session:
            organisation_id = self.organisations[owner]
            n = next(_serial)
            if kind == "filings":
                year = self.free_year(session, organisation_id)
                made: Any = filing(session, _org(session, organisation_id), fiscal_year=year)
            elif kind == "transfers":
                made = _transfer(organisation_id, n)
                session.add(made)
            elif kind == "applications":
                year = self.free_year(session, organisation_id)
                base = filing(session, _org(session, organisation_id), fiscal_year=year)
                made = Application(
                    organisation_id=organisation_id,
                    filing_id=base.id,
                    programme=f"测试项目{n}",
                    state=options.get("state", "draft"),
                    reviewer_id=options.get("reviewer_id"),
                )
                session.add(made)
            else:
                raise ValueError(kind)
            session.flush()
            return int(made.id)

    def free_year(self, session: Any, organisation_id: int) -> int:
        """A fiscal year the organisation has not filed (filings are one per year)."""
        from sqlalchemy import select

        from innoreg.records.models import AnnualFiling

        taken = set(
            session.scalars(
                select(AnnualFiling.fiscal_year).where(
                    AnnualFiling.organisation_id == organisation_id
                )
            )
        )
        return next(year for year in range(1990, 2101) if year not in taken)

    def unfiled_year(self, owner: str) -> int:
        with self.database.read() as session:
            return self.free_year(session, self.organisations[owner])


def _org(session: Any, ident: int) -> Any:
    from innoreg.records.models import Organisation

    return session.get(Organisation, ident)


def _transfer(holder_id: int, n: int) -> Transfer:
    return Transfer(
        holder_id=holder_id,
        achievement=f"一种测试工艺{n}",
        counterparty="洛阳某公司",
        mode="transfer",
        concluded_on=dt.date(2024, 3, 1),
        fiscally_funded=True,
        has_reward_rules=False,
        net_income=100_000_000,
        rewards=[
            RewardShare(
                recipient_name="张三丰",
                recipient_id_number="410305199001011234",
                role="发明人",
                cash=60_000_000,
            )
        ],
    )


def build_world(database: Database, reviewer_id: int | None = None) -> World:
    """Every kind for each owner; ``mine``'s application assigned to ``reviewer_id``."""
    world = World(database)
    with database.write(actor="test") as session:
        for seed, owner in enumerate(OWNERS, start=11):
            kind = "university" if owner == "institute" else "enterprise"
            organisation = enterprise(session, seed, kind=kind, name=f"{owner}单位")
            world.organisations[owner] = organisation.id
            project = FundedProject(
                organisation_id=organisation.id,
                number=f"LY-{seed}",
                title="测试项目",
                funding_level="municipal",
                funds=50_000_000,
                accepted_on=dt.date(2020, 6, 1),
            )
            session.add(project)
            session.flush()
            the_filing = filing(session, organisation, fiscal_year=2023)
            asset = ip_asset(session, organisation, seed, project_id=project.id)
            transfer = _transfer(organisation.id, seed)
            session.add(transfer)
            award = Award(
                organisation_id=organisation.id,
                name="洛阳市科学技术进步奖",
                level="municipal",
                year=2022,
            )
            standard = StandardLed(
                organisation_id=organisation.id,
                level="group",
                code=f"T/LY {seed}-2022",
                title="测试标准",
                published_on=dt.date(2022, 5, 1),
            )
            session.add_all([award, standard])
            session.flush()
            determination = decide_filing(
                session,
                scope=BUREAU,
                filing_id=the_filing.id,
                actor="test",
                day=dt.date(2024, 6, 30),
            )
            application = Application(
                organisation_id=organisation.id,
                filing_id=the_filing.id,
                programme="研发投入后补助",
                reviewer_id=reviewer_id if owner == "mine" else None,
            )
            notice = Notice(
                kind="unused_ip_may_be_implemented",
                organisation_id=organisation.id,
                ip_asset_id=asset.id,
                issued_on=dt.date(2024, 6, 30),
                body=f"{asset.registration_no}: notice",
            )
            session.add_all([application, notice])
            records = {
                "filings": the_filing.id,
                "projects": project.id,
                "ip-assets": asset.id,
                "transfers": transfer.id,
                "awards": award.id,
                "standards": standard.id,
                "determinations": determination.id,
            }
            for path, register in REGISTERS.items():
                entry = RegistryEntry(
                    register=register,
                    organisation_id=organisation.id,
                    name=f"{owner} {register}",
                    level="municipal",
                    valid_from=dt.date(2020, 1, 1),
                )
                session.add(entry)
                session.flush()
                records[f"registries/{path}"] = entry.id
            session.flush()
            records["applications"] = application.id
            records["notices"] = notice.id
            world.records[owner] = records
    assert BUREAU.bureau
    return world
