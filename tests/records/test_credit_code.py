import pytest

from innoreg.errors import InputError
from innoreg.records.credit_code import (
    CHARSET,
    check_character,
    credit_code_problem,
    normalise_credit_code,
)

from .factories import REAL_CODES


@pytest.mark.parametrize("code", REAL_CODES)
def test_published_codes_are_valid(code: str) -> None:
    assert credit_code_problem(code) is None
    assert check_character(code[:17]) == code[17]


@pytest.mark.parametrize("position", range(18))
def test_a_changed_character_at_any_position_is_caught(position: int) -> None:
    code = REAL_CODES[0]
    for replacement in CHARSET:
        if replacement == code[position]:
            continue
        bad = code[:position] + replacement + code[position + 1 :]
        assert credit_code_problem(bad) is not None, bad


@pytest.mark.parametrize(
    ("code", "says"),
    [
        ("91330100716105852", "17 characters"),
        ("91330100716105852FF", "19 characters"),
        ("9133010071610585IF", "character 17 ('I')"),
        ("91330100716105852A", "check character is 'A'"),
    ],
)
def test_the_problem_is_named(code: str, says: str) -> None:
    problem = credit_code_problem(code)
    assert problem is not None and says in problem


def test_codes_are_normalised_as_people_type_them() -> None:
    assert normalise_credit_code(" 91330100 716105852f ") == REAL_CODES[0]
    with pytest.raises(InputError) as raised:
        normalise_credit_code("91330100716105852A", field="rows[3].credit_code")
    assert raised.value.field == "rows[3].credit_code"
    assert raised.value.rule == "GB 32100-2015"
