"""Docs generated from the code are checked in and kept equal to it."""

from pathlib import Path

from typer.testing import CliRunner

from innoreg.cli import app

ROOT = Path(__file__).resolve().parents[2]


def test_the_interpretations_page_matches_the_packs() -> None:
    result = CliRunner().invoke(app, ["rules", "interpretations", "--format", "markdown"])
    assert result.exit_code == 0
    page = (ROOT / "docs" / "interpretations.md").read_text(encoding="utf-8")
    assert page == result.stdout, "regenerate: innoreg rules interpretations -f markdown"


def test_every_interpretation_is_listed_with_its_default() -> None:
    result = CliRunner().invoke(app, ["rules", "interpretations", "--format", "json"])
    import json

    rows = json.loads(result.stdout)
    assert len(rows) >= 8
    for row in rows:
        assert row["default"] in row["options"]
        assert row["justification"]


def test_the_rules_guide_example_case_decides_as_it_says() -> None:
    import re

    import yaml

    from innoreg.engine import evaluate_case

    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    section = page.split("## Test cases are data", 1)[1]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert block is not None
    (example,) = yaml.safe_load(block.group(1))
    result = evaluate_case(example["case"])
    for entity_id, expected in example["expected_results"].items():
        for name, value in expected.items():
            assert result["results"][entity_id][name] == value, name


def test_the_cli_reference_matches_the_commands_help() -> None:
    from innoreg.cli.reference import cli_reference_markdown

    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert page == cli_reference_markdown(), "regenerate with: make docs"
