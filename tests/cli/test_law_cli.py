"""`innoreg law …`: every command has help; list, show, parse and export-akn print what they
promise; user errors are one `error: …` line on stderr and exit code 2, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from innoreg.cli import app
from innoreg.law import Citation, load_act

runner = CliRunner()
LUOYANG_URI = "/akn/cn-ha-luoyang/act/regulation/2014/science-technology-progress"
COMMANDS = ["list", "show", "parse", "export-akn"]


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["law", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)])
def test_every_command_has_help(command: list[str]) -> None:
    code, out, _ = run(*command, "--help")
    assert code == 0
    assert "Usage:" in out
    if command:
        assert f"law {command[0]}" in out
    else:
        assert all(c in out for c in COMMANDS)


def test_list_shows_each_act_with_its_in_force_date_or_unknown() -> None:
    code, out, _ = run("list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["short", "name", "jurisdiction"]
    liaoning = next(line for line in lines if line.startswith("liaoning"))
    luoyang = next(line for line in lines if line.startswith("luoyang"))
    assert "cn-ln" in liaoning and "2014-03-01" in liaoning and "辽宁省自主创新促进条例" in liaoning
    assert "cn-ha-luoyang" in luoyang and " unknown " in luoyang and LUOYANG_URI in luoyang


def test_list_as_json() -> None:
    code, out, _ = run("list", "--format", "json")
    assert code == 0
    acts = json.loads(out)
    assert [a["short_name"] for a in acts] == ["liaoning", "luoyang"]
    assert acts[1]["in_force"] is None and acts[1]["warnings"]


def test_show_an_article_with_its_paragraphs_eids_and_the_date_warning() -> None:
    code, out, _ = run("show", "luoyang", "--article", "7")
    assert code == 0
    assert "warning: the in-force date of the Luoyang" in out
    assert "chp_2  Chapter 2  Enterprise Technological Innovation" in out
    assert "art_7  Article 7:" in out
    assert "art_7__para_1  Encourage and guide state-owned enterprises" in out
    assert "art_7__para_2  Enterprises should set up special accounting subjects" in out
    assert "art_8" not in out


def test_show_a_whole_act_by_work_uri() -> None:
    code, out, _ = run("show", LUOYANG_URI)
    assert code == 0
    assert out.startswith("Luoyang Municipal Science and Technology Progress Regulations\n")
    assert "adopted unknown · in force unknown · end none recorded" in out
    assert all(f"  art_{n}  " in out for n in range(1, 16))


def test_show_an_article_as_json() -> None:
    code, out, _ = run("show", "cn-ln", "-a", "7", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert (data["eId"], data["num"], data["label"]) == ("art_7", 7, "Seventh")
    assert data["chapter"] == {"num": 2, "eId": "chp_2", "heading": "Innovation Platform"}
    assert data["paragraphs"] == [{"eId": "art_7__para_1", "text": data["text"]}]
    assert [w[:40] for w in data["warnings"]] == ["the end date of the Liaoning Province Re"]
    resolved = Citation.parse(data["citation"]).resolve()
    assert data["citation"].endswith("/eng@2014-01-09~art_7")
    assert (resolved.text, resolved.sha256) == (data["text"], data["sha256"])


def test_show_on_a_day_warns_about_the_uncertain_end() -> None:
    code, out, _ = run("show", "liaoning", "-a", "1", "--on", "2024-06-30")
    assert code == 0
    assert "warning: the end date of the Liaoning" in out


def shipped(name: str) -> Path:
    from importlib import resources

    return Path(str(resources.files("innoreg.law") / "texts" / name))


def test_parse_prints_exactly_the_documented_json() -> None:
    path = shipped("provincial-independent-innovation-regulations.en.txt")
    code, out, _ = run("parse", str(path), "--format", "json")
    assert code == 0
    data = json.loads(out)
    _, act = load_act("liaoning")
    assert data == {
        "title": None,
        "chapters": [
            {
                "num": c.num,
                "heading": c.heading,
                "eId": c.eid,
                "articles": [
                    {
                        "num": a.num,
                        "eId": a.eid,
                        "text": a.text,
                        "paragraphs": [{"eId": p.eid, "text": p.text} for p in a.paragraphs],
                    }
                    for a in c.articles
                ],
            }
            for c in act.chapters
        ],
    }
    assert out == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert data["chapters"][1]["articles"][1]["text"].startswith("encourage enterprises")


def test_parse_as_text_outlines_the_act() -> None:
    code, out, _ = run(
        "parse", str(shipped("luoyang-science-technology-progress-regulations.en.txt"))
    )
    assert code == 0
    assert out.startswith("Luoyang Municipal Science and Technology Progress Regulations\n")
    assert "  art_15  Article 15:" in out


def test_export_akn_writes_a_file(tmp_path: Path) -> None:
    target = tmp_path / "liaoning.xml"
    code, out, _ = run("export-akn", "liaoning", "-o", str(target))
    assert code == 0
    assert out.startswith(f"wrote {target}")
    xml = target.read_bytes()
    assert xml.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    assert b'<article eId="art_7">' in xml


def test_export_akn_to_stdout() -> None:
    code, out, _ = run("export-akn", "luoyang")
    assert code == 0
    assert "<akomaNtoso" in out and 'eId="art_15__para_2"' in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "shanghai"], "error: unknown act 'shanghai' (known: liaoning, luoyang)"),
        (["show", "luoyang", "-a", "16"], "error: no article 16 (the act has articles 1-15)"),
        (["show", "liaoning", "--on", "2013-01-01"], "error: no eng version of the Liaoning"),
        (["show", "liaoning", "--on", "soon"], "error: --on 'soon' is not a date (YYYY-MM-DD)"),
        (["parse", "/no/such/file.txt"], "error: cannot read /no/such/file.txt: No such file"),
        (["export-akn", "nope", "-o", "x.xml"], "error: unknown act 'nope'"),
    ],
)
def test_user_errors_are_one_line_and_exit_2(args: list[str], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert err.startswith(message)
    assert err.count("\n") == 1
    assert out == ""


def test_a_parse_error_names_file_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("Chapter 1 General\nArticle 1 One.\nArticle 3 Three.\n", encoding="utf-8")
    code, _, err = run("parse", str(bad), "--format", "json")
    assert code == 2
    assert err == f"error: {bad}:3:1: article numbers skip from 1 to 3\n"


def test_the_installed_command_gives_one_error_line_and_exit_2(tmp_path: Path) -> None:
    innoreg = Path(sys.executable).with_name("innoreg")
    if not innoreg.exists():
        pytest.skip("the innoreg console script is not installed next to this Python")
    empty = tmp_path / "empty.txt"
    empty.write_text("no law here", encoding="utf-8")
    done = subprocess.run(
        [str(innoreg), "law", "parse", str(empty)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert done.stderr == f"error: {empty}:1:1: no articles found\n"
    assert "Traceback" not in done.stderr and done.stdout == ""
    listed = subprocess.run(
        [str(innoreg), "law", "list"], capture_output=True, text=True, check=True
    )
    assert "luoyang" in listed.stdout
