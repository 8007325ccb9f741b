"""Numbers as regulations write them: Roman numerals, English ordinal and cardinal words, Chinese
numerals. Translations of Chinese law label articles "Seventh" (第七条) and chapters "II" (第二章);
the parser reads them all back to the integers the eIds carry."""

from __future__ import annotations

import re

_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = (
    "ten", "eleven", "twelve", "thirteen", "fourteen",
    "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
)  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNIT_ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
)  # fmt: skip
_TEEN_ORDINALS = (
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
    "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
)  # fmt: skip
_TEN_ORDINALS = (
    "twentieth", "thirtieth", "fortieth", "fiftieth",
    "sixtieth", "seventieth", "eightieth", "ninetieth",
)  # fmt: skip

_WORD_VALUES: dict[str, int] = {
    **{w: i + 1 for i, w in enumerate(_UNITS)},
    **{w: i + 10 for i, w in enumerate(_TEENS)},
    **{w: (i + 2) * 10 for i, w in enumerate(_TENS)},
    **{w: i + 1 for i, w in enumerate(_UNIT_ORDINALS)},
    **{w: i + 10 for i, w in enumerate(_TEEN_ORDINALS)},
    **{w: (i + 2) * 10 for i, w in enumerate(_TEN_ORDINALS)},
}


def _alt(words: tuple[str, ...]) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


_BELOW_100_ORDINAL = (
    rf"(?:{_alt(_TENS)}[- ]{_alt(_UNIT_ORDINALS)}"
    rf"|{_alt(_TEN_ORDINALS)}|{_alt(_TEEN_ORDINALS)}|{_alt(_UNIT_ORDINALS)})"
)
_BELOW_100_CARDINAL = rf"(?:{_alt(_TENS)}(?:[- ]{_alt(_UNITS)})?|{_alt(_TEENS)}|{_alt(_UNITS)})"

#: An English ordinal word, "first" to "nine hundred and ninety-ninth" (match ignoring case).
ORDINAL_WORD = (
    rf"(?:(?:{_alt(_UNITS)}[ ])?hundred(?:th|(?:[ ]and)?[ ]{_BELOW_100_ORDINAL})"
    rf"|{_BELOW_100_ORDINAL})"
)
#: An English cardinal word from "one" to "ninety-nine" (chapters: "Chapter Three").
CARDINAL_WORD = _BELOW_100_CARDINAL
#: Digits in Chinese numerals, as in 第十五条 or 第一百零一条.
CHINESE_NUMERAL = "[0-9０-９零〇一二两三四五六七八九十百千]+"

_ROMAN_VALUES = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
_ORDINAL_RE = re.compile(ORDINAL_WORD, re.IGNORECASE)
_CARDINAL_RE = re.compile(CARDINAL_WORD, re.IGNORECASE)


def to_roman(number: int) -> str:
    """Write 1..3999 in upper-case Roman numerals."""
    if not 0 < number < 4000:
        raise ValueError(f"no Roman numeral for {number}")
    parts: list[str] = []
    for value, letters in _ROMAN_VALUES:
        count, number = divmod(number, value)
        parts.append(letters * count)
    return "".join(parts)


def from_roman(text: str) -> int | None:
    """Read a canonical Roman numeral in either case; None for anything else ("CIVIL", "IIII")."""
    upper = text.upper()
    if not upper or set(upper) - set("IVXLCDM"):
        return None
    total, rest = 0, upper
    for value, letters in _ROMAN_VALUES:
        while rest.startswith(letters):
            total += value
            rest = rest[len(letters) :]
    if rest or total >= 4000 or to_roman(total) != upper:
        return None
    return total


def _below_100_words(number: int, ordinal: bool) -> str:
    units = _UNIT_ORDINALS if ordinal else _UNITS
    teens = _TEEN_ORDINALS if ordinal else _TEENS
    tens = _TEN_ORDINALS if ordinal else _TENS
    if number < 10:
        return units[number - 1]
    if number < 20:
        return teens[number - 10]
    ten, unit = divmod(number, 10)
    if unit == 0:
        return tens[ten - 2]
    return f"{_TENS[ten - 2]}-{units[unit - 1]}"


def to_ordinal_word(number: int) -> str:
    """Write 1..999 as a lower-case ordinal word: 7 "seventh", 21 "twenty-first", 100 "one
    hundredth", 101 "one hundred and first"."""
    if not 0 < number < 1000:
        raise ValueError(f"no ordinal word for {number}")
    hundreds, rest = divmod(number, 100)
    if hundreds == 0:
        return _below_100_words(rest, ordinal=True)
    head = f"{_UNITS[hundreds - 1]} hundred"
    return f"{head}th" if rest == 0 else f"{head} and {_below_100_words(rest, ordinal=True)}"


def to_cardinal_word(number: int) -> str:
    """Write 1..99 as a lower-case cardinal word ("three", "twenty-one")."""
    if not 0 < number < 100:
        raise ValueError(f"no cardinal word for {number}")
    return _below_100_words(number, ordinal=False)


def _words_value(words: list[str]) -> int:
    return sum(_WORD_VALUES[word] for word in words)


def from_ordinal_word(text: str) -> int | None:
    """Read an ordinal word ("Seventh", "Twenty-first", "One hundredth"); None if it is not one."""
    if not _ORDINAL_RE.fullmatch(text):
        return None
    words = [w for w in re.split(r"[- ]+", text.lower()) if w != "and"]
    if "hundred" in words or "hundredth" in words:
        at = words.index("hundred") if "hundred" in words else words.index("hundredth")
        hundreds = _words_value(words[:at]) if at else 1
        return hundreds * 100 + _words_value(words[at + 1 :])
    return _words_value(words)


def from_cardinal_word(text: str) -> int | None:
    """Read a cardinal word ("Three", "twenty-one"); None if it is not one."""
    if not _CARDINAL_RE.fullmatch(text):
        return None
    return _words_value(re.split(r"[- ]+", text.lower()))


_CHINESE_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}


def from_chinese_numeral(text: str) -> int | None:
    """Read 七, 十五, 二十一, 一百零一 or full- or half-width digits; None if malformed."""
    ascii_digits = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if ascii_digits.isdigit():
        return int(ascii_digits)
    total, digit, seen_digit = 0, 0, False
    for char in text:
        if char in _CHINESE_DIGITS:
            if seen_digit and _CHINESE_DIGITS[char] != 0:
                return None
            digit, seen_digit = _CHINESE_DIGITS[char], _CHINESE_DIGITS[char] != 0
        elif char in _CHINESE_UNITS:
            total += (digit or 1) * _CHINESE_UNITS[char]
            digit, seen_digit = 0, False
        else:
            return None
    total += digit
    return total or None


_CHINESE_DIGIT_CHARS = "零一二三四五六七八九"


def to_chinese_numeral(number: int) -> str:
    """1 -> 一, 10 -> 十, 15 -> 十五, 45 -> 四十五, 104 -> 一百零四 (as 第一百零四条 writes it)."""
    if not 0 < number < 1000:
        raise ValueError(f"no Chinese numeral for {number} here (1-999)")
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    text = f"{_CHINESE_DIGIT_CHARS[hundreds]}百" if hundreds else ""
    if tens:
        text += ("" if tens == 1 and not hundreds else _CHINESE_DIGIT_CHARS[tens]) + "十"
    elif hundreds and units:
        text += "零"
    return text + (_CHINESE_DIGIT_CHARS[units] if units else "")
