"""What the accounts tests share: an app over a fresh migrated records database, and a clock
the tests move (to cross the 15-minute token life, the lockout, the session timeouts)."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from innoreg.records import schema
from innoreg.records.db import Database
from innoreg.service.app import create_app
from innoreg.service.settings import Settings

SECRET = "test-signing-key-" + "k" * 32


class Clock:
    """Now, as the app sees it; ``advance`` moves it on."""

    def __init__(self) -> None:
        self.now = dt.datetime.now(dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture(scope="session")
def records_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("accounts") / "template.sqlite3"
    database = Database(f"sqlite:///{path}")
    schema.upgrade(database.engine)
    database.dispose()
    return path


@pytest.fixture
def accounts_db(records_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "records.sqlite3"
    shutil.copyfile(records_template, path)
    database = Database(f"sqlite:///{path}")
    yield database
    database.dispose()


def accounts_app(database: Database, **overrides: Any) -> tuple[FastAPI, Clock]:
    values: dict[str, Any] = {
        "access_log": False,
        "today": dt.date(2024, 6, 30),
        "database_url": database.url.render_as_string(hide_password=False),
        "secret_key": SECRET,
        **overrides,
    }
    app = create_app(Settings(**values))
    clock = Clock()
    app.state.clock = clock
    return app, clock


@pytest.fixture
def app_and_clock(accounts_db: Database) -> tuple[FastAPI, Clock]:
    return accounts_app(accounts_db)


@pytest.fixture
def accounts_client(app_and_clock: tuple[FastAPI, Clock]) -> Iterator[TestClient]:
    with TestClient(app_and_clock[0]) as client:
        yield client
