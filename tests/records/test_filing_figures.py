"""A decided filing carries its determination's three dashboard figures in typed columns, and
the migration that added them fills them from determinations already stored."""

from __future__ import annotations

import datetime as dt

from innoreg.records import schema
from innoreg.records.db import Database
from innoreg.records.models import AnnualFiling, Determination
from innoreg.records.repositories import BUREAU
from innoreg.records.workflows.filings import decide_filing
from innoreg.rules.money import parse_money

from .factories import enterprise, filing

DAY = dt.date(2024, 6, 30)


def _figures(database: Database, ident: int) -> tuple[object, ...]:
    with database.read() as session:
        record = session.get(AnnualFiling, ident)
        assert record is not None
        return (record.support_eligible, record.rd_shortfall, record.rd_super_deduction)


def _expected(database: Database, ident: int) -> tuple[object, ...]:
    with database.read() as session:
        record = session.get(AnnualFiling, ident)
        assert record is not None
        determination = session.get(Determination, record.determination_id)
        assert determination is not None
        values = determination.result["results"][f"filing-{ident}"]
    return (
        values["support_eligible"],
        parse_money(values["rd_shortfall"]),
        parse_money(values["rd_super_deduction"]),
    )


def test_deciding_a_filing_copies_its_figures_and_the_migration_refills_them(
    database: Database,
) -> None:
    with database.write(actor="test") as session:
        ident = filing(session, enterprise(session)).id
    assert _figures(database, ident) == (None, None, None)  # undecided
    with database.write(actor="test") as session:
        decide_filing(session, scope=BUREAU, filing_id=ident, actor="test", day=DAY)
    decided = _figures(database, ident)
    assert decided == _expected(database, ident)
    assert decided[0] is True and isinstance(decided[2], int) and decided[2] > 0

    schema.downgrade(database.engine, "0002")
    schema.upgrade(database.engine, "0003")
    assert _figures(database, ident) == decided
