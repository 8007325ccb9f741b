"""Plain regulation text -> `Act`.

The shipped translations are messy: `chapter I general provisions article 1`, `Article 5:`,
articles written as ordinal words (`Seventh encourage …`), chapter headings that run into the
first article with no punctuation, paragraphs on new lines only sometimes. The parser finds every
label-like word, then keeps a label only where a label can stand and only when it carries the
next number:

* a label stands at the start of the text or of a line, after a sentence end (`.`, `;`, `。` …,
  optionally followed by a closing quote), or right after a chapter heading;
* an explicit label (`Article 7`, `article 7:`, `第七条`, `Chapter II`, `第二章`) there must carry
  the next number, or the text is malformed (ParseError: backwards, duplicate, skip);
* an ordinal word (`Seventh`) is a label only when it is the next article number and is not
  followed by a comma or colon ("Second, …" is prose);
* "Article 3 of the Law" and "Article 3, paragraph 2" are references, never labels.

Paragraphs: where the body has blank lines, blank lines separate paragraphs; otherwise a line
break after a sentence end does (Chinese 款 one per line); a text on one line gives one paragraph
per article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from innoreg.errors import ParseError
from innoreg.law.model import (
    Act,
    Article,
    Chapter,
    Paragraph,
    article_eid,
    chapter_eid,
    paragraph_eid,
)
from innoreg.law.numbering import (
    CARDINAL_WORD,
    CHINESE_NUMERAL,
    ORDINAL_WORD,
    from_cardinal_word,
    from_chinese_numeral,
    from_ordinal_word,
    from_roman,
)

_LABELS = re.compile(
    rf"""
    (?P<chapter>\bchapter\s+(?P<chapter_num>\d+|{CARDINAL_WORD}|[ivxlcdm]+)\b(?:\s*[:：]|\.(?=\s))?)
  | (?P<zh_chapter>第\s*(?P<zh_chapter_num>{CHINESE_NUMERAL})\s*章)
  | (?P<article>\barticle\s+(?P<article_num>\d+)\b(?:\s*[:：]|\.(?=\s))?)
  | (?P<zh_article>第\s*(?P<zh_article_num>{CHINESE_NUMERAL})\s*条)
  | (?P<ordinal>\b{ORDINAL_WORD}\b(?![-\w]))
    """,
    re.IGNORECASE | re.VERBOSE,
)
_REFERENCE_AFTER = re.compile(r"\s+of\b|\s*,\s*paragraph\b")
_PROSE_AFTER_ORDINAL = re.compile(r"\s*[,，:：;；.。]|\s*$")
_SENTENCE_END = ".!?;。！？；"
_CLOSERS = "\"'”’)）」』"
_HEADING_PROSE = re.compile(r"[.!?;。！？；]")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_BLANK_LINE_BREAK = re.compile(r"\s*\n[^\S\n]*\n\s*")
_SENTENCE_LINE_BREAK = re.compile(
    r"(?:(?<=[.!?。！？])|(?<=[.!?。！？][\"'”’)）」』]))[^\S\n]*\n\s*"
)
_TITLE_MAX = 200


@dataclass(frozen=True)
class _Label:
    """A label-like span of the text: a chapter or article, its number, and whether it is
    explicit (a keyword and a numeral) or an ordinal word that may just be prose."""

    kind: str
    num: int
    explicit: bool
    start: int
    end: int


def parse_act(text: str, source: str | None = None) -> Act:
    """Parse a regulation's plain text; ParseError (with line and column) if it is malformed."""
    text = text.removeprefix("\ufeff")
    labels = _structural_labels(text, source)
    chapters: list[Chapter] = []
    articles: list[Article] = []
    chapter_label: _Label | None = None
    heading = ""
    separator = _paragraph_separator(text[labels[0].start :])
    for label, following in zip(labels, [*labels[1:], None], strict=True):
        end = following.start if following else len(text)
        body = text[label.end : end].strip()
        if label.kind == "chapter":
            if chapter_label is not None:
                chapters.append(_chapter(text, chapter_label, heading, articles))
            chapter_label, heading, articles = label, body, []
        else:
            if not body:
                raise _error(f"article {label.num} has no text", text, label.start, source)
            articles.append(_article(text[label.start : label.end], label.num, body, separator))
    assert chapter_label is not None  # _structural_labels starts with a chapter
    chapters.append(_chapter(text, chapter_label, heading, articles))
    title, preamble = _title_and_preamble(text[: labels[0].start])
    return Act(title=title, preamble=preamble, chapters=tuple(chapters))


