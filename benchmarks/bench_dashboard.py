"""The back office's two numbers, on SQLite and PostgreSQL, each beside baselines measured in the
same run:

    .venv/bin/python -m benchmarks.bench_dashboard                   # both databases, full size
    .venv/bin/python -m benchmarks.bench_dashboard --scale 0.1        # a tenth of the sizes
    .venv/bin/python -m benchmarks.bench_dashboard --backend sqlite --only whatif

- the dashboard (``records.reports.dashboard``) over 100,000 filings with determinations,
  target ≤ 0.3 s; baselines: ``count(*)`` of the filings, the same group-by without the
  determinations' values, and the dashboard with the values in typed columns on ``filings``
  (the proposed schema, made in the throwaway database only);
- the what-if over the demo city (3,000 enterprises, a reform beside the law) and its report,
  target ≤ 3 s; baselines: reading the filings into a population, and ``simulate`` of the same
  rows already in memory.

The dashboard's city: 100,000 enterprises with one filing each for 2023, each decided — the
result documents hold the engine's values for each filing (the population pass over the same
rows) in the shape ``records.determinations.decide`` stores, with an explanation of real size —
and, in proportion to the demo, 134,000 IP assets, 2,000 transfers with reward plans and
determinations, 5,000 applications with their moves. PostgreSQL: a throwaway database on
``INNOREG_TEST_POSTGRES_URL``, dropped afterwards.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import polars as pl
from sqlalchemy import column, insert, table, text

from benchmarks.bench_records import code, database, postgres_reachable, seed_ip_assets
from benchmarks.common import Report, database_benchmark_arguments, load_average, status
from innoreg.records.db import Database
from innoreg.records.demo import city, load_demo
from innoreg.records.models import (
    AnnualFiling,
    Application,
    ApplicationTransition,
    Organisation,
    RewardShare,
    Transfer,
)
from innoreg.records.reports import dashboard
from innoreg.records.repositories import BUREAU

DAY = dt.date(2024, 6, 30)
YEAR = 2023
TARGETS = {"dashboard": 0.3, "whatif": 3.0}
REFORM = Path(__file__).resolve().parent.parent / "examples/reforms/threshold-and-deduction.yaml"
ROOT_ZONE = dt.UTC
RAW = table(
    "determinations",
    *(
        column(name)
        for name in (
            "id",
            "subject_kind",
            "subject_id",
            "organisation_id",
            "jurisdiction",
            "date",
            "pack_version",
            "pack_versions",
            "interpretations",
            "assumptions",
            "case",
            "result",
            "explanation",
            "notes",
            "decided_at",
            "actor",
        )
    ),
)
"""The determinations table with untyped columns: documents go in as JSON text serialised
once (the explanation is the same bytes on every row)."""


def timed(work: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    """The best of ``repeat`` runs, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


def enterprises(count: int, rng: random.Random) -> pl.DataFrame:
    """``count`` enterprises of the demo's mix, their 2023 figures (fen) and size class."""
    districts = rng.choices(list(city.DISTRICTS), [w for _, w in city.DISTRICTS.values()], k=count)
    industries = rng.choices(
        list(city.INDUSTRIES), [w for w, _ in city.INDUSTRIES.values()], k=count
    )
    revenue = [int(rng.lognormvariate(17.2, 1.3)) * 100 for _ in range(count)]
    intensity = [max(0.0, rng.gauss(0.011, 0.008)) for _ in range(count)]
    return pl.DataFrame(
        {
            "id": range(1, count + 1),
            "district": districts,
            "industry": industries,
            "sales_revenue": revenue,
            "rd_expense": [int(r * i) for r, i in zip(revenue, intensity, strict=True)],
            "above_designated_size": [r >= 2_000_000_000 for r in revenue],
            "size_class": [
                "large" if r > 40_000_000_000 else "medium" if r > 2_000_000_000 else "small"
                for r in revenue
            ],
        }
    )


