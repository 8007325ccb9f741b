"""Populations at scale: the synthetic city, `simulate` with a reform against the baseline
alone, and the Dask engine on 2 local workers against the local engine.

    .venv/bin/python -m benchmarks.bench_simulate

- synth: ``synthesise(N)`` (default 1,000,000), best of 3 — target <= 5 s;
- simulate: ``simulate(city.parquet, output=results.parquet)`` of the same N rows, baseline
  alone and baseline + one reform, alternated, best of ``REPEAT`` each — target: the reform
  run <= 2x the baseline's;
- Dask: the same simulation over Parquet files of ``DASK_FILE_ROWS`` rows, locally and on a
  ``LocalCluster`` of 2 worker processes (started once; its start-up reported apart), at
  several sizes (``INNOREG_BENCH_DASK_SIZES``); the crossover is the least size at which the
  cluster is no slower than the local engine.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks.common import ROOT, Report, best_of, env_int, status
from benchmarks.population_data import data_dir

DEFAULT_N = 1_000_000
REPEAT = 3
DASK_FILE_ROWS = 250_000
DEFAULT_DASK_SIZES = (250_000, 1_000_000, 4_000_000)
LAW = {
    "jurisdiction": "luoyang",
    "date": dt.date(2024, 6, 30),
    "assumptions": {"cn-ha-luoyang.in_force": dt.date(2015, 3, 1)},
}
REFORM = ROOT / "examples" / "reforms" / "threshold-and-deduction.yaml"


def city_files(n: int, file_rows: int) -> Path:
    """``n`` synthetic enterprises as Parquet files of ``file_rows`` (cached by the
    generator's source)."""
    from innoreg.batch import synth

    version = hashlib.sha256(Path(synth.__file__).read_bytes()).hexdigest()[:8]
    folder = data_dir() / f"city-{n}-{file_rows}-{version}"
    if (folder / "COMPLETE").exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    city = synth.synthesise(n, seed=synth.DEFAULT_SEED)
    for index, start in enumerate(range(0, n, file_rows)):
        city.slice(start, file_rows).write_parquet(folder / f"part-{index:05d}.parquet")
    (folder / "COMPLETE").write_text(f"{n}\n")
    return folder


def run_synth(report: Report, n: int) -> None:
    from innoreg.batch.synth import synthesise

    print(f"synth: {n:,} enterprises")
    synthesise(1_000)  # imports and first calls out of the timing
    seconds = best_of(lambda: synthesise(n), 3)
    report.add(
        f"synth {n:,} enterprises",
        f"{seconds:.2f} s best of 3",
        "<= 5 s",
        status(seconds <= 5.0 * n / DEFAULT_N),
    )


def run_reform(report: Report, n: int) -> None:
    from innoreg.batch import Reform, simulate

    print(f"simulate: {n:,} rows, Parquet to Parquet, baseline and baseline + reform")
    source = next(city_files(n, n).glob("part-*.parquet"))
    reform = Reform.from_yaml(REFORM)
    with tempfile.TemporaryDirectory(prefix="innoreg-simulate-") as folder:
        out = Path(folder) / "results.parquet"
        simulate(str(source), output=out, reform=reform, **LAW)  # warm: plans, imports
        times: dict[str, list[float]] = {"baseline": [], "reform": []}
        for _ in range(REPEAT):
            for name, chosen in (("baseline", None), ("reform", reform)):
                start = time.perf_counter()
                simulate(str(source), output=out, reform=chosen, **LAW)
                times[name].append(time.perf_counter() - start)
    base, both = min(times["baseline"]), min(times["reform"])
    report.add(f"simulate {n:,} Parquet -> Parquet, baseline", f"{base:.2f} s best of {REPEAT}")
    report.add(f"simulate {n:,}, baseline + reform", f"{both:.2f} s best of {REPEAT}")
    ratio = both / base
    report.add(
        "simulate: baseline + reform / baseline", f"{ratio:.2f}x", "<= 2x", status(ratio <= 2.0)
    )


def run_dask(report: Report, sizes: tuple[int, ...]) -> None:
    import logging

    from distributed import LocalCluster

    from innoreg.batch import Reform, simulate

    print(f"Dask: 2 local workers against the local engine at {', '.join(f'{s:,}' for s in sizes)}")
    reform = Reform.from_yaml(REFORM)
    started = time.perf_counter()
    cluster = LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        silence_logs=logging.ERROR,
    )
    report.add("Dask LocalCluster (2 processes) start-up", f"{time.perf_counter() - started:.2f} s")
    crossover = None
    try:
        for size in sizes:
            pattern = str(city_files(size, DASK_FILE_ROWS) / "part-*.parquet")
            folder = Path(tempfile.mkdtemp(prefix="innoreg-dask-"))
            try:
                figures = {}
                for engine in ("local", "dask", "local", "dask"):
                    scheduler = cluster.scheduler_address if engine == "dask" else None
                    start = time.perf_counter()
                    simulate(
                        pattern,
                        output=folder / f"{engine}.parquet",
                        reform=reform,
                        engine=engine,
                        scheduler=scheduler,
                        **LAW,
                    )  # type: ignore[arg-type]
                    seconds = time.perf_counter() - start
                    figures[engine] = min(figures.get(engine, seconds), seconds)
            finally:
                shutil.rmtree(folder, ignore_errors=True)
            ratio = figures["dask"] / figures["local"]
            files = -(-size // DASK_FILE_ROWS)
            report.add(
                f"Dask 2 workers / local, {size:,} rows ({files} files), with reform",
                f"{ratio:.2f}x ({figures['dask']:.2f} s vs {figures['local']:.2f} s)",
            )
            if crossover is None and ratio <= 1.0:
                crossover = size
    finally:
        cluster.close()
    report.add(
        "Dask crossover (least size where 2 workers <= local)",
        f"{crossover:,} rows" if crossover else f"none up to {max(sizes):,} rows on this machine",
    )
    report.note(
        f"the machine has {os.cpu_count()} cores: 2 local Dask workers add no cores to the local "
        "engine (polars uses them all); where they pay, one worker's serial steps (checks, "
        "cube, Parquet writing) overlap the other's work"
    )


def main(quick: bool = False) -> Report:
    report = Report()
    n = 100_000 if quick else env_int("INNOREG_BENCH_SIM_N", DEFAULT_N)
    run_synth(report, n)
    run_reform(report, n)
    raw = os.environ.get("INNOREG_BENCH_DASK_SIZES", "")
    sizes = tuple(int(s.replace("_", "")) for s in raw.split(",") if s.strip())
    if quick:
        sizes = (100_000, 400_000)
    run_dask(report, sizes or DEFAULT_DASK_SIZES)
    return report


if __name__ == "__main__":
    from benchmarks.common import print_table

    print_table(main())
