"""Load the synthetic city through the same repositories and workflows the bureau uses, in
one audited transaction; a second run finds it loaded and changes nothing."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from innoreg.records.db import Database
from innoreg.records.demo import city
from innoreg.records.demo.activity import applications, ip_assets, projects, registries, transfers
from innoreg.records.models import (
    ActFact,
    AnnualFiling,
    Certificate,
    FundedProject,
    IPAsset,
    Organisation,
    RegistryEntry,
    Transfer,
)
from innoreg.records.repositories import BUREAU
from innoreg.records.types import utcnow
from innoreg.records.workflows.ip import issue_notices

SEED = 20240630
DEMO_DAY = dt.date(2024, 6, 30)
DEMO_IN_FORCE = dt.date(2015, 1, 1)
DEMO_NOTE = (
    "DEMO ASSUMPTION, not a recorded fact: innoreg's sources do not record when the Luoyang "
    "regulations came into force (a draft was published for comment in July 2014); the demo "
    "assumes 2015-01-01 so that art. 14 deadlines can be shown."
)
ACTOR = "demo"


@dataclass
class DemoSummary:
    loaded: bool
    counts: dict[str, int] = field(default_factory=dict)


def load_demo(database: Database, *, enterprises: int = 3_000) -> DemoSummary:
    rng = random.Random(SEED)
    codes: set[str] = set()
    marker = city.credit_code(random.Random(SEED), "12", "410300", set())
    with database.write(actor=ACTOR) as session:
        if session.scalar(select(Organisation.id).where(Organisation.credit_code == marker)):
            return DemoSummary(False, _counts(session))
        if not session.scalar(select(func.count()).select_from(ActFact)):
            session.add(
                ActFact(
                    jurisdiction="cn-ha-luoyang",
                    fact="in_force",
                    value=DEMO_IN_FORCE,
                    recorded_by=ACTOR,
                    recorded_at=utcnow(),
                    source_note=DEMO_NOTE,
                )
            )
        codes.add(marker)
        institutions = _institutions(session, rng, codes, marker)
        firms = _enterprises(session, rng, codes, enterprises)
        session.flush()
        funded = projects(session, rng, [*institutions, *firms[: max(40, len(firms) // 2)]])
        registries(session, rng, institutions, firms)
        ip_assets(session, rng, [*institutions, *firms], funded, DEMO_DAY)
        transfers(session, rng, institutions, DEMO_DAY)
        applications(session, rng, DEMO_DAY)
        issue_notices(session, scope=BUREAU, as_of=DEMO_DAY, actor=ACTOR)
        summary = DemoSummary(True, _counts(session))
    database.analyze()  # thousands of new rows: plan the first queries on them with statistics
    return summary


def _counts(session: Session) -> dict[str, int]:
    tables = {
        "organisations": Organisation,
        "filings": AnnualFiling,
        "ip_assets": IPAsset,
        "transfers": Transfer,
        "registry_entries": RegistryEntry,
        "projects": FundedProject,
    }
    return {
        name: int(session.scalar(select(func.count()).select_from(model)) or 0)
        for name, model in tables.items()
    }


def _institutions(
    session: Session, rng: random.Random, codes: set[str], marker: str
) -> list[Organisation]:
    made = []
    names = [(n, "university") for n in city.UNIVERSITIES]
    names += [(n, "research_institute") for n in city.INSTITUTES]
    names += [(f"洛阳{n}", "intermediary_agency") for n in city.AGENCIES]
    names += [
        (f"洛阳{d}科技企业孵化器管理有限公司", "incubator_operator")
        for d in ("涧西", "洛龙", "高新", "伊滨")
    ]
    for index, (name, kind) in enumerate(names):
        public = kind in ("university", "research_institute")
        code = (
            marker
            if index == 0
            else city.credit_code(rng, "12" if public else "91", "410300", codes)
        )
        made.append(
            Organisation(
                kind=kind,
                name=name,
                credit_code=code,
                district=rng.choice(("涧西区", "洛龙区", "西工区")),
                industry="P" if kind == "university" else "M",
                state_owned=public,
                state_established=public,
            )
        )
    session.add_all(made)
    return made


def _enterprises(
    session: Session, rng: random.Random, codes: set[str], count: int
) -> list[Organisation]:
    names: set[str] = set()
    districts = list(city.DISTRICTS)
    industries = list(city.INDUSTRIES)
    firms = []
    for _ in range(count):
        district = rng.choices(districts, weights=[w for _, w in city.DISTRICTS.values()])[0]
        industry = rng.choices(industries, weights=[w for w, _ in city.INDUSTRIES.values()])[0]
        firm = Organisation(
            kind="enterprise",
            name=city.enterprise_name(rng, city.INDUSTRIES[industry][1], names),
            credit_code=city.credit_code(rng, "91", city.DISTRICTS[district][0], codes),
            district=district,
            industry=industry,
            state_owned=rng.random() < 0.08,
        )
        revenue = int(rng.lognormvariate(17.2, 1.3)) * 100  # fen; median ~30 M yuan
        for year in (2022, 2023):
            intensity = max(0.0, rng.gauss(0.012 if industry.startswith("C") else 0.006, 0.008))
            rd = int(revenue * intensity)
            firm_filing = AnnualFiling(
                fiscal_year=year,
                sales_revenue=revenue,
                rd_expense=rd,
                rd_expense_q4=rd * rng.randint(20, 35) // 100 if year == 2022 else None,
                special_rd_account=rng.random() < 0.4,
                above_designated_size=revenue >= 2_000_000_000 and rng.random() < 0.9,
                size_class="large"
                if revenue > 40_000_000_000
                else "medium"
                if revenue > 2_000_000_000
                else "small",
            )
            firm_filing.organisation = firm
            session.add(firm_filing)
            revenue = int(revenue * rng.uniform(0.9, 1.25))
        if rng.random() < 0.12:
            start = dt.date(rng.randint(2020, 2023), rng.randint(1, 12), 1)
            firm.certificates.append(
                Certificate(
                    kind="high_tech",
                    valid_from=start,
                    valid_until=start.replace(year=start.year + 3) - dt.timedelta(days=1),
                    number=f"GR{start.year}41{rng.randint(0, 999999):06d}",
                )
            )
        if rng.random() < 0.2:
            firm.certificates.append(
                Certificate(
                    kind="technology_based_sme",
                    valid_from=dt.date(2024, 1, 1),
                    valid_until=dt.date(2024, 12, 31),
                )
            )
        firms.append(firm)
    session.add_all(firms)
    return firms
