"""One sign-in's latency over HTTP: ``POST /v1/auth/token`` against a real uvicorn server on
loopback, one request at a time, on SQLite and PostgreSQL (issue 10's target: ≤ 250 ms).

    .venv/bin/python -m benchmarks.bench_login            # 50 sign-ins per database
    .venv/bin/python -m benchmarks.bench_login -n 200 --no-postgres

Each sign-in verifies an argon2id hash (64 MiB, 3 passes, 4 lanes: most of the time) and writes
two audited account events (login, token_issued) in one transaction.
"""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx

POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def measure(url: str, n: int) -> tuple[list[float], float]:
    import uvicorn

    from innoreg.records import schema
    from innoreg.records.accounts.users import create_user
    from innoreg.records.db import Database
    from innoreg.service.app import create_app
    from innoreg.service.settings import Settings

    database = Database(url)
    schema.upgrade(database.engine)
    email = f"bench-{secrets.token_hex(4)}@bench.example"
    password = secrets.token_urlsafe(18)
    create_user(database, email=email, role="reviewer", password=password, actor="bench")
    settings = Settings(
        access_log=False,
        database_url=url,
        secret_key=secrets.token_urlsafe(40),
        sign_in_rate="100000/minute",
    )
    app = create_app(settings)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    times: list[float] = []
    cpu = 0.0
    with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
        for i in range(n + 3):  # three warm-up sign-ins
            started, cpu_started = time.perf_counter(), time.process_time()
            answer = client.post("/v1/auth/token", data={"username": email, "password": password})
            elapsed = time.perf_counter() - started
            answer.raise_for_status()
            if i >= 3:
                times.append(elapsed * 1000)
                cpu += time.process_time() - cpu_started
    server.should_exit = True
    thread.join(5)
    database.dispose()
    return times, cpu * 1000 / n


def report(name: str, measured: tuple[list[float], float]) -> str:
    times, cpu = measured
    ordered = sorted(times)
    p90 = ordered[int(0.9 * (len(ordered) - 1))]
    return (
        f"sign-in ({name}, {len(times)} in a row): median {statistics.median(ordered):.0f} ms, "
        f"p90 {p90:.0f} ms, max {ordered[-1]:.0f} ms, CPU {cpu:.0f} ms each (client and "
        f"server in one process; target 250 ms); load average {os.getloadavg()[0]:.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=50)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        print(report("SQLite", measure(f"sqlite:///{Path(folder) / 'login.sqlite3'}", args.n)))
    if not args.no_postgres:
        from sqlalchemy import create_engine, text

        name = f"innoreg_bench_login_{secrets.token_hex(4)}"
        admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {name}"))
        try:
            url = admin.url.set(database=name).render_as_string(hide_password=False)
            print(report("PostgreSQL", measure(url, args.n)))
        finally:
            with admin.connect() as connection:
                connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            admin.dispose()


if __name__ == "__main__":
    main()
