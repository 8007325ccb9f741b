"""A population: innoreg's ``evaluate_population`` against hand-written numpy and OpenFisca.

    .venv/bin/python -m benchmarks.bench_population

N enterprises (``INNOREG_BENCH_N``, default 1,000,000), money in fen. First the three
engines' results are compared for every variable on every row (a difference stops the run);
then each engine is timed (best of ``REPEAT``) and its peak RSS measured in a process of its
own. Last, a large population from Parquet (``INNOREG_BENCH_LARGE_N``, default 10,000,000;
0 skips it) through ``pl.scan_parquet`` to see whether it streams.
"""

from __future__ import annotations

import gc
from typing import Any

from benchmarks import compare, numpy_model, openfisca_model
from benchmarks.common import (
    GIB,
    Report,
    env_int,
    mib,
    ms,
    run_worker,
    status,
)
from benchmarks.population_data import generate, parquet_glob, write_parquet
from benchmarks.population_workers import LARGE_MODES, PERIOD, innoreg

DEFAULT_N = 1_000_000
DEFAULT_LARGE_N = 10_000_000
REPEAT = 5
WORKERS = "benchmarks.population_workers"


def check_identical(n: int) -> None:
    """innoreg == numpy == OpenFisca on ``n`` synthetic enterprises, every variable."""
    frame = generate(n)
    reference = compare.innoreg_variables(innoreg(frame))
    arrays = numpy_model.inputs_from_frame(frame)
    compare.assert_identical(
        reference, compare.numpy_frame(numpy_model.compute(arrays)), frame, "numpy"
    )
    simulation = openfisca_model.population_simulation(arrays, PERIOD)
    results = openfisca_model.calculate(simulation, PERIOD, helpers=True)
    compare.assert_identical(reference, compare.openfisca_frame(results), frame, "openfisca")


def _peak(figures: dict[str, Any]) -> str:
    extra = figures["peak_rss"] - figures["rss_before"]
    return f"peak RSS {mib(figures['peak_rss'])} ({mib(extra)} over its inputs)"


def run_population(report: Report, n: int) -> None:
    print(f"population: {n:,} enterprises")
    check_identical(n)
    gc.collect()
    report.add(f"population {n:,}: results identical", "innoreg == numpy == OpenFisca", "", "pass")
    figures = {
        engine: run_worker(WORKERS, [engine, str(n), str(REPEAT)])
        for engine in (
            "innoreg",
            "innoreg-novalidate",
            "numpy",
            "openfisca-compute",
            "openfisca-total",
        )
    }
    labels = {
        "innoreg": "innoreg evaluate_population (money=fen)",
        "innoreg-novalidate": "innoreg evaluate_population, validate=False",
        "numpy": "numpy model (compute)",
        "openfisca-compute": "OpenFisca (calculate)",
        "openfisca-total": "OpenFisca (load arrays + calculate)",
    }
    for engine, label in labels.items():
        f = figures[engine]
        report.add(
            f"{label}",
            f"{ms(f['best'])} best of {REPEAT}, first {ms(f['first'])}; {_peak(f)}",
        )
    best = {engine: f["best"] for engine, f in figures.items()}
    ratio = best["innoreg"] / best["numpy"]
    report.add("population: innoreg / numpy", f"{ratio:.2f}x", "<= 1.0x", status(ratio <= 1.0))
    ratio = best["innoreg-novalidate"] / best["numpy"]
    report.add("population: innoreg (validate=False) / numpy", f"{ratio:.2f}x")
    speedup = best["openfisca-total"] / best["innoreg"]
    report.add(
        "population: OpenFisca (load+calculate) / innoreg",
        f"{speedup:.2f}x",
        ">= 10x",
        status(speedup >= 10),
    )
    speedup = best["openfisca-compute"] / best["innoreg"]
    report.add("population: OpenFisca (calculate only) / innoreg", f"{speedup:.2f}x")


def run_large(report: Report, n: int, small: int) -> None:
    print(f"large population: {n:,} enterprises from Parquet (scan_parquet)")
    large = parquet_glob(write_parquet(n))
    base = parquet_glob(write_parquet(small))
    figures = {}
    for mode in LARGE_MODES:
        try:
            figures[mode] = run_worker(WORKERS, ["large", mode, large])
        except RuntimeError as exc:  # the prototypes use private helpers that may change
            report.note(f"{mode} skipped: {str(exc).splitlines()[0]}")
    f = figures.get("evaluate_population")
    if f is None:
        return
    report.add(
        f"large {n:,} from Parquet: evaluate_population",
        f"{f['best']:.2f} s; {_peak(f)}",
        "peak <= 2 GiB",
        status(f["peak_rss"] <= 2 * GIB),
    )
    small_figures = run_worker(WORKERS, ["large", "evaluate_population", base])
    linear = f["best"] / (small_figures["best"] * n / small)
    report.add(
        f"large: time({n:,}) / ({n // small} x time({small:,}))",
        f"{linear:.2f} ({f['best']:.2f} s vs {small_figures['best']:.2f} s)",
        "~1 (linear)",
        status(linear <= 1.25),
    )
    per_row = (f["peak_rss"] - small_figures["peak_rss"]) / (n - small)
    report.add(
        "large: streams (peak RSS growth per row)",
        f"{per_row:.0f} bytes/row",
        "bounded (~0)",
        status(per_row <= 16),
    )
    for mode in LARGE_MODES[1:]:
        if mode in figures:
            g = figures[mode]
            report.add(f"large {n:,}: {mode}", f"{g['best']:.2f} s; {_peak(g)}")
    if per_row > 16:
        report.note(
            "evaluate_population over a LazyFrame collects the whole result in memory: peak "
            "RSS grows with the rows, so it does not stream (see docs/benchmarks.md)"
        )


def main(quick: bool = False) -> Report:
    report = Report()
    n = 100_000 if quick else env_int("INNOREG_BENCH_N", DEFAULT_N)
    run_population(report, n)
    large = 0 if quick else env_int("INNOREG_BENCH_LARGE_N", DEFAULT_LARGE_N)
    if large:
        run_large(report, large, min(DEFAULT_N, large))
    else:
        report.add("large population from Parquet", "skipped", "", "skip")
    return report


if __name__ == "__main__":
    from benchmarks.common import print_table

    print_table(main())
