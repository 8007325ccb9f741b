"""The service under a mixed, authenticated workload (issue 10): 70 % reads of the caller's own
records, 20 % evaluations, 10 % writes, by many enterprise users at once, on PostgreSQL with
several workers, driven by Debian's ``wrk`` on loopback.

    .venv/bin/python -m benchmarks.bench_mixed            # 50 clients, 60 s, 2 workers

Environment: ``INNOREG_BENCH_MIXED_SECONDS`` (default 60), ``INNOREG_BENCH_MIXED_CLIENTS``
(50), ``INNOREG_BENCH_MIXED_THINK_MS`` (100: each client waits 0–200 ms, 100 on average,
between an answer and its next request), ``INNOREG_BENCH_HTTP_WORKERS`` (2),
``INNOREG_BENCH_MIXED_USERS`` (100 enterprise users, each with their own organisation),
``INNOREG_BENCH_POSTGRES_URL`` (the server's admin URL; a throwaway database is made and
dropped), ``INNOREG_BENCH_MIXED_BUSY`` (0: a fraction such as 0.6 runs one busy neighbour per
CPU during the measured run, each spinning that share of every 10 ms: a reproducible stand-in
for a host that lends the machine less CPU than usual).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, select, text

from benchmarks.bench_case import ENTERPRISE, PERIOD
from benchmarks.bench_http import free_port, wait, wrk_figures
from benchmarks.common import PYTHON, ROOT

BIN = Path(PYTHON).parent
ADMIN_URL = os.environ.get(
    "INNOREG_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
TARGET_P99_MS = 100.0
CASE = {
    "jurisdiction": "cn-ha-luoyang",
    "date": PERIOD,
    "enterprises": [{"id": "e1", **ENTERPRISE}],
}

LUA = r"""
local users = {users}
local case = {case}
local counter = 0
math.randomseed(os.time() + tonumber(tostring({{}}):sub(8), 16) % 100000)

local function headers(user)
  return {{["Authorization"] = "Bearer " .. user.token, ["Content-Type"] = "application/json"}}
end

