"""Issue 6 section 1, where a YAML case cannot say it: what explanations say about the two dates
of a notice (1.1), an act's in-force date recorded or assumed and shown (1.3), the readings made
explicit (1.7) and warnings that are consistent and said once (1.8). The values themselves are
YAML cases (cases/cn/super_deduction.yaml, unused_ip.yaml, cn-ha-luoyang/art_13.yaml, art_14.yaml,
cn/transfer_rewards_art_45.yaml) and law quotes are test_law_quotes.py."""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl
import pytest

from innoreg.engine import decide, evaluate_case
from innoreg.engine.population import evaluate_population
from innoreg.errors import InputError
from innoreg.law import load_act
from innoreg.rules.registry import registry

LUOYANG = "cn-ha-luoyang"
ENTERPRISE = {
    "id": "e1",
    "sales_revenue": "80000000.00",
    "rd_expense": "500000.00",
    "above_designated_size": True,
    "industry": "C",
}
LICENCE = {"id": "t1", "holder_kind": "university", "mode": "license", "net_income": "100.00"}
PATENT = {"id": "p1", "kind": "patent", "fiscally_funded": True, "rights_obtained_on": "2012-01-01"}


def fiscal_2022(date: str) -> dict[str, Any]:
    return {
        "jurisdiction": "cn",
        "date": date,
        "enterprises": [{"id": "e1", "rd_expense": "1200000.00", "industry": "I"}],
    }


# 1.1 The tax year is not the date of the law ---------------------------------------------------


def test_the_explanation_names_the_notice_and_its_issue_date_for_each_part_of_fiscal_2022() -> None:
    step = evaluate_case(fiscal_2022("2022-12-31"), explain=True)["explanations"]["e1"][
        "rd_super_deduction"
    ]
    assert step["value"] == "975000.00"
    periods = [(p["from"], p["to"]) for p in step["periods"] if "from" in p]
    assert periods == [("2022-01-01", "2022-09-30"), ("2022-10-01", "2022-12-31")]
    rates = [p["parameters"]["cn.super_deduction.general_rate"] for p in step["periods"]]
    assert rates == ["75 %", "100 %"]
    general = {
        (p["since"], p["until"]): p
        for p in step["parameters"]
        if p["name"] == "cn.super_deduction.general_rate"
    }
    fourth_quarter = general[("2022-10-01", "2022-12-31")]
    assert fourth_quarter["value"] == "100 %" and fourth_quarter["issued"] == "2022-09-22"
    assert "2022年第28号" in fourth_quarter["reference"]
    first_nine_months = general[("2021-01-01", "2023-12-31")]
    assert first_nine_months["value"] == "75 %" and first_nine_months["issued"] == "2021-03-15"
    assert "2021年第6号" in first_nine_months["reference"]
    (reading,) = step["interpretations"]
    assert reading["name"] == "cn.super_deduction.fourth_quarter_split"
    assert reading["reads"] == "mof-sat-most-2022-28#art_2"


def test_decided_before_2022_no_28_was_issued_the_explanation_knows_only_the_75_percent() -> None:
    step = evaluate_case(fiscal_2022("2022-06-30"), explain=True)["explanations"]["e1"][
        "rd_super_deduction"
    ]
    assert step["value"] == "900000.00"
    assert [(p["from"], p["to"]) for p in step["periods"]] == [("2022-01-01", "2022-12-31")]
    assert not any("2022年第28号" in p["reference"] for p in step["parameters"])


def test_the_text_explanation_says_which_notice_issued_when_set_the_rate() -> None:
    from innoreg.cli.render import render_decision

    text = " ".join(render_decision(decide(fiscal_2022("2022-12-31"), explain=True)).split())
    assert "2022-10-01 – 2022-12-31: general_rate 100 %" in text
    assert "财政部 税务总局 科技部公告2022年第28号 art. 2" in text
    assert "issued 2022-09-22" in text


def test_a_population_applies_the_months_share_of_fiscal_2022_as_a_case_does() -> None:
    frame = pl.DataFrame({"id": ["e1"], "rd_expense": ["1200000.00"], "industry": ["I"]})
    decided = evaluate_population(frame, jurisdiction="cn", date=dt.date(2022, 12, 31))
    assert [str(v) for v in decided.frame["rd_super_deduction"].to_list()] == ["975000.00"]
    assert "fiscal_year=2022 (no column)" in decided.assumed


# 1.3 No clock before the law: the act's in-force date, recorded or assumed and shown ----------