def decided(frame: pl.DataFrame) -> list[dict[str, Any]]:
    """Each filing's values as the engine gives them (the population pass over the rows), in
    the public form a determination's result holds (money as decimal strings)."""
    from innoreg.batch import simulate

    population = frame.select(
        "id",
        "district",
        "size_class",
        "industry",
        "above_designated_size",
        pl.lit(YEAR).alias("fiscal_year"),
        *(pl.col(m).cast(pl.Decimal(38, 2)) / 100 for m in ("sales_revenue", "rd_expense")),
    )
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "results.parquet"
        simulate(population, jurisdiction="luoyang", date=DAY, output=output)
        rows = pl.read_parquet(output).to_dicts()
    return [{k: _public(v) for k, v in row.items()} for row in rows]


def _public(value: Any) -> Any:
    from decimal import Decimal

    return f"{value:.2f}" if isinstance(value, Decimal) else value


def template(entity: str, plural: str, inputs: dict[str, Any]) -> dict[str, Any]:
    """A determination's documents as ``decide`` stores them, from a real decision."""
    from innoreg.engine import evaluate_case

    case = {
        "jurisdiction": "cn-ha-luoyang",
        "date": DAY.isoformat(),
        plural: [{"id": f"{entity}-1", **inputs}],
        "assumptions": {"cn-ha-luoyang.in_force": "2015-01-01"},
    }
    output = evaluate_case(case, explain=True)
    explanation = output.pop("explanations")
    return {"case": case, "result": output, "explanation": json.dumps(explanation)}


