"""Parameters: YAML files whose folder path is the dotted name, holding dated values, a unit
and a ``reference`` on every value. Brackets (a rate by a money band) are data too.

Law has two dates, and every value records both: the period it applies to (from its key, up
to an optional ``until``, inclusive) and the day its source was ``issued``. Tax notices often
reach back (2022 No. 28, issued 2022-09-22, covers that year's fourth quarter), so a value is
applied to a day only by an evaluation whose date is on or after the day it was issued.
``issued: null`` records that the issue date is not known; such a value counts as issued by
the first day it applies.

A value dated ``act_in_force`` starts when the pack's act enters into force; where that date
is not recorded, the value applies with the act's warning rather than an invented date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from innoreg import display
from innoreg.errors import PackLoadError
from innoreg.labels import Label
from innoreg.rules.data_files import Entry, read_yaml
from innoreg.rules.money import parse_money, parse_rate

ParameterUnit = Literal["rate", "money", "years", "bool", "codes", "rate_brackets"]
ACT_IN_FORCE = "act_in_force"
_UNITS = ("rate", "money", "years", "bool", "codes", "rate_brackets")


@dataclass(frozen=True)
class Bracket:
    """A band of a base amount: up to ``upper`` fen (included or not), ``rate`` applies."""

    rate: int
    upper: int | None
    upper_included: bool

    def describe(self) -> str:
        if self.upper is None:
            return f"otherwise {display.ppm(self.rate)}"
        bound = "≤" if self.upper_included else "<"
        return f"{bound} {display.fen(self.upper)}: {display.ppm(self.rate)}"


ParameterData = int | bool | tuple[str, ...] | tuple[Bracket, ...] | None


@dataclass(frozen=True)
class ParameterValue:
    since: dt.date | None  # None: from the act's in-force date, which is not recorded
    value: ParameterData
    reference: str
    until: dt.date | None = None
    """The last day the value applies to (inclusive); None: until a later value replaces it."""
    issued: dt.date | None = None
    """The day its source was issued; None where that is not recorded."""

    def applies_on(self, on: dt.date) -> bool:
        return (self.since is None or self.since <= on) and (self.until is None or on <= self.until)

    def known_on(self, on: dt.date) -> bool:
        """Whether an evaluation dated ``on`` may apply it: its source had been issued."""
        issued = self.issued or self.since
        return issued is None or issued <= on

    def period(self) -> str:
        """The period it applies to, as a person reads it ("2022-10-01 to 2022-12-31")."""
        start = self.since.isoformat() if self.since else "the act's entry into force"
        return f"{start} to {self.until.isoformat()}" if self.until else f"from {start}"


@dataclass(frozen=True)
class Parameter:
    name: str
    unit: ParameterUnit
    label: Label
    description: str
    cites: tuple[str, ...]
    values: tuple[ParameterValue, ...]
    pack: str

    def at(self, on: dt.date, *, known_on: dt.date | None = None) -> ParameterValue | None:
        """The value applying to a day, among those issued by ``known_on`` (default: any);
        the latest-starting one wins. None where no value applies, or one ended it (null)."""
        current: ParameterValue | None = None
        for value in self.values:  # sorted by start, then issue date
            if value.applies_on(on) and (known_on is None or value.known_on(known_on)):
                current = value
        return current if current is not None and current.value is not None else None

    def changes_within(self, first: dt.date, last: dt.date, *, known_on: dt.date) -> set[dt.date]:
        """The days in (first, last] on which the applicable value may change."""
        days: set[dt.date] = set()
        for value in self.values:
            if not value.known_on(known_on):
                continue
            if value.since is not None and first < value.since <= last:
                days.add(value.since)
            if value.until is not None and first <= value.until < last:
                days.add(value.until + dt.timedelta(days=1))
        return days


@dataclass(frozen=True)
class ParameterUse:
    """A parameter and the value a formula read from it."""

    parameter: Parameter
    value: ParameterValue


def load_parameters(folder: Path, *, pack: str, act_in_force: dt.date | None) -> list[Parameter]:
    """Every ``*.yaml`` under ``folder``; the dotted name is the relative path."""
    found = []
    for path in sorted(folder.rglob("*.yaml")):
        name = ".".join(path.relative_to(folder).with_suffix("").parts)
        found.append(_load_one(path, name, pack=pack, act_in_force=act_in_force))
    return found


def _load_one(path: Path, name: str, *, pack: str, act_in_force: dt.date | None) -> Parameter:
    def fail(message: str) -> PackLoadError:
        return PackLoadError(f"parameter {name} ({path.name}): {message}", pack=pack)

    data = read_yaml(path, pack=pack)
    if not isinstance(data, dict):
        raise fail("expected a mapping")
    unit = data.get("unit")
    if unit not in _UNITS:
        raise fail(f"unit must be one of {', '.join(_UNITS)}, got {unit!r}")
    label = Entry(data, file=path, where="", pack=pack).label("label", name) or Label(name, name)
    raw_values = data.get("values")
    if not isinstance(raw_values, dict) or not raw_values:
        raise fail("needs dated `values`")
    values = []
    for key, entry in raw_values.items():
        since = _since(key, act_in_force, fail)
        if not isinstance(entry, dict) or "reference" not in entry:
            raise fail(f"the value from {key} needs a `reference`")
        unknown = set(entry) - _VALUE_KEYS
        if unknown:
            raise fail(f"the value from {key} has unknown keys {sorted(unknown)}")
        if "issued" not in entry:
            raise fail(f"the value from {key} needs `issued` (a date, or null if not recorded)")
        until, issued = entry.get("until"), entry.get("issued")
        for what, day in (("until", until), ("issued", issued)):
            if day is not None and not isinstance(day, dt.date):
                raise fail(f"the value from {key}: `{what}` must be an ISO date, got {day!r}")
        if until is not None and since is not None and until < since:
            raise fail(f"the value from {key}: `until` {until} is before its start")
        try:
            value = parse_parameter_value(unit, entry.get("value", entry.get("brackets")))
        except (ValueError, TypeError) as exc:
            raise fail(f"the value from {key}: {exc}") from None
        values.append(ParameterValue(since, value, str(entry["reference"]), until, issued))
    values.sort(key=lambda v: (v.since or dt.date.min, v.issued or v.since or dt.date.min))
    return Parameter(
        name=name,
        unit=unit,
        label=label,
        description=str(data.get("description", "")).strip(),
        cites=tuple(data.get("cites", ())),
        values=tuple(values),
        pack=pack,
    )


def _since(key: object, act_in_force: dt.date | None, fail: Any) -> dt.date | None:
    if key == ACT_IN_FORCE:
        return act_in_force
    if isinstance(key, dt.date):
        return key
    raise fail(f"value keys are ISO dates or {ACT_IN_FORCE!r}, got {key!r}")


def parse_parameter_value(unit: str, raw: Any) -> ParameterData:
    if raw is None:
        return None
    if unit == "rate":
        return parse_rate(raw)
    if unit == "money":
        return parse_money(raw)
    if unit == "years":
        if not isinstance(raw, int) or isinstance(raw, bool) or raw < 0:
            raise ValueError("years must be a whole non-negative number")
        return raw
    if unit == "bool":
        if not isinstance(raw, bool):
            raise ValueError("expected true or false")
        return raw
    if unit == "codes":
        return tuple(str(code) for code in raw)
    return _parse_brackets(raw)


def _parse_brackets(raw: Any) -> tuple[Bracket, ...]:
    """``below`` is an exclusive upper bound (不满/小于), ``up_to`` an inclusive one (以下/含)."""
    brackets = []
    for item in raw:
        if "below" in item and "up_to" in item:
            raise ValueError("a bracket has either `below` or `up_to`")
        bound = item.get("below", item.get("up_to"))
        upper = parse_money(bound) if bound is not None else None
        brackets.append(Bracket(parse_rate(item["rate"]), upper, "up_to" in item))
    if not brackets or brackets[-1].upper is not None:
        raise ValueError("the last bracket must have no upper bound")
    uppers = [b.upper for b in brackets[:-1] if b.upper is not None]
    if uppers != sorted(set(uppers)) or len(uppers) != len(brackets) - 1:
        raise ValueError("bracket bounds must increase")
    return tuple(brackets)


_VALUE_KEYS = {"value", "brackets", "reference", "until", "issued"}
