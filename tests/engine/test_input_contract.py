"""Strict input, nothing guessed silently (issue 6 section 2), below the command line: case text
read strictly (duplicate keys with their line, dates as text until their field reads them),
population columns checked, defaults listed as assumed, needed facts null with a warning, and
what people type accepted — integer ids, 是/否, Chinese option terms, jurisdiction aliases —
with the nearest valid name suggested for what is not."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from innoreg.engine import decide, evaluate_case
from innoreg.engine.case_text import parse_case_text
from innoreg.engine.population import evaluate_population, stream_population
from innoreg.errors import InputError

DATE = dt.date(2024, 6, 30)
ENTERPRISE = {"id": "e1", "sales_revenue": "80000000.00", "rd_expense": "500000.00"}


def luoyang(**entities: Any) -> dict[str, Any]:
    return {"jurisdiction": "cn-ha-luoyang", "date": "2024-06-30", **entities}


def refused(case: Any, **options: Any) -> InputError:
    with pytest.raises(InputError) as caught:
        evaluate_case(case, **options)
    return caught.value


def unreadable(text: str, name: str) -> InputError:
    with pytest.raises(InputError) as caught:
        parse_case_text(text, name=name)
    return caught.value


# Duplicate keys ---------------------------------------------------------------------------------

YAML_TWICE = """\
jurisdiction: cn-ha-luoyang
date: 2024-06-30
enterprises:
  - id: e1
    rd_expense: "500000.00"
    sales_revenue: "80000000.00"
    rd_expense: "900000.00"
