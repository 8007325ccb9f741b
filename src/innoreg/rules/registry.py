"""The one registry of rule packs: every folder under ``packs/`` holding a ``pack.yaml``.

A new jurisdiction is a new folder. A jurisdiction's chain runs from the national level down
(``cn`` → ``cn-ha`` → ``cn-ha-luoyang``): a case decided in a city is decided under all of it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from innoreg.errors import InputError, PackLoadError
from innoreg.rules.pack import Pack, load_pack

PACKS = Path(__file__).parent / "packs"


@dataclass(frozen=True)
class Registry:
    packs: dict[str, Pack]

    def chain(self, jurisdiction: str) -> tuple[Pack, ...]:
        """The packs in force in ``jurisdiction``, national first."""
        if jurisdiction not in self.packs:
            raise InputError(
                f"unknown jurisdiction {jurisdiction!r}; known: {', '.join(sorted(self.packs))}",
                field="jurisdiction",
                rule="a jurisdiction with a rule pack",
            )
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
    return Registry(packs)
