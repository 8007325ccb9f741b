"""Numbers as regulations write them read back to the integers the eIds carry."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from innoreg.law.numbering import (
    from_cardinal_word,
    from_chinese_numeral,
    from_ordinal_word,
    from_roman,
    to_cardinal_word,
    to_ordinal_word,
    to_roman,
)


@given(st.integers(1, 999))
def test_ordinal_words_read_back(number: int) -> None:
    word = to_ordinal_word(number)
    assert from_ordinal_word(word) == number
    assert from_ordinal_word(word.title()) == number
    assert from_ordinal_word(word.upper()) == number


@given(st.integers(1, 3999))
def test_roman_numerals_read_back_in_either_case(number: int) -> None:
    assert from_roman(to_roman(number)) == number
    assert from_roman(to_roman(number).lower()) == number


@given(st.integers(1, 99))
def test_cardinal_words_read_back(number: int) -> None:
    assert from_cardinal_word(to_cardinal_word(number)) == number


@pytest.mark.parametrize(
    ("word", "number"),
    [
        ("Seventh", 7),
        ("Tenth", 10),
        ("Thirteenth", 13),
        ("Fifteenth", 15),
        ("Twenty-first", 21),
        ("twenty first", 21),
        ("Ninety-ninth", 99),
        ("One hundredth", 100),
        ("Hundredth", 100),
        ("One hundred and first", 101),
        ("one hundred first", 101),
        ("Two hundred and twelfth", 212),
    ],
)
def test_ordinal_words_as_translations_write_them(word: str, number: int) -> None:
    assert from_ordinal_word(word) == number


@pytest.mark.parametrize("word", ["seven", "twentieth-first", "firsts", "article", ""])
def test_other_words_are_not_ordinals(word: str) -> None:
    assert from_ordinal_word(word) is None


@pytest.mark.parametrize("text", ["IIII", "CIVIL", "VX", "IC", "", "MMMM"])
def test_non_canonical_roman_numerals_are_rejected(text: str) -> None:
    assert from_roman(text) is None


@pytest.mark.parametrize(
    ("text", "number"),
    [("七", 7), ("十", 10), ("十五", 15), ("二十一", 21), ("一百", 100), ("一百零一", 101),
     ("一百一十", 110), ("两百", 200), ("15", 15), ("１５", 15)],
)  # fmt: skip
def test_chinese_numerals(text: str, number: int) -> None:
    assert from_chinese_numeral(text) == number


@pytest.mark.parametrize("text", ["零", "七七", "条", ""])
def test_malformed_chinese_numerals(text: str) -> None:
    assert from_chinese_numeral(text) is None


@pytest.mark.parametrize("number", [0, 1000])
def test_out_of_range_numbers_have_no_ordinal_word(number: int) -> None:
    with pytest.raises(ValueError, match=str(number)):
        to_ordinal_word(number)
