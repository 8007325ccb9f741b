"""Engine values -> the public vocabulary: money as decimal strings with two decimals, dates as
ISO strings, rates and ratios as numbers, booleans as booleans, "not applicable" as null."""

from __future__ import annotations

import datetime as dt
from typing import Any

from innoreg.rules.money import format_money, format_quantity, rate_to_float


def public_value(unit: str, value: Any) -> Any:
    if value is None:
        return None
    if unit == "money":
        return format_money(int(value))
    if unit == "quantity":
        return format_quantity(int(value))
    if unit == "rate":
        return rate_to_float(int(value))
    if unit == "date":
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    if unit == "bool":
        return bool(value)
    return value
