"""Cells read as record values, and what is wrong with a bad one in English or Chinese.

A parser returns the value or raises ``Problem(code, **params)``; ``Problem.say(lang)`` is the
sentence the import report prints. Options accept their codes and their Chinese terms."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from innoreg.records.credit_code import credit_code_problem
from innoreg.rules.money import parse_money

MESSAGES: dict[str, tuple[str, str]] = {
    "required": ("is required", "必填"),
    "not_a_date": ("{value!r} is not a date (YYYY-MM-DD)", "“{value}”不是日期（YYYY-MM-DD）"),
    "not_money": (
        "{value!r} is not an amount in yuan with at most two decimals",
        "“{value}”不是金额（元，最多两位小数）",
    ),
    "not_quantity": (
        "{value!r} is not a quantity (up to six decimals)",
        "“{value}”不是数量（最多六位小数）",
    ),
    "negative": ("{value!r} must not be negative", "“{value}”不能为负数"),
    "not_bool": ("{value!r} is not yes or no (true/false, 是/否)", "“{value}”不是“是/否”"),
    "not_year": (
        "{value!r} is not a fiscal year (1990-2100)",
        "“{value}”不是有效的会计年度（1990-2100）",
    ),
    "not_option": ("{value!r} is not one of: {options}", "“{value}”不是可选值之一：{options}"),
    "bad_credit_code": (
        "{value!r} {reason} (GB 32100-2015)",
        "“{value}”不是有效的统一社会信用代码（GB 32100-2015）",
    ),
    "too_long": ("is longer than {limit} characters", "超过{limit}个字符"),
    "unknown_organisation": (
        "no organisation has credit code {value}",
        "没有统一社会信用代码为{value}的单位",
    ),
    "duplicate_in_file": (
        "{value} appears again (first on row {first})",
        "{value}与第{first}行重复",
    ),
    "already_recorded": ("{value} is already recorded", "{value}已有记录"),
    "q4_above_year": (
        "the fourth quarter's R&D expense {value} exceeds the year's",
        "第四季度研发费用{value}超过全年",
    ),
    "unknown_column": ("unknown column; the columns are: {options}", "未知列；可用的列：{options}"),
    "missing_column": ("this required column is missing", "缺少必需的列"),
    "unknown_project": ("no project has number {value}", "没有编号为{value}的项目"),
}


class Problem(Exception):  # noqa: N818 — a finding in a cell, not a program error
    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def say(self, lang: str) -> str:
        en, zh = MESSAGES[self.code]
        return (zh if lang == "zh" else en).format(**self.params)


TRUE = {"true", "yes", "y", "1", "是", "有", "√"}
FALSE = {"false", "no", "n", "0", "否", "无", "×"}


def boolean(raw: str) -> bool:
    text = raw.strip().lower()
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise Problem("not_bool", value=raw)


def date(raw: str) -> dt.date:
    text = raw.strip().replace("/", "-").replace(".", "-")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise Problem("not_a_date", value=raw) from None


def money(raw: str) -> int:
    try:
        fen = parse_money(raw.replace(",", "").replace("，", ""))
    except ValueError:
        raise Problem("not_money", value=raw) from None
    if fen < 0:
        raise Problem("negative", value=raw)
    return fen


def quantity(raw: str) -> Decimal:
    try:
        value = Decimal(raw.strip())
    except InvalidOperation:
        raise Problem("not_quantity", value=raw) from None
    if not value.is_finite() or value != value.quantize(Decimal("0.000001")):
        raise Problem("not_quantity", value=raw)
    if value < 0:
        raise Problem("negative", value=raw)
    return value


def fiscal_year(raw: str) -> int:
    try:
        year = int(raw.strip())
    except ValueError:
        raise Problem("not_year", value=raw) from None
    if not 1990 <= year <= 2100:
        raise Problem("not_year", value=raw)
    return year


def credit_code(raw: str) -> str:
    code = "".join(raw.split()).upper()
    reason = credit_code_problem(code)
    if reason:
        raise Problem("bad_credit_code", value=raw, reason=reason)
    return code


def text(limit: int) -> Callable[[str], str]:
    def parse(raw: str) -> str:
        value = raw.strip()
        if len(value) > limit:
            raise Problem("too_long", limit=limit)
        return value

    return parse


def industry(raw: str) -> str:
    """A GB/T 4754 section letter, optionally with its division digits (``C``, ``C34``)."""
    value = raw.strip().upper()
    digits = value[1:]
    if not (value[:1] in tuple("ABCDEFGHIJKLMNOPQRST") and (digits == "" or digits.isdigit())):
        raise Problem("not_option", value=raw, options="A-T, optionally with digits (C34)")
    return value


def option(choices: Mapping[str, str]) -> Callable[[str], str]:
    """Codes or their Chinese terms: ``choices`` maps every accepted spelling to the code."""
    codes = sorted(set(choices.values()))

    def parse(raw: str) -> str:
        value = raw.strip()
        found = choices.get(value) or choices.get(value.lower())
        if found is None:
            raise Problem("not_option", value=raw, options=", ".join(codes))
        return found

    return parse


def options(**terms: tuple[str, ...]) -> dict[str, str]:
    """``options(patent=("专利",))`` -> every spelling mapped to its code."""
    return {spelling: code for code, spellings in terms.items() for spelling in (code, *spellings)}