request = function()
  local user = users[math.random(#users)]
  local pick = math.random(100)
  if pick <= 35 then
    return wrk.format("GET", "/v1/filings?limit=20", headers(user))
  elseif pick <= 70 then
    local id = user.filings[math.random(#user.filings)]
    return wrk.format("GET", "/v1/filings/" .. id, headers(user))
  elseif pick <= 90 then
    return wrk.format("POST", "/v1/evaluate", headers(user), case)
  else
    counter = counter + 1
    local body = string.format(
      '{{"organisation_id": %d, "kind": "patent", "registration_no": "B-%s-%d-%d", '
      .. '"title": "bench", "fiscally_funded": true, "rights_obtained_on": "2021-10-01"}}',
      user.organisation, user.tag, counter, math.random(1000000000))
    return wrk.format("POST", "/v1/ip-assets", headers(user), body)
  end
end

delay = function()
  if {think} == 0 then return 0 end
  return math.random(0, 2 * {think})
end

done = function(summary, latency, requests)
  io.write(string.format("P50 %d\nP95 %d\nP99 %d\nREQS %d\nSECS %f\nERR %d\nNON2XX %d\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99), summary.requests,
    summary.duration / 1e6, summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout, summary.errors.status))
end
"""


def _lua_users(users: list[dict[str, Any]]) -> str:
    rows = []
    for user in users:
        filings = ", ".join(str(i) for i in user["filings"])
        rows.append(
            f'{{token = "{user["token"]}", organisation = {user["organisation"]}, '
            f'tag = "{user["tag"]}", filings = {{{filings}}}}}'
        )
    return "{\n" + ",\n".join(rows) + "\n}"


def _post_form(url: str, fields: dict[str, str]) -> Any:
    data = urllib.parse.urlencode(fields).encode()
    with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=30) as answer:
        return json.load(answer)


def _get(url: str, token: str) -> Any:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)


def prepare(database_url: str, n_users: int, env: dict[str, str]) -> list[tuple[str, str, int]]:
    """The demo city, and one enterprise user per organisation that has filings."""
    from innoreg.records.accounts.users import create_user
    from innoreg.records.db import Database
    from innoreg.records.models import AnnualFiling
    from innoreg.records.principal import Role

    for args in (["db", "upgrade"], ["db", "demo", "--enterprises", "3000"]):
        subprocess.run([str(BIN / "innoreg"), *args], env=env, check=True, capture_output=True)
    database = Database(database_url)
    accounts: list[tuple[str, str, int]] = []
    with database.read() as session:
        organisations = session.scalars(
            select(AnnualFiling.organisation_id).distinct().order_by(AnnualFiling.organisation_id)
        ).all()[:n_users]
    for organisation in organisations:
        email = f"bench-{organisation}@example.org"
        password = secrets.token_urlsafe(18)
        create_user(
            database,
            email=email,
            role=Role.ENTERPRISE_USER,
            organisation=organisation,
            password=password,
            actor="benchmark",
        )
        accounts.append((email, password, organisation))
    database.dispose()
    return accounts


def run_wrk(
    base: str, users: list[dict[str, Any]], clients: int, seconds: int, think_ms: int
) -> dict[str, float]:
    """One ``wrk`` run; each client waits a random 0–2×``think_ms`` between its requests (a
    person reading the answer), which wrk leaves out of the latency."""
    script = LUA.format(users=_lua_users(users), case=json.dumps(json.dumps(CASE)), think=think_ms)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    try:
        out = subprocess.run(
            ["wrk", "-t2", f"-c{clients}", f"-d{seconds}s", "-s", handle.name, base],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(handle.name)
    return wrk_figures(out)


def _cpu_ticks(server: int) -> list[int]:
    """User and system CPU ticks of each worker process (the server's children; with one
    worker, the server itself)."""
    children = [
        child
        for child in Path(f"/proc/{server}/task/{server}/children").read_text().split()
        if b"resource_tracker" not in Path(f"/proc/{child}/cmdline").read_bytes()
    ] or [server]
    return [
        sum(int(v) for v in Path(f"/proc/{c}/stat").read_text().split()[13:15]) for c in children
    ]


BUSY_NEIGHBOUR = """
import sys, time
duty, period = float(sys.argv[1]), 0.010
while True:
    start = time.perf_counter()
    while time.perf_counter() - start < duty * period:
        pass
    time.sleep(period * (1 - duty))
"""


def busy_neighbours(duty: float) -> list[subprocess.Popen[bytes]]:
    """One process per CPU spinning ``duty`` of every 10 ms (none for 0)."""
    if not 0 < duty < 1:
        return []
    return [
        subprocess.Popen([sys.executable, "-c", BUSY_NEIGHBOUR, str(duty)])
        for _ in range(os.cpu_count() or 1)
    ]


def _machine_ticks() -> list[int]:
    """The machine's CPU ticks: user, nice, system, idle, iowait, irq, softirq, steal."""
    with open("/proc/stat") as stat:
        return [int(v) for v in stat.readline().split()[1:9]]


def main() -> int:
    if not shutil.which("wrk"):
        print("wrk is missing: apt-get install wrk", file=sys.stderr)
        return 2
    seconds = int(os.environ.get("INNOREG_BENCH_MIXED_SECONDS", "60"))
    clients = int(os.environ.get("INNOREG_BENCH_MIXED_CLIENTS", "50"))
    workers = int(os.environ.get("INNOREG_BENCH_HTTP_WORKERS", "2"))
    n_users = int(os.environ.get("INNOREG_BENCH_MIXED_USERS", "100"))
    think = int(os.environ.get("INNOREG_BENCH_MIXED_THINK_MS", "100"))
    busy = float(os.environ.get("INNOREG_BENCH_MIXED_BUSY", "0"))
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"innoreg_bench_mixed_{secrets.token_hex(4)}"
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    database_url = admin.url.set(database=name).render_as_string(hide_password=False)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "INNOREG_DATABASE_URL": database_url,
        "INNOREG_ACCESS_LOG": "false",
        "INNOREG_SIGN_IN_RATE": "100000/minute",
        "INNOREG_SECRET_KEY": secrets.token_hex(32),
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
    }
    server = None
    try:
        print(f"preparing {name}: demo city and {n_users} users", file=sys.stderr)
        accounts = prepare(database_url, n_users, env)
        server = subprocess.Popen(
            [str(BIN / "innoreg"), "serve", "--port", str(port), "--workers", str(workers)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait(f"{base}/readyz", 60)
        users = []
        for email, password, organisation in accounts:
            token = _post_form(f"{base}/v1/auth/token", {"username": email, "password": password})
            listing = _get(f"{base}/v1/filings?limit=50", token["access_token"])
            users.append(
                {
                    "token": token["access_token"],
                    "organisation": organisation,
                    "tag": secrets.token_hex(3),
                    "filings": [item["id"] for item in listing["items"]],
                }
            )
        run_wrk(base, users, clients, 3, think)  # warm-up: pools, plans, caches
        neighbours = busy_neighbours(busy)
        try:
            workers_cpu, machine = _cpu_ticks(server.pid), _machine_ticks()
            result = run_wrk(base, users, clients, seconds, think)
            spent = [
                after - before
                for before, after in zip(workers_cpu, _cpu_ticks(server.pid), strict=True)
            ]
            machine = [
                after - before for before, after in zip(machine, _machine_ticks(), strict=True)
            ]
        finally:
            for neighbour in neighbours:
                neighbour.kill()
                neighbour.wait()
        saturated = run_wrk(base, users, clients, min(seconds, 20), 0)
    finally:
        if server is not None:
            server.terminate()
            server.wait(20)
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()
    print(
        f"the same without think time (each client sends as soon as answered: capacity), "
        f"{min(seconds, 20)} s: {saturated['rps']:,.0f} requests/s, "
        f"p50 {saturated['p50_ms']:.1f} ms, p99 {saturated['p99_ms']:.1f} ms, "
        f"errors {saturated['errors']:.0f}"
    )
    ticks = os.sysconf("SC_CLK_TCK")
    print(
        f"during the measured run: the workers' CPU "
        f"{' / '.join(f'{100 * t / max(sum(spent), 1):.0f} %' for t in spent)}, "
        f"{1000 * sum(spent) / ticks / max(result['requests'], 1):.2f} ms per request; the "
        f"machine's CPU time stolen by its host {100 * machine[7] / max(sum(machine), 1):.1f} %"
    )
    status = "pass" if result["p99_ms"] <= TARGET_P99_MS and result["errors"] == 0 else "MISS"
    if busy:
        print(
            f"during the measured run: one busy neighbour per CPU spinning {busy:.0%} of the time"
        )
    print(
        f"mixed workload on PostgreSQL, {clients} clients (think {think} ms) {seconds} s, "
        f"{workers} workers, "
        f"{n_users} users: {result['rps']:,.0f} requests/s ({result['requests']:,.0f}), "
        f"p50 {result['p50_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms, "
        f"p99 {result['p99_ms']:.1f} ms, errors {result['errors']:.0f}  "
        f"(target p99 <= {TARGET_P99_MS:.0f} ms and 0 errors: {status})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
