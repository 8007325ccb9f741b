"""Canonical JSON bytes: the one serialisation the audit chain hashes. Sorted keys, no
insignificant whitespace, UTF-8, times in UTC ISO 8601 with a ``Z``, dates ISO, decimals as
strings, bytes as hex — the same bytes on every machine and both databases."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from decimal import Decimal
from typing import Any


def plain(value: Any) -> Any:
    """A value as the JSON the chain hashes."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise ValueError(f"{value!r}: audit times must be aware")
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def _default(value: Any) -> Any:
    converted = plain(value)
    if converted is value:
        raise TypeError(f"{type(value).__name__} is not audited JSON")
    return converted


def canonical_bytes(document: Any) -> bytes:
    """The exact bytes hashed; JSON's own walk with ``plain`` for the few non-JSON values."""
    return json.dumps(
        document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_default
    ).encode("utf-8")


def digest(value: Any) -> str:
    """A stand-in for a value the log must not copy (personal data, large documents)."""
    return "sha256:" + hashlib.sha256(canonical_bytes(value)).hexdigest()
