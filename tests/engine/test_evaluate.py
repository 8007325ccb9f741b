"""Deciding cases: the output contract, the hierarchy between levels, dates and explanations."""

import hashlib
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from innoreg.engine import evaluate_case
from innoreg.errors import InputError


def luoyang(date: str = "2024-06-30", **entities: Any) -> dict[str, Any]:
    return {"jurisdiction": "cn-ha-luoyang", "date": date, **entities}


ENTERPRISE = {
    "id": "e1",
    "sales_revenue": "80000000.00",
    "rd_expense": "500000.00",
    "above_designated_size": True,
    "industry": "C",
}
LICENCE = {
    "id": "t1",
    "holder_kind": "university",
    "state_established": True,
    "fiscally_funded": True,
    "has_reward_rules": True,
    "mode": "license",
    "net_income": "2000000.00",
    "reward_cash": "800000.00",
}


def test_the_result_has_the_public_shape_and_units() -> None:
    result = evaluate_case(luoyang(enterprises=[ENTERPRISE]))
    assert set(result) >= {"jurisdiction", "date", "pack_version", "warnings", "results"}
    values = result["results"]["e1"]
    assert values["rd_shortfall"] == "300000.00"
    assert values["rd_intensity_required"] == 0.01
    assert values["support_eligible"] is False
    assert result["pack_version"].startswith("2026.11.21+")


def test_the_unknown_luoyang_dates_are_a_warning_never_an_invented_date() -> None:
    result = evaluate_case(luoyang(enterprises=[ENTERPRISE]))
    assert any("in-force date" in w and "not recorded" in w for w in result["warnings"])


def test_the_national_floor_binds_over_luoyang_and_the_explanation_shows_both() -> None:
    result = evaluate_case(luoyang(transfers=[LICENCE]), explain=True)
    assert result["results"]["t1"]["transfer_reward_minimum"] == "1000000.00"
    assert result["results"]["t1"]["transfer_reward_compliant"] is False
    assert result["results"]["t1"]["transfer_reward_shortfall"] == "200000.00"
    levels = result["explanations"]["t1"]["transfer_reward_minimum"]["levels"]
    by_level = {level["level"]: level for level in levels}
    assert by_level["cn"]["value"] == "1000000.00" and by_level["cn"]["binding"] is True
    assert by_level["cn-ha-luoyang"]["value"] == "400000.00"
    assert by_level["cn-ha-luoyang"]["binding"] is False


def test_an_explanation_quotes_the_cited_article_with_its_hash() -> None:
    result = evaluate_case(luoyang(enterprises=[ENTERPRISE]), explain=True)
    step = result["explanations"]["e1"]["rd_intensity_required"]
    citation = step["citations"][0]
    assert citation["cite"].endswith("~art_7__para_1")
    assert "1% of annual sales revenue" in citation["text"]
    assert citation["sha256"] == hashlib.sha256(citation["text"].encode()).hexdigest()
    assert step["parameters"][0]["value"] == "1 %"
    assert {i["name"] for i in step["interpretations"]} >= {"luoyang.art7.dual_route"}


def test_an_interpretation_can_be_switched_per_evaluation() -> None:
    both = dict(ENTERPRISE, high_tech=True, rd_expense="1000000.00")
    default = evaluate_case(luoyang(enterprises=[both]))["results"]["e1"]
    strict = evaluate_case(
        luoyang(enterprises=[both]), interpretations={"luoyang.art7.dual_route": "no"}
    )["results"]["e1"]
    assert default["rd_intensity_required"] == 0.01 and default["support_eligible"] is True
    assert strict["rd_intensity_required"] == 0.04 and strict["support_eligible"] is False


def test_liaoning_rules_give_nothing_before_the_act_was_in_force() -> None:
    case = {
        "jurisdiction": "cn-ln",
        "date": "2014-02-28",
        "enterprises": [dict(ENTERPRISE, high_tech=True)],
    }
    result = evaluate_case(case)
    assert result["results"]["e1"]["rd_obligation_met"] is None
    assert any("not in force on 2014-02-28" in w for w in result["warnings"])
    case["date"] = "2014-03-01"
    assert evaluate_case(case)["results"]["e1"]["rd_obligation_met"] is False


def test_a_parameter_without_a_value_on_the_date_gives_null_and_a_warning() -> None:
    result = evaluate_case(luoyang("2007-06-30", enterprises=[ENTERPRISE]))
    assert result["results"]["e1"]["rd_super_deduction"] is None
    assert result["results"]["e1"]["hightech_rd_intensity_required"] is None


@pytest.mark.parametrize(
    ("case", "field"),
    [
        (luoyang(enterprises=[dict(ENTERPRISE, rd_expense="-1.00")]), "enterprises[0].rd_expense"),
        (luoyang(enterprises=[dict(ENTERPRISE, colour="red")]), "enterprises[0].colour"),
        (luoyang(enterprises=[dict(ENTERPRISE, high_tech="yes")]), "enterprises[0].high_tech"),
        (
            luoyang(enterprises=[dict(ENTERPRISE, rd_shortfall="1.00")]),
            "enterprises[0].rd_shortfall",
        ),
        (luoyang("2024-02-30", enterprises=[ENTERPRISE]), "date"),
        ({"jurisdiction": "cn-xx", "date": "2024-06-30"}, "jurisdiction"),
        (luoyang(technology_imports=[{"id": "x"}]), "technology_imports"),
        (luoyang(enterprises=[ENTERPRISE, ENTERPRISE]), "enterprises[1].id"),
        (luoyang(transfers=[dict(LICENCE, mode="gift")]), "transfers[0].mode"),
    ],
)
def test_bad_input_is_an_error_naming_the_field(case: dict[str, Any], field: str) -> None:
    with pytest.raises(InputError) as caught:
        evaluate_case(case)
    assert caught.value.field == field


def test_an_unknown_interpretation_is_an_input_error() -> None:
    with pytest.raises(InputError) as caught:
        evaluate_case(luoyang(enterprises=[ENTERPRISE]), interpretations={"nope": "x"})
    assert caught.value.field == "interpretations.nope"


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=6,
)
FIELDS = st.sampled_from(
    [
        "sales_revenue",
        "rd_expense",
        "high_tech",
        "industry",
        "mode",
        "net_income",
        "rights_obtained_on",
        "led_national_standards",
        "kind",
        "id",
        "unknown_field",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["enterprises", "transfers", "ip_assets", "technology_imports", "other"]),
    st.dictionaries(FIELDS, JSON_VALUES, max_size=4),
    JSON_VALUES,
)
def test_any_malformed_case_is_an_input_error_or_a_decision(
    kind: str, fields: dict[str, Any], date: Any
) -> None:
    case = {"jurisdiction": "cn-ha-luoyang", "date": date, kind: [{"id": "x", **fields}]}
    try:
        result = evaluate_case(case)
    except InputError as error:
        assert error.field
    else:
        assert set(result["results"]) <= {"x"}
