"""Column types that make SQLite and PostgreSQL agree: times in UTC, money in integer fen."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import BigInteger, DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[dt.datetime]):
    """An aware datetime stored in UTC. SQLite keeps no zone, so the value is normalised to UTC
    on the way in and marked UTC on the way out; naive datetimes are refused rather than
    guessed."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if not isinstance(value, dt.datetime) or value.tzinfo is None:
            raise ValueError(f"{value!r}: times are stored with their zone (aware datetimes)")
        utc = value.astimezone(dt.UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


Fen = BigInteger
"""Money: integer fen (1 yuan = 100 fen), never a float."""


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
