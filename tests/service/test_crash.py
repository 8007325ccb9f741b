"""A server killed mid-write loses nothing it acknowledged (issue 10): two workers take
concurrent writes, the whole process group is killed with SIGKILL, and after a restart every
write answered with a 2xx is there, unchanged, and the audit chain still verifies."""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.records import factories
from tests.records.conftest import (
    PostgresServer,
    postgres,  # noqa: F401  (the PostgreSQL backend's fixture)
)
from tests.service.signin import make_user

from innoreg.records import schema
from innoreg.records.db import Database
from innoreg.records.principal import Role

BIN = Path(sys.executable).parent
WRITERS = 8


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _call(method: str, url: str, *, token: str = "", body: Any = None, form: bool = False) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    data = None
    if body is not None and form:
        data = urllib.parse.urlencode(body).encode()
    elif body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.load(answer)


class Server:
    """``innoreg serve --workers 2`` in its own process group, so one signal reaches them all."""

    def __init__(self, database_url: str, secret: str) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "INNOREG_DATABASE_URL": database_url,
            "INNOREG_SECRET_KEY": secret,
            "INNOREG_ACCESS_LOG": "false",
            "INNOREG_SIGN_IN_RATE": "1000/minute",
        }
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [str(BIN / "innoreg"), "serve", "--port", str(self.port), "--workers", "2"],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.base}/readyz", timeout=1) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise AssertionError("the server did not start within 60 s")

    def kill(self) -> None:
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(20)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def crash_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'crash.sqlite3'}"
        yield url
        return
    server: PostgresServer = request.getfixturevalue("postgres")
    yield server.url(server.create())


def _seed(database_url: str) -> tuple[int, tuple[str, str], tuple[str, str]]:
    """A migrated database with one enterprise, its user and a bureau admin."""
    database = Database(database_url)
    schema.upgrade(database.engine)
    with database.write(actor="test") as session:
        organisation_id = factories.enterprise(session, 7).id
    writer = make_user(database, Role.ENTERPRISE_USER, organisation_id=organisation_id)
    admin = make_user(database, Role.BUREAU_ADMIN)
    database.dispose()
    return organisation_id, writer, admin


def _token(base: str, account: tuple[str, str]) -> str:
    form = {"username": account[0], "password": account[1]}
    answer = _call("POST", f"{base}/v1/auth/token", body=form, form=True)
    return str(answer["access_token"])


def test_every_acknowledged_write_survives_sigkill(crash_database: str) -> None:
    organisation_id, writer, admin = _seed(crash_database)
    server = Server(crash_database, secrets.token_hex(32))
    server.start()
    try:
        token = _token(server.base, writer)
        acknowledged: dict[int, str] = {}
        lock = threading.Lock()
        stop = threading.Event()

        def write(worker: int) -> None:
            n = 0
            while not stop.is_set():
                n += 1
                number = f"CRASH-{worker}-{n}"
                body = {
                    "organisation_id": organisation_id,
                    "kind": "patent",
                    "registration_no": number,
                    "title": f"专利 {number}",
                    "fiscally_funded": True,
                    "rights_obtained_on": "2021-10-01",
                }
                try:
                    answer = _call("POST", f"{server.base}/v1/ip-assets", token=token, body=body)
                except (OSError, urllib.error.HTTPError):
                    continue  # refused or cut off by the kill: not acknowledged
                with lock:
                    acknowledged[answer["id"]] = number

        threads = [threading.Thread(target=write, args=(w,)) for w in range(WRITERS)]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 30
        while len(acknowledged) < 40 and time.monotonic() < deadline:
            time.sleep(0.05)
        server.kill()  # while the writers are still sending
        stop.set()
        for thread in threads:
            thread.join(15)
        assert len(acknowledged) >= 40, "too few writes were acknowledged before the kill"

        server.start()
        admin_token = _token(server.base, admin)
        for ident, number in acknowledged.items():
            stored = _call("GET", f"{server.base}/v1/ip-assets/{ident}", token=admin_token)
            assert stored["registration_no"] == number
        verified = _call("GET", f"{server.base}/v1/audit/verify", token=admin_token)
        assert verified["intact"] is True, verified
    finally:
        server.stop()
