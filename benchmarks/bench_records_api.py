"""The records API's lists over 100,000 filings, on SQLite and on PostgreSQL: each list request
through the whole app (routing, the caller's policy and scope, the query, the answer's JSON),
timed one by one in process, p50 / p95 / p99 against the target p95 ≤ 50 ms:

    .venv/bin/python -m benchmarks.bench_records_api                    # both databases
    .venv/bin/python -m benchmarks.bench_records_api --scale 0.1 --backend sqlite

The city: 20,000 enterprises with five fiscal years of filings each (100,000 filings), 500
applications of 100 organisations assigned to one reviewer. The callers are accounts of the
database, each signed in once with ``POST /v1/auth/token``: every request timed carries its
bearer token through the app's own authenticator. A baseline in the same run: ``SELECT
count(*)`` over the filings. `make bench` (``python -m benchmarks``) runs it at 2 % of the size.
"""

from __future__ import annotations

import secrets
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text

from benchmarks.bench_records import database, postgres_reachable, raw_filings, seed_organisations
from benchmarks.common import Report, database_benchmark_arguments, load_average, status
from innoreg.records.accounts.users import create_user
from innoreg.records.db import Database
from innoreg.records.models import Application
from innoreg.records.principal import Role

TARGET_P95 = 0.050
YEARS = 5
FIRST_YEAR = 2019


