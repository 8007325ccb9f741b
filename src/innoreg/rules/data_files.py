"""Reading the packs' YAML files: C-accelerated, duplicate keys refused, and every error naming
the file and the key, never a bare ``KeyError``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from innoreg.errors import PackLoadError
from innoreg.labels import Label

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_Base):  # type: ignore[misc]
    """SafeLoader that refuses a key given twice in one mapping (the last would silently win)."""


def _mapping(loader: Any, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise DuplicateKeyError(key, key_node.start_mark.line + 1, seen[key])
        seen[key] = key_node.start_mark.line + 1
    return dict(loader.construct_mapping(node, deep=deep))


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


class DuplicateKeyError(ValueError):
    def __init__(self, key: object, line: int, first_line: int) -> None:
        super().__init__(f"key {key!r} is given twice (line {first_line} and line {line})")
        self.key = key
        self.line = line


def read_yaml(path: Path, *, pack: str | None = None) -> Any:
    """A pack data file, or a ``PackLoadError`` naming it."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError) as exc:
        message = str(exc).replace("\n", " ")
        raise PackLoadError(f"{path.name}: {message}", pack=pack, file=str(path)) from None


class Entry:
    """A mapping read from ``file`` at ``where`` (a dotted path), whose accessors name both."""

    def __init__(self, data: object, *, file: Path, where: str, pack: str | None) -> None:
        if not isinstance(data, Mapping):
            raise PackLoadError(
                f"{file.name}: {where or 'the file'} must be a mapping, got {data!r}",
                pack=pack,
                file=str(file),
            )
        self.data: Mapping[Any, Any] = data
        self.file, self.where, self.pack = file, where, pack

    def fail(self, key: str, message: str) -> PackLoadError:
        at = f"{self.where}.{key}" if self.where else key
        return PackLoadError(
            f"{self.file.name}: {at}: {message}", pack=self.pack, file=str(self.file)
        )

    def require(self, key: str) -> Any:
        if key not in self.data:
            raise self.fail(key, "is required")
        return self.data[key]

    def text(self, key: str, default: str | None = None) -> str:
        value = self.data.get(key, default) if default is not None else self.require(key)
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise self.fail(key, f"must be text, got {value!r}")
        return str(value).strip()

    def date(self, key: str) -> dt.date | None:
        value = self.data.get(key)
        if value is not None and not isinstance(value, dt.date):
            raise self.fail(key, f"must be an ISO date (YYYY-MM-DD), got {value!r}")
        return value

    def child(self, key: str, *, required: bool = False) -> Entry:
        value = self.require(key) if required else (self.data.get(key) or {})
        return Entry(value, file=self.file, where=self.key_path(key), pack=self.pack)

    def key_path(self, key: object) -> str:
        return f"{self.where}.{key}" if self.where else str(key)

    def label(self, key: str, fallback: str, *, required: bool = False) -> Label | None:
        """``{en: …, zh: …}`` and nothing else: a stray key is a flow mapping cut at a comma."""
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.fail(key, "is required: {en: …, zh: …}")
            return None
        if not isinstance(value, Mapping):
            raise self.fail(key, f"must be {{en: …, zh: …}}, got {value!r}")
        stray = sorted(str(k) for k in value if k not in ("en", "zh"))
        if stray:
            raise self.fail(
                key,
                f"has a stray key {stray[0]!r} (a comma inside an unquoted text ends it: quote "
                "the text)",
            )
        return Label.read(value, fallback)

    def texts(self, key: str) -> dict[str, str]:
        """A mapping of names to text (``excerpts: {art_45: "…"}``)."""
        value = self.data.get(key) or {}
        if not isinstance(value, Mapping) or not all(isinstance(v, str) for v in value.values()):
            raise self.fail(key, "must map names to text")
        return {str(k): " ".join(v.split()) for k, v in value.items()}

    def items(self) -> list[tuple[str, Entry]]:
        return [
            (str(k), Entry(v, file=self.file, where=self.key_path(k), pack=self.pack))
            for k, v in self.data.items()
        ]

    def only(self, *keys: str) -> None:
        unknown = sorted(str(k) for k in self.data if k not in keys)
        if unknown:
            raise self.fail(unknown[0], f"is not a known key (known: {', '.join(keys)})")
