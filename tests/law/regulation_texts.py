"""Hypothesis strategies for regulation-like texts in every label style the parser accepts, with
the structure they were built from, to compare a parse against."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

from innoreg.law.numbering import to_cardinal_word, to_ordinal_word, to_roman

# Prose words that can never form a label: no "article", "chapter", "of", number words or
# numerals that could follow a label keyword.
_PROSE = (
    "enterprises shall support innovation research the government funds science technology "
    "promote and in accordance with law units may apply market reward patent transfer income "
    "county city district people's (pilot) R&D 3% 2014 high-tech above designated size "
    "provincial municipal platforms incubators talents standards"
)
WORDS = tuple(_PROSE.split())

CHAPTER_STYLES = ("Chapter {n}", "Chapter {roman}", "chapter {roman}", "Chapter {cardinal}")
ARTICLE_STYLES = ("Article {n}", "Article {n}:", "{Ordinal}", "article {n}")


@dataclass(frozen=True)
class Spec:
    """What a generated text is made of, to compare the parse against."""

    title: str | None
    chapters: tuple[tuple[str, str, tuple[tuple[str, tuple[str, ...]], ...]], ...]
    paragraph_break: str  # "\n\n", "\n" or " " (no break: one paragraph per article)
    text: str


def chapter_label(style: str, n: int) -> str:
    return style.format(n=n, roman=to_roman(n), cardinal=to_cardinal_word(n).capitalize())


def article_label(style: str, n: int) -> str:
    return style.format(n=n, Ordinal=to_ordinal_word(n).capitalize())


words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8)
sentences = words.map(lambda ws: " ".join([ws[0].capitalize(), *ws[1:]]) + ".")
paragraphs = st.lists(sentences, min_size=1, max_size=3).map(" ".join)


@st.composite
def regulation_texts(draw: st.DrawFn) -> Spec:
    paragraph_break = draw(st.sampled_from(["\n\n", "\n", " "]))
    gaps = [" ", "\n", "\n\n"] if paragraph_break == "\n\n" else [" ", "\n"]
    gap = st.sampled_from(gaps)
    title = draw(st.none() | words.map(lambda ws: " ".join(ws).title()))
    parts: list[str] = [title + draw(st.sampled_from(["\n", "\n\n"])) if title else ""]
    chapter_style = draw(st.sampled_from(CHAPTER_STYLES))
    chapters = []
    article_num = 0
    for chapter_num in range(1, draw(st.integers(1, 4)) + 1):
        label = chapter_label(chapter_style, chapter_num)
        heading = " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=6)))
        parts += [label, draw(gap), heading, draw(gap)] if heading else [label, draw(gap)]
        articles = []
        for _ in range(draw(st.integers(1, 4))):
            article_num += 1
            style = draw(st.sampled_from(ARTICLE_STYLES))
            pieces = tuple(draw(st.lists(paragraphs, min_size=1, max_size=3)))
            articles.append((article_label(style, article_num), pieces))
            parts += [articles[-1][0], " ", paragraph_break.join(pieces), draw(gap)]
        chapters.append((label, heading, tuple(articles)))
    return Spec(title, tuple(chapters), paragraph_break, "".join(parts))
