"""The one registry of rule packs: every folder under ``packs/`` holding a ``pack.yaml``.

A new jurisdiction is a new folder. A jurisdiction's chain runs from the national level down
(``cn`` → ``cn-ha`` → ``cn-ha-luoyang``): a case decided in a city is decided under all of it.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from innoreg.errors import InputError, PackLoadError
from innoreg.rules.pack import Pack, load_pack

PACKS = Path(__file__).parent / "packs"


@dataclass(frozen=True)
class Registry:
    packs: Mapping[str, Pack]

    @property
    def aliases(self) -> dict[str, str]:
        """Other names people use for a jurisdiction (``luoyang``), from the packs and acts."""
        found: dict[str, str] = {}
        for code, pack in self.packs.items():
            names = [*pack.aliases, pack.act_meta.short_name if pack.act_meta else None]
            found.update({name: code for name in names if name})
        return found

    def resolve(self, name: str) -> str:
        """A jurisdiction code from its code or an alias; an InputError suggests the nearest."""
        text = name.strip()
        if text in self.packs:
            return text
        aliases = self.aliases
        if text.lower() in aliases:
            return aliases[text.lower()]
        known = sorted(self.packs) + sorted(aliases)
        near = difflib.get_close_matches(text, known, n=1, cutoff=0.5)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        raise InputError(
            f"unknown jurisdiction {name!r}{hint} (known: {', '.join(known)})",
            field="jurisdiction",
            rule="a jurisdiction with a rule pack",
        )

    def chain(self, jurisdiction: str) -> tuple[Pack, ...]:
        """The packs in force in ``jurisdiction`` (a code or an alias), national first."""
        jurisdiction = self.resolve(jurisdiction)
        chain: list[Pack] = []
        current: str | None = jurisdiction
        while current is not None:
            pack = self.packs[current]
            chain.append(pack)
            current = pack.parent
        return tuple(reversed(chain))


@functools.cache
def registry() -> Registry:
    packs: dict[str, Pack] = {}
    for folder in sorted(p.parent for p in PACKS.glob("*/pack.yaml")):
        pack = load_pack(folder, f"innoreg.rules.packs.{folder.name}")
        if pack.jurisdiction in packs:
            raise PackLoadError(f"two packs for {pack.jurisdiction}", pack=pack.jurisdiction)
        packs[pack.jurisdiction] = pack
    for pack in packs.values():
        if pack.parent is not None and pack.parent not in packs:
            raise PackLoadError(f"parent {pack.parent!r} has no pack", pack=pack.jurisdiction)
    return Registry(MappingProxyType(packs))
