"""The shipped acts: every `texts/*.yaml` metadata file and the text files its expressions name.

Adding an act, or a version of one, is adding files to `texts/`; nothing here changes. Acts are
found by work URI, short name or jurisdiction code, and parsed once per process."""

from __future__ import annotations

from datetime import date
from functools import cache, lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

import yaml

from innoreg.errors import CitationError, LawError
from innoreg.law.metadata import ActMetadata, Expression, metadata_from_mapping
from innoreg.law.model import Act
from innoreg.law.parse import parse_act


def _texts() -> Traversable:
    return resources.files("innoreg.law") / "texts"


@lru_cache(maxsize=1)
def _shipped() -> tuple[ActMetadata, ...]:
    acts: list[ActMetadata] = []
    files = sorted(_texts().iterdir(), key=lambda entry: entry.name)
    for entry in files:
        if not entry.name.endswith(".yaml"):
            continue
        try:
            data = yaml.safe_load(entry.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise LawError(f"{entry.name}: not valid YAML ({exc})") from None
        meta = metadata_from_mapping(data, entry.name)
        for expression in meta.expressions:
            if not (_texts() / expression.file).is_file():
                raise LawError(f"{entry.name}: expression file {expression.file} is missing")
        acts.append(meta)
    _check_unique(acts)
    return tuple(sorted(acts, key=lambda meta: meta.short_name))


def _check_unique(acts: list[ActMetadata]) -> None:
    for attribute in ("work_uri", "short_name"):
        seen: set[str] = set()
        for meta in acts:
            value = getattr(meta, attribute)
            if value in seen:
                raise LawError(f"two shipped acts share the {attribute} {value!r}")
            seen.add(value)


def list_acts() -> list[ActMetadata]:
    """Every shipped act, by short name."""
    return list(_shipped())


def find_act(key: str) -> ActMetadata:
    """The act whose work URI, short name or (only act in a) jurisdiction code is `key`."""
    acts = _shipped()
    key = key.strip().rstrip("/")
    for meta in acts:
        if key in (meta.work_uri, meta.short_name):
            return meta
    in_place = [meta for meta in acts if meta.jurisdiction == key]
    if len(in_place) == 1:
        return in_place[0]
    if in_place:
        names = ", ".join(meta.short_name for meta in in_place)
        raise CitationError(f"{key} has several acts ({names}): name one", key=key)
    known = ", ".join(meta.short_name for meta in acts)
    raise CitationError(f"unknown act {key!r} (known: {known})", key=key)


def expression_in_force(key: str, on: date, language: str = "eng") -> Expression:
    """The version of an act, in a language, in force on a day."""
    return find_act(key).expression_in_force(on, language)


def read_expression(expression: Expression) -> str:
    """The exact text of a version, as shipped."""
    return (_texts() / expression.file).read_text(encoding="utf-8")


def load_expression(expression: Expression) -> Act:
    """The parsed text of a version (parsed once per process)."""
    return _parse_shipped(expression.file)


@cache
def _parse_shipped(file: str) -> Act:
    return parse_act((_texts() / file).read_text(encoding="utf-8"), source=file)


def load_act(key: str, *, on: date | None = None, language: str = "eng") -> tuple[ActMetadata, Act]:
    """An act's metadata and parsed text: the version in force on `on`, or the latest one."""
    meta = find_act(key)
    if on is None:
        expression = meta.default_expression(language)
    else:
        expression = meta.expression_in_force(on, language)
    return meta, load_expression(expression)
