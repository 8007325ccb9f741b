from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from innoreg.rules.money import (
    MONEY_MAX_FEN,
    RATE_SCALE,
    format_money,
    parse_money,
    parse_rate,
    scale_money,
)


def test_a_reward_of_exactly_twenty_percent_of_an_odd_income_is_exact() -> None:
    income = parse_money("10000000.05")
    assert format_money(scale_money(income, parse_rate("20%"), "ceil")) == "2000000.01"


def test_one_percent_of_revenue_is_reached_by_exactly_that_amount() -> None:
    revenue = parse_money("59240157.00")
    assert scale_money(revenue, parse_rate("0.01"), "ceil") == parse_money("592401.57")


def test_floors_round_up_and_computed_amounts_round_half_up() -> None:
    assert scale_money(3, parse_rate("75%"), "ceil") == 3
    assert scale_money(3, parse_rate("75%"), "half_up") == 2
    assert scale_money(2, parse_rate("75%"), "half_up") == 2  # 1.5 fen -> 2
    assert scale_money(3, parse_rate("75%"), "floor") == 2


@pytest.mark.parametrize("bad", ["1.005", "abc", "NaN", True, None, [1]])
def test_money_that_is_not_exact_to_the_fen_is_refused(bad: object) -> None:
    with pytest.raises(ValueError):
        parse_money(bad)


def test_rates_accept_percent_and_decimal_forms() -> None:
    assert parse_rate("1%") == parse_rate("0.01") == 10_000
    with pytest.raises(ValueError):
        parse_rate("0.0000001")


@given(
    st.integers(min_value=0, max_value=MONEY_MAX_FEN),
    st.integers(min_value=0, max_value=2 * RATE_SCALE),
)
def test_scaling_matches_exact_decimal_arithmetic(fen: int, ppm: int) -> None:
    exact = Decimal(fen) * Decimal(ppm) / Decimal(RATE_SCALE)
    assert scale_money(fen, ppm, "ceil") == -((-fen * ppm) // RATE_SCALE)
    assert scale_money(fen, ppm, "floor") == (fen * ppm) // RATE_SCALE
    assert scale_money(fen, ppm, "half_up") == int(
        exact.quantize(Decimal(1), rounding="ROUND_HALF_UP")
    )


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_money_round_trips_through_its_text(fen: int) -> None:
    assert parse_money(format_money(fen)) == fen