def _structural_labels(text: str, source: str | None) -> list[_Label]:
    """The labels that structure the act, in order; raises on malformed numbering."""
    accepted: list[_Label] = []
    next_chapter, next_article = 1, 1
    open_chapter: _Label | None = None  # a chapter whose heading still waits for its article
    for label in _candidates(text):
        at_boundary = _at_boundary(text, label.start)
        if label.kind == "chapter":
            first = not accepted and label.num == 1
            if not (at_boundary or first):
                continue
            if open_chapter is not None:
                message = f"chapter {open_chapter.num} has no article"
                raise _error(message, text, open_chapter.start, source)
            _check_number("chapter", label, next_chapter, text, source)
            accepted.append(label)
            next_chapter, open_chapter = next_chapter + 1, label
            continue
        if not (at_boundary or open_chapter is not None):
            continue
        if label.num != next_article:
            if label.explicit:
                _check_number("article", label, next_article, text, source)
            continue
        if not accepted:
            if not label.explicit:
                continue
            message = f"article {label.num} comes before any chapter heading"
            raise _error(message, text, label.start, source)
        if open_chapter is not None:
            heading = text[open_chapter.end : label.start]
            prose = _HEADING_PROSE.search(heading)
            if prose:
                message = f"chapter {open_chapter.num} heading runs into a sentence, not an article"
                raise _error(message, text, open_chapter.end + prose.start(), source)
        accepted.append(label)
        next_article, open_chapter = next_article + 1, None
    if next_article == 1:
        raise _error("no articles found", text, 0, source)
    if open_chapter is not None:
        raise _error(f"chapter {open_chapter.num} has no article", text, open_chapter.start, source)
    return accepted


def _candidates(text: str) -> list[_Label]:
    """Every span that reads as a label, before any judgement of where it stands."""
    found: list[_Label] = []
    for match in _LABELS.finditer(text):
        start, end = match.span()
        after = text[end : end + 24]
        if match["chapter"]:
            raw = match["chapter_num"]
            num = int(raw) if raw.isdigit() else from_cardinal_word(raw) or from_roman(raw)
            if num is not None and not _REFERENCE_AFTER.match(after):
                found.append(_Label("chapter", num, True, start, end))
        elif match["zh_chapter"]:
            num = from_chinese_numeral(match["zh_chapter_num"])
            if num is not None:
                found.append(_Label("chapter", num, True, start, end))
        elif match["article"]:
            if not _REFERENCE_AFTER.match(after):
                found.append(_Label("article", int(match["article_num"]), True, start, end))
        elif match["zh_article"]:
            num = from_chinese_numeral(match["zh_article_num"])
            if num is not None:
                found.append(_Label("article", num, True, start, end))
        else:
            num = from_ordinal_word(match[0])
            if num is not None and not _PROSE_AFTER_ORDINAL.match(after):
                found.append(_Label("article", num, False, start, end))
    return found


def _at_boundary(text: str, start: int) -> bool:
    """True where a label may stand: text or line start, or after a sentence end."""
    i = start - 1
    while i >= 0 and text[i].isspace():
        if text[i] == "\n":
            return True
        i -= 1
    if i < 0:
        return True
    if text[i] in _CLOSERS and i > 0:
        i -= 1
    return text[i] in _SENTENCE_END


def _check_number(kind: str, label: _Label, expected: int, text: str, source: str | None) -> None:
    if label.num == expected:
        return
    previous = expected - 1
    if previous == 0:
        message = f"the first {kind} is numbered {label.num}, not 1"
    elif label.num == previous:
        message = f"duplicate {kind} number {label.num}"
    elif label.num < previous:
        message = f"{kind} numbers go backwards: {kind} {label.num} after {kind} {previous}"
    else:
        message = f"{kind} numbers skip from {previous} to {label.num}"
    raise _error(message, text, label.start, source)


def _error(message: str, text: str, offset: int, source: str | None) -> ParseError:
    line = text.count("\n", 0, offset) + 1
    column = offset - text.rfind("\n", 0, offset)
    return ParseError(message, line=line, column=column, source=source)


def _paragraph_separator(body: str) -> re.Pattern[str]:
    return _BLANK_LINE_BREAK if _BLANK_LINE.search(body) else _SENTENCE_LINE_BREAK


def _article(label: str, num: int, text: str, separator: re.Pattern[str]) -> Article:
    pieces = [piece for piece in separator.split(text) if piece]
    paragraphs = tuple(
        Paragraph(eid=paragraph_eid(num, i), num=i, text=piece)
        for i, piece in enumerate(pieces, start=1)
    )
    return Article(num=num, eid=article_eid(num), label=label, text=text, paragraphs=paragraphs)


def _chapter(text: str, label: _Label, heading: str, articles: list[Article]) -> Chapter:
    return Chapter(
        num=label.num,
        eid=chapter_eid(label.num),
        label=text[label.start : label.end],
        heading=heading,
        articles=tuple(articles),
    )


def _title_and_preamble(front: str) -> tuple[str | None, str]:
    """The first line is the title when it is short and not a sentence; the rest is preamble."""
    front = front.strip()
    if not front:
        return None, ""
    first, _, rest = front.partition("\n")
    first = first.strip()
    if len(first) <= _TITLE_MAX and first[-1] not in _SENTENCE_END:
        return first, rest.strip()
    return None, front
