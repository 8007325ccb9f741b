"""Interpretations: every reading of an ambiguous sentence is named, has a default and a
justification, says which eId it reads, and can be switched per evaluation."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from innoreg.errors import InputError, PackLoadError


@dataclass(frozen=True)
class Interpretation:
    name: str
    question: str
    reads: str
    options: Mapping[str, str]
    default: str
    justification: str
    decided_by: str
    pack: str


def load_interpretations(path: Path, *, pack: str) -> list[Interpretation]:
    if not path.exists():
        return []
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    found = []
    for name, entry in data.items():
        options = {str(k): str(v).strip() for k, v in (entry.get("options") or {}).items()}
        default = str(entry.get("default"))
        if default not in options:
            raise PackLoadError(
                f"interpretation {name}: default {default!r} is not one of its options",
                pack=pack,
            )
        found.append(
            Interpretation(
                name=str(name),
                question=str(entry["question"]).strip(),
                reads=str(entry["reads"]),
                options=options,
                default=default,
                justification=str(entry["justification"]).strip(),
                decided_by=str(entry.get("decided_by", "innoreg maintainers")),
                pack=pack,
            )
        )
    return found


def choose(known: Mapping[str, Interpretation], chosen: Mapping[str, str] | None) -> dict[str, str]:
    """Defaults overlaid with the caller's choices; unknown names or options are input errors."""
    result = {name: i.default for name, i in known.items()}
    for name, option in (chosen or {}).items():
        if name not in known:
            raise InputError(
                f"unknown interpretation; known: {', '.join(sorted(known)) or 'none'}",
                field=f"interpretations.{name}",
                rule="interpretation names are declared by the packs in force",
            )
        if option not in known[name].options:
            raise InputError(
                f"{option!r} is not an option; options: {', '.join(known[name].options)}",
                field=f"interpretations.{name}",
                rule="an interpretation takes one of its declared options",
            )
        result[name] = option
    return result
