"""docs/vocabulary.md is the public vocabulary, generated from the packs and kept equal to them
(issue 6 section 3): every entity kind, input and variable of every chain, with the law read as
people write it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from innoreg.engine.vocabulary import entity_kinds, inputs, variables
from innoreg.engine.vocabulary_page import vocabulary_markdown
from innoreg.rules.registry import registry

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "vocabulary.md"
GENERATED = vocabulary_markdown()


def test_the_vocabulary_page_matches_the_packs() -> None:
    page = PAGE.read_text(encoding="utf-8")
    assert page == GENERATED, "regenerate with: make docs"


def test_the_makefile_regenerates_the_page() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "-m innoreg.engine.vocabulary_page > docs/vocabulary.md" in makefile


def test_the_readme_and_the_rules_guide_link_to_it() -> None:
    assert "(docs/vocabulary.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(vocabulary.md)" in (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")


def section(code: str) -> str:
    """The part of the page about one jurisdiction's chain."""
    start = GENERATED.index(f"\n## `{code}` — ")
    end = GENERATED.find("\n## `", start + 1)
    return GENERATED[start : end if end > 0 else None]


def rows(text: str, name: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(f"| `{name}` |")]


CODES = list(registry().headers)


def entity_section(code: str, entity: str) -> str:
    text = section(code)
    start = text.index(f"\n### `{code}` {entity} (")
    end = text.find("\n### ", start + 1)
    return text[start : end if end > 0 else None]


@pytest.mark.parametrize("code", CODES)
def test_every_entity_kind_input_and_variable_of_a_chain_is_listed(code: str) -> None:
    text = section(code)
    kinds = entity_kinds(code)
    assert kinds
    for name, plural, label in kinds:
        assert f"### `{code}` {name} (`{plural}:`) — {label.en} / {label.zh}" in text
    for info in inputs(code):
        spec = info.spec
        found = rows(entity_section(code, spec.entity), spec.name)
        assert len(found) == 1, f"{code}: input {spec.entity}.{spec.name} is not listed once"
        row = found[0]
        assert f"| {spec.type} |" in row and f"| {spec.pack} |" in row
        assert spec.label.en in row and spec.label.zh in row
        for option in spec.options:
            assert f"`{option.code}` {option.label.zh}" in row, (spec.name, option.code)
        for fed in info.feeds:
            assert f"`{fed}`" in row, (spec.name, fed)
    for variable in variables(code):
        found = rows(entity_section(code, variable.entity), variable.name)
        assert len(found) == 1, f"{code}: variable {variable.name} is not listed once"
        assert f"| {variable.unit} |" in found[0] and f"| {variable.level} |" in found[0]
        assert variable.label.en in found[0] and variable.label.zh in found[0]


def test_an_input_says_what_leaving_it_out_means() -> None:
    text = section("cn-ha-luoyang")
    (fiscal_year,) = rows(text, "fiscal_year")
    assert "default the year of the case's date" in fiscal_year
    (mode,) = rows(text, "mode")
    assert "needed: results that use it are null, with a warning" in mode
    assert "`license` 许可" in mode and "`equity_investment` 作价投资" in mode
    (high_tech,) = rows(text, "high_tech")
    assert "default `false`" in high_tech
    (q4,) = rows(text, "rd_expense_q4")
    assert "| optional |" in q4 and "months' share" in q4


def test_citations_read_as_people_write_them_never_as_bare_eids() -> None:
    luoyang = section("cn-ha-luoyang")
    (shortfall,) = rows(luoyang, "rd_shortfall")
    assert "洛阳市科学技术进步条例 第七条第一款" in shortfall
    assert "Luoyang Municipal Science and Technology Progress Regulations, art. 7 ¶1" in shortfall
    (minimum,) = rows(luoyang, "transfer_reward_minimum")
    assert "促进科技成果转化法 第四十五条" in minimum
    law_cells = [line.rsplit("|", 2)[-2] for line in GENERATED.splitlines() if "| bool |" in line]
    assert not any(re.search(r"\bart_\d+|#", cell) for cell in law_cells), law_cells


def test_the_page_lists_each_jurisdiction_with_its_aliases_and_chain() -> None:
    assert (
        "| `cn-ha-luoyang` | Luoyang Municipality / 洛阳市 | `luoyang`, `洛阳`, `洛阳市` "
        "| cn → cn-ha → cn-ha-luoyang |"
    ) in GENERATED
    assert (
        "| `cn-ln` | Liaoning Province / 辽宁省 | `liaoning`, `辽宁`, `辽宁省` | cn → cn-ln |"
        in (GENERATED)
    )