"""


def test_a_key_given_twice_in_yaml_is_an_error_naming_the_key_and_its_line() -> None:
    error = unreadable(YAML_TWICE, "case.yaml")
    assert error.field == "rd_expense" and error.rule == "no duplicate keys"
    assert "key 'rd_expense' is given twice (line 7)" in error.message
    assert error.detail_zh is not None and "'rd_expense' 重复出现" in error.detail_zh


def test_a_top_level_key_given_twice_in_yaml_names_its_line() -> None:
    error = unreadable("jurisdiction: cn-ln\ndate: 2024-06-30\ndate: 2023-06-30\n", "case.yaml")
    assert error.field == "date" and "(line 3)" in error.message


JSON_TWICE = """{
  "jurisdiction": "cn-ha-luoyang",
  "date": "2024-06-30",
  "transfers": [
    {"id": "t1", "mode": "license",
     "mode": "transfer"}
  ]
}"""


def test_a_key_given_twice_in_json_is_an_error_naming_the_key_and_its_line() -> None:
    error = unreadable(JSON_TWICE, "case.json")
    assert error.field == "mode" and error.rule == "no duplicate keys"
    assert "key 'mode' is given twice (line 6)" in error.message


def test_the_same_key_in_two_entities_is_not_a_duplicate() -> None:
    text = "jurisdiction: luoyang\ndate: 2024-06-30\nenterprises:\n  - {id: a}\n  - {id: b}\n"
    assert parse_case_text(text, name="case.yaml")["enterprises"] == [{"id": "a"}, {"id": "b"}]


# Dates inside the file --------------------------------------------------------------------------


def test_yaml_dates_stay_text_until_their_field_reads_them() -> None:
    case = parse_case_text("jurisdiction: luoyang\ndate: 2024-06-30\n", name="case.yaml")
    assert case == {"jurisdiction": "luoyang", "date": "2024-06-30"}


@pytest.mark.parametrize(
    ("text", "field", "words"),
    [
        (
            "ip_assets:\n  - {id: 1, rights_obtained_on: 2021-13-01}\n",
            "ip_assets[0].rights_obtained_on",
            "2021-13-01 is not a date",
        ),
        (
            "ip_assets:\n  - {id: 1, implemented_on: 2021-02-29}\n",
            "ip_assets[0].implemented_on",
            "2021-02-29 is not a date",
        ),
        (
            "ip_assets:\n  - {id: 1, rights_obtained_on: 2021-03-01T10:00:00}\n",
            "ip_assets[0].rights_obtained_on",
            "is not a date",
        ),
        (
            "assumptions: {cn-ha-luoyang.in_force: 2015-13-01}\n",
            "assumptions.cn-ha-luoyang.in_force",
            "2015-13-01 is not a date",
        ),
    ],
)
def test_a_bad_date_inside_the_file_names_its_field(text: str, field: str, words: str) -> None:
    case = parse_case_text(f"jurisdiction: luoyang\ndate: 2024-06-30\n{text}", name="case.yaml")
    error = refused(case)
    assert error.field == field and words in error.message
    assert error.detail_zh is not None and "不是日期" in error.detail_zh


def test_a_bad_case_date_in_the_file_names_the_date() -> None:
    error = refused(parse_case_text("jurisdiction: luoyang\ndate: 2024-02-30\n", name="c.yaml"))
    assert error.field == "date" and "2024-02-30 is not a date" in error.message


# Populations: the columns are the contract ------------------------------------------------------


def test_a_population_with_unknown_columns_is_refused_naming_them_all() -> None:
    frame = pl.DataFrame(
        {"id": ["a"], "sales_revenu": ["1.00"], "rd_expense": ["1.00"], "district": ["x"]}
    )
    with pytest.raises(InputError) as caught:
        evaluate_population(frame, jurisdiction="cn-ha-luoyang", date=DATE)
    error = caught.value
    assert error.field == "sales_revenu"
    assert "did you mean 'sales_revenue'?" in error.message
    assert "unknown columns: sales_revenu, district" in error.message
    assert "keep=" in error.message


def test_columns_passed_through_with_keep_come_back_unchanged() -> None:
    frame = pl.DataFrame(
        {"id": ["a", "b"], "rd_expense": ["1.00", "2.00"], "district": ["x", "y"], "size": [1, 2]}
    )
    decided = evaluate_population(
        frame, jurisdiction="luoyang", date=DATE, keep=["district", "size"]
    )
    assert decided.frame["district"].to_list() == ["x", "y"]
    assert decided.frame["size"].to_list() == [1, 2]
    assert "support_eligible" in decided.frame.columns


def test_a_computed_variable_given_as_a_column_is_refused() -> None:
    frame = pl.DataFrame({"id": ["a"], "rd_shortfall": ["1.00"]})
    with pytest.raises(InputError) as caught:
        evaluate_population(frame, jurisdiction="luoyang", date=DATE)
    assert caught.value.field == "rd_shortfall"
    assert "computed, not given" in caught.value.message


def test_a_streamed_population_refuses_unknown_columns_too(tmp_path: Path) -> None:
    source = tmp_path / "in.parquet"
    pl.DataFrame({"id": ["a"], "rd_expens": ["1.00"]}).write_parquet(source)
    with pytest.raises(InputError) as caught:
        stream_population(
            pl.scan_parquet(source), tmp_path / "out.parquet", jurisdiction="cn-ln", date=DATE
        )
    assert caught.value.field == "rd_expens" and "'rd_expense'" in caught.value.message


def test_a_population_lists_the_columns_it_left_out_as_assumed() -> None:
    frame = pl.DataFrame({"id": ["a"], "rd_expense": ["1.00"], "industry": ["C"]})
    decided = evaluate_population(frame, jurisdiction="luoyang", date=DATE)
    assert "fiscal_year=2024 (no column)" in decided.assumed
    assert "high_tech=false (no column)" in decided.assumed
    assert not any(a.startswith(("rd_expense=", "industry=")) for a in decided.assumed)
    assert not any(a.startswith("rd_expense_q4") for a in decided.assumed)  # optional
    shown = repr(decided)
    assert shown.startswith("PopulationResult(1 rows") and "assumed" in shown and len(shown) < 200


def test_a_population_row_without_a_needed_fact_is_null_and_the_rows_are_counted() -> None:
    assets = pl.DataFrame(
        {
            "id": ["a", "b", "c"],
            "fiscally_funded": [True, True, True],
            "implementation_conditions_met": [True, True, True],
            "rights_obtained_on": [dt.date(2021, 3, 1), None, None],
        }
    )
    decided = evaluate_population(
        assets,
        jurisdiction="luoyang",
        date=DATE,
        entity="ip_asset",
        assumptions={"cn-ha-luoyang.in_force": dt.date(2015, 1, 1)},
    )
    deadlines = decided.frame["implementation_deadline"].to_list()
    assert deadlines == [dt.date(2024, 3, 1), None, None]
    assert decided.frame["government_may_implement"].to_list() == [True, None, None]
    assert any(w.startswith("2 rows: rights_obtained_on is not given") for w in decided.warnings)


# What was assumed -------------------------------------------------------------------------------


def test_the_fiscal_year_default_follows_the_case_date_and_is_listed() -> None:
    case = {"jurisdiction": "cn", "date": "2023-05-31", "enterprises": [dict(ENTERPRISE)]}
    decided = evaluate_case({**case, "enterprises": [dict(ENTERPRISE, industry="I")]})
    assert "e1.fiscal_year=2023" in decided["assumed"]
    given = evaluate_case(
        {**case, "enterprises": [dict(ENTERPRISE, industry="I", fiscal_year=2022)]}
    )
    assert not any(a.startswith("e1.fiscal_year") for a in given["assumed"])


def test_a_default_is_listed_only_where_some_result_rests_on_it() -> None:
    national = evaluate_case(
        {
            "jurisdiction": "cn",
            "date": "2024-06-30",
            "enterprises": [dict(ENTERPRISE, industry="C")],
        }
    )
    # no national variable reads the high-tech certificate or the standards an enterprise led
    assert not any(a.startswith(("e1.high_tech=", "e1.led_")) for a in national["assumed"])
    city = evaluate_case(luoyang(enterprises=[dict(ENTERPRISE, industry="C")]))
    assert "e1.high_tech=false" in city["assumed"]
    assert "e1.led_national_standards=0" in city["assumed"]


def test_optional_and_needed_inputs_are_never_listed_as_assumed() -> None:
    decided = evaluate_case(luoyang(enterprises=[dict(ENTERPRISE)]))
    assumed = decided["assumed"]
    assert not any(a.startswith(("e1.rd_expense_q4", "e1.sales_revenue_3y")) for a in assumed)
    assert not any(a.startswith("e1.industry") for a in assumed)  # needed: a warning instead
    assert any(w.startswith("e1: industry is not given") for w in decided["warnings"])


# Needed facts -----------------------------------------------------------------------------------


def test_a_transfer_without_its_mode_has_null_floors_and_a_warning_naming_the_mode() -> None:
    decision = decide(
        luoyang(transfers=[{"id": "t1", "holder_kind": "university", "net_income": "100.00"}])
    )
    values = decision.results["t1"]
    assert values["transfer_reward_minimum"] is None
    assert values["transfer_reward_compliant"] is None
    assert values["transfer_reward_basis"] == "facts_missing"
    (notice,) = [n for n in decision.notices if n.en.startswith("t1: mode is not given")]
    assert "transfer_reward_minimum" in notice.en
    assert notice.zh.startswith("t1：未提供 mode（转化方式）")


def test_an_asset_without_the_day_its_right_was_obtained_has_no_deadline_and_a_warning() -> None:
    decided = evaluate_case(
        luoyang(
            assumptions={"cn-ha-luoyang.in_force": "2015-01-01"},
            ip_assets=[
                {"id": "p1", "fiscally_funded": True, "implementation_conditions_met": "是"}
            ],
        )
    )
    assert decided["results"]["p1"]["implementation_deadline"] is None
    assert decided["results"]["p1"]["government_may_implement"] is None
    assert any(w.startswith("p1: rights_obtained_on is not given") for w in decided["warnings"])


# What people type -------------------------------------------------------------------------------


def test_integer_ids_are_accepted_and_come_back_as_text() -> None:
    decided = evaluate_case(luoyang(enterprises=[dict(ENTERPRISE, id=7)], transfers=[{"id": 8}]))
    assert set(decided["results"]) == {"7", "8"}


@pytest.mark.parametrize("bad", [True, 1.5, "", "  ", None, ["a"]])
def test_an_id_that_is_not_text_or_a_whole_number_is_refused(bad: Any) -> None:
    error = refused(luoyang(enterprises=[dict(ENTERPRISE, id=bad)]))
    assert error.field == "enterprises[0].id"


def test_an_integer_id_and_the_same_id_as_text_are_the_same_id() -> None:
    error = refused(luoyang(enterprises=[dict(ENTERPRISE, id=7)], transfers=[{"id": "7"}]))
    assert error.field == "transfers[0].id" and "used twice" in error.message


def test_shi_and_fou_are_true_and_false() -> None:
    typed = evaluate_case(
        luoyang(enterprises=[dict(ENTERPRISE, above_designated_size="是", high_tech="否")])
    )
    coded = evaluate_case(
        luoyang(enterprises=[dict(ENTERPRISE, above_designated_size=True, high_tech=False)])
    )
    assert typed["results"] == coded["results"]
    assert "e1.high_tech=false" not in typed["assumed"]  # given, as 否


TRANSFERS_IN_CHINESE = [
    {"id": "t1", "holder_kind": "高等院校", "mode": "许可", "fiscally_funded": "是"},
    {"id": "t2", "holder_kind": "科研机构", "mode": "转让", "fiscally_funded": "是"},
    {"id": "t3", "holder_kind": "企业", "mode": "作价投资", "equity_total": "1000"},
]
TRANSFERS_IN_CODES = [
    {"id": "t1", "holder_kind": "university", "mode": "license", "fiscally_funded": True},
    {"id": "t2", "holder_kind": "research_institute", "mode": "transfer", "fiscally_funded": True},
    {"id": "t3", "holder_kind": "enterprise", "mode": "equity_investment", "equity_total": "1000"},
]


def test_the_chinese_terms_of_options_decide_as_their_codes() -> None:
    income = {"net_income": "1000000.00", "reward_cash": "100000.00"}
    typed = evaluate_case(luoyang(transfers=[{**t, **income} for t in TRANSFERS_IN_CHINESE]))
    coded = evaluate_case(luoyang(transfers=[{**t, **income} for t in TRANSFERS_IN_CODES]))
    assert typed["results"] == coded["results"]
    assert typed["results"]["t1"]["transfer_reward_minimum"] == "500000.00"
    assert typed["results"]["t3"]["transfer_equity_reward_minimum"] == "500"
    patent = {"id": "p1", "fiscally_funded": True, "rights_obtained_on": "2021-03-01"}
    assert (
        evaluate_case(luoyang(ip_assets=[{**patent, "kind": "专利"}]))["results"]
        == evaluate_case(luoyang(ip_assets=[{**patent, "kind": "patent"}]))["results"]
    )


@pytest.mark.parametrize(
    ("field", "typed", "code"),
    [
        ("mode", "licence", "license"),
        ("mode", "许可使用", "license"),
        ("holder_kind", "高校", "university"),
        ("holder_kind", "University", "university"),
        ("equity_unit", "%", "percent"),
    ],
)
def test_other_words_people_use_for_an_option_are_accepted(
    field: str, typed: str, code: str
) -> None:
    def decided(value: str) -> Any:
        transfer = {"id": "t1", "holder_kind": "university", "mode": "license", field: value}
        return evaluate_case(luoyang(transfers=[transfer]))["results"]

    assert decided(typed) == decided(code)


@pytest.mark.parametrize(
    ("entity", "field", "typed", "nearest"),
    [
        ("transfers", "holder_kind", "univrsity", "university"),
        ("transfers", "mode", "许可证", "许可"),
        ("transfers", "mode", "licenses", "license"),
        ("ip_assets", "kind", "patnet", "patent"),
    ],
)
def test_an_unknown_option_suggests_the_nearest(
    entity: str, field: str, typed: str, nearest: str
) -> None:
    error = refused(luoyang(**{entity: [{"id": "x", field: typed}]}))
    assert error.field == f"{entity}[0].{field}"
    assert f"did you mean {nearest!r}?" in error.message
    assert error.detail_zh is not None and f"是否是指 {nearest!r}" in error.detail_zh


@pytest.mark.parametrize(
    ("row", "field", "nearest"),
    [
        ({"id": "e1", "sales_revenu": "1.00"}, "sales_revenu", "sales_revenue"),
        ({"id": "e1", "hightech": True}, "hightech", "high_tech"),
        ({"id": "e1", "fiscal_yaer": 2023}, "fiscal_yaer", "fiscal_year"),
    ],
)
def test_an_unknown_field_suggests_the_nearest(
    row: dict[str, Any], field: str, nearest: str
) -> None:
    error = refused(luoyang(enterprises=[row]))
    assert error.field == f"enterprises[0].{field}"
    assert f"did you mean {nearest!r}?" in error.message
    assert error.detail_zh is not None and nearest in error.detail_zh


def test_an_unknown_entity_kind_suggests_the_nearest() -> None:
    error = refused(luoyang(enterprise=[ENTERPRISE]))
    assert error.field == "enterprise" and "did you mean 'enterprises'?" in error.message


@pytest.mark.parametrize(
    ("alias", "code"),
    [
        ("luoyang", "cn-ha-luoyang"),
        ("Luoyang", "cn-ha-luoyang"),
        ("洛阳", "cn-ha-luoyang"),
        ("洛阳市", "cn-ha-luoyang"),
        ("liaoning", "cn-ln"),
        ("辽宁省", "cn-ln"),
        ("national", "cn"),
    ],
)
def test_a_case_may_name_its_jurisdiction_by_an_alias(alias: str, code: str) -> None:
    by_alias = evaluate_case({"jurisdiction": alias, "date": "2024-06-30"})
    assert by_alias["jurisdiction"] == code
    assert by_alias == evaluate_case({"jurisdiction": code, "date": "2024-06-30"})


def test_an_unknown_jurisdiction_suggests_the_nearest_and_lists_the_aliases() -> None:
    error = refused({"jurisdiction": "luoyng", "date": "2024-06-30"})
    assert error.field == "jurisdiction" and "did you mean 'luoyang'?" in error.message
    assert "洛阳" in error.message and "liaoning" in error.message


# Every invalid value names its field, in both languages -----------------------------------------


@pytest.mark.parametrize(
    ("row", "field", "zh"),
    [
        ({"rd_expense": "-1.00"}, "rd_expense", "不得为负数"),
        ({"high_tech": "maybe"}, "high_tech", "应为是或否"),
        ({"fiscal_year": 1800}, "fiscal_year", "1949至2100"),
        ({"led_national_standards": "two"}, "led_national_standards", "应为整数"),
        ({"industry": "Z9"}, "industry", "不是国民经济行业代码"),
    ],
)
def test_an_invalid_value_names_its_field_and_says_why_in_chinese(
    row: dict[str, Any], field: str, zh: str
) -> None:
    error = refused(luoyang(enterprises=[{"id": "e1", **row}]))
    assert error.field == f"enterprises[0].{field}"
    assert error.detail_zh is not None and zh in error.detail_zh
    assert error.in_language("zh").startswith(f"enterprises[0].{field}：")


def test_an_equity_quantity_more_exact_than_a_millionth_is_refused() -> None:
    error = refused(luoyang(transfers=[{"id": "t1", "equity_total": "0.1234567"}]))
    assert error.field == "transfers[0].equity_total" and "six decimals" in error.message


@pytest.mark.parametrize(
    ("column", "values"),
    [
        ("rd_expense", ["1.234"]),  # a cast would drop the third decimal
        ("rd_expense", ["abc"]),
        ("rd_expense", [Decimal("1.234")]),
        ("rd_expense", [0.125]),
        ("fiscal_year", [2200]),
    ],
    ids=[
        "three decimals as text",
        "text",
        "three decimals",
        "a float with a third decimal",
        "a year",
    ],
)
def test_a_population_refuses_what_a_case_refuses_instead_of_truncating(
    column: str, values: list[object]
) -> None:
    import polars as pl

    from innoreg.engine.population import evaluate_population

    frame = pl.DataFrame({"id": ["a"] * len(values), column: values})
    with pytest.raises(InputError) as raised:
        evaluate_population(frame, jurisdiction="luoyang", date=dt.date(2024, 6, 30))
    assert raised.value.field == column


def test_a_population_reads_money_as_people_write_it() -> None:
    import polars as pl

    from innoreg.engine.population import evaluate_population

    frame = pl.DataFrame({"id": ["a", "b"], "rd_expense": [" 7.00 ", "1,234.50"]})
    result = evaluate_population(frame, jurisdiction="luoyang", date=dt.date(2024, 6, 30))
    assert [str(v) for v in result.frame["rd_expense"]] == ["7.00", "1234.50"]


def test_an_amount_far_too_large_is_an_error_not_an_overflow() -> None:
    with pytest.raises(InputError) as raised:
        evaluate_case(luoyang(enterprises=[{"id": "e1", "rd_expense": "1E1000000"}]))
    assert raised.value.field == "enterprises[0].rd_expense"
