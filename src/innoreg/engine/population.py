"""Decide a whole population in one columnar pass: the same plan as a single case, each
formula compiled to a polars expression, the variables added layer by dependency layer.

Money columns may come in yuan (decimal strings, polars Decimals or integers) or already in
integer fen (``money="fen"``, the fast path for Parquet written by innoreg).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import polars as pl

from innoreg.engine.plan import EntityPlan, Plan, PlannedVariable, plan_for
from innoreg.engine.population_inputs import (
    MONEY_TYPES,
    MoneyUnit,
    engine_dtype,
    prepare_inputs,
)
from innoreg.errors import InputError
from innoreg.rules.columnar import compile_columnar, warning_counts
from innoreg.rules.money import RATE_SCALE


@dataclass
class PopulationResult:
    frame: pl.DataFrame
    plan: Plan
    warnings: list[str]


def evaluate_population(
    frame: pl.DataFrame | pl.LazyFrame,
    *,
    jurisdiction: str,
    date: dt.date,
    entity: str = "enterprise",
    interpretations: Mapping[str, str] | None = None,
    money: MoneyUnit = "yuan",
    validate: bool = True,
) -> PopulationResult:
    """Every variable of ``entity`` for every row. With ``money="yuan"`` money comes in as
    decimals and goes out as ``Decimal(38, 2)``, rates as float ratios (the public units); with
    ``money="fen"`` money stays integer fen and rates integer parts per million."""
    plan = plan_for(jurisdiction, date, interpretations)
    if entity not in plan.entities:
        raise InputError(
            f"unknown entity kind for {jurisdiction}; known: {', '.join(plan.entities)}",
            field="entity",
        )
    entity_plan = plan.entities[entity]
    lazy = frame.lazy() if isinstance(frame, pl.DataFrame) else frame
    prepared = prepare_inputs(lazy, entity_plan, money, validate=validate)
    lazy = prepared.frame
    for layer in _layers(entity_plan):
        lazy = lazy.with_columns(
            compile_columnar(v.expr, prepared.domains)
            .cast(engine_dtype(v.spec.unit))
            .alias(v.spec.name)
            for v in layer
        )
    warnings = list(plan.warnings)
    checks = [
        (c, m) for v in entity_plan.variables for c, m in warning_counts(v.expr, prepared.domains)
    ]
    if money == "yuan":
        lazy = lazy.with_columns(_public_units(entity_plan))
    if checks:
        counts = lazy.select([c.alias(f"w{i}") for i, (c, _) in enumerate(checks)])
        result, totals = pl.collect_all([lazy, counts])
        for i, (_, message) in enumerate(checks):
            if totals[f"w{i}"][0]:
                warnings.append(f"{totals[f'w{i}'][0]} rows: {message}")
    else:
        result = lazy.collect()
    return PopulationResult(result, plan, list(dict.fromkeys(warnings)))


def _public_units(entity: EntityPlan) -> list[pl.Expr]:
    """Fen -> yuan Decimals, ppm -> float ratios: the public vocabulary's units."""
    units: dict[str, str] = {n: s.type for n, s in entity.inputs.items()}
    units.update({v.spec.name: v.spec.unit for v in entity.variables})
    exprs = []
    for name, unit in units.items():
        if unit in MONEY_TYPES:
            exprs.append(pl.col(name).cast(pl.Decimal(38, 0)).cast(pl.Decimal(38, 2)) / 100)
        elif unit == "rate":
            # Through an exact decimal: polars divides floats by multiplying by the reciprocal,
            # which is one step off (0.049999999999999996) where a case gives 0.05.
            exact = pl.col(name).cast(pl.Decimal(38, 0)).cast(pl.Decimal(38, 6)) / RATE_SCALE
            exprs.append(exact.cast(pl.Float64))
        elif unit == "industry":
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
