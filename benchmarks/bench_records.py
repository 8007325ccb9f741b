"""The records' four numbers, on SQLite and on PostgreSQL, each beside a baseline measured in
the same run:

    .venv/bin/python -m benchmarks.bench_records                  # both databases, full size
    .venv/bin/python -m benchmarks.bench_records --scale 0.1      # a tenth of the sizes
    .venv/bin/python -m benchmarks.bench_records --backend sqlite

| number | target | baseline |
| --- | --- | --- |
| import 100,000 filings from CSV (checked, audited) | ≤ 60 s (SQLite) | raw executemany |
| `ip overdue` over 1,000,000 IP assets | ≤ 1 s | `SELECT count(*)` over the same table |
| replay 10,000 determinations | ≤ 30 s | deciding the same 10,000 cases in memory |
| `audit verify` over 1,000,000 entries | ≤ 30 s | SHA-256 of the same bytes in memory |

PostgreSQL: a throwaway database on ``INNOREG_TEST_POSTGRES_URL`` (default
postgresql+psycopg://postgres@127.0.0.1:5432/postgres), dropped afterwards.
"""

from __future__ import annotations

import argparse
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

from innoreg.records import schema
from innoreg.records.audit_verify import verify_chain
from innoreg.records.canonical import canonical_bytes
from innoreg.records.credit_code import check_character
from innoreg.records.db import Database
from innoreg.records.determinations import decide, replay
from innoreg.records.imports import import_file
from innoreg.records.models import AnnualFiling, AuditEntry, Determination, IPAsset, Organisation
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


def bench_import(db: Database, folder: Path, filings: int) -> tuple[float, float]:
    organisations = filings // 5
    seed_organisations(db, organisations)
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
    seconds, _ = timed(lambda: _import(db, path))
    raw = [
        {
            "organisation_id": 1 + i % organisations,
            "fiscal_year": 2030 + i // organisations,
            "sales_revenue": 5_000_000_000 + i,
            "rd_expense": 40_000_050 + i,
            "special_rd_account": False,
            "above_designated_size": True,
            "version": 1,
        }
        for i in range(filings)
    ]

    def raw_insert() -> None:
        with db.engine.begin() as connection:
            connection.execute(insert(AnnualFiling), raw)

    baseline, _ = timed(raw_insert)
    return seconds, baseline


def _import(db: Database, path: Path) -> None:
    with db.write(actor="bench") as session:
        import_file(session, scope=BUREAU, kind="filings", path=path)


def bench_overdue(db: Database, assets: int, owners: int) -> tuple[float, float, int]:
    day = dt.date(2024, 6, 30)
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
    if db.dialect == "postgresql":
        with db.engine.begin() as connection:
            connection.execute(text("ANALYZE ip_assets"))
    with db.read() as session:
        seconds, found = timed(lambda: overdue_assets(session, scope=BUREAU, as_of=day))
        baseline, _ = timed(lambda: session.scalar(select(func.count()).select_from(IPAsset)))
    return seconds, baseline, len(found)


def bench_replay(db: Database, count: int) -> tuple[float, float]:
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

    def run_replay() -> int:
        with db.read() as session:
            differing = 0
            for determination in session.scalars(
                select(Determination).execution_options(yield_per=500)
            ):
                differing += not replay(determination).same
            return differing

    seconds, differing = timed(run_replay)
    assert differing == 0
    baseline, _ = timed(lambda: [evaluate_case(c, explain=True) for c in cases])
    return seconds, baseline


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
            data = canonical_bytes(record)
            prev = hashlib.sha256(data).hexdigest()
            chunk.append(
                {
                    "seq": seq,
                    "at": at,
                    "actor": "bench",
                    "action": "update",
                    "entity": "filings",
                    "entity_id": str(seq),
                    "prev_hash": record["prev"],
                    "hash": prev,
                    "canonical": data,
                }
            )
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


def run(backend: str, scale: float) -> list[tuple[str, float, float, float]]:
    n_filings, n_assets = int(100_000 * scale), int(1_000_000 * scale)
    n_replay, n_audit = int(10_000 * scale), int(1_000_000 * scale)
    figures = []
    with tempfile.TemporaryDirectory() as folder, database(backend, Path(folder)) as db:
        seconds, baseline = bench_import(db, Path(folder), n_filings)
        figures.append(
            (f"import {n_filings:,} filings from CSV", seconds, baseline, TARGETS["import"] * scale)
        )
        seconds, baseline = bench_replay(db, n_replay)
        figures.append(
            (f"replay {n_replay:,} determinations", seconds, baseline, TARGETS["replay"] * scale)
        )
        seconds, baseline, found = bench_overdue(db, n_assets, max(1, n_filings // 5))
        figures.append(
            (
                f"ip overdue over {n_assets:,} assets ({found:,} listed)",
                seconds,
                baseline,
                TARGETS["overdue"],
            )
        )
        seconds, baseline = bench_verify(db, n_audit)
        figures.append(
            (f"audit verify over {n_audit:,} entries", seconds, baseline, TARGETS["verify"] * scale)
        )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the issue's sizes")
    args = parser.parse_args()
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    for backend in backends:
        print(f"\n{backend}")
        print(f"  {'what':<52} {'seconds':>9} {'baseline':>9} {'ratio':>7} {'target':>8}")
        for name, seconds, baseline, target in run(backend, args.scale):
            verdict = "ok" if seconds <= target else "MISSED"
            print(
                f"  {name:<52} {seconds:>9.2f} {baseline:>9.2f} "
                f"{seconds / baseline:>6.1f}x {target:>7.1f}s {verdict}",
                flush=True,
            )


if __name__ == "__main__":
    main()
