"""Which rows of a population break the input contract, and how: row number, id, column,
value and the problem — so that an analyst can mend the file, or skip those rows knowingly.

The contract is the one a case follows (``InputSpec.coerce``): a value is accepted here exactly
when a case would accept it. To stay fast on a million rows, the common forms are checked
column-wise (a money column of polars Decimals within range; decimal text with at most two
places) and only other values go through ``coerce``, once per distinct value. The engine then
gets clean, typed columns (money as ``Decimal(38, 2)``, booleans as booleans, codes as codes)
and decides them; it never sees a value a case would refuse.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import polars as pl

from innoreg.engine.plan import EntityPlan
from innoreg.rules.inputs import FIRST_YEAR, LAST_YEAR, InputSpec
from innoreg.rules.money import MONEY_MAX_FEN, QUANTITY_MAX_UNITS, QUANTITY_SCALE

ID = "id"
ROW = "row"
MISSING_ID = ("must be a non-empty string or a number", "应为非空字符串或数字")
PROBLEM_COLUMNS = {
    ROW: pl.Int64,
    ID: pl.String,
    "column": pl.String,
    "value": pl.String,
    "problem": pl.String,
    "problem_zh": pl.String,
}
# (decimal places, largest value in the smallest unit, smallest units per unit)
SCALES = {"money": (2, MONEY_MAX_FEN, 100), "quantity": (6, QUANTITY_MAX_UNITS, QUANTITY_SCALE)}
ENGINE_TYPES: Mapping[str, pl.DataType] = {
    "bool": pl.Boolean(),
    "count": pl.Int64(),
    "year": pl.Int64(),
    "date": pl.Date(),
    "enum": pl.String(),
    "industry": pl.String(),
}


@dataclass(frozen=True)
class Checked:
    frame: pl.DataFrame
    """The rows, every input column typed as the contract reads it (bad values null)."""
    problems: pl.DataFrame
    """One row per bad value: row (1-based, in the whole population), id, column, value,
    problem (and ``problem_zh``, in Chinese)."""

    @property
    def bad_rows(self) -> pl.Series:
        return self.problems[ROW].unique()


def no_problems() -> pl.DataFrame:
    return pl.DataFrame(schema=PROBLEM_COLUMNS)


def check_rows(frame: pl.DataFrame, entity: EntityPlan, *, first_row: int) -> Checked:
    """Each input column of ``frame`` read by the contract; ``first_row`` numbers its first
    row (1 for a whole population, more for a later partition)."""
    rows = pl.int_range(first_row, first_row + frame.height, dtype=pl.Int64, eager=True)
    values: list[pl.Series] = []
    problems: list[pl.DataFrame] = []
    ids = frame[ID].cast(pl.String) if ID in frame.columns else rows.cast(pl.String)
    if ID in frame.columns:
        missing = frame[ID].is_null() | (frame[ID].cast(pl.String).str.strip_chars() == "")
        problems.append(_problems(rows, ids, ID, frame[ID], missing, *MISSING_ID))
    for name, spec in entity.inputs.items():
        if name not in frame.columns:
            continue
        value, problem, problem_zh = _read_column(frame[name], spec)
        values.append(value.alias(name))
        bad = problem.is_not_null()
        problems.append(_problems(rows, ids, name, frame[name], bad, problem, problem_zh))
    found = pl.concat(problems) if problems else no_problems()
    return Checked(frame.with_columns(values), found.sort(ROW, maintain_order=True))


def _problems(
    rows: pl.Series,
    ids: pl.Series,
    column: str,
    raw: pl.Series,
    bad: pl.Series,
    problem: pl.Series | str,
    problem_zh: pl.Series | str,
) -> pl.DataFrame:
    bad = bad.fill_null(False)
    if not bad.any():
        return no_problems()

    def text(said: pl.Series | str) -> pl.Series | str:
        return said.filter(bad) if isinstance(said, pl.Series) else said

    return pl.DataFrame(
        {ROW: rows.filter(bad), ID: ids.filter(bad), "value": raw.filter(bad).cast(pl.String)}
    ).select(
        pl.col(ROW).cast(pl.Int64),
        pl.col(ID).cast(pl.String),
        pl.lit(column).alias("column"),
        pl.col("value").str.slice(0, 40),
        pl.lit(text(problem), pl.String).alias("problem"),
        pl.lit(text(problem_zh), pl.String).alias("problem_zh"),
    )


Read = tuple[pl.Series, pl.Series, pl.Series]
"""A column as the contract reads it, and each row's problem (or null) in English and Chinese."""


