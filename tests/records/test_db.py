"""The database's discipline: UTC times on both databases, SQLite's pragmas, writes whole or
not at all, refused values named by field, optimistic versions naming the record."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select, text

from innoreg.records.db import Database, database_url
from innoreg.records.errors import ConflictError, ConstraintError
from innoreg.records.models import ActFact, AnnualFiling, AuditEntry, Organisation
from innoreg.records.repositories import BUREAU
from innoreg.records.repositories.organisations import update_organisation

from .factories import enterprise, filing


def test_times_come_back_in_utc_on_both_databases(database: Database) -> None:
    beijing = dt.timezone(dt.timedelta(hours=8))
    written = dt.datetime(2024, 6, 30, 9, 30, 15, 123456, tzinfo=beijing)
    with database.write(actor="test") as session:
        session.add(
            ActFact(
                jurisdiction="cn-ha-luoyang",
                fact="in_force",
                value=dt.date(2015, 1, 1),
                recorded_by="test",
                recorded_at=written,
                source_note="test",
            )
        )
    with database.read() as session:
        read = session.scalars(select(ActFact.recorded_at)).one()
    assert read == written and read.tzinfo == dt.UTC and read.hour == 1


def test_naive_times_are_refused(database: Database) -> None:
    with pytest.raises(Exception, match="aware"), database.write(actor="test") as session:
        session.add(
            ActFact(
                jurisdiction="cn-ha-luoyang",
                fact="in_force",
                value=dt.date(2015, 1, 1),
                recorded_by="t",
                recorded_at=dt.datetime(2024, 1, 1),
                source_note="t",
            )
        )


def test_sqlite_runs_in_wal_with_foreign_keys(tmp_path: object) -> None:
    database = Database(f"sqlite:///{tmp_path}/x.sqlite3")
    with database.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 30_000
    database.dispose()


def test_the_default_is_a_file_in_the_user_data_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    monkeypatch.delenv("INNOREG_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert database_url() == f"sqlite:///{tmp_path}/innoreg/records.sqlite3"
    monkeypatch.setenv("INNOREG_DATABASE_URL", "postgresql://u@h/db")
    assert database_url() == "postgresql+psycopg://u@h/db"


def test_a_duplicate_credit_code_names_the_field_and_leaves_nothing(database: Database) -> None:
    with database.write(actor="test") as session:
        enterprise(session, seed=1)
    with pytest.raises(ConstraintError) as raised, database.write(actor="test") as session:
        enterprise(session, seed=2)  # written first, then rolled back with the refused one
        enterprise(session, seed=1, name="重复")
    assert raised.value.field == "organisations.credit_code"
    with database.read() as session:
        assert session.scalar(select(func.count()).select_from(Organisation)) == 1
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == 1


def test_a_negative_amount_names_the_field(database: Database) -> None:
    with pytest.raises(ConstraintError) as raised, database.write(actor="test") as session:
        filing(session, enterprise(session), sales_revenue=-1)
    assert raised.value.field == "filings.sales_revenue"


def test_an_edit_on_a_stale_version_names_the_record(database: Database) -> None:
    with database.write(actor="test") as session:
        organisation = enterprise(session)
    assert organisation.version == 1
    with database.write(actor="alice") as session:
        update_organisation(
            session,
            scope=BUREAU,
            organisation_id=organisation.id,
            expected_version=1,
            name="新名称",
        )
    with (
        pytest.raises(ConflictError, match=f"organisation {organisation.id} was changed"),
        database.write(actor="bob") as session,
    ):
        update_organisation(
            session,
            scope=BUREAU,
            organisation_id=organisation.id,
            expected_version=1,
            name="另一个名称",
        )
    with database.read() as session:
        stored = session.get(Organisation, organisation.id)
        assert stored is not None and (stored.name, stored.version) == ("新名称", 2)


@pytest.mark.postgres
def test_two_transactions_racing_on_one_record_lose_no_update(
    postgres_database: Database,
) -> None:
    """PostgreSQL runs both at once: the second to commit is refused, naming the record."""
    database = postgres_database
    with database.write(actor="test") as session:
        record = filing(session, enterprise(session))
    late = database.write(actor="b")
    s2 = late.__enter__()
    theirs = s2.get(AnnualFiling, record.id)  # read at version 1, not yet written
    assert theirs is not None
    with database.write(actor="a") as s1:
        mine = s1.get(AnnualFiling, record.id)
        assert mine is not None
        mine.rd_expense += 1
    theirs.rd_expense += 1
    with pytest.raises(ConflictError, match="changed by someone else"):
        late.__exit__(None, None, None)
    with database.read() as session:
        stored = session.get(AnnualFiling, record.id)
        assert stored is not None and (stored.rd_expense, stored.version) == (100_000_001, 2)


def test_a_second_sqlite_writer_waits_and_builds_on_the_first(sqlite_database: Database) -> None:
    """SQLite's BEGIN IMMEDIATE queues the second writer until the first commits, so it reads
    the first one's change and adds to it: no update is lost, nothing is refused."""
    import threading
    import time

    database = sqlite_database
    with database.write(actor="test") as session:
        record = filing(session, enterprise(session))
    holding, waiting = threading.Event(), threading.Event()
    times: dict[str, float] = {}

    def first() -> None:
        with database.write(actor="a") as session:
            mine = session.get(AnnualFiling, record.id)  # BEGIN IMMEDIATE: the write lock
            assert mine is not None
            holding.set()
            waiting.wait(10)
            time.sleep(0.3)
            mine.rd_expense += 1
            times["committing"] = time.perf_counter()

    writer = threading.Thread(target=first)
    writer.start()
    assert holding.wait(10)
    times["asked"] = time.perf_counter()
    waiting.set()
    with database.write(actor="b") as session:
        theirs = session.get(AnnualFiling, record.id)
        times["read"] = time.perf_counter()
        assert theirs is not None and (theirs.rd_expense, theirs.version) == (100_000_001, 2)
        theirs.rd_expense += 1
    writer.join(10)
    assert times["asked"] < times["committing"] < times["read"]
    with database.read() as session:
        stored = session.get(AnnualFiling, record.id)
        assert stored is not None and (stored.rd_expense, stored.version) == (100_000_002, 3)


