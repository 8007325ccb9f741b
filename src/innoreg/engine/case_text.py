"""A case document from text: JSON or YAML, read strictly. A key given twice is an error naming
the key and its line (the last one silently winning would decide a different case); dates stay
text until the input contract reads them, so a bad date names its field
(``ip_assets[0].rights_obtained_on: 2021-13-01 is not a date``) instead of failing the parser."""

from __future__ import annotations

import json
from typing import Any

from innoreg.errors import InputError


class CaseSyntaxError(InputError):
    """The text is not JSON or YAML at all (an API answers 400, not 422)."""


def parse_case_text(text: str, *, name: str = "case", as_json: bool | None = None) -> Any:
    """The document in ``text``; JSON when ``as_json`` (or when ``name`` ends in .json)."""
    if as_json is None:
        as_json = name.endswith(".json")
    if as_json:
        return _json(text, name)
    return _yaml(text, name)


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str, line: int | None) -> None:
        super().__init__(key)
        self.key, self.line = key, line


def _duplicate_error(key: str, line: int | None, name: str) -> InputError:
    where = f" (line {line})" if line else ""
    where_zh = f"（第{line}行）" if line else ""
    return InputError(
        f"key {key!r} is given twice{where}; a case must say each thing once",
        field=key,
        rule="no duplicate keys",
        zh=f"键 {key!r} 重复出现{where_zh}；同一事项只能给出一次",
    )


def _json(text: str, name: str) -> Any:
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: dict[str, Any] = {}
        for key, value in items:
            if key in seen:
                raise _DuplicateKeyError(key, None)
            seen[key] = value
        return seen

    try:
        return json.loads(text, object_pairs_hook=pairs)
    except _DuplicateKeyError as dup:
        raise _duplicate_error(dup.key, _line_of_duplicate(text), name) from None
    except json.JSONDecodeError as exc:
        raise CaseSyntaxError(
            f"cannot read {name}: {exc.msg} (line {exc.lineno}, column {exc.colno})",
            field="case",
            rule="JSON",
            zh=f"无法读取 {name}：{exc.msg}（第{exc.lineno}行第{exc.colno}列）",
        ) from None
    except RecursionError:
        raise CaseSyntaxError(
            f"cannot read {name}: nested too deeply",
            field="case",
            rule="JSON",
            zh=f"无法读取 {name}：嵌套层次过深",
        ) from None


def _line_of_duplicate(text: str) -> int | None:
    """Where the second occurrence is: JSON is YAML's flow style, and YAML marks know lines."""
    try:
        _yaml(text, "case")
    except InputError as exc:
        return getattr(exc, "line", None)
    return None


def _yaml(text: str, name: str) -> Any:
    import yaml  # only for YAML cases: JSON stays quick to read

    loader = _case_loader(yaml)
    try:
        return yaml.load(text, Loader=loader)
    except _DuplicateKeyError as dup:
        error = _duplicate_error(dup.key, dup.line, name)
        error.line = dup.line  # type: ignore[attr-defined]
        raise error from None
    except yaml.YAMLError as exc:
        message = " ".join(str(exc).split())
        raise CaseSyntaxError(
            f"cannot read {name}: {message}",
            field="case",
            rule="YAML",
            zh=f"无法读取 {name}：{message}",
        ) from None


_LOADER: Any = None


def _case_loader(yaml: Any) -> Any:
    """A safe loader that refuses duplicate keys and keeps dates as text."""
    global _LOADER
    if _LOADER is not None:
        return _LOADER
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class CaseLoader(base):  # type: ignore[misc, valid-type]
        pass

    CaseLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }

    def mapping(loader: Any, node: Any, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = loader.construct_object(key_node, deep=deep)
            if key in seen:
                raise _DuplicateKeyError(str(key), key_node.start_mark.line + 1)
            seen.add(key)
        return dict(loader.construct_mapping(node, deep=deep))

    CaseLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    _LOADER = CaseLoader
    return CaseLoader
