"""The population backend: the same expression tree compiled to polars expressions.

Imported only when a population is evaluated, so a single case never pays for polars.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import polars as pl

from innoreg.labels import Label
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


def compile_columnar(
    node: e.Expr,
    domains: Mapping[str, Sequence[str]] | None = None,
    year_values: Mapping[str, Sequence[int]] | None = None,
) -> pl.Expr:
    """Compile ``node`` to a polars expression over the entity's columns. ``domains`` names the
    code columns held as an ``Enum`` of the codes present: a test of such a code becomes a
    lookup among those codes instead of a string operation on every row. ``year_values`` gives
    the fiscal years present in a year column: a formula chosen by year keeps only their
    branches (one year, the usual population, compiles to one formula)."""
    known = domains or {}
    present = year_values or {}

    def sub(child: e.Expr) -> pl.Expr:
        return compile_columnar(child, known, present)

    match node:
        case e.IsIn(operand=e.Ref(name=name), values=values) if name in known:
            return pl.col(name).is_in([c for c in known[name] if c in values])
        case e.StartsWithAny(operand=e.Ref(name=name), prefixes=prefixes) if name in known:
            return pl.col(name).is_in([c for c in known[name] if c.startswith(prefixes)])
        case e.IsNull(operand=e.Ref(name=name), negate=negate) if name in known:
            return pl.col(name).is_not_null() if negate else pl.col(name).is_null()  # no cast
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
        case e.Share(money=money, numerator=num, denominator=den, rounding=rounding):
            return _round_division(sub(money) * num, den, rounding)
        case e.ByYear(year=e.Ref(name=name), low=low, high=high) if name in present:
            index = node.branch_index()
            hit = sorted({index[min(max(y, low), high)] for y in present[name]})
            if len(hit) == 1 and None not in present[name]:  # one year in every row
                return sub(node.branches[hit[0]].expr)
            chosen = _clamped(pl.col(name), low, high)
            return _by_year(
                chosen, [(node.branches[i].years, sub(node.branches[i].expr)) for i in hit]
            )
        case e.ByYear(year=year, branches=branches, low=low, high=high):
            chosen = _clamped(sub(year), low, high)
            return _by_year(chosen, [(b.years, sub(b.expr)) for b in branches])
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
        case e.ShiftDays(date=date, table=table, covered=covered):
            moved = _shift_days(sub(date), table)
            if covered is None:
                return moved
            day = sub(date)
            outside = (day < covered[0]) | (day > covered[1])
            weekday = day.dt.weekday()  # ISO: Monday 1 ... Sunday 7
            off_weekend = (
                pl.when(weekday == 6)
                .then(day + dt.timedelta(days=2))
                .when(weekday == 7)
                .then(day + dt.timedelta(days=1))
                .otherwise(day)
            )
            return pl.when(outside).then(off_weekend).otherwise(moved)
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


def _clamped(years: pl.Expr, low: int, high: int) -> pl.Expr:
    """Years outside [low, high] take the formula of the nearer end."""
    return pl.when(years < low).then(low).when(years > high).then(high).otherwise(years)


def _by_year(year: pl.Expr, branches: list[tuple[tuple[int, ...], pl.Expr]]) -> pl.Expr:
    """One when/then per branch of fiscal years (the last branch is the otherwise)."""
    result = branches[-1][1]
    for years, expr in reversed(branches[:-1]):
        result = pl.when(year.is_in(list(years))).then(expr).otherwise(result)
    return pl.when(year.is_null()).then(None).otherwise(result)


def _scale(money: pl.Expr, rate: pl.Expr, rounding: str) -> pl.Expr:
    """Exact fen x ppm / 1e6 in 64-bit integers: split the amount at the rate's scale."""
    whole = money // RATE_SCALE
    return whole * rate + _round_division((money % RATE_SCALE) * rate, RATE_SCALE, rounding)


def _round_division(numerator: pl.Expr, denominator: int, rounding: str) -> pl.Expr:
    if rounding == "ceil":
        return -((-numerator) // denominator)
    if rounding == "floor":
        return numerator // denominator
    return (2 * numerator + denominator) // (2 * denominator)


def warning_counts(
    node: e.Expr,
    domains: Mapping[str, Sequence[str]] | None = None,
    year_values: Mapping[str, Sequence[int]] | None = None,
) -> list[tuple[pl.Expr, Label]]:
    """For each ``Warn`` in the tree: an expression counting the rows it fires on, its text.
    A warning inside a branch counts only the rows that take the branch (as one row would)."""
    found: list[tuple[pl.Expr, Label]] = []

    def visit(part: e.Expr, guard: pl.Expr) -> None:
        match part:
            case e.Warn(condition=condition, value=value):
                fires = guard & compile_columnar(condition, domains, year_values).fill_null(False)
                found.append((fires.sum(), part.message))
                visit(condition, guard)
                visit(value, guard)
            case e.When(condition=condition, then=then, otherwise=otherwise):
                taken = compile_columnar(condition, domains, year_values).fill_null(False)
                visit(condition, guard)
                visit(then, guard & taken)
                visit(otherwise, guard & ~taken)
            case e.ByYear(year=year, branches=branches, low=low, high=high):
                chosen = _clamped(compile_columnar(year, domains, year_values), low, high)
                visit(year, guard)
                for branch in branches:
                    visit(branch.expr, guard & chosen.is_in(list(branch.years)).fill_null(False))
            case _:
                for child in part.children():
                    visit(child, guard)

    visit(node, pl.lit(True))
    return found