def seed(db: Database, filings: int) -> dict[str, tuple[str, str]]:
    """The city, and an account (e-mail, password) for each caller measured."""
    organisations = max(filings // YEARS, 1)
    seed_organisations(db, organisations)
    raw_filings(db, filings, organisations, FIRST_YEAR)
    accounts = {
        name: (f"{name}@bench.invalid", secrets.token_urlsafe(18))
        for name in ("admin", "reviewer", "enterprise")
    }
    made = {
        name: create_user(
            db,
            email=email,
            role=role,
            password=password,
            organisation=organisations // 2 + 1 if role is Role.ENTERPRISE_USER else None,
            actor="benchmark",
        )
        for (name, (email, password)), role in zip(
            accounts.items(),
            (Role.BUREAU_ADMIN, Role.REVIEWER, Role.ENTERPRISE_USER),
            strict=True,
        )
    }
    reviewer = made["reviewer"].id
    with db.engine.begin() as connection:
        owners = min(100, organisations)
        connection.execute(
            insert(Application),
            [
                {
                    "organisation_id": 1 + i % owners,
                    "filing_id": 1 + i % owners,
                    "programme": "研发投入后补助",
                    "state": "submitted",
                    "reviewer_id": reviewer,
                    "version": 1,
                }
                for i in range(min(500, filings))
            ],
        )
    if db.dialect == "postgresql":  # a city in service has its statistics (autovacuum)
        with db.engine.connect() as connection:
            connection.execute(text("ANALYZE"))
            connection.commit()
    return accounts


def _bearer(token: str) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"}


@dataclass
class Timings:
    """Each request's wall time, and the process's CPU time over it (the server's work and the
    in-process client's, whatever else the machine runs: the load-independent half)."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def time(self, work: Callable[[], Any]) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        result = work()
        self.wall.append(time.perf_counter() - wall)
        self.cpu.append(time.process_time() - cpu)
        return result


def walk(client: Any, url: str, token: str, pages: int) -> Timings:
    """Follow ``next`` from the first page for ``pages`` pages (starting again at the end)."""
    timings = Timings()
    cursor: str | None = None
    for _ in range(pages):
        target = url + (f"&cursor={cursor}" if cursor else "")
        answer = timings.time(lambda t=target: client.get(t, headers=_bearer(token)))
        assert answer.status_code == 200, answer.text
        cursor = answer.json()["next"]  # None at the end: start again from the first page
    return timings


def repeat(client: Any, url: str, token: str, times: int) -> Timings:
    timings = Timings()
    for _ in range(times):
        answer = timings.time(lambda: client.get(url, headers=_bearer(token)))
        assert answer.status_code == 200, answer.text
    return timings


Scenario = tuple[str, str, str, Callable[[Any, str, str], Timings]]
SCENARIOS: tuple[Scenario, ...] = (
    (
        "bureau_admin: every filing, 50 a page, 200 pages deep by cursor",
        "admin",
        "/v1/filings?limit=50",
        lambda c, u, t: walk(c, u, t, 200),
    ),
    (
        "bureau_admin: one fiscal year, newest id first, 100 pages",
        "admin",
        f"/v1/filings?fiscal_year={FIRST_YEAR + 2}&sort=-id&limit=50",
        lambda c, u, t: walk(c, u, t, 100),
    ),
    (
        "bureau_admin: by fiscal year (desc), 100 pages",
        "admin",
        "/v1/filings?sort=-fiscal_year&limit=50",
        lambda c, u, t: walk(c, u, t, 100),
    ),
    (
        "bureau_admin: one organisation's filings",
        "admin",
        "/v1/filings?organisation_id=7",
        lambda c, u, t: repeat(c, u, t, 100),
    ),
    (
        "enterprise_user: its own filings among all",
        "enterprise",
        "/v1/filings",
        lambda c, u, t: repeat(c, u, t, 100),
    ),
    (
        "reviewer: the assigned organisations' filings",
        "reviewer",
        "/v1/filings?limit=50",
        lambda c, u, t: walk(c, u, t, 100),
    ),
    (
        "bureau_admin: organisations, 100 pages",
        "admin",
        "/v1/organisations?limit=50",
        lambda c, u, t: walk(c, u, t, 100),
    ),
)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run(backend: str, scale: float) -> Iterator[tuple[str, Timings]]:
    """(scenario, its requests' timings), and the baseline last."""
    from fastapi.testclient import TestClient

    from innoreg.service.app import create_app
    from innoreg.service.settings import Settings

    filings = max(500, int(100_000 * scale))
    with tempfile.TemporaryDirectory() as folder, database(backend, Path(folder)) as db:
        accounts = seed(db, filings)
        url = db.url.render_as_string(hide_password=False)
        app = create_app(
            Settings(access_log=False, database_url=url, secret_key=secrets.token_urlsafe(32))
        )
        with TestClient(app) as client:
            tokens = {}
            for caller, (email, password) in accounts.items():
                answer = client.post(
                    "/v1/auth/token", data={"username": email, "password": password}
                )
                assert answer.status_code == 200, answer.text
                tokens[caller] = answer.json()["access_token"]
                # warm: the first request of each caller opens the pool
                client.get("/v1/filings?limit=1", headers=_bearer(tokens[caller]))
            for name, caller, path, measure in SCENARIOS:
                yield f"{name} ({filings:,} filings)", measure(client, path, tokens[caller])
        with db.engine.connect() as connection:
            baseline = Timings()
            for _ in range(20):
                baseline.time(lambda: connection.execute(text("SELECT count(*) FROM filings")))
        app.state.database.dispose()
        yield "baseline: SELECT count(*) FROM filings", baseline


def summary(scale: float) -> Report:
    """For ``python -m benchmarks``: the lists at ``scale``; the target judged at full size."""
    report = Report()
    print(f"records API lists (scale {scale})")
    backends = ["sqlite"] + (["postgresql"] if postgres_reachable() else [])
    for backend in backends:
        for name, timings in run(backend, scale):
            seconds = timings.wall
            p95 = percentile(seconds, 0.95)
            judged = scale >= 1 and not name.startswith("baseline")
            report.add(
                f"records API {backend}: {name}",
                f"p50 {statistics.median(seconds) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms "
                f"(CPU p95 {percentile(timings.cpu, 0.95) * 1000:.1f} ms)",
                f"p95 <= {TARGET_P95 * 1000:.0f} ms" if judged else "",
                status(p95 <= TARGET_P95) if judged else "",
            )
    return report


def scaled(quick: bool = False) -> Report:
    return summary(0.01 if quick else 0.02)


def main() -> None:
    args, backends = database_benchmark_arguments(__doc__, ("lists",))
    for backend in backends:
        print(f"\n{backend}")
        columns = ("n", "p50", "p95", "p99", "cpu50", "cpu95", "target")
        print(f"  {'what':<78} " + " ".join(f"{c:>7}" for c in columns))
        for name, timings in run(backend, args.scale):
            seconds, cpu = timings.wall, timings.cpu
            p95 = percentile(seconds, 0.95)
            verdict = (
                "" if name.startswith("baseline") else ("ok" if p95 <= TARGET_P95 else "MISSED")
            )
            print(
                f"  {name:<78} {len(seconds):>5} {statistics.median(seconds) * 1000:>6.1f}ms "
                f"{p95 * 1000:>6.1f}ms {percentile(seconds, 0.99) * 1000:>6.1f}ms "
                f"{statistics.median(cpu) * 1000:>6.1f}ms {percentile(cpu, 0.95) * 1000:>6.1f}ms "
                f"{verdict:>7}",
                flush=True,
            )
        print(f"  load average: {load_average()}")


if __name__ == "__main__":
    main()
