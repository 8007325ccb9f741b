"""The back office's two numbers, on SQLite and PostgreSQL, each beside baselines measured in the
same run:

    .venv/bin/python -m benchmarks.bench_dashboard                   # both databases, full size
    .venv/bin/python -m benchmarks.bench_dashboard --scale 0.1        # a tenth of the sizes
    .venv/bin/python -m benchmarks.bench_dashboard --backend sqlite --only whatif

- the dashboard (``records.reports.dashboard``) over 100,000 filings with determinations,
  target ≤ 0.3 s; baselines: ``count(*)`` of the filings and the same group-by without the
  figures (each filing carries its determination's figures in typed columns since migration
  0003);
- the what-if over the demo city (3,000 enterprises, a reform beside the law) and its report,
  target ≤ 3 s; baselines: reading the filings into a population, and ``simulate`` of the same
  rows already in memory.

The dashboard's city (``benchmarks/dashboard_city.py``): 100,000 enterprises with one decided
filing each for 2023, the result documents holding the engine's values with explanations of
real size; in proportion to the demo, 134,000 IP assets, 2,000 transfers with reward plans and
determinations, 5,000 applications with their moves. PostgreSQL: a throwaway database on
``INNOREG_TEST_POSTGRES_URL``, dropped afterwards.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import text

from benchmarks.bench_records import database, postgres_reachable
from benchmarks.common import Report, database_benchmark_arguments, load_average, status
from benchmarks.dashboard_city import DAY, YEAR, seed_city
from innoreg.records.db import Database
from innoreg.records.demo import load_demo
from innoreg.records.reports import dashboard
from innoreg.records.repositories import BUREAU

TARGETS = {"dashboard": 0.3, "whatif": 3.0}
REFORM = Path(__file__).resolve().parent.parent / "examples/reforms/threshold-and-deduction.yaml"


def timed(work: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    """The best of ``repeat`` runs, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


PLAIN_GROUP_BY = """
SELECT o.district, substr(o.industry, 1, 1), f.size_class, count(*)
FROM filings f JOIN organisations o ON o.id = f.organisation_id
WHERE f.fiscal_year = :year GROUP BY 1, 2, 3
"""


def bench_dashboard(db: Database, count: int) -> Iterator[tuple[str, float, float | None]]:
    """(what, seconds, target or None): the dashboard as shipped and its baselines."""
    seeded = seed_city(db, count, random.Random(2024))

    def figures() -> Any:
        with db.read(snapshot=True) as session:
            return dashboard(session, scope=BUREAU, fiscal_year=YEAR, as_of=DAY)

    first, _ = timed(figures)
    best, shown = timed(figures, repeat=3)
    assert shown.filings.total.filings == count, shown.filings.total
    assert shown.transfers.total.transfers > 0 and shown.applications.total.approved > 0
    with db.engine.connect() as connection:
        baseline, _ = timed(
            lambda: connection.execute(text("SELECT count(*) FROM filings")).scalar(), repeat=3
        )
        plain, _ = timed(
            lambda: connection.execute(text(PLAIN_GROUP_BY), {"year": YEAR}).all(), repeat=3
        )
    eligible = shown.filings.total.eligible
    what = (
        f"dashboard over {count:,} filings ({eligible:,} eligible), {seeded['transfers']:,} "
        f"transfers, {shown.overdue_ip.total.assets:,} overdue IP, "
        f"{seeded['applications']:,} applications"
    )
    yield f"{what}: first run", first, None
    yield what, best, TARGETS["dashboard"]
    for name, part in _parts(db).items():
        yield f"  of which {name}", part, None
    yield "baseline: SELECT count(*) FROM filings", baseline, None
    yield "baseline: the same group-by without the figures", plain, None


