"""Law is quoted, not paraphrased away: every “…” fragment a rule's docstring or an
interpretation's justification quotes is a substring of a text it cites, and explanations
quote that clause (not the article's first sentence) and read citations as people write them."""

from __future__ import annotations

import pytest

from innoreg.engine import evaluate_case
from innoreg.engine.trace import cite, quoted_fragments
from innoreg.rules.pack import Pack
from innoreg.rules.registry import registry

PACKS = list(registry().packs.values())


def cited_texts(pack: Pack, citations: tuple[str, ...] | list[str]) -> list[str]:
    texts = []
    for citation in citations:
        text = cite(pack, citation).get("text")
        if text:
            texts.append(" ".join(text.split()))
    return texts


RULES = [(pack, rule) for pack in PACKS for rule in pack.rules if quoted_fragments(rule.doc)]


@pytest.mark.parametrize("pack,rule", RULES, ids=[f"{p.jurisdiction}:{r.name}" for p, r in RULES])
def test_every_fragment_a_rule_quotes_is_in_a_text_it_cites(pack: Pack, rule: object) -> None:
    texts = cited_texts(pack, rule.cites)  # type: ignore[attr-defined]
    assert texts, f"{rule.name} quotes law but none of {rule.cites} has a shipped text"  # type: ignore[attr-defined]
    missing = [f for f in quoted_fragments(rule.doc) if not any(f in t for t in texts)]  # type: ignore[attr-defined]
    assert not missing, missing


READINGS = [(p, i) for p in PACKS for i in p.interpretations if quoted_fragments(i.justification)]


@pytest.mark.parametrize("pack,reading", READINGS, ids=[i.name for _, i in READINGS])
def test_every_fragment_an_interpretation_quotes_is_in_the_text_it_reads(
    pack: Pack, reading: object
) -> None:
    texts = cited_texts(pack, [reading.reads])  # type: ignore[attr-defined]
    assert texts
    missing = [f for f in quoted_fragments(reading.justification) if not any(f in t for t in texts)]  # type: ignore[attr-defined]
    assert not missing, missing


def test_rules_quote_something_in_every_pack_with_an_act() -> None:
    assert {p.jurisdiction for p, _ in RULES} >= {"cn", "cn-ha-luoyang", "cn-ln"}


def test_an_explanation_quotes_the_clause_and_reads_national_citations_as_written() -> None:
    case = {
        "jurisdiction": "cn-ha-luoyang",
        "date": "2024-06-30",
        "transfers": [
            {
                "id": "t1",
                "holder_kind": "university",
                "state_established": True,
                "has_reward_rules": True,
                "mode": "license",
                "net_income": "100.00",
            }
        ],
    }
    step = evaluate_case(case, explain=True)["explanations"]["t1"]["national_transfer_reward_floor"]
    national = next(c for c in step["citations"] if c["cite"] == "achievements-law-2015#art_45")
    assert national["reads"]["zh"] == "促进科技成果转化法 第四十五条"
    assert national["quote"].startswith("将该项职务科技成果转让、许可给他人实施的")
    explained = evaluate_case(case, explain=True)["explanations"]["t1"]
    local = explained["luoyang_transfer_equity_reward_floor"]["citations"][0]
    assert local["reads"]["zh"] == "洛阳市科学技术进步条例 第十三条第一款"
    assert local["quote"].startswith("if equity investment is used to implement transformation")
    assert not local["text"].startswith(local["quote"][:30])  # the clause, not the first words
