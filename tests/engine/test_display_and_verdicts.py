"""Output people can read (issue 6 section 4): values formatted in one place (money with
separators and 万元, rates as percentages, dates, quantities with their unit), one verdict line
per entity in English or Chinese, the text rendering of a decision, and the JSON that stays the
contract (money strings, rates as numbers, ``assumed``)."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from innoreg import display
from innoreg.cli.render import render_decision
from innoreg.engine import Decision, decide, evaluate_case, plan_for
from innoreg.engine.verdict import verdict_line

EXAMPLES = Path(__file__).resolve().parents[1] / "rules" / "cases" / "examples.yaml"


def shared_example(name_starts: str) -> dict[str, Any]:
    """A case of the shared worked examples, as the command line reads it (dates as text)."""
    for document in yaml.safe_load_all(EXAMPLES.read_text(encoding="utf-8")):
        if document and document["name"].startswith(name_starts):
            return json.loads(json.dumps(document["case"], default=str))
    raise LookupError(name_starts)


BEARING = shared_example("An enterprise above designated size below the 1 % line")


# Values as people read them ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "en", "zh", "zh_wan"),
    [
        ("300000.00", "300,000.00 yuan", "300,000.00元", "300,000.00元（30.00万元）"),
        ("1234567.89", "1,234,567.89 yuan", "1,234,567.89元", "1,234,567.89元（123.46万元）"),
        (
            Decimal("12345678.90"),
            "12,345,678.90 yuan",
            "12,345,678.90元",
            "12,345,678.90元（1,234.57万元）",
        ),
        ("0.05", "0.05 yuan", "0.05元", "0.05元（0.00万元）"),
        (None, "—", "—", "—"),
    ],
)
def test_money_has_thousands_separators_and_wan_yuan_in_chinese(
    value: Any, en: str, zh: str, zh_wan: str
) -> None:
    assert display.money(value) == en
    assert display.money(value, "zh") == zh
    assert display.money(value, "zh", wan=True) == zh_wan


def test_wan_yuan_is_ten_thousands_to_the_hundredth() -> None:
    assert display.wan_yuan("300000.00") == "30.00万元"
    assert display.wan_yuan("130000.00") == "13.00万元"
    assert display.wan_yuan("200000000.00") == "20,000.00万元"


@pytest.mark.parametrize(
    ("value", "en", "zh"),
    [
        (0.01, "1 %", "1%"),
        (0.0625, "6.25 %", "6.25%"),
        (0.00625, "0.625 %", "0.625%"),
        (0.75, "75 %", "75%"),
        (1.2, "120 %", "120%"),
        (0.0, "0 %", "0%"),
        (None, "—", "—"),
    ],
)
def test_rates_are_percentages(value: float | None, en: str, zh: str) -> None:
    assert display.rate(value) == en
    assert display.rate(value, "zh") == zh


def test_dates_are_written_as_each_language_writes_them() -> None:
    assert display.date("2024-10-08") == "8 October 2024"
    assert display.date(dt.date(2024, 10, 8), "zh") == "2024年10月8日"
    assert display.date(None) == "—"


def test_equity_quantities_say_their_unit() -> None:
    assert display.quantity("1666.665", "shares") == "1,666.665 shares"
    assert display.quantity("1666.665", "shares", "zh") == "1,666.665股"
    assert display.quantity("0.1665", "percent") == "0.1665 %"
    assert display.quantity("0.1665", "percent", "zh") == "0.1665%"
    assert display.quantity("500") == "500"


def test_yes_no_and_not_applicable() -> None:
    assert [display.yes_no(v) for v in (True, False)] == ["yes", "no"]
    assert [display.yes_no(v, "zh") for v in (True, False)] == ["是", "否"]
    assert display.yes_no(None) == "— (not applicable)"
    assert display.yes_no(None, "zh") == "—（不适用）"


@pytest.mark.parametrize(
    ("unit", "value", "en", "zh"),
    [
        ("money", "300000.00", "300,000.00 yuan", "300,000.00元（30.00万元）"),
        ("rate", 0.01, "1 %", "1%"),
        ("ratio", 0.00625, "0.625 %", "0.625%"),
        ("date", "2024-10-08", "8 October 2024", "2024年10月8日"),
        ("bool", False, "no", "否"),
        ("count", 3, "3", "3"),
        ("money", None, "—", "—"),
    ],
)
def test_a_result_is_shown_by_its_unit(unit: str, value: Any, en: str, zh: str) -> None:
    assert display.value(unit, value) == en
    assert display.value(unit, value, "zh") == zh


@pytest.mark.parametrize(
    ("environment", "language"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_MESSAGES": "zh_CN.UTF-8"}, "zh"),
        ({}, "en"),
    ],
)
def test_the_default_language_comes_from_the_locale_else_english(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], language: str
) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert display.default_language() == language


# One verdict line per entity ---------------------------------------------------------------------


def values_of(case: dict[str, Any], entity_id: str) -> tuple[str, Any]:
    found = decide(case).entity(entity_id)
    return found.kind, found.values


def test_the_shared_example_enterprise_gets_its_verdict_in_chinese_and_english() -> None:
    kind, values = values_of(BEARING, "luoyang-bearing")
    zh = verdict_line(kind, values, "zh")
    assert zh.startswith("不符合：尚需增加研发投入300,000.00元（30.00万元；销售收入×1%）")
    assert "研发费用加计扣除500,000.00元（50.00万元）" in zh
    en = verdict_line(kind, values, "en")
    assert en.startswith("Not eligible: 300,000.00 yuan more R&D needed (sales revenue × 1 %)")
    assert verdict_line(kind, values) == en  # English by default


def luoyang(**entities: Any) -> dict[str, Any]:
    return {
        "jurisdiction": "cn-ha-luoyang",
        "date": "2024-06-30",
        "assumptions": {"cn-ha-luoyang.in_force": "2015-01-01"},
        **entities,
    }


ENTERPRISES = [
    {
        "id": "eligible",
        "sales_revenue": "30000000.00",
        "rd_expense": "1650000.00",
        "high_tech": True,
    },
    {"id": "no-route", "sales_revenue": "1000000.00", "rd_expense": "1.00"},
    {"id": "no-revenue", "above_designated_size": True},
]
TRANSFERS = [
    {"id": "owes", "holder_kind": "university", "state_established": True, "fiscally_funded": True,
     "has_reward_rules": True, "mode": "license", "net_income": "2000000.00",
     "reward_cash": "800000.00"},
    {"id": "pays", "holder_kind": "university", "mode": "license", "net_income": "2000000.00",
     "reward_cash": "1000000.00"},
    {"id": "equity", "holder_kind": "enterprise", "mode": "equity_investment",
     "equity_total": "0.333", "reward_equity": "0.1", "equity_unit": "percent"},
    {"id": "own-rules", "holder_kind": "enterprise", "has_reward_rules": True, "mode": "license"},
    {"id": "no-mode", "holder_kind": "university"},
]  # fmt: skip
ASSETS = [
    {"id": "lapsed", "fiscally_funded": True, "rights_obtained_on": "2021-03-01",
     "implementation_conditions_met": True},
    {"id": "running", "fiscally_funded": True, "rights_obtained_on": "2022-03-01",
     "implementation_conditions_met": True},
    {"id": "unknown", "fiscally_funded": True, "implementation_conditions_met": True},
]  # fmt: skip
CITY = luoyang(enterprises=ENTERPRISES, transfers=TRANSFERS, ip_assets=ASSETS)

VERDICTS = {
    "eligible": (
        "Eligible for municipal support: R&D intensity 5.5 % reaches 5 %",
        "符合：研发投入比例5.5%，达到5%，可承担市级计划项目并享受扶持政策",
    ),
    "no-route": (
        "Not eligible: neither above designated size nor high-tech, so no ratio applies",
        "不符合：既非规模以上企业也非高新技术企业，无适用的研发投入比例",
    ),
    "no-revenue": (
        "Not eligible: without sales revenue there is no R&D ratio",
        "不符合：无销售收入，无法计算研发投入比例",
    ),
    "owes": (
        "Not compliant: 200,000.00 yuan more reward owed (minimum 1,000,000.00 yuan)",
        "不符合：尚需增加奖励200,000.00元（20.00万元）",
    ),
    "pays": (
        "Compliant: the reward reaches the statutory minimum of 1,000,000.00 yuan",
        "符合：奖励不低于法定最低标准1,000,000.00元（100.00万元）",
    ),
    "equity": (
        "Not compliant: 0.0665 % more reward owed (minimum 0.1665 %)",
        "不符合：尚需增加奖励0.0665%（法定最低0.1665%）",
    ),
    "own-rules": (
        "No statutory floor applies: the unit's own reward rules or agreement govern",
        "法定最低标准不适用：依单位规定或者与科技人员的约定",
    ),
    "no-mode": (
        "Not decided: the holder's kind or the mode of transformation is not given",
        "无法判断：未提供成果完成单位类型或转化方式",
    ),
    "lapsed": (
        "The government may implement it or license others (the period ended 1 March 2024)",
        "政府可以无偿实施或者许可他人实施（实施期限已于2024年3月1日届满）",
    ),
    "running": (
        "last day to implement 3 March 2025",
        "实施期限至2025年3月3日",
    ),
    "unknown": (
        "Not decided: a fact the answer depends on is missing (see the warnings)",
        "无法判断：缺少所需事实（见提示）",
    ),
}


@pytest.mark.parametrize("entity_id", VERDICTS)
def test_each_entity_gets_a_verdict_line_in_both_languages(entity_id: str) -> None:
    decision = decide(CITY)
    found = decision.entity(entity_id)
    en, zh = VERDICTS[entity_id]
    assert en in verdict_line(found.kind, found.values, "en")
    assert zh in verdict_line(found.kind, found.values, "zh")


@pytest.mark.parametrize(
    ("row", "en", "zh"),
    [
        ({"id": "i1", "high_pollution": True}, "Import prohibited", "禁止引进"),
        ({"id": "i2", "developed_domestically": True}, "Import restricted", "限制引进"),
        ({"id": "i3"}, "Neither prohibited nor restricted", "不属于禁止或限制引进"),
    ],
)
def test_a_technology_import_gets_its_verdict(row: dict[str, Any], en: str, zh: str) -> None:
    kind, values = values_of(
        {"jurisdiction": "liaoning", "date": "2024-06-30", "technology_imports": [row]}, row["id"]
    )
    assert verdict_line(kind, values) == en and verdict_line(kind, values, "zh") == zh


def test_a_liaoning_enterprise_gets_its_obligation_in_the_verdict() -> None:
    case = {
        "jurisdiction": "liaoning",
        "date": "2024-06-30",
        "enterprises": [
            {"id": "met", "high_tech": True, "sales_revenue": "100000000.00",
             "rd_expense": "5000000.00", "industry": "C"},
            {"id": "short", "high_tech": True, "sales_revenue": "100000000.00",
             "rd_expense": "1000000.00", "industry": "C"},
        ],
    }  # fmt: skip
    kind, met = values_of(case, "met")
    assert verdict_line(kind, met).startswith("R&D obligation met")
    assert verdict_line(kind, met, "zh").startswith("研发投入达到规定比例")
    kind, short = values_of(case, "short")
    assert verdict_line(kind, short, "zh").startswith("研发投入未达到规定比例")


def test_an_entity_kind_without_a_verdict_says_so() -> None:
    assert verdict_line("something_else", {}) == "No decision to summarise"
    assert verdict_line("something_else", {}, "zh") == "无可概括的结论"


# A decision as text ------------------------------------------------------------------------------


def test_a_decision_in_chinese_has_chinese_labels_money_rates_dates_and_verdicts() -> None:
    text = render_decision(decide(CITY), "zh")
    assert text.startswith("洛阳市（cn-ha-luoyang），适用2024年6月30日施行的法律\n")
    assert "假定（案件未提供）：" in text and "cn-ha-luoyang.in_force=2015-01-01" in text
    assert "结论：符合：研发投入比例5.5%，达到5%" in text
    assert re.search(
        r"达到扶持条件尚需增加的研发投入\s+0\.00元（0\.00万元）\s+\[rd_shortfall\]", text
    )
    assert re.search(r"研究开发费用占销售收入比例\s+5\.5%\s+\[rd_intensity\]", text)
    assert re.search(r"实施期限届满日\s+2024年3月1日\s+\[implementation_deadline\]", text)
    assert re.search(r"应给予的最低现金奖励\s+1,000,000\.00元（100\.00万元）", text)
    assert re.search(r"政府可以无偿实施或许可他人实施\s+是\s+\[government_may_implement\]", text)
    assert "！ unknown：未提供 rights_obtained_on（取得权利之日）" in text
    assert "Verdict" not in text and "yuan" not in text


def test_a_decision_in_english_has_english_labels_money_rates_and_dates() -> None:
    text = render_decision(decide(CITY), "en")
    assert text.startswith("Luoyang Municipality (cn-ha-luoyang), law in force on 30 June 2024\n")
    assert "Assumed (not given in the case):" in text
    assert "Verdict: Eligible for municipal support" in text
    assert re.search(r"Extra R&D expense needed for support\s+0\.00 yuan\s+\[rd_shortfall\]", text)
    assert re.search(r"R&D intensity\s+5\.5 %\s+\[rd_intensity\]", text)
    assert re.search(r"\s1 March 2024\s+\[implementation_deadline\]", text)
    assert "! unknown: rights_obtained_on is not given" in text
    assert "结论" not in text and "元" not in text.split("\n", 2)[2].split("Verdict")[0]


def test_the_chinese_warnings_of_a_decision_are_chinese() -> None:
    text = render_decision(decide({"jurisdiction": "洛阳", "date": "2013-06-30"}), "zh")
    assert "！ 《洛阳市科学技术进步条例》在2013年6月30日未施行：其规则不作判断" in text


def test_the_explanation_in_chinese_reads_the_citation_as_chinese_law_is_cited() -> None:
    text = render_decision(decide(luoyang(transfers=TRANSFERS[:1]), explain=True), "zh")
    assert "依据 促进科技成果转化法 第四十五条: “" in " ".join(text.split())
    assert "依据 洛阳市科学技术进步条例 第十三条第一款" in text


# The JSON stays the contract ---------------------------------------------------------------------

MONEY = re.compile(r"^\d+\.\d{2}$")
QUANTITY = re.compile(r"^\d+(\.\d{1,6})?$")


def test_decide_is_typed_and_its_dict_is_the_public_json() -> None:
    decision = decide(CITY)
    assert isinstance(decision, Decision)
    document = decision.to_dict()
    assert document == evaluate_case(CITY)
    assert list(document) == [
        "jurisdiction", "date", "pack_version", "interpretations", "warnings", "assumed",
        "results",
    ]  # fmt: skip
    assert json.loads(json.dumps(document, ensure_ascii=False)) == document
    assert decision.warnings == tuple(n.en for n in decision.notices)
    assert document["warnings"] == list(decision.warnings)


def test_the_json_keeps_money_as_strings_rates_as_numbers_dates_as_iso_and_lists_assumed() -> None:
    decision = decide(CITY)
    document = decision.to_dict()
    assert document["date"] == "2024-06-30"
    assert all(isinstance(a, str) and "=" in a for a in document["assumed"])
    assert "cn-ha-luoyang.in_force=2015-01-01" in document["assumed"]
    assert "no-route.high_tech=false" in document["assumed"]
    assert all(isinstance(w, str) for w in document["warnings"])
    plan = plan_for("cn-ha-luoyang", dt.date(2024, 6, 30))
    plan_units = {v.spec.name: v.spec.unit for e in plan.entities.values() for v in e.variables}
    for entity_id, values in document["results"].items():
        for name, value in values.items():
            if value is None:
                continue
            unit = plan_units[name]
            where = f"{entity_id}.{name} = {value!r}"
            if unit == "money":
                assert isinstance(value, str) and MONEY.match(value), where
            elif unit == "quantity":
                assert isinstance(value, str) and QUANTITY.match(value), where
            elif unit in ("rate", "ratio"):
                assert isinstance(value, float | int) and not isinstance(value, bool), where
            elif unit == "date":
                assert dt.date.fromisoformat(value).isoformat() == value, where
            elif unit == "bool":
                assert isinstance(value, bool), where
    bearing = decide(BEARING).to_dict()["results"]["luoyang-bearing"]
    assert bearing["rd_shortfall"] == "300000.00"
    assert bearing["rd_intensity_required"] == 0.01 and bearing["rd_intensity"] == 0.00625


def test_an_explained_decision_carries_its_explanations_in_the_json() -> None:
    document = decide(BEARING, explain=True).to_dict()
    assert list(document)[-1] == "explanations"
    step = document["explanations"]["luoyang-bearing"]["rd_shortfall"]
    assert step["value"] == "300000.00" and step["unit"] == "money"


# Reported defects (issue 6), each with its reproduction -----------------------------------------


@pytest.mark.parametrize(
    "asset",
    [
        {"id": "done", "fiscally_funded": True, "rights_obtained_on": "2018-01-15",
         "implemented_on": "2020-05-01", "implementation_conditions_met": True},
        {"id": "private", "fiscally_funded": False, "rights_obtained_on": "2021-03-01"},
    ],
    ids=["implemented in time", "not fiscally funded"],
)  # fmt: skip
def test_an_asset_whose_period_has_ended_is_not_said_to_be_not_yet_in_power(
    asset: dict[str, Any],
) -> None:
    """On 2024-06-30 a patent implemented within its period (ended 15 January 2021) gets
    "Not (yet) within the government's power; last day to implement 15 January 2021" /
    「政府尚不可实施；实施期限至2021年1月15日」: the period is over and the power will never
    arise. (``verdict_line`` sees the values but not the case's date; the rendering has both.)"""
    decision = decide(luoyang(ip_assets=[asset]))
    found = decision.entity(asset["id"])
    assert found.values["government_may_implement"] is False
    deadline = found.values["implementation_deadline"]
    assert deadline is not None and deadline < "2024-06-30"
    en = " ".join(render_decision(decision, "en").split("Verdict: ", 1)[1].split("\n  ")[0].split())
    zh = render_decision(decision, "zh").split("结论：", 1)[1].split("\n")[0]
    assert "yet" not in en and "last day to implement" not in en, en
    assert "尚" not in zh and "实施期限至" not in zh, zh
