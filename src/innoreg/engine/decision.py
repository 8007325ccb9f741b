"""The typed result of deciding a case, serialised in this one place for every surface: the
CLI prints ``Decision.to_dict()`` as JSON, the API returns it, pages render the same object.

The JSON document (the public vocabulary, docs/vocabulary.md) is::

    {"jurisdiction", "date", "pack_version", "interpretations", "warnings", "assumed",
     "results": {"<entity id>": {"<variable>": value}}}

with ``"explanations"`` (per entity, per variable) when explained and ``"reform"`` when a
reform was applied. Values are in the public vocabulary's units (see ``values.public_value``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from innoreg.labels import Label


@dataclass(frozen=True)
class EntityDecision:
    """One entity's values (public units), its kind, and its explanation when asked for."""

    id: str
    kind: str
    values: Mapping[str, Any]
    explanation: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class Decision:
    jurisdiction: str
    date: dt.date
    pack_version: str
    interpretations: Mapping[str, str]
    notices: tuple[Label, ...]
    """The warnings, in English and Chinese (the JSON carries the English)."""
    assumed: tuple[str, ...]
    entities: tuple[EntityDecision, ...]
    reform: str | None = None
    explained: bool = False

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(n.en for n in self.notices)

    @property
    def results(self) -> dict[str, Mapping[str, Any]]:
        return {entity.id: entity.values for entity in self.entities}

    def entity(self, entity_id: str) -> EntityDecision:
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        raise KeyError(entity_id)

    def to_dict(self) -> dict[str, Any]:
        """The public JSON document."""
        document: dict[str, Any] = {
            "jurisdiction": self.jurisdiction,
            "date": self.date.isoformat(),
            "pack_version": self.pack_version,
            "interpretations": dict(self.interpretations),
            "warnings": list(self.warnings),
            "assumed": list(self.assumed),
            "results": {e.id: dict(e.values) for e in self.entities},
        }
        if self.reform is not None:
            document["reform"] = self.reform
        if self.explained:
            document["explanations"] = {e.id: e.explanation for e in self.entities}
        return document
