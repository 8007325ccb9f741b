"""The formula language: a small expression tree that rules build once and the engine runs
on one row (compiled to Python closures, see ``scalar``) or on millions (compiled to polars
expressions, see ``columnar``).

Semantics follow polars so both backends agree: null propagates through arithmetic and
comparisons, ``&``/``|``/``~`` use three-valued (Kleene) logic, a null condition takes the
``otherwise`` branch, ``max_of``/``min_of`` ignore nulls.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from innoreg.labels import Label
from innoreg.rules.money import Rounding
from innoreg.rules.parameters import ParameterUse

Scalar = int | float | bool | str | dt.date | None
BinaryOp = Literal["+", "-", "<", "<=", ">", ">=", "==", "!=", "and", "or"]


class Expr:
    """Base of every node; operators build new nodes, they never compute."""

    def children(self) -> tuple[Expr, ...]:
        return ()

    def __add__(self, other: Expr | Scalar) -> Expr:
        return Binary("+", self, wrap(other))

    def __sub__(self, other: Expr | Scalar) -> Expr:
        return Binary("-", self, wrap(other))

    def __lt__(self, other: Expr | Scalar) -> Expr:
        return Binary("<", self, wrap(other))

    def __le__(self, other: Expr | Scalar) -> Expr:
        return Binary("<=", self, wrap(other))

    def __gt__(self, other: Expr | Scalar) -> Expr:
        return Binary(">", self, wrap(other))

    def __ge__(self, other: Expr | Scalar) -> Expr:
        return Binary(">=", self, wrap(other))

    def eq(self, other: Expr | Scalar) -> Expr:
        return Binary("==", self, wrap(other))

    def ne(self, other: Expr | Scalar) -> Expr:
        return Binary("!=", self, wrap(other))

    def __and__(self, other: Expr | Scalar) -> Expr:
        return Binary("and", self, wrap(other))

    def __or__(self, other: Expr | Scalar) -> Expr:
        return Binary("or", self, wrap(other))

    def __invert__(self) -> Expr:
        return Not(self)

    def is_null(self) -> Expr:
        return IsNull(self, negate=False)

    def is_not_null(self) -> Expr:
        return IsNull(self, negate=True)

    def isin(self, values: tuple[Scalar, ...] | list[Scalar] | frozenset[str]) -> Expr:
        return IsIn(self, tuple(sorted(values)) if isinstance(values, frozenset) else tuple(values))

    def fill_null(self, value: Expr | Scalar) -> Expr:
        return Horizontal("coalesce", (self, wrap(value)))


def wrap(value: Expr | Scalar) -> Expr:
    return value if isinstance(value, Expr) else Lit(value)


@dataclass(frozen=True, eq=False)
class Ref(Expr):
    """An input or another variable of the same entity."""

    name: str


@dataclass(frozen=True, eq=False)
class Lit(Expr):
    """A constant; ``shown`` is how an explanation writes it ("1 %", "50,000,000.00")."""

    value: Scalar
    shown: str | None = None


@dataclass(frozen=True, eq=False)
class Binary(Expr):
    op: BinaryOp
    left: Expr
    right: Expr

    def children(self) -> tuple[Expr, ...]:
        return (self.left, self.right)


@dataclass(frozen=True, eq=False)
class Not(Expr):
    operand: Expr

    def children(self) -> tuple[Expr, ...]:
        return (self.operand,)


@dataclass(frozen=True, eq=False)
class IsNull(Expr):
    operand: Expr
    negate: bool

    def children(self) -> tuple[Expr, ...]:
        return (self.operand,)


@dataclass(frozen=True, eq=False)
class IsIn(Expr):
    operand: Expr
    values: tuple[Scalar, ...]

    def children(self) -> tuple[Expr, ...]:
        return (self.operand,)


@dataclass(frozen=True, eq=False)
class StartsWithAny(Expr):
    operand: Expr
    prefixes: tuple[str, ...]

    def children(self) -> tuple[Expr, ...]:
        return (self.operand,)


@dataclass(frozen=True, eq=False)
class When(Expr):
    condition: Expr
    then: Expr
    otherwise: Expr

    def children(self) -> tuple[Expr, ...]:
        return (self.condition, self.then, self.otherwise)


@dataclass(frozen=True, eq=False)
class Scale(Expr):
    """Money (fen) times a rate (ppm), rounded to the fen; see ``money.scale_money``."""

    money: Expr
    rate: Expr
    rounding: Rounding

    def children(self) -> tuple[Expr, ...]:
        return (self.money, self.rate)


@dataclass(frozen=True, eq=False)
class Share(Expr):
    """Money (fen) times ``numerator / denominator``, rounded to the fen: a part of a year's
    amount, such as the fourth quarter's 3/12."""

    money: Expr
    numerator: int
    denominator: int
    rounding: Rounding

    def children(self) -> tuple[Expr, ...]:
        return (self.money,)


