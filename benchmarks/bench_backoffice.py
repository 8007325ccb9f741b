"""The back office's pages, server-side, over the demo city on SQLite and PostgreSQL (issue 11:
every page p95 <= 50 ms; the what-if over the demo city <= 3 s):

    .venv/bin/python -m benchmarks.bench_backoffice                  # both databases
    .venv/bin/python -m benchmarks.bench_backoffice --scale 0.05     # a twentieth of the city

The demo city (``innoreg db demo``: 3,000 enterprises) with its filings and transfers decided,
the bureau's admin and a reviewer with ten applications assigned signed in (a benchmark-only
authenticator that names them: sign-in is not what is measured). Each page is asked for in
the app's own process (no network) ``--repeat`` times after three warm-ups; the figures are
each page's p50 and p95. The jobs that are not pages — a what-if run, the audit chain's
verification, a dashboard chart drawn for the first time — are timed apart.
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from benchmarks.bench_portal import NamedPrincipal, city
from benchmarks.bench_records import database, postgres_reachable
from benchmarks.common import database_benchmark_arguments
from innoreg.records.accounts.users import create_user
from innoreg.records.db import Database
from innoreg.records.models import Application, Notice
from innoreg.records.principal import Principal, Role
from innoreg.records.repositories import BUREAU
from innoreg.records.workflows.review import assign
from innoreg.service.app import create_app
from innoreg.service.settings import Settings

TODAY = dt.date(2024, 6, 30)
TARGET_MS = 50.0
WHATIF_TARGET_S = 3.0
PERIOD = "fiscal_year=2023&as_of-day=30&as_of-month=6&as_of-year=2024"
LATER = "as_of-day=30&as_of-month=6&as_of-year=2025"
WHATIF = {
    "fiscal_year": "2023",
    "on-day": "30",
    "on-month": "6",
    "on-year": "2024",
    "reform": "threshold-1.5-and-deduction-120",
}


def staff(db: Database) -> tuple[dict[str, Principal], dict[str, Any]]:
    made = {}
    for key, role in (("admin", Role.BUREAU_ADMIN), ("reviewer", Role.REVIEWER)):
        account = create_user(
            db,
            email=f"bench-{key}@bureau.example",
            role=role,
            password="bench password 2025",
            actor="bench",
        )
        made[key] = Principal(account.id, role, None, account.email, via="session")
    with db.read() as session:
        waiting = list(
            session.scalars(
                select(Application.id)
                .where(Application.state.in_(("submitted", "under_review")))
                .order_by(Application.id)
                .limit(10)
            )
        )
        notice = session.scalar(select(Notice.id).limit(1))
    with db.write(actor="bench") as session:
        for ident in waiting:
            assign(
                session,
                scope=BUREAU,
                application_id=ident,
                reviewer_id=made["reviewer"].user_id,
                actor="bench",
            )
    return made, {"application": waiting[0], "notice": notice, "admin": made["admin"].user_id}


def pages(ids: dict[str, Any]) -> list[tuple[str, str]]:
    """(who, path) for every back-office page."""
    return [
        ("admin", "/back-office/review"),
        ("admin", "/back-office/review?state=submitted&district=涧西区"),
        ("admin", f"/back-office/review/{ids['application']}"),
        ("reviewer", "/back-office/review"),
        ("reviewer", f"/back-office/review/{ids['application']}"),
        ("admin", "/back-office/registries"),
        ("admin", "/back-office/registries/organisations"),
        ("admin", "/back-office/registries/organisations?district=涧西区&kind=enterprise"),
        ("admin", "/back-office/registries/platforms"),
        ("admin", "/back-office/registries/agencies"),
        ("admin", "/back-office/registries/demonstration-enterprises?valid_on=2024-06-30"),
        ("admin", f"/back-office/overdue-ip?{LATER}"),
        ("admin", f"/back-office/overdue-ip?{LATER}&show=waiting&page=2"),
        ("admin", f"/back-office/dashboard?{PERIOD}"),
        ("admin", f"/back-office/dashboard?{PERIOD}&by=industry_section"),
        ("admin", f"/back-office/dashboard/charts/eligibility.svg?{PERIOD}&by=district"),
        ("reviewer", f"/back-office/dashboard?{PERIOD}"),
        ("admin", "/back-office/what-if"),
        ("admin", "/back-office/users"),
        ("admin", f"/back-office/users/{ids['admin']}"),
        ("admin", "/back-office/audit"),
        ("admin", "/back-office/audit?entity=applications"),
    ]


def _timed(client: TestClient, method: str, path: str, who: str, **kw: Any) -> float:
    began = time.perf_counter()
    answer = client.request(method, path, headers={"x-bench-user": who}, **kw)
    elapsed = (time.perf_counter() - began) * 1000
    assert answer.status_code == 200, (path, answer.status_code, answer.text[:300])
    return elapsed


def measure(backend: str, enterprises: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as folder, database(backend, Path(folder)) as db:
        start = time.perf_counter()
        city(db, enterprises)
        print(
            f"  {backend}: demo city of {enterprises} enterprises loaded and decided in "
            f"{time.perf_counter() - start:.0f} s"
        )
        made, ids = staff(db)
        app = create_app(Settings(today=TODAY, access_log=False, database_url=str(db.url)))
        app.state.authenticator = NamedPrincipal(made)
        rows = []
        with TestClient(app) as client:
            first_chart = _timed(
                client,
                "GET",
                f"/back-office/dashboard/charts/amounts.svg?{PERIOD}&by=size_class",
                "admin",
            )
            for who, path in pages(ids):
                times = [_timed(client, "GET", path, who) for _ in range(repeat + 3)][3:]
                times.sort()
                p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
                rows.append((f"{who:<8} {path}", statistics.median(times), p95))
            whatif = sorted(
                _timed(client, "POST", "/back-office/what-if", "admin", data=WHATIF)
                for _ in range(5)
            )
            verify = _timed(client, "GET", "/back-office/audit/verify", "admin")
        for name, p50, p95 in rows:
            print(f"    {name:<72} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms")
        worst = max(rows, key=lambda r: r[2])
        verdict = "pass" if worst[2] <= TARGET_MS else "MISS"
        print(
            f"  {backend}: slowest page p95 {worst[2]:.1f} ms ({worst[0].strip()}); "
            f"target <= {TARGET_MS:.0f} ms: {verdict}"
        )
        slowest = whatif[-1] / 1000
        print(
            f"  {backend}: what-if over {enterprises} enterprises' 2023 filings (page included): "
            f"median {statistics.median(whatif) / 1000:.2f} s, slowest of 5 {slowest:.2f} s; "
            f"target <= {WHATIF_TARGET_S:.0f} s: {'pass' if slowest <= WHATIF_TARGET_S else 'MISS'}"
        )
        print(f"  {backend}: audit chain verified on its page in {verify:.0f} ms")
        print(f"  {backend}: a dashboard chart drawn for the first time: {first_chart:.0f} ms")


def main() -> None:
    args, backends = database_benchmark_arguments(__doc__, ("pages",))
    if "postgresql" in backends and not postgres_reachable():
        backends = [b for b in backends if b != "postgresql"]
        print("PostgreSQL not reachable: SQLite only")
    enterprises = max(20, round(3_000 * args.scale))
    for backend in backends:
        measure(backend, enterprises, repeat=40)


if __name__ == "__main__":
    main()
