"""Decide a whole population in one columnar pass: the same plan as a single case, each
formula compiled to a polars expression, the variables added layer by dependency layer.

Money columns may come in yuan (decimal strings, polars Decimals or integers) or already in
integer fen (``money="fen"``, the fast path for Parquet written by innoreg).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import polars as pl

from innoreg.engine.plan import EntityPlan, Plan, PlannedVariable, plan_for
from innoreg.errors import InputError
from innoreg.rules.columnar import compile_columnar, warning_counts
from innoreg.rules.inputs import InputSpec
from innoreg.rules.money import MONEY_MAX_FEN, RATE_SCALE

MoneyUnit = Literal["yuan", "fen"]
_MONEY = ("money", "quantity")


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
    columns = lazy.collect_schema().names()
    lazy = lazy.with_columns(_inputs(entity_plan, columns, money))
    if validate:
        _validate(lazy, entity_plan)
    for layer in _layers(entity_plan):
        lazy = lazy.with_columns(
            compile_columnar(v.expr).cast(_dtype(v.spec.unit)).alias(v.spec.name) for v in layer
        )
    warnings = list(plan.warnings)
    checks = [(c, m) for v in entity_plan.variables for c, m in warning_counts(v.expr)]
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


def _inputs(entity: EntityPlan, columns: list[str], money: MoneyUnit) -> list[pl.Expr]:
    exprs = []
    for name, spec in entity.inputs.items():
        dtype = _dtype("money" if spec.type in _MONEY else spec.type)
        if name not in columns:
            exprs.append(pl.lit(spec.default, dtype=dtype).alias(name))
            continue
        column = pl.col(name)
        if spec.type in _MONEY and money == "yuan":
            column = (column.cast(pl.Decimal(30, 2), strict=True) * 100).cast(pl.Int64)
        elif spec.type == "date":
            column = column.cast(pl.Date)
        elif spec.type == "industry":
            column = column.cast(pl.String).str.strip_chars().str.to_uppercase()
        column = column.cast(dtype)
        if spec.default is not None:
            column = column.fill_null(pl.lit(spec.default, dtype=dtype))
        exprs.append(column.alias(name))
    return exprs


def _public_units(entity: EntityPlan) -> list[pl.Expr]:
    """Fen -> yuan Decimals, ppm -> float ratios: the public vocabulary's units."""
    units: dict[str, str] = {n: s.type for n, s in entity.inputs.items()}
    units.update({v.spec.name: v.spec.unit for v in entity.variables})
    exprs = []
    for name, unit in units.items():
        if unit in _MONEY:
            exprs.append(pl.col(name).cast(pl.Decimal(38, 0)).cast(pl.Decimal(38, 2)) / 100)
        elif unit == "rate":
            # Through an exact decimal: polars divides floats by multiplying by the reciprocal,
            # which is one step off (0.049999999999999996) where a case gives 0.05.
            exact = pl.col(name).cast(pl.Decimal(38, 0)).cast(pl.Decimal(38, 6)) / RATE_SCALE
            exprs.append(exact.cast(pl.Float64))
    return exprs


def _validate(lazy: pl.LazyFrame, entity: EntityPlan) -> None:
    checks: list[tuple[InputSpec, pl.Expr, str]] = []
    for spec in entity.inputs.values():
        column = pl.col(spec.name)
        if spec.type in _MONEY:
            bad = (column < 0) | (column > MONEY_MAX_FEN)
            checks.append((spec, bad, "must not be negative nor above the accepted maximum"))
        elif spec.type == "enum":
            bad = column.is_not_null() & ~column.is_in(list(spec.values))
            checks.append((spec, bad, f"must be one of {', '.join(spec.values)}"))
        elif spec.type == "industry":
            bad = column.is_not_null() & ~column.str.contains(r"^[A-T](\d{2,4})?$")
            checks.append((spec, bad, "must be an industry code such as C or C16"))
    if not checks:
        return
    counts = lazy.select(bad.fill_null(False).sum().alias(s.name) for s, bad, _ in checks).collect()
    for spec, _, rule in checks:
        if counts[spec.name][0]:
            raise InputError(f"{counts[spec.name][0]} rows: {rule}", field=spec.name, rule=rule)


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


def _dtype(unit: str) -> pl.DataType:
    return {
        "money": pl.Int64(),
        "quantity": pl.Int64(),
        "rate": pl.Int64(),
        "count": pl.Int64(),
        "ratio": pl.Float64(),
        "bool": pl.Boolean(),
        "date": pl.Date(),
    }.get(unit, pl.String())
