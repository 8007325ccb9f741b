"""Parameters: YAML files whose folder path is the dotted name, holding dated values, a unit
and a ``reference`` on every value. Brackets (a rate by a money band) are data too.

A value dated ``act_in_force`` starts when the pack's act enters into force; where that date
is not recorded, the value applies with the act's warning rather than an invented date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from innoreg.errors import PackLoadError
from innoreg.rules.money import parse_money, parse_rate
from innoreg.rules.rule import Label

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
            return f"otherwise {self.rate / 10_000:g} %"
        bound = "≤" if self.upper_included else "<"
        return f"{bound} {self.upper / 100:,.2f}: {self.rate / 10_000:g} %"


ParameterData = int | bool | tuple[str, ...] | tuple[Bracket, ...] | None


@dataclass(frozen=True)
class ParameterValue:
    since: dt.date | None  # None: from the act's in-force date, which is not recorded
    value: ParameterData
    reference: str


@dataclass(frozen=True)
class Parameter:
    name: str
    unit: ParameterUnit
    label: Label
    description: str
    cites: tuple[str, ...]
    values: tuple[ParameterValue, ...]
    pack: str

    def at(self, on: dt.date) -> ParameterValue | None:
        """The value in force on a date; None before the first, or where it was ended."""
        current: ParameterValue | None = None
        for value in self.values:
            if value.since is None or value.since <= on:
                current = value
        return current if current is not None and current.value is not None else None


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

    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    if not isinstance(data, dict):
        raise fail("expected a mapping")
    unit = data.get("unit")
    if unit not in _UNITS:
        raise fail(f"unit must be one of {', '.join(_UNITS)}, got {unit!r}")
    label = data.get("label") or {}
    raw_values = data.get("values")
    if not isinstance(raw_values, dict) or not raw_values:
        raise fail("needs dated `values`")
    values = []
    for key, entry in raw_values.items():
        since = _since(key, act_in_force, fail)
        if not isinstance(entry, dict) or "reference" not in entry:
            raise fail(f"the value from {key} needs a `reference`")
        try:
            value = _parse_value(unit, entry.get("value", entry.get("brackets")))
        except (ValueError, TypeError) as exc:
            raise fail(f"the value from {key}: {exc}") from None
        values.append(ParameterValue(since, value, str(entry["reference"])))
    values.sort(key=lambda v: v.since or dt.date.min)
    return Parameter(
        name=name,
        unit=unit,
        label=Label(str(label.get("en", name)), str(label.get("zh", name))),
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


def _parse_value(unit: str, raw: Any) -> ParameterData:
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


_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""SafeLoader, C-accelerated where available; reads ISO dates as dates."""
