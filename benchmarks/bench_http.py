"""HTTP benchmarks with Debian's ``wrk`` on loopback: ``POST /v1/evaluate`` (one enterprise)
against the OpenFisca Web API serving the same rules (gunicorn), in the same run with the same
number of workers; page latency (p95) and the checker's PDF.

    .venv/bin/python -m benchmarks.bench_http        # `make bench-http`

Environment: ``INNOREG_BENCH_HTTP_SECONDS`` (the 50-client runs, default 60),
``INNOREG_BENCH_HTTP_WORKERS`` (default 2).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from benchmarks import openfisca_model
from benchmarks.bench_case import ENTERPRISE, PERIOD, openfisca_inputs
from benchmarks.common import PYTHON, ROOT

BIN = Path(PYTHON).parent
CASE = {
    "jurisdiction": "cn-ha-luoyang",
    "date": PERIOD,
    "enterprises": [{"id": "e1", **ENTERPRISE}],
}
PAGES = [
    "/",
    "/checker/place",
    "/checker/result?place=luoyang&revenue=80000000.00&rd=500000.00&status=above_designated_size&industry=C&on=2024-06-30",
    "/transfer?calculate=1&holder_kind=university&state_established=yes&fiscally_funded=yes&has_reward_rules=yes&mode=license&net_income=2000000&reward_cash=800000&on-day=30&on-month=6&on-year=2024",
    "/deadline?calculate=1&kind=patent&fiscally_funded=yes&rights_obtained_on-day=1&rights_obtained_on-month=10&rights_obtained_on-year=2021&implementation_conditions_met=yes&justifiable_reason=no&on-day=9&on-month=10&on-year=2024",
    "/law/luoyang",
    "/rules/rd_intensity_required",
    "/law/search?q=patent",
]
PDF = PAGES[2].replace("/checker/result?", "/checker/result.pdf?")
LUA = """
wrk.method = "{method}"
wrk.body = {body}
wrk.headers["Content-Type"] = "application/json"
done = function(summary, latency, requests)
  io.write(string.format("P50 %d\\nP95 %d\\nP99 %d\\nREQS %d\\nSECS %f\\nERR %d\\nNON2XX %d\\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99), summary.requests,
    summary.duration / 1e6, summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout, summary.errors.status))
end
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait(url: str, seconds: float = 30.0) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        try:
            with urllib.request.urlopen(url, timeout=1) as answer:
                if answer.status == 200:
                    return time.perf_counter() - started
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def wrk(
    url: str, clients: int, seconds: int, body: Any = None, threads: int = 1
) -> dict[str, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        method = "POST" if body is not None else "GET"
        script.write(
            LUA.format(method=method, body=json.dumps(json.dumps(body)) if body else "nil")
        )
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{clients}", f"-d{seconds}s", "-s", script.name, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(script.name)
    return wrk_figures(out)


def wrk_figures(out: str) -> dict[str, float]:
    """The figures the ``done`` hook of our wrk scripts prints (latencies in ms)."""
    values = dict(re.findall(r"^(P50|P95|P99|REQS|SECS|ERR|NON2XX) ([\d.]+)$", out, re.M))
    return {
        "p50_ms": float(values["P50"]) / 1000,
        "p95_ms": float(values["P95"]) / 1000,
        "p99_ms": float(values["P99"]) / 1000,
        "rps": float(values["REQS"]) / float(values["SECS"]),
        "requests": float(values["REQS"]),
        "errors": float(values["ERR"]) + float(values["NON2XX"]),
    }


def main() -> int:
    if not shutil.which("wrk"):
        print("wrk is missing: apt-get install wrk", file=sys.stderr)
        return 2
    seconds = int(os.environ.get("INNOREG_BENCH_HTTP_SECONDS", "60"))
    workers = int(os.environ.get("INNOREG_BENCH_HTTP_WORKERS", "2"))
    env = {**os.environ, "INNOREG_ACCESS_LOG": "true", "PYTHONPATH": str(ROOT)}
    ours, theirs = free_port(), free_port()
    started = time.perf_counter()
    innoreg = subprocess.Popen(
        [str(BIN / "innoreg"), "serve", "--port", str(ours), "--workers", str(workers)],
        env=env,
        stderr=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
    )
    openfisca = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "-w",
            str(workers),
            "-b",
            f"127.0.0.1:{theirs}",
            "benchmarks.openfisca_web:app",
        ],
        env=env,
        cwd=ROOT,
        stderr=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
    )
    try:
        ready = wait(f"http://127.0.0.1:{ours}/readyz") + (time.perf_counter() - started) * 0
        print(f"innoreg ready in {ready:.2f} s", file=sys.stderr)
        wait(f"http://127.0.0.1:{theirs}/spec", 60)
        situation = {
            "enterprises": {
                "e1": {
                    **{k: {PERIOD: v} for k, v in openfisca_inputs().items()},
                    **{name: {PERIOD: None} for name in openfisca_model.OUTPUTS},
                }
            }
        }
        rows: list[tuple[str, str]] = [("innoreg ready after start", f"{ready:.2f} s")]
        for name, url, body in (
            ("innoreg", f"http://127.0.0.1:{ours}/v1/evaluate", CASE),
            ("OpenFisca Web API", f"http://127.0.0.1:{theirs}/calculate", situation),
        ):
            print(f"measuring {name}", file=sys.stderr)
            wrk(url, 1, 2, body)  # warm-up
            one = wrk(url, 1, 10, body)
            many = wrk(url, 50, seconds, body, threads=2)
            rows.append(
                (f"{name}, 1 client", f"p50 {one['p50_ms']:.2f} ms, p99 {one['p99_ms']:.2f} ms")
            )
            rows.append(
                (
                    f"{name}, 50 clients {seconds} s, {workers} workers",
                    f"{many['rps']:,.0f}/s, p99 {many['p99_ms']:.1f} ms, "
                    f"errors {many['errors']:.0f}",
                )
            )
            if name == "innoreg":
                ours_rps = many["rps"]
            else:
                rows.append(
                    ("throughput ratio innoreg / OpenFisca", f"{ours_rps / many['rps']:.1f}x")
                )
        for page in PAGES:
            result = wrk(f"http://127.0.0.1:{ours}{page}", 1, 3)
            rows.append((f"page {page[:60]}", f"p95 {result['p95_ms']:.1f} ms"))
        timings = []
        for _ in range(5):
            t = time.perf_counter()
            with urllib.request.urlopen(f"http://127.0.0.1:{ours}{PDF}", timeout=30) as answer:
                answer.read()
            timings.append(time.perf_counter() - t)
        rows.append(
            (
                "checker result PDF (median of 5, first included)",
                f"{statistics.median(timings) * 1000:.0f} ms (first {timings[0] * 1000:.0f} ms)",
            )
        )
    finally:
        for process in (innoreg, openfisca):
            process.terminate()
            process.wait(10)
    width = max(len(r[0]) for r in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
