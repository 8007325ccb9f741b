"""Run every benchmark and print the figures against the project's targets (docs/benchmarks.md).

    .venv/bin/python -m benchmarks           # `make bench`: parse, one case, populations,
                                             # simulate with a reform, Dask, the records
                                             # and the back office's figures, the
                                             # records API's lists at 2% of their
                                             # full sizes
    .venv/bin/python -m benchmarks --quick   # CI smoke: 100,000 enterprises, no Parquet run,
                                             # the records at 1%

Environment: ``INNOREG_BENCH_N`` (population size, default 1,000,000),
``INNOREG_BENCH_LARGE_N`` (Parquet run, default 10,000,000; 0 skips it),
``INNOREG_BENCH_DATA`` (where the Parquet files are kept between runs),
``INNOREG_BENCH_SIM_N`` (synth and simulate, default 1,000,000),
``INNOREG_BENCH_DASK_SIZES`` (Dask against local, default 250000,1000000,4000000).

Missing a target is reported, not an error (exit code 0); engines that disagree on any result
are an error (exit code 1).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import sys
import time
import traceback

from benchmarks import (
    bench_case,
    bench_dashboard,
    bench_population,
    bench_records,
    bench_records_api,
    bench_simulate,
)
from benchmarks.common import EngineMismatch, Report, print_table

PARSE_LINE = re.compile(
    r"parse (?P<name>.+?) \((?P<language>[\w-]+), \d+ chars\): (?P<best>[\d.]+) ms best"
)
PARSE_TARGET_MS = 50.0


def run_parse(report: Report, quick: bool) -> None:
    """``benchmarks.bench_parse`` (someone else's), its lines turned into figures."""
    print("parsing")
    try:
        from benchmarks import bench_parse
    except ImportError as exc:
        report.add("parsing", f"skipped: {exc}", "", "skip")
        return
    output = io.StringIO()
    saved = sys.argv
    sys.argv = ["bench_parse", "10" if quick else "50"]
    try:
        with contextlib.redirect_stdout(output):
            bench_parse.main()
    finally:
        sys.argv = saved
    lines = output.getvalue().splitlines()
    found = [m for m in (PARSE_LINE.search(line) for line in lines) if m]
    for match in found:
        best = float(match["best"])
        report.add(
            f"parse {match['name']} ({match['language']})",
            f"{best:.1f} ms best",
            f"<= {PARSE_TARGET_MS:.0f} ms",
            "pass" if best <= PARSE_TARGET_MS else "MISS",
        )
    if not found:
        report.note("bench_parse printed no line this summary understands: " + " | ".join(lines))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="100,000 enterprises, no Parquet run")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    report = Report()
    try:
        run_parse(report, args.quick)
        parts = (
            bench_case.main,
            bench_population.main,
            bench_simulate.main,
            bench_records.scaled,
            bench_dashboard.scaled,
            bench_records_api.scaled,
        )
        for part in parts:
            sub = part(quick=args.quick)
            report.figures += sub.figures
            report.notes += sub.notes
    except EngineMismatch as exc:
        print_table(report)
        print(f"\nRESULTS DIFFER BETWEEN ENGINES:\n{exc}", file=sys.stderr)
        return 1
    except Exception:  # a broken benchmark is reported with what was measured so far
        print_table(report)
        traceback.print_exc()
        return 2
    print_table(report)
    missed = [f.name for f in report.figures if f.status == "MISS"]
    print(
        f"\n{len(missed)} target(s) missed"
        + (f": {', '.join(missed)}" if missed else "")
        + f"; {time.perf_counter() - started:.0f} s in all"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
