"""`innoreg law`: list the shipped acts, show an act or an article, parse a text, export Akoma
Ntoso. Every user error is one `error: …` line on stderr and exit code 2, as `innoreg.cli.main`
does; the commands translate them here so that they hold however the app is invoked."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from innoreg.cli.edge import fail, user_errors
from innoreg.cli.options import Format, FormatOption, LangOption, parse_date

if TYPE_CHECKING:
    from innoreg.law import Act, ActMetadata, Article, Chapter, Expression

app = typer.Typer(
    help="Regulation texts: list, show, parse and export them.",
    no_args_is_help=True,
    add_completion=False,
)


ActKey = Annotated[str, typer.Argument(help="Work URI, short name or jurisdiction code.")]
OnOption = Annotated[
    str | None, typer.Option("--on", help="Use the version in force on this day (YYYY-MM-DD).")
]


@app.command("list")
def list_command(
    output: FormatOption = Format.text,
    lang: LangOption = None,  # the language of errors and text
) -> None:
    """List the shipped acts: short name, jurisdiction, in-force date, work URI and titles."""
    from innoreg.law import list_acts

    with user_errors():
        acts = list_acts()
    if output is Format.json:
        _print_json([_metadata_json(meta) for meta in acts])
        return
    rows = [("short name", "jurisdiction", "in force", "work URI", "title")]
    for meta in acts:
        in_force = meta.in_force.isoformat() if meta.in_force else "unknown"
        title = f"{meta.title_en} / {meta.title_zh}"
        rows.append((meta.short_name, meta.jurisdiction, in_force, meta.work_uri, title))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        typer.echo(
            "  ".join([*(cell.ljust(w) for cell, w in zip(row[:4], widths, strict=True)), row[4]])
        )


@app.command("show")
def show_command(
    act_key: ActKey,
    article: Annotated[int | None, typer.Option("--article", "-a", help="One article.")] = None,
    output: FormatOption = Format.text,
    on: OnOption = None,
    rules: Annotated[
        bool,
        typer.Option("--rules", help="Also the rules implementing the article, and its note."),
    ] = False,
    lang: LangOption = None,  # the language of errors and text
) -> None:
    """Show an act, or one article with its paragraphs and eIds (and any date warnings)."""
    from innoreg.law import find_act, load_expression

    with user_errors():
        meta = find_act(_act_key(act_key))
        day = parse_date(on, "--on")
        expression = meta.expression_in_force(day) if day else meta.default_expression()
        act = load_expression(expression)
        warnings = meta.date_warnings(day)
        if article is not None:
            shown = act.article(article)
            _show_article(meta, expression, act, shown, warnings, output, rules)
            return
    if rules:
        raise fail("--rules needs --article N", "--rules 需要与 --article N 一起使用")
    if output is Format.json:
        _print_json({**_metadata_json(meta, day), "expression": expression.uri, **_act_json(act)})
        return
    _echo_header(meta, expression, warnings)
    for chapter in act.chapters:
        typer.echo(f"\n{chapter.eid}  {chapter.label}  {chapter.heading}")
        for item in chapter.articles:
            _echo_article(item)


@app.command("parse")
def parse_command(
    file: Annotated[Path, typer.Argument(help="A plain-text regulation.")],
    output: FormatOption = Format.text,
    lang: LangOption = None,  # the language of errors and text
) -> None:
    """Parse a plain-text regulation and print its chapters, articles and paragraphs."""
    from innoreg.law import parse_act

    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(f"cannot read {file}: {getattr(exc, 'strerror', None) or exc}") from None
    with user_errors():
        act = parse_act(text, source=str(file))
    if output is Format.json:
        _print_json(_act_json(act))
        return
    if act.title:
        typer.echo(act.title)
    for chapter in act.chapters:
        typer.echo(f"\n{chapter.eid}  {chapter.label}  {chapter.heading}")
        for article in chapter.articles:
            _echo_article(article)


@app.command("export-akn")
def export_akn_command(
    act_key: ActKey,
    out: Annotated[
        Path | None, typer.Option("--output", "-o", help="File (default: stdout).")
    ] = None,
    on: OnOption = None,
    lang: LangOption = None,  # the language of errors and text
) -> None:
    """Export an act as Akoma Ntoso 3.0 XML."""
    from innoreg.law import find_act, load_expression, to_akn_xml

    with user_errors():
        meta = find_act(_act_key(act_key))
        day = parse_date(on, "--on")
        expression = meta.expression_in_force(day) if day else meta.default_expression()
        xml = to_akn_xml(meta, load_expression(expression), expression)
    if out is None:
        typer.echo(xml.decode("utf-8"), nl=False)
        return
    try:
        out.write_bytes(xml)
    except OSError as exc:
        raise fail(f"cannot write {out}: {exc.strerror or exc}") from None
    typer.echo(f"wrote {out} ({expression.uri})")


def _act_key(key: str) -> str:
    """An act by its own keys, or by a jurisdiction alias (``luoyang``, ``洛阳``)."""
    from innoreg.rules.registry import registry

    return registry().aliases.get(key.strip().lower(), key)


def _show_article(
    meta: ActMetadata,
    expression: Expression,
    act: Act,
    article: Article,
    warnings: list[str],
    output: Format,
    with_rules: bool = False,
) -> None:
    chapter = act.chapter_of(article.num)
    implementation = _implementation(meta, article) if with_rules else None
    if output is Format.json:
        version = f"/{expression.language}@{expression.date}" if expression.date else ""
        _print_json(
            {
                "work_uri": meta.work_uri,
                "expression": expression.uri,
                "chapter": {"num": chapter.num, "eId": chapter.eid, "heading": chapter.heading},
                **_article_json(article),
                "label": article.label,
                "citation": f"{meta.work_uri}{version}~{article.eid}",
                "sha256": hashlib.sha256(article.text.encode("utf-8")).hexdigest(),
                "warnings": warnings,
                **({"implementation": implementation} if implementation is not None else {}),
            }
        )
        return
    _echo_header(meta, expression, warnings)
    typer.echo(f"\n{chapter.eid}  {chapter.label}  {chapter.heading}")
    _echo_article(article)
    if implementation is not None:
        typer.echo(
            "\n  implemented by:" if implementation["rules"] else "\n  implemented by: nothing"
        )
        for rule in implementation["rules"]:
            cites = ", ".join(rule["cites"])
            typer.echo(
                f"    {rule['name']}  [{rule['level']}]  {rule['label']['en']} / "
                f"{rule['label']['zh']}  ({cites})"
            )
        if implementation["note"]:
            typer.echo(f"  note: {implementation['note']}")


def _implementation(meta: ActMetadata, article: Article) -> dict[str, Any]:
    from innoreg.rules.registry import registry

    found = registry().article_implementation(meta.work_uri, article.eid)
    return {
        "note": " ".join(found.note.note.split()) if found.note else None,
        "rules": [
            {
                "name": r.name,
                "level": r.pack,
                "entity": r.entity,
                "label": r.label.to_dict(),
                "cites": list(r.cites),
            }
            for r in found.rules
        ],
    }


def _echo_header(meta: ActMetadata, expression: Expression, warnings: list[str]) -> None:
    typer.echo(f"{meta.title_en}\n{meta.title_zh}")
    origin = f", translated from {expression.translation_of}" if expression.is_translation else ""
    typer.echo(f"{expression.uri}{origin}")
    dates = [
        f"adopted {_day(meta.adopted)}",
        f"in force {_day(meta.in_force)}",
        f"end {_day(meta.end, 'none recorded')}",
    ]
    typer.echo(" · ".join(dates))
    for warning in warnings:
        typer.echo(f"warning: {warning}")


def _echo_article(article: Article) -> None:
    typer.echo(f"\n  {article.eid}  {article.label}")
    for paragraph in article.paragraphs:
        typer.echo(f"    {paragraph.eid}  {paragraph.text}")


def _day(day: date | None, unknown: str = "unknown") -> str:
    return day.isoformat() if day else unknown


def _metadata_json(meta: ActMetadata, on: date | None = None) -> dict[str, Any]:
    return {
        "short_name": meta.short_name,
        "work_uri": meta.work_uri,
        "jurisdiction": meta.jurisdiction,
        "title_en": meta.title_en,
        "title_zh": meta.title_zh,
        "adopted": _iso(meta.adopted),
        "in_force": _iso(meta.in_force),
        "end": _iso(meta.end),
        "expressions": [e.uri for e in meta.expressions],
        "warnings": meta.date_warnings(on),
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _act_json(act: Act) -> dict[str, Any]:
    return {"title": act.title, "chapters": [_chapter_json(c) for c in act.chapters]}


def _chapter_json(chapter: Chapter) -> dict[str, Any]:
    return {
        "num": chapter.num,
        "heading": chapter.heading,
        "eId": chapter.eid,
        "articles": [_article_json(a) for a in chapter.articles],
    }


def _article_json(article: Article) -> dict[str, Any]:
    return {
        "num": article.num,
        "eId": article.eid,
        "text": article.text,
        "paragraphs": [{"eId": p.eid, "text": p.text} for p in article.paragraphs],
    }


def _print_json(data: object) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
