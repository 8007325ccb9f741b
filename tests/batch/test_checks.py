"""Bad rows are found by the case contract: a value is refused exactly when a case refuses it,
with the same reason, its row, id and column."""

from decimal import Decimal

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from innoreg.batch.checks import check_rows
from innoreg.engine.plan import EntityPlan, plan_for

from .conftest import DATE


@pytest.fixture(scope="module")
def enterprise() -> EntityPlan:
    return plan_for("luoyang", DATE).entities["enterprise"]


def test_each_bad_value_is_reported_with_its_row_id_column_and_reason(
    enterprise: EntityPlan,
) -> None:
    frame = pl.DataFrame(
        {
            "id": ["a", "b", "c", None],
            "sales_revenue": ["1.234", "abc", " 7.00 ", "-5"],
            "high_tech": ["是", "maybe", "false", "True"],
            "industry": ["C", "c16", "manufacturing", "R90"],
            "fiscal_year": [2024, 2300, None, 2023],
        }
    )
    checked = check_rows(frame, enterprise, first_row=10)
    found = {(r["row"], r["column"]): r for r in checked.problems.iter_rows(named=True)}
    assert set(found) == {
        (10, "sales_revenue"),
        (11, "sales_revenue"),
        (11, "high_tech"),
        (11, "fiscal_year"),
        (12, "industry"),
        (13, "id"),
        (13, "sales_revenue"),
    }
    assert "more than two decimals" in found[10, "sales_revenue"]["problem"]
    assert found[11, "sales_revenue"]["id"] == "b"
    assert found[11, "high_tech"]["value"] == "maybe"
    assert checked.frame["sales_revenue"][2] == Decimal("7.00")  # spaces, as a case allows
    assert checked.frame["industry"].to_list()[:2] == ["C", "C16"]


def test_typed_columns_pass_when_in_range(enterprise: EntityPlan) -> None:
    frame = pl.DataFrame(
        {
            "sales_revenue": pl.Series([Decimal("1.50"), None], dtype=pl.Decimal(20, 2)),
            "rd_expense": [3, 4],
            "high_tech": [True, None],
            "led_national_standards": [0, -1],
        }
    )
    problems = check_rows(frame, enterprise, first_row=1).problems
    assert problems.select("row", "column").rows() == [(2, "led_national_standards")]


amounts = st.one_of(
    st.sampled_from(["1E1000000", "-0", "+5", "0.10", "1e3", "١٢"]),
    st.decimals(min_value=-10, max_value=10**16, places=3).map(str),
    st.decimals(min_value=0, max_value=10**6, places=2).map(lambda d: f" {d} "),
    st.floats(allow_nan=True, allow_infinity=True, width=64).map(repr),
    st.text(alphabet="0123456789.,-+eE ", max_size=12),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(amounts, min_size=1, max_size=8))
def test_an_amount_passes_exactly_when_a_case_accepts_it(texts: list[str]) -> None:
    enterprise = plan_for("luoyang", DATE).entities["enterprise"]
    spec = enterprise.inputs["rd_expense"]
    checked = check_rows(pl.DataFrame({"rd_expense": texts}), enterprise, first_row=1)
    refused = set(checked.problems["row"].to_list())
    for row, text in enumerate(texts, start=1):
        try:
            fen = spec.coerce(text)
        except (ValueError, ArithmeticError):  # Overflow: see the report on parse_money
            assert row in refused, text
            continue
        assert row not in refused, text
        assert checked.frame["rd_expense"][row - 1] == Decimal(fen) / 100
