"""Migrations: empty → head → base, one head, models equal to the migrated schema, and the
audit log's append-only triggers present after every revision, up and down."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from innoreg.records import schema
from innoreg.records.db import Database
from innoreg.records.migrations.append_only import POSTGRES_TRIGGERS, SQLITE_TRIGGERS


def triggers(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            rows = connection.execute(
                text(
                    "SELECT name FROM sqlite_master "
                    "WHERE type = 'trigger' AND tbl_name = 'audit_log'"
                )
            )
        else:
            rows = connection.execute(
                text(
                    "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal "
                    "AND tgrelid = 'audit_log'::regclass"
                )
            )
        return {row[0] for row in rows}


def expected(engine: Engine) -> set[str]:
    return set(SQLITE_TRIGGERS if engine.dialect.name == "sqlite" else POSTGRES_TRIGGERS)


def assert_append_only(engine: Engine) -> None:
    if "audit_log" in inspect(engine).get_table_names():
        assert triggers(engine) == expected(engine)


def test_there_is_one_head() -> None:
    assert len(schema.heads()) == 1


def test_every_revision_keeps_the_audit_log_append_only(empty_database_url: str) -> None:
    database = Database(empty_database_url)
    engine = database.engine
    assert schema.current(engine) is None
    for revision in schema.revisions():
        schema.upgrade(engine, revision)
        assert schema.current(engine) == revision
        assert_append_only(engine)
    assert schema.differences(engine) == []
    while schema.current(engine) is not None:
        schema.downgrade(engine, "-1")
        assert_append_only(engine)
    assert "organisations" not in inspect(engine).get_table_names()
    schema.upgrade(engine, "head")
    assert triggers(engine) == expected(engine)
    assert schema.differences(engine) == []
    database.dispose()


def assert_refused(database: Database, statement: str) -> None:
    from .factories import enterprise

    with database.write(actor="test") as session:
        enterprise(session)
    with pytest.raises(DBAPIError, match="append-only"), database.engine.begin() as connection:
        connection.execute(text(statement))
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM audit_log")).scalar() == 1


@pytest.mark.parametrize("statement", ["UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"])
def test_audit_rows_cannot_be_changed(database: Database, statement: str) -> None:
    assert_refused(database, statement)


@pytest.mark.postgres
def test_the_audit_log_cannot_be_truncated(postgres_database: Database) -> None:
    """SQLite has no TRUNCATE (its whole-table DELETE, refused above, is the nearest)."""
    assert_refused(postgres_database, "TRUNCATE audit_log")


def test_a_database_behind_head_is_refused(empty_database_url: str) -> None:
    from innoreg.records.errors import RecordsError

    database = Database(empty_database_url)
    with pytest.raises(RecordsError, match="innoreg db upgrade"):
        schema.require_head(database.engine)
    database.dispose()
