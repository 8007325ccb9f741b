"""What `innoreg evaluate` does once its arguments are read: read the case strictly, decide it,
print JSON or text. Shared by the typer command and the quick path of ``cli.entry``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from innoreg.errors import InputError
from innoreg.labels import Language


def run_evaluate(
    case_file: str,
    *,
    date: str | None,
    explain: bool,
    output: str,
    interpretations: list[str] | None,
    assume: list[str] | None,
    lang: Language,
    reform: str | None = None,
) -> str:
    """The text `innoreg evaluate` prints; InnoregError on bad input."""
    from innoreg.engine.evaluate import decide
    from innoreg.engine.reform import Reform

    case = read_case(case_file)
    if date is not None:
        case["date"] = _date(date)
    if assume:
        case["assumptions"] = {**(case.get("assumptions") or {}), **pairs(assume, "--assume")}
    chosen = Reform.from_yaml(reform) if reform is not None else None
    decision = decide(
        case, explain=explain, interpretations=pairs(interpretations, "-i"), reform=chosen
    )
    if output == "json":
        import json

        return json.dumps(decision.to_dict(), ensure_ascii=False, indent=2)
    from innoreg.cli.render import render_decision

    return render_decision(decision, lang)


def _date(text: str) -> str:
    import datetime as dt

    try:
        return dt.date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise InputError(
            f"{text!r} is not a date (YYYY-MM-DD)",
            field="--date",
            zh=f"{text!r} 不是日期（YYYY-MM-DD）",
        ) from None


def read_case(path: str) -> dict[str, Any]:
    """A case document from a file or stdin, JSON or YAML, read strictly (see ``case_text``)."""
    from innoreg.engine.case_text import parse_case_text

    if path == "-":
        text, name = sys.stdin.read(), "standard input"
        as_json = text.lstrip().startswith("{")
    else:
        file = Path(path)
        if not file.is_file():
            raise InputError(
                f"no such case file: {path}", field="case", zh=f"找不到案件文件：{path}"
            )
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(
                f"cannot read {path}: {exc}", field="case", zh=f"无法读取 {path}：{exc}"
            ) from None
        name, as_json = path, path.endswith(".json")
    data = parse_case_text(text, name=name, as_json=as_json)
    if not isinstance(data, dict):
        raise InputError(
            "a case must be a mapping of fields", field="case", zh="案件应为字段的映射（键值对）"
        )
    return data


def pairs(items: list[str] | None, option: str) -> dict[str, str]:
    """``NAME=VALUE`` options as a mapping; an InputError names a malformed one."""
    chosen = {}
    for pair in items or []:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise InputError(
                f"{pair!r} is not NAME=VALUE", field=option, zh=f"{pair!r} 不是 名称=值 的形式"
            )
        chosen[name.strip()] = value.strip()
    return chosen
