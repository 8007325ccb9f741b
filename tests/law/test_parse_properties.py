"""Property tests: regulation-like texts written in every label style the parser accepts come back
with their chapters, headings, articles, labels, texts and paragraphs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from innoreg.errors import ParseError
from innoreg.law import parse_act

from .regulation_texts import Spec, regulation_texts


@settings(max_examples=200, deadline=None)
@given(regulation_texts())
def test_the_parser_recovers_the_structure_of_any_regulation_like_text(spec: Spec) -> None:
    act = parse_act(spec.text)
    assert act.title == spec.title
    assert [(c.label, c.heading) for c in act.chapters] == [(c[0], c[1]) for c in spec.chapters]
    assert [c.num for c in act.chapters] == list(range(1, len(spec.chapters) + 1))
    expected = [article for chapter in spec.chapters for article in chapter[2]]
    assert [a.num for a in act.articles()] == list(range(1, len(expected) + 1))
    for article, (label, pieces) in zip(act.articles(), expected, strict=True):
        assert article.label == label
        assert article.text == spec.paragraph_break.join(pieces)
        if spec.paragraph_break == " ":
            assert [p.text for p in article.paragraphs] == [" ".join(pieces)]
        else:
            assert [p.text for p in article.paragraphs] == list(pieces)


@settings(max_examples=100, deadline=None)
@given(regulation_texts())
def test_the_parts_of_any_parsed_text_give_back_the_text(spec: Spec) -> None:
    act = parse_act(spec.text)
    parts = [act.title or "", act.preamble]
    for chapter in act.chapters:
        parts += [chapter.label, chapter.heading]
        for article in chapter.articles:
            parts += [article.label, article.text]
    assert " ".join(" ".join(parts).split()) == " ".join(spec.text.split())
    assert len(act.eids()) == len(set(act.eids()))


@settings(max_examples=50, deadline=None)
@given(regulation_texts(), st.integers(0, 3))
def test_repeating_an_explicit_label_is_always_an_error(spec: Spec, pick: int) -> None:
    articles = parse_act(spec.text).articles()
    article = articles[pick % len(articles)]
    broken = f"{spec.text.rstrip()} Article {article.num} Again."
    try:
        parse_act(broken)
    except ParseError as error:
        assert "article" in error.message
        assert error.line == spec.text.rstrip().count("\n") + 1
    else:
        raise AssertionError("a repeated article number was accepted")


LABEL_SOUP = st.sampled_from(
    ["Chapter 1 ", "chapter II ", "Article 1 ", "Article 2: ", "Second ", "第一章", "第二条", ". ",
     "\n", "\n\n", "words ", "of ", ", ", "Third, ", "CHAPTER I\n", "article 3 "]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(LABEL_SOUP, max_size=30).map("".join) | st.text(max_size=200))
def test_any_text_parses_or_gives_a_parse_error_with_a_position(text: str) -> None:
    try:
        act = parse_act(text)
    except ParseError as error:
        assert error.line >= 1 and error.column >= 1
        assert error.line <= text.count("\n") + 1
        assert "\n" not in error.message
    else:
        assert act.articles()
        assert [a.num for a in act.articles()] == list(range(1, len(act.articles()) + 1))
