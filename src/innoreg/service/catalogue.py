"""Read models of the law and the rules, shared by the API and the pages (which never import
each other): acts article by article with eIds and SHA-256, the rules implementing each article,
rules with their parameters over time, interpretations, jurisdictions, and search.

Everything here is plain data (dicts, lists, strings), computed from the shipped acts and packs
and cached: the texts and packs do not change while a process runs.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from typing import Any

from innoreg.errors import CitationError, InnoregError
from innoreg.law import Act, ActMetadata, find_act, list_acts, load_act, load_expression
from innoreg.rules.pack import Pack
from innoreg.rules.registry import registry


class NotFound(InnoregError):  # noqa: N818 - reads as the HTTP status it becomes
    """A path names an act, article, rule or jurisdiction innoreg does not have."""

    def __init__(self, message: str, *, field: str) -> None:
        super().__init__(message, field=field)
        self.field = field


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def act_summary(meta: ActMetadata, on: dt.date | None = None) -> dict[str, Any]:
    return {
        "short_name": meta.short_name,
        "work_uri": meta.work_uri,
        "jurisdiction": meta.jurisdiction,
        "title": {"en": meta.title_en, "zh": meta.title_zh},
        "adopted": _iso(meta.adopted),
        "in_force": _iso(meta.in_force),
        "end": _iso(meta.end),
        "in_force_on": None if on is None else meta.in_force_on(on),
        "expressions": [e.uri for e in meta.expressions],
        "warnings": meta.date_warnings(on),
    }


def acts(on: dt.date | None = None) -> list[dict[str, Any]]:
    return [act_summary(meta, on) for meta in list_acts()]


def find(key: str) -> ActMetadata:
    try:
        return find_act(key)
    except CitationError as exc:
        raise NotFound(exc.message, field="act") from None


def _loaded(key: str, on: dt.date | None) -> tuple[ActMetadata, Act, str]:
    meta = find(key)
    try:
        expression = meta.expression_in_force(on) if on else meta.default_expression()
    except InnoregError as exc:
        raise NotFound(exc.message, field="on") from None
    return meta, load_expression(expression), expression.uri


@functools.cache
def _implementations(work_uri: str) -> dict[str, tuple[tuple[str, ...], str]]:
    """Article eId -> (variables implementing it, the pack's note), from ``articles.yaml``."""
    for pack in registry().packs.values():
        if pack.act == work_uri:
            return {e: (n.implemented_by, n.note) for e, n in pack.articles.items()}
    return {}


def article_detail(key: str, num: int, on: dt.date | None = None) -> dict[str, Any]:
    meta, act, expression = _loaded(key, on)
    try:
        article = act.article(num)
    except CitationError as exc:
        raise NotFound(exc.message, field="n") from None
    chapter = act.chapter_of(num)
    implemented_by, note = _implementations(meta.work_uri).get(article.eid, ((), ""))
    return {
        "act": meta.short_name,
        "work_uri": meta.work_uri,
        "expression": expression,
        "chapter": {"num": chapter.num, "eId": chapter.eid, "heading": chapter.heading},
        "num": article.num,
        "eId": article.eid,
        "label": article.label,
        "text": article.text,
        "citation": f"{meta.work_uri}~{article.eid}",
        "sha256": sha256(article.text),
        "paragraphs": [
            {"eId": p.eid, "num": p.num, "text": p.text, "sha256": sha256(p.text)}
            for p in article.paragraphs
        ],
        "rules": [_rule_ref(name) for name in implemented_by],
        "note": note,
    }


def act_detail(key: str, on: dt.date | None = None) -> dict[str, Any]:
    meta, act, expression = _loaded(key, on)
    return {
        **act_summary(meta, on),
        "expression": expression,
        "chapters": [
            {
                "num": chapter.num,
                "eId": chapter.eid,
                "label": chapter.label,
                "heading": chapter.heading,
                "articles": [article_detail(key, a.num, on) for a in chapter.articles],
            }
            for chapter in act.chapters
        ],
    }


def akn(key: str, on: dt.date | None = None) -> bytes:
    from innoreg.law import to_akn_xml  # lxml only when AKN is asked for

    meta, act, expression = _loaded(key, on)
    chosen = next(e for e in meta.expressions if e.uri == expression)
    return to_akn_xml(meta, act, chosen)


def jurisdictions(on: dt.date) -> list[dict[str, Any]]:
    found = []
    for code, pack in sorted(registry().packs.items()):
        chain = registry().chain(code)
        found.append(
            {
                "code": code,
                "name": pack.name.to_dict(),
                "level": pack.level,
                "parent": pack.parent,
                "chain": [p.jurisdiction for p in chain],
                "packs": [{"jurisdiction": p.jurisdiction, "version": p.version} for p in chain],
                "acts": [act_summary(load_act(p.act)[0], on) for p in chain if p.act is not None],
                "entities": sorted({k.name for p in chain for k in p.entity_kinds}),
            }
        )
    return found


def _owner(variable: str) -> tuple[Pack, Any]:
    for pack in registry().packs.values():
        for spec in pack.rules:
            if spec.name == variable:
                return pack, spec
    raise NotFound(f"no variable named {variable!r}", field="variable")


def _rule_ref(name: str) -> dict[str, Any]:
    pack, spec = _owner(name)
    return {"name": name, "label": spec.label.to_dict(), "level": pack.jurisdiction}


def rules(jurisdiction: str | None = None, entity: str | None = None) -> list[dict[str, Any]]:
    packs = registry().chain(jurisdiction) if jurisdiction else tuple(registry().packs.values())
    rows = [
        {
            "name": r.name,
            "entity": r.entity,
            "unit": r.unit,
            "level": pack.jurisdiction,
            "label": r.label.to_dict(),
            "cites": list(r.cites),
        }
        for pack in packs
        for r in pack.rules
        if entity is None or r.entity == entity
    ]
    return sorted(rows, key=lambda r: (r["level"], r["entity"], r["name"]))


def rule_detail(variable: str, on: dt.date, jurisdiction: str | None = None) -> dict[str, Any]:
    """One variable in full (``engine.rule_info``): a 404 where there is none."""
    from innoreg.engine.rule_info import UnknownVariableError, describe_rule

    try:
        return describe_rule(variable, jurisdiction=jurisdiction, on=on)
    except UnknownVariableError as exc:
        raise NotFound(exc.detail, field="variable") from None


def interpretations(jurisdiction: str | None = None) -> list[dict[str, Any]]:
    packs = registry().chain(jurisdiction) if jurisdiction else tuple(registry().packs.values())
    return [i.to_dict() for pack in packs for i in pack.interpretations]


def search(query: str, limit: int = 50) -> list[dict[str, Any]]:
    """Paragraphs of every shipped act containing every word of ``query`` (case-insensitive),
    with the matched spans, so a page can highlight them."""
    words = [w for w in query.split() if w][:10]
    if not words:
        return []
    patterns = [re.compile(re.escape(w), re.IGNORECASE) for w in words]
    hits: list[dict[str, Any]] = []
    for meta in list_acts():
        _, act = load_act(meta.short_name)
        for article in act.articles():
            for paragraph in article.paragraphs:
                spans = [m.span() for p in patterns for m in p.finditer(paragraph.text)]
                if not all(p.search(paragraph.text) for p in patterns):
                    continue
                hits.append(
                    {
                        "act": meta.short_name,
                        "title": {"en": meta.title_en, "zh": meta.title_zh},
                        "article": article.num,
                        "eId": paragraph.eid,
                        "text": paragraph.text,
                        "spans": _merge(spans),
                    }
                )
                if len(hits) >= limit:
                    return hits
    return hits


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
