"""Time parsing each shipped regulation text (target: <= 50 ms each, docs/benchmarks.md) and
loading the shipped holiday calendar (target: <= 20 ms).

Run: `.venv/bin/python -m benchmarks.bench_parse [runs]`. Prints best and median of N runs."""

from __future__ import annotations

import statistics
import sys
import time

from innoreg.law import list_acts, parse_act, read_expression
from innoreg.rules.calendar import SHIPPED_PATH, HolidayCalendar

TARGET_MS = 50.0
CALENDAR_TARGET_MS = 20.0


def time_parse(text: str, runs: int) -> tuple[float, float]:
    """Best and median wall time of parsing `text`, in milliseconds."""
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        parse_act(text)
        timings.append((time.perf_counter() - start) * 1000)
    return min(timings), statistics.median(timings)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    for meta in list_acts():
        for expression in meta.expressions:
            text = read_expression(expression)
            best, median = time_parse(text, runs)
            verdict = "ok" if best <= TARGET_MS else "TOO SLOW"
            print(
                f"parse {meta.short_name} ({expression.language}, {len(text)} chars): "
                f"{best:.1f} ms best, {median:.1f} ms median of {runs} "
                f"(target <= {TARGET_MS:.0f} ms) {verdict}"
            )
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        HolidayCalendar.from_yaml(SHIPPED_PATH)
        timings.append((time.perf_counter() - start) * 1000)
    best = min(timings)
    verdict = "ok" if best <= CALENDAR_TARGET_MS else "TOO SLOW"
    print(
        f"load the shipped holiday calendar: {best:.1f} ms best, "
        f"{statistics.median(timings):.1f} ms median of {runs} "
        f"(target <= {CALENDAR_TARGET_MS:.0f} ms) {verdict}"
    )


if __name__ == "__main__":
    main()
