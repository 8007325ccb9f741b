"""The records suite runs on SQLite and on PostgreSQL. Each test gets a fresh database copied
from a template migrated once per session: a file copy for SQLite, ``CREATE DATABASE …
TEMPLATE`` on PostgreSQL (throwaway ``innoreg_test_<random>`` databases, dropped at the end,
so parallel runs never collide). With ``CI=true`` an unreachable PostgreSQL fails the run."""

from __future__ import annotations

import itertools
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from innoreg.records import schema
from innoreg.records.db import Database

POSTGRES_URL = os.environ.get(
    "INNOREG_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


class PostgresServer:
    def __init__(self, admin_url: str) -> None:
        self.admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        self.prefix = f"innoreg_test_{secrets.token_hex(4)}"
        self.counter = itertools.count()
        self.created: list[str] = []
        self.template: str | None = None

    def url(self, name: str) -> str:
        return self.admin.url.set(database=name).render_as_string(hide_password=False)

    def create(self, *, template: str | None = None) -> str:
        name = f"{self.prefix}_{next(self.counter)}"
        with self.admin.connect() as connection:
            clause = f" TEMPLATE {template}" if template else ""
            connection.execute(text(f"CREATE DATABASE {name}{clause}"))
        self.created.append(name)
        return name

    def migrated(self) -> str:
        if self.template is None:
            name = self.create()
            database = Database(self.url(name))
            schema.upgrade(database.engine)
            database.dispose()
            self.template = name
        return self.create(template=self.template)

    def drop_all(self) -> None:
        with self.admin.connect() as connection:
            for name in reversed(self.created):
                connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        self.admin.dispose()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    server = PostgresServer(POSTGRES_URL)
    try:
        with server.admin.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:
        message = (
            f"PostgreSQL is not reachable at {server.admin.url.render_as_string()} "
            f"({type(error).__name__}); "
            "start PostgreSQL 15 or set INNOREG_TEST_POSTGRES_URL"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    yield server
    server.drop_all()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("records") / "template.sqlite3"
    database = Database(f"sqlite:///{path}")
    schema.upgrade(database.engine)
    database.dispose()
    return path


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def fresh_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, migrated database on ``backend``."""
    if backend == "sqlite":
        path = tmp_path / "records.sqlite3"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.url(server.migrated())


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, migrated database's URL, on each backend."""
    return fresh_url(request.param, request, tmp_path)


@pytest.fixture
def sqlite_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """For what only SQLite does (one writer at a time)."""
    db = Database(fresh_url("sqlite", request, tmp_path))
    yield db
    db.dispose()


@pytest.fixture
def postgres_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """For what only PostgreSQL has (TRUNCATE, concurrent write transactions); tests using it
    are marked ``postgres``."""
    db = Database(fresh_url("postgresql", request, tmp_path))
    yield db
    db.dispose()


@pytest.fixture(params=BACKENDS)
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database with no schema at all, on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.url(server.create())


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    db = Database(database_url)
    yield db
    db.dispose()


@pytest.fixture(scope="module", params=BACKENDS)
def decided_city(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    """A small demo city (100 enterprises) on each backend, its filings and transfers decided
    on 30 June 2024; shared by a module's tests (which read it, or change only what they
    recount)."""
    import datetime as dt

    from innoreg.records.demo import load_demo
    from innoreg.records.repositories import BUREAU
    from innoreg.records.workflows.bulk import decide_all

    url = fresh_url(request.param, request, tmp_path_factory.mktemp("city"))
    database = Database(url)
    load_demo(database, enterprises=100)
    for kind in ("filings", "transfers"):
        run = decide_all(database, kind=kind, scope=BUREAU, actor="test", day=dt.date(2024, 6, 30))
        for _ in run.batches:
            pass
    yield database
    database.dispose()
