"""Decide a whole population in one columnar pass: the same plan as a single case, each
formula compiled to a polars expression, the variables added layer by dependency layer.

Money columns may come in yuan (decimal strings, polars Decimals or integers) or already in
integer fen (``money="fen"``, the fast path for Parquet written by innoreg).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from innoreg.engine.plan import EntityPlan, Plan, PlannedVariable, plan_for
from innoreg.engine.population_inputs import MoneyUnit, engine_dtype, prepare_inputs, rows
from innoreg.errors import InputError
from innoreg.labels import Label
from innoreg.rules.columnar import compile_columnar, warning_counts
from innoreg.rules.money import QUANTITY_SCALE, RATE_SCALE

if TYPE_CHECKING:
    from innoreg.engine.reform import Reform


@dataclass(frozen=True)
class PopulationResult:
    """A decided population: ``frame`` holds the inputs (as the engine read them) and one
    column per variable; ``warnings`` counts the rows each warning concerns; ``assumed`` names
    the inputs whose column was absent and the default every row took."""

    frame: pl.DataFrame
    plan: Plan
    warnings: list[str]
    assumed: list[str]

    def __repr__(self) -> str:
        return (
            f"PopulationResult({self.frame.height:,} rows × {self.frame.width} columns, "
            f"{self.plan.jurisdiction} on {self.plan.date.isoformat()}, "
            f"{len(self.warnings)} warnings, {len(self.assumed)} assumed)"
        )


@dataclass(frozen=True)
class StreamedPopulation:
    path: Path
    rows: int
    plan: Plan
    warnings: list[str]
    assumed: list[str]

    def __repr__(self) -> str:
        return (
            f"StreamedPopulation({self.rows:,} rows -> {self.path}, {self.plan.jurisdiction} "
            f"on {self.plan.date.isoformat()}, {len(self.warnings)} warnings)"
        )


@dataclass
class PopulationQuery:
    """The lazy query of a population's evaluation, and the counts of rows that warn."""

    plan: Plan
    frame: pl.LazyFrame
    counts: pl.LazyFrame | None
    messages: list[Label]
    assumed: list[str]

    def warnings(self, totals: pl.DataFrame | None) -> list[str]:
        found = [w.en for w in self.plan.warnings]
        for i, message in enumerate(self.messages):
            if totals is not None and totals[f"w{i}"][0]:
                found.append(f"{rows(totals[f'w{i}'][0])}: {message.en}")
        return list(dict.fromkeys(found))


def evaluate_population(
    frame: pl.DataFrame | pl.LazyFrame,
    *,
    jurisdiction: str,
    date: dt.date,
    entity: str = "enterprise",
    interpretations: Mapping[str, str] | None = None,
    money: MoneyUnit = "yuan",
    validate: bool = True,
    keep: Sequence[str] = (),
    reform: Reform | None = None,
    assumptions: Mapping[str, dt.date] | None = None,
) -> PopulationResult:
    """Every variable of ``entity`` for every row, in memory. With ``money="yuan"`` money comes
    in as decimals and goes out as ``Decimal(38, 2)``, rates as float ratios (the public units);
    with ``money="fen"`` money stays integer fen and rates integer parts per million (and codes
    stay a polars ``Enum``). Columns other than the inputs and ``id`` are refused unless named
    in ``keep`` (passed through, e.g. ``district``)."""
    query = population_query(
        frame,
        jurisdiction=jurisdiction,
        date=date,
        entity=entity,
        interpretations=interpretations,
        money=money,
        validate=validate,
        keep=keep,
        reform=reform,
        assumptions=assumptions,
    )
    totals = None
    if query.counts is not None:
        result, totals = pl.collect_all([query.frame, query.counts])
    else:
        result = query.frame.collect()
    return PopulationResult(result, query.plan, query.warnings(totals), query.assumed)


def stream_population(
    source: pl.LazyFrame,
    sink: Path | str,
    *,
    jurisdiction: str,
    date: dt.date,
    entity: str = "enterprise",
    interpretations: Mapping[str, str] | None = None,
    money: MoneyUnit = "yuan",
    validate: bool = True,
    keep: Sequence[str] = (),
    reform: Reform | None = None,
    assumptions: Mapping[str, dt.date] | None = None,
) -> StreamedPopulation:
    """The same evaluation streamed from a lazy source (e.g. ``pl.scan_parquet``) to a Parquet
    file, in bounded memory whatever the number of rows."""
    query = population_query(
        source,
        jurisdiction=jurisdiction,
        date=date,
        entity=entity,
        interpretations=interpretations,
        money=money,
        validate=validate,
        streaming=True,
        keep=keep,
        reform=reform,
        assumptions=assumptions,
    )
    path = Path(sink)
    query.frame.sink_parquet(path)
    totals = query.counts.collect(engine="streaming") if query.counts is not None else None
    rows = pl.scan_parquet(path).select(pl.len()).collect().item()
    return StreamedPopulation(path, rows, query.plan, query.warnings(totals), query.assumed)


