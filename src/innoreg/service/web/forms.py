"""The form machinery (GOV.UK Design System patterns, adapted to Chinese): fields read from
what people type — money with thousands separators (``1,250,000.00``, ``1，250，000``, ``¥``,
``元``), dates as day, month and year — and every problem as a :class:`FieldError` whose message
is a catalogue id (translated where it is shown) with its parameters.

The engine's own contract (negative money, too many decimals, unknown codes) is checked by the
engine; ``errors.form_errors`` turns its ``InputError`` into the same summary.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from innoreg.service.errors import FieldError

__all__ = ["FieldError", "Invalid"]

MAX_FIELD_CHARS = 200
_SEPARATORS = re.compile(r"[,，\s_'’]")
_CURRENCY = re.compile(r"^(?:¥|￥|RMB|CNY)|(?:元|yuan|RMB|CNY)$", re.IGNORECASE)
_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")


def N_(message: str) -> str:  # noqa: N802 - the gettext convention marking a string for extraction
    """Mark a message for the catalogue; it is translated where it is shown."""
    return message


class Invalid(Exception):  # noqa: N818 - reads as what the value is
    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


def text(raw: str | None) -> str:
    value = (raw or "").strip()
    if len(value) > MAX_FIELD_CHARS:
        raise Invalid(N_("Enter at most %(n)s characters"), n=MAX_FIELD_CHARS)
    return value


def money(raw: str | None, *, required: str) -> str:
    """Yuan as people type them -> a plain decimal string the engine reads (``"1250000.00"``)."""
    value = text(raw).translate(_FULLWIDTH)
    if not value:
        raise Invalid(required)
    value = _CURRENCY.sub("", value).strip()
    value = _SEPARATORS.sub("", value)
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise Invalid(N_("Enter an amount in yuan, like 1,250,000.00")) from None
    if not amount.is_finite():
        raise Invalid(N_("Enter an amount in yuan, like 1,250,000.00"))
    if amount < 0:
        raise Invalid(N_("The amount must be 0 or more"))
    if amount != amount.quantize(Decimal("0.01")):
        raise Invalid(N_("Give the amount to the fen at most (two decimals)"))
    if amount > Decimal("90000000000000"):
        raise Invalid(N_("The amount must be at most 90,000,000,000,000.00 yuan"))
    return f"{amount:.2f}"


def quantity(raw: str | None, *, required: str) -> str:
    """A share count or percentage: digits with separators, at most two decimals."""
    return money(raw, required=required)


def choice(raw: str | None, options: Sequence[str], *, required: str) -> str:
    value = text(raw)
    if value not in options:
        raise Invalid(required)
    return value


def yes_no(raw: str | None, *, required: str) -> bool:
    return choice(raw, ("yes", "no"), required=required) == "yes"


def date(values: Mapping[str, str], name: str, *, required: str) -> dt.date:
    """A GOV.UK date input: ``<name>-day``, ``<name>-month``, ``<name>-year``."""
    parts = [
        text(values.get(f"{name}-{p}")).translate(_FULLWIDTH) for p in ("day", "month", "year")
    ]
    if not any(parts):
        raise Invalid(required)
    if not all(parts):
        raise Invalid(N_("The date must include a day, month and year"))
    if not all(p.isdigit() for p in parts) or len(parts[2]) != 4:
        raise Invalid(N_("Enter a real date, like 30 6 2024"))
    try:
        return dt.date(int(parts[2]), int(parts[1]), int(parts[0]))
    except ValueError:
        raise Invalid(N_("Enter a real date, like 30 6 2024")) from None


def date_fields(day: dt.date | None) -> dict[str, str]:
    if day is None:
        return {}
    return {"day": str(day.day), "month": str(day.month), "year": str(day.year)}


def iso_date(raw: str | None) -> dt.date | None:
    """A date kept in a URL (``2024-06-30``), or None if it is not one."""
    try:
        return dt.date.fromisoformat(text(raw)) if raw else None
    except (ValueError, Invalid):
        return None


def default_day(raw: dict[str, str], name: str, day: dt.date) -> None:
    """A date input left out entirely takes ``day`` (the one the page shows pre-filled)."""
    if not any(f"{name}-{p}" in raw for p in ("day", "month", "year")):
        raw.update({f"{name}-{p}": v for p, v in date_fields(day).items()})
