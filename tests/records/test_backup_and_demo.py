"""Backups restore to a database whose chain verifies; the demo city loads once."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from innoreg.records.audit_verify import verify_chain
from innoreg.records.backup import backup, restore
from innoreg.records.db import Database
from innoreg.records.demo import load_demo
from innoreg.records.errors import RecordsError
from innoreg.records.models import Application, Organisation

from .factories import enterprise


def organisations(database: Database) -> int:
    with database.read() as session:
        return int(session.scalar(select(func.count()).select_from(Organisation)) or 0)


def planned_with_statistics(database: Database, table: str) -> bool:
    """Whether the query planner has statistics for ``table`` (gathered by ANALYZE)."""
    with database.engine.connect() as connection:
        if database.dialect == "postgresql":
            connection.exec_driver_sql("SELECT pg_stat_clear_snapshot()")
            query = "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = %s"
            return bool(connection.exec_driver_sql(query, (table,)).scalar())
        names = connection.exec_driver_sql("SELECT name FROM sqlite_master").scalars().all()
        if "sqlite_stat1" not in names:
            return False
        query = "SELECT count(*) FROM sqlite_stat1 WHERE tbl = ?"
        return bool(connection.exec_driver_sql(query, (table,)).scalar())


def test_a_backup_restores_what_was_there(database: Database, tmp_path: Path) -> None:
    with database.write(actor="test") as session:
        enterprise(session, seed=1)
    backup(database, tmp_path / "records.backup")
    with database.write(actor="test") as session:
        enterprise(session, seed=2)
    with pytest.raises(RecordsError, match="--force"):
        restore(database, tmp_path / "records.backup", force=False)
    restore(database, tmp_path / "records.backup", force=True)
    assert organisations(database) == 1
    assert planned_with_statistics(database, "organisations")
    with database.read() as session:
        assert verify_chain(session).intact


def test_the_demo_city_loads_once_with_every_application_state(database: Database) -> None:
    assert not planned_with_statistics(database, "filings")
    first = load_demo(database, enterprises=40)
    again = load_demo(database, enterprises=40)
    assert first.loaded and not again.loaded and first.counts == again.counts
    assert planned_with_statistics(database, "filings")  # analysed after the bulk load
    with database.read() as session:
        states = set(session.scalars(select(Application.state)))
        districts = set(session.scalars(select(Organisation.district)))
    assert states == {"draft", "submitted", "returned", "under_review", "approved", "rejected"}
    assert "涧西区" in districts and len(districts) > 5


def test_the_demo_leaves_assets_the_government_may_implement(database: Database) -> None:
    """Under its labelled assumed in-force date, the demo's funded assets have deadlines."""
    import datetime as dt

    from innoreg.records.models import ActFact, IPAsset
    from innoreg.records.repositories import BUREAU
    from innoreg.records.workflows.ip import overdue_assets

    load_demo(database, enterprises=10)
    with database.read() as session:
        (fact,) = session.scalars(select(ActFact))
        funded = session.scalars(select(IPAsset).where(IPAsset.fiscally_funded.is_(True))).all()
        overdue = overdue_assets(session, scope=BUREAU, as_of=dt.date(2025, 6, 30))
    assert fact.source_note.startswith("DEMO ASSUMPTION, not a recorded fact")
    assert funded and all(a.implementation_deadline is not None for a in funded)
    assert overdue and all(item.deadline < dt.date(2025, 6, 30) for item in overdue)
