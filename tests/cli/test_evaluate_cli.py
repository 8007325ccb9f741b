"""`innoreg evaluate`, `innoreg rules` and `innoreg demo` as a user runs them."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from innoreg.cli import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def test_evaluate_prints_the_public_json_for_an_example_file() -> None:
    result = runner.invoke(app, ["evaluate", str(ROOT / "examples/luoyang-enterprises.yaml")])
    assert result.exit_code == 0, result.output
    decided = json.loads(result.stdout)
    assert decided["results"]["luoyang-bearing"]["rd_shortfall"] == "300000.00"
    assert decided["results"]["heluo-trading"]["rd_super_deduction"] == "0.00"


def test_evaluate_explains_in_text_with_the_article_quoted() -> None:
    result = runner.invoke(
        app,
        ["evaluate", str(ROOT / "examples/university-licence.yaml"), "--explain", "-f", "text"],
    )
    assert result.exit_code == 0, result.output
    assert "transfer_reward_minimum" in result.stdout and "1,000,000.00 yuan" in result.stdout
    assert "cn: 1000000.00 (binds)" in result.stdout
    text = " ".join(result.stdout.split())
    assert "Luoyang Municipal Science and Technology Progress Regulations, art. 13 ¶1" in text
    assert "“If scientific research institutions and colleges" in text


def test_the_date_option_decides_under_the_law_of_another_day() -> None:
    result = runner.invoke(
        app,
        ["evaluate", str(ROOT / "examples/luoyang-enterprises.yaml"), "--date", "2019-06-30"],
    )
    decided = json.loads(result.stdout)
    assert decided["date"] == "2019-06-30"
    assert decided["results"]["luoyang-bearing"]["rd_super_deduction"] == "375000.00"


def test_an_interpretation_is_chosen_on_the_command_line(tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    case.write_text(
        json.dumps(
            {
                "jurisdiction": "cn-ha-luoyang",
                "date": "2024-10-09",
                "assumptions": {"cn-ha-luoyang.in_force": "2015-01-01"},
                "ip_assets": [
                    {"id": "p", "fiscally_funded": True, "rights_obtained_on": "2021-10-01"}
                ],
            }
        )
    )
    moved = json.loads(runner.invoke(app, ["evaluate", str(case)]).stdout)
    kept = json.loads(
        runner.invoke(
            app, ["evaluate", str(case), "-i", "luoyang.art14.rest_day=calendar_day"]
        ).stdout
    )
    assert moved["results"]["p"]["implementation_deadline"] == "2024-10-08"
    assert kept["results"]["p"]["implementation_deadline"] == "2024-10-01"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"jurisdiction": "cn-ha-luoyang", "date": "2024-13-01"}', "date:"),
        ('{"jurisdiction": "mars", "date": "2024-01-01"}', "unknown jurisdiction"),
        (
            '{"jurisdiction": "cn-ha-luoyang", "date": "2024-01-01", '
            '"enterprises": [{"id": "a", "sales_revenue": -3}]}',
            "enterprises[0].sales_revenue: must not be negative",
        ),
        ('{"jurisdiction": ', "cannot read"),
        ("[1, 2]", "a case must be a mapping"),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_the_field(
    tmp_path: Path, content: str, message: str
) -> None:
    case = tmp_path / "case.json"
    case.write_text(content)
    result = subprocess.run(
        [sys.executable, "-m", "innoreg", "evaluate", str(case)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_case_file_that_is_not_text_exits_2(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_bytes(b"\xff\xfe\x00")
    result = runner.invoke(app, ["evaluate", str(case)])
    assert result.exit_code == 2 and "cannot read" in result.stderr


def test_an_impossible_yaml_date_exits_2(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text("jurisdiction: cn-ha-luoyang\ndate: 2024-02-30\n")
    result = runner.invoke(app, ["evaluate", str(case)])
    assert result.exit_code == 2
    assert "date: 2024-02-30 is not a date" in result.stderr


def test_a_missing_case_file_exits_2() -> None:
    result = runner.invoke(app, ["evaluate", "no-such-case.yaml"])
    assert result.exit_code == 2
    assert "no such case file" in result.stderr


def test_a_malformed_interpretation_choice_exits_2() -> None:
    case = str(ROOT / "examples/luoyang-enterprises.yaml")
    result = runner.invoke(app, ["evaluate", case, "-i", "dual_route"])
    assert result.exit_code == 2 and "NAME=VALUE" in result.stderr


def test_rules_list_shows_every_level_of_a_chain() -> None:
    result = runner.invoke(app, ["rules", "list", "-j", "cn-ha-luoyang", "-f", "json"])
    rows = json.loads(result.stdout)
    levels = {row["level"] for row in rows}
    names = {row["name"] for row in rows}
    assert levels == {"cn", "cn-ha-luoyang"}
    assert {"rd_shortfall", "transfer_reward_minimum", "government_may_implement"} <= names
    assert "rd_obligation_met" not in names


def test_rules_show_gives_formula_citations_and_parameters_over_time() -> None:
    result = runner.invoke(
        app, ["rules", "show", "rd_super_deduction_rate", "--date", "2024-06-30"]
    )
    assert result.exit_code == 0, result.output
    assert "from 2008-01-01: 50 %" in result.stdout
    assert "from 2018-01-01 to 2020-12-31: 75 %" in result.stdout
    assert "issued 2018-09-20" in result.stdout
    assert "from 2023-01-01: 100 %" in result.stdout
    assert "财税〔2015〕119号" in result.stdout


def test_rules_show_of_an_unknown_variable_exits_2() -> None:
    result = runner.invoke(app, ["rules", "show", "no_such_variable"])
    assert result.exit_code == 2 and "no variable named" in result.stderr


def test_demo_lists_the_regulations_prints_article_7_and_decides_a_case() -> None:
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    assert "Luoyang Municipal Science and Technology Progress Regulations" in result.stdout
    assert "[art_7__para_1] Encourage and guide" in result.stdout
    assert "[rd_shortfall]" in result.stdout and "300,000.00 yuan" in result.stdout


def _commands(group: object, prefix: list[str]) -> list[list[str]]:
    import typer.main

    click_group = typer.main.get_command(app) if not prefix else group
    found = [prefix]
    for name, command in getattr(click_group, "commands", {}).items():
        found += _commands(command, [*prefix, name])
    return found


@pytest.mark.parametrize("command", _commands(app, []), ids=lambda c: " ".join(c) or "innoreg")
def test_every_command_has_help(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.stdout