def seed_city(db: Database, count: int, rng: random.Random) -> dict[str, int]:
    """The dashboard's city (see the module's docstring); returns what it holds."""
    frame = enterprises(count, rng)
    values = decided(frame)
    filing_doc = template(
        "filing", "enterprises", {"sales_revenue": "5000000.00", "rd_expense": "80000.00"}
    )
    transfer_doc = template(
        "transfer",
        "transfers",
        {"holder_kind": "university", "state_established": True, "fiscally_funded": True,
         "mode": "transfer", "net_income": "1000000.00", "reward_cash": "300000.00"},
    )  # fmt: skip
    now = dt.datetime.now(ROOT_ZONE)
    orgs, filings = [], []
    for row in frame.iter_rows(named=True):
        ident = row["id"]
        orgs.append(
            {
                "id": ident,
                "kind": "enterprise",
                "name": f"企业{ident}",
                "credit_code": code(ident),
                "jurisdiction": "cn-ha-luoyang",
                "district": row["district"],
                "industry": row["industry"],
                "state_owned": False,
                "state_established": False,
                "status": "active",
                "version": 1,
            }
        )
        filings.append(
            {
                "id": ident,
                "organisation_id": ident,
                "fiscal_year": YEAR,
                "sales_revenue": row["sales_revenue"],
                "rd_expense": row["rd_expense"],
                "special_rd_account": False,
                "size_class": row["size_class"],
                "above_designated_size": row["above_designated_size"],
                "determination_id": ident,
                "version": 1,
            }
        )
    with db.engine.begin() as connection:
        for start in range(0, count, 10_000):
            connection.execute(insert(Organisation), orgs[start : start + 10_000])
        shared = _shared(filing_doc, now)
        for start in range(0, count, 2_000):
            rows = []
            for item in values[start : start + 2_000]:
                ident = item.pop("id")
                result = dict(filing_doc["result"], results={f"filing-{ident}": item})
                rows.append(
                    {
                        **shared,
                        "id": ident,
                        "subject_kind": "filing",
                        "subject_id": ident,
                        "organisation_id": ident,
                        "result": json.dumps(result),
                    }
                )
            connection.execute(insert(RAW), rows)
        for start in range(0, count, 10_000):
            connection.execute(insert(AnnualFiling), filings[start : start + 10_000])
    transfers = _transfers(db, count, rng, transfer_doc, now)
    seed_ip_assets(db, count * 134 // 100, count, DAY)
    applications = _applications(db, count, rng)
    _settle(db)
    return {"filings": count, "transfers": transfers, "applications": applications}


def _shared(doc: dict[str, Any], now: dt.datetime) -> dict[str, Any]:
    return {
        "jurisdiction": "cn-ha-luoyang",
        "date": DAY,
        "pack_version": doc["result"]["pack_version"],
        "pack_versions": "{}",
        "interpretations": "{}",
        "assumptions": json.dumps(doc["case"]["assumptions"]),
        "case": json.dumps(doc["case"]),
        "explanation": doc["explanation"],
        "notes": "[]",
        "decided_at": now.replace(tzinfo=None),
        "actor": "bench",
    }


def _transfers(
    db: Database, owners: int, rng: random.Random, doc: dict[str, Any], now: dt.datetime
) -> int:
    count = max(20, owners // 50)
    first = owners + 1  # determination ids after the filings'
    transfers, shares, documents = [], [], []
    values = doc["result"]["results"]["transfer-1"]
    shared = _shared(doc, now)
    for index in range(count):
        ident = index + 1
        income = rng.randint(10, 3_000) * 1_000_000
        minimum = income * 7 // 10
        cash = int(income * rng.choice((0.3, 0.5, 0.7, 0.8)))
        transfers.append(
            {
                "id": ident,
                "holder_id": 1 + rng.randrange(owners),
                "achievement": f"成果{ident}",
                "counterparty": "",
                "mode": "transfer",
                "concluded_on": dt.date(YEAR, 1, 1) + dt.timedelta(days=rng.randrange(540)),
                "fiscally_funded": True,
                "has_reward_rules": False,
                "net_income": income,
                "state": "final" if cash >= minimum else "draft",
                "determination_id": first + index,
                "version": 1,
            }
        )
        shares += [
            {"transfer_id": ident, "recipient_name": f"研究人员{ident}-{m}", "role": "",
             "cash": cash // 2, "equity": 0}
            for m in range(2)
        ]  # fmt: skip
        mine = dict(
            values,
            transfer_reward_minimum=f"{minimum / 100:.2f}",
            transfer_reward_compliant=cash >= minimum,
        )
        result = dict(doc["result"], results={f"transfer-{ident}": mine})
        documents.append(
            {
                **shared,
                "id": first + index,
                "subject_kind": "transfer",
                "subject_id": ident,
                "organisation_id": transfers[-1]["holder_id"],
                "result": json.dumps(result),
            }
        )
    with db.engine.begin() as connection:
        connection.execute(insert(RAW), documents)
        connection.execute(insert(Transfer), transfers)
        connection.execute(insert(RewardShare), shares)
    return count


def _applications(db: Database, owners: int, rng: random.Random) -> int:
    count = max(50, owners // 20)
    review = ("submitted", "under_review")
    paths = [(), review[:1], (*review[:1], "returned"), review, (*review, "approved"),
             (*review, "rejected")]  # fmt: skip
    applications, moves = [], []
    at = dt.datetime(2024, 3, 1, tzinfo=dt.UTC)
    for index in range(count):
        ident = index + 1
        owner = 1 + rng.randrange(owners)
        applications.append(
            {"id": ident, "organisation_id": owner, "filing_id": owner, "programme": "2024年度",
             "state": (paths[index % 6] or ("draft",))[-1], "version": 1}
        )  # fmt: skip
        before = "draft"
        for step, state in enumerate(paths[index % 6]):
            moves.append(
                {"application_id": ident, "from_state": before, "to_state": state,
                 "actor": "bench", "at": at + dt.timedelta(days=10 * step + index % 90),
                 "reason": "请补充材料" if state in ("returned", "rejected") else ""}
            )  # fmt: skip
            before = state
    with db.engine.begin() as connection:
        connection.execute(insert(Application), applications)
        connection.execute(insert(ApplicationTransition), moves)
    return count


def _settle(db: Database) -> None:
    """Statistics for the planner (and PostgreSQL's sequences after explicit ids)."""
    if db.dialect == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            for name in ("organisations", "filings", "determinations", "transfers", "applications"):
                sequence = f"pg_get_serial_sequence('{name}', 'id')"
                connection.execute(text(f"SELECT setval({sequence}, max(id)) FROM {name}"))
            connection.execute(text("VACUUM ANALYZE"))
    else:
        with db.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")


PLAIN_GROUP_BY = """
SELECT o.district, substr(o.industry, 1, 1), f.size_class, count(*)
FROM filings f JOIN organisations o ON o.id = f.organisation_id
WHERE f.fiscal_year = :year GROUP BY 1, 2, 3
"""
TYPED_GROUP_BY = """
SELECT o.district, substr(o.industry, 1, 1), f.size_class, count(*),
       sum(CASE WHEN f.support_eligible THEN 1 ELSE 0 END),
       sum(CASE WHEN NOT f.support_eligible THEN 1 ELSE 0 END),
       sum(coalesce(f.rd_shortfall, 0)), sum(coalesce(f.rd_super_deduction, 0))
FROM filings f JOIN organisations o ON o.id = f.organisation_id
WHERE f.fiscal_year = :year GROUP BY 1, 2, 3
"""


def bench_dashboard(db: Database, count: int) -> Iterator[tuple[str, float, float | None]]:
    """(what, seconds, target or None): the dashboard as shipped, its baselines, and the
    proposed typed columns."""
    seeded = seed_city(db, count, random.Random(2024))

    def figures() -> Any:
        with db.read() as session:
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
    yield "baseline: the same group-by without the determinations' values", plain, None
    typed, filings = _typed_columns(db, shown)
    yield "proposed: the dashboard with typed columns on filings (not shipped)", typed, None
    yield "  of which filings (the typed group-by)", filings, None


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


def _typed_columns(db: Database, shown: Any) -> tuple[float, float]:
    """The filings' values copied into typed columns (the schema change proposed in
    docs/records.md) in this throwaway database, and the dashboard's time with them."""
    from innoreg.records.reports.dashboard import (
        application_figures,
        overdue_ip_figures,
        transfer_figures,
    )

    boolean = "BOOLEAN"
    with db.engine.begin() as connection:
        for name, kind in (
            ("support_eligible", boolean),
            ("rd_shortfall", "BIGINT"),
            ("rd_super_deduction", "BIGINT"),
        ):
            connection.execute(text(f"ALTER TABLE filings ADD COLUMN {name} {kind}"))
        connection.execute(text("CREATE INDEX ix_filings_fiscal_year ON filings (fiscal_year)"))
        _copy_values(connection, db.dialect)
    _settle(db)

    def figures() -> Any:
        with db.read() as session:
            cube = session.execute(text(TYPED_GROUP_BY), {"year": YEAR}).all()
            rest = [
                f(session, scope=BUREAU, fiscal_year=YEAR, as_of=DAY)
                for f in (transfer_figures, overdue_ip_figures, application_figures)
            ]
            return cube, rest

    seconds, (cube, _) = timed(figures, repeat=3)
    assert sum(r[4] for r in cube) == shown.filings.total.eligible
    assert sum(int(r[6]) for r in cube) == shown.filings.total.rd_shortfall
    with db.read() as session:
        filings, _ = timed(
            lambda: session.execute(text(TYPED_GROUP_BY), {"year": YEAR}).all(), repeat=3
        )
    return seconds, filings


def _copy_values(connection: Any, dialect: str) -> None:
    """Fill the typed columns from each filing's determination, with the reader the dashboard
    uses (one UPDATE … FROM)."""
    from sqlalchemy import select

    from innoreg.records.models import Determination
    from innoreg.records.reports.values import ResultReader

    read = ResultReader(dialect)
    values = read.subject("filing-", AnnualFiling.id)
    query = select(
        AnnualFiling.id.label("filing"),
        read.flag(values, "support_eligible").label("eligible"),
        read.fen(values, "rd_shortfall").label("shortfall"),
        read.fen(values, "rd_super_deduction").label("deduction"),
    ).join(Determination, Determination.id == AnnualFiling.determination_id)
    rows = connection.execute(query).all()
    connection.execute(
        text(
            "UPDATE filings SET support_eligible = :eligible, rd_shortfall = :shortfall, "
            "rd_super_deduction = :deduction WHERE id = :filing"
        ),
        [
            {
                "filing": r.filing,
                "eligible": None if r.eligible is None else bool(r.eligible),
                "shortfall": r.shortfall,
                "deduction": r.deduction,
            }
            for r in rows
        ],
    )


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
