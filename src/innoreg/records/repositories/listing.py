"""Lists a page at a time, by a cursor (keyset pagination): the next page starts after the
last row shown, so a page costs the same at row 100,000 as at row 1, and rows written between
two pages neither repeat nor vanish.

A cursor is opaque to clients: the sort and the last row's sort value and id, as URL-safe
base64 of JSON. A cursor made for another sort, or not made here at all, is refused (422)."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, tuple_

from innoreg.errors import InputError

T = TypeVar("T")
MAX_LIMIT = 500


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next: str | None


@dataclass(frozen=True)
class Sort:
    """``field`` ascending, or descending with a leading ``-``; ties broken by id."""

    key: str
    column: Any
    descending: bool

    @classmethod
    def parse(cls, text: str, columns: Mapping[str, Any]) -> Sort:
        key = text.removeprefix("-")
        if key not in columns:
            allowed = ", ".join(f"{k}, -{k}" for k in columns)
            raise InputError(f"cannot sort by {text!r}; sort by one of: {allowed}", field="sort")
        return cls(key, columns[key], text.startswith("-"))

    @property
    def text(self) -> str:
        return f"-{self.key}" if self.descending else self.key


def page_statement(
    query: Select[Any], *, id_column: Any, sort: Sort, cursor: str | None, limit: int
) -> Select[Any]:
    """``query`` narrowed to one page in ``sort`` order after ``cursor``, one row more than
    ``limit`` (so ``page_of`` can tell whether another page follows). The query may select
    entities (a session's objects) or a table's columns (rows)."""
    if not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"must be between 1 and {MAX_LIMIT}", field="limit")
    ordered = sort.column is id_column
    if cursor is not None:
        value, last_id = _decode(cursor, sort)
        if ordered:
            after = id_column < last_id if sort.descending else id_column > last_id
        else:  # a row value: both databases walk an index on (column, id) from it
            key, last = tuple_(sort.column, id_column), tuple_(value, last_id)
            after = key < last if sort.descending else key > last
        query = query.where(after)
    keys = [id_column.desc() if sort.descending else id_column.asc()]
    if not ordered:
        keys.insert(0, sort.column.desc() if sort.descending else sort.column.asc())
    return query.order_by(*keys).limit(limit + 1)


def page_of(found: Sequence[Any], *, sort: Sort, limit: int) -> Page[Any]:
    """The page from what ``page_statement`` found (objects or rows), with the cursor of the
    next page when there is one."""
    items = list(found[:limit])
    following = None
    if len(found) > limit:
        last = items[-1]
        following = _encode(sort, getattr(last, sort.key), int(last.id))
    return Page(items, following)


def _encode(sort: Sort, value: Any, ident: int) -> str:
    if isinstance(value, dt.date):
        value = value.isoformat()
    raw = json.dumps([sort.text, value, ident], separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode(cursor: str, sort: Sort) -> tuple[Any, int]:
    refused = InputError("is not a cursor this list gave out", field="cursor")
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        parts = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise refused from None
    if not (isinstance(parts, list) and len(parts) == 3 and isinstance(parts[2], int)):
        raise refused
    made_for, value, ident = parts
    if made_for != sort.text:
        raise InputError(
            f"was made for sort={made_for}, not sort={sort.text}: start again without it",
            field="cursor",
        )
    return _typed(value, sort.column, refused), ident


def _typed(value: Any, column: Any, refused: InputError) -> Any:
    """The cursor's sort value as the column's type (a date stays a date)."""
    python_type = column.type.python_type
    if python_type is dt.date and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise refused from None
    if python_type is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    if python_type in (str, bool) and isinstance(value, python_type):
        return value
    raise refused


def filtered(query: Select[Any], conditions: Sequence[Any]) -> Select[Any]:
    for condition in conditions:
        query = query.where(condition)
    return query
