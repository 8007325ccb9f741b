"""Entity kinds and their inputs: the facts a case gives, with types, defaults and labels.

Packs declare them in ``inputs.yaml``; a lower level may add inputs to an entity kind an
upper level declared. Coercion here is the input contract: it names the rule a value breaks,
accepts what people type (是/否, the Chinese terms of options, ids as numbers) and suggests
the nearest valid option.

What a case may leave out is declared, never guessed: an input either has a ``default`` (taken
and listed as assumed), or is ``missing: optional`` (its absence means something: no
fourth-quarter figure, not yet implemented), or is ``missing: needed`` (results that need it are
null, with a warning naming it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from innoreg.errors import InvalidValueError
from innoreg.labels import Label
from innoreg.rules.data_files import Entry, read_yaml
from innoreg.rules.money import (
    MONEY_MAX_FEN,
    QUANTITY_MAX_UNITS,
    format_money,
    parse_money,
    parse_quantity,
)

InputType = Literal["money", "quantity", "bool", "date", "enum", "industry", "count", "year"]
_TYPES: tuple[str, ...] = ("money", "quantity", "bool", "date", "enum", "industry", "count", "year")
Missing = Literal["default", "optional", "needed"]
INDUSTRY_CODE = re.compile(r"^[A-T](\d{2,4})?$")
"""A GB/T 4754 industry code: a section letter, optionally with its division digits."""
CASE_YEAR = "case_year"
"""The default of a year input that follows the case's date (``default: case_year``)."""
YES, NO = frozenset({"是", "true", "True"}), frozenset({"否", "false", "False"})
FIRST_YEAR, LAST_YEAR = 1949, 2100


@dataclass(frozen=True)
class Option:
    """One option of an enum input: its code, its labels and other words people use for it."""

    code: str
    label: Label
    also: tuple[str, ...] = ()


@dataclass(frozen=True)
class InputSpec:
    name: str
    entity: str
    type: InputType
    default: Any
    label: Label
    cites: tuple[str, ...]
    options: tuple[Option, ...] = ()
    pack: str = ""
    missing: Missing = "default"
    hint: Label | None = None

    @property
    def values(self) -> tuple[str, ...]:
        """The option codes of an enum input."""
        return tuple(o.code for o in self.options)

    def default_on(self, on: dt.date) -> Any:
        """The default for a case dated ``on`` (a year input may follow the case's date)."""
        return on.year if self.default == CASE_YEAR else self.default

    def coerce(self, raw: Any) -> Any:
        """A raw JSON/YAML value -> the engine's value (fen for money); ValueError says why."""
        kind = self.type
        if kind in ("money", "quantity"):
            amount = parse_money(raw) if kind == "money" else parse_quantity(raw)
            limit = MONEY_MAX_FEN if kind == "money" else QUANTITY_MAX_UNITS
            if amount < 0:
                raise InvalidValueError("must not be negative", "不得为负数")
            if amount > limit:
                shown = format_money(limit) if kind == "money" else f"{limit // 1_000_000:,}"
                raise InvalidValueError(f"must be at most {shown}", f"不得超过{shown}")
            return amount
        if kind == "bool":
            return _boolean(raw)
        if kind == "date":
            return coerce_date(raw)
        if kind in ("count", "year"):
            return _whole(raw, kind)
        if not isinstance(raw, str):
            raise InvalidValueError(f"must be text, got {raw!r}", f"应为文字，而不是 {raw!r}")
        if kind == "industry":
            code = raw.strip().upper()
            if not INDUSTRY_CODE.match(code):
                raise InvalidValueError(
                    f"{raw!r} is not an industry code (a section letter A-T, optionally "
                    "followed by its division digits, e.g. C or C16)",
                    f"{raw!r} 不是国民经济行业代码（门类字母A-T，可加大类数字，如 C 或 C16）",
                )
            return code
        return self.option_code(raw)

    def option_code(self, raw: str) -> str:
        """The code of the option ``raw`` names, by its code, Chinese term or another word."""
        words = self.option_words()
        text = raw.strip()
        if text in words:
            return words[text]
        if text.lower() in words:
            return words[text.lower()]
        near = difflib.get_close_matches(text, list(words), n=1, cutoff=0.6)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        hint_zh = f"；是否是指 {near[0]!r}？" if near else ""
        shown = ", ".join(f"{o.code} ({o.label.zh})" for o in self.options)
        raise InvalidValueError(
            f"{raw!r} is not one of {shown}{hint}", f"{raw!r} 不是可选值：{shown}{hint_zh}"
        )

    def option_words(self) -> Mapping[str, str]:
        words: dict[str, str] = {}
        for option in self.options:
            for word in (option.code, option.label.zh, option.label.en.lower(), *option.also):
                words.setdefault(word, option.code)
        return words


