"""What-if over the records: the filings of a fiscal year in the database as a population (one
row per enterprise's filing), decided under the law in force and under a reform beside it by
``simulate`` — the same engine pass as any population, so the report, the summaries and who
gains or loses by district, industry section and size class are those of ``innoreg simulate``.

A row holds exactly what the filing's determination would read (``records.workflows.filings``):
the filing's figures and the organisation's industry, certificates, registry entries and
standards on the day, read for all organisations at once (``read_facts``). Each row's ``id`` is
the filing's id; ``district`` and ``size_class`` (the filing's) pass through for the summaries.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import polars as pl
from sqlalchemy import select
from sqlalchemy.orm import Session

from innoreg.batch.simulate import Simulation, simulate
from innoreg.engine.plan import plan_for
from innoreg.engine.reform import Reform
from innoreg.errors import InputError
from innoreg.records.determinations import act_assumptions
from innoreg.records.models.filings import AnnualFiling
from innoreg.records.models.organisations import Organisation
from innoreg.records.repositories.scope import Scope
from innoreg.records.workflows.facts import FACT_INPUTS, read_facts

ORGANISATION = "organisation_id"
MONEY = ("sales_revenue", "rd_expense", "rd_expense_q4")
"""Filing figures held in fen in the records, handed to the engine as exact yuan."""
FILING_INPUTS = ("fiscal_year", *MONEY, "above_designated_size")
KEEP = (ORGANISATION,)
"""Passed through beside ``district`` and ``size_class`` (which every simulation keeps)."""

ReformSource = Reform | Mapping[str, Any] | str | Path


def records_population(
    session: Session,
    *,
    scope: Scope,
    fiscal_year: int,
    date: dt.date,
    jurisdiction: str = "luoyang",
) -> pl.DataFrame:
    """One row per filing of ``fiscal_year`` by an organisation of ``jurisdiction`` in
    ``scope``, with the enterprise inputs the packs in force on ``date`` declare."""
    code = _jurisdiction(jurisdiction)
    declared = set(plan_for(code, date).entities["enterprise"].inputs)
    chosen = (
        select(
            AnnualFiling.id,
            AnnualFiling.organisation_id,
            Organisation.district,
            AnnualFiling.size_class,
            Organisation.industry,
            *(getattr(AnnualFiling, name) for name in FILING_INPUTS),
        )
        .join(Organisation, Organisation.id == AnnualFiling.organisation_id)
        .where(
            AnnualFiling.fiscal_year == fiscal_year,
            Organisation.jurisdiction == code,
            scope.where(AnnualFiling.organisation_id),
        )
        .order_by(AnnualFiling.id)
    )
    rows = session.execute(chosen).all()
    if not rows:
        raise InputError(
            f"no filings for fiscal year {fiscal_year} by {code} organisations in the records",
            field="fiscal_year",
        )
    columns = ["id", ORGANISATION, "district", "size_class", "industry", *FILING_INPUTS]
    frame = pl.DataFrame(rows, schema=columns, orient="row", infer_schema_length=None)
    owners = select(AnnualFiling.organisation_id).where(
        AnnualFiling.fiscal_year == fiscal_year, scope.where(AnnualFiling.organisation_id)
    )
    facts = read_facts(session, owners, date)
    found = [facts.of(owner) for owner in frame[ORGANISATION].to_list()]
    frame = frame.with_columns(
        *(pl.Series(name, [f[name] for f in found]) for name in FACT_INPUTS),
        *(pl.col(name).cast(pl.Decimal(38, 2)) / 100 for name in MONEY),
    )
    inputs = [c for c in frame.columns if c in declared]
    return frame.select("id", ORGANISATION, "district", "size_class", *inputs)


def records_whatif(
    session: Session,
    *,
    scope: Scope,
    fiscal_year: int,
    date: dt.date,
    reform: ReformSource | None = None,
    jurisdiction: str = "luoyang",
    interpretations: Mapping[str, str] | None = None,
    output: str | Path | None = None,
) -> Simulation:
    """The filings of ``fiscal_year`` decided on ``date`` under the law in force and, with
    ``reform`` (a ``Reform``, a reform mapping or a YAML file), under the reform beside it. The
    bureau's recorded act facts (Luoyang's in-force date) are the simulation's assumptions."""
    chosen = as_reform(reform)
    code = _jurisdiction(jurisdiction)
    population = records_population(
        session, scope=scope, fiscal_year=fiscal_year, date=date, jurisdiction=code
    )
    assumptions = {
        fact: dt.date.fromisoformat(day) for fact, day in act_assumptions(session, code).items()
    }
    run = simulate(
        population,
        jurisdiction=code,
        date=date,
        reform=chosen,
        output=output,
        interpretations=interpretations,
        assumptions=assumptions,
        keep=KEEP,
    )
    name = f"records/filings/{fiscal_year}"  # as a file would be named: in either language
    return dataclasses.replace(run, population=name)


def as_reform(reform: ReformSource | None) -> Reform | None:
    """A reform given as itself, a mapping (validated) or the path of a YAML file."""
    if reform is None or isinstance(reform, Reform):
        return reform
    if isinstance(reform, Mapping):
        return Reform.from_mapping(reform)
    return Reform.from_yaml(reform)


def _jurisdiction(name: str) -> str:
    from innoreg.rules.registry import registry

    return registry().resolve(name)


__all__: Sequence[str] = ("as_reform", "records_population", "records_whatif")