def _read_column(raw: pl.Series, spec: InputSpec) -> Read:
    if spec.type in SCALES:
        return _amounts(raw, spec)
    target = ENGINE_TYPES[spec.type]
    native = {"bool": pl.Boolean, "date": pl.Date}.get(spec.type)
    if native is not None and raw.dtype == native:
        fine = _nulls(raw.name, len(raw), pl.String())
        return raw, fine, fine
    if spec.type in ("count", "year") and raw.dtype.is_integer():
        low, high = (FIRST_YEAR, LAST_YEAR) if spec.type == "year" else (0, None)
        outside = (raw < low) | (raw > high) if high is not None else raw < low
        return _by_distinct(raw, spec, target, outside, raw.cast(pl.Int64))
    return _by_distinct(raw, spec, target, raw.is_not_null(), _nulls(raw.name, len(raw), target))


def _amounts(raw: pl.Series, spec: InputSpec) -> Read:
    """Money (two places) or quantities (six): exact decimals within the contract's range."""
    places, largest, per_unit = SCALES[spec.type]
    decimal = pl.Decimal(38, places)
    dtype = raw.dtype
    if (isinstance(dtype, pl.Decimal) and (dtype.scale or 0) <= places) or dtype.is_integer():
        value = raw.cast(decimal)
    else:
        text = raw.cast(pl.String).str.strip_chars()
        plain = text.str.contains(rf"^[0-9]{{1,15}}(\.[0-9]{{1,{places}}})?$")
        value = text.zip_with(plain.fill_null(False), _nulls(raw.name, len(raw), pl.String()))
        value = value.cast(decimal)
    in_range = (value >= 0) & (value <= Decimal(largest) / per_unit)
    unsure = ~in_range.fill_null(False) & raw.is_not_null()
    return _by_distinct(raw, spec, decimal, unsure, value)


def _by_distinct(
    raw: pl.Series, spec: InputSpec, target: pl.DataType, unsure: pl.Series, value: pl.Series
) -> Read:
    """Values the column-wise reading could not vouch for (``unsure``) go through the case
    contract, once per distinct value: a value, or the reason it is refused."""
    unsure = unsure.fill_null(False)
    read: dict[Any, Any] = {}
    refused: dict[Any, str] = {}
    refused_zh: dict[Any, str] = {}
    for item in raw.filter(unsure).unique().to_list():
        try:
            read[item] = _public(spec, spec.coerce(_plain(item)))
        except ValueError as exc:
            refused[item], refused_zh[item] = str(exc), getattr(exc, "zh", str(exc))
        except ArithmeticError:  # decimal.Overflow from the contract on e.g. "1E1000000"
            refused[item] = f"{item!r} is not an amount innoreg can hold"
            refused_zh[item] = f"{item!r} 超出可处理的金额范围"
    mapped = _lookup(raw, read, target)
    problem, problem_zh = (_lookup(raw, said, pl.String()) for said in (refused, refused_zh))
    return value.zip_with(~unsure, mapped).alias(raw.name), problem, problem_zh


def _lookup(raw: pl.Series, table: dict[Any, Any], dtype: pl.DataType) -> pl.Series:
    if not table:
        return _nulls(raw.name, len(raw), dtype)
    return raw.replace_strict(list(table), list(table.values()), default=None, return_dtype=dtype)


def _nulls(name: str, length: int, dtype: pl.DataType) -> pl.Series:
    return pl.Series(name, [], dtype=dtype).extend_constant(None, length)


def _plain(item: Any) -> Any:
    """A polars value as a case document would carry it (floats as their shortest text)."""
    return repr(item) if isinstance(item, float) else item


def _public(spec: InputSpec, value: Any) -> Any:
    """The contract's engine value -> the column type handed to the population engine."""
    if spec.type in SCALES:
        places, _, per_unit = SCALES[spec.type]
        return (Decimal(value) / per_unit).quantize(Decimal(1).scaleb(-places))
    return value
