"""Reforms: a named overlay of parameter values from a date (and, optionally, other readings of
ambiguous sentences), applied by the same engine to a case or a population.

    name: luoyang-threshold-1.5
    parameters:
      luoyang.support_rd_intensity_above_designated_size:
        - {from: 2024-01-01, value: 0.015}
    interpretations: {luoyang.art7.dual_route: "no"}

From its date a reform value replaces every value of the parameter that would start later;
earlier values keep applying to earlier days. Validation names the key that is wrong: an
unknown parameter (with the nearest name), a value that does not fit the parameter's unit, a
date before the parameter's act existed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from innoreg.errors import InputError
from innoreg.rules.parameters import Parameter, ParameterValue, parse_parameter_value


@dataclass(frozen=True)
class ReformValue:
    parameter: str
    since: dt.date
    value: ParameterValue


@dataclass(frozen=True)
class Reform:
    """Hashable, so plans built under a reform are cached like any other."""

    name: str
    values: tuple[ReformValue, ...] = ()
    chosen: tuple[tuple[str, str], ...] = ()
    description: str = ""

    @property
    def interpretations(self) -> dict[str, str]:
        return dict(self.chosen)

    @property
    def parameters(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(v.parameter for v in self.values))

    def overlay(self, parameters: Mapping[str, Parameter]) -> dict[str, Parameter]:
        """The chain's parameters with this reform's values laid over them."""
        result = dict(parameters)
        for name in self.parameters:
            if name not in result:
                continue  # a parameter of another jurisdiction's chain
            mine = [v for v in self.values if v.parameter == name]
            start = min(v.since for v in mine)
            kept = tuple(v for v in result[name].values if v.since is None or v.since < start)
            values = sorted([*kept, *(v.value for v in mine)], key=lambda v: v.since or dt.date.min)
            result[name] = replace(result[name], values=tuple(values))
        return result

    @classmethod
    def from_yaml(cls, path: Path | str) -> Reform:
        from innoreg.rules.data_files import read_yaml

        file = Path(path)
        if not file.is_file():
            raise InputError(f"no such reform file: {file}", field="reform")
        try:
            data = read_yaml(file)
        except Exception as exc:  # a PackLoadError naming the file; a reform is user input
            raise InputError(str(exc), field="reform") from None
        return cls.from_mapping(data)

    @classmethod
    def from_mapping(cls, data: Any) -> Reform:
        """A reform document validated against every shipped pack."""
        from innoreg.rules.registry import registry

        if not isinstance(data, Mapping):
            raise InputError("a reform must be a mapping", field="reform")
        unknown = sorted(set(data) - {"name", "description", "parameters", "interpretations"})
        if unknown:
            raise InputError(
                "is not a reform key (keys: name, description, parameters, interpretations)",
                field=f"reform.{unknown[0]}",
            )
        name = data.get("name")
        if not isinstance(name, str) or not name.strip():
            raise InputError("is required: a name for the reform", field="reform.name")
        known = {q.name: q for p in registry().packs.values() for q in p.parameters}
        values: list[ReformValue] = []
        for key, entries in (data.get("parameters") or {}).items():
            values += _values(str(key), entries, known)
        chosen = _interpretations(data.get("interpretations") or {})
        return cls(name.strip(), tuple(values), chosen, str(data.get("description", "")).strip())


def _values(key: str, entries: Any, known: Mapping[str, Parameter]) -> list[ReformValue]:
    from innoreg.rules.registry import registry

    field = f"reform.parameters.{key}"
    if key not in known:
        near = difflib.get_close_matches(key, list(known), n=1, cutoff=0.5)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        raise InputError(f"unknown parameter{hint}", field=field, rule="a parameter of a pack")
    parameter = known[key]
    if not isinstance(entries, list) or not entries:
        raise InputError("must be a list of {from: DATE, value: …}", field=field)
    meta = registry().packs[parameter.pack].act_meta
    earliest = meta.in_force or meta.in_force_not_before if meta else None
    found = []
    for i, entry in enumerate(entries):
        where = f"{field}[{i}]"
        if not isinstance(entry, Mapping) or set(entry) - {"from", "value", "reference"}:
            raise InputError("must be {from: DATE, value: …, reference: optional}", field=where)
        since = entry.get("from")
        if isinstance(since, str):
            with contextlib.suppress(ValueError):
                since = dt.date.fromisoformat(since)
        if not isinstance(since, dt.date):
            raise InputError(f"{since!r} is not a date (YYYY-MM-DD)", field=f"{where}.from")
        if earliest is not None and since < earliest:
            raise InputError(
                f"{since.isoformat()} is before the act this parameter belongs to "
                f"({earliest.isoformat()})",
                field=f"{where}.from",
                rule="a reform changes the law from a day the law exists",
            )
        try:
            value = parse_parameter_value(parameter.unit, entry.get("value"))
        except (ValueError, TypeError) as exc:
            raise InputError(
                f"{exc} (the parameter's unit is {parameter.unit})",
                field=f"{where}.value",
                rule=f"a value in {parameter.unit}",
            ) from None
        reference = str(entry.get("reference") or "reform")
        found.append(ReformValue(key, since, ParameterValue(since, value, reference, None, since)))
    return found


def _interpretations(raw: Any) -> tuple[tuple[str, str], ...]:
    from innoreg.rules.interpretations import choose
    from innoreg.rules.registry import registry

    if not isinstance(raw, Mapping):
        raise InputError("must map interpretation names to options", field="reform.interpretations")
    chosen = {str(k): str(v) for k, v in raw.items()}
    known = {i.name: i for p in registry().packs.values() for i in p.interpretations}
    try:
        choose(known, chosen)
    except InputError as exc:
        raise InputError(exc.detail, field=f"reform.{exc.field}", rule=exc.rule) from None
    return tuple(sorted(chosen.items()))