def _boolean(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip() in YES:
        return True
    if isinstance(raw, str) and raw.strip() in NO:
        return False
    raise InvalidValueError(
        f"must be true or false (是 or 否), got {raw!r}",
        f"应为是或否（true/false），而不是 {raw!r}",
    )


def _whole(raw: Any, kind: str) -> int:
    value = raw
    if isinstance(raw, str) and raw.strip().isdigit():
        value = int(raw.strip())
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidValueError(f"must be a whole number, got {raw!r}", f"应为整数，而不是 {raw!r}")
    if kind == "year" and not FIRST_YEAR <= value <= LAST_YEAR:
        raise InvalidValueError(
            f"must be a year from {FIRST_YEAR} to {LAST_YEAR}, got {raw!r}",
            f"应为{FIRST_YEAR}至{LAST_YEAR}之间的年份，而不是 {raw!r}",
        )
    if value < 0:
        raise InvalidValueError(
            f"must be a whole number of at least 0, got {raw!r}",
            f"应为不小于0的整数，而不是 {raw!r}",
        )
    return value


def coerce_date(raw: Any) -> dt.date:
    if isinstance(raw, dt.datetime):
        raise InvalidValueError(
            f"must be a date (YYYY-MM-DD), got a date and time {raw!r}",
            f"应为日期（YYYY-MM-DD），而不是日期时间 {raw!r}",
        )
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str):
        text = raw.strip()
        if len(text) == 10:
            with contextlib.suppress(ValueError):
                return dt.date.fromisoformat(text)
        raise InvalidValueError(
            f"{raw} is not a date (YYYY-MM-DD)", f"{raw} 不是日期（YYYY-MM-DD）"
        )
    raise InvalidValueError(
        f"must be a date (YYYY-MM-DD), got {raw!r}", f"应为日期（YYYY-MM-DD），而不是 {raw!r}"
    )


@dataclass(frozen=True)
class EntityKind:
    name: str
    plural: str
    label: Label


def load_inputs(path: Path, *, pack: str) -> tuple[list[EntityKind], list[InputSpec]]:
    if not path.exists():
        return [], []
    root = Entry(read_yaml(path, pack=pack) or {}, file=path, where="", pack=pack)
    root.only("entities")
    kinds, specs = [], []
    for entity, entry in root.child("entities").items():
        entry.only("plural", "label", "inputs")
        if "plural" in entry.data:
            kinds.append(
                EntityKind(
                    entity,
                    entry.text("plural"),
                    entry.label("label", entity) or Label(entity, entity),
                )
            )
        for name, spec in entry.child("inputs").items():
            specs.append(_input(entity, name, spec, pack))
    return kinds, specs


_INPUT_KEYS = ("type", "default", "missing", "label", "hint", "cites", "values")


def _input(entity: str, name: str, spec: Entry, pack: str) -> InputSpec:
    spec.only(*_INPUT_KEYS)
    kind = spec.require("type")
    if kind not in _TYPES:
        raise spec.fail("type", f"unknown type {kind!r} (known: {', '.join(_TYPES)})")
    has_default = "default" in spec.data
    missing = spec.data.get("missing", "default" if has_default else None)
    if (missing == "default") != has_default or missing not in ("default", "optional", "needed"):
        raise spec.fail(
            "missing", "give either `default: VALUE` or `missing: optional | needed`, not both"
        )
    draft = InputSpec(
        name=name,
        entity=entity,
        type=kind,
        default=None,
        label=spec.label("label", name) or Label(name, name),
        cites=tuple(spec.data.get("cites", ())),
        options=_options(spec) if kind == "enum" else (),
        pack=pack,
        missing=missing,
        hint=spec.label("hint", ""),
    )
    default = spec.data.get("default")
    if default is None or (kind == "year" and default == CASE_YEAR):
        return InputSpec(**{**draft.__dict__, "default": default})
    try:
        value = draft.coerce(default)
    except ValueError as exc:
        raise spec.fail("default", str(exc)) from None
    return InputSpec(**{**draft.__dict__, "default": value})


def _options(spec: Entry) -> tuple[Option, ...]:
    options = []
    for code, entry in spec.child("values", required=True).items():
        entry.only("en", "zh", "also")
        for language in ("en", "zh"):
            if language in entry.data and not isinstance(entry.data[language], str):
                raise entry.fail(language, "must be text")
        also = entry.data.get("also", [])
        if not isinstance(also, list):
            raise entry.fail("also", "must be a list of words")
        options.append(Option(code, Label.read(entry.data, code), tuple(str(w) for w in also)))
    if not options:
        raise spec.fail("values", "an enum needs at least one option")
    return tuple(options)
