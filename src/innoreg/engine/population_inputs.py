"""A population's inputs made ready for the columnar pass: money to fen, quantities to
millionths, dates to dates, codes (industry) and options checked and normalised on their
distinct values, then held as a polars ``Enum`` so that every rule's test of a code is a lookup,
not a string scan of every row.

The columns are the contract: an unknown column is an error naming it (and the nearest input),
unless the caller passes it through (``keep``); a column left out takes the input's default
for every row, and the result lists it as assumed. Validation names the column and the rule a
value breaks, with the number of rows that break it.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import polars as pl

from innoreg.engine.plan import EntityPlan
from innoreg.errors import InputError
from innoreg.rules.inputs import FIRST_YEAR, INDUSTRY_CODE, LAST_YEAR, NO, YES, InputSpec
from innoreg.rules.money import MONEY_MAX_FEN, QUANTITY_MAX_UNITS, QUANTITY_SCALE

MoneyUnit = Literal["yuan", "fen"]
MONEY_TYPES = ("money", "quantity")
ID = "id"


@dataclass
class PreparedInputs:
    frame: pl.LazyFrame
    domains: dict[str, list[str]]
    """Code inputs -> the codes present, for lookups in place of string scans."""
    years: dict[str, list[int]]
    """Year inputs -> the years present, so formulas chosen by year keep only those."""
    assumed: list[str]
    """Inputs whose column was absent, with the default every row took."""


def prepare_inputs(
    lazy: pl.LazyFrame,
    entity: EntityPlan,
    money: MoneyUnit,
    *,
    date: dt.date,
    validate: bool,
    keep: Sequence[str] = (),
    streaming: bool = False,
) -> PreparedInputs:
    columns = lazy.collect_schema()
    check_columns(list(columns.names()), entity, keep)
    if validate:
        _check_raw(lazy, entity, columns, money, streaming)
    lazy = lazy.with_columns(_typed(entity, columns, money, date))
    present = set(columns.names())
    codes = [n for n, s in entity.inputs.items() if s.type in ("industry", "enum") and n in present]
    year_columns = [n for n, s in entity.inputs.items() if s.type == "year" and n in present]
    checks = _checks(entity) if validate else []
    engine: Literal["streaming", "auto"] = "streaming" if streaming else "auto"
    # One query per code column (``unique`` streams; ``unique().implode()`` does not).
    queries = [lazy.select(pl.col(n).unique()) for n in [*codes, *year_columns]]
    if checks:
        queries.append(lazy.select(b.fill_null(False).sum().alias(n) for n, b, _ in checks))
    found = pl.collect_all(queries, engine=engine) if queries else []
    distinct_years = found[len(codes) : len(codes) + len(year_columns)]
    years = {
        name: sorted(y for y in frame[name].to_list() if y is not None)
        for name, frame in zip(year_columns, distinct_years, strict=True)
    }
    for name, spec in entity.inputs.items():
        if spec.type == "year" and name not in present:
            years[name] = [spec.default_on(date)]
    if checks:
        counts = found[-1]
        for name, _, rule in checks:
            if counts[name][0]:
                raise InputError(f"{rows(counts[name][0])}: {rule}", field=name, rule=rule)
    domains: dict[str, list[str]] = {}
    recoded: list[pl.Expr] = []
    for name, distinct in zip(codes, found, strict=False):
        spec = entity.inputs[name]
        present_codes = [c for c in distinct[name].to_list() if c is not None]
        canonical = _canonical(lazy, spec, present_codes, validate)
        domains[name] = sorted(set(canonical.values()) | set(spec.values))
        column = pl.col(name)
        renamed = {raw: code for raw, code in canonical.items() if raw != code}
        if renamed and spec.type == "industry":
            column = column.str.strip_chars().str.to_uppercase()
        elif renamed:
            column = column.replace_strict(canonical, default=None, return_dtype=pl.String)
        recoded.append(column.cast(pl.Enum(domains[name])).alias(name))
    if recoded:
        lazy = lazy.with_columns(recoded)
    assumed = [
        f"{name}={_shown(spec.default_on(date))} (no column)"
        for name, spec in entity.inputs.items()
        if name not in present and spec.missing == "default"
    ]
    return PreparedInputs(lazy, domains, years, assumed)


MONEY_TEXT = r"^\s*-?(\d+|\d{1,3}(,\d{3})+)(\.\d{1,2})?\s*$"
QUANTITY_TEXT = r"^\s*\d+(\.\d{1,6})?\s*$"
DATE_TEXT = r"^\s*\d{4}-\d{2}-\d{2}\s*$"


def _check_raw(
    lazy: pl.LazyFrame, entity: EntityPlan, columns: pl.Schema, money: MoneyUnit, streaming: bool
) -> None:
    """Values a cast would truncate or fail on — "1.234" yuan, "abc", a date that is not one —
    are an InputError naming the column, as a case names the field."""
    checks: list[tuple[str, pl.Expr, str]] = []
    for name, spec in entity.inputs.items():
        if name not in columns or money != "yuan":
            continue
        column, dtype = pl.col(name), columns[name]
        if spec.type in ("money", "quantity"):
            decimals = 2 if spec.type == "money" else 6
            if dtype == pl.String:
                pattern = MONEY_TEXT if spec.type == "money" else QUANTITY_TEXT
                bad = column.is_not_null() & ~column.str.contains(pattern)
            elif dtype.is_float():
                scaled = column * 10**decimals
                bad = (scaled - scaled.round(0)).abs() > 1e-6
            elif isinstance(dtype, pl.Decimal) and (dtype.scale or 0) > decimals:
                bad = column.cast(pl.Decimal(38, decimals)) != column  # digits a cast would drop
            else:
                continue
            rule = f"an amount with at most {decimals} decimals"
            checks.append((name, bad, rule))
        elif spec.type == "date" and dtype == pl.String:
            bad = column.is_not_null() & (
                ~column.str.contains(DATE_TEXT)
                | column.str.strip_chars().str.to_date(strict=False).is_null()
            )
            checks.append((name, bad, "a date (YYYY-MM-DD)"))
    if not checks:
        return
    engine: Literal["streaming", "auto"] = "streaming" if streaming else "auto"
    counts = lazy.select(b.fill_null(False).sum().alias(n) for n, b, _ in checks).collect(
        engine=engine
    )
    for name, _, rule in checks:
        if counts[name][0]:
            raise InputError(
                f"{rows(counts[name][0])}: not {rule}",
                field=name,
                rule=rule,
                zh=f"{counts[name][0]}行不符合：{rule}",
            )


def check_columns(names: Sequence[str], entity: EntityPlan, keep: Sequence[str]) -> None:
    """Every column is an input, ``id`` or passed through: a misspelt column must not silently
    leave its input at the default."""
    allowed = {*entity.inputs, ID, *keep}
    unknown = [n for n in names if n not in allowed]
    if not unknown:
        return
    computed = {v.spec.name for v in entity.variables}
    name = unknown[0]
    if name in computed:
        raise InputError(
            f"is computed, not given (unknown columns: {', '.join(unknown)})",
            field=name,
            rule="variables are computed, not given",
        )
    near = difflib.get_close_matches(name, [*entity.inputs, ID], n=1, cutoff=0.6)
    hint = f"; did you mean {near[0]!r}?" if near else ""
    raise InputError(
        f"unknown column for {entity.kind.name}{hint} (unknown columns: {', '.join(unknown)}; "
        "pass other columns through with keep=)",
        field=name,
        rule="columns are the inputs declared by the packs in force, id, or kept columns",
    )


def _shown(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def _typed(
    entity: EntityPlan, columns: pl.Schema, money: MoneyUnit, date: dt.date
) -> list[pl.Expr]:
    exprs = []
    for name, spec in entity.inputs.items():
        dtype = engine_dtype(spec.type)
        default = spec.default_on(date)
        if name not in columns:
            exprs.append(pl.lit(default, dtype=dtype).alias(name))
            continue
        column = pl.col(name)
        if spec.type in MONEY_TYPES and money == "yuan" and columns[name] == pl.String:
            column = column.str.strip_chars().str.replace_all(",", "")
        if spec.type == "money" and money == "yuan":
            column = (column.cast(pl.Decimal(30, 2), strict=True) * 100).cast(pl.Int64)
        elif spec.type == "quantity" and money == "yuan":
            exact = column.cast(pl.Decimal(38, 6), strict=True) * QUANTITY_SCALE
            column = exact.cast(pl.Int64)
        elif spec.type == "date" and columns[name] == pl.String:
            column = column.str.strip_chars().str.to_date(strict=False)
        elif spec.type == "date":
            column = column.cast(pl.Date)
        elif spec.type == "bool" and columns[name] == pl.String:
            text = column.str.strip_chars()
            column = (
                pl.when(text.is_in(list(YES)))
                .then(True)
                .when(text.is_in(list(NO)))
                .then(False)
                .otherwise(None)
            )
        column = column.cast(dtype)
        if default is not None:
            column = column.fill_null(pl.lit(default, dtype=dtype))
        exprs.append(column.alias(name))
    return exprs


def _checks(entity: EntityPlan) -> list[tuple[str, pl.Expr, str]]:
    checks = []
    for name, spec in entity.inputs.items():
        column = pl.col(name)
        if spec.type == "money":
            bad = (column < 0) | (column > MONEY_MAX_FEN)
            checks.append((name, bad, "must not be negative nor above the accepted maximum"))
        elif spec.type == "quantity":
            bad = (column < 0) | (column > QUANTITY_MAX_UNITS)
            checks.append((name, bad, "must not be negative nor above the accepted maximum"))
        elif spec.type == "count":
            checks.append((name, column < 0, "must be a whole number of at least 0"))
        elif spec.type == "year":
            bad = (column < FIRST_YEAR) | (column > LAST_YEAR)
            checks.append((name, bad, f"must be a year from {FIRST_YEAR} to {LAST_YEAR}"))
    return checks


def _canonical(
    lazy: pl.LazyFrame, spec: InputSpec, present: list[str], validate: bool
) -> dict[str, str]:
    """Each distinct value of a code column -> its code; unknown values are an error naming the
    column, how many rows carry them and a few of them."""
    canonical: dict[str, str] = {}
    wrong = []
    for raw in present:
        if spec.type == "industry":
            code = raw.strip().upper()
            if INDUSTRY_CODE.match(code):
                canonical[raw] = code
            else:
                wrong.append(raw)
            continue
        try:
            canonical[raw] = spec.option_code(raw)
        except ValueError:
            wrong.append(raw)
    if wrong and validate:
        count = lazy.select(pl.col(spec.name).is_in(wrong).sum()).collect().item()
        rule = (
            "an industry code: a section letter A-T, optionally with its division digits"
            if spec.type == "industry"
            else f"one of {', '.join(f'{o.code} ({o.label.zh})' for o in spec.options)}"
        )
        example = ", ".join(repr(w) for w in sorted(wrong)[:3])
        raise InputError(
            f"{rows(count)} {'is' if count == 1 else 'are'} not valid (e.g. {example}): {rule}",
            field=spec.name,
            rule=rule,
        )
    return canonical


def rows(count: int) -> str:
    return f"{count} row" if count == 1 else f"{count} rows"


def engine_dtype(unit: str) -> pl.DataType:
    """The polars type a unit is held in during evaluation (fen, millionths and ppm as
    integers)."""
    return {
        "money": pl.Int64(),
        "quantity": pl.Int64(),
        "rate": pl.Int64(),
        "count": pl.Int64(),
        "year": pl.Int64(),
        "ratio": pl.Float64(),
        "bool": pl.Boolean(),
        "date": pl.Date(),
    }.get(unit, pl.String())
