"""The population backend: the same expression tree compiled to polars expressions.

Imported only when a population is evaluated, so a single case never pays for polars.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import polars as pl

from innoreg.rules import expr as e
from innoreg.rules.money import RATE_SCALE

_OPS = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "and": lambda a, b: a & b,
    "or": lambda a, b: a | b,
}


def compile_columnar(node: e.Expr, domains: Mapping[str, Sequence[str]] | None = None) -> pl.Expr:
    """Compile ``node`` to a polars expression over the entity's columns. ``domains`` names the
    code columns held as an ``Enum`` of the codes present: a test of such a code becomes a
    lookup among those codes instead of a string operation on every row."""
    known = domains or {}

    def sub(child: e.Expr) -> pl.Expr:
        return compile_columnar(child, known)

    match node:
        case e.IsIn(operand=e.Ref(name=name), values=values) if name in known:
            return pl.col(name).is_in([c for c in known[name] if c in values])
        case e.StartsWithAny(operand=e.Ref(name=name), prefixes=prefixes) if name in known:
            return pl.col(name).is_in([c for c in known[name] if c.startswith(prefixes)])
        case e.Ref(name=name) if name in known:
            return pl.col(name).cast(pl.String)
        case e.Ref(name=name):
            return pl.col(name)
        case e.Lit(value=value):
            return pl.lit(value)
        case e.Binary(op=op, left=left, right=right):
            result: pl.Expr = _OPS[op](sub(left), sub(right))
            return result
        case e.Not(operand=operand):
            return ~sub(operand)
        case e.IsNull(operand=operand, negate=negate):
            inner = sub(operand)
            return inner.is_not_null() if negate else inner.is_null()
        case e.IsIn(operand=operand, values=values):
            inner = sub(operand)
            return pl.when(inner.is_null()).then(None).otherwise(inner.is_in(list(values)))
        case e.StartsWithAny(operand=operand, prefixes=prefixes):
            inner = sub(operand)
            hits = [inner.str.starts_with(p) for p in prefixes]
            return pl.any_horizontal(hits) if len(hits) > 1 else hits[0]
        case e.When(condition=condition, then=then, otherwise=otherwise):
            return pl.when(sub(condition)).then(sub(then)).otherwise(sub(otherwise))
        case e.Scale(money=money, rate=rate, rounding=rounding):
            return _scale(sub(money), sub(rate), rounding)
        case e.RatioOf(numerator=numerator, denominator=denominator):
            top = sub(numerator).cast(pl.Float64)
            bottom = sub(denominator)
            return pl.when(bottom != 0).then(top / bottom.cast(pl.Float64)).otherwise(None)
        case e.Horizontal(kind=kind, items=items):
            parts = [sub(i) for i in items]
            if kind == "max":
                return pl.max_horizontal(parts)
            if kind == "min":
                return pl.min_horizontal(parts)
            return pl.coalesce(parts)
        case e.AddYears(start=start, years=years):
            return sub(start).dt.offset_by(f"{years}y")
        case e.ShiftDays(date=date, table=table):
            return _shift_days(sub(date), table)
        case e.Warn(value=value):
            return sub(value)
    raise TypeError(f"no columnar compilation for {type(node).__name__}")


def _shift_days(date: pl.Expr, table: Mapping[dt.date, dt.date]) -> pl.Expr:
    """Move the dates in ``table`` by its offsets, as set lookups grouped by offset: unlike
    ``replace`` (which holds the whole column), lookups stream."""
    by_offset: dict[int, list[dt.date]] = {}
    for day, target in table.items():
        by_offset.setdefault((target - day).days, []).append(day)
    result = date
    for offset in sorted(by_offset, reverse=True):
        shifted = date + dt.timedelta(days=offset)
        result = pl.when(date.is_in(by_offset[offset])).then(shifted).otherwise(result)
    return result


def _scale(money: pl.Expr, rate: pl.Expr, rounding: str) -> pl.Expr:
    """Exact fen x ppm / 1e6 in 64-bit integers: split the amount at the rate's scale."""
    whole = money // RATE_SCALE
    part = (money % RATE_SCALE) * rate
    if rounding == "ceil":
        rest = -((-part) // RATE_SCALE)
    elif rounding == "floor":
        rest = part // RATE_SCALE
    else:
        rest = (2 * part + RATE_SCALE) // (2 * RATE_SCALE)
    return whole * rate + rest


def warning_counts(
    node: e.Expr, domains: Mapping[str, Sequence[str]] | None = None
) -> list[tuple[pl.Expr, str]]:
    """For each ``Warn`` in the tree: an expression counting the rows it fires on, its text."""
    found: list[tuple[pl.Expr, str]] = []
    for part in e.walk(node):
        if isinstance(part, e.Warn):
            count = compile_columnar(part.condition, domains).fill_null(False).sum()
            found.append((count, part.message))
    return found
