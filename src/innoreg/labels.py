"""``Label``: a name in both working languages of the bureau, shared by packs, pages and
outputs, and the one place a label is read from a data file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Language = Literal["en", "zh"]
LANGUAGES: tuple[Language, ...] = ("en", "zh")


@dataclass(frozen=True)
class Label:
    """A name in English and Chinese."""

    en: str
    zh: str

    def to_dict(self) -> dict[str, str]:
        return {"en": self.en, "zh": self.zh}

    def in_(self, lang: Language) -> str:
        return self.zh if lang == "zh" else self.en

    @classmethod
    def read(cls, data: object, fallback: str) -> Label:
        """``{en: …, zh: …}`` from a data file; a missing language falls back to ``fallback``."""
        entry = data if isinstance(data, Mapping) else {}
        return cls(str(entry.get("en", fallback)), str(entry.get("zh", fallback)))
