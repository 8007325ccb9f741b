"""The dashboard's figures, computed in SQL on both databases, equal the same figures counted
in Python from the records and their determinations' documents; a tenant sees only its own;
the latest determination counts; the day decides overdue IP, transfers and application states."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from innoreg.records.db import Database
from innoreg.records.determinations import subject_result
from innoreg.records.models import (
    AnnualFiling,
    Application,
    ApplicationTransition,
    Determination,
    Organisation,
    Transfer,
)
from innoreg.records.reports import GROUPS, Breakdown, dashboard
from innoreg.records.repositories import BUREAU, Scope
from innoreg.records.workflows.filings import decide_filing
from innoreg.records.workflows.ip import issue_notices, overdue_assets

YEAR = 2023
DAY = dt.date(2024, 6, 30)
Key = tuple[str | None, str | None, str | None]


@pytest.fixture
def city(decided_city: Database) -> Database:
    return decided_city


def fen(text: str | None) -> int:
    return int(Decimal(text) * 100) if text is not None else 0


def keys(session: Session, organisation_id: int) -> Key:
    organisation = session.get(Organisation, organisation_id)
    assert organisation is not None
    size = session.scalar(
        select(AnnualFiling.size_class).where(
            AnnualFiling.organisation_id == organisation_id, AnnualFiling.fiscal_year == YEAR
        )
    )
    section = organisation.industry[0] if organisation.industry else None
    return (organisation.district, section, size)


def rolled(cells: list[tuple[Key, list[int]]], position: int | None) -> dict[Any, list[int]]:
    sums: dict[Any, list[int]] = {}
    for key, values in cells:
        name = None if position is None else key[position]
        into = sums.setdefault(name, [0] * len(values))
        for index, value in enumerate(values):
            into[index] += value
    return sums


def assert_breakdown(
    found: Breakdown[Any], cells: list[tuple[Key, list[int]]], fields: tuple[str, ...]
) -> None:
    """Every grouping of ``found`` (and its total) equals ``cells`` rolled up in Python."""
    expected_total = rolled(cells, None).get(None, [0] * len(fields))
    assert [getattr(found.total, f) for f in fields] == expected_total
    for position, group in enumerate(GROUPS):
        shown = {r.group: [getattr(r, f) for f in fields] for r in found.by(group)}
        assert shown == rolled(cells, position), group


def test_filing_figures_equal_the_determinations_counted_one_by_one(city: Database) -> None:
    with city.read() as session:
        found = dashboard(session, scope=BUREAU, fiscal_year=YEAR, as_of=DAY).filings
        cells = []
        filings = session.scalars(select(AnnualFiling).where(AnnualFiling.fiscal_year == YEAR))
        for filing in filings:
            determination = session.get(Determination, filing.determination_id)
            assert determination is not None
            values = subject_result(determination, f"filing-{filing.id}")
            eligible = values["support_eligible"]
            cells.append(
                (
                    keys(session, filing.organisation_id),
                    [
                        1,
                        int(eligible is True),
                        int(eligible is False),
                        int(eligible is None),
                        fen(values["rd_shortfall"]),
                        fen(values["rd_super_deduction"]),
                    ],
                )
            )
    fields = ("filings", "eligible", "not_eligible", "undecided")
    assert_breakdown(found, cells, (*fields, "rd_shortfall", "rd_super_deduction"))
    assert found.total.filings == 100
    assert 0 < found.total.eligible < 100  # both kinds are there to count
    assert found.total.rd_shortfall % 100 != 0 or found.total.rd_super_deduction % 100 != 0
    assert len(found.district) > 5 and len(found.size_class) >= 2


def test_transfer_figures_read_reward_plans_and_the_minimum_owed(city: Database) -> None:
    with city.read() as session:
        found = dashboard(session, scope=BUREAU, fiscal_year=YEAR, as_of=DAY).transfers
        cells = []
        transfers = session.scalars(
            select(Transfer).where(
                Transfer.concluded_on >= dt.date(YEAR, 1, 1),
                Transfer.concluded_on <= dt.date(YEAR, 12, 31),
            )
        )
        for transfer in transfers:
            determination = session.get(Determination, transfer.determination_id)
            assert determination is not None
            values = subject_result(determination, f"transfer-{transfer.id}")
            cells.append(
                (
                    keys(session, transfer.holder_id),
                    [
                        1,
                        int(transfer.state == "final"),
                        transfer.net_income,
                        sum(r.cash for r in transfer.rewards),
                        fen(values["transfer_reward_minimum"]),
                        int(values["transfer_reward_compliant"] is False),
                        0,
                    ],
                )
            )
    fields = ("transfers", "final", "net_income", "rewards_given", "minimum_owed")
    assert_breakdown(found, cells, (*fields, "non_compliant", "undecided"))
    assert found.total.transfers > 0 and found.total.minimum_owed > 0


def test_a_transfer_concluded_after_the_day_is_not_counted_yet(city: Database) -> None:
    with city.read() as session:
        dates = sorted(
            session.scalars(
                select(Transfer.concluded_on).where(
                    Transfer.concluded_on.between(dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31))
                )
            )
        )
        middle = dates[len(dates) // 2]
        early = dashboard(session, scope=BUREAU, fiscal_year=YEAR, as_of=middle).transfers
    assert early.total.transfers == sum(1 for d in dates if d <= middle) < len(dates)


def test_overdue_ip_is_the_overdue_list_grouped_and_notices_are_counted(city: Database) -> None:
    day = dt.date(2025, 6, 30)
    with city.read() as session:
        listed = overdue_assets(session, scope=BUREAU, as_of=day)
        found = dashboard(session, scope=BUREAU, fiscal_year=YEAR, as_of=day).overdue_ip
        cells = [
            (keys(session, a.organisation_id), [1, int(a.notice_id is not None)]) for a in listed
        ]
    assert_breakdown(found, cells, ("assets", "noticed"))
    assert found.total.noticed < found.total.assets  # the demo noticed those due in 2024 only
    with city.write(actor="test") as session:
        issue_notices(session, scope=BUREAU, as_of=day, actor="test")
    with city.read() as session:
        after = dashboard(session, scope=BUREAU, fiscal_year=YEAR, as_of=day).overdue_ip
    assert after.total.noticed == after.total.assets == len(listed)


def test_applications_are_counted_in_the_state_they_were_in_on_the_day(city: Database) -> None:
    with city.read() as session:
        now = dashboard(session, scope=BUREAU, fiscal_year=YEAR, as_of=dt.date(2100, 1, 1))
        before = dashboard(session, scope=BUREAU, fiscal_year=YEAR, as_of=dt.date(2000, 1, 1))
        states = list(session.scalars(select(Application.state)))
    total = now.applications.total
    assert {s: getattr(total, s) for s in set(states)} == {s: states.count(s) for s in states}
    assert total.applications == len(states) == before.applications.total.draft
    assert before.applications.total.approved == 0 < total.approved


def test_the_last_move_before_the_end_of_the_bureaus_day_decides(city: Database) -> None:
    with city.write(actor="test") as session:
        move = session.scalars(
            select(ApplicationTransition).where(ApplicationTransition.to_state == "submitted")
        ).first()
        assert move is not None
        application = session.get(Application, move.application_id)
        assert application is not None and application.state == "submitted"
        beijing = dt.timezone(dt.timedelta(hours=8))
        move.at = dt.datetime(2030, 3, 1, 23, 30, tzinfo=beijing)  # 15:30 UTC
    with city.read() as session:
        shown = {
            day: dashboard(
                session,
                scope=Scope.organisations(application.organisation_id),
                fiscal_year=YEAR,
                as_of=day,
            ).applications.total
            for day in (dt.date(2030, 2, 28), dt.date(2030, 3, 1))
        }
    assert shown[dt.date(2030, 2, 28)].submitted == 0
    assert shown[dt.date(2030, 3, 1)].submitted >= 1


def test_a_tenant_sees_only_its_own_figures(city: Database) -> None:
    with city.read() as session:
        filing = session.scalars(
            select(AnnualFiling).where(AnnualFiling.fiscal_year == YEAR).order_by(AnnualFiling.id)
        ).first()
        assert filing is not None
        mine = Scope.organisations(filing.organisation_id)
        own = dashboard(session, scope=mine, fiscal_year=YEAR, as_of=DAY)
        everyone = dashboard(session, scope=BUREAU, fiscal_year=YEAR, as_of=DAY)
        nobody = dashboard(session, scope=Scope.organisations(10**9), fiscal_year=YEAR, as_of=DAY)
        determination = session.get(Determination, filing.determination_id)
        assert determination is not None
        values = subject_result(determination, f"filing-{filing.id}")
    assert own.filings.total.filings == 1 < everyone.filings.total.filings
    assert own.filings.total.rd_super_deduction == fen(values["rd_super_deduction"])
    assert [r.group for r in own.filings.district] == [keys_district(city, filing.organisation_id)]
    for figure in ("filings", "transfers", "overdue_ip", "applications"):
        breakdown: Breakdown[Any] = getattr(nobody, figure)
        assert breakdown.district == () and all(
            v == 0 for k, v in vars(breakdown.total).items() if k != "group"
        )


def keys_district(city: Database, organisation_id: int) -> str | None:
    with city.read() as session:
        organisation = session.get(Organisation, organisation_id)
        assert organisation is not None
        return organisation.district


def test_the_latest_determination_counts_and_an_undecided_filing_is_counted_as_such(
    city: Database,
) -> None:
    def totals() -> Any:
        with city.read() as session:
            return dashboard(session, scope=BUREAU, fiscal_year=YEAR, as_of=DAY).filings.total

    before = totals()
    with city.write(actor="test") as session:
        filing = session.scalars(
            select(AnnualFiling)
            .where(AnnualFiling.fiscal_year == YEAR, AnnualFiling.above_designated_size.is_(True))
            .order_by(AnnualFiling.id)
        ).first()
        assert filing is not None
        was = subject_result(
            session.get(Determination, filing.determination_id),  # type: ignore[arg-type]
            f"filing-{filing.id}",
        )
        filing.rd_expense = filing.sales_revenue  # 100 % R&D intensity: eligible now
        session.flush()
        decide_filing(session, scope=BUREAU, filing_id=filing.id, actor="test", day=DAY)
    after = totals()
    assert after.filings == before.filings
    assert after.eligible == before.eligible + (0 if was["support_eligible"] else 1)
    assert after.rd_shortfall == before.rd_shortfall - fen(was["rd_shortfall"])
    with city.write(actor="test") as session:
        organisation = session.scalars(select(Organisation).order_by(Organisation.id)).first()
        assert organisation is not None
        session.add(
            AnnualFiling(
                organisation_id=organisation.id,
                fiscal_year=YEAR,
                sales_revenue=1,
                rd_expense=0,
            )
        )
    late = totals()
    assert (late.filings, late.undecided) == (after.filings + 1, after.undecided + 1)


def test_a_breakdown_is_a_polars_frame_too(city: Database) -> None:
    with city.read() as session:
        figures = dashboard(session, scope=BUREAU, fiscal_year=YEAR, as_of=DAY)
    frame = figures.filings.frame("size_class")
    assert frame.columns[:2] == ["group", "filings"]
    assert frame["filings"].sum() == figures.filings.total.filings
    with pytest.raises(ValueError, match="grouped by one of district"):
        figures.filings.by("colour")  # type: ignore[arg-type]


def test_the_pages_example_runs_and_its_charts_are_committed(
    city: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import re

    root = Path(__file__).resolve().parents[2]
    page = (root / "docs" / "records.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```python\n(.*?)```", page, re.S)
    monkeypatch.setenv("INNOREG_DATABASE_URL", city.url.render_as_string(hide_password=False))
    exec(compile(block, "records.md", "exec"), {})
    assert re.match(r"FilingFigures\(group=None, filings=10\d, ", capsys.readouterr().out)
    for name in re.findall(r"\]\((records/[^)]+\.png)\)", page):
        assert (root / "docs" / name).stat().st_size > 10_000, name
