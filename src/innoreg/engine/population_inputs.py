"""A population's inputs made ready for the columnar pass: money to fen, dates to dates, codes
(industry) checked and normalised on their distinct values, then held as a polars ``Enum`` so
that every rule's test of a code is a lookup, not a string scan of every row.

Validation names the column and the rule a value breaks, with the number of rows that break it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import polars as pl

from innoreg.engine.plan import EntityPlan
from innoreg.errors import InputError
from innoreg.rules.money import MONEY_MAX_FEN

MoneyUnit = Literal["yuan", "fen"]
MONEY_TYPES = ("money", "quantity")
INDUSTRY_CODE = re.compile(r"^[A-T](\d{2,4})?$")


@dataclass
class PreparedInputs:
    frame: pl.LazyFrame
    domains: dict[str, list[str]]
    """Code inputs -> the codes present, for lookups in place of string scans."""


def prepare_inputs(
    lazy: pl.LazyFrame,
    entity: EntityPlan,
    money: MoneyUnit,
    *,
    validate: bool,
    streaming: bool = False,
) -> PreparedInputs:
    columns = set(lazy.collect_schema().names())
    lazy = lazy.with_columns(_typed(entity, columns, money))
    codes = [n for n, s in entity.inputs.items() if s.type == "industry" and n in columns]
    checks = _checks(entity) if validate else []
    engine: Literal["streaming", "auto"] = "streaming" if streaming else "auto"
    # One query per code column (``unique`` streams; ``unique().implode()`` does not).
    queries = [lazy.select(pl.col(n).unique()) for n in codes]
    if checks:
        queries.append(lazy.select(b.fill_null(False).sum().alias(n) for n, b, _ in checks))
    found = pl.collect_all(queries, engine=engine) if queries else []
    if checks:
        counts = found[-1]
        for name, _, rule in checks:
            if counts[name][0]:
                raise InputError(f"{rows(counts[name][0])}: {rule}", field=name, rule=rule)
    domains: dict[str, list[str]] = {}
    recoded: list[pl.Expr] = []
    for name, distinct in zip(codes, found, strict=False):
        present = [c for c in distinct[name].to_list() if c is not None]
        canonical = {code: code.strip().upper() for code in present}
        if validate:
            _check_codes(lazy, name, canonical)
        domains[name] = sorted(set(canonical.values()))
        column = pl.col(name)
        renamed = {raw: code for raw, code in canonical.items() if raw != code}
        if renamed:
            column = column.str.strip_chars().str.to_uppercase()
        recoded.append(column.cast(pl.Enum(domains[name])).alias(name))
    if recoded:
        lazy = lazy.with_columns(recoded)
    return PreparedInputs(lazy, domains)


def _typed(entity: EntityPlan, columns: set[str], money: MoneyUnit) -> list[pl.Expr]:
    exprs = []
    for name, spec in entity.inputs.items():
        dtype = engine_dtype("money" if spec.type in MONEY_TYPES else spec.type)
        if name not in columns:
            exprs.append(pl.lit(spec.default, dtype=dtype).alias(name))
            continue
        column = pl.col(name)
        if spec.type in MONEY_TYPES and money == "yuan":
            column = (column.cast(pl.Decimal(30, 2), strict=True) * 100).cast(pl.Int64)
        elif spec.type == "date":
            column = column.cast(pl.Date)
        column = column.cast(dtype)
        if spec.default is not None:
            column = column.fill_null(pl.lit(spec.default, dtype=dtype))
        exprs.append(column.alias(name))
    return exprs


def _checks(entity: EntityPlan) -> list[tuple[str, pl.Expr, str]]:
    checks = []
    for name, spec in entity.inputs.items():
        column = pl.col(name)
        if spec.type in MONEY_TYPES:
            bad = (column < 0) | (column > MONEY_MAX_FEN)
            checks.append((name, bad, "must not be negative nor above the accepted maximum"))
        elif spec.type == "enum":
            bad = column.is_not_null() & ~column.is_in(list(spec.values))
            checks.append((name, bad, f"must be one of {', '.join(spec.values)}"))
        elif spec.type == "count":
            checks.append((name, column < 0, "must be a whole number of at least 0"))
    return checks


def _check_codes(lazy: pl.LazyFrame, name: str, canonical: dict[str, str]) -> None:
    wrong = [raw for raw, code in canonical.items() if not INDUSTRY_CODE.match(code)]
    if wrong:
        count = lazy.select(pl.col(name).is_in(wrong).sum()).collect().item()
        rule = "an industry code: a section letter A-T, optionally with its division digits"
        example = ", ".join(repr(w) for w in sorted(wrong)[:3])
        raise InputError(
            f"{rows(count)} {'is' if count == 1 else 'are'} not industry codes (e.g. {example})",
            field=name,
            rule=rule,
        )


def rows(count: int) -> str:
    return f"{count} row" if count == 1 else f"{count} rows"


def engine_dtype(unit: str) -> pl.DataType:
    """The polars type a unit is held in during evaluation (fen and ppm as integers)."""
    return {
        "money": pl.Int64(),
        "quantity": pl.Int64(),
        "rate": pl.Int64(),
        "count": pl.Int64(),
        "ratio": pl.Float64(),
        "bool": pl.Boolean(),
        "date": pl.Date(),
    }.get(unit, pl.String())
