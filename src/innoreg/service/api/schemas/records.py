"""What the records' API shares: a page of a list, money in and out as the public vocabulary
writes it (yuan as a decimal string; stored as integer fen), and the version a change is made
on."""

from __future__ import annotations

import re
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, WithJsonSchema

from innoreg.rules.money import format_money, parse_money

T = TypeVar("T")
MONEY_PATTERN = r"^[0-9]{1,13}(\.[0-9]{1,2})?$"
_MONEY = re.compile(MONEY_PATTERN)


def _fen_from_text(value: Any) -> int:
    if not isinstance(value, str) or not _MONEY.match(value):
        raise ValueError("an amount in yuan as text, at most two decimals: '80000000.00'")
    return parse_money(value)


MoneyIn = Annotated[
    int,
    BeforeValidator(_fen_from_text),
    WithJsonSchema({"type": "string", "pattern": MONEY_PATTERN, "examples": ["80000000.00"]}),
]
"""Yuan as a decimal string in a request, held as fen."""
MoneyOut = Annotated[
    int,
    PlainSerializer(format_money, return_type=str),
    WithJsonSchema({"type": "string", "pattern": MONEY_PATTERN, "examples": ["80000000.00"]}),
]
"""Fen held, yuan as a decimal string in an answer."""

Year = Annotated[int, Field(ge=1990, le=2100)]
Version = Annotated[
    int,
    Field(ge=1, le=2**31 - 1, description="The version read; a stale one answers 409."),
]


class Listing(BaseModel, Generic[T]):
    """A page of a list; ``next`` continues it (``?cursor=…``), null on the last page."""

    items: list[T]
    next: str | None = Field(description="The cursor of the following page; null at the end.")


class Body(BaseModel):
    """A request body: unknown fields are refused, naming the field."""

    model_config = ConfigDict(extra="forbid")


class Public(BaseModel):
    """An answer read from a stored record."""

    model_config = ConfigDict(from_attributes=True)

    id: int