def population_query(
    frame: pl.DataFrame | pl.LazyFrame,
    *,
    jurisdiction: str,
    date: dt.date,
    entity: str,
    interpretations: Mapping[str, str] | None,
    money: MoneyUnit,
    validate: bool,
    streaming: bool = False,
    keep: Sequence[str] = (),
    reform: Reform | None = None,
    assumptions: Mapping[str, dt.date] | None = None,
) -> PopulationQuery:
    plan = plan_for(jurisdiction, date, interpretations, assumptions=assumptions, reform=reform)
    if entity not in plan.entities:
        raise InputError(
            f"unknown entity kind for {jurisdiction}; known: {', '.join(plan.entities)}",
            field="entity",
        )
    entity_plan = plan.entities[entity]
    lazy = frame.lazy() if isinstance(frame, pl.DataFrame) else frame
    prepared = prepare_inputs(
        lazy,
        entity_plan,
        money,
        date=plan.date,
        validate=validate,
        keep=keep,
        streaming=streaming,
    )
    lazy = prepared.frame
    for layer in _layers(entity_plan):
        lazy = lazy.with_columns(
            compile_columnar(v.expr, prepared.domains, prepared.years)
            .cast(engine_dtype(v.spec.unit))
            .alias(v.spec.name)
            for v in layer
        )
    checks = [
        (c, m)
        for v in entity_plan.variables
        for c, m in warning_counts(v.expr, prepared.domains, prepared.years)
    ]
    checks += _missing_facts(entity_plan)
    counts = lazy.select([c.alias(f"w{i}") for i, (c, _) in enumerate(checks)]) if checks else None
    if money == "yuan":
        lazy = lazy.with_columns(_public_units(entity_plan))
    return PopulationQuery(plan, lazy, counts, [m for _, m in checks], prepared.assumed)


def _missing_facts(entity: EntityPlan) -> list[tuple[pl.Expr, Label]]:
    """Rows that leave out a fact some result needs (the population form of a case's warning)."""
    from innoreg.engine.evaluate import missing_fact

    return [
        (pl.col(name).is_null().sum(), missing_fact(entity, name))
        for name, spec in entity.inputs.items()
        if spec.missing == "needed" and entity.dependents[name]
    ]


def _public_units(entity: EntityPlan) -> list[pl.Expr]:
    """Fen -> yuan Decimals, ppm -> float ratios: the public vocabulary's units."""
    units: dict[str, str] = {n: s.type for n, s in entity.inputs.items()}
    units.update({v.spec.name: v.spec.unit for v in entity.variables})
    exprs = []
    for name, unit in units.items():
        if unit == "money":
            exprs.append(pl.col(name).cast(pl.Decimal(38, 0)).cast(pl.Decimal(38, 2)) / 100)
        elif unit == "quantity":
            units_ = pl.col(name).cast(pl.Decimal(38, 0)).cast(pl.Decimal(38, 6))
            exprs.append(units_ / QUANTITY_SCALE)
        elif unit == "rate":
            # Through an exact decimal: polars divides floats by multiplying by the reciprocal,
            # which is one step off (0.049999999999999996) where a case gives 0.05.
            exact = pl.col(name).cast(pl.Decimal(38, 0)).cast(pl.Decimal(38, 6)) / RATE_SCALE
            exprs.append(exact.cast(pl.Float64))
        elif unit in ("industry", "enum"):
            exprs.append(pl.col(name).cast(pl.String))
    return exprs


def _layers(entity: EntityPlan) -> list[list[PlannedVariable]]:
    depth: dict[str, int] = {}
    for planned in entity.variables:
        depth[planned.spec.name] = 1 + max(
            (depth[d] for d in planned.depends_on if d in depth), default=0
        )
    layers: dict[int, list[PlannedVariable]] = {}
    for planned in entity.variables:
        layers.setdefault(depth[planned.spec.name], []).append(planned)
    return [layers[k] for k in sorted(layers)]
