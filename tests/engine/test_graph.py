import pytest

from innoreg.engine.graph import order_variables
from innoreg.errors import GraphError


def test_variables_come_after_what_they_read() -> None:
    order = order_variables(
        "enterprise",
        {"rd_expense": None, "sales_revenue": None},
        {"c": ["b", "rd_expense"], "b": ["a"], "a": ["sales_revenue"]},
    )
    assert order == ["a", "b", "c"]


def test_a_cycle_is_an_error_naming_its_variables() -> None:
    with pytest.raises(GraphError, match=r"cycle a -> b -> a") as caught:
        order_variables("enterprise", {}, {"a": ["b"], "b": ["a"]})
    assert caught.value.context["cycle"] == ["a", "b", "a"]


def test_a_missing_input_is_an_error_naming_the_variable_and_the_input() -> None:
    with pytest.raises(GraphError, match=r"enterprise.rd_shortfall needs 'revenue'"):
        order_variables("enterprise", {"rd_expense": None}, {"rd_shortfall": ["revenue"]})


def test_a_variable_may_not_shadow_an_input() -> None:
    with pytest.raises(GraphError, match="both an input and a variable"):
        order_variables("enterprise", {"rd_expense": None}, {"rd_expense": []})
