"""The one registry of rule packs: every folder under ``packs/`` holding a ``pack.yaml``.

A new jurisdiction is a new folder. A jurisdiction's chain runs from the national level down
(``cn`` → ``cn-ha`` → ``cn-ha-luoyang``): a case decided in a city is decided under all of it.
"""

from __future__ import annotations

import difflib
import functools
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from innoreg.errors import InputError, PackLoadError
from innoreg.rules.data_files import Entry, read_yaml
from innoreg.rules.pack import ArticleNote, Pack, load_pack
from innoreg.rules.rule import RuleSpec

PACKS = Path(__file__).parent / "packs"


@dataclass(frozen=True)
class ArticleImplementation:
    pack: Pack | None
    note: ArticleNote | None
    rules: tuple[RuleSpec, ...]


@dataclass(frozen=True)
class PackHeader:
    """What the registry knows of a pack before loading it: enough to find chains and names."""

    jurisdiction: str
    parent: str | None
    aliases: tuple[str, ...]
    folder: Path


class LazyPacks(Mapping[str, Pack]):
    """The packs by jurisdiction, each loaded (and checked) the first time it is asked for, so
    deciding a Luoyang case does not pay for loading Liaoning's pack."""

    def __init__(self, headers: Mapping[str, PackHeader]) -> None:
        self._headers = headers
        self._loaded: dict[str, Pack] = {}
        self._lock = threading.Lock()

    def __getitem__(self, code: str) -> Pack:
        pack = self._loaded.get(code)
        if pack is not None:
            return pack
        header = self._headers[code]
        with self._lock:
            if code not in self._loaded:
                folder = header.folder
                self._loaded[code] = load_pack(folder, f"innoreg.rules.packs.{folder.name}")
        return self._loaded[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._headers)

    def __len__(self) -> int:
        return len(self._headers)


@dataclass(frozen=True)
class Registry:
    headers: Mapping[str, PackHeader]
    packs: Mapping[str, Pack]

    @property
    def aliases(self) -> dict[str, str]:
        """Other names people use for a jurisdiction (``luoyang``, ``洛阳``), from pack.yaml."""
        return {name: code for code, h in self.headers.items() for name in h.aliases}

    def resolve(self, name: str) -> str:
        """A jurisdiction code from its code or an alias; an InputError suggests the nearest."""
        text = name.strip()
        if text in self.headers:
            return text
        aliases = self.aliases
        if text.lower() in aliases:
            return aliases[text.lower()]
        known = sorted(self.headers) + sorted(aliases)
        near = difflib.get_close_matches(text, known, n=1, cutoff=0.5)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        hint_zh = f"；是否是指 {near[0]!r}？" if near else ""
        raise InputError(
            f"unknown jurisdiction {name!r}{hint} (known: {', '.join(known)})",
            field="jurisdiction",
            rule="a jurisdiction with a rule pack",
            zh=f"未知的法域 {name!r}{hint_zh}（可用：{', '.join(known)}）",
        )

    def article_implementation(self, work_uri: str, eid: str) -> ArticleImplementation:
        """What implements an article of a shipped act: the rules that cite it (or one of its
        paragraphs) or that its ``articles.yaml`` entry names, and that entry's note."""
        pack = next((p for p in self.packs.values() if p.act == work_uri), None)
        if pack is None:
            return ArticleImplementation(None, None, ())
        note = pack.articles.get(eid)
        named = set(note.implemented_by) if note else set()
        chain = self.chain(pack.jurisdiction)
        rules = tuple(
            r
            for p in chain
            for r in p.rules
            if r.name in named
            or (p is pack and any(c == eid or c.startswith(f"{eid}__") for c in r.cites))
        )
        return ArticleImplementation(pack, note, rules)

    def chain(self, jurisdiction: str) -> tuple[Pack, ...]:
        """The packs in force in ``jurisdiction`` (a code or an alias), national first."""
        jurisdiction = self.resolve(jurisdiction)
        chain: list[Pack] = []
        current: str | None = jurisdiction
        while current is not None:
            chain.append(self.packs[current])
            current = self.headers[current].parent
        return tuple(reversed(chain))


@functools.cache
def registry() -> Registry:
    headers: dict[str, PackHeader] = {}
    for folder in sorted(p.parent for p in PACKS.glob("*/pack.yaml")):
        header = read_header(folder)
        if header.jurisdiction in headers:
            raise PackLoadError(f"two packs for {header.jurisdiction}", pack=header.jurisdiction)
        headers[header.jurisdiction] = header
    for header in headers.values():
        if header.parent is not None and header.parent not in headers:
            raise PackLoadError(f"parent {header.parent!r} has no pack", pack=header.jurisdiction)
    frozen = MappingProxyType(headers)
    return Registry(frozen, LazyPacks(frozen))


def read_header(folder: Path) -> PackHeader:
    path = folder / "pack.yaml"
    meta = Entry(read_yaml(path), file=path, where="", pack=folder.name)
    aliases = meta.data.get("aliases") or []
    if not isinstance(aliases, list):
        raise meta.fail("aliases", "must be a list of names")
    parent = meta.data.get("parent")
    return PackHeader(
        meta.text("jurisdiction"),
        str(parent) if parent else None,
        tuple(str(a) for a in aliases),
        folder,
    )
