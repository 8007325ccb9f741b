"""Shared pieces of the benchmarks: timing, peak memory, engine workers, the figures table."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GIB = 1024**3
MIB = 1024**2


class EngineMismatch(AssertionError):  # noqa: N818 - reads as what happened
    """Two engines disagree on some variable for some rows: a benchmark must not go on."""


@dataclass
class Figure:
    """One line of the summary: what was measured, its value and, if any, its target."""

    name: str
    value: str
    target: str = ""
    status: str = ""  # "pass", "MISS", "skip" or ""


@dataclass
class Report:
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, name: str, value: str, target: str = "", status: str = "") -> None:
        self.figures.append(Figure(name, value, target, status))
        print(f"  {name}: {value}" + (f"  (target {target}: {status})" if target else ""))

    def note(self, text: str) -> None:
        self.notes.append(text)
        print(f"  note: {text}")


def best_of(fn: Callable[[], Any], repeat: int) -> float:
    """The least wall time of ``repeat`` calls (seconds)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def median_time(fn: Callable[[], Any], runs: int) -> float:
    """The median wall time of ``runs`` calls (seconds)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds >= 0.001 else f"{seconds * 1000:.3f} ms"


def mib(size: int) -> str:
    return f"{size / MIB:,.0f} MiB"


def status(ok: bool) -> str:
    return "pass" if ok else "MISS"


def proc_status(key: str) -> int:
    """A size from /proc/self/status (``VmRSS``, ``VmHWM``) in bytes; 0 where unavailable."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def reset_peak_rss() -> bool:
    """Start a new peak-RSS window (Linux: writing 5 to clear_refs resets VmHWM)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def run_worker(module: str, args: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run ``python -m <module> <args>`` in a fresh process; it prints one JSON line last."""
    completed = subprocess.run(
        [PYTHON, "-m", module, *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(
            f"worker {module} {' '.join(args)} failed ({completed.returncode}):\n"
            + completed.stderr[-3000:]
        )
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").replace("_", "").strip()
    return int(raw) if raw else default


def print_table(report: Report) -> None:
    rows = [("figure", "measured", "target", "")] + [
        (f.name, f.value, f.target, f.status) for f in report.figures
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    line = "  ".join("-" * w for w in widths)
    print()
    for index, row in enumerate(rows):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if index == 0:
            print(line)
    for text in report.notes:
        print(f"- {text}")


def database_benchmark_arguments(
    doc: str | None, figures: tuple[str, ...]
) -> tuple[argparse.Namespace, list[str]]:
    """The command line of a benchmark run on SQLite and PostgreSQL (``--backend``, ``--scale``,
    ``--only``): the arguments and the backends to run, after printing the load average."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full sizes")
    parser.add_argument(
        "--only", nargs="+", choices=figures, default=list(figures), help="figures to measure"
    )
    args = parser.parse_args()
    print(f"load average at start: {load_average()}")
    return args, ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())
