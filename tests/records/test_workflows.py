"""Workflows on the rules, and determinations that replay."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from innoreg.records.db import Database
from innoreg.records.errors import WorkflowError
from innoreg.records.models import Determination, IPAsset, RewardShare, Transfer
from innoreg.records.replay import replay
from innoreg.records.repositories import BUREAU
from innoreg.records.workflows.applications import create_application, move
from innoreg.records.workflows.filings import decide_filing
from innoreg.records.workflows.ip import decide_ip_asset, issue_notices, overdue_assets, reports_due
from innoreg.records.workflows.transfers import finalise_transfer

from .factories import enterprise, filing, ip_asset, luoyang_in_force

DAY = dt.date(2024, 6, 30)


def test_a_filing_produces_a_determination_that_replays(database: Database) -> None:
    with database.write(actor="cli:alice") as session:
        record = filing(session, enterprise(session), rd_expense=50_000_000)
        determination = decide_filing(
            session, scope=BUREAU, filing_id=record.id, actor="cli:alice", day=DAY
        )
    values = determination.result["results"][f"filing-{record.id}"]
    assert values["support_eligible"] is False and values["rd_shortfall"] == "300000.00"
    assert determination.case["enterprises"][0]["sales_revenue"] == "80000000.00"
    assert determination.explanation[f"filing-{record.id}"]["rd_shortfall"]["value"] == "300000.00"
    with database.read() as session:
        stored = session.get(Determination, determination.id)
        assert stored is not None and replay(stored).same


def test_an_application_moves_only_along_its_lifecycle(database: Database) -> None:
    with database.write(actor="test") as session:
        eligible = filing(session, enterprise(session, seed=1))
        short = filing(session, enterprise(session, seed=2), rd_expense=50_000_000)
        good = create_application(
            session, scope=BUREAU, filing_id=eligible.id, programme="p", actor="test"
        )
        bad = create_application(
            session, scope=BUREAU, filing_id=short.id, programme="p", actor="test"
        )
    with (
        pytest.raises(WorkflowError, match="it is 'draft', which can move to submitted") as raised,
        database.write(actor="test") as session,
    ):
        move(session, scope=BUREAU, application_id=good.id, to_state="approved", actor="test")
    assert raised.value.state == "draft"
    with (
        pytest.raises(WorkflowError, match=r"not eligible .* falls short by 300000\.00 yuan"),
        database.write(actor="test") as session,
    ):
        move(
            session,
            scope=BUREAU,
            application_id=bad.id,
            to_state="submitted",
            actor="test",
            day=DAY,
        )
    with database.write(actor="cli:applicant") as session:
        move(
            session,
            scope=BUREAU,
            application_id=good.id,
            to_state="submitted",
            actor="cli:applicant",
            day=DAY,
        )
    with pytest.raises(WorkflowError, match="needs a reason"), database.write(actor="r") as session:
        move(session, scope=BUREAU, application_id=good.id, to_state="returned", actor="r")
    with database.write(actor="cli:reviewer") as session:
        move(
            session,
            scope=BUREAU,
            application_id=good.id,
            to_state="returned",
            actor="cli:reviewer",
            reason="补充材料",
        )
        application = move(
            session,
            scope=BUREAU,
            application_id=good.id,
            to_state="submitted",
            actor="cli:applicant",
            day=DAY,
        )
        moves = [(t.from_state, t.to_state, t.actor, t.reason) for t in application.transitions]
        assert application.determination_id is not None
    assert moves == [
        ("draft", "submitted", "cli:applicant", ""),
        ("submitted", "returned", "cli:reviewer", "补充材料"),
        ("returned", "submitted", "cli:applicant", ""),
    ]


def test_a_transfer_is_final_only_with_a_lawful_reward(database: Database) -> None:
    with database.write(actor="test") as session:
        holder = enterprise(session, kind="university", state_established=True)
        low = Transfer(
            holder_id=holder.id,
            achievement="a",
            mode="license",
            concluded_on=DAY,
            fiscally_funded=True,
            has_reward_rules=True,
            net_income=200_000_000,
            rewards=[RewardShare(recipient_name="甲", cash=80_000_000)],
        )
        fair = Transfer(
            holder_id=holder.id,
            achievement="b",
            mode="license",
            concluded_on=DAY,
            fiscally_funded=True,
            has_reward_rules=True,
            net_income=200_000_000,
            rewards=[
                RewardShare(recipient_name="甲", cash=60_000_000),
                RewardShare(recipient_name="乙", cash=40_000_000),
            ],
        )
        session.add_all([low, fair])
    with (
        pytest.raises(WorkflowError, match=r"minimum is 1000000\.00 \(shortfall 200000\.00"),
        database.write(actor="t") as session,
    ):
        finalise_transfer(session, scope=BUREAU, transfer_id=low.id, actor="t")
    with database.write(actor="t") as session:
        assert (
            finalise_transfer(session, scope=BUREAU, transfer_id=fair.id, actor="t").state
            == "final"
        )
    with pytest.raises(WorkflowError, match="it is 'final'"), database.write(actor="t") as session:
        finalise_transfer(session, scope=BUREAU, transfer_id=fair.id, actor="t")


def test_overdue_assets_are_exactly_those_the_engine_lets_the_government_implement(
    database: Database,
) -> None:
    from innoreg.engine import evaluate_case
    from innoreg.records.workflows.ip import ip_case

    variants = [
        {},
        {"implemented_on": dt.date(2022, 5, 1)},
        {"implemented_on": dt.date(2024, 4, 1)},
        {"justifiable_reason": True},
        {"implementation_conditions_met": False},
        {"fiscally_funded": False},
        {"rights_obtained_on": dt.date(2021, 6, 29)},
        {"rights_obtained_on": dt.date(2020, 2, 29)},
    ]
    with database.write(actor="test") as session:
        luoyang_in_force(session)
        owner = enterprise(session)
        assets = [ip_asset(session, owner, n, **v) for n, v in enumerate(variants)]
        for asset in assets:
            decide_ip_asset(session, scope=BUREAU, asset_id=asset.id, actor="test", day=DAY)
    for as_of in (
        dt.date(2023, 3, 1),
        dt.date(2024, 3, 1),
        dt.date(2024, 3, 5),
        DAY,
        dt.date(2024, 7, 2),
    ):
        with database.read() as session:
            listed = {item.asset_id for item in overdue_assets(session, scope=BUREAU, as_of=as_of)}
            decided = set()
            for asset in session.scalars(select(IPAsset)):
                result = evaluate_case(ip_case(session, asset, as_of))["results"][f"ip-{asset.id}"]
                if result["government_may_implement"]:
                    decided.add(asset.id)
        assert listed == decided, as_of
    assert listed  # the comparison is not vacuous


def test_notices_are_issued_once_per_asset(database: Database) -> None:
    with database.write(actor="test") as session:
        luoyang_in_force(session)
        asset = ip_asset(session, enterprise(session), 1)
        decide_ip_asset(session, scope=BUREAU, asset_id=asset.id, actor="test", day=DAY)
    for expected in (1, 0):
        with database.write(actor="cli:bureau") as session:
            assert (
                len(issue_notices(session, scope=BUREAU, as_of=DAY, actor="cli:bureau")) == expected
            )
    with database.read() as session:
        (item,) = overdue_assets(session, scope=BUREAU, as_of=DAY)
        assert item.notice_id is not None


def test_annual_reports_fall_due_each_year(database: Database) -> None:
    with database.write(actor="test") as session:
        ip_asset(session, enterprise(session), 1, rights_obtained_on=dt.date(2022, 5, 1))
    with database.read() as session:
        due = reports_due(session, scope=BUREAU, as_of=dt.date(2024, 6, 30))
    assert [(d.year, d.due_on) for d in due] == [
        (2022, dt.date(2023, 3, 31)),
        (2023, dt.date(2024, 3, 31)),
    ]


def test_a_recorded_in_force_date_reaches_the_engine(database: Database) -> None:
    """The bureau's recorded in-force date is the case's assumption: the deadline is computed."""
    with database.write(actor="test") as session:
        luoyang_in_force(session)
        asset = ip_asset(session, enterprise(session), 1)
        determination = decide_ip_asset(
            session, scope=BUREAU, asset_id=asset.id, actor="test", day=DAY
        )
    assert determination.case["assumptions"] == {"cn-ha-luoyang.in_force": "2015-01-01"}
    assert determination.assumptions == {"cn-ha-luoyang.in_force": "2015-01-01"}
    assert determination.notes == []
    assert "cn-ha-luoyang.in_force=2015-01-01" in determination.result["assumed"]
    assert (
        determination.result["results"][f"ip-{asset.id}"]["implementation_deadline"] == "2024-03-01"
    )