def test_an_assumed_in_force_date_is_shown_in_the_output_and_starts_the_clock() -> None:
    case = {
        "jurisdiction": LUOYANG,
        "date": "2024-06-30",
        "assumptions": {"cn-ha-luoyang.in_force": "2015-03-01"},
        "ip_assets": [PATENT],
    }
    decided = evaluate_case(case)
    assert "cn-ha-luoyang.in_force=2015-03-01" in decided["assumed"]
    assert decided["results"]["p1"]["implementation_clock_start"] == "2015-03-01"
    assert decided["results"]["p1"]["implementation_deadline"] == "2018-03-01"
    assert not any("not recorded" in w for w in decided["warnings"]), decided["warnings"]


def test_an_assumption_cannot_contradict_a_recorded_in_force_date() -> None:
    case = {"jurisdiction": "cn-ln", "date": "2024-06-30"}
    with pytest.raises(InputError) as caught:
        evaluate_case({**case, "assumptions": {"cn-ln.in_force": "2015-03-01"}})
    assert caught.value.field == "assumptions.cn-ln.in_force"
    assert "2014-03-01 (recorded)" in caught.value.message
    agreeing = evaluate_case({**case, "assumptions": {"cn-ln.in_force": "2014-03-01"}})
    assert agreeing["assumed"] == []  # recorded, so nothing was assumed


def test_an_assumption_about_an_act_outside_the_chain_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        evaluate_case(
            {
                "jurisdiction": "cn",
                "date": "2024-06-30",
                "assumptions": {"cn-ha-luoyang.in_force": "2015-03-01"},
            }
        )
    assert caught.value.field == "assumptions.cn-ha-luoyang.in_force"


# 1.7 Readings made explicit ---------------------------------------------------------------------


def test_luoyang_article_15_accounts_for_both_paragraphs() -> None:
    pack = registry().packs[LUOYANG]
    assert pack.act is not None
    _, act = load_act(pack.act)
    assert [p.eid for p in act.article(15).paragraphs] == ["art_15__para_1", "art_15__para_2"]
    note = pack.articles["art_15"].note
    assert "¶1" in note and "¶2" in note and "procurement" in note


@pytest.mark.parametrize("code", [LUOYANG, "cn-ln"])
def test_a_paragraph_no_rule_cites_is_accounted_for_in_the_article_note(code: str) -> None:
    """Where rules implement some paragraphs of an article, the note says what the others are."""
    pack = registry().packs[code]
    assert pack.act is not None
    _, act = load_act(pack.act)
    unaccounted = []
    for chapter in act.chapters:
        for article in chapter.articles:
            found = registry().article_implementation(pack.act, article.eid)
            cited = {c for r in found.rules for c in r.cites}
            if not cited or article.eid in cited or len(article.paragraphs) < 2:
                continue
            note = found.note.note if found.note else ""
            for number, paragraph in enumerate(article.paragraphs, 1):
                if paragraph.eid not in cited and f"¶{number}" not in note:
                    unaccounted.append(paragraph.eid)
    assert not unaccounted, unaccounted


def band_reading_shown(
    case: dict[str, Any], variable: str = "hightech_rd_intensity_required", **interpretations: str
) -> bool:
    explained = evaluate_case(case, explain=True, interpretations=interpretations)
    step = explained["explanations"]["e1"][variable]
    return "cn.hightech.band_2008_at_200m" in {i["name"] for i in step["interpretations"]}


@pytest.mark.parametrize(
    ("date", "shown"),
    [
        ("2008-04-13", False),  # the 2008 measures not yet issued
        ("2008-04-14", True),
        ("2016-01-28", True),
        ("2016-01-29", False),  # the 2016 measures issued: they decide
        ("2024-06-30", False),
    ],
)
def test_the_2008_band_reading_is_read_exactly_where_its_justification_says(
    date: str, shown: bool
) -> None:
    case = {
        "jurisdiction": "cn",
        "date": date,
        "enterprises": [{"id": "e1", "sales_revenue": "200000000.00", "industry": "C"}],
    }
    assert band_reading_shown(case) is shown


def test_the_2008_band_reading_is_read_in_luoyang_when_art_7_borrows_the_2008_measures() -> None:
    case = {
        "jurisdiction": LUOYANG,
        "date": "2024-06-30",
        "enterprises": [
            {"id": "e1", "sales_revenue": "200000000.00", "high_tech": True, "industry": "C"}
        ],
    }
    reading = registry().packs["cn"].interpretations
    justification = next(i for i in reading if i.name == "cn.hightech.band_2008_at_200m")
    assert "measures_of_2008" in justification.justification
    assert not band_reading_shown(case, "rd_intensity_required")
    borrowing = {"luoyang.art7.high_tech_ratio_source": "measures_of_2008"}
    assert band_reading_shown(case, "rd_intensity_required", **borrowing)
    three = evaluate_case(
        case, interpretations={**borrowing, "cn.hightech.band_2008_at_200m": "three_percent"}
    )
    four = evaluate_case(case, interpretations=borrowing)
    assert three["results"]["e1"]["rd_intensity_required"] == 0.03
    assert four["results"]["e1"]["rd_intensity_required"] == 0.04