def _parts(db: Database) -> dict[str, float]:
    """Each figure of the dashboard alone (best of 3)."""
    from innoreg.records.reports import (
        application_figures,
        filing_figures,
        overdue_ip_figures,
        transfer_figures,
    )

    parts = {}
    with db.read() as session:
        parts["filings"], _ = timed(
            lambda: filing_figures(session, scope=BUREAU, fiscal_year=YEAR), repeat=3
        )
        for name, function in (
            ("transfers", transfer_figures),
            ("overdue IP", overdue_ip_figures),
            ("applications", application_figures),
        ):
            parts[name], _ = timed(
                lambda f=function: f(session, scope=BUREAU, fiscal_year=YEAR, as_of=DAY),  # type: ignore[misc]
                repeat=3,
            )
    return parts


def bench_whatif(db: Database, enterprises_: int) -> Iterator[tuple[str, float, float | None]]:
    """The what-if over the demo city with the docs' reform, and its report."""
    from innoreg.batch import Reform, simulate
    from innoreg.batch.records_whatif import records_population, records_whatif
    from innoreg.batch.report import write_report

    load_demo(db, enterprises=enterprises_)
    reform = Reform.from_yaml(REFORM)

    def whatif() -> Any:
        with db.read() as session:
            return records_whatif(session, scope=BUREAU, fiscal_year=YEAR, date=DAY, reform=reform)

    first, _ = timed(whatif)
    best, run = timed(whatif, repeat=3)
    with tempfile.TemporaryDirectory() as folder:
        report, _ = timed(lambda: write_report(run, Path(folder) / "report", lang="zh"), repeat=2)
    with db.read() as session:
        read, population = timed(
            lambda: records_population(session, scope=BUREAU, fiscal_year=YEAR, date=DAY),
            repeat=3,
        )
    engine, _ = timed(
        lambda: simulate(
            population,
            jurisdiction="luoyang",
            date=DAY,
            reform=reform,
            assumptions={"cn-ha-luoyang.in_force": dt.date(2015, 1, 1)},
            keep=("organisation_id",),
        ),
        repeat=3,
    )
    what = f"what-if over the demo city ({run.rows:,} filings, reform beside the law)"
    yield f"{what}: first run (plans built)", first, None
    yield what, best, None
    yield "  its report (HTML, 3 charts as PNG and SVG, workbook)", report, None
    yield f"{what} and its report", best + report, TARGETS["whatif"]
    yield "baseline: reading the filings into a population", read, None
    yield "baseline: simulate of the same rows already in memory", engine, None


FIGURES = ("dashboard", "whatif")


def run(
    backend: str, scale: float, only: tuple[str, ...] = FIGURES
) -> Iterator[tuple[str, float, float | None]]:
    for figure in only:
        with tempfile.TemporaryDirectory() as folder, database(backend, Path(folder)) as db:
            if figure == "dashboard":
                yield from bench_dashboard(db, max(200, int(100_000 * scale)))
            else:
                yield from bench_whatif(db, max(100, int(3_000 * scale)))


def summary(scale: float) -> Report:
    """For ``python -m benchmarks``: both numbers at ``scale``; targets judged at full size."""
    report = Report()
    print(f"back office (scale {scale})")
    backends = ["sqlite"] + (["postgresql"] if postgres_reachable() else [])
    for backend in backends:
        for name, seconds, target in run(backend, scale):
            judged = target is not None and scale >= 1
            report.add(
                f"back office {backend}: {name}",
                f"{seconds * 1000:.0f} ms",
                f"<= {target * 1000:.0f} ms" if judged and target else "",
                status(seconds <= target) if judged and target else "",
            )
    return report


def scaled(quick: bool = False) -> Report:
    return summary(0.01 if quick else 0.02)


def main() -> None:
    args, backends = database_benchmark_arguments(__doc__, FIGURES)
    for backend in backends:
        print(f"\n{backend}")
        for name, seconds, target in run(backend, args.scale, tuple(args.only)):
            verdict = ""
            if target is not None and args.scale < 1:
                verdict = f"  (full-size target {target * 1000:.0f} ms)"
            elif target is not None:
                verdict = f"  target {target * 1000:.0f} ms: " + (
                    "ok" if seconds <= target else "MISSED"
                )
            print(f"  {name:<100} {seconds * 1000:>9.0f} ms{verdict}", flush=True)
        print(f"  load average: {load_average()}")


if __name__ == "__main__":
    main()
