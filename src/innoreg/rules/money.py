"""Exact money and rates.

Money is held as integer fen (1 yuan = 100 fen) and rates as integer parts per million, so
that "a reward of exactly 20 % of 10,000,000.05" is 2,000,000.01 with no binary
floating-point error, in one row or in a million. Scaling a money amount by a rate is done by
splitting the amount at the rate's scale, which keeps every intermediate inside 64 bits for all
amounts innoreg accepts (see ``MONEY_MAX_FEN``).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Literal

from innoreg.errors import InvalidValueError

RATE_SCALE = 1_000_000
"""Rates are integer parts per million: 1 % is 10_000."""

MONEY_MAX_FEN = 9_000_000_000_000_000
"""The largest amount accepted: 90 trillion yuan (below 2**53 fen, so ratios are exact floats)."""

QUANTITY_SCALE = 1_000_000
"""Quantities (shares, equity percentages) are integer millionths: 0.333 is 333_000."""

QUANTITY_MAX_UNITS = 9_000_000_000 * QUANTITY_SCALE
"""The largest quantity accepted: nine thousand million shares (or percent)."""

Rounding = Literal["ceil", "floor", "half_up"]


def _decimal(value: object, what: tuple[str, str], *, separators: bool = False) -> Decimal:
    """A finite decimal of sensible size from text or a number; ``what`` names it (en, zh)."""
    if isinstance(value, bool) or not isinstance(value, int | str | float | Decimal):
        shown = "a boolean" if isinstance(value, bool) else type(value).__name__
        raise InvalidValueError(f"expected {what[0]}, got {shown}", f"应为{what[1]}")
    text = str(value).strip()
    if separators and isinstance(value, str):
        text = _without_separators(text)
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise InvalidValueError(f"{value!r} is not {what[0]}", f"{value!r} 不是{what[1]}") from None
    if not amount.is_finite():
        raise InvalidValueError(f"{value!r} is not a finite number", f"{value!r} 不是有限的数")
    if amount and amount.adjusted() > 20:  # far beyond any accepted maximum; no overflow later
        raise InvalidValueError(f"{value!r} is far too large", f"{value!r} 过大")
    return amount


def _scaled(amount: Decimal, scale: int, value: object, limit: tuple[str, str]) -> int:
    units = amount * scale
    if units != units.to_integral_value():
        raise InvalidValueError(f"{value!r} has more than {limit[0]}", f"{value!r} {limit[1]}")
    return int(units)


def parse_money(value: object) -> int:
    """Yuan as a decimal string ("1,234.50" too), int or finite float with at most two
    decimals -> fen."""
    amount = _decimal(value, ("an amount in yuan", "以元计的金额"), separators=True)
    return _scaled(
        amount,
        100,
        value,
        ("two decimals (amounts are exact to the fen)", "的小数超过两位（金额精确到分）"),
    )


_THOUSANDS = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")


def _without_separators(text: str) -> str:
    """ "1,234,567.89" as people write amounts; commas anywhere else are not separators."""
    return text.replace(",", "") if _THOUSANDS.match(text) else text


def parse_quantity(value: object) -> int:
    """A quantity (shares or percent) as a decimal with at most six decimals -> millionths."""
    amount = _decimal(value, ("a number of shares or a percentage", "股数或出资比例"))
    return _scaled(amount, QUANTITY_SCALE, value, ("six decimals", "的小数超过六位"))


def format_quantity(units: int) -> str:
    """Millionths -> a plain decimal string without trailing zeros ("0.1665", "500")."""
    sign = "-" if units < 0 else ""
    whole, part = divmod(abs(units), QUANTITY_SCALE)
    decimals = f"{part:06d}".rstrip("0")
    return f"{sign}{whole}.{decimals}" if decimals else f"{sign}{whole}"


def format_money(fen: int) -> str:
    """Fen -> a decimal string with two decimals ("-1.05", "300000.00")."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole}.{cents:02d}"


def parse_rate(value: object) -> int:
    """A ratio as a decimal string ("0.01", "1%") or number -> parts per million, exactly."""
    text = str(value).strip() if isinstance(value, str) else value
    percent = isinstance(text, str) and text.endswith("%")
    number = text.rstrip("%").strip() if isinstance(text, str) else text
    amount = _decimal(number, ("a rate", "比例"))
    ppm = amount * (RATE_SCALE // 100 if percent else RATE_SCALE)
    if ppm != ppm.to_integral_value():
        raise InvalidValueError(
            f"{value!r} is finer than one part per million", f"{value!r} 精度超过百万分之一"
        )
    return int(ppm)


def rate_to_float(ppm: int) -> float:
    """Parts per million -> the nearest float (0.01 for 10_000), for output as a JSON number."""
    return ppm / RATE_SCALE


def scale_money(fen: int, ppm: int, rounding: Rounding) -> int:
    """``fen * ppm / RATE_SCALE`` rounded to the fen, exact and overflow-free for fen >= 0.

    ``ceil`` gives the least amount that reaches a floor ("20 %以上" is met by it), ``half_up``
    the commercial rounding (四舍五入) of a computed amount, ``floor`` the most that stays within.
    """
    whole, part = divmod(fen, RATE_SCALE)
    return whole * ppm + _round_div(part * ppm, rounding)


def _round_div(numerator: int, rounding: Rounding) -> int:
    return round_division(numerator, RATE_SCALE, rounding)


def round_division(numerator: int, denominator: int, rounding: Rounding) -> int:
    """``numerator / denominator`` (denominator > 0) rounded as asked, in exact integers."""
    if rounding == "ceil":
        return -((-numerator) // denominator)
    if rounding == "floor":
        return numerator // denominator
    return (2 * numerator + denominator) // (2 * denominator)
