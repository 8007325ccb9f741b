"""Deciding every record of a kind, and replaying every determination, a batch at a time."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update

from innoreg.records.db import Database
from innoreg.records.models import AnnualFiling, Determination, IPAsset
from innoreg.records.replay import replay_all
from innoreg.records.repositories import BUREAU, Scope
from innoreg.records.workflows.bulk import decide_all
from innoreg.records.workflows.ip import overdue_assets

from .factories import enterprise, filing, ip_asset, luoyang_in_force

DAY = dt.date(2024, 6, 30)


def test_every_record_of_a_kind_is_decided_in_batches(database: Database) -> None:
    with database.write(actor="test") as session:
        luoyang_in_force(session)
        mine, theirs = enterprise(session, seed=1), enterprise(session, seed=2)
        for year in (2021, 2022, 2023):
            filing(session, mine, fiscal_year=year)
        filing(session, theirs)
        ip_asset(session, mine, 1)
        ip_asset(session, mine, 2, fiscally_funded=False)
    run = decide_all(
        database, kind="filings", scope=Scope.organisations(mine.id), actor="t", day=DAY, batch=2
    )
    assert run.total == 3 and list(run.batches) == [2, 1]
    assets = decide_all(database, kind="ip-assets", scope=BUREAU, actor="t", day=DAY)
    assert assets.total == 2 and sum(assets.batches) == 2
    with database.read() as session:
        decided = {
            (f.organisation_id, f.fiscal_year): f.determination_id
            for f in session.scalars(select(AnnualFiling))
        }
        deadlines = {
            a.registration_no: a.implementation_deadline for a in session.scalars(select(IPAsset))
        }
        assert session.scalar(select(Determination.actor).limit(1)) == "t"
    assert [k for k, v in decided.items() if v is not None] == [
        (mine.id, 2021),
        (mine.id, 2022),
        (mine.id, 2023),
    ]
    assert deadlines == {
        "ZL202100000001": dt.date(2024, 3, 1),
        "ZL202100000002": dt.date(2024, 3, 1),
    }
    with database.read() as session:
        overdue = overdue_assets(session, scope=BUREAU, as_of=DAY)
    assert [item.registration_no for item in overdue] == ["ZL202100000001"]  # the funded one
    rest = decide_all(database, kind="filings", scope=BUREAU, actor="t", undecided_only=True)
    assert rest.total == 1 and list(rest.batches) == [1]  # only the other organisation's


def test_replay_of_everything_in_worker_processes_names_what_differs(database: Database) -> None:
    with database.write(actor="test") as session:
        owner = enterprise(session)
        for year in range(2019, 2024):
            filing(session, owner, fiscal_year=year)
    sum(decide_all(database, kind="filings", scope=BUREAU, actor="t", day=DAY).batches)
    with database.read() as session:
        ids = list(session.scalars(select(Determination.id).order_by(Determination.id)))
        tampered = session.get(Determination, ids[3])
        assert tampered is not None
        result = tampered.result
    subject = next(iter(result["results"]))
    result["results"][subject]["support_eligible"] = False
    with database.engine.begin() as connection:
        connection.execute(
            update(Determination).where(Determination.id == ids[3]).values(result=result)
        )
    url = database.url.render_as_string(hide_password=False)
    run = replay_all(url, workers=2, chunk=2)
    replayed = list(run.chunks)
    assert (run.total, run.workers) == (5, 2) and [c.replayed for c in replayed] == [2, 2, 1]
    (differing,) = [outcome for c in replayed for outcome in c.differing]
    assert differing.determination_id == ids[3]
    assert differing.differences == [
        f"result.results.{subject}.support_eligible: stored False, now True"
    ]
