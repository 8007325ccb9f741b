"""The packs load, cite only what exists, and say what implements every article."""

from pathlib import Path

import pytest

from innoreg.errors import PackLoadError
from innoreg.law import load_act
from innoreg.rules.pack import check_citation, load_pack
from innoreg.rules.registry import PACKS, registry


def test_every_jurisdiction_of_the_design_has_a_pack_and_luoyang_sits_under_henan() -> None:
    packs = registry().packs
    assert set(packs) == {"cn", "cn-ha", "cn-ln", "cn-ha-luoyang"}
    chain = [p.jurisdiction for p in registry().chain("cn-ha-luoyang")]
    assert chain == ["cn", "cn-ha", "cn-ha-luoyang"]


def test_every_rule_cites_something_and_quotes_its_law() -> None:
    for pack in registry().packs.values():
        for rule in pack.rules:
            assert rule.cites, rule.name
            assert rule.doc, f"{rule.name} has no docstring quoting its law"


def test_every_article_of_each_act_is_accounted_for_by_rules_or_a_note() -> None:
    for jurisdiction in ("cn-ln", "cn-ha-luoyang"):
        pack = registry().packs[jurisdiction]
        assert pack.act is not None
        _, act = load_act(pack.act)
        chain_rules = {r.name for p in registry().chain(jurisdiction) for r in p.rules}
        for article in act.articles():
            note = pack.articles[article.eid]
            assert note.implemented_by or note.note, article.eid
            assert set(note.implemented_by) <= chain_rules, article.eid


def test_a_citation_of_an_article_the_act_lacks_is_a_load_error() -> None:
    pack = registry().packs["cn-ha-luoyang"]
    with pytest.raises(PackLoadError, match="art_99"):
        check_citation(pack, "rule test", "art_99")
    with pytest.raises(PackLoadError, match="unknown source"):
        check_citation(pack, "rule test", "no-such-law#art_1")


def test_a_pack_whose_parameter_cites_a_missing_eid_fails_to_load(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "cn_ha_luoyang"
    shutil.copytree(PACKS / "cn_ha_luoyang", folder)
    parameter = folder / "parameters" / "luoyang" / "transfer_reward_floor.yaml"
    parameter.write_text(parameter.read_text().replace("art_13__para_1", "art_13__para_9"))
    with pytest.raises(PackLoadError, match="art_13__para_9"):
        load_pack(folder, "innoreg.rules.packs.cn_ha_luoyang")


def test_a_parameter_value_without_a_reference_fails_to_load(tmp_path: Path) -> None:
    from innoreg.rules.parameters import load_parameters

    (tmp_path / "rate.yaml").write_text("unit: rate\nvalues:\n  2020-01-01: {value: '1%'}\n")
    with pytest.raises(PackLoadError, match="reference"):
        load_parameters(tmp_path, pack="test", act_in_force=None)


def test_brackets_must_increase_and_end_open(tmp_path: Path) -> None:
    from innoreg.rules.parameters import load_parameters

    (tmp_path / "bands.yaml").write_text(
        "unit: rate_brackets\nvalues:\n  2020-01-01:\n    reference: x\n    issued: null\n"
        "    brackets:\n"
        "      - {up_to: '200.00', rate: '1%'}\n      - {up_to: '100.00', rate: '2%'}\n"
    )
    with pytest.raises(PackLoadError, match="last bracket"):
        load_parameters(tmp_path, pack="test", act_in_force=None)


def _labels(node: object, where: str) -> list[tuple[str, object]]:
    """Every ``label:`` and ``hint:`` mapping of a pack file, with where it stands."""
    found: list[tuple[str, object]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("label", "hint") and isinstance(value, dict):
                found.append((f"{where}.{key}", value))
            found += _labels(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _labels(value, f"{where}[{index}]")
    return found


def test_every_label_in_the_packs_has_exactly_an_english_and_a_chinese_text() -> None:
    """A comma in a flow mapping ends the value: ``{en: Industry (GB/T 4754 section letter,
    optionally …), zh: …}`` reads as a cut label plus a stray key."""
    import yaml

    wrong = []
    for path in sorted(PACKS.rglob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for where, label in _labels(document, path.relative_to(PACKS).as_posix()):
            assert isinstance(label, dict)
            if set(label) != {"en", "zh"} or not all(isinstance(v, str) for v in label.values()):
                wrong.append(f"{where}: {label}")
    assert not wrong, wrong


def test_a_label_with_a_stray_key_is_a_load_error_naming_file_and_key(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "cn"
    shutil.copytree(PACKS / "cn", folder)
    inputs = folder / "inputs.yaml"
    text = inputs.read_text(encoding="utf-8")
    cut = "label: {en: Sales revenue of the fiscal year, in yuan, zh: 年度销售收入（元）}"
    inputs.write_text(
        text.replace(
            "label: {en: Sales revenue of the fiscal year (yuan), zh: 年度销售收入（元）}", cut
        ),
        encoding="utf-8",
    )
    assert cut in inputs.read_text(encoding="utf-8")
    with pytest.raises(PackLoadError, match=r"inputs\.yaml.*in yuan|in yuan.*inputs\.yaml"):
        load_pack(folder, "innoreg.rules.packs.cn")
