"""A rule pack: one jurisdiction's law as data plus a little code, in its own folder.

``pack.yaml`` (who, which act, parent level, version, outside sources), ``inputs.yaml``,
``parameters/**.yaml``, ``interpretations.yaml``, ``articles.yaml`` (what implements each
article, or why nothing computes) and ``rules/*.py``. Loading validates every citation: an eId
the shipped act does not have, or a source the pack does not list, is a load error.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import pkgutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from innoreg.errors import CitationError, PackLoadError
from innoreg.labels import Label
from innoreg.rules.data_files import Entry, read_yaml
from innoreg.rules.inputs import EntityKind, InputSpec, load_inputs
from innoreg.rules.interpretations import Interpretation, load_interpretations
from innoreg.rules.parameters import Parameter, load_parameters
from innoreg.rules.rule import RuleSpec

if TYPE_CHECKING:
    from innoreg.law import ActMetadata


@dataclass(frozen=True)
class Source:
    """An outside document a pack cites (a national law, a ministry notice): its title, the
    short name a citation reads ("促进科技成果转化法"), when it was issued, and the text of the
    articles the rules quote (``excerpts``, keyed by anchor), so quotes can be checked."""

    id: str
    title: str
    issued: str
    short: Label
    excerpts: Mapping[str, str]


@dataclass(frozen=True)
class ArticleNote:
    eid: str
    implemented_by: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class Pack:
    jurisdiction: str
    parent: str | None
    name: Label
    level: str
    version: str
    folder: Path
    act: str | None
    act_meta: ActMetadata | None
    rules: tuple[RuleSpec, ...]
    parameters: tuple[Parameter, ...]
    interpretations: tuple[Interpretation, ...]
    entity_kinds: tuple[EntityKind, ...]
    inputs: tuple[InputSpec, ...]
    sources: Mapping[str, Source]
    articles: Mapping[str, ArticleNote]
    digest: str
    aliases: tuple[str, ...] = ()

    def act_in_force_on(self, on: dt.date) -> bool:
        """False only where recorded dates say the act was not in force on ``on``."""
        return self.act_meta is None or self.act_meta.in_force_on(on) is not False

    def act_warnings(self, on: dt.date) -> list[str]:
        """The dates a result on ``on`` depends on but the sources do not record."""
        return self.act_meta.date_warnings(on) if self.act_meta is not None else []


def load_pack(folder: Path, module: str) -> Pack:
    path = folder / "pack.yaml"
    meta = Entry(read_yaml(path), file=path, where="", pack=folder.name)
    meta.only("jurisdiction", "aliases", "name", "level", "parent", "act", "version", "sources")
    jurisdiction = meta.text("jurisdiction")
    act_uri = meta.data.get("act")
    act_meta = None
    if act_uri:
        from innoreg.law import load_act

        act_meta, _ = load_act(str(act_uri))
    in_force = act_meta.in_force if act_meta is not None else None
    kinds, inputs = load_inputs(folder / "inputs.yaml", pack=jurisdiction)
    aliases = meta.data.get("aliases") or []
    if not isinstance(aliases, list):
        raise meta.fail("aliases", "must be a list of names")
    pack = Pack(
        jurisdiction=jurisdiction,
        parent=meta.data.get("parent"),
        name=meta.label("name", jurisdiction, required=True) or Label(jurisdiction, jurisdiction),
        level=meta.text("level", ""),
        version=meta.text("version"),
        folder=folder,
        act=str(act_uri) if act_uri else None,
        act_meta=act_meta,
        rules=tuple(_rules(module, jurisdiction)),
        parameters=tuple(
            load_parameters(folder / "parameters", pack=jurisdiction, act_in_force=in_force)
        ),
        interpretations=tuple(
            load_interpretations(folder / "interpretations.yaml", pack=jurisdiction)
        ),
        entity_kinds=tuple(kinds),
        inputs=tuple(inputs),
        sources=MappingProxyType(
            {key: _source(key, entry) for key, entry in meta.child("sources").items()}
        ),
        articles=MappingProxyType(_articles(folder / "articles.yaml", jurisdiction)),
        digest=_digest(folder),
        aliases=tuple(str(a) for a in aliases),
    )
    _check_citations(pack)
    return pack


def _source(key: str, entry: Entry) -> Source:
    entry.only("title", "short", "issued", "excerpts")
    return Source(
        id=key,
        title=entry.text("title"),
        issued=entry.text("issued", ""),
        short=entry.label("short", entry.text("title"))
        or Label(entry.text("title"), entry.text("title")),
        excerpts=MappingProxyType(entry.texts("excerpts")),
    )


def _rules(module: str, jurisdiction: str) -> list[RuleSpec]:
    """Every RuleSpec defined at module level in the pack's ``rules`` package."""
    package = importlib.import_module(f"{module}.rules")
    found: list[RuleSpec] = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        rules_module = importlib.import_module(f"{package.__name__}.{info.name}")
        for value in vars(rules_module).values():
            if isinstance(value, RuleSpec):
                found.append(RuleSpec(**{**value.__dict__, "pack": jurisdiction}))
    return found


def _articles(path: Path, pack: str) -> dict[str, ArticleNote]:
    if not path.exists():
        return {}
    root = Entry(read_yaml(path, pack=pack) or {}, file=path, where="", pack=pack)
    notes = {}
    for eid, entry in root.items():
        entry.only("implemented_by", "note")
        notes[eid] = ArticleNote(
            eid, tuple(entry.data.get("implemented_by", ())), entry.text("note", "")
        )
    return notes


def _digest(folder: Path) -> str:
    sha = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            sha.update(path.relative_to(folder).as_posix().encode())
            sha.update(path.read_bytes())
    return sha.hexdigest()


def _check_citations(pack: Pack) -> None:
    cited: list[tuple[str, str]] = [(f"rule {r.name}", c) for r in pack.rules for c in r.cites]
    cited += [(f"parameter {p.name}", c) for p in pack.parameters for c in p.cites]
    cited += [(f"input {i.entity}.{i.name}", c) for i in pack.inputs for c in i.cites]
    cited += [(f"interpretation {i.name}", i.reads) for i in pack.interpretations]
    cited += [("articles.yaml", eid) for eid in pack.articles]
    for owner, citation in cited:
        check_citation(pack, owner, citation)
    if pack.act and pack.articles:
        from innoreg.law import load_act

        _, act = load_act(pack.act)
        missing = [a.eid for a in act.articles() if a.eid not in pack.articles]
        if missing:
            raise PackLoadError(
                f"articles.yaml does not say what implements {', '.join(missing)}",
                pack=pack.jurisdiction,
            )


def check_citation(pack: Pack, owner: str, citation: str) -> None:
    """``source#anchor`` must name a listed source; a bare eId must exist in the pack's act."""
    if "#" in citation:
        source = citation.split("#", 1)[0]
        if source not in pack.sources:
            raise PackLoadError(
                f"{owner} cites unknown source {source!r}", pack=pack.jurisdiction, eid=citation
            )
        return
    if not pack.act:
        raise PackLoadError(
            f"{owner} cites {citation!r} but the pack has no act", pack=pack.jurisdiction
        )
    from innoreg.law import load_act

    _, act = load_act(pack.act)
    try:
        act.find(citation)
    except CitationError:
        raise PackLoadError(
            f"{owner} cites {citation}, which {pack.act} does not have",
            pack=pack.jurisdiction,
            eid=citation,
        ) from None
