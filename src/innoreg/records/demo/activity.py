"""What the synthetic organisations did: projects, registry entries, standards, awards, IP
assets, transfers and applications — written through the bureau's workflows."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from innoreg.records.demo import city
from innoreg.records.errors import WorkflowError
from innoreg.records.models import (
    AnnualFiling,
    Award,
    FundedProject,
    IPAsset,
    Organisation,
    RegistryEntry,
    RewardShare,
    StandardLed,
    Transfer,
)
from innoreg.records.repositories import BUREAU
from innoreg.records.workflows.applications import create_application, move
from innoreg.records.workflows.ip import decide_ip_asset
from innoreg.records.workflows.transfers import finalise_transfer

ACTOR = "demo"
LEVELS = ("national", "provincial", "municipal")


def _day(rng: random.Random, first: int, last: int) -> dt.date:
    return dt.date(rng.randint(first, last), rng.randint(1, 12), rng.randint(1, 28))


def _some(rng: random.Random, items: list[Organisation], count: int) -> list[Organisation]:
    return rng.sample(items, min(count, len(items)))


def projects(
    session: Session, rng: random.Random, owners: list[Organisation]
) -> list[FundedProject]:
    made = []
    for index in range(max(20, len(owners) // 4)):
        owner = owners[index % len(owners)]
        started = _day(rng, 2013, 2022)
        made.append(
            FundedProject(
                organisation_id=owner.id,
                number=f"LYKJ-{started.year}-{index + 1:04d}",
                title=f"{owner.name[2:10]}关键技术研究",
                funding_level=rng.choices(
                    ("national", "provincial", "municipal", "county"), weights=(2, 3, 5, 1)
                )[0],
                funds=rng.randint(50, 5_000) * 1_000_000,
                started_on=started,
                accepted_on=started.replace(year=started.year + 2) if rng.random() < 0.8 else None,
            )
        )
    session.add_all(made)
    session.flush()
    return made


def registries(
    session: Session,
    rng: random.Random,
    institutions: list[Organisation],
    firms: list[Organisation],
) -> None:
    def entry(
        register: str, owner: Organisation, name: str, category: str | None = None
    ) -> RegistryEntry:
        start = _day(rng, 2015, 2023)
        until = start.replace(year=start.year + 3) if register.endswith("enterprise") else None
        level = rng.choices(LEVELS, weights=(1, 3, 6))[0]
        return RegistryEntry(
            register=register,
            organisation_id=owner.id,
            name=name,
            level=level,
            category=category,
            valid_from=start,
            valid_until=until,
        )

    entries = [entry("rd_institution", o, o.name) for o in institutions if o.state_established]
    entries += [
        entry("rd_platform", o, f"{o.name[2:8]}工程技术研究中心") for o in _some(rng, firms, 40)
    ]
    for owner in institutions:
        if owner.kind == "intermediary_agency":
            entries.append(
                entry("intermediary_agency", owner, owner.name, city.AGENCIES[owner.name[2:]])
            )
        elif owner.kind == "incubator_operator":
            entries.append(entry("incubator", owner, owner.name.replace("管理有限公司", "")))
    operator = next(o for o in institutions if o.kind == "incubator_operator")
    entries += [entry("park", operator, name) for name in city.PARKS]
    entries.append(entry("pioneer_park", operator, "洛阳留学人员创业园"))
    entries += [entry("innovative_enterprise", o, o.name) for o in _some(rng, firms, 60)]
    entries += [entry("demonstration_enterprise", o, o.name) for o in _some(rng, firms, 15)]
    session.add_all(entries)
    for number, owner in enumerate(_some(rng, firms, 50), start=1):
        level = rng.choices(
            ("international", "national", "industry", "group"), weights=(1, 4, 6, 4)
        )[0]
        session.add(
            StandardLed(
                organisation_id=owner.id,
                level=level,
                code=f"DEMO/T {number:04d}-{rng.randint(2015, 2024)}",
                title=f"{owner.name[2:8]}产品技术条件",
                published_on=_day(rng, 2015, 2024),
            )
        )
    for owner in _some(rng, [*institutions, *firms], 40):
        session.add(
            Award(
                organisation_id=owner.id,
                name="洛阳市科学技术进步奖",
                level="municipal",
                grade=rng.choice(("一等奖", "二等奖", "三等奖")),
                year=rng.randint(2016, 2023),
            )
        )


def _word(owner: Organisation) -> str:
    return city.INDUSTRIES.get(owner.industry or "", (0, "技术"))[1]


def ip_assets(
    session: Session,
    rng: random.Random,
    owners: list[Organisation],
    funded: list[FundedProject],
    day: dt.date,
) -> None:
    by_owner: dict[int, list[FundedProject]] = {}
    for funded_project in funded:
        by_owner.setdefault(funded_project.organisation_id, []).append(funded_project)
    assets = []
    for index in range(max(100, len(owners) * 4 // 3)):
        owner = owners[index % 12] if index % 3 == 0 else rng.choice(owners)
        project = (
            rng.choice(by_owner[owner.id]) if owner.id in by_owner and rng.random() < 0.7 else None
        )
        obtained = _day(rng, 2015, 2024)
        if obtained > day:
            obtained = day
        implemented = (
            obtained + dt.timedelta(days=rng.randint(30, 1_600)) if rng.random() < 0.55 else None
        )
        kind = rng.choices(
            ("patent", "software_copyright", "ic_layout_design", "plant_variety"),
            weights=(80, 15, 2, 3),
        )[0]
        assets.append(
            IPAsset(
                organisation_id=owner.id,
                project_id=project.id if project else None,
                kind=kind,
                registration_no=f"DEMO{obtained.year}{index + 1:06d}",
                title=f"一种{_word(owner)}装置及方法（{index + 1}）",
                fiscally_funded=project is not None and project.funding_level != "none",
                rights_obtained_on=obtained,
                implemented_on=implemented if implemented is None or implemented <= day else None,
                implementation_conditions_met=rng.random() < 0.85,
                justifiable_reason=rng.random() < 0.05,
            )
        )
    session.add_all(assets)
    session.flush()
    for asset in assets:
        if asset.fiscally_funded:
            decide_ip_asset(session, scope=BUREAU, asset_id=asset.id, actor=ACTOR, day=day)


def transfers(
    session: Session, rng: random.Random, institutions: list[Organisation], day: dt.date
) -> None:
    holders = [o for o in institutions if o.state_established]
    for index in range(60):
        holder = holders[index % len(holders)]
        mode = rng.choice(("transfer", "license", "equity_investment"))
        income = rng.randint(10, 3_000) * 10_000_00
        share = rng.choice((0.3, 0.5, 0.5, 0.6, 0.7))
        transfer = Transfer(
            holder_id=holder.id,
            achievement=f"{holder.name}成果转化项目（{index + 1}）",
            counterparty=f"洛阳某企业{index + 1}",
            mode=mode,
            concluded_on=_day(rng, 2020, 2024) if index % 5 else day,
            fiscally_funded=rng.random() < 0.7,
            has_reward_rules=rng.random() < 0.6,
            net_income=0 if mode == "equity_investment" else income,
            equity_total=Decimal(1_000_000) if mode == "equity_investment" else None,
            equity_unit="shares" if mode == "equity_investment" else None,
        )
        cash = int(income * share) if mode != "equity_investment" else 0
        equity = Decimal(int(1_000_000 * share)) if mode == "equity_investment" else Decimal(0)
        team = rng.randint(1, 4)
        for member in range(team):
            transfer.rewards.append(
                RewardShare(
                    recipient_name=f"研究人员{index + 1}-{member + 1}",
                    role="completer" if member == 0 else "contributor",
                    cash=cash // team + (cash % team if member == 0 else 0),
                    equity=equity // team + (equity % team if member == 0 else 0),
                )
            )
        session.add(transfer)
        session.flush()
        if index % 3:
            try:
                with session.begin_nested():
                    finalise_transfer(session, scope=BUREAU, transfer_id=transfer.id, actor=ACTOR)
            except WorkflowError:
                pass  # a plan below the minimum stays a draft, as it would at the bureau


def applications(session: Session, rng: random.Random, day: dt.date) -> None:
    filings = list(
        session.scalars(
            select(AnnualFiling).where(AnnualFiling.fiscal_year == 2023).order_by(AnnualFiling.id)
        )
    )
    paths = {
        "draft": (),
        "submitted": ("submitted",),
        "returned": ("submitted", "returned"),
        "under_review": ("submitted", "under_review"),
        "approved": ("submitted", "under_review", "approved"),
        "rejected": ("submitted", "under_review", "rejected"),
    }
    reasons = {"returned": "请补充研发费用专账明细", "rejected": "项目内容与支持方向不符"}
    eligible = [
        f for f in filings if f.above_designated_size and f.rd_expense * 100 >= f.sales_revenue
    ]
    for index in range(150):
        state = list(paths)[index % len(paths)]
        filing = rng.choice(eligible if state != "draft" else filings)
        application = create_application(
            session,
            scope=BUREAU,
            filing_id=filing.id,
            programme="2024年度洛阳市科技计划项目",
            actor=ACTOR,
        )
        for step in paths[state]:
            move(
                session,
                scope=BUREAU,
                application_id=application.id,
                to_state=step,
                actor="bureau:reviewer" if step != "submitted" else ACTOR,
                reason=reasons.get(step, ""),
                day=day,
            )
