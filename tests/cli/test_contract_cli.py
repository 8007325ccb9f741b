"""The command line as people use it (issue 6 sections 2–4), through the real console entry
(``innoreg.cli.entry.main``, with its quick path for ``innoreg evaluate``) and through
``CliRunner`` on the typer app — which must print the same stdout and stderr and give the same
exit code for the same arguments: every error one line and exit 2, in English or (``--lang zh``
or a Chinese locale) in Chinese; ``--version`` and ``-h``; what people type accepted; ``innoreg
inputs``, ``innoreg template`` and ``law show --rules``; aliases everywhere; text output in both
languages and JSON that keeps the contract."""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from innoreg.cli import app
from innoreg.cli.entry import main
from innoreg.cli.messages import reset_language

ROOT = Path(__file__).resolve().parents[2]
ENTERPRISES = str(ROOT / "examples" / "luoyang-enterprises.yaml")
LICENCE = str(ROOT / "examples" / "university-licence.yaml")


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """English unless a test says otherwise, whatever the machine's locale; help at 100 columns."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("COLUMNS", "100")


class Cli:
    """Runs the same arguments through the console script's ``main`` and through CliRunner."""

    def __init__(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
        self.capsys = capsys
        self.monkeypatch = monkeypatch

    def console(self, args: list[str], stdin: str | None = None) -> Run:
        import io
        import sys

        if stdin is not None:
            self.monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        reset_language()  # the language is process state; the console script starts afresh
        try:
            main(args)
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 0
        out, err = self.capsys.readouterr()
        return Run(code, out, err)

    def runner(self, args: list[str], stdin: str | None = None) -> Run:
        result = CliRunner().invoke(app, args, input=stdin)
        return Run(result.exit_code, result.stdout, result.stderr)

    def __call__(self, *args: str, stdin: str | None = None) -> Run:
        console = self.console(list(args), stdin)
        runner = self.runner(list(args), stdin)
        assert console == runner, f"the two paths differ for {args}"
        return console


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(capsys, monkeypatch)


def one_line_error(run: Run, prefix: str = "error: ") -> str:
    assert run.code == 2, run
    assert run.out == ""
    assert run.err.count("\n") == 1 and run.err.endswith("\n"), run.err
    assert run.err.startswith(prefix), run.err
    assert "Traceback" not in run.err and not re.search("[╭╰│─]", run.err), run.err
    return run.err[len(prefix) : -1]


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# --version and -h -------------------------------------------------------------------------------


def test_version_prints_the_installed_version(cli: Cli) -> None:
    run = cli("--version")
    assert run == Run(0, f"innoreg {version('innoreg')}\n", "")


@pytest.mark.parametrize(
    "args",
    [["-h"], ["--help"], ["evaluate", "-h"], ["rules", "show", "-h"], ["law", "show", "-h"]],
)
def test_short_and_long_help(cli: Cli, args: list[str]) -> None:
    run = cli(*args)
    assert run.code == 0 and "Usage:" in run.out and run.err == ""
    assert re.search(r"--help\s+-h\s", run.out), run.out


def test_no_arguments_shows_the_help(cli: Cli) -> None:
    run = cli()
    assert run.code == 0 and "Usage:" in run.out


# Every error is one line and exit 2 ---------------------------------------------------------------

OPTION_ERRORS = {
    "an output format that does not exist": (
        ["evaluate", ENTERPRISES, "-f", "csv"],
        "Invalid value for '--format' / '-f'",
    ),
    "a missing argument": (["evaluate"], "Missing argument 'CASE'"),
    "an unknown option": (["evaluate", ENTERPRISES, "--bogus"], "No such option: --bogus"),
    "a bad date on rules show": (
        ["rules", "show", "rd_shortfall", "--date", "bad"],
        "--date 'bad' is not a date (YYYY-MM-DD)",
    ),
    "a bad date on evaluate": (["evaluate", ENTERPRISES, "--date", "2024-13-01"], "--date"),
    "a bad --on on law show": (["law", "show", "luoyang", "--on", "someday"], "--on 'someday'"),
    "a format rules list does not have": (["rules", "list", "-f", "csv"], "'--format'"),
    "an article that is not a number": (["law", "show", "luoyang", "-a", "x"], "'--article'"),
    "an unknown command": (["nosuch"], "No such command 'nosuch'"),
    "a missing required option": (["template"], "Missing option '--jurisdiction'"),
    "a malformed interpretation": (["evaluate", ENTERPRISES, "-i", "dual_route"], "NAME=VALUE"),
    "a malformed assumption": (["evaluate", ENTERPRISES, "--assume", "x"], "NAME=VALUE"),
    "a missing case file": (["evaluate", "no-such-case.yaml"], "no such case file"),
    "an unknown variable": (["rules", "show", "rd_shortfal"], "did you mean 'rd_shortfall'?"),
    "an unknown jurisdiction": (["rules", "list", "-j", "luoyng"], "did you mean 'luoyang'?"),
    "an unknown entity kind": (["inputs", "--entity", "nosuch"], "--entity 'nosuch'"),
    "--rules without an article": (["law", "show", "luoyang", "--rules"], "--rules needs"),
}


@pytest.mark.parametrize("what", OPTION_ERRORS)
def test_every_error_is_one_line_and_exit_2(cli: Cli, what: str) -> None:
    args, words = OPTION_ERRORS[what]
    assert words in one_line_error(cli(*args))


ZH_ERRORS = {
    "an output format that does not exist": ["evaluate", ENTERPRISES, "-f", "csv", "--lang", "zh"],
    "a missing argument": ["evaluate", "--lang", "zh"],
    "a missing case file": ["evaluate", "no-such-case.yaml", "--lang", "zh"],
    "a bad date on evaluate": ["evaluate", ENTERPRISES, "--lang", "zh", "--date", "bad"],
    "an unknown entity kind": ["inputs", "--entity", "nosuch", "--lang", "zh"],
    "an unknown jurisdiction": ["template", "-j", "luoyng", "--lang", "zh"],
}


@pytest.mark.parametrize("what", ZH_ERRORS)
def test_with_lang_zh_every_error_is_one_chinese_line(cli: Cli, what: str) -> None:
    one_line_error(cli(*ZH_ERRORS[what]), prefix="错误：")


def test_chinese_errors_say_the_rule_in_chinese(cli: Cli) -> None:
    assert "找不到案件文件" in one_line_error(
        cli("evaluate", "no-such-case.yaml", "--lang", "zh"), "错误："
    )
    assert "不是日期" in one_line_error(
        cli("evaluate", ENTERPRISES, "--lang", "zh", "--date", "x"), "错误："
    )
    assert "是否是指 'luoyang'" in one_line_error(
        cli("template", "-j", "luoyng", "--lang", "zh"), "错误："
    )


@pytest.mark.parametrize(
    "args",
    [
        ["rules", "show", "rd_shortfall", "--date", "bad"],
        ["rules", "list", "-f", "csv"],
        ["law", "show", "luoyang", "--rules"],
        ["evaluate", ENTERPRISES, "-f", "csv"],
    ],
)
def test_a_chinese_locale_gives_chinese_error_lines(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    one_line_error(cli(*args), prefix="错误：")


def test_lang_en_overrides_a_chinese_locale(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    one_line_error(cli("evaluate", "no-such-case.yaml", "--lang", "en"))
    run = cli("evaluate", ENTERPRISES, "-f", "text", "--lang", "en")
    assert run.out.startswith("Luoyang Municipality (cn-ha-luoyang)")


# Bad case files: one line naming the field ------------------------------------------------------

DUPLICATE = """\
jurisdiction: luoyang
date: 2024-06-30
enterprises:
  - id: 1
    rd_expense: "1.00"
    rd_expense: "2.00"
"""


def test_a_duplicate_key_in_a_yaml_case_names_the_key_and_line(cli: Cli, tmp_path: Path) -> None:
    case = write(tmp_path, "case.yaml", DUPLICATE)
    message = one_line_error(cli("evaluate", case))
    assert message.startswith("rd_expense: key 'rd_expense' is given twice (line 6)")
    zh = one_line_error(cli("evaluate", case, "--lang", "zh"), "错误：")
    assert zh.startswith("rd_expense：键 'rd_expense' 重复出现")


def test_a_duplicate_key_in_a_json_case_names_the_key_and_line(cli: Cli, tmp_path: Path) -> None:
    case = write(tmp_path, "case.json", '{"jurisdiction": "luoyang",\n "date": "2024-06-30",\n'
                 ' "date": "2023-06-30"}')  # fmt: skip
    assert "key 'date' is given twice (line 3)" in one_line_error(cli("evaluate", case))


def test_a_bad_date_inside_the_file_names_its_field(cli: Cli, tmp_path: Path) -> None:
    case = write(
        tmp_path,
        "case.yaml",
        "jurisdiction: 洛阳\ndate: 2024-06-30\n"
        "ip_assets:\n  - {id: 7, rights_obtained_on: 2021-13-01}\n",
    )
    message = one_line_error(cli("evaluate", case))
    assert message.startswith("ip_assets[0].rights_obtained_on: 2021-13-01 is not a date")
    zh = one_line_error(cli("evaluate", case, "--lang", "zh"), "错误：")
    assert zh == "ip_assets[0].rights_obtained_on：2021-13-01 不是日期（YYYY-MM-DD）"


@pytest.mark.parametrize(
    ("row", "words", "zh"),
    [
        ("{id: t1, modee: license}", "did you mean 'mode'?", "是否是指 'mode'"),
        ("{id: t1, mode: 许可证}", "did you mean '许可'?", "是否是指 '许可'"),
        ("{id: t1, holder_kind: univrsity}", "did you mean 'university'?", "是否是指 'university'"),
    ],
)
def test_an_unknown_field_or_option_suggests_the_nearest(
    cli: Cli, tmp_path: Path, row: str, words: str, zh: str
) -> None:
    case = write(
        tmp_path, "case.yaml", f"jurisdiction: luoyang\ndate: 2024-06-30\ntransfers: [{row}]\n"
    )
    assert words in one_line_error(cli("evaluate", case))
    assert zh in one_line_error(cli("evaluate", case, "--lang", "zh"), "错误：")


# What people type ------------------------------------------------------------------------------

TYPED = """\
jurisdiction: 洛阳
date: 2024-06-30
transfers:
  - {id: 1, holder_kind: 高等院校, mode: 许可, fiscally_funded: 是, state_established: 否,
     net_income: "2000000.00", reward_cash: "800000.00"}
  - {id: 2, holder_kind: 科研机构, mode: 转让, net_income: "100.00"}
  - {id: 3, holder_kind: 企业, mode: 作价投资, equity_total: "1000", reward_equity: "100"}
ip_assets:
  - {id: 4, kind: 专利, fiscally_funded: 是, rights_obtained_on: 2021-03-01}
"""
CODED = """\
jurisdiction: cn-ha-luoyang
date: 2024-06-30
transfers:
  - {id: "1", holder_kind: university, mode: license, fiscally_funded: true,
     state_established: false, net_income: "2000000.00", reward_cash: "800000.00"}
  - {id: "2", holder_kind: research_institute, mode: transfer, net_income: "100.00"}
  - {id: "3", holder_kind: enterprise, mode: equity_investment, equity_total: "1000",
     reward_equity: "100"}
ip_assets:
  - {id: "4", kind: patent, fiscally_funded: true, rights_obtained_on: 2021-03-01}
"""


def test_integer_ids_shi_fou_and_chinese_terms_decide_as_the_codes(
    cli: Cli, tmp_path: Path
) -> None:
    typed = cli("evaluate", write(tmp_path, "typed.yaml", TYPED))
    coded = cli("evaluate", write(tmp_path, "coded.yaml", CODED))
    assert typed.code == coded.code == 0
    assert typed.out == coded.out
    decided = json.loads(typed.out)
    assert decided["jurisdiction"] == "cn-ha-luoyang"
    assert list(decided["results"]) == ["1", "2", "3", "4"]
    assert decided["results"]["1"]["transfer_reward_minimum"] == "1000000.00"


def test_a_case_from_standard_input(cli: Cli) -> None:
    text = Path(ENTERPRISES).read_text(encoding="utf-8")
    from_stdin = cli("evaluate", "-", stdin=text)
    from_file = cli("evaluate", ENTERPRISES)
    assert from_stdin.code == 0 and from_stdin.out == from_file.out


# JSON keeps the contract; text is readable in both languages --------------------------------------


def test_evaluate_prints_the_json_contract_the_same_on_both_paths(cli: Cli) -> None:
    run = cli("evaluate", ENTERPRISES)
    assert run.code == 0 and run.err == ""
    decided = json.loads(run.out)
    assert list(decided) == [
        "jurisdiction", "date", "pack_version", "interpretations", "warnings", "assumed",
        "results",
    ]  # fmt: skip
    bearing = decided["results"]["luoyang-bearing"]
    assert bearing["rd_shortfall"] == "300000.00" and bearing["rd_intensity_required"] == 0.01
    assert "luoyang-bearing.fiscal_year=2024" in decided["assumed"]
    assert "luoyang-bearing.industry=C" not in decided["assumed"]


TEXT_OUTPUT = {
    "zh": (
        "洛阳市（cn-ha-luoyang），适用2024年6月30日施行的法律\n",
        "结论：不符合：尚需增加研发投入300,000.00元（30.00万元；销售收入×1%）",
        r"研究开发费用占销售收入比例\s+0\.625%\s+\[rd_intensity\]",
        r"研发费用加计扣除额\s+500,000\.00元（50\.00万元）\s+\[rd_super_deduction\]",
        "！ 《洛阳市科学技术进步条例》的施行日期未有记录",
    ),
    "en": (
        "Luoyang Municipality (cn-ha-luoyang), law in force on 30 June 2024\n",
        "Verdict: Not eligible: 300,000.00 yuan more R&D needed (sales revenue × 1 %)",
        r"R&D intensity\s+0\.625 %\s+\[rd_intensity\]",
        r"R&D super-deduction\s+500,000\.00 yuan\s+\[rd_super_deduction\]",
        "! the in-force date of the Luoyang Municipal Science and Technology Progress Regulations",
    ),
}


@pytest.mark.parametrize("lang", TEXT_OUTPUT)
def test_text_output_in_each_language(cli: Cli, lang: str) -> None:
    header, verdict, intensity, deduction, warning = TEXT_OUTPUT[lang]
    run = cli("evaluate", ENTERPRISES, "-f", "text", "--lang", lang)
    assert run.code == 0 and run.out.startswith(header)
    assert verdict in run.out and warning in run.out
    assert re.search(intensity, run.out) and re.search(deduction, run.out)


def test_a_chinese_locale_makes_chinese_text_the_default(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    run = cli("evaluate", ENTERPRISES, "-f", "text")
    assert run.out.startswith("洛阳市（cn-ha-luoyang）")


def test_explained_text_is_the_same_on_both_paths(cli: Cli) -> None:
    run = cli("evaluate", LICENCE, "--explain", "-f", "text", "--lang", "zh")
    assert run.code == 0
    assert "依据 促进科技成果转化法 第四十五条" in run.out
    assert "1,000,000.00元（100.00万元）" in run.out


def test_the_format_option_written_with_an_equals_sign_gives_the_same_output(cli: Cli) -> None:
    assert (
        cli("evaluate", ENTERPRISES, "--format=text").out
        == cli("evaluate", ENTERPRISES, "-f", "text").out
    )


# innoreg inputs --------------------------------------------------------------------------------


def test_inputs_lists_every_input_with_type_default_options_labels_and_feeds(cli: Cli) -> None:
    run = cli("inputs", "--jurisdiction", "luoyang", "--entity", "transfer")
    assert run.code == 0
    text = run.out
    assert "\ntransfer\n" in text and "\nenterprise\n" not in text
    assert "  mode  (enum)  Mode of transformation\n      转化方式\n" in text
    assert "options: transfer = 转让, license = 许可, equity_investment = 作价投资" in text
    assert (
        "options: research_institute = 科研机构, university = 高等院校, enterprise = 企业" in text
    )
    assert "default: needed: results that use it are null without it" in text
    assert "  net_income  (money)" in text and "default: 0.00" in text
    assert re.search(r"fiscally_funded .*\n.*\n      default: false\n      feeds: .*luoyang_", text)


def test_inputs_in_chinese_lead_with_the_chinese_label(cli: Cli) -> None:
    run = cli("inputs", "-j", "洛阳", "-e", "ip_asset", "--lang", "zh")
    assert (
        "  rights_obtained_on  (date)  取得权利之日\n      Day the right was obtained\n" in run.out
    )


def test_inputs_as_json(cli: Cli) -> None:
    run = cli("inputs", "-j", "luoyang", "-f", "json")
    rows = json.loads(run.out)
    by_name = {(r["entity"], r["name"]): r for r in rows}
    assert {r["entity"] for r in rows} == {"enterprise", "transfer", "ip_asset"}
    mode = by_name[("transfer", "mode")]
    assert mode["type"] == "enum" and mode["when_missing"] == "needed"
    assert mode["label"] == {"en": "Mode of transformation", "zh": "转化方式"}
    assert {o["code"]: o["label"]["zh"] for o in mode["options"]} == {
        "transfer": "转让",
        "license": "许可",
        "equity_investment": "作价投资",
    }
    assert "transfer_reward_minimum" in mode["feeds"]
    assert (
        "achievements-law-2015#art_45" in mode["articles"] and "art_13__para_1" in mode["articles"]
    )
    fiscal_year = by_name[("enterprise", "fiscal_year")]
    assert fiscal_year["type"] == "year" and fiscal_year["default"] == "the year of the case's date"
    assert by_name[("enterprise", "rd_expense_q4")]["when_missing"] == "optional"


def test_inputs_of_every_jurisdiction_include_liaoning_technology_imports(cli: Cli) -> None:
    rows = json.loads(cli("inputs", "-f", "json").out)
    assert {r["entity"] for r in rows} == {
        "enterprise",
        "transfer",
        "ip_asset",
        "technology_import",
    }
    liaoning = json.loads(
        cli("inputs", "-j", "liaoning", "-e", "technology_import", "-f", "json").out
    )
    assert {r["name"] for r in liaoning} == {
        "high_energy_consumption",
        "high_pollution",
        "backward_technology",
        "developed_domestically",
    }


# innoreg template ------------------------------------------------------------------------------


def test_a_transfer_template_is_a_yaml_case_that_filled_in_evaluates(
    cli: Cli, tmp_path: Path
) -> None:
    run = cli("template", "-j", "洛阳", "-e", "transfer", "--date", "2024-06-30")
    assert run.code == 0
    assert "jurisdiction: cn-ha-luoyang\n" in run.out and "date: 2024-06-30" in run.out
    assert "# Transfer of a job-related S&T achievement / 职务科技成果转化" in run.out
    assert "license (许可)" in run.out
    case = yaml.safe_load(run.out)
    assert set(case) == {"jurisdiction", "date", "transfers"}
    (transfer,) = case["transfers"]
    transfer.update(
        holder_kind="高等院校", mode="许可", net_income="2000000.00", reward_cash="800000.00"
    )
    filled = write(tmp_path, "filled.yaml", yaml.safe_dump(case, allow_unicode=True))
    decided = cli("evaluate", filled)
    assert decided.code == 0, decided.err
    assert (
        json.loads(decided.out)["results"]["transfer-1"]["transfer_reward_minimum"] == "1000000.00"
    )


# law show --rules, and aliases everywhere ------------------------------------------------------


def test_law_show_rules_lists_the_rules_implementing_the_article_and_its_note(cli: Cli) -> None:
    run = cli("law", "show", "luoyang", "--article", "7", "--rules")
    assert run.code == 0
    text = run.out
    assert "implemented by:" in text
    assert re.search(r"\n    rd_shortfall  \[cn-ha-luoyang\]  .*\(art_7__para_1\)", text)
    assert re.search(r"\n    rd_super_deduction  \[cn\]", text)
    assert "note: ¶1 sets the two ratio routes to municipal support; ¶2 sends" in text


def test_law_show_rules_as_json(cli: Cli) -> None:
    run = cli("law", "show", "洛阳", "-a", "7", "--rules", "-f", "json")
    shown = json.loads(run.out)
    rules = {r["name"]: r for r in shown["implementation"]["rules"]}
    assert {"rd_shortfall", "support_eligible", "rd_super_deduction"} <= set(rules)
    assert rules["rd_shortfall"]["level"] == "cn-ha-luoyang"
    assert rules["rd_shortfall"]["label"]["zh"] == "达到扶持条件尚需增加的研发投入"
    assert shown["implementation"]["note"].startswith("¶1 sets the two ratio routes")


def test_an_article_nothing_implements_says_so_with_its_note(cli: Cli) -> None:
    run = cli("law", "show", "luoyang", "-a", "15", "--rules")
    assert "implemented by: nothing" in run.out and "¶2 directs" in run.out


def test_without_rules_law_show_prints_no_implementation(cli: Cli) -> None:
    run = cli("law", "show", "luoyang", "-a", "7", "-f", "json")
    assert "implementation" not in json.loads(run.out)


@pytest.mark.parametrize("alias", ["luoyang", "洛阳", "洛阳市"])
def test_luoyang_aliases_work_for_rules_list(cli: Cli, alias: str) -> None:
    by_code = cli("rules", "list", "-j", "cn-ha-luoyang", "-f", "json")
    by_alias = cli("rules", "list", "-j", alias, "-f", "json")
    assert by_alias == by_code and by_alias.code == 0


@pytest.mark.parametrize(
    ("args", "alias", "code"),
    [
        (["rules", "list", "-f", "json", "-j"], "liaoning", "cn-ln"),
        (["rules", "show", "rd_shortfall", "-f", "json", "-j"], "luoyang", "cn-ha-luoyang"),
        (["rules", "interpretations", "-f", "json", "-j"], "luoyang", "cn-ha-luoyang"),
        (["inputs", "-f", "json", "-j"], "洛阳", "cn-ha-luoyang"),
        (["inputs", "-f", "json", "-j"], "辽宁", "cn-ln"),
        (["law", "show", "-a", "7", "-f", "json"], "liaoning", "cn-ln"),
    ],
)
def test_aliases_work_everywhere(cli: Cli, args: list[str], alias: str, code: str) -> None:
    if args[0] == "law":
        by_alias = cli("law", "show", alias, *args[2:])
        by_code = cli("law", "show", code, *args[2:])
    else:
        by_alias = cli(*args, alias)
        by_code = cli(*args, code)
    assert by_alias.code == 0 and by_alias == by_code


def test_an_alias_in_a_case_file_decides_under_the_jurisdiction(cli: Cli, tmp_path: Path) -> None:
    text = Path(ENTERPRISES).read_text(encoding="utf-8")
    aliased = write(tmp_path, "case.yaml", text.replace("cn-ha-luoyang", "洛阳"))
    assert cli("evaluate", aliased).out == cli("evaluate", ENTERPRISES).out


def test_a_template_by_alias_names_the_code(cli: Cli) -> None:
    assert "\njurisdiction: cn-ln\n" in cli("template", "-j", "liaoning").out


# Reported defects (issue 6), each with its reproduction -----------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["template", "-j", "luoyang"],
        ["template", "-j", "luoyang", "-e", "enterprise"],
        ["template", "-j", "liaoning"],
        ["template", "-j", "cn"],
    ],
)
def test_every_template_is_a_yaml_case_that_evaluates_as_printed(
    cli: Cli, tmp_path: Path, args: list[str]
) -> None:
    """`innoreg template -j luoyang > t.yaml; innoreg evaluate t.yaml` fails twice: a comment
    glued to a long value (`integrated_circuit_or_machine_tool: false# …`) is not a comment in
    YAML, and every entity kind's example has `id: 1`, which a case may use only once."""
    run = cli(*args, "--date", "2024-06-30")
    assert run.code == 0
    case = yaml.safe_load(run.out)
    for rows in (v for k, v in case.items() if k not in ("jurisdiction", "date")):
        for row in rows:
            assert all(isinstance(k, str) and " " not in k for k in row), row
    decided = cli("evaluate", write(tmp_path, "template.yaml", run.out))
    assert decided.code == 0, decided.err


def test_a_template_gives_each_entity_a_different_id(cli: Cli) -> None:
    """Ids are unique in a case, across entity kinds; the template writes `- id: 1` for each."""
    ids = re.findall(r"^  - id: (\S+)", cli("template", "-j", "luoyang").out, re.M)
    assert len(ids) == 3 and len(set(ids)) == 3, ids


@pytest.mark.parametrize(
    "args",
    [
        ["rules", "show", "rd_shortfall", "--date", "bad", "--lang", "zh"],
        ["rules", "list", "-f", "csv", "--lang", "zh"],
        ["law", "show", "luoyang", "--rules", "--lang", "zh"],
    ],
)
def test_lang_zh_is_accepted_by_every_command_with_text_output(cli: Cli, args: list[str]) -> None:
    """`innoreg rules show rd_shortfall --date bad --lang zh` says `error: No such option: --lang`:
    only evaluate, inputs and template take --lang."""
    one_line_error(cli(*args), prefix="错误：")


@pytest.mark.parametrize(
    "args",
    [
        ["evaluate", ENTERPRISES, "--bogus", "--lang", "zh"],
        ["evaluate", "--lang", "zh", ENTERPRISES, "--bogus"],
        ["inputs", "--lang", "zh", "--bogus"],
    ],
)
def test_an_unknown_option_with_lang_zh_is_a_chinese_line(cli: Cli, args: list[str]) -> None:
    """click refuses the unknown option while parsing, before the eager --lang callback runs, so
    the line stays English (`error: No such option: --bogus`)."""
    one_line_error(cli(*args), prefix="错误：")


def test_the_quick_path_does_not_carry_lang_into_the_next_run(cli: Cli) -> None:
    """In one process (a test, a worker), `main([... '--lang', 'zh'])` leaves Chinese set for the
    next `main([...])` without --lang: the quick path never resets the language, the typer path
    does (`InnoregGroup.main`)."""
    chinese = cli.console(["evaluate", ENTERPRISES, "-f", "text", "--lang", "zh"])
    assert chinese.out.startswith("洛阳市")
    with contextlib.suppress(SystemExit):  # no reset in between, as in one process
        main(["evaluate", ENTERPRISES, "-f", "text"])
    again = cli.capsys.readouterr().out
    assert again.startswith("Luoyang Municipality"), again[:60]


def test_output_into_a_closed_pipe_is_no_traceback(tmp_path: Path) -> None:
    """`innoreg evaluate big.json --explain -f text | head -1` prints a BrokenPipeError traceback
    from the quick path's print() (exit 1); the typer path (`--format=text`) exits quietly."""
    import subprocess
    import sys

    enterprises = [
        {"id": f"e{i}", "sales_revenue": "80000000.00", "rd_expense": "500000.00", "industry": "C"}
        for i in range(8)
    ]  # more than a pipe's buffer of text, so the writer is still writing when the reader goes
    case = write(
        tmp_path,
        "big.json",
        json.dumps({"jurisdiction": "luoyang", "date": "2024-06-30", "enterprises": enterprises}),
    )
    for output in (["-f", "text"], ["--format=text"]):
        process = subprocess.Popen(
            [sys.executable, "-m", "innoreg", "evaluate", case, "--explain", *output],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        errors = process.stderr.read().decode()
        process.wait()
        assert "Traceback" not in errors and "BrokenPipeError" not in errors, (output, errors)
