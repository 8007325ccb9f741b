"""Entity kinds and their inputs: the facts a case gives, with types, defaults and labels.

Packs declare them in ``inputs.yaml``; a lower level may add inputs to an entity kind an
upper level declared. Coercion here is the input contract: it names the rule a value breaks.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from innoreg.errors import PackLoadError
from innoreg.rules.money import MONEY_MAX_FEN, format_money, parse_money
from innoreg.rules.rule import Label

InputType = Literal["money", "quantity", "bool", "date", "enum", "industry", "count"]
_TYPES = ("money", "quantity", "bool", "date", "enum", "industry", "count")
_INDUSTRY = re.compile(r"^[A-T](\d{2,4})?$")


@dataclass(frozen=True)
class InputSpec:
    name: str
    entity: str
    type: InputType
    default: Any
    label: Label
    cites: tuple[str, ...]
    values: tuple[str, ...] = ()
    pack: str = ""

    def coerce(self, raw: Any) -> Any:
        """A raw JSON/YAML value -> the engine's value (fen for money); ValueError says why."""
        if raw is None:
            return self.default
        kind = self.type
        if kind in ("money", "quantity"):
            fen = parse_money(raw)
            if fen < 0:
                raise ValueError("must not be negative")
            if fen > MONEY_MAX_FEN:
                raise ValueError(f"must be at most {format_money(MONEY_MAX_FEN)}")
            return fen
        if kind == "bool":
            if not isinstance(raw, bool):
                raise ValueError(f"must be true or false, got {raw!r}")
            return raw
        if kind == "date":
            return coerce_date(raw)
        if kind == "count":
            if not isinstance(raw, int) or isinstance(raw, bool) or raw < 0:
                raise ValueError(f"must be a whole number of at least 0, got {raw!r}")
            return raw
        if not isinstance(raw, str):
            raise ValueError(f"must be a string, got {raw!r}")
        if kind == "industry":
            code = raw.strip().upper()
            if not _INDUSTRY.match(code):
                raise ValueError(
                    f"{raw!r} is not an industry code (a section letter A-T, optionally "
                    "followed by its division digits, e.g. C or C16)"
                )
            return code
        if raw not in self.values:
            raise ValueError(f"{raw!r} is not one of {', '.join(self.values)}")
        return raw


def coerce_date(raw: Any) -> dt.date:
    if isinstance(raw, dt.datetime):
        raise ValueError(f"must be a date (YYYY-MM-DD), got a date and time {raw!r}")
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str):
        try:
            return dt.date.fromisoformat(raw.strip()) if len(raw.strip()) == 10 else _bad(raw)
        except ValueError:
            raise ValueError(f"{raw!r} is not a date (YYYY-MM-DD)") from None
    raise ValueError(f"must be a date (YYYY-MM-DD), got {raw!r}")


def _bad(raw: str) -> dt.date:
    raise ValueError(raw)


@dataclass(frozen=True)
class EntityKind:
    name: str
    plural: str
    label: Label


def load_inputs(path: Path, *, pack: str) -> tuple[list[EntityKind], list[InputSpec]]:
    if not path.exists():
        return [], []
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    kinds, specs = [], []
    for entity, entry in (data.get("entities") or {}).items():
        if "plural" in entry:
            label = entry.get("label") or {}
            kinds.append(EntityKind(entity, entry["plural"], _label(label, entity)))
        for name, spec in (entry.get("inputs") or {}).items():
            specs.append(_input(entity, name, spec, pack))
    return kinds, specs


def _input(entity: str, name: str, spec: dict[str, Any], pack: str) -> InputSpec:
    kind = spec.get("type")
    if kind not in _TYPES:
        raise PackLoadError(f"input {entity}.{name}: unknown type {kind!r}", pack=pack)
    draft = InputSpec(
        name=name,
        entity=entity,
        type=kind,
        default=None,
        label=_label(spec.get("label") or {}, name),
        cites=tuple(spec.get("cites", ())),
        values=tuple(spec.get("values", ())),
        pack=pack,
    )
    try:
        default = draft.coerce(spec.get("default"))
    except ValueError as exc:
        raise PackLoadError(f"input {entity}.{name}: default {exc}", pack=pack) from None
    return InputSpec(**{**draft.__dict__, "default": default})


def _label(data: dict[str, Any], fallback: str) -> Label:
    return Label(str(data.get("en", fallback)), str(data.get("zh", fallback)))
