"""A population: innoreg's ``evaluate_population`` against hand-written numpy and OpenFisca.

    .venv/bin/python -m benchmarks.bench_population

N enterprises (``INNOREG_BENCH_N``, default 1,000,000), money in fen. First the three
engines' results are compared for every variable on every row (a difference stops the run);
then each engine is timed (best of ``REPEAT`` runs in each of ``ROUNDS`` processes) and its
peak RSS measured in a process of its own. Last, a large population from Parquet
(``INNOREG_BENCH_LARGE_N``, default 10,000,000; 0 skips it) through ``pl.scan_parquet``, to
see whether it streams and whether its cost is linear (against a tenth of it).
"""

from __future__ import annotations

import gc
from typing import Any

from benchmarks import compare, numpy_model, openfisca_model
from benchmarks.common import (
    GIB,
    Report,
    best_of,
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
REPEAT = 7
ROUNDS = 2  # each engine runs in ROUNDS processes, interleaved, against passing load
WORKERS = "benchmarks.population_workers"
ENGINES = (
    "innoreg",
    "innoreg-novalidate",
    "numpy",
    "openfisca-compute",
    "openfisca-total",
)


def _rounds(runs: list[list[str]]) -> list[dict[str, Any]]:
    """Each worker run ROUNDS times, interleaved; the best times and the highest peak."""
    results: list[list[dict[str, Any]]] = [[] for _ in runs]
    for _ in range(ROUNDS):
        for index, args in enumerate(runs):
            results[index].append(run_worker(WORKERS, args))
    merged = []
    for figures in results:
        best = dict(figures[0])
        best["first"] = min(f["first"] for f in figures)
        best["best"] = min(f["best"] for f in figures)
        best["peak_rss"] = max(f["peak_rss"] for f in figures)
        best["rss_before"] = min(f["rss_before"] for f in figures)
        merged.append(best)
    return merged


def check_identical(n: int) -> float:
    """innoreg == numpy == OpenFisca on ``n`` synthetic enterprises, every variable; returns
    the time to turn the polars frame into the baselines' numpy arrays (best of 3)."""
    frame = generate(n)
    reference = compare.innoreg_variables(innoreg(frame))
    arrays = numpy_model.inputs_from_frame(frame)
    compare.assert_identical(
        reference, compare.numpy_frame(numpy_model.compute(arrays)), frame, "numpy"
    )
    simulation = openfisca_model.population_simulation(arrays, PERIOD)
    results = openfisca_model.calculate(simulation, PERIOD, helpers=True)
    compare.assert_identical(reference, compare.openfisca_frame(results), frame, "openfisca")
    return best_of(lambda: numpy_model.inputs_from_frame(frame), 3)


def _peak(figures: dict[str, Any]) -> str:
    extra = figures["peak_rss"] - figures["rss_before"]
    return f"peak RSS {mib(figures['peak_rss'])} ({mib(extra)} over its inputs)"


def run_population(report: Report, n: int) -> None:
    print(f"population: {n:,} enterprises")
    conversion = check_identical(n)
    gc.collect()
    report.add(f"population {n:,}: results identical", "innoreg == numpy == OpenFisca", "", "pass")
    measured = _rounds([[engine, str(n), str(REPEAT)] for engine in ENGINES])
    figures = dict(zip(ENGINES, measured, strict=True))
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
            f"{ms(f['best'])} best of {ROUNDS}x{REPEAT}, first {ms(f['first'])}; {_peak(f)}",
        )
    report.add("polars frame -> numpy arrays (baselines' inputs, not timed above)", ms(conversion))
    best = {engine: f["best"] for engine, f in figures.items()}
    ratio = best["innoreg"] / best["numpy"]
    report.add("population: innoreg / numpy", f"{ratio:.2f}x", "<= 1.0x", status(ratio <= 1.0))
    ratio = best["innoreg-novalidate"] / best["numpy"]
    report.add("population: innoreg (validate=False) / numpy", f"{ratio:.2f}x")
    ratio = best["innoreg"] / (best["numpy"] + conversion)
    report.add("population: innoreg / numpy with frame->arrays conversion", f"{ratio:.2f}x")
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
    small_figures, f = _rounds([["large", LARGE_MODES[0], base], ["large", LARGE_MODES[0], large]])
    figures = {LARGE_MODES[0]: f}
    for mode in LARGE_MODES[1:]:
        try:
            figures[mode] = _rounds([["large", mode, large]])[0]
        except RuntimeError as exc:
            report.note(f"{mode} failed: {str(exc).splitlines()[-1]}")
    report.add(
        f"large {n:,} from Parquet: stream_population to Parquet",
        f"{f['best']:.2f} s best of {ROUNDS} processes; {_peak(f)}",
        "peak <= 2 GiB",
        status(f["peak_rss"] <= 2 * GIB),
    )
    linear = f["best"] / (small_figures["best"] * n / small)
    report.add(
        f"large: time({n:,}) / ({n // small} x time({small:,}))",
        f"{linear:.2f} ({f['best']:.2f} s vs {small_figures['best']:.2f} s)",
        "~1 (linear)",
        status(linear <= 1.25),
    )
    tripled = _rounds([["large", LARGE_MODES[0], large, "3"]])[0]
    per_row = (tripled["peak_rss"] - f["peak_rss"]) / (2 * n)
    report.add(
        f"large: streams (peak RSS growth per row, {n:,} -> {3 * n:,} rows)",
        f"{per_row:.1f} bytes/row ({mib(f['peak_rss'])} -> {mib(tripled['peak_rss'])})",
        "bounded (<= 8)",
        status(per_row <= 8),
    )
    for mode in LARGE_MODES[1:]:
        if mode in figures:
            g = figures[mode]
            report.add(f"large {n:,}: {mode}", f"{g['best']:.2f} s; {_peak(g)}")
    if per_row > 8:
        report.note(
            "stream_population's peak RSS grows with the rows: it does not stream "
            "(see docs/benchmarks.md)"
        )


def main(quick: bool = False) -> Report:
    report = Report()
    n = 100_000 if quick else env_int("INNOREG_BENCH_N", DEFAULT_N)
    run_population(report, n)
    large = 0 if quick else env_int("INNOREG_BENCH_LARGE_N", DEFAULT_LARGE_N)
    if large:
        run_large(report, large, max(large // 10, 1))
    else:
        report.add("large population from Parquet", "skipped", "", "skip")
    return report


if __name__ == "__main__":
    from benchmarks.common import print_table

    print_table(main())
