"""The records' four numbers, on SQLite and on PostgreSQL, each beside a baseline measured in
the same run:

    .venv/bin/python -m benchmarks.bench_records                  # both databases, full size
    .venv/bin/python -m benchmarks.bench_records --scale 0.1      # a tenth of the sizes
    .venv/bin/python -m benchmarks.bench_records --backend sqlite --only replay verify

`make bench` (``python -m benchmarks``) runs it at ``--scale 0.02`` (0.01 with ``--quick``).

| number | target | baseline |
| --- | --- | --- |
| import 100,000 filings from CSV (checked, audited) | ≤ 60 s (SQLite) | raw executemany |
| `ip overdue` over 1,000,000 IP assets | ≤ 1 s | `SELECT count(*)` over the same table |
| replay 10,000 determinations (`replay_all`) | ≤ 30 s | deciding the 10,000 cases in memory |
| `audit verify` over 1,000,000 entries | ≤ 30 s | SHA-256 of the same bytes in memory |

PostgreSQL: a throwaway database on ``INNOREG_TEST_POSTGRES_URL`` (default
postgresql+psycopg://postgres@127.0.0.1:5432/postgres), dropped afterwards.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import os
import secrets
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, insert, select, text

from benchmarks.common import Report, database_benchmark_arguments, load_average, status
from innoreg.records import schema
from innoreg.records.audit import chained_row
from innoreg.records.audit_verify import verify_chain
from innoreg.records.credit_code import check_character
from innoreg.records.db import Database
from innoreg.records.determinations import decide
from innoreg.records.imports import import_file
from innoreg.records.models import AnnualFiling, AuditEntry, IPAsset, Organisation
from innoreg.records.replay import replay_all
from innoreg.records.repositories import BUREAU
from innoreg.records.workflows.filings import filing_case
from innoreg.records.workflows.ip import overdue_assets

POSTGRES = os.environ.get(
    "INNOREG_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
TARGETS = {"import": 60.0, "overdue": 1.0, "replay": 30.0, "verify": 30.0}


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


@contextmanager
def database(backend: str, folder: Path) -> Iterator[Database]:
    if backend == "sqlite":
        db = Database(f"sqlite:///{folder / 'bench.sqlite3'}")
        schema.upgrade(db.engine)
        yield db
        db.dispose()
        return
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    name = f"innoreg_bench_{secrets.token_hex(4)}"
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    db = Database(admin.url.set(database=name).render_as_string(hide_password=False))
    try:
        schema.upgrade(db.engine)
        yield db
    finally:
        db.dispose()
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def code(index: int) -> str:
    body = f"91410305{index:09d}"
    return body + check_character(body)


def seed_organisations(db: Database, count: int) -> None:
    rows = [
        {
            "kind": "enterprise",
            "name": f"企业{i}",
            "credit_code": code(i),
            "jurisdiction": "cn-ha-luoyang",
            "district": "涧西区",
            "industry": "C34",
            "state_owned": False,
            "state_established": False,
            "status": "active",
            "version": 1,
        }
        for i in range(count)
    ]
    with db.engine.begin() as connection:
        connection.execute(insert(Organisation), rows)


def filings_csv(folder: Path, filings: int, organisations: int) -> Path:
    path = folder / "filings.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["credit_code", "fiscal_year", "sales_revenue", "rd_expense", "above_designated_size"]
        )
        for i in range(filings):
            writer.writerow(
                [
                    code(i % organisations),
                    2019 + i // organisations,
                    f"{50_000_000 + i}.00",
                    f"{400_000 + i}.50",
                    "是",
                ]
            )
    return path


def raw_filings(db: Database, filings: int, organisations: int, first_year: int) -> None:
    rows = [
        {
            "organisation_id": 1 + i % organisations,
            "fiscal_year": first_year + i // organisations,
            "sales_revenue": 5_000_000_000 + i,
            "rd_expense": 40_000_050 + i,
            "special_rd_account": False,
            "above_designated_size": True,
            "version": 1,
        }
        for i in range(filings)
    ]
    with db.engine.begin() as connection:
        connection.execute(insert(AnnualFiling), rows)


def bench_import(db: Database, folder: Path, filings: int) -> tuple[float, float]:
    """The import as ``innoreg import filings`` runs it, beside a raw executemany of as many
    rows (no parsing, checking or audit)."""
    organisations = filings // 5
    path = filings_csv(folder, filings, organisations)
    seconds, _ = timed(lambda: _import(db, path))
    baseline, _ = timed(lambda: raw_filings(db, filings, organisations, 2030))
    return seconds, baseline


def _import(db: Database, path: Path) -> None:
    with db.write(actor="bench") as session:
        import_file(session, scope=BUREAU, kind="filings", path=path)


def seed_ip_assets(db: Database, assets: int, owners: int, day: dt.date) -> None:
    """``assets`` IP assets of organisations 1..``owners`` with their art. 14 deadlines set, a
    tenth not implemented, half fiscally funded (about 4.5 % overdue on ``day``)."""
    chunk = 50_000
    with db.engine.begin() as connection:
        for start in range(0, assets, chunk):
            connection.execute(
                insert(IPAsset),
                [
                    {
                        "organisation_id": 1 + i % owners,
                        "kind": "patent",
                        "registration_no": f"ZL{i:012d}",
                        "title": "一种装置",
                        "fiscally_funded": i % 2 == 0,
                        "rights_obtained_on": day - dt.timedelta(days=i % 2000),
                        "implementation_conditions_met": True,
                        "implemented_on": None
                        if i % 10 == 0
                        else day - dt.timedelta(days=i % 2000 - 100),
                        "justifiable_reason": False,
                        "implementation_deadline": day + dt.timedelta(days=1096 - i % 2000 - 15),
                        "version": 1,
                    }
                    for i in range(start, min(assets, start + chunk))
                ],
            )


def bench_overdue(db: Database, assets: int, owners: int) -> tuple[float, float, int]:
    day = dt.date(2024, 6, 30)
    seed_ip_assets(db, assets, owners, day)
    if db.dialect == "postgresql":
        with db.engine.begin() as connection:
            connection.execute(text("ANALYZE ip_assets"))
    with db.read() as session:
        seconds, found = timed(lambda: overdue_assets(session, scope=BUREAU, as_of=day))
        baseline, _ = timed(lambda: session.scalar(select(func.count()).select_from(IPAsset)))
    return seconds, baseline, len(found)


def bench_replay(db: Database, count: int) -> tuple[float, float, int]:
    from innoreg.engine import evaluate_case

    day = dt.date(2024, 6, 30)
    cases = []
    with db.write(actor="bench") as session:
        for filing in session.scalars(select(AnnualFiling).order_by(AnnualFiling.id).limit(count)):
            case = filing_case(session, filing, day)
            cases.append(case)
            decide(
                session,
                subject_kind="filing",
                subject_id=filing.id,
                organisation_id=filing.organisation_id,
                case=case,
                actor="bench",
            )

    url = db.url.render_as_string(hide_password=False)

    def run_replay() -> tuple[int, int]:
        run = replay_all(url)  # as `innoreg determinations replay --all` runs it
        return sum(len(chunk.differing) for chunk in run.chunks), run.workers

    seconds, (differing, workers) = timed(run_replay)
    assert differing == 0
    baseline, _ = timed(lambda: [evaluate_case(c, explain=True) for c in cases])
    return seconds, baseline, workers


def fill_audit(db: Database, total: int) -> list[bytes]:
    with db.engine.connect() as connection:
        seq, prev = connection.execute(text("SELECT seq, hash FROM audit_head")).one()
    at = dt.datetime.now(dt.UTC)
    chunk: list[dict[str, Any]] = []
    with db.engine.begin() as connection:
        if db.dialect == "sqlite":
            connection.exec_driver_sql("SELECT 1")
        while seq < total:
            seq += 1
            record = {
                "seq": seq,
                "at": at,
                "actor": "bench",
                "action": "update",
                "entity": "filings",
                "entity_id": str(seq),
                "prev": prev,
                "before": {"rd_expense": seq},
                "after": {"rd_expense": seq + 1},
            }
            row = chained_row(record)  # as the writer chains them
            prev = row["hash"]
            chunk.append(row)
            if len(chunk) == 20_000:
                connection.execute(insert(AuditEntry), chunk)
                chunk = []
        if chunk:
            connection.execute(insert(AuditEntry), chunk)
        connection.execute(text("UPDATE audit_head SET seq = :s, hash = :h"), {"s": seq, "h": prev})
    with db.engine.connect() as connection:
        return [
            bytes(b) for b in connection.execute(text("SELECT canonical FROM audit_log")).scalars()
        ]


def bench_verify(db: Database, rows: int) -> tuple[float, float]:
    data = fill_audit(db, rows)
    with db.read() as session:
        seconds, report = timed(lambda: verify_chain(session))
    assert report.intact and report.rows == rows, report.problems[:3]
    baseline, _ = timed(lambda: [hashlib.sha256(b).hexdigest() for b in data])
    return seconds, baseline


FIGURES = ("import", "replay", "overdue", "verify")


def run(
    backend: str, scale: float, only: tuple[str, ...] = FIGURES
) -> Iterator[tuple[str, str, float, float, float]]:
    """Each figure as it is measured: (figure, what, seconds, baseline seconds, target seconds
    at this scale)."""
    n_filings, n_assets = int(100_000 * scale), int(1_000_000 * scale)
    n_replay, n_audit = int(10_000 * scale), int(1_000_000 * scale)
    organisations = max(1, n_filings // 5)
    with tempfile.TemporaryDirectory() as folder, database(backend, Path(folder)) as db:
        seed_organisations(db, organisations)
        if "import" in only:
            seconds, baseline = bench_import(db, Path(folder), n_filings)
            target = TARGETS["import"] * scale
            yield "import", f"import {n_filings:,} filings from CSV", seconds, baseline, target
        elif "replay" in only:
            raw_filings(db, n_filings, organisations, 2019)
        if "replay" in only:
            seconds, baseline, workers = bench_replay(db, n_replay)
            what = f"replay {n_replay:,} determinations ({workers} process(es))"
            yield "replay", what, seconds, baseline, TARGETS["replay"] * scale
        if "overdue" in only:
            seconds, baseline, found = bench_overdue(db, n_assets, organisations)
            what = f"ip overdue over {n_assets:,} assets ({found:,} listed)"
            yield "overdue", what, seconds, baseline, TARGETS["overdue"]
        if "verify" in only:
            seconds, baseline = bench_verify(db, n_audit)
            target = TARGETS["verify"] * scale
            yield "verify", f"audit verify over {n_audit:,} entries", seconds, baseline, target


def postgres_reachable() -> bool:
    admin = create_engine(POSTGRES)
    try:
        with admin.connect():
            return True
    except Exception:  # any failure to connect: report it and go on with SQLite
        return False
    finally:
        admin.dispose()


def summary(scale: float) -> Report:
    """The four figures at ``scale`` on SQLite and (when reachable) PostgreSQL, for
    ``python -m benchmarks``. Below full size the targets are not judged: start-up costs (a
    plan built, worker processes forked) weigh more on a small run than on the issue's sizes."""
    report = Report()
    print(f"records (scale {scale})")
    backends = ["sqlite"] + (["postgresql"] if postgres_reachable() else [])
    if len(backends) == 1:
        report.note(f"records: PostgreSQL not reachable at {POSTGRES}; SQLite only")
    full = scale >= 1
    for backend in backends:
        for figure, name, seconds, baseline, target in run(backend, scale):
            measured = f"{seconds:.2f} s (baseline {baseline:.2f} s, {seconds / baseline:.1f}x)"
            if full:
                target_text, verdict = f"<= {target:.0f} s", status(seconds <= target)
            else:
                measured += f"; full-size target {TARGETS[figure]:.0f} s"
                target_text, verdict = "", ""
            report.add(f"records {backend}: {name}", measured, target_text, verdict)
    if not full:
        report.note(
            "records: the full-size figures are `python -m benchmarks.bench_records` "
            "(docs/records.md)"
        )
    return report


def scaled(quick: bool = False) -> Report:
    """For ``python -m benchmarks``: the records at 2% of the sizes (1% with ``--quick``)."""
    return summary(0.01 if quick else 0.02)


def main() -> None:
    args, backends = database_benchmark_arguments(__doc__, FIGURES)
    for backend in backends:
        print(f"\n{backend}")
        print(f"  {'what':<52} {'seconds':>9} {'baseline':>9} {'ratio':>7} {'target':>8}")
        for _, name, seconds, baseline, target in run(backend, args.scale, tuple(args.only)):
            verdict = "ok" if seconds <= target else "MISSED"
            print(
                f"  {name:<52} {seconds:>9.2f} {baseline:>9.2f} "
                f"{seconds / baseline:>6.1f}x {target:>7.1f}s {verdict}",
                flush=True,
            )
        print(f"  load average: {load_average()}")


if __name__ == "__main__":
    main()
