"""Malformed texts give one-line ParseErrors that say what is wrong and where (line, column);
prose that merely looks like a label is left alone."""

from __future__ import annotations

import pytest

from innoreg.errors import ParseError
from innoreg.law import parse_act


def error_of(text: str, source: str | None = None) -> ParseError:
    with pytest.raises(ParseError) as caught:
        parse_act(text, source=source)
    return caught.value


@pytest.mark.parametrize(
    ("text", "message", "line", "column"),
    [
        ("", "no articles found", 1, 1),
        ("Nothing here looks like a law.\nReally.", "no articles found", 1, 1),
        (
            "Chapter 1 General\nArticle 1 One.\nArticle 2 Two.\nArticle 1 Again.",
            "article numbers go backwards: article 1 after article 2",
            4,
            1,
        ),
        (
            "Chapter 1 General Article 1 One. Article 2 Two. Article 2 Again.",
            "duplicate article number 2",
            1,
            49,
        ),
        (
            "Chapter 1 General\nArticle 1 One.\nArticle 3 Three.",
            "article numbers skip from 1 to 3",
            3,
            1,
        ),
        (
            "Chapter 1 General\n\nArticle 2 Two.",
            "the first article is numbered 2, not 1",
            3,
            1,
        ),
        ("Article 1 One.\nChapter 1 General", "article 1 comes before any chapter heading", 1, 1),
        (
            "Chapter 1 General Article 1 One. Chapter 3 Later Article 2 Two.",
            "chapter numbers skip from 1 to 3",
            1,
            34,
        ),
        (
            "Chapter 1 A Article 1 One.\nChapter 2 B Article 2 Two.\nChapter 2 C Article 3 x.",
            "duplicate chapter number 2",
            3,
            1,
        ),
        (
            "Chapter 1 General Article 1 One. Chapter 2 Empty",
            "chapter 2 has no article",
            1,
            34,
        ),
        (
            "Chapter 1 General Article 1 One.\nChapter 2\nChapter 3 Other Article 2 x.",
            "chapter 2 has no article",
            2,
            1,
        ),
        (
            "Chapter 1 General. It is prose. Article 1 One.",
            "chapter 1 heading runs into a sentence, not an article",
            1,
            18,
        ),
        ("Chapter 1 General Article 1 One. Article 2", "article 2 has no text", 1, 34),
    ],
)
def test_malformed_text_gives_the_documented_error(
    text: str, message: str, line: int, column: int
) -> None:
    error = error_of(text)
    assert error.message == f"line {line}:{column}: {message}"
    assert (error.line, error.column) == (line, column)
    assert "\n" not in str(error)


def test_the_error_names_the_source_file() -> None:
    error = error_of("Chapter 1 X\nArticle 1 a.\nArticle 1 b.", source="draft.txt")
    assert str(error) == "draft.txt:3:1: duplicate article number 1"
    assert error.to_dict()["source"] == "draft.txt"


def test_columns_count_from_one_after_the_last_line_break() -> None:
    error = error_of("Title\n\nChapter 1 X Article 1 a.   Article 5 b.")
    assert (error.line, error.column) == (3, 28)


def test_references_to_other_articles_are_not_labels() -> None:
    act = parse_act(
        "Chapter 1 General Article 1 As Article 9 of the Law says. "
        "Article 4 of the Law applies too. Article 3, paragraph 2 applies. Article 2 End."
    )
    assert [a.num for a in act.articles()] == [1, 2]
    assert act.article(1).text.endswith("Article 3, paragraph 2 applies.")


def test_ordinal_words_in_prose_are_not_labels() -> None:
    act = parse_act(
        "Chapter 1 General Article 1 The first duty. Second, the seventh rule applies. "
        "Second: none. Second. Second enterprises shall report."
    )
    assert [a.label for a in act.articles()] == ["Article 1", "Second"]
    assert (
        act.article(1).text
        == "The first duty. Second, the seventh rule applies. Second: none. Second."
    )


def test_an_ordinal_word_with_the_wrong_number_is_prose() -> None:
    act = parse_act("Chapter 1 A Article 1 One. Fifth enterprises. Article 2 Two.")
    assert act.article(1).text == "One. Fifth enterprises."


def test_a_label_inside_a_sentence_is_prose_even_with_the_next_number() -> None:
    act = parse_act("Chapter 1 A Article 1 See article 2 below. Article 2 Two.")
    assert act.article(1).text == "See article 2 below."
