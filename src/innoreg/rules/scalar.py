"""The one-row backend: an expression tree compiled once into nested Python closures.

It is generated from the same tree as the columnar backend (no hand-kept scalar twin of the
law) and follows the same null and rounding semantics; a property test holds them equal.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable
from typing import Any

from innoreg.labels import Label
from innoreg.rules import expr as e
from innoreg.rules.money import round_division, scale_money
from innoreg.rules.periods import period_end

Row = dict[str, Any]
WEEKEND_SHIFT = {6: 2, 7: 1}
"""ISO weekday -> days to the Monday after it (Saturday 6, Sunday 7)."""
Compiled = Callable[[Row, list[Label]], Any]

_COMPARE: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add,
    "-": operator.sub,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
}


def compile_scalar(node: e.Expr) -> Compiled:
    """Compile ``node`` to ``f(row, warnings) -> value``."""
    match node:
        case e.Ref(name=name):
            return lambda row, _w: row[name]
        case e.Lit(value=value):
            return lambda _r, _w: value
        case e.Binary(op="and", left=left, right=right):
            return _kleene_and(compile_scalar(left), compile_scalar(right))
        case e.Binary(op="or", left=left, right=right):
            return _kleene_or(compile_scalar(left), compile_scalar(right))
        case e.Binary(op=op, left=left, right=right):
            return _binary(_COMPARE[op], compile_scalar(left), compile_scalar(right))
        case e.Not(operand=operand):
            inner = compile_scalar(operand)

            def negate(row: Row, w: list[Label]) -> Any:
                value = inner(row, w)
                return None if value is None else not value

            return negate
        case e.IsNull(operand=operand, negate=negate_):
            inner = compile_scalar(operand)
            if negate_:
                return lambda row, w: inner(row, w) is not None
            return lambda row, w: inner(row, w) is None
        case e.IsIn(operand=operand, values=values):
            inner, allowed = compile_scalar(operand), frozenset(values)

            def isin(row: Row, w: list[Label]) -> Any:
                value = inner(row, w)
                return None if value is None else value in allowed

            return isin
        case e.StartsWithAny(operand=operand, prefixes=prefixes):
            inner = compile_scalar(operand)

            def starts(row: Row, w: list[Label]) -> Any:
                value = inner(row, w)
                return None if value is None else value.startswith(prefixes)

            return starts
        case e.When(condition=condition, then=then, otherwise=otherwise):
            c, t, o = compile_scalar(condition), compile_scalar(then), compile_scalar(otherwise)
            return lambda row, w: t(row, w) if c(row, w) else o(row, w)
        case e.Scale(money=money, rate=rate, rounding=rounding):
            m, r = compile_scalar(money), compile_scalar(rate)

            def scaled(row: Row, w: list[Label]) -> Any:
                amount, ppm = m(row, w), r(row, w)
                if amount is None or ppm is None:
                    return None
                return scale_money(amount, ppm, rounding)

            return scaled
        case e.Share(money=money, numerator=num, denominator=den, rounding=rounding):
            m = compile_scalar(money)

            def shared(row: Row, w: list[Label]) -> Any:
                amount = m(row, w)
                return None if amount is None else round_division(amount * num, den, rounding)

            return shared
        case e.ByYear(year=year, branches=branches, low=low, high=high):
            y, compiled = compile_scalar(year), [compile_scalar(b.expr) for b in branches]
            index = node.branch_index()

            def by_year(row: Row, w: list[Label]) -> Any:
                value = y(row, w)
                if value is None:
                    return None
                return compiled[index[min(max(value, low), high)]](row, w)

            return by_year
        case e.RatioOf(numerator=numerator, denominator=denominator):
            n, d = compile_scalar(numerator), compile_scalar(denominator)

            def ratio(row: Row, w: list[Label]) -> Any:
                top, bottom = n(row, w), d(row, w)
                if top is None or not bottom:
                    return None
                return float(top) / float(bottom)

            return ratio
        case e.Horizontal(kind=kind, items=items):
            return _horizontal(kind, [compile_scalar(i) for i in items])
        case e.AddYears(start=start, years=years):
            s = compile_scalar(start)

            def add_years(row: Row, w: list[Label]) -> Any:
                day = s(row, w)
                return None if day is None else period_end(day, years=years)

            return add_years
        case e.ShiftDays(date=date, table=table, covered=covered):
            d = compile_scalar(date)

            def shift(row: Row, w: list[Label]) -> Any:
                day: dt.date | None = d(row, w)
                if day is None:
                    return None
                if covered is not None and not covered[0] <= day <= covered[1]:
                    return day + dt.timedelta(days=WEEKEND_SHIFT.get(day.isoweekday(), 0))
                return table.get(day, day)

            return shift
        case e.Warn(condition=condition, message=message, value=value):
            c, v = compile_scalar(condition), compile_scalar(value)

            def warn(row: Row, w: list[Label]) -> Any:
                if c(row, w):
                    w.append(message)
                return v(row, w)

            return warn
    raise TypeError(f"no scalar compilation for {type(node).__name__}")


def _binary(op: Callable[[Any, Any], Any], left: Compiled, right: Compiled) -> Compiled:
    def apply(row: Row, w: list[Label]) -> Any:
        a, b = left(row, w), right(row, w)
        if a is None or b is None:
            return None
        return op(a, b)

    return apply


def _kleene_and(left: Compiled, right: Compiled) -> Compiled:
    def apply(row: Row, w: list[Label]) -> Any:
        a, b = left(row, w), right(row, w)
        if a is False or b is False:
            return False
        if a is None or b is None:
            return None
        return True

    return apply


def _kleene_or(left: Compiled, right: Compiled) -> Compiled:
    def apply(row: Row, w: list[Label]) -> Any:
        a, b = left(row, w), right(row, w)
        if a is True or b is True:
            return True
        if a is None or b is None:
            return None
        return False

    return apply


def _horizontal(kind: str, items: list[Compiled]) -> Compiled:
    def apply(row: Row, w: list[Label]) -> Any:
        values = [item(row, w) for item in items]
        present = [v for v in values if v is not None]
        if not present:
            return None
        if kind == "max":
            return max(present)
        if kind == "min":
            return min(present)
        return present[0]

    return apply
