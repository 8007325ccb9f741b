"""The records commands as a user runs them: one-line errors with exit 2, reports, exit 1
when a check finds something."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from innoreg.cli import app
from innoreg.records import schema

from .factories import REAL_CODES

runner = CliRunner()


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    value = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    monkeypatch.setenv("INNOREG_DATABASE_URL", value)
    return value


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_commands_on_an_empty_database_say_to_upgrade(url: str) -> None:
    code, _, err = run("ip", "overdue")
    assert code == 2 and err.strip().endswith("run `innoreg db upgrade`")
    assert run("db", "upgrade")[0] == 0
    assert run("db", "check") == (0, "schema at head; models match the migrations\n", "")
    head = schema.heads()[0]
    assert f"schema at {head}; head {head}" in run("db", "current")[1]


def test_an_import_report_in_chinese_and_nothing_written(url: str, tmp_path: Path) -> None:
    run("db", "upgrade")
    path = tmp_path / "orgs.csv"
    with path.open("w", encoding="gbk", newline="") as handle:
        csv.writer(handle).writerows(
            [["统一社会信用代码", "单位名称", "单位类型"], [REAL_CODES[0], "甲", "工厂"]]
        )
    code, _, err = run("import", "organisations", str(path), "--lang", "zh")
    assert code == 2
    assert "2\tkind\t“工厂”不是可选值之一" in err
    assert err.splitlines()[-1] == "错误：orgs.csv：1行共1处问题；未导入任何内容"
    path.write_text(f"credit_code,name,kind\n{REAL_CODES[0]},甲,企业\n", encoding="utf-8")
    assert run("import", "organisations", str(path))[1] == f"imported 1 organisations from {path}\n"
    code, out, _ = run("export", "organisations", "-o", str(tmp_path / "out.xlsx"))
    assert code == 0 and out.startswith("exported 1 organisations")


def test_the_demo_then_overdue_replay_and_verify(url: str) -> None:
    run("db", "upgrade")
    assert run("db", "demo", "--enterprises", "20")[0] == 0
    code, out, _ = run("ip", "overdue", "--as-of", "2025-06-30")
    assert code == 0 and "deadline" in out and not out.startswith("0 asset")
    code, out, _ = run("ip", "overdue", "--as-of", "2024-06-30", "--format", "json")
    assert code == 0 and '"deadline"' in out
    code, out, _ = run("determinations", "decide", "--kind", "filings", "--as-of", "2024-06-30")
    assert (code, out) == (0, "decided 40 filings (2024-06-30): 40 determination(s) stored\n")
    assert run("determinations", "decide", "--kind", "filings", "--undecided")[1].startswith(
        "decided 0 filings"
    )
    code, _, err = run("determinations", "decide", "--kind", "people")
    assert code == 2 and err.startswith("error: ") and len(err.splitlines()) == 1
    code, out, _ = run("determinations", "replay", "--all")
    assert code == 0 and out.strip().endswith("0 differ")
    code, out, _ = run("audit", "verify")
    assert code == 0 and "chain intact" in out
    assert run("determinations", "replay")[0] == 2
    assert run("determinations", "replay", "1")[1] == "determination 1: same result\n"
    assert run("determinations", "replay", "99999")[0] == 2
    assert (
        run("ip", "overdue", "--as-of", "30/06/2024")[2]
        == "error: --as-of: '30/06/2024' is not a date (YYYY-MM-DD)\n"
    )


def test_a_tampered_log_fails_verify(url: str) -> None:
    from sqlalchemy import create_engine, text

    run("db", "upgrade")
    run("db", "demo", "--enterprises", "10")
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP TRIGGER audit_log_no_delete"))
        connection.execute(text("DELETE FROM audit_log WHERE seq = 7"))
    engine.dispose()
    code, out, _ = run("audit", "verify")
    assert code == 1 and "tampered: rows 7-7 are missing (deleted)" in out


def test_a_bad_act_fact_is_refused(url: str) -> None:
    run("db", "upgrade")
    assert run("db", "record-fact", "cn-ha-luoyang", "2015-13-01", "--source", "x")[0] == 2
    assert run("db", "record-fact", "nowhere", "2015-01-01", "--source", "x")[0] == 2
    assert run("db", "record-fact", "cn-ha-luoyang", "2015-01-01", "--source", "gazette")[0] == 0
