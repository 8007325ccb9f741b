"""Faults: several processes writing at once lose nothing; ``kill -9`` of a writer leaves
every acknowledged write and a chain that verifies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from innoreg.records.audit_verify import verify_chain
from innoreg.records.db import Database
from innoreg.records.models import AnnualFiling, Organisation

from .factories import enterprise, filing

WRITER = str(Path(__file__).with_name("writer.py"))


def shared_filing(database: Database) -> int:
    with database.write(actor="test") as session:
        return filing(session, enterprise(session), rd_expense=0).id


def start(url: str, worker: int, count: int, filing_id: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, WRITER, url, str(worker), str(count), str(filing_id)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_concurrent_writers_lose_no_update(database: Database, database_url: str) -> None:
    filing_id = shared_filing(database)
    workers, each = 3, 15
    processes = [start(database_url, w, each, filing_id) for w in range(workers)]
    acknowledged = []
    for process in processes:
        out, err = process.communicate(timeout=180)
        assert process.returncode == 0, err
        acknowledged += [line.split()[1] for line in out.splitlines()]
    assert len(acknowledged) == workers * each
    with database.read() as session:
        codes = set(session.scalars(select(Organisation.credit_code)))
        stored = session.get(AnnualFiling, filing_id)
        assert stored is not None and stored.rd_expense == workers * each
        assert set(acknowledged) <= codes
        report = verify_chain(session)
    assert report.intact, report.problems
    assert report.rows == 2 + workers * each * 2  # setup, then an insert and an update per write


def test_kill_9_of_a_writer_keeps_every_acknowledged_write(
    database: Database, database_url: str
) -> None:
    filing_id = shared_filing(database)
    process = start(database_url, 7, 10_000, filing_id)
    acknowledged: list[str] = []
    assert process.stdout is not None
    deadline = time.monotonic() + 60
    while len(acknowledged) < 25 and time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith("committed"):
            acknowledged.append(line.split()[1])
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    acknowledged += [
        line.split()[1]
        for line in process.stdout.read().splitlines()
        if line.startswith("committed")
    ]
    assert len(acknowledged) >= 25
    database.dispose()
    with database.read() as session:
        codes = set(session.scalars(select(Organisation.credit_code)))
        written = session.scalar(select(func.count()).select_from(Organisation)) or 0
        stored = session.get(AnnualFiling, filing_id)
        report = verify_chain(session)
    assert set(acknowledged) <= codes
    assert stored is not None and stored.rd_expense == written - 1  # one per committed write
    assert report.intact, report.problems
