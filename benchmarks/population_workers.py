"""One engine, one process: time it and measure its peak memory (RSS) on a population.

Each run is its own process so that peak RSS is that engine's alone (polars allocates outside
Python's heap, where tracemalloc cannot see). Run by ``bench_population``:

    python -m benchmarks.population_workers ENGINE N REPEAT
    python -m benchmarks.population_workers large MODE PARQUET_GLOB [TIMES]

and prints one JSON line: seconds of the first run and the best run, RSS before the first run
(the inputs), the peak RSS during it, and rows.
"""

from __future__ import annotations

import datetime as dt
import gc
import glob
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl

from benchmarks import numpy_model, openfisca_model
from benchmarks.common import proc_status, reset_peak_rss
from benchmarks.population_data import generate
from innoreg.engine.plan import plan_for
from innoreg.engine.population import evaluate_population, stream_population

JURISDICTION = "cn-ha-luoyang"
DATE = dt.date(2024, 6, 30)
PERIOD = DATE.isoformat()
LARGE_MODES = (
    "stream_population",
    "evaluate_population",
    "evaluate_population-novalidate",
)


def innoreg(frame: pl.DataFrame | pl.LazyFrame, validate: bool = True) -> Any:
    return evaluate_population(
        frame, jurisdiction=JURISDICTION, date=DATE, money="fen", validate=validate
    )


def _engine(name: str, n: int) -> tuple[Callable[[], Any], Callable[[], Any]]:
    """(setup, run) for an engine on ``n`` synthetic enterprises; run uses what setup made."""
    frame = generate(n)
    if name.startswith("innoreg"):
        plan_for(JURISDICTION, DATE)  # the plan is built once per process, not per run
        validate = name == "innoreg"
        return (lambda: None), (lambda: innoreg(frame, validate))
    arrays = numpy_model.inputs_from_frame(frame)
    frame = frame.clear()  # numpy and OpenFisca keep only their own arrays
    if name == "numpy":
        return (lambda: None), (lambda: numpy_model.compute(arrays))
    openfisca_model.tax_benefit_system()
    if name == "openfisca-total":
        return (lambda: None), (
            lambda: openfisca_model.calculate(
                openfisca_model.population_simulation(arrays, PERIOD), PERIOD
            )
        )
    state: dict[str, Any] = {}

    def setup() -> None:
        state.clear()
        gc.collect()
        state["simulation"] = openfisca_model.population_simulation(arrays, PERIOD)

    return setup, lambda: openfisca_model.calculate(state["simulation"], PERIOD)


def measure(name: str, n: int, repeat: int) -> dict[str, Any]:
    setup, run = _engine(name, n)
    setup()
    gc.collect()
    before = proc_status("VmRSS")
    peak_reset = reset_peak_rss()
    start = time.perf_counter()
    result = run()
    first = time.perf_counter() - start
    peak = proc_status("VmHWM")
    del result
    times = []
    for _ in range(repeat):
        setup()
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
        del result
    return {
        "engine": name,
        "rows": n,
        "first": first,
        "best": min(times),
        "rss_before": before,
        "peak_rss": peak,
        "peak_reset": peak_reset,
    }


def measure_large(mode: str, pattern: str, times: int = 1) -> dict[str, Any]:
    """``times`` reads the same files that many times over: more rows, same data."""
    plan_for(JURISDICTION, DATE)
    gc.collect()
    before = proc_status("VmRSS")
    peak_reset = reset_peak_rss()
    source = pl.scan_parquet(sorted(glob.glob(pattern)) * times)
    start = time.perf_counter()
    if mode.startswith("evaluate_population"):
        rows = len(innoreg(source, validate=not mode.endswith("novalidate")).frame)
    else:
        with tempfile.TemporaryDirectory(prefix="innoreg-sink-") as folder:
            streamed = stream_population(
                source,
                Path(folder) / "results.parquet",
                jurisdiction=JURISDICTION,
                date=DATE,
                money="fen",
            )
            rows = streamed.rows
    seconds = time.perf_counter() - start
    return {
        "engine": mode,
        "rows": rows,
        "first": seconds,
        "best": seconds,
        "rss_before": before,
        "peak_rss": proc_status("VmHWM"),
        "peak_reset": peak_reset,
    }


def main(argv: list[str]) -> None:
    if argv[0] == "large":
        figures = measure_large(argv[1], argv[2], int(argv[3]) if len(argv) > 3 else 1)
    else:
        figures = measure(argv[0], int(argv[1]), int(argv[2]))
    print(json.dumps(figures))


if __name__ == "__main__":
    main(sys.argv[1:])
