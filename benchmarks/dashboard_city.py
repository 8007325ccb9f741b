"""The dashboard benchmark's city: 100,000 enterprises (or as many as asked) with one filing
each for 2023, each decided — the result documents hold the engine's values for each filing
(the population pass over the same rows) in the shape ``records.determinations.decide`` stores,
with an explanation of real size — and, in proportion to the demo, IP assets, transfers with
reward plans and determinations, and applications with their moves. Written with bulk inserts
(no audit): what is measured is reading, not writing."""

from __future__ import annotations

import datetime as dt
import json
import random
import tempfile
from pathlib import Path
from typing import Any

import polars as pl
from sqlalchemy import column, insert, table, text

from benchmarks.bench_records import code, seed_ip_assets
from innoreg.records.db import Database
from innoreg.records.demo import city
from innoreg.records.models import (
    AnnualFiling,
    Application,
    ApplicationTransition,
    Organisation,
    RewardShare,
    Transfer,
)

DAY = dt.date(2024, 6, 30)
YEAR = 2023
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


def _figures(values: dict[str, Any]) -> dict[str, Any]:
    """The three figures ``decide_filing`` copies onto a filing from its determination."""
    from innoreg.rules.money import parse_money

    def fen(name: str) -> int | None:
        return None if values.get(name) is None else parse_money(values[name])

    return {
        "support_eligible": values.get("support_eligible"),
        "rd_shortfall": fen("rd_shortfall"),
        "rd_super_deduction": fen("rd_super_deduction"),
    }


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
    figures = {item["id"]: _figures(item) for item in values}
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
                **figures[ident],
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
    settle(db)
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


def settle(db: Database) -> None:
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
