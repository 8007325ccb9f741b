"""What a formula sees when it is built for one evaluation context: ``v`` (names of inputs and
variables), ``p`` (parameter values on the date) and ``ctx`` (the date, the interpretations,
the holiday calendar). Each records what it was asked, so every result can be explained."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from innoreg import display
from innoreg.errors import ParameterError
from innoreg.rules import expr as e
from innoreg.rules.act_dates import ActInForce
from innoreg.rules.parameters import Bracket, Parameter, ParameterUse, ParameterValue


class Vars:
    """``v.rd_expense`` is a reference to the input or variable of that name."""

    def __getattr__(self, name: str) -> e.Expr:
        if name.startswith("__"):
            raise AttributeError(name)
        return e.Ref(name)

    def __getitem__(self, name: str) -> e.Expr:
        return e.Ref(name)


class Params:
    """``p(name)`` reads a parameter on the evaluation date, among the values whose sources were
    issued by the evaluation's date (``known_on``), and records that it did. ``p.at(day)`` reads
    on another day with the same knowledge: a fiscal year's periods, a measure fixed in time."""

    def __init__(
        self,
        parameters: Mapping[str, Parameter],
        on: dt.date,
        *,
        known_on: dt.date | None = None,
        used: list[ParameterUse] | None = None,
        read: list[str] | None = None,
    ) -> None:
        self._parameters = parameters
        self.on = on
        self.known_on = known_on or on
        self.used: list[ParameterUse] = [] if used is None else used
        self.read: list[str] = [] if read is None else read
        """Every name asked for, found or not (what a period's change days depend on)."""

    def at(self, day: dt.date, *, record: bool = True) -> Params:
        """The same parameters read on ``day``; ``record=False`` keeps what it reads apart."""
        if not record:
            return Params(self._parameters, day, known_on=self.known_on)
        return Params(self._parameters, day, known_on=self.known_on, used=self.used, read=self.read)

    def parameter(self, name: str) -> Parameter:
        parameter = self._parameters.get(name)
        if parameter is None:
            raise ParameterError(f"no parameter named {name}", parameter=name)
        return parameter

    def value(self, name: str, *, on: dt.date | None = None) -> ParameterValue:
        """The value on the evaluation date (or on ``on``, for a reading fixed in time)."""
        found = self._find(name, on or self.on)
        if found is None:
            day = (on or self.on).isoformat()
            raise ParameterError(
                f"parameter {name} has no value on {day}", parameter=name, date=day
            )
        return found

    def maybe(self, name: str) -> int | None:
        """A number where the parameter has a value on the date; None where it has none."""
        found = self._find(name, self.on)
        return found.value if found is not None and isinstance(found.value, int) else None

    def _find(self, name: str, on: dt.date) -> ParameterValue | None:
        parameter = self.parameter(name)
        if name not in self.read:
            self.read.append(name)
        found = parameter.at(on, known_on=self.known_on)
        if found is not None and all(
            use.parameter.name != name or use.value is not found for use in self.used
        ):
            self.used.append(ParameterUse(parameter, found))
        return found

    def __call__(self, name: str) -> int:
        """A rate (ppm), an amount (fen) or a count of years."""
        value = self.value(name).value
        if not isinstance(value, int):
            raise ParameterError(f"parameter {name} is not a number", parameter=name)
        return value

    def expr(self, name: str) -> e.Expr:
        """The value as a constant of a formula, written in its unit in explanations."""
        number = self(name)
        unit = self._parameters[name].unit
        return e.Lit(number, shown=f"{shown_number(unit, number)} [{name}]")

    def maybe_expr(self, name: str) -> e.Expr | None:
        """``expr`` where the parameter has a value on the date; None where it has none."""
        return self.expr(name) if self.maybe(name) is not None else None

    def flag(self, name: str) -> bool:
        value = self.value(name).value
        if not isinstance(value, bool):
            raise ParameterError(f"parameter {name} is not true/false", parameter=name)
        return value

    def codes(self, name: str) -> tuple[str, ...]:
        value = self.value(name).value
        if not isinstance(value, tuple) or any(not isinstance(c, str) for c in value):
            raise ParameterError(f"parameter {name} is not a list of codes", parameter=name)
        return tuple(str(c) for c in value)

    def bracket_rate(
        self,
        name: str,
        base: e.Expr,
        *,
        on: dt.date | None = None,
        exclude_upper: frozenset[int] = frozenset(),
    ) -> e.Expr:
        """The rate of the band ``base`` falls in, as a when/then chain over the bands;
        ``exclude_upper`` reads the named bounds (fen) as exclusive (an interpretation's hook)."""
        value = self.value(name, on=on).value
        if not isinstance(value, tuple) or not all(isinstance(b, Bracket) for b in value):
            raise ParameterError(f"parameter {name} is not a bracket table", parameter=name)
        bands = [b for b in value if isinstance(b, Bracket)]
        chain: e.Expr = e.Lit(bands[-1].rate, shown=shown_number("rate", bands[-1].rate))
        for band in reversed(bands[:-1]):
            assert band.upper is not None
            bound = e.Lit(band.upper, shown=shown_number("money", band.upper))
            included = band.upper_included and band.upper not in exclude_upper
            inside = base <= bound if included else base < bound
            chain = e.when(inside, e.Lit(band.rate, shown=shown_number("rate", band.rate)), chain)
        return e.when(base.is_null(), None, chain)


def shown_number(unit: str, number: int) -> str:
    """A parameter's number as a person reads it: "1 %", "50,000,000.00", "3"."""
    if unit in ("rate", "rate_brackets"):
        return display.ppm(number)
    if unit == "money":
        return display.fen(number)
    return str(number)


@dataclass
class Context:
    """The evaluation's date and chosen interpretations, the holiday calendar, when the rule's
    own act came into force and which variables the chain defines; records the readings read."""

    date: dt.date
    jurisdiction: str
    interpretations: Mapping[str, str]
    next_working_day: Mapping[dt.date, dt.date]
    calendar_coverage: tuple[dt.date, dt.date]
    act: ActInForce | None = None
    variables: frozenset[str] = frozenset()
    read: list[str] = field(default_factory=list)

    def defines(self, variable: str) -> bool:
        """Whether some level of the chain defines ``variable`` (a lower level's rule that an
        upper level follows, such as the period Luoyang fixes for unused IP)."""
        return variable in self.variables

    def interpretation(self, name: str) -> str:
        if name not in self.interpretations:
            raise ParameterError(f"no interpretation named {name} is declared", parameter=name)
        if name not in self.read:
            self.read.append(name)
        return self.interpretations[name]