@dataclass(frozen=True, eq=False)
class RatioOf(Expr):
    """numerator / denominator as a float; null where the denominator is zero or null."""

    numerator: Expr
    denominator: Expr

    def children(self) -> tuple[Expr, ...]:
        return (self.numerator, self.denominator)


@dataclass(frozen=True, eq=False)
class Horizontal(Expr):
    """max/min over items ignoring nulls (null if all are null), or the first non-null."""

    kind: Literal["max", "min", "coalesce"]
    items: tuple[Expr, ...]

    def children(self) -> tuple[Expr, ...]:
        return self.items


@dataclass(frozen=True, eq=False)
class AddYears(Expr):
    """The last day of a period of whole years under Civil Code arts. 201-202."""

    start: Expr
    years: int

    def children(self) -> tuple[Expr, ...]:
        return (self.start,)


@dataclass(frozen=True, eq=False)
class ShiftDays(Expr):
    """A date moved by a table (a rest day -> the next working day); other dates unchanged.
    Outside ``covered`` (the years the table knows) Saturdays and Sundays still move to the
    Monday: weekends are rest days every year (Civil Code art. 203)."""

    date: Expr
    table: Mapping[dt.date, dt.date]
    covered: tuple[dt.date, dt.date] | None = None

    def children(self) -> tuple[Expr, ...]:
        return (self.date,)


@dataclass(frozen=True)
class PeriodValues:
    """A part of a fiscal year (month and day of its first and last day) and the parameter
    values a formula read for it."""

    start: tuple[int, int]
    end: tuple[int, int]
    uses: tuple[ParameterUse, ...]


@dataclass(frozen=True)
class YearBranch:
    """The formula for some fiscal years, and the periods (with the parameter values each
    used) it was built from, for explanations."""

    years: tuple[int, ...]
    expr: Expr
    periods: tuple[PeriodValues, ...]
    note: str | None = None


@dataclass(frozen=True, eq=False)
class ByYear(Expr):
    """A formula chosen by a row's fiscal year. Years below ``low`` take ``low``'s branch and
    years above ``high`` take ``high``'s: nothing changes outside the range."""

    year: Expr
    branches: tuple[YearBranch, ...]
    low: int
    high: int

    def children(self) -> tuple[Expr, ...]:
        return (self.year, *(b.expr for b in self.branches))

    def branch_index(self) -> dict[int, int]:
        return {y: i for i, b in enumerate(self.branches) for y in b.years}

    def branch_for(self, year: int) -> YearBranch:
        return self.branches[self.branch_index()[min(max(year, self.low), self.high)]]


@dataclass(frozen=True, eq=False)
class Warn(Expr):
    """Passes ``value`` through; where ``condition`` holds, the evaluation carries ``message``
    (in English and Chinese)."""

    condition: Expr
    message: Label
    value: Expr

    def children(self) -> tuple[Expr, ...]:
        return (self.condition, self.value)


def when(condition: Expr, then: Expr | Scalar, otherwise: Expr | Scalar) -> Expr:
    return When(condition, wrap(then), wrap(otherwise))


def lit(value: Scalar) -> Expr:
    return Lit(value)


def max_of(*items: Expr | Scalar) -> Expr:
    return Horizontal("max", tuple(wrap(i) for i in items))


def min_of(*items: Expr | Scalar) -> Expr:
    return Horizontal("min", tuple(wrap(i) for i in items))


def coalesce(*items: Expr | Scalar) -> Expr:
    return Horizontal("coalesce", tuple(wrap(i) for i in items))


def scale(money: Expr, rate: Expr | int, rounding: Rounding) -> Expr:
    return Scale(money, wrap(rate), rounding)


def share(money: Expr, numerator: int, denominator: int, rounding: Rounding) -> Expr:
    return Share(money, numerator, denominator, rounding)


def ratio_of(numerator: Expr, denominator: Expr) -> Expr:
    return RatioOf(numerator, denominator)


def reaches(amount: Expr, base: Expr, rate: Expr | int) -> Expr:
    """``amount >= base * rate`` exactly ("以上" includes the number itself)."""
    return amount >= Scale(base, wrap(rate), "ceil")


def starts_with_any(operand: Expr, prefixes: tuple[str, ...]) -> Expr:
    return StartsWithAny(operand, prefixes)


def walk(expr: Expr) -> Iterator[Expr]:
    yield expr
    for child in expr.children():
        yield from walk(child)


def references(expr: Expr) -> list[str]:
    """The names an expression reads, in first-seen order."""
    seen: dict[str, None] = {}
    for node in walk(expr):
        if isinstance(node, Ref):
            seen.setdefault(node.name, None)
    return list(seen)