def test_a_streamed_read_is_one_snapshot(database: Database) -> None:
    """An export or the audit chain's verification sees the records as they were when it began,
    even when a write commits half-way (PostgreSQL: REPEATABLE READ; SQLite: its snapshot)."""
    from innoreg.records.db import streaming

    with database.read() as session, streaming(session) as connection:
        before = connection.execute(text("SELECT seq FROM audit_head")).scalar()
        with database.write(actor="test") as other:
            enterprise(other)
        during = connection.execute(text("SELECT seq FROM audit_head")).scalar()
    with database.read() as session:
        after = session.execute(text("SELECT seq FROM audit_head")).scalar()
    assert during == before and after is not None and after > before


def test_a_read_sees_each_write_as_it_commits_and_a_snapshot_read_does_not(
    database: Database,
) -> None:
    """``read()`` takes each statement as the records stand (PostgreSQL: autocommit, no BEGIN
    or COMMIT round trips); ``read(snapshot=True)`` reads everything from the state in which it
    began. SQLite's read transaction is a snapshot either way."""
    seen: dict[bool, tuple[object, object]] = {}
    for snapshot in (False, True):
        with database.read(snapshot=snapshot) as session:
            before = session.execute(text("SELECT seq FROM audit_head")).scalar()
            with database.write(actor="test") as other:
                enterprise(other, seed=7 if snapshot else 8)
            during = session.execute(text("SELECT seq FROM audit_head")).scalar()
            if database.dialect == "postgresql":
                status = session.connection().connection.driver_connection.info.transaction_status
                assert status.name == ("INTRANS" if snapshot else "IDLE")
        seen[snapshot] = (before, during)
    assert seen[True][0] == seen[True][1]
    moved = seen[False][0] != seen[False][1]
    assert moved if database.dialect == "postgresql" else not moved


def test_a_write_after_a_read_on_the_same_connection_is_one_transaction(
    database: Database,
) -> None:
    """The pool hands the connection a read used (PostgreSQL: in autocommit) to the next
    write, which must still be one transaction at READ COMMITTED, and the next plain read is
    back in autocommit after a snapshot read."""
    seen = []
    for snapshot in (False, True, False):
        with database.read(snapshot=snapshot) as session:
            session.execute(text("SELECT 1"))
            read_in_transaction = _in_transaction(session)
            reader = session.connection().connection.driver_connection
        with database.write(actor="test") as session:
            level = session.execute(text("SELECT 1")).scalar()
            assert level == 1 and _in_transaction(session)
            writer = session.connection().connection.driver_connection
            if database.dialect == "postgresql":
                isolation = session.execute(text("SHOW transaction_isolation")).scalar()
                assert isolation == "read committed" and writer is reader
        seen.append(read_in_transaction)
    postgresql = database.dialect == "postgresql"
    assert seen == ([False, True, False] if postgresql else [True, True, True])


def _in_transaction(session: Any) -> bool:
    driver = session.connection().connection.driver_connection
    if session.get_bind().dialect.name == "postgresql":
        return bool(driver.info.transaction_status.name == "INTRANS")
    return bool(driver.in_transaction)
