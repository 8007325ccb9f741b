"""Interpretations: every reading of an ambiguous sentence is named, has a default and a
justification, says which eId it reads, and can be switched per evaluation."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from innoreg.errors import InputError
from innoreg.rules.data_files import Entry, read_yaml


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

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "level": self.pack,
            "reads": self.reads,
            "question": self.question,
            "options": dict(self.options),
            "default": self.default,
            "justification": self.justification,
            "decided_by": self.decided_by,
        }


def load_interpretations(path: Path, *, pack: str) -> list[Interpretation]:
    if not path.exists():
        return []
    root = Entry(read_yaml(path, pack=pack) or {}, file=path, where="", pack=pack)
    found = []
    for name, entry in root.items():
        entry.only("question", "reads", "options", "default", "justification", "decided_by")
        raw_options = entry.require("options")
        if not isinstance(raw_options, dict) or not raw_options:
            raise entry.fail("options", "must map each option to what it means")
        options = {str(k): str(v).strip() for k, v in raw_options.items()}
        default = entry.text("default")
        if default not in options:
            raise entry.fail("default", f"{default!r} is not one of its options")
        found.append(
            Interpretation(
                name=name,
                question=entry.text("question"),
                reads=entry.text("reads"),
                options=MappingProxyType(options),
                default=default,
                justification=entry.text("justification"),
                decided_by=entry.text("decided_by", "innoreg maintainers"),
                pack=pack,
            )
        )
    return found


def choose(known: Mapping[str, Interpretation], chosen: Mapping[str, str] | None) -> dict[str, str]:
    """Defaults overlaid with the caller's choices; unknown names or options are input errors."""
    result = {name: i.default for name, i in known.items()}
    for name, option in (chosen or {}).items():
        if name not in known:
            near = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
            hint = f"did you mean {near[0]!r}? " if near else ""
            raise InputError(
                f"unknown interpretation; {hint}known: {', '.join(sorted(known)) or 'none'}",
                field=f"interpretations.{name}",
                rule="interpretation names are declared by the packs in force",
                zh=f"未知的解释；可用：{', '.join(sorted(known)) or '无'}",
            )
        if option not in known[name].options:
            options = ", ".join(known[name].options)
            raise InputError(
                f"{option!r} is not an option; options: {options}",
                field=f"interpretations.{name}",
                rule="an interpretation takes one of its declared options",
                zh=f"{option!r} 不是可选项；可选：{options}",
            )
        result[name] = option
    return result