# 1.8 Consistent warnings -------------------------------------------------------------------------


def luoyang_case(date: str) -> dict[str, Any]:
    return {
        "jurisdiction": LUOYANG,
        "date": date,
        "enterprises": [ENTERPRISE, dict(ENTERPRISE, id="e2")],
        "transfers": [LICENCE],
        "ip_assets": [PATENT, dict(PATENT, id="p2")],
    }


def test_a_luoyang_case_before_the_regulations_says_not_in_force_once_and_assumes_nothing() -> None:
    decision = decide(luoyang_case("2013-06-30"))
    about_the_act = [n for n in decision.notices if "Luoyang" in n.en]
    assert len(about_the_act) == 1, decision.warnings
    assert "was not in force on 2013-06-30" in about_the_act[0].en
    assert "未施行" in about_the_act[0].zh
    assert not any("assume" in n.en or "按其" in n.zh for n in decision.notices), decision.notices


def test_a_luoyang_case_after_the_draft_assumes_the_regulations_in_force_and_says_so_once() -> None:
    warnings = evaluate_case(luoyang_case("2024-06-30"))["warnings"]
    assuming = [w for w in warnings if "results assume it was in force on 2024-06-30" in w]
    assert len(assuming) == 1
    assert not any("not in force" in w for w in warnings), warnings


@pytest.mark.parametrize("date", ["2021-10-01", "2024-06-30"])
def test_a_liaoning_case_after_2021_10_01_keeps_the_doubt_about_the_end_date(date: str) -> None:
    case = {"jurisdiction": "cn-ln", "date": date, "enterprises": [ENTERPRISE]}
    decision = decide(case)
    doubts = [n for n in decision.notices if "end date" in n.en]
    assert len(doubts) == 1 and "uncertain" in doubts[0].en and "废止" in doubts[0].zh
    assert not any("not in force" in w for w in decision.warnings)


def test_a_liaoning_case_before_the_regulations_says_not_in_force_once() -> None:
    case = {"jurisdiction": "cn-ln", "date": "2014-02-28", "enterprises": [ENTERPRISE]}
    warnings = evaluate_case(case)["warnings"]
    assert [w for w in warnings if "Liaoning" in w] == [
        "the Liaoning Province Regulations on Promoting Independent Innovation was not in force "
        "on 2014-02-28: its rules give no result"
    ]


@pytest.mark.parametrize("date", ["2013-06-30", "2024-06-30", "2027-03-01"])
def test_the_warnings_of_a_decision_are_said_once_each(date: str) -> None:
    decision = decide(luoyang_case(date))
    assert len(decision.warnings) == len(set(decision.warnings)), decision.warnings
    assert len(decision.notices) == len({n.zh for n in decision.notices})


def test_a_population_outside_the_acts_dates_says_so_once() -> None:
    frame = pl.DataFrame([ENTERPRISE, dict(ENTERPRISE, id="e2")])
    decided = evaluate_population(frame, jurisdiction=LUOYANG, date=dt.date(2013, 6, 30))
    about_the_act = [w for w in decided.warnings if "Luoyang" in w]
    assert len(about_the_act) == 1 and "not in force" in about_the_act[0], decided.warnings
    assert not any("assume" in w for w in decided.warnings)


# 1.6 Why a floor does not apply: reported defect -------------------------------------------------


def test_where_a_floor_is_decided_the_basis_says_so_and_the_verdict_is_not_undecided() -> None:
    """A licence by a unit without reward rules whose kind is not given: national art. 45 ¶1
    reaches every unit without rules, and the engine decides the floor (500.00 of 1,000.00) and
    the shortfall (400.00), yet `transfer_reward_basis` is `facts_missing` and the verdict says
    "Not decided: the holder's kind or the mode of transformation is not given"."""
    from innoreg.engine.verdict import verdict_line

    case = {
        "jurisdiction": "cn",
        "date": "2024-06-30",
        "transfers": [
            {"id": "t1", "mode": "license", "net_income": "1000.00", "reward_cash": "100.00"}
        ],
    }
    found = decide(case).entity("t1")
    values = found.values
    assert values["transfer_reward_minimum"] == "500.00"
    assert values["transfer_reward_compliant"] is False
    assert values["transfer_reward_basis"] == "statutory_floor", values["transfer_reward_basis"]
    assert not verdict_line(found.kind, values).startswith("Not decided")
