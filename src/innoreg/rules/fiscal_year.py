"""Fiscal years: an enterprise's figures belong to a year, and a rate applies to the part of the
year it covers, as the notices issued by the evaluation's date set it.

A formula that depends on rates of a fiscal year is built per year from its periods: the year
is cut wherever a parameter it reads starts or ends a value (2022: 75 % to 30 September, 100 %
from 1 October under 2022 No. 28), each period reading the values known on the evaluation's
date. Years whose periods read the same values share one formula; the engine picks the formula
by the row's ``fiscal_year`` (see ``expr.ByYear``), in one row or in a million.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from innoreg.errors import ParameterError
from innoreg.rules import expr as e
from innoreg.rules.formula_context import Params
from innoreg.rules.parameters import ParameterUse


@dataclass(frozen=True)
class FiscalPeriod:
    """A part of a fiscal year over which every rate a formula reads stays the same."""

    start: dt.date
    end: dt.date
    p: Params = field(compare=False, repr=False)
    """Parameters read on ``start``, with the evaluation's knowledge."""

    @property
    def months(self) -> int:
        """Whole calendar months covered (periods are cut on the first of a month)."""
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    @property
    def whole_year(self) -> bool:
        return (self.start.month, self.start.day, self.end.month, self.end.day) == (1, 1, 12, 31)

    @property
    def uses(self) -> tuple[ParameterUse, ...]:
        return tuple(self.p.used)


YearFormula = Callable[[tuple[FiscalPeriod, ...]], e.Expr]


def by_fiscal_year(year: e.Expr, p: Params, build: YearFormula) -> e.Expr:
    """``build(periods)`` for every fiscal year, chosen by ``year`` row by row."""
    read = _names_read(p, build, p.known_on.year)
    low, high = _year_range(p, read)
    read = _names_read(p, build, *range(low, high + 1))
    groups: dict[tuple[object, ...], list[int]] = {}
    periods_by_year: dict[int, tuple[e.PeriodValues, ...]] = {}
    built: dict[int, e.Expr | ParameterError] = {}
    for y in range(low, high + 1):
        periods = _periods(p, read, y)
        try:
            built[y] = build(periods)
        except ParameterError as exc:
            built[y] = exc
        periods_by_year[y] = tuple(
            e.PeriodValues((q.start.month, q.start.day), (q.end.month, q.end.day), q.uses)
            for q in periods
        )
        groups.setdefault(_signature(periods, built[y]), []).append(y)
    branches = []
    for years in groups.values():
        first = years[0]
        outcome = built[first]
        if isinstance(outcome, ParameterError):
            branch = e.YearBranch(
                tuple(years), e.lit(None), periods_by_year[first], outcome.message
            )
        else:
            branch = e.YearBranch(tuple(years), outcome, periods_by_year[first])
        branches.append(branch)
    for use in (u for b in branches for period in b.periods for u in period.uses):
        if all(use.value is not known.value for known in p.used):
            p.used.append(use)
    return e.ByYear(year, tuple(branches), low, high)


def _names_read(p: Params, build: YearFormula, *years: int) -> list[str]:
    """The parameters a formula reads in any of ``years`` (found or not)."""
    names: list[str] = []
    for y in years:
        probe = p.at(dt.date(y, 1, 1), record=False)
        with contextlib.suppress(ParameterError):  # a year with no value still names what it read
            build((FiscalPeriod(dt.date(y, 1, 1), dt.date(y, 12, 31), probe),))
        names += [n for n in probe.read if n not in names]
    return names


def _year_range(p: Params, names: list[str]) -> tuple[int, int]:
    """From the year before the first value to the year after the last change: outside it,
    the formula is the same as at its ends."""
    years = [p.known_on.year]
    for name in names:
        for value in p.parameter(name).values:
            years += [d.year for d in (value.since, value.until) if d is not None]
    return min(years) - 1, max(years) + 1


def _periods(p: Params, names: list[str], year: int) -> tuple[FiscalPeriod, ...]:
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    cuts: set[dt.date] = set()
    for name in names:
        cuts |= p.parameter(name).changes_within(first, last, known_on=p.known_on)
    starts = [first, *sorted(cuts)]
    for start in starts[1:]:
        if start.day != 1:
            raise ParameterError(
                f"a rate read by fiscal year changes on {start.isoformat()}, not on the first "
                "of a month; fiscal periods are whole months"
            )
    ends = [s - dt.timedelta(days=1) for s in starts[1:]] + [last]
    return tuple(
        FiscalPeriod(start, end, p.at(start, record=False))
        for start, end in zip(starts, ends, strict=True)
    )


def _signature(periods: tuple[FiscalPeriod, ...], built: object) -> tuple[object, ...]:
    """What makes two years' formulas the same: their periods' calendar shape and the values
    each period read."""
    shape = tuple(
        (
            period.start.month,
            period.end.month,
            tuple((u.parameter.name, id(u.value)) for u in period.uses),
        )
        for period in periods
    )
    failed = built.message if isinstance(built, ParameterError) else None
    return (shape, failed)
