"""Values as people read them, in English or Chinese: money with thousands separators (and 万元
where Chinese readers expect it), rates as percentages, dates, quantities, yes/no.

The one place every surface (CLI text, verdicts, pages, PDFs, reports) formats a value; the
public JSON keeps the contract's plain forms ("300000.00", 0.01, "2025-05-12").
"""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal, InvalidOperation
from typing import Any

from innoreg.labels import Language

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
TEN_THOUSAND = Decimal(10_000)


def default_language() -> Language:
    """Chinese where the locale says so (LC_ALL, LC_MESSAGES, LANG), else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def _decimal(value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        return None


def money(value: Any, lang: Language = "en", *, wan: bool = False) -> str:
    """ "130000.00" -> "130,000.00 yuan" / "130,000.00元"; with ``wan`` in Chinese, also
    "（13.00万元）". None -> "—"."""
    amount = _decimal(value)
    if amount is None:
        return "—"
    text = f"{amount:,.2f}"
    if lang == "zh":
        return f"{text}元（{wan_yuan(amount)}）" if wan else f"{text}元"
    return f"{text} yuan"


def wan_yuan(value: Any) -> str:
    """An amount in 万元 (ten thousands of yuan), to the hundredth: "13.00万元"."""
    amount = _decimal(value)
    if amount is None:
        return "—"
    return f"{(amount / TEN_THOUSAND).quantize(Decimal('0.01')):,}万元"


def rate(value: Any, lang: Language = "en") -> str:
    """0.01 -> "1 %" (English) / "1%" (Chinese); 0.0625 -> "6.25 %"."""
    if value is None:
        return "—"
    percent = Decimal(str(value)) * 100
    text = f"{percent.normalize():f}" if percent == percent.to_integral() else f"{percent:.4f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return f"{text}%" if lang == "zh" else f"{text} %"


def date(value: Any, lang: Language = "en") -> str:
    """2025-05-12 -> "12 May 2025" / "2025年5月12日"."""
    if value is None:
        return "—"
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def quantity(value: Any, unit: str | None = None, lang: Language = "en") -> str:
    """Equity: "0.1665 %" / "500 shares" / "500股"."""
    amount = _decimal(value)
    if amount is None:
        return "—"
    text = f"{amount.normalize():,f}"
    if unit == "percent":
        return f"{text}%" if lang == "zh" else f"{text} %"
    if unit == "shares":
        return f"{text}股" if lang == "zh" else f"{text} shares"
    return text


def yes_no(value: Any, lang: Language = "en") -> str:
    if value is None:
        return "—（不适用）" if lang == "zh" else "— (not applicable)"
    if lang == "zh":
        return "是" if value else "否"
    return "yes" if value else "no"


def value(unit: str, public: Any, lang: Language = "en") -> str:
    """A result in the public vocabulary's form, shown by its unit."""
    if unit == "money":
        return money(public, lang, wan=lang == "zh")
    if unit == "rate":
        return rate(public, lang)
    if unit == "ratio":
        return "—" if public is None else rate(round(float(public), 8), lang)
    if unit == "date":
        return date(public, lang)
    if unit == "bool":
        return yes_no(public, lang)
    if unit == "quantity":
        return quantity(public, None, lang)
    return "—" if public is None else str(public)


def ppm(parts_per_million: int) -> str:
    """A rate held in parts per million, as law writes it: 10_000 -> "1 %", 1_200_000 -> "120 %"."""
    return f"{parts_per_million / 10_000:g} %"


def fen(amount: int) -> str:
    """An amount held in fen, with separators: 5_000_000_000 -> "50,000,000.00"."""
    sign = "-" if amount < 0 else ""
    whole, cents = divmod(abs(amount), 100)
    return f"{sign}{whole:,}.{cents:02d}"
